-- AlterEnum
ALTER TYPE "OrgKind" ADD VALUE 'AGENCY';

-- AlterEnum
ALTER TYPE "NominationStatus" ADD VALUE 'FORWARDED';

-- AlterTable
ALTER TABLE "nominations" ADD COLUMN     "consultation_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "consultation_open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "external_decided_on" TEXT,
ADD COLUMN     "external_decision_ref" TEXT,
ADD COLUMN     "posting_ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "posting_open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended_since" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "objections" (
    "id" UUID NOT NULL,
    "nomination_id" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinions" (
    "nomination_id" UUID NOT NULL,
    "agency" TEXT NOT NULL,
    "answer" TEXT,
    "comment" TEXT,
    "answered_by" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "opinions_pkey" PRIMARY KEY ("nomination_id","agency")
);

-- CreateIndex
CREATE INDEX "objections_nomination_id_created_at_idx" ON "objections"("nomination_id", "created_at");

-- CreateIndex
CREATE INDEX "nominations_posting_open_posting_ends_at_idx" ON "nominations"("posting_open", "posting_ends_at");

-- CreateIndex
CREATE INDEX "nominations_suspended_since_idx" ON "nominations"("suspended_since");

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

