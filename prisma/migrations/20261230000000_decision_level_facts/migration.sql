-- Each decision keeps when its level began and the deadline that level had, so that statistics count
-- decisions on time and the working days a level took with aggregates over one table.
ALTER TABLE "decisions" ADD COLUMN "level_started_at" TIMESTAMPTZ(3), ADD COLUMN "due_at" TIMESTAMPTZ(3);

-- The level began at the submission, at the previous decision (which moved the nomination up or returned
-- it), or at its latest resubmission, whichever came last. The decision row is written in the transition's
-- transaction before the nomination row is updated, so that row still holds the decided level's deadline.
-- The body is an escaped string with no literal semicolon: the migration engine splits scripts at them.
CREATE FUNCTION decision_level_facts() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT GREATEST(
           n.created_at,
           (SELECT max(p.decided_at) FROM decisions p WHERE p.nomination_id = n.id AND p.seq < NEW.seq),
           (SELECT max(e.at) FROM audit_events e WHERE e.nomination_id = n.id AND e.seq < NEW.seq AND e.kind = ''RESUBMITTED'')
         ),
         n.due_at
    INTO NEW.level_started_at, NEW.due_at
    FROM nominations n
   WHERE n.id = NEW.nomination_id\073
  RETURN NEW\073
END';

CREATE TRIGGER decision_level_facts BEFORE INSERT ON "decisions" FOR EACH ROW EXECUTE FUNCTION decision_level_facts();

-- Decisions written before: the same start, and the deadline of the state their transition left.
UPDATE "decisions" d
   SET level_started_at = GREATEST(
         n.created_at,
         (SELECT max(p.decided_at) FROM decisions p WHERE p.nomination_id = n.id AND p.seq < d.seq),
         (SELECT max(e.at) FROM audit_events e WHERE e.nomination_id = n.id AND e.seq < d.seq AND e.kind = 'RESUBMITTED')
       ),
       due_at = (SELECT (e.data -> 'state' ->> 'dueAt')::timestamptz
                   FROM audit_events e
                  WHERE e.nomination_id = d.nomination_id AND e.seq < d.seq AND e.data -> 'state' ? 'dueAt'
                  ORDER BY e.seq DESC
                  LIMIT 1)
  FROM nominations n
 WHERE n.id = d.nomination_id;

CREATE INDEX "nominations_year_idx" ON "nominations" ("year");
