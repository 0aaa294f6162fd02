package store

import (
	"context"
	"fmt"

	"smmm/db"
)

// scanFunc reads one row into a T; scan is a Row's or Rows' Scan. A simple
// type's store code is its SQL and one scanFunc: the helpers below do the
// rest.
type scanFunc[T any] func(scan func(dest ...any) error) (T, error)

// queryOne runs a query for one row. No row gives an error matching
// db.ErrNotFound.
func queryOne[T any](ctx context.Context, q db.Querier, scan scanFunc[T], query string, args ...any) (T, error) {
	return scan(q.QueryRow(ctx, query, args...).Scan)
}

// queryAll runs a query and scans every row, in order. No rows give an
// empty slice, not nil, so that it encodes as [].
func queryAll[T any](ctx context.Context, q db.Querier, scan scanFunc[T], query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// execOne runs a statement that must affect exactly one row, as an UPDATE
// or DELETE by id does. No row gives an error matching db.ErrNotFound. On
// MySQL the connection counts matched rows (ClientFoundRows), so an UPDATE
// that changes nothing still counts its row.
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
		return fmt.Errorf("store: %d rows affected, want 1", n)
	}
	return nil
}
