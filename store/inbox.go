package store

import (
	"context"
	"errors"
	"strings"

	"smmm"
	"smmm/db"
)

// Inbox is a table of a public form (quote requests, job applications):
// the public creates rows, an ADMIN pages through them newest first,
// changes their status and deletes them.
type Inbox[T any, P smmm.Form[T]] struct {
	s *Store
	t *table[T, P]
}

// InboxFilter selects a page of an inbox.
type InboxFilter struct {
	// Status keeps only rows with this status; "" keeps all.
	Status string
	// Limit is the page size: DefaultListLimit when <= 0, at most
	// MaxListLimit.
	Limit int
	// After starts the page after this position; nil starts with the newest.
	After *Cursor
}

func (b Inbox[T, P]) coll() Collection[T, P] { return Collection[T, P](b) }

// Create stores a new row with the form's first status. Validate v first.
func (b Inbox[T, P]) Create(ctx context.Context, v T) (T, error) {
	st, values := P(&v).StatusField()
	*st = values[0]
	return b.coll().Create(ctx, v)
}

// CreateOnce is Create under an idempotency key, as CreateContactMessageOnce:
// the same key and requestHash return the first row with replayed set, the
// same key with another hash an smmm.ECONFLICT error.
func (b Inbox[T, P]) CreateOnce(ctx context.Context, key, requestHash string, v T) (out T, replayed bool, err error) {
	st, values := P(&v).StatusField()
	*st = values[0]
	again := func(_ int, err error) bool { return db.KindOf(err) == db.KindConflict }
	err = db.Retry(ctx, idempotencyRetry, again, func(ctx context.Context) error {
		return b.s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
			replayed = false
			id, found, err := lookupIdempotencyKey(ctx, tx, key, requestHash)
			if err != nil {
				return err
			}
			if found {
				out, err = b.t.get(ctx, tx, id, false)
				if errors.Is(err, db.ErrNotFound) {
					return smmm.Errorf(smmm.ECONFLICT, "the row created with this Idempotency-Key has been deleted")
				}
				replayed = true
				return err
			}
			w := v
			*P(&w).Rec() = smmm.Record{}
			if err := b.t.insert(ctx, b.s, tx, &w); err != nil {
				return err
			}
			if err := recordIdempotencyKey(ctx, tx, key, requestHash, P(&w).Rec()); err != nil {
				return err
			}
			out, err = b.t.get(ctx, tx, P(&w).Rec().ID, false)
			return err
		})
	})
	if err != nil {
		return out, false, b.coll().errorf("create with idempotency key", err)
	}
	return out, replayed, nil
}

// List returns one page, newest first ("createdAt" descending, then "id"
// descending), and the cursor of the next page, nil on the last one. A
// status that is not one of the form's gives an smmm.EINVALID error.
func (b Inbox[T, P]) List(ctx context.Context, f InboxFilter) ([]T, *Cursor, error) {
	var zero T
	if _, values := P(&zero).StatusField(); f.Status != "" && !smmm.ValidStatus(&f.Status, values) {
		return nil, nil, b.coll().errorf("list", smmm.Errorf(smmm.EINVALID, "unknown status %q", f.Status))
	}
	limit := f.Limit
	switch {
	case limit <= 0:
		limit = DefaultListLimit
	case limit > MaxListLimit:
		limit = MaxListLimit
	}
	var where []string
	var args []any
	if f.Status != "" {
		where = append(where, `"status" = ?`)
		args = append(args, f.Status)
	}
	if f.After != nil {
		at := f.After.CreatedAt.UTC()
		where = append(where, `("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))`)
		args = append(args, at, at, f.After.ID)
	}
	tail := ``
	if len(where) > 0 {
		tail = ` WHERE ` + strings.Join(where, " AND ")
	}
	out, err := b.t.selectRows(ctx, b.s.db, tail+` ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, nil, b.coll().errorf("list", err)
	}
	var next *Cursor
	if len(out) > limit {
		out = out[:limit]
		last := P(&out[limit-1]).Rec()
		next = &Cursor{CreatedAt: last.CreatedAt.Time, ID: last.ID}
	}
	return out, next, nil
}

// SetStatus changes a row's status and returns the row. A status that is
// not one of the form's gives an smmm.EINVALID error, no row an error
// matching db.ErrNotFound.
func (b Inbox[T, P]) SetStatus(ctx context.Context, id, status string) (T, error) {
	var out T
	if _, values := P(&out).StatusField(); !smmm.ValidStatus(&status, values) {
		return out, b.coll().errorf("set status", smmm.Errorf(smmm.EINVALID, "unknown status %q", status))
	}
	err := b.s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		q := `UPDATE "` + b.t.name + `" SET "status" = ?, "updatedAt" = ? WHERE "id" = ?`
		if err := execOne(ctx, tx, q, status, b.s.now(), id); err != nil {
			return err
		}
		var err error
		out, err = b.t.get(ctx, tx, id, false)
		return err
	})
	if err != nil {
		return out, b.coll().errorf("set status of "+quote(id), err)
	}
	return out, nil
}

// Delete removes the row with id; no row gives an error matching
// db.ErrNotFound.
func (b Inbox[T, P]) Delete(ctx context.Context, id string) error { return b.coll().Delete(ctx, id) }
