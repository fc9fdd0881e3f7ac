-- CreateEnum
CREATE TYPE "AwardDecisionStatus" AS ENUM ('DRAFT', 'ISSUED', 'REVOKED');

-- AlterTable
ALTER TABLE "award_history" ADD COLUMN     "revoked_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "award_decisions" (
    "id" UUID NOT NULL,
    "authority" TEXT NOT NULL,
    "award_code" TEXT NOT NULL,
    "award_name" TEXT NOT NULL,
    "catalogue_version" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "AwardDecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "total" INTEGER NOT NULL,
    "seq" INTEGER,
    "number_year" INTEGER,
    "number" TEXT,
    "signer" TEXT,
    "issued_at" TIMESTAMPTZ(3),
    "document" BYTEA,
    "sha256" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,
    "revoke_reason" TEXT,
    "created_by" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award_decision_items" (
    "decision_id" UUID NOT NULL,
    "nomination_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nominee" JSONB NOT NULL,
    "unit_code" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "cash_multiple" DOUBLE PRECISION NOT NULL,
    "base_salary" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "award_decision_items_pkey" PRIMARY KEY ("decision_id","nomination_id")
);

-- CreateTable
CREATE TABLE "award_decision_counters" (
    "authority" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "award_decision_counters_pkey" PRIMARY KEY ("authority","year")
);

-- CreateIndex
CREATE INDEX "award_decisions_year_award_code_idx" ON "award_decisions"("year", "award_code");

-- CreateIndex
CREATE UNIQUE INDEX "award_decisions_created_by_request_id_key" ON "award_decisions"("created_by", "request_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_decisions_authority_number_year_seq_key" ON "award_decisions"("authority", "number_year", "seq");

-- CreateIndex
CREATE INDEX "award_decision_items_nomination_id_idx" ON "award_decision_items"("nomination_id");

-- AddForeignKey
ALTER TABLE "award_decision_items" ADD CONSTRAINT "award_decision_items_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "award_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_decision_items" ADD CONSTRAINT "award_decision_items_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

