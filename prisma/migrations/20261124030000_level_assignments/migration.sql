-- CreateTable
CREATE TABLE "level_assignments" (
    "nomination_id" UUID NOT NULL,
    "level" "Level" NOT NULL,
    "reviewer" TEXT NOT NULL,
    "assigned_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "level_assignments_pkey" PRIMARY KEY ("nomination_id","level")
);

