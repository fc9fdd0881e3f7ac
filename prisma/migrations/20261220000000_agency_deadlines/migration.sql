-- Each consulted agency's own deadline and whether it passed unanswered.
ALTER TABLE "opinions" ADD COLUMN "due_at" TIMESTAMPTZ(3);
ALTER TABLE "opinions" ADD COLUMN "overdue" BOOLEAN NOT NULL DEFAULT false;
