-- A batch of decisions or votes under its caller's request id: sent again, it is answered from here.
CREATE TABLE "batch_requests" (
    "actor" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "results" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_requests_pkey" PRIMARY KEY ("actor","request_id")
);
