-- The audit trail becomes one hash chain over every change, not only the nominations' transitions.
-- Each row’s hash is SHA-256 over the previous row’s hash and the row’s canonical content: the
-- database computes it, so every writer (the transition writer, the admin actions, anything added
-- later) extends the chain the same way. libs/db/audit-chain.ts recomputes it to verify.
-- Prisma's driver adapter splits a migration at every semicolon, inside quotes too: the plpgsql
-- bodies below are E'' strings that spell theirs \x3B.

ALTER TABLE "audit_events" ADD COLUMN "chain_seq" INTEGER,
ADD COLUMN "hash" TEXT,
ADD COLUMN "subject" TEXT,
ALTER COLUMN "nomination_id" DROP NOT NULL,
ALTER COLUMN "seq" SET DEFAULT 0,
ALTER COLUMN "at" SET DEFAULT CURRENT_TIMESTAMP;

-- Ended, not deleted: a lifted hold and a revoked delegation stay on record.
ALTER TABLE "holds" ADD COLUMN "ended_at" TIMESTAMPTZ(3),
ADD COLUMN "ended_by" TEXT;

ALTER TABLE "delegations" ADD COLUMN "ended_at" TIMESTAMPTZ(3),
ADD COLUMN "ended_by" TEXT;

-- The canonical content, as bytes: the previous hash, then seq, at (UTC, milliseconds), actor, action,
-- subject and details (jsonb’s text form), each ended by a zero byte, which no text value can hold: a
-- missing actor is the byte 0xFF, which no UTF-8 text holds either.
CREATE FUNCTION audit_event_hash(prev TEXT, seq INTEGER, at TIMESTAMPTZ, actor TEXT, action TEXT, subject TEXT, details JSONB)
RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(
    convert_to(prev, 'UTF8') || '\x00'::bytea ||
    convert_to(seq::text, 'UTF8') || '\x00'::bytea ||
    convert_to(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'UTF8') || '\x00'::bytea ||
    COALESCE(convert_to(actor, 'UTF8'), '\xff'::bytea) || '\x00'::bytea ||
    convert_to(action, 'UTF8') || '\x00'::bytea ||
    convert_to(subject, 'UTF8') || '\x00'::bytea ||
    convert_to(details::text, 'UTF8')
  ), 'hex')
$$;

-- The chain’s last link. Appending updates this one row, so concurrent appends queue on its lock
-- until the appending transaction ends: seq has no gaps and each hash follows the committed one.
CREATE TABLE "audit_chain_head" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_chain_head_one_row" CHECK ("id")
);

-- A workflow's first transition does not carry its submitter: the nomination row it started from does.
UPDATE "audit_events" e SET "actor" = n."submitted_by"
FROM "nominations" n
WHERE e."kind" = 'SUBMITTED' AND e."actor" IS NULL AND n."id" = e."nomination_id";

-- The rows already written are chained in the order they happened.
UPDATE "audit_events" e SET "chain_seq" = o.n, "subject" = 'nomination:' || e."nomination_id"
FROM (SELECT "id", row_number() OVER (ORDER BY "at", "nomination_id", "seq") AS n FROM "audit_events") o
WHERE o."id" = e."id";

DO E'
DECLARE
  prev TEXT := repeat(\'0\', 64)\x3B
  r RECORD\x3B
BEGIN
  FOR r IN SELECT * FROM "audit_events" ORDER BY "chain_seq" LOOP
    prev := audit_event_hash(prev, r."chain_seq", r."at", r."actor", r."kind", r."subject", r."data")\x3B
    UPDATE "audit_events" SET "hash" = prev WHERE "id" = r."id"\x3B
  END LOOP\x3B
  INSERT INTO "audit_chain_head" ("seq", "hash") VALUES ((SELECT count(*) FROM "audit_events"), prev)\x3B
END';

ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" SET NOT NULL,
ALTER COLUMN "hash" SET NOT NULL,
ALTER COLUMN "subject" SET NOT NULL;

-- Whatever a writer sends for seq and hash is replaced: a transition’s subject is its nomination, and a
-- submission’s actor its submitter.
CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."subject" := COALESCE(NEW."subject", \'nomination:\' || NEW."nomination_id")\x3B
  IF NEW."kind" = \'SUBMITTED\' AND NEW."actor" IS NULL THEN
    SELECT "submitted_by" INTO NEW."actor" FROM "nominations" WHERE "id" = NEW."nomination_id"\x3B
  END IF\x3B
  UPDATE "audit_chain_head"
  SET "seq" = "seq" + 1,
      "hash" = audit_event_hash("hash", "seq" + 1, NEW."at", NEW."actor", NEW."kind", NEW."subject", NEW."data")
  RETURNING "seq", "hash" INTO NEW."chain_seq", NEW."hash"\x3B
  RETURN NEW\x3B
END';

-- BEFORE triggers run in name order: this one last, so it hashes the row as it is stored.
CREATE TRIGGER "zz_audit_chain_append" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_chain_append();

CREATE UNIQUE INDEX "audit_events_chain_seq_key" ON "audit_events"("chain_seq");
CREATE INDEX "audit_events_subject_chain_seq_idx" ON "audit_events"("subject", "chain_seq");
CREATE INDEX "audit_events_actor_chain_seq_idx" ON "audit_events"("actor", "chain_seq");
CREATE INDEX "audit_events_kind_chain_seq_idx" ON "audit_events"("kind", "chain_seq");
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");
