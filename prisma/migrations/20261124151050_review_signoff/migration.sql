-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- AlterTable
ALTER TABLE "Postmortem" ADD COLUMN     "factsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "reviewPolicy" JSONB;

-- CreateTable
CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "requestedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenMarkdown" TEXT,
    "lastSeenVersion" INTEGER,
    "lastSeenAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewerName" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "contentVersion" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "factsVersion" INTEGER NOT NULL,
    "staleAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewRequest_teamId_reviewerId_idx" ON "ReviewRequest"("teamId", "reviewerId");

-- CreateIndex
CREATE INDEX "ReviewRequest_reviewerId_idx" ON "ReviewRequest"("reviewerId");

-- CreateIndex
CREATE INDEX "ReviewRequest_requestedById_idx" ON "ReviewRequest"("requestedById");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRequest_postmortemId_reviewerId_key" ON "ReviewRequest"("postmortemId", "reviewerId");

-- CreateIndex
CREATE INDEX "Review_postmortemId_createdAt_id_idx" ON "Review"("postmortemId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_teamId_idx" ON "Review"("teamId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE INDEX "Incident_teamId_resolvedAt_id_idx" ON "Incident"("teamId", "resolvedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The facts a postmortem shows (the incident's times and impact, its timeline, its tasks) changed.
-- Bumps the postmortem's factsVersion; when the team counts such changes (the default), approvals
-- given on older facts go stale, their reviewers are told, and an approved postmortem goes back
-- to review with a line on the incident's timeline. Done here so no code path can forget it.
CREATE FUNCTION hindsight_postmortem_facts_changed(p_incident_id TEXT) RETURNS VOID AS $$
DECLARE
  pm RECORD;
BEGIN
  SELECT p.id, p."teamId", p."incidentId", p.status, t."reviewPolicy" AS policy, t.slug, i.number
    INTO pm
    FROM "Postmortem" p JOIN "Team" t ON t.id = p."teamId" JOIN "Incident" i ON i.id = p."incidentId"
    WHERE p."incidentId" = p_incident_id
    FOR UPDATE OF p;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  UPDATE "Postmortem" SET "factsVersion" = "factsVersion" + 1 WHERE id = pm.id;
  IF COALESCE((pm.policy ->> 'factsCountAsChange')::BOOLEAN, TRUE) IS NOT TRUE THEN
    RETURN;
  END IF;
  INSERT INTO "Notification" (id, "userId", "teamId", kind, "dedupeKey", message, href)
    SELECT gen_random_uuid()::TEXT, r."reviewerId", pm."teamId", 'review.stale', 'review-stale:' || r.id,
           'Your approval of the postmortem of INC-' || pm.number || ' is stale: the incident''s facts changed',
           '/t/' || pm.slug || '/incidents/' || pm.number || '/postmortem/review'
      FROM "Review" r
     WHERE r."postmortemId" = pm.id AND r.decision = 'APPROVED' AND r."staleAt" IS NULL AND r."reviewerId" IS NOT NULL
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING;
  UPDATE "Review" SET "staleAt" = now() WHERE "postmortemId" = pm.id AND decision = 'APPROVED' AND "staleAt" IS NULL;
  IF pm.status = 'APPROVED' THEN
    UPDATE "Postmortem" SET status = 'IN_REVIEW' WHERE id = pm.id;
    INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "updatedAt")
      VALUES (gen_random_uuid()::TEXT, pm."teamId", pm."incidentId", now(), 'UPDATE',
              'Postmortem back in review: the incident''s facts changed after it was approved.', 'SYSTEM', now());
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION hindsight_timeline_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM hindsight_postmortem_facts_changed(OLD."incidentId");
  ELSIF TG_OP = 'INSERT' THEN
    -- System lines narrate changes the other triggers already count (task status, incident times, reviews).
    IF NEW.source = 'USER' THEN
      PERFORM hindsight_postmortem_facts_changed(NEW."incidentId");
    END IF;
  ELSIF (NEW.body, NEW."occurredAt", NEW.kind, NEW.starred, NEW."deletedAt") IS DISTINCT FROM (OLD.body, OLD."occurredAt", OLD.kind, OLD.starred, OLD."deletedAt") THEN
    PERFORM hindsight_postmortem_facts_changed(NEW."incidentId");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TimelineEvent_postmortem_facts" AFTER INSERT OR UPDATE OR DELETE ON "TimelineEvent"
  FOR EACH ROW EXECUTE FUNCTION hindsight_timeline_facts_trigger();

CREATE FUNCTION hindsight_task_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM hindsight_postmortem_facts_changed(OLD."incidentId");
  ELSIF TG_OP = 'INSERT' OR (NEW.title, NEW.type, NEW.status, NEW."ownerId", NEW."dueDate") IS DISTINCT FROM (OLD.title, OLD.type, OLD.status, OLD."ownerId", OLD."dueDate") THEN
    PERFORM hindsight_postmortem_facts_changed(NEW."incidentId");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Task_postmortem_facts" AFTER INSERT OR UPDATE OR DELETE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION hindsight_task_facts_trigger();

CREATE FUNCTION hindsight_incident_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF (NEW."startedAt", NEW."detectedAt", NEW."acknowledgedAt", NEW."mitigatedAt", NEW."resolvedAt", NEW.severity, NEW.status,
      NEW.impact, NEW."usersAffectedPct", NEW."commanderId", NEW."timeZone")
     IS DISTINCT FROM
     (OLD."startedAt", OLD."detectedAt", OLD."acknowledgedAt", OLD."mitigatedAt", OLD."resolvedAt", OLD.severity, OLD.status,
      OLD.impact, OLD."usersAffectedPct", OLD."commanderId", OLD."timeZone") THEN
    PERFORM hindsight_postmortem_facts_changed(NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Incident_postmortem_facts" AFTER UPDATE ON "Incident"
  FOR EACH ROW EXECUTE FUNCTION hindsight_incident_facts_trigger();
