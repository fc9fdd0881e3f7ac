-- CreateEnum
CREATE TYPE "CouncilSeat" AS ENUM ('CHAIR', 'MEMBER');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COUNCIL_MEMBER';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "council_seat" "CouncilSeat";

-- AlterTable
ALTER TABLE "nominations" ADD COLUMN     "eligibility" JSONB;

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "holidays" TEXT[],
    "working_weekends" TEXT[],
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "award_history" (
    "id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "award_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "decision_ref" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "nomination_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holds" (
    "id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "until" DATE NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_sessions" (
    "nomination_id" UUID NOT NULL,
    "level" "Level" NOT NULL,
    "members_total" INTEGER NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "strict" BOOLEAN NOT NULL,
    "votes_for" INTEGER NOT NULL DEFAULT 0,
    "votes_against" INTEGER NOT NULL DEFAULT 0,
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "vote_sessions_pkey" PRIMARY KEY ("nomination_id","level")
);

-- CreateTable
CREATE TABLE "voters" (
    "nomination_id" UUID NOT NULL,
    "level" "Level" NOT NULL,
    "username" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,

    CONSTRAINT "voters_pkey" PRIMARY KEY ("nomination_id","level","username")
);

-- CreateTable
CREATE TABLE "delegations" (
    "id" UUID NOT NULL,
    "delegator" TEXT NOT NULL,
    "deputy" TEXT NOT NULL,
    "level" "Level" NOT NULL,
    "org_code" TEXT NOT NULL,
    "from_day" TEXT NOT NULL,
    "to_day" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_claims" (
    "nomination_id" UUID NOT NULL,
    "unit_code" TEXT NOT NULL,
    "award_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_claims_pkey" PRIMARY KEY ("nomination_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "award_history_nomination_id_key" ON "award_history"("nomination_id");

-- CreateIndex
CREATE INDEX "award_history_unit_code_year_award_code_idx" ON "award_history"("unit_code", "year", "award_code");

-- CreateIndex
CREATE UNIQUE INDEX "award_history_full_name_unit_code_award_code_year_key" ON "award_history"("full_name", "unit_code", "award_code", "year");

-- CreateIndex
CREATE INDEX "holds_unit_code_full_name_idx" ON "holds"("unit_code", "full_name");

-- CreateIndex
CREATE INDEX "delegations_deputy_level_idx" ON "delegations"("deputy", "level");

-- CreateIndex
CREATE INDEX "quota_claims_unit_code_award_code_year_idx" ON "quota_claims"("unit_code", "award_code", "year");

