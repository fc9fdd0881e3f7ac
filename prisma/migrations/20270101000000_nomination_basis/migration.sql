-- A nomination's basis (issue 19): regular, themed or extraordinary. Every nomination before it was regular.
ALTER TABLE "nominations" ADD COLUMN "basis" TEXT NOT NULL DEFAULT 'REGULAR';
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_basis_check" CHECK ("basis" IN ('REGULAR', 'THEMED', 'EXTRAORDINARY'));
