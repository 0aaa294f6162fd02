-- Idempotency keys of POST requests: a repeated request with the same key
-- returns the first response instead of creating a second row. smmm's own
-- table, so it has no Prisma counterpart.

-- +goose Up
CREATE TABLE IF NOT EXISTS `IdempotencyKey` (
    `key` VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `requestHash` CHAR(64) NOT NULL,
    `resourceId` VARCHAR(191) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,

    INDEX `IdempotencyKey_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE IF EXISTS `IdempotencyKey`;
