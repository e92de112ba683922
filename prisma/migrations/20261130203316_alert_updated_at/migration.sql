-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Alert_teamId_updatedAt_idx" ON "Alert"("teamId", "updatedAt");
