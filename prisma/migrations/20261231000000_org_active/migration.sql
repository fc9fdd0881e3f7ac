-- An organisation import deactivates the organisations and users it leaves out, never deletes them:
-- the decisions, votes and history that name them stay as they were.
ALTER TABLE "orgs" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "users" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
