package store

import (
	"context"
	"fmt"
	"strings"

	"smmm"
	"smmm/db"
)

// table describes a content table to the generic code of this file: its
// name, its content columns (besides "id", "createdAt" and "updatedAt",
// which every content table has) and where each goes in the Go type.
type table[T any, P smmm.Content[T]] struct {
	name string
	cols []string
	// fields returns, for cols in order, pointers into the row: scan
	// destinations that are also the statement arguments when writing
	// (database/sql and the drivers dereference pointers; nil is NULL).
	fields func(P) []any
	// active is set when the table has "isActive": the public sees only
	// active rows.
	active bool
	// read gives the select expression of a column whose value is not read
	// as it is stored (a job application's CV: only whether there is one).
	// Such columns are written on insert only.
	read map[string]string
	// before runs in the write's transaction before the row is written,
	// after runs after it, load after rows are read: for rows stored with
	// the row (a plan's features) or next to it (a question's category).
	before func(ctx context.Context, s *Store, tx *db.Tx, v P) error
	after  func(ctx context.Context, s *Store, tx *db.Tx, v P) error
	load   func(ctx context.Context, q db.Querier, rows []T) error

	// Statements, made once by init.
	selectSQL, insertSQL, updateSQL string
}

// init builds the table's statements; it returns t for use in a var.
func (t *table[T, P]) init() *table[T, P] {
	sel := []string{`"id"`}
	ins := []string{`"id"`}
	var upd []string
	for _, c := range t.cols {
		q := `"` + c + `"`
		ins = append(ins, q)
		if expr, ok := t.read[c]; ok {
			sel = append(sel, expr)
			continue
		}
		sel = append(sel, q)
		upd = append(upd, q+` = ?`)
	}
	sel = append(sel, `"createdAt"`, `"updatedAt"`)
	ins = append(ins, `"createdAt"`, `"updatedAt"`)
	t.selectSQL = `SELECT ` + strings.Join(sel, ", ") + ` FROM "` + t.name + `"`
	t.insertSQL = `INSERT INTO "` + t.name + `" (` + strings.Join(ins, ", ") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(ins)), ", ") + `)`
	t.updateSQL = `UPDATE "` + t.name + `" SET ` + strings.Join(append(upd, `"updatedAt" = ?`), ", ") + ` WHERE "id" = ?`
	return t
}

// scan is the fields function of selectSQL.
func (t *table[T, P]) scan(v *T) []any {
	r := P(v).Rec()
	return append(append([]any{&r.ID}, t.fields(v)...), scanTime{&r.CreatedAt.Time}, scanTime{&r.UpdatedAt.Time})
}

// selectRows runs selectSQL with a tail (WHERE, ORDER BY) and loads what
// goes with the rows.
func (t *table[T, P]) selectRows(ctx context.Context, q db.Querier, tail string, args ...any) ([]T, error) {
	rows, err := queryAll(ctx, q, t.scan, t.selectSQL+tail, args...)
	if err == nil && t.load != nil && len(rows) > 0 {
		err = t.load(ctx, q, rows)
	}
	return rows, err
}

// get reads one row by id; with lock, FOR UPDATE (SQLite's write
// transactions lock the whole database already).
func (t *table[T, P]) get(ctx context.Context, q db.Querier, id string, lock bool) (T, error) {
	tail := ` WHERE "id" = ?`
	if lock && q.Dialect() != db.SQLite {
		tail += ` FOR UPDATE`
	}
	rows, err := t.selectRows(ctx, q, tail, id)
	switch {
	case err != nil:
		var zero T
		return zero, err
	case len(rows) == 0:
		var zero T
		return zero, db.ErrNotFound
	}
	return rows[0], nil
}

// insert writes a new row with both times now and, unless v has one, a
// new id.
func (t *table[T, P]) insert(ctx context.Context, s *Store, tx *db.Tx, v P) error {
	now := s.now()
	r := v.Rec()
	if r.ID == "" {
		r.ID = s.ids.next(now)
	}
	r.CreatedAt, r.UpdatedAt = smmm.Time{Time: now}, smmm.Time{Time: now}
	if t.before != nil {
		if err := t.before(ctx, s, tx, v); err != nil {
			return err
		}
	}
	args := append(append([]any{r.ID}, t.fields(v)...), now, now)
	if _, err := tx.Exec(ctx, t.insertSQL, args...); err != nil {
		return err
	}
	if t.after != nil {
		return t.after(ctx, s, tx, v)
	}
	return nil
}

