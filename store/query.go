package store

import (
	"context"
	"fmt"

	"smmm/db"
)

// The helpers of this file run every simple query of the package, so that a
// simple type's store code is its SQL and one fields function:
//
//	func serviceFields(s *smmm.Service) []any {
//		return []any{&s.ID, &s.Title, &s.Description, &s.IsActive, &s.Order,
//			scanTime{&s.CreatedAt.Time}, scanTime{&s.UpdatedAt.Time}}
//	}
//
// A fields function returns the scan destinations of one row, in the order
// the query selects its columns, each pointing into *T: plain pointers for
// columns database/sql converts itself (also to named string types such as
// smmm.Status, and to pointers for nullable columns), and the Scanners of
// this package (scanTime, scanNullTime, nullString) for the rest.
// queryAll calls it once per query, not once per row, and reuses the same T
// for every row; every destination therefore overwrites its field on each
// row (database/sql's and this package's all do), and T holds nothing else.

// queryOne runs a query for one row and returns it. No row gives an error
// matching db.ErrNotFound.
func queryOne[T any](ctx context.Context, q db.Querier, fields func(*T) []any, query string, args ...any) (T, error) {
	var v T
	if err := q.QueryRow(ctx, query, args...).Scan(fields(&v)...); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// queryAll runs a query and returns its rows in order. No rows give an
// empty slice, not nil, so that it encodes as [].
func queryAll[T any](ctx context.Context, q db.Querier, fields func(*T) []any, query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var v T
	dest := fields(&v)
	out := []T{}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	// Close reports the error that ended the iteration, if any.
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// scalar is the fields function of a query that selects one column, such as
// COUNT(*): queryOne(ctx, q, scalar[int], query).
func scalar[T any](p *T) []any { return []any{p} }

// execOne runs a statement that must affect exactly one row, as an UPDATE
// or DELETE by id does. No row affected gives db.ErrNotFound, for the caller
// to wrap; more than one gives an error that does not match it, since the
// row was not missing: the statement is wrong. On MySQL the connection
// counts matched rows, not changed ones (ClientFoundRows, set in db), as
// PostgreSQL and SQLite do, so an UPDATE that writes the values a row
// already holds still affects it.
func execOne(ctx context.Context, q db.Querier, query string, args ...any) error {
	res, err := q.Exec(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	switch {
	case err != nil:
		return err
	case n == 0:
		return db.ErrNotFound
	case n > 1:
		return fmt.Errorf("%d rows affected, want 1", n)
	}
	return nil
}
