package db_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestTxOutcome: Tx commits when fn returns nil, rolls back when it returns
// an error (which the caller gets back, fn having run once), and rolls back
// and re-panics when it panics, giving its connection back every time.
func TestTxOutcome(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		ctx := context.Background()
		mustExec(t, pool, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
		has := func(n int) bool {
			var c int
			if err := pool.QueryRow(ctx, `SELECT count(*) FROM "T" WHERE "n" = ?`, n).Scan(&c); err != nil {
				t.Fatal(err)
			}
			return c == 1
		}

		t.Run("commit on nil", func(t *testing.T) {
			err := pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
				_, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (1)`)
				return err
			})
			if err != nil || !has(1) {
				t.Errorf("Tx = %v, row committed = %v; want nil, true", err, has(1))
			}
		})

		t.Run("rollback on error", func(t *testing.T) {
			errStop := errors.New("stop")
			runs := 0
			err := pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
				runs++
				if _, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (2)`); err != nil {
					return err
				}
				return errStop
			})
			if !errors.Is(err, errStop) || runs != 1 || has(2) {
				t.Errorf("Tx = %v after %d runs, row kept = %v; want errStop, 1 run, rolled back", err, runs, has(2))
			}
		})

		t.Run("rollback and re-panic on panic", func(t *testing.T) {
			type boom struct{}
			var recovered any
			func() {
				defer func() { recovered = recover() }()
				pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
					if _, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (3)`); err != nil {
						t.Fatal(err)
					}
					panic(boom{})
				})
			}()
			if _, ok := recovered.(boom); !ok {
				t.Errorf("recovered %v, want the panic of fn", recovered)
			}
			if has(3) {
				t.Error("row of the panicking transaction was committed")
			}
		})

		t.Run("read-only", func(t *testing.T) {
			var n int
			err := pool.Tx(ctx, db.TxOptions{ReadOnly: true, Isolation: sql.LevelDefault}, func(tx *db.Tx) error {
				return tx.QueryRow(ctx, `SELECT count(*) FROM "T"`).Scan(&n)
			})
			if err != nil || n != 1 {
				t.Errorf("read-only Tx = %v, count %d; want nil, 1", err, n)
			}
		})

		if st := pool.Stats(); st.InUse != 0 {
			t.Errorf("%d connections still taken after the transactions", st.InUse)
		}
		// The pool still works after the panic.
		if err := pool.Ping(ctx); err != nil {
			t.Errorf("Ping after the transactions: %v", err)
		}
	})
}

// TestTxRetrySerializable: two SERIALIZABLE transactions on PostgreSQL that
// read the same rows and then write (write skew) cannot both commit; the
// one that fails is run again and both succeed, with the serial result.
func TestTxRetrySerializable(t *testing.T) {
	pool := dbtest.Open(t, dbtest.URL(t, db.Postgres, "connection_limit=4"), nil, db.Options{})
	ctx := context.Background()
	mustExec(t, pool, `CREATE TABLE "Ledger" ("n" INTEGER NOT NULL)`)

	var runs atomic.Int64
	readA, readB := make(chan struct{}), make(chan struct{})
	var onceA, onceB sync.Once
	// Each transaction appends sum+1; the first run of each waits until the
	// other has read, so both read before either writes.
	appendSum := func(mine, theirs chan struct{}, once *sync.Once) func(*db.Tx) error {
		return func(tx *db.Tx) error {
			runs.Add(1)
			var sum int
			if err := tx.QueryRow(ctx, `SELECT COALESCE(SUM("n"), 0) FROM "Ledger"`).Scan(&sum); err != nil {
				return err
			}
			once.Do(func() { close(mine) })
			if _, err := recvOrErr(theirs, waitLimit, "the other transaction's read"); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO "Ledger" ("n") VALUES (?)`, sum+1)
			return err
		}
	}
	opts := db.TxOptions{Isolation: sql.LevelSerializable}
	var errA, errB error
	var wg sync.WaitGroup
	wg.Go(func() {
		errA = pool.Tx(ctx, opts, appendSum(readA, readB, &onceA))
		onceA.Do(func() { close(readA) })
	})
	wg.Go(func() {
		errB = pool.Tx(ctx, opts, appendSum(readB, readA, &onceB))
		onceB.Do(func() { close(readB) })
	})
	waitGroup(t, &wg, "the two SERIALIZABLE transactions to end")
	if errA != nil || errB != nil {
		t.Fatalf("Tx errors %v, %v; want both to succeed after retry", errA, errB)
	}
	if n := runs.Load(); n < 3 {
		t.Errorf("fn ran %d times in all, want more than 2 (one retry at least)", n)
	}
	if st := pool.Stats(); st.Retries < 1 {
		t.Errorf("Stats.Retries = %d, want at least 1", st.Retries)
	}
	// Serial outcome: 1, then 1+1.
	var rows, sum int
	if err := pool.QueryRow(ctx, `SELECT count(*), SUM("n") FROM "Ledger"`).Scan(&rows, &sum); err != nil {
		t.Fatal(err)
	}
	if rows != 2 || sum != 3 {
		t.Errorf("ledger has %d rows summing to %d, want 2 rows (1 and 2) summing to 3", rows, sum)
	}
}

