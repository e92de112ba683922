-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "overdueRemindedFor" DATE;

-- CreateIndex
CREATE INDEX "Task_reminder_pending_idx" ON "Task"("dueDate", "id") WHERE ((status = ANY (ARRAY['OPEN'::"TaskStatus", 'IN_PROGRESS'::"TaskStatus", 'BLOCKED'::"TaskStatus"])) AND ("ownerId" IS NOT NULL) AND ("overdueRemindedFor" IS DISTINCT FROM "dueDate"));
