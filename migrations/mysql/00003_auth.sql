-- Throttling counters shared by every instance: failed logins per email and
-- per client address, contact-form posts per client address. Each row is a
-- fixed window: `count` hits since the window began, until `expires`. Not a
-- Prisma model: the original system had no throttling. Idempotent, like 00001;
-- backticks keep it independent of sql_mode.

-- +goose Up

CREATE TABLE IF NOT EXISTS `RateLimit` (
    `key` VARCHAR(191) NOT NULL,
    `count` INTEGER NOT NULL DEFAULT 0,
    `expires` DATETIME(3) NOT NULL,

    INDEX `RateLimit_expires_idx`(`expires`),
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- +goose Down
DROP TABLE IF EXISTS `RateLimit`;
