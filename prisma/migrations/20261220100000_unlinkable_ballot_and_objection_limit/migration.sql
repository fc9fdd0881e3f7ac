-- Votes cast and not yet counted, written with their voter and folded into the session's counts by a
-- transaction of their own (see the BallotVote model): no timestamp, no sequence, no foreign key.
CREATE TABLE "ballot_votes" (
    "id" UUID NOT NULL,
    "nomination_id" UUID NOT NULL,
    "level" "Level" NOT NULL,
    "in_favour" BOOLEAN NOT NULL,

    CONSTRAINT "ballot_votes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ballot_votes_nomination_id_level_idx" ON "ballot_votes"("nomination_id", "level");

-- Counting one author's objections on a nomination (OBJECTIONS_PER_USER).
CREATE INDEX "objections_nomination_id_author_idx" ON "objections"("nomination_id", "author");
