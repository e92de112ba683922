-- CreateIndex
CREATE INDEX "Task_open_teamId_dueDate_id_idx" ON "Task"("teamId", "dueDate", "id") WHERE (status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED'));

-- CreateIndex
CREATE INDEX "Task_open_ownerId_dueDate_id_idx" ON "Task"("ownerId", "dueDate", "id") WHERE (status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED'));
