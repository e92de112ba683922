-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_updatedAt_idx" ON "TimelineEvent"("incidentId", "updatedAt");
