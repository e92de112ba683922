-- CreateEnum
CREATE TYPE "AlertFormat" AS ENUM ('AUTO', 'ALERTMANAGER', 'GRAFANA', 'PAGERDUTY', 'GENERIC');

-- CreateEnum
CREATE TYPE "AlertAuthMode" AS ENUM ('BEARER', 'HMAC');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('PENDING', 'PROCESSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('FIRING', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateTable
CREATE TABLE "AlertSource" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" "AlertFormat" NOT NULL DEFAULT 'AUTO',
    "authMode" "AlertAuthMode" NOT NULL DEFAULT 'BEARER',
    "secretHash" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "previousSecretHash" TEXT,
    "previousSecretSealed" TEXT,
    "previousExpiresAt" TIMESTAMPTZ(3),
    "mapping" TEXT NOT NULL DEFAULT '',
    "rules" JSONB NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "lastDeliveryAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "openKey" TEXT,
    "status" "AlertStatus" NOT NULL DEFAULT 'FIRING',
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT '',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "links" JSONB NOT NULL DEFAULT '[]',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "payload" TEXT NOT NULL DEFAULT '',
    "generatorURL" TEXT,
    "groupKey" TEXT,
    "incidentId" TEXT,
    "lastDeliveryId" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertGroup" (
    "sourceId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertGroup_pkey" PRIMARY KEY ("sourceId","groupKey")
);

-- CreateIndex
CREATE INDEX "AlertSource_teamId_name_idx" ON "AlertSource"("teamId", "name");

-- CreateIndex
CREATE INDEX "AlertDelivery_sourceId_receivedAt_idx" ON "AlertDelivery"("sourceId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "AlertDelivery_status_receivedAt_idx" ON "AlertDelivery"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_sourceId_idempotencyKey_key" ON "AlertDelivery"("sourceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Alert_teamId_lastSeenAt_id_idx" ON "Alert"("teamId", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_teamId_status_lastSeenAt_id_idx" ON "Alert"("teamId", "status", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_teamId_sourceId_lastSeenAt_id_idx" ON "Alert"("teamId", "sourceId", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_sourceId_dedupKey_idx" ON "Alert"("sourceId", "dedupKey");

-- CreateIndex
CREATE INDEX "Alert_incidentId_idx" ON "Alert"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_sourceId_openKey_key" ON "Alert"("sourceId", "openKey");

-- CreateIndex
CREATE INDEX "AlertGroup_incidentId_idx" ON "AlertGroup"("incidentId");

-- AddForeignKey
ALTER TABLE "AlertSource" ADD CONSTRAINT "AlertSource_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "AlertSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "AlertSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertGroup" ADD CONSTRAINT "AlertGroup_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "AlertSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertGroup" ADD CONSTRAINT "AlertGroup_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
