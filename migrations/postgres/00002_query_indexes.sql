-- Indexes for the application's own queries, named as Prisma names an
-- @@index. Idempotent, like 00001, so that an adopted database gains exactly
-- the ones it lacks.

-- +goose Up

-- Newest-first keyset pagination of the admin inbox: ORDER BY "createdAt" DESC,
-- "id" DESC, optionally filtered by "status".
CREATE INDEX IF NOT EXISTS "ContactMessage_status_createdAt_id_idx" ON "ContactMessage"("status", "createdAt", "id");
CREATE INDEX IF NOT EXISTS "ContactMessage_createdAt_id_idx" ON "ContactMessage"("createdAt", "id");

-- Features of a section in display order.
CREATE INDEX IF NOT EXISTS "AboutFeature_sectionId_order_idx" ON "AboutFeature"("sectionId", "order");

-- PostgreSQL does not index foreign keys by itself: these serve the user
-- lookups and the ON DELETE CASCADE from "User".
CREATE INDEX IF NOT EXISTS "Session_userId_idx" ON "Session"("userId");
CREATE INDEX IF NOT EXISTS "Account_userId_idx" ON "Account"("userId");

-- Purging expired sessions.
CREATE INDEX IF NOT EXISTS "Session_expires_idx" ON "Session"("expires");

-- +goose Down
DROP INDEX IF EXISTS "Session_expires_idx";
DROP INDEX IF EXISTS "Account_userId_idx";
DROP INDEX IF EXISTS "Session_userId_idx";
DROP INDEX IF EXISTS "AboutFeature_sectionId_order_idx";
DROP INDEX IF EXISTS "ContactMessage_createdAt_id_idx";
DROP INDEX IF EXISTS "ContactMessage_status_createdAt_id_idx";
