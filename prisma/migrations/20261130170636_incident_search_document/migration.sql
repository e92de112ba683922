-- Search matches an incident when all words occur anywhere in its texts together: "Incident".search
-- becomes one document per incident (title, write-ups, the live timeline entries, the postmortem's
-- title and Markdown) plus the team lexeme, kept current by the triggers below. Words go through
-- the 'english' configuration; whitespace-separated tokens that carry punctuation (rm -rf,
-- /dev/sda1, nfs-share01.corp) are added as typed, lower-cased, so lib/incidents/search-query.ts
-- can match them exactly. TimelineEvent.search (one entry's own vector) stays for the timeline.

-- The punctuated tokens of a text: each whitespace-separated word, the parts between separators
-- (device=/dev/sda1 → /dev/sda1) and the dotted prefixes of a host name (nfs-share01.corp →
-- nfs-share01), with wrapping quotes, brackets and trailing sentence punctuation trimmed.
-- lib/incidents/search-query.ts trims a typed term the same way.
-- A loop, not a query: a set-returning query here is costed high enough to be JIT-compiled on
-- every call (a second each).
CREATE FUNCTION "search_tokens"(body text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  word text;
  part text;
  labels text[];
  token text;
  tokens text[] := '{}';
BEGIN
  FOREACH word IN ARRAY regexp_split_to_array(lower(body), '\s+') LOOP
    CONTINUE WHEN word !~ '[^[:alnum:]_]';
    FOREACH part IN ARRAY array_prepend(word, regexp_split_to_array(word, '[=:,;|()\[\]{}<>"''`]+')) LOOP
      labels := string_to_array(part, '.');
      FOR n IN 1..COALESCE(cardinality(labels), 0) LOOP
        token := regexp_replace(array_to_string(labels[1:n], '.'), '^[("''\[{<`]+|[)"''\]}>`.,;:!?]+$', '', 'g');
        IF token ~ '[^[:alnum:]_]' AND length(token) BETWEEN 2 AND 200 THEN
          tokens := tokens || token;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN tokens;
END $$;

CREATE FUNCTION "search_document"(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig, body) || array_to_tsvector("search_tokens"(body))
$$;

-- A tsvector holds at most 1 MB: an incident that outgrows it keeps its words without positions
-- (phrases then match as plain words), and past that, what it had.
CREATE FUNCTION "search_concat"(a tsvector, b tsvector) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN a || b;
EXCEPTION WHEN program_limit_exceeded THEN
  BEGIN
    RETURN strip(a) || strip(b);
  EXCEPTION WHEN program_limit_exceeded THEN
    RETURN a;
  END;
END $$;

CREATE FUNCTION "incident_search_document"(inc "Incident") RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
DECLARE
  events text;
  postmortem text;
BEGIN
  SELECT string_agg(e.body, E'\n' ORDER BY e."occurredAt", e.id) INTO events
    FROM "TimelineEvent" e WHERE e."incidentId" = inc.id AND e."deletedAt" IS NULL;
  SELECT concat_ws(E'\n', p.title, p.markdown) INTO postmortem FROM "Postmortem" p WHERE p."incidentId" = inc.id;
  RETURN "search_concat"(
    "search_concat"(
      "search_document"(concat_ws(E'\n', inc.title, inc.summary, inc.impact, inc."rootCause", inc.resolution)),
      "search_concat"("search_document"(COALESCE(events, '')), "search_document"(COALESCE(postmortem, '')))),
    array_to_tsvector(ARRAY['team=' || inc."teamId"]));
END $$;

-- The incident's own columns changed (or it is new): rebuild its document.
CREATE OR REPLACE FUNCTION "incident_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := "incident_search_document"(NEW);
  RETURN NEW;
END $$;

-- New entries only add words: append them (one UPDATE per incident per statement, so a bulk insert
-- of a million events is one pass, not a million updates).
CREATE FUNCTION "incident_search_events_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" i SET "search" = "search_concat"(i."search", added.document)
    FROM (SELECT "incidentId", "search_document"(string_agg(body, E'\n' ORDER BY "occurredAt", id)) AS document
            FROM new_events WHERE "deletedAt" IS NULL GROUP BY "incidentId") added
   WHERE i.id = added."incidentId";
  RETURN NULL;
END $$;

CREATE TRIGGER "TimelineEvent_incident_search_insert" AFTER INSERT ON "TimelineEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "incident_search_events_added"();

-- An edited, deleted or moved entry can take words away: rebuild the incidents it touched (only
-- when its text or its deletion changed, not on a star or a kind change).
CREATE FUNCTION "incident_search_events_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Incident" i SET "search" = "incident_search_document"(i)
     WHERE i.id IN (SELECT "incidentId" FROM old_events);
  ELSE
    UPDATE "Incident" i SET "search" = "incident_search_document"(i)
     WHERE i.id IN (
       SELECT o."incidentId" FROM old_events o JOIN new_events n ON n.id = o.id
        WHERE (n.body, n."deletedAt" IS NULL, n."incidentId") IS DISTINCT FROM (o.body, o."deletedAt" IS NULL, o."incidentId")
       UNION
       SELECT n."incidentId" FROM old_events o JOIN new_events n ON n.id = o.id WHERE n."incidentId" <> o."incidentId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TimelineEvent_incident_search_update" AFTER UPDATE ON "TimelineEvent"
  REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "incident_search_events_changed"();
CREATE TRIGGER "TimelineEvent_incident_search_delete" AFTER DELETE ON "TimelineEvent"
  REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION "incident_search_events_changed"();

-- The postmortem's text is part of its incident's document.
CREATE FUNCTION "incident_search_postmortem_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" i SET "search" = "incident_search_document"(i)
   WHERE i.id = CASE WHEN TG_OP = 'DELETE' THEN OLD."incidentId" ELSE NEW."incidentId" END;
  RETURN NULL;
END $$;

CREATE TRIGGER "Postmortem_incident_search_insert" AFTER INSERT OR DELETE ON "Postmortem"
  FOR EACH ROW EXECUTE FUNCTION "incident_search_postmortem_changed"();
CREATE TRIGGER "Postmortem_incident_search_update" AFTER UPDATE OF "title", "markdown" ON "Postmortem"
  FOR EACH ROW WHEN ((NEW.title, NEW.markdown) IS DISTINCT FROM (OLD.title, OLD.markdown))
  EXECUTE FUNCTION "incident_search_postmortem_changed"();

UPDATE "Incident" i SET "search" = "incident_search_document"(i);
