-- CreateIndex
CREATE INDEX "Incident_declaredById_idx" ON "Incident"("declaredById");

-- CreateIndex
CREATE INDEX "Incident_lastEditedById_idx" ON "Incident"("lastEditedById");

-- CreateIndex
CREATE INDEX "Invite_createdById_idx" ON "Invite"("createdById");

-- CreateIndex
CREATE INDEX "Notification_teamId_idx" ON "Notification"("teamId");

-- CreateIndex
CREATE INDEX "Notification_taskId_idx" ON "Notification"("taskId");

-- CreateIndex
CREATE INDEX "Task_createdById_idx" ON "Task"("createdById");

-- CreateIndex
CREATE INDEX "Task_verifiedById_idx" ON "Task"("verifiedById");

-- CreateIndex
CREATE INDEX "Task_sourceEventId_idx" ON "Task"("sourceEventId");

-- CreateIndex
CREATE INDEX "TimelineEvent_authorId_idx" ON "TimelineEvent"("authorId");

-- CreateIndex
CREATE INDEX "TimelineEventRevision_editorId_idx" ON "TimelineEventRevision"("editorId");
