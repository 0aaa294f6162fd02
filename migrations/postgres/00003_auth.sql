-- Throttling counters shared by every instance: failed logins per email and
-- per client address, contact-form posts per client address. Each row is a
-- fixed window: "count" hits since the window began, until "expires". Not a
-- Prisma model: the original system had no throttling. Idempotent, like 00001.

-- +goose Up

CREATE TABLE IF NOT EXISTS "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- Purging windows that have ended.
CREATE INDEX IF NOT EXISTS "RateLimit_expires_idx" ON "RateLimit"("expires");

-- +goose Down
DROP TABLE IF EXISTS "RateLimit";
