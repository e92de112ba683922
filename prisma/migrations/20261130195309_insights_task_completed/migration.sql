-- CreateIndex
CREATE INDEX "Task_teamId_completedAt_idx" ON "Task"("teamId", "completedAt");
