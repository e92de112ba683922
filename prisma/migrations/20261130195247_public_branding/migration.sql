-- CreateTable
CREATE TABLE "PublicBranding" (
    "teamId" TEXT NOT NULL,
    "accent" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublicBranding_pkey" PRIMARY KEY ("teamId")
);

-- AddForeignKey
ALTER TABLE "PublicBranding" ADD CONSTRAINT "PublicBranding_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
