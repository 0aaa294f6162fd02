-- Idempotency keys of POST requests: a repeated request with the same key
-- returns the first response instead of creating a second row. smmm's own
-- table, so it has no Prisma counterpart.

-- +goose Up
CREATE TABLE IF NOT EXISTS "IdempotencyKey" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "requestHash" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- Purging old keys.
CREATE INDEX IF NOT EXISTS "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- +goose Down
DROP TABLE IF EXISTS "IdempotencyKey";
