-- AlterTable
ALTER TABLE "award_history" ADD COLUMN     "basis" TEXT NOT NULL DEFAULT 'REGULAR';

-- CreateTable
CREATE TABLE "base_salaries" (
    "effective_from" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "base_salaries_pkey" PRIMARY KEY ("effective_from")
);


-- Mức lương cơ sở 2,340,000 đồng from 1 July 2024 (Nghị định 73/2024/NĐ-CP): the amount every reward since is paid by.
INSERT INTO "base_salaries" ("effective_from", "amount", "created_by") VALUES ('2024-07-01', 2340000, 'migration');
