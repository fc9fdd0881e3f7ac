-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'STAFF';

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "minutes" TEXT,
ADD COLUMN     "tally" JSONB;

-- AlterTable
ALTER TABLE "vote_sessions" ADD COLUMN     "minutes" TEXT,
ADD COLUMN     "passed" BOOLEAN;

