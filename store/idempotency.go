package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"smmm"
	"smmm/db"
)

// CreateContactMessageOnce is CreateContactMessage under an idempotency
// key. The first call with a key stores the message and records the key
// with requestHash (a digest of the request) in the same transaction. A
// later call with the same key and hash stores nothing and returns the
// first message with replayed set; with a different hash it returns an
// smmm.ECONFLICT error. Concurrent calls with one key store one message.
func (s *Store) CreateContactMessageOnce(ctx context.Context, key, requestHash string, in smmm.NewContactMessage) (m smmm.ContactMessage, replayed bool, err error) {
	// Another request with this key committed between our lookup and our
	// insert: run again, and find its row.
	again := func(_ int, err error) bool { return db.KindOf(err) == db.KindConflict }
	err = db.Retry(ctx, idempotencyRetry, again, func(ctx context.Context) error {
		var err error
		m, replayed, err = s.createOnce(ctx, key, requestHash, in)
		return err
	})
	if err != nil {
		return smmm.ContactMessage{}, false, fmt.Errorf("store: create contact message with idempotency key: %w", err)
	}
	return m, replayed, nil
}

// maxIdempotentAttempts bounds the runs of CreateContactMessageOnce. A run
// that loses the race for its key fails with a conflict once the winner has
// committed, and the next run finds the winner's row: two runs settle the
// race. The third is a margin for a second race on the same key (the key
// purged and taken again in between); the bound keeps a conflict that is no
// such race from running forever.
const maxIdempotentAttempts = 3

// idempotencyRetry waits little between runs: the row the next run looks for
// is committed already.
var idempotencyRetry = db.RetryPolicy{Attempts: maxIdempotentAttempts, Base: time.Millisecond, Cap: 10 * time.Millisecond}

// idempotencyKey is a row of the "IdempotencyKey" lookup.
type idempotencyKey struct{ requestHash, resourceID string }

func idempotencyKeyFields(k *idempotencyKey) []any { return []any{&k.requestHash, &k.resourceID} }

func (s *Store) createOnce(ctx context.Context, key, requestHash string, in smmm.NewContactMessage) (m smmm.ContactMessage, replayed bool, err error) {
	err = s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		replayed = false
		id, found, err := lookupIdempotencyKey(ctx, tx, key, requestHash)
		if err != nil {
			return err
		}
		if found {
			m, err = contactMessage(ctx, tx, id)
			if errors.Is(err, db.ErrNotFound) {
				return smmm.Errorf(smmm.ECONFLICT, "the message created with this Idempotency-Key has been deleted")
			}
			replayed = true
			return err
		}
		now := s.now()
		m = smmm.ContactMessage{
			ID: s.ids.next(now), Name: in.Name, Email: in.Email, Phone: in.Phone, Subject: in.Subject, Message: in.Message,
			Status: smmm.StatusNew, CreatedAt: smmm.Time{Time: now}, UpdatedAt: smmm.Time{Time: now},
		}
		if err := insertContactMessage(ctx, tx, m); err != nil {
			return err
		}
		return recordIdempotencyKey(ctx, tx, key, requestHash, &smmm.Record{ID: m.ID, CreatedAt: m.CreatedAt})
	})
	return m, replayed, err
}

// lookupIdempotencyKey finds the row recorded under key: its id and found
// set, or found unset when the key is new. A key recorded with another
// requestHash gives an smmm.ECONFLICT error.
func lookupIdempotencyKey(ctx context.Context, tx *db.Tx, key, requestHash string) (id string, found bool, err error) {
	const lookup = `SELECT "requestHash", "resourceId" FROM "IdempotencyKey" WHERE "key" = ?`
	stored, err := queryOne(ctx, tx, idempotencyKeyFields, lookup, key)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return "", false, nil
	case err != nil:
		return "", false, err
	case stored.requestHash != requestHash:
		return "", false, smmm.Errorf(smmm.ECONFLICT, "this Idempotency-Key was already used for a different request")
	}
	return stored.resourceID, true, nil
}

// recordIdempotencyKey records key for the row r, made in the same
// transaction. A concurrent request that recorded the key first makes it
// fail with a conflict.
func recordIdempotencyKey(ctx context.Context, tx *db.Tx, key, requestHash string, r *smmm.Record) error {
	const query = `INSERT INTO "IdempotencyKey" ("key", "requestHash", "resourceId", "createdAt") VALUES (?, ?, ?, ?)`
	_, err := tx.Exec(ctx, query, key, requestHash, r.ID, r.CreatedAt.UTC())
	return err
}

// PurgeIdempotencyKeys deletes keys recorded before cutoff and returns how
// many went. Their messages stay.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM "IdempotencyKey" WHERE "createdAt" < ?`, cutoff.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: purge idempotency keys: %w", err)
	}
	return res.RowsAffected()
}
