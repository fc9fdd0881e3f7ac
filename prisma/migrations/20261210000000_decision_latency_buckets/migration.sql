-- CreateTable
CREATE TABLE "decision_latency_buckets" (
    "level" "Level" NOT NULL,
    "le" DOUBLE PRECISION NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "sum_seconds" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "decision_latency_buckets_pkey" PRIMARY KEY ("level","le")
);

-- CreateIndex
CREATE INDEX "nominations_status_current_level_overdue_idx" ON "nominations"("status", "current_level", "overdue");

-- The decisions taken before the table existed, counted once here with the bounds of
-- libs/domain/decision-latency.ts (from now on each decision adds itself in its commit).
INSERT INTO "decision_latency_buckets" ("level", "le", "count", "sum_seconds")
SELECT latency.level,
       (SELECT min(b) FROM unnest(ARRAY[900, 3600, 14400, 28800, 86400, 172800, 259200, 432000, 604800, 864000, 1209600, 1814400, 2592000, 5184000, 'Infinity']::float8[]) b
         WHERE b >= latency.seconds) AS le,
       count(*),
       sum(latency.seconds)
  FROM (
    SELECT d.level,
           greatest(0, EXTRACT(EPOCH FROM d.decided_at - GREATEST(
             n.created_at,
             (SELECT max(p.decided_at) FROM decisions p WHERE p.nomination_id = d.nomination_id AND p.seq < d.seq),
             (SELECT max(e.at) FROM audit_events e
               WHERE e.nomination_id = d.nomination_id AND e.seq < d.seq AND e.kind = 'RESUBMITTED')
           )))::float8 AS seconds
      FROM decisions d
      JOIN nominations n ON n.id = d.nomination_id
  ) latency
 GROUP BY 1, 2;
