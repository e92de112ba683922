-- CreateEnum
CREATE TYPE "IncidentOrigin" AS ENUM ('MANUAL', 'ALERT', 'API');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "origin" "IncidentOrigin" NOT NULL DEFAULT 'MANUAL';
