-- CreateTable
CREATE TABLE "DiagramImage" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "svg" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiagramImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DiagramImage_postmortemId_updatedAt_idx" ON "DiagramImage"("postmortemId", "updatedAt");

-- CreateIndex
CREATE INDEX "DiagramImage_teamId_idx" ON "DiagramImage"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "DiagramImage_postmortemId_sourceHash_key" ON "DiagramImage"("postmortemId", "sourceHash");

-- AddForeignKey
ALTER TABLE "DiagramImage" ADD CONSTRAINT "DiagramImage_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiagramImage" ADD CONSTRAINT "DiagramImage_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
