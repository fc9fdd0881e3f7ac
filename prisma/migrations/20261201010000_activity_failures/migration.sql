-- CreateTable
CREATE TABLE "activity_failures" (
    "workflow_id" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "nomination_id" UUID,
    "attempt" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activity_failures_pkey" PRIMARY KEY ("workflow_id","activity_type")
);