// update writes every column of v but the insert-only ones, and updatedAt.
func (t *table[T, P]) update(ctx context.Context, s *Store, tx *db.Tx, v P) error {
	now := s.now()
	r := v.Rec()
	r.UpdatedAt = smmm.Time{Time: now}
	if t.before != nil {
		if err := t.before(ctx, s, tx, v); err != nil {
			return err
		}
	}
	var args []any
	for i, f := range t.fields(v) {
		if _, insertOnly := t.read[t.cols[i]]; !insertOnly {
			args = append(args, f)
		}
	}
	if err := execOne(ctx, tx, t.updateSQL, append(args, now, r.ID)...); err != nil {
		return err
	}
	if t.after != nil {
		return t.after(ctx, s, tx, v)
	}
	return nil
}

// Collection is a content table whose rows the site shows in "order": hero
// slides, services, team members and the like. Its methods run each write
// in one transaction with the rows that go with it.
type Collection[T any, P smmm.Content[T]] struct {
	s *Store
	t *table[T, P]
}

// errorf wraps err with the table and the operation.
func (c Collection[T, P]) errorf(op string, err error) error {
	return fmt.Errorf("store: %s: %s: %w", c.t.name, op, err)
}

// List returns the rows in "order" (then by creation); with all unset,
// only the active ones. The slice is empty, not nil, when there are none.
func (c Collection[T, P]) List(ctx context.Context, all bool) ([]T, error) {
	tail, args := ``, []any(nil)
	if c.t.active && !all {
		tail, args = ` WHERE "isActive" = ?`, []any{true}
	}
	rows, err := c.t.selectRows(ctx, c.s.db, tail+` ORDER BY "order", "createdAt", "id"`, args...)
	if err != nil {
		return nil, c.errorf("list", err)
	}
	return rows, nil
}

// Empty reports whether the table has no rows at all, active or not: the
// site then shows its built-in defaults.
func (c Collection[T, P]) Empty(ctx context.Context) (bool, error) {
	n, err := queryOne(ctx, c.s.db, scalar[int], `SELECT COUNT(*) FROM (SELECT "id" FROM "`+c.t.name+`" LIMIT 1) t`)
	if err != nil {
		return false, c.errorf("count", err)
	}
	return n == 0, nil
}

// Create stores v as a new row, with a new id and times, and returns it as
// stored. Validate v first.
func (c Collection[T, P]) Create(ctx context.Context, v T) (T, error) {
	var out T
	err := c.s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		w := v
		*P(&w).Rec() = smmm.Record{} // the id and times are not the client's to choose
		if err := c.t.insert(ctx, c.s, tx, &w); err != nil {
			return err
		}
		var err error
		out, err = c.t.get(ctx, tx, P(&w).Rec().ID, false)
		return err
	})
	if err != nil {
		return out, c.errorf("create", err)
	}
	return out, nil
}

// Update reads the row with id and locks it, lets patch change it (patch
// validates; its error ends the update), writes it and returns it as stored,
// all in one transaction. patch may run more than once, on a fresh copy of
// the row, when the transaction is run again. No row gives an error matching
// db.ErrNotFound.
func (c Collection[T, P]) Update(ctx context.Context, id string, patch func(P) error) (T, error) {
	var out T
	err := c.s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		v, err := c.t.get(ctx, tx, id, true)
		if err != nil {
			return err
		}
		rec := *P(&v).Rec()
		if err := patch(&v); err != nil {
			return err
		}
		*P(&v).Rec() = rec // the id and times are not the client's to change
		if err := c.t.update(ctx, c.s, tx, &v); err != nil {
			return err
		}
		out, err = c.t.get(ctx, tx, id, false)
		return err
	})
	if err != nil {
		return out, c.errorf("update "+quote(id), err)
	}
	return out, nil
}

// Delete removes the row with id and, by the foreign keys' cascade, the
// rows that belong to it. No row gives an error matching db.ErrNotFound.
func (c Collection[T, P]) Delete(ctx context.Context, id string) error {
	if err := execOne(ctx, c.s.db, `DELETE FROM "`+c.t.name+`" WHERE "id" = ?`, id); err != nil {
		return c.errorf("delete "+quote(id), err)
	}
	return nil
}

// Reorder sets the "order" of each item's row, all in one transaction: an
// id that names no row gives an smmm.ENOTFOUND error naming it, and nothing
// changes.
func (c Collection[T, P]) Reorder(ctx context.Context, items []smmm.ReorderItem) error {
	err := c.s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		now := c.s.now()
		q := `UPDATE "` + c.t.name + `" SET "order" = ?, "updatedAt" = ? WHERE "id" = ?`
		for _, it := range items {
			err := execOne(ctx, tx, q, it.Order, now, it.ID)
			if errNoRows(err) {
				return smmm.Errorf(smmm.ENOTFOUND, "no row with id %q; nothing was reordered", it.ID)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return c.errorf("reorder", err)
	}
	return nil
}

// quote quotes an id for an error message.
func quote(id string) string { return fmt.Sprintf("%q", id) }
