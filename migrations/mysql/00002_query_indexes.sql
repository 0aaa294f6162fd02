-- Indexes for the application's own queries, named as Prisma names an
-- @@index. Idempotent, like 00001, so that an adopted database gains exactly
-- the ones it lacks. "Session"."userId" and "Account"."userId" need none:
-- InnoDB already indexes every foreign key (as "Session_userId_fkey" and
-- "Account_userId_fkey").

-- +goose Up

-- Newest-first keyset pagination of the admin inbox: ORDER BY createdAt DESC,
-- id DESC, optionally filtered by status.
CREATE INDEX IF NOT EXISTS `ContactMessage_status_createdAt_id_idx` ON `ContactMessage`(`status`, `createdAt`, `id`);
CREATE INDEX IF NOT EXISTS `ContactMessage_createdAt_id_idx` ON `ContactMessage`(`createdAt`, `id`);

-- Features of a section in display order. InnoDB silently drops the index it
-- made for the AboutFeature_sectionId_fkey foreign key as soon as another index
-- can serve that key, so it is put back: the Prisma-made index stays as it
-- was, and the Down section can drop the new index again (otherwise MariaDB
-- refuses with "needed in a foreign key constraint").
CREATE INDEX IF NOT EXISTS `AboutFeature_sectionId_order_idx` ON `AboutFeature`(`sectionId`, `order`);
CREATE INDEX IF NOT EXISTS `AboutFeature_sectionId_fkey` ON `AboutFeature`(`sectionId`);

-- Purging expired sessions.
CREATE INDEX IF NOT EXISTS `Session_expires_idx` ON `Session`(`expires`);

-- +goose Down
DROP INDEX IF EXISTS `Session_expires_idx` ON `Session`;
DROP INDEX IF EXISTS `AboutFeature_sectionId_order_idx` ON `AboutFeature`;
DROP INDEX IF EXISTS `ContactMessage_createdAt_id_idx` ON `ContactMessage`;
DROP INDEX IF EXISTS `ContactMessage_status_createdAt_id_idx` ON `ContactMessage`;
