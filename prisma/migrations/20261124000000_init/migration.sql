-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('CITY', 'SO', 'DEPARTMENT', 'UNIT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLERK', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('UNIT', 'DEPARTMENT', 'SO', 'CITY');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('APPROVE', 'REJECT', 'RETURN');

-- CreateTable
CREATE TABLE "orgs" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "parent_code" TEXT,

    CONSTRAINT "orgs_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "users" (
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "org_code" TEXT NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "nominations" (
    "id" UUID NOT NULL,
    "award_code" TEXT NOT NULL,
    "catalogue_version" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_code" TEXT NOT NULL,
    "nominee" JSONB NOT NULL,
    "achievements" TEXT NOT NULL,
    "declarations" JSONB,
    "campaign_id" TEXT,
    "route" "Level"[],
    "status" "NominationStatus" NOT NULL,
    "current_level" "Level",
    "due_at" TIMESTAMPTZ(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "return_deadline" TIMESTAMPTZ(3),
    "return_count" INTEGER NOT NULL DEFAULT 0,
    "submitted_by" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "workflow_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nominations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "nomination_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "level" "Level" NOT NULL,
    "decision" "DecisionKind" NOT NULL,
    "reviewer" TEXT NOT NULL,
    "on_behalf_of" TEXT,
    "comment" TEXT,
    "ground" TEXT,
    "request_id" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "nomination_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "nomination_id" UUID,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "users_org_code_role_idx" ON "users"("org_code", "role");

-- CreateIndex
CREATE INDEX "nominations_status_current_level_idx" ON "nominations"("status", "current_level");

-- CreateIndex
CREATE INDEX "nominations_unit_code_idx" ON "nominations"("unit_code");

-- CreateIndex
CREATE UNIQUE INDEX "nominations_submitted_by_request_id_key" ON "nominations"("submitted_by", "request_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_nomination_id_request_id_key" ON "decisions"("nomination_id", "request_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_nomination_id_seq_key" ON "decisions"("nomination_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_nomination_id_seq_key" ON "audit_events"("nomination_id", "seq");

-- CreateIndex
CREATE INDEX "notifications_username_created_at_idx" ON "notifications"("username", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_nomination_id_seq_username_kind_key" ON "notifications"("nomination_id", "seq", "username", "kind");

-- AddForeignKey
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "orgs"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_org_code_fkey" FOREIGN KEY ("org_code") REFERENCES "orgs"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

