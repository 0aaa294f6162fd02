package store

import (
	"context"
	"fmt"
	"time"

	"smmm"
	"smmm/db"
)

// Rate limits are fixed-window counters in the "RateLimit" table, so that
// every instance and every restart sees the same counts. A row holds the
// hits of its key since its window began and when the window ends
// ("expires"); the first hit after that starts a new window.

// MaxRateLimitKeyLen is the longest key Hit accepts: the VARCHAR(191) of
// the MySQL column.
const MaxRateLimitKeyLen = 191

// Hit counts one hit against key and reports whether it is within limit
// hits per window. When it is not, retryAfter is how long until the window
// ends. The increment and the read of the new count are one atomic step on
// every dialect, so instances hitting the same key at once never let more
// than limit hits through in one window. Hits past the limit are counted
// too, but do not prolong the window.
func (s *Store) Hit(ctx context.Context, key string, limit int, window time.Duration, now time.Time) (allowed bool, retryAfter time.Duration, err error) {
	if key == "" || len(key) > MaxRateLimitKeyLen {
		return false, 0, smmm.Errorf(smmm.EINVALID, "rate limit key must have 1 to %d bytes", MaxRateLimitKeyLen)
	}
	if limit < 1 || window <= 0 {
		return false, 0, smmm.Errorf(smmm.EINVALID, "rate limit must allow at least one hit in a positive window")
	}
	now = now.UTC().Truncate(time.Millisecond)
	end := now.Add(window)
	var count int
	var expires time.Time
	if s.db.Dialect() == db.MySQL {
		count, expires, err = hitMySQL(ctx, s.db, key, now, end)
	} else {
		count, expires, err = hitReturning(ctx, s.db, key, now, end)
	}
	if err != nil {
		return false, 0, fmt.Errorf("store: rate limit hit: %w", err)
	}
	if count <= limit {
		return true, 0, nil
	}
	return false, max(expires.Sub(now), 0), nil
}

// hitReturning is Hit for PostgreSQL and SQLite: one upsert that returns
// the new row. The SET expressions all see the row as it was before.
func hitReturning(ctx context.Context, q db.Querier, key string, now, end time.Time) (int, time.Time, error) {
	const query = `INSERT INTO "RateLimit" ("key", "count", "expires") VALUES (?, 1, ?)
	ON CONFLICT ("key") DO UPDATE SET
		"count" = CASE WHEN "RateLimit"."expires" <= ? THEN 1 ELSE "RateLimit"."count" + 1 END,
		"expires" = CASE WHEN "RateLimit"."expires" <= ? THEN excluded."expires" ELSE "RateLimit"."expires" END
	RETURNING "count", "expires"`
	w, err := queryOne(ctx, q, rateWindowFields, query, key, end, now, now)
	return w.count, w.expires, err
}

// rateWindow is a "RateLimit" row's "count" and "expires".
type rateWindow struct {
	count   int
	expires time.Time
}

func rateWindowFields(w *rateWindow) []any { return []any{&w.count, scanTime{&w.expires}} }

// hitMySQL is Hit for MySQL and MariaDB, which have no RETURNING on an
// upsert: the upsert and the read run in one transaction, whose row lock
// keeps other hits out until the count is read. MySQL evaluates the
// assignments left to right, so "count" is set while "expires" still holds
// the old value.
func hitMySQL(ctx context.Context, d *db.DB, key string, now, end time.Time) (int, time.Time, error) {
	var w rateWindow
	err := d.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		const upsert = `INSERT INTO "RateLimit" ("key", "count", "expires") VALUES (?, 1, ?)
		ON DUPLICATE KEY UPDATE
			"count" = IF("expires" <= ?, 1, "count" + 1),
			"expires" = IF("expires" <= ?, ?, "expires")`
		if _, err := tx.Exec(ctx, upsert, key, end, now, now, end); err != nil {
			return err
		}
		const read = `SELECT "count", "expires" FROM "RateLimit" WHERE "key" = ?`
		var err error
		w, err = queryOne(ctx, tx, rateWindowFields, read, key)
		return err
	})
	return w.count, w.expires, err
}

// RefundHit takes back one hit of key's current window, as when an attempt
// counted in advance turns out to have succeeded. It never takes the count
// below zero, and a key without a row is not an error.
func (s *Store) RefundHit(ctx context.Context, key string) error {
	const query = `UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ? AND "count" > 0`
	if _, err := s.db.Exec(ctx, query, key); err != nil {
		return fmt.Errorf("store: refund rate limit hit: %w", err)
	}
	return nil
}

// ResetRateLimit forgets every hit of key, as after a successful login.
// A key without a row is not an error.
func (s *Store) ResetRateLimit(ctx context.Context, key string) error {
	const query = `DELETE FROM "RateLimit" WHERE "key" = ?`
	if _, err := s.db.Exec(ctx, query, key); err != nil {
		return fmt.Errorf("store: reset rate limit: %w", err)
	}
	return nil
}

// PurgeRateLimits deletes the counters whose window has ended by now and
// returns how many it deleted; they would start afresh on their next hit
// anyway.
func (s *Store) PurgeRateLimits(ctx context.Context, now time.Time) (int64, error) {
	const query = `DELETE FROM "RateLimit" WHERE "expires" <= ?`
	res, err := s.db.Exec(ctx, query, now.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: purge rate limits: %w", err)
	}
	return res.RowsAffected()
}
