-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "documents" JSONB;

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "nomination_id" UUID,
    "type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "chain" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "uploaded_by" TEXT NOT NULL,
    "uploader_org" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attached_at" TIMESTAMPTZ(3),

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "documents_uploaded_by_nomination_id_idx" ON "documents"("uploaded_by", "nomination_id");

-- CreateIndex
CREATE INDEX "documents_nomination_id_uploaded_at_idx" ON "documents"("nomination_id", "uploaded_at");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

