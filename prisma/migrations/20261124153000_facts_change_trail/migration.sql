-- A postmortem sent back to review because the incident's facts changed leaves the same trail as
-- every other status change: a version of the content as it stood (STATUS snapshot) and an audit
-- record, besides the timeline line. The actor is unknown here (any code path may change facts).
-- A published postmortem goes back to review too, as after an edit of its text: its next edition
-- needs approvals of what it will then show.
CREATE OR REPLACE FUNCTION hindsight_postmortem_facts_changed(p_incident_id TEXT) RETURNS VOID AS $$
DECLARE
  pm RECORD;
BEGIN
  SELECT p.id, p."teamId", p."incidentId", p.status, p."contentVersion", t."reviewPolicy" AS policy, t.slug, i.number
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
  IF pm.status IN ('APPROVED', 'PUBLISHED') THEN
    UPDATE "Postmortem" SET status = 'IN_REVIEW' WHERE id = pm.id;
    INSERT INTO "PostmortemSnapshot" (id, "postmortemId", "teamId", kind, name, ydoc, content, markdown, "contentHash", "contentVersion")
      SELECT gen_random_uuid()::TEXT, p.id, p."teamId", 'STATUS', CASE pm.status WHEN 'APPROVED' THEN 'Approved' ELSE 'Published' END || ' → In review', p.ydoc, p.content, p.markdown, p."contentHash", p."contentVersion"
        FROM "Postmortem" p WHERE p.id = pm.id;
    INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "updatedAt")
      VALUES (gen_random_uuid()::TEXT, pm."teamId", pm."incidentId", now(), 'UPDATE',
              'Postmortem back in review: the incident''s facts changed after it was ' || CASE pm.status WHEN 'APPROVED' THEN 'approved.' ELSE 'published.' END, 'SYSTEM', now());
    INSERT INTO "AuditEvent" (id, "teamId", "actorId", action, "targetType", "targetId", data)
      VALUES (gen_random_uuid()::TEXT, pm."teamId", NULL, 'postmortem.status_changed', 'postmortem', pm.id,
              jsonb_build_object('from', pm.status, 'to', 'IN_REVIEW', 'contentVersion', pm."contentVersion", 'reason', 'facts_changed'));
  END IF;
END;
$$ LANGUAGE plpgsql;
