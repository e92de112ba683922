-- CreateEnum
CREATE TYPE "TaskType" AS ENUM ('CORRECTIVE', 'PREVENTIVE', 'DETECTIVE', 'MITIGATING', 'PROCESS');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('P0', 'P1', 'P2', 'P3');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'WONT_DO');

-- CreateEnum
CREATE TYPE "RecurrenceUnit" AS ENUM ('WEEKS', 'MONTHS');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "requireTaskVerification" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "TaskType" NOT NULL,
    "priority" "TaskPriority" NOT NULL DEFAULT 'P2',
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "dueDate" DATE,
    "externalUrl" TEXT,
    "externalKey" TEXT,
    "recurrenceEvery" INTEGER,
    "recurrenceUnit" "RecurrenceUnit",
    "seriesId" TEXT,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "previousId" TEXT,
    "verificationCriteria" TEXT NOT NULL DEFAULT '',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "sourceEventId" TEXT,
    "createdById" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "taskId" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Task_previousId_key" ON "Task"("previousId");

-- CreateIndex
CREATE INDEX "Task_incidentId_type_idx" ON "Task"("incidentId", "type");

-- CreateIndex
CREATE INDEX "Task_teamId_status_dueDate_id_idx" ON "Task"("teamId", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Task_teamId_ownerId_status_dueDate_id_idx" ON "Task"("teamId", "ownerId", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Task_teamId_type_status_dueDate_id_idx" ON "Task"("teamId", "type", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Task_ownerId_status_dueDate_id_idx" ON "Task"("ownerId", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Task_seriesId_occurrence_idx" ON "Task"("seriesId", "occurrence");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_sourceEventId_fkey" FOREIGN KEY ("sourceEventId") REFERENCES "TimelineEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
