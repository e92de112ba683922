-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "reviewPolicyUpdatedAt" TIMESTAMPTZ(3);
