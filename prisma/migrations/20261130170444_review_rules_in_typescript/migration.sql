-- CreateTable
CREATE TABLE "PostmortemFactsChange" (
    "id" BIGSERIAL NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "factsVersion" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostmortemFactsChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostmortemFactsChange_postmortemId_idx" ON "PostmortemFactsChange"("postmortemId");

-- AddForeignKey
ALTER TABLE "PostmortemFactsChange" ADD CONSTRAINT "PostmortemFactsChange_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The review rules live in TypeScript (lib/reviews/facts-changes.ts). The database keeps only what
-- must happen atomically with any write, whichever path made it (lib, raw SQL, imports, cascades):
-- the postmortem's factsVersion moves on and the change is queued for the rules to act on.
-- Locks are taken incident first, then postmortem, as an edit of the incident itself does (its
-- UPDATE holds the incident's row when this runs): a timeline or task write that locked the
-- postmortem first and touched the incident afterwards deadlocked with a concurrent incident edit.
CREATE FUNCTION hindsight_record_facts_change(p_incident_id TEXT, p_source TEXT, p_source_id TEXT) RETURNS VOID AS $$
DECLARE
  pm RECORD;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Postmortem" WHERE "incidentId" = p_incident_id) THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Incident" WHERE id = p_incident_id FOR NO KEY UPDATE;
  UPDATE "Postmortem" SET "factsVersion" = "factsVersion" + 1 WHERE "incidentId" = p_incident_id
    RETURNING id, "factsVersion" INTO pm;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO "PostmortemFactsChange" ("postmortemId", "factsVersion", source, "sourceId")
    VALUES (pm.id, pm."factsVersion", p_source, p_source_id);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION hindsight_timeline_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM hindsight_record_facts_change(OLD."incidentId", 'TimelineEvent', OLD.id);
  ELSIF TG_OP = 'INSERT' THEN
    -- System lines narrate changes the other triggers already count (task status, incident times, reviews).
    IF NEW.source = 'USER' THEN
      PERFORM hindsight_record_facts_change(NEW."incidentId", 'TimelineEvent', NEW.id);
    END IF;
  ELSIF (NEW.body, NEW."occurredAt", NEW.kind, NEW.starred, NEW."deletedAt") IS DISTINCT FROM (OLD.body, OLD."occurredAt", OLD.kind, OLD.starred, OLD."deletedAt") THEN
    PERFORM hindsight_record_facts_change(NEW."incidentId", 'TimelineEvent', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION hindsight_task_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM hindsight_record_facts_change(OLD."incidentId", 'Task', OLD.id);
  ELSIF TG_OP = 'INSERT' OR (NEW.title, NEW.type, NEW.status, NEW."ownerId", NEW."dueDate") IS DISTINCT FROM (OLD.title, OLD.type, OLD.status, OLD."ownerId", OLD."dueDate") THEN
    PERFORM hindsight_record_facts_change(NEW."incidentId", 'Task', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION hindsight_incident_facts_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF (NEW."startedAt", NEW."detectedAt", NEW."acknowledgedAt", NEW."mitigatedAt", NEW."resolvedAt", NEW.severity, NEW.status,
      NEW.impact, NEW."usersAffectedPct", NEW."commanderId", NEW."timeZone")
     IS DISTINCT FROM
     (OLD."startedAt", OLD."detectedAt", OLD."acknowledgedAt", OLD."mitigatedAt", OLD."resolvedAt", OLD.severity, OLD.status,
      OLD.impact, OLD."usersAffectedPct", OLD."commanderId", OLD."timeZone") THEN
    PERFORM hindsight_record_facts_change(NEW.id, 'Incident', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The decisions it made (stale approvals, notifications, back to review with snapshot, timeline
-- line and audit record) are made by lib/reviews/facts-changes.ts now.
DROP FUNCTION hindsight_postmortem_facts_changed(TEXT);
