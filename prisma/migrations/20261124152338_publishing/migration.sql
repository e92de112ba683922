-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "internalHostPatterns" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publicIndex" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "customSlug" TEXT,
    "noindex" BOOLEAN NOT NULL DEFAULT true,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicEdition" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "contentVersion" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicEdition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Publication_postmortemId_key" ON "Publication"("postmortemId");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");

-- CreateIndex
CREATE INDEX "Publication_teamId_listed_revokedAt_idx" ON "Publication"("teamId", "listed", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_teamId_customSlug_key" ON "Publication"("teamId", "customSlug");

-- CreateIndex
CREATE INDEX "PublicEdition_postmortemId_idx" ON "PublicEdition"("postmortemId");

-- CreateIndex
CREATE INDEX "PublicEdition_teamId_publishedAt_idx" ON "PublicEdition"("teamId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "PublicEdition_publishedById_idx" ON "PublicEdition"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "PublicEdition_publicationId_number_key" ON "PublicEdition"("publicationId", "number");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicEdition" ADD CONSTRAINT "PublicEdition_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicEdition" ADD CONSTRAINT "PublicEdition_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicEdition" ADD CONSTRAINT "PublicEdition_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicEdition" ADD CONSTRAINT "PublicEdition_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