// TestTxRetryDeadlock: two transactions locking the same rows in opposite
// orders deadlock for real (MariaDB and PostgreSQL); the server aborts one,
// Tx runs it again, and both succeed.
func TestTxRetryDeadlock(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		pool := dbtest.Open(t, dbtest.URL(t, d, "connection_limit=4"), nil, db.Options{})
		mustExec(t, pool,
			`CREATE TABLE "Acct" ("id" INTEGER PRIMARY KEY, "bal" INTEGER NOT NULL)`,
			`INSERT INTO "Acct" ("id", "bal") VALUES (1, 100), (2, 100)`)
		r := deadlock(t, pool)
		if r.errA != nil || r.errB != nil {
			t.Fatalf("Tx errors %v, %v; want both to succeed after retry", r.errA, r.errB)
		}
		if r.runsA+r.runsB < 3 {
			t.Errorf("fn ran %d+%d times, want more than 2 in all (the deadlock victim again)", r.runsA, r.runsB)
		}
		if st := pool.Stats(); st.Retries < 1 {
			t.Errorf("Stats.Retries = %d, want at least 1", st.Retries)
		}
		// Each transaction moved one unit each way: the balances are back.
		var b1, b2 int
		ctx := context.Background()
		if err := pool.QueryRow(ctx, `SELECT "bal" FROM "Acct" WHERE "id" = 1`).Scan(&b1); err != nil {
			t.Fatal(err)
		}
		if err := pool.QueryRow(ctx, `SELECT "bal" FROM "Acct" WHERE "id" = 2`).Scan(&b2); err != nil {
			t.Fatal(err)
		}
		if b1 != 100 || b2 != 100 {
			t.Errorf("balances %d, %d; want 100, 100 (each transaction applied once)", b1, b2)
		}
	})
}

// TestTxSQLiteContention: another pool on the same file (as another process
// would) holds the write lock. A writer waits for it within busy_timeout;
// with a busy_timeout too short it gets SQLITE_BUSY, and Tx retries until
// the lock is free. Both succeed.
func TestTxSQLiteContention(t *testing.T) {
	url := dbtest.URL(t, db.SQLite)
	holder := dbtest.Open(t, url, nil, db.Options{})
	mustExec(t, holder, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
	ctx := context.Background()

	for _, tc := range []struct {
		name   string
		params string
		retry  db.RetryPolicy
	}{
		{"waits within busy_timeout", "", db.RetryPolicy{Attempts: 1}},
		{"retries on SQLITE_BUSY", "?busy_timeout=20", db.RetryPolicy{Attempts: 50, Base: 10 * time.Millisecond, Cap: 50 * time.Millisecond}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pool := dbtest.Open(t, url+tc.params, nil, db.Options{Retry: tc.retry})
			before := count(t, pool, "T")
			held := make(chan struct{})
			holderDone := make(chan error, 1)
			go func() {
				holderDone <- holder.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
					if _, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (1)`); err != nil {
						return err
					}
					close(held)
					// Keep the lock until the contender has taken the writer
					// connection (and, with retries, has hit SQLITE_BUSY).
					if !waitUntil(10*time.Second, func() bool {
						st := pool.Stats()
						return st.AcquireCount > 1 && (tc.retry.Attempts == 1 || st.Retries >= 1)
					}) {
						return errors.New("the contender never tried")
					}
					return nil
				})
			}()
			recvWithin(t, held, waitLimit, "the holder to take the write lock")
			runs := 0
			err := pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
				runs++
				_, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (2)`)
				return err
			})
			if herr := recvWithin(t, holderDone, waitLimit, "the holder's transaction to end"); herr != nil {
				t.Fatalf("holder: %v", herr)
			}
			if err != nil {
				t.Fatalf("contending writer: %v", err)
			}
			if got := count(t, pool, "T"); got != before+2 {
				t.Errorf("%d rows, want %d", got, before+2)
			}
			t.Logf("fn ran %d times, %d retries", runs, pool.Stats().Retries)
		})
	}
}
