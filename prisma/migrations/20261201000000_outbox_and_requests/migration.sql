-- DropIndex
DROP INDEX "nominations_status_current_level_idx";

-- CreateTable
CREATE TABLE "deliveries" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "nomination_id" UUID,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "command_requests" (
    "actor" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "nomination_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "command_requests_pkey" PRIMARY KEY ("actor","request_id")
);

-- CreateIndex
CREATE INDEX "deliveries_delivered_at_next_attempt_at_idx" ON "deliveries"("delivered_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_nomination_id_seq_recipient_kind_channel_key" ON "deliveries"("nomination_id", "seq", "recipient", "kind", "channel");

-- CreateIndex
CREATE INDEX "nominations_status_current_level_due_at_idx" ON "nominations"("status", "current_level", "due_at");

-- CreateIndex
CREATE INDEX "nominations_campaign_id_idx" ON "nominations"("campaign_id");

-- CreateIndex
CREATE INDEX "nominations_created_at_idx" ON "nominations"("created_at");

-- CreateIndex
CREATE INDEX "decisions_decided_at_idx" ON "decisions"("decided_at");

