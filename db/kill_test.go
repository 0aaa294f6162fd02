package db_test

import (
	"context"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestMySQLKillQuery: on MariaDB a statement whose caller cancels or runs
// out of time is stopped on the server (KILL CONNECTION on a connection of its
// own), as PostgreSQL does: a CPU-bound statement, which the server would
// otherwise run to its end, is gone from the process list within a second
// of the cancel. socket_timeout is far off, so max_statement_time has no
// part in it. The pool goes on working.
func TestMySQLKillQuery(t *testing.T) {
	// BENCHMARK of this many MD5s runs for minutes.
	const like = "%BENCHMARK(%"
	cases := []struct {
		name string
		run  func(ctx context.Context, pool *db.DB) error
		// end ends the caller's wait: a cancel, or a deadline.
		deadline bool
	}{
		{"QueryRow canceled", func(ctx context.Context, pool *db.DB) error {
			var v any
			return pool.QueryRow(ctx, "SELECT BENCHMARK(5000000000, MD5('smmm'))").Scan(&v)
		}, false},
		{"Exec with an argument, deadline", func(ctx context.Context, pool *db.DB) error {
			_, err := pool.Exec(ctx, "DO BENCHMARK(5000000000, MD5(?))", "smmm")
			return err
		}, true},
		{"Query in a transaction, canceled", func(ctx context.Context, pool *db.DB) error {
			return pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
				rows, err := tx.Query(ctx, "SELECT BENCHMARK(5000000000, MD5(?))", "smmm")
				if err != nil {
					return err
				}
				return rows.Close()
			})
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := dbtest.URL(t, db.MySQL, "socket_timeout=60", "connection_limit=2")
			pool := dbtest.Open(t, url, nil, db.Options{})
			admin := dbtest.Admin(t, db.MySQL, dbtest.ServerURL(t, db.MySQL))
			name := dbtest.Name(t, url)

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.deadline {
				ctx, cancel = context.WithTimeout(ctx, 2*time.Second)
				defer cancel()
			}
			done := make(chan error, 1)
			go func() { done <- tc.run(ctx, pool) }()
			// The statement runs on the server before the caller leaves.
			waitFor(t, 10*time.Second, "the statement to run on the server", func() bool {
				return serverRunning(t, admin, db.MySQL, name, like) == 1
			})
			if !tc.deadline {
				cancel()
			}
			var ended time.Time
			select {
			case err := <-done:
				ended = time.Now()
				want := db.KindCanceled
				if tc.deadline {
					want = db.KindQueryTimeout
				}
				if db.KindOf(err) != want {
					t.Errorf("got %v (kind %s), want kind %s", err, db.KindOf(err), want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the call did not return within 10s of its caller leaving")
			}
			waitFor(t, 5*time.Second, "the server to stop the statement", func() bool {
				return serverRunning(t, admin, db.MySQL, name, like) == 0
			})
			if gone := time.Since(ended); gone > time.Second {
				t.Errorf("the server ran the statement for %s after the call ended, want under 1s", gone)
			}
			var one int
			if err := pool.QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil {
				t.Errorf("the pool after the kill: %v", err)
			}
		})
	}
}
