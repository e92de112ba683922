-- AlterTable
ALTER TABLE "PublicEdition" ADD COLUMN     "previewImage" BYTEA,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnNote" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "personRoles" JSONB NOT NULL DEFAULT '{}';
