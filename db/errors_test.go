package db_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"smmm/db"
	"smmm/db/dbtest"
)

// errEnv is one dialect's database for TestErrorKinds: the schema below and
// a pool that does not retry, so each failure reaches the caller as it was.
type errEnv struct {
	d    db.Dialect
	url  string
	pool *db.DB
}

// errSchema has a unique key, a foreign key, NOT NULL, CHECK, a length limit
// and an enumeration (a CHECK on SQLite, which has no enum type).
func errSchema(d db.Dialect) []string {
	color := `"color" TEXT CHECK ("color" IN ('red', 'green'))`
	var stmts []string
	switch d {
	case db.Postgres:
		stmts = append(stmts, `CREATE TYPE "Color" AS ENUM ('red', 'green')`)
		color = `"color" "Color"`
	case db.MySQL:
		color = `"color" ENUM('red', 'green')`
	}
	return append(stmts,
		`CREATE TABLE "Parent" ("id" INTEGER PRIMARY KEY, "email" VARCHAR(50) NOT NULL UNIQUE)`,
		`CREATE TABLE "Child" (
			"id" INTEGER PRIMARY KEY,
			"parentId" INTEGER NOT NULL,
			"name" VARCHAR(10) NOT NULL,
			"qty" INTEGER NOT NULL CHECK ("qty" >= 0),
			`+color+`,
			FOREIGN KEY ("parentId") REFERENCES "Parent" ("id"))`,
		`INSERT INTO "Parent" ("id", "email") VALUES (1, 'a@example.com')`,
		`INSERT INTO "Child" ("id", "parentId", "name", "qty", "color") VALUES (1, 1, 'first', 1, 'red')`,
		`CREATE TABLE "Acct" ("id" INTEGER PRIMARY KEY, "bal" INTEGER NOT NULL)`,
		`INSERT INTO "Acct" ("id", "bal") VALUES (1, 100), (2, 100)`,
	)
}

// neverEnding is a statement that runs until interrupted, for SQLite.
const neverEnding = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c`

// longStatement runs for seconds on the server, or forever on SQLite.
func longStatement(d db.Dialect, seconds float64) string {
	if d == db.SQLite {
		return neverEnding
	}
	return sleepSQL(d, seconds)
}

func insertChild(e *errEnv, args ...any) error {
	_, err := e.pool.Exec(context.Background(),
		`INSERT INTO "Child" ("id", "parentId", "name", "qty", "color") VALUES (?, ?, ?, ?, ?)`, args...)
	return err
}

// TestErrorKinds provokes every kind of failure with real statements on
// each real database and checks db's classification: by SQLSTATE on
// PostgreSQL, error number on MySQL/MariaDB, result code on SQLite.
func TestErrorKinds(t *testing.T) {
	type errCase struct {
		name string
		want db.Kind
		// code is the driver code expected in db.Error.Code, by dialect;
		// empty when the failure has no driver code (context, pool).
		code map[db.Dialect]string
		// skip names dialects where the failure cannot happen, and why.
		skip map[db.Dialect]string
		run  func(t *testing.T, e *errEnv) error
	}
	cases := []errCase{
		{
			name: "conflict/primary key", want: db.KindConflict,
			code: map[db.Dialect]string{db.Postgres: "23505", db.MySQL: "1062", db.SQLite: "1555"},
			run: func(t *testing.T, e *errEnv) error {
				_, err := e.pool.Exec(context.Background(), `INSERT INTO "Parent" ("id", "email") VALUES (1, 'other@example.com')`)
				return err
			},
		},
		{
			name: "conflict/unique", want: db.KindConflict,
			code: map[db.Dialect]string{db.Postgres: "23505", db.MySQL: "1062", db.SQLite: "2067"},
			run: func(t *testing.T, e *errEnv) error {
				_, err := e.pool.Exec(context.Background(), `INSERT INTO "Parent" ("id", "email") VALUES (2, 'a@example.com')`)
				return err
			},
		},
		{
			name: "foreign key/missing parent", want: db.KindForeignKey,
			code: map[db.Dialect]string{db.Postgres: "23503", db.MySQL: "1452", db.SQLite: "787"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 99, "orphan", 1, "red")
			},
		},
		{
			name: "foreign key/delete referenced parent", want: db.KindForeignKey,
			code: map[db.Dialect]string{db.Postgres: "23503", db.MySQL: "1451", db.SQLite: "787"},
			run: func(t *testing.T, e *errEnv) error {
				_, err := e.pool.Exec(context.Background(), `DELETE FROM "Parent" WHERE "id" = 1`)
				return err
			},
		},
		{
			name: "invalid/not null", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "23502", db.MySQL: "1048", db.SQLite: "1299"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 1, nil, 1, "red")
			},
		},
		{
			name: "invalid/check", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "23514", db.MySQL: "4025", db.SQLite: "275"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 1, "neg", -1, "red")
			},
		},
		{
			name: "invalid/too long", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "22001", db.MySQL: "1406"},
			skip: map[db.Dialect]string{db.SQLite: "SQLite does not enforce VARCHAR lengths"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 1, "a name longer than ten", 1, "red")
			},
		},
		{
			name: "invalid/bad enum value", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "22P02", db.MySQL: "1265", db.SQLite: "275"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 1, "blue", 1, "blue")
			},
		},
		{
			name: "invalid/not a number", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "22P02", db.MySQL: "1366"},
			skip: map[db.Dialect]string{db.SQLite: "SQLite stores 'abc' in an INTEGER column (type affinity)"},
			run: func(t *testing.T, e *errEnv) error {
				return insertChild(e, 2, 1, "nan", "abc", "red")
			},
		},
		{
			name: "invalid/out of range", want: db.KindInvalid,
			code: map[db.Dialect]string{db.Postgres: "22003", db.MySQL: "1264"},
			skip: map[db.Dialect]string{db.SQLite: "SQLite integers are 64-bit whatever the declared type"},
			run: func(t *testing.T, e *errEnv) error {
				// A literal: pgx would refuse an argument too big for the
				// column's type before sending it (kind unknown).
				_, err := e.pool.Exec(context.Background(),
					`INSERT INTO "Child" ("id", "parentId", "name", "qty", "color") VALUES (2, 1, 'big', 1099511627776, 'red')`)
				return err
			},
		},
		{
			name: "not found", want: db.KindNotFound,
			run: func(t *testing.T, e *errEnv) error {
				var name string
				err := e.pool.QueryRow(context.Background(), `SELECT "name" FROM "Child" WHERE "id" = ?`, 404).Scan(&name)
				if !errors.Is(err, db.ErrNotFound) {
					t.Errorf("errors.Is(%v, ErrNotFound) = false", err)
				}
				return err
			},
		},
		{
			name: "canceled/during the statement", want: db.KindCanceled,
			run: func(t *testing.T, e *errEnv) error {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				started := time.Now()
				time.AfterFunc(200*time.Millisecond, cancel)
				var v any
				err := e.pool.QueryRow(ctx, longStatement(e.d, 10)).Scan(&v)
				if d := time.Since(started); d > 5*time.Second {
					t.Errorf("cancel took %s to end the statement", d)
				}
				return err
			},
		},
		{
			name: "canceled/before the statement", want: db.KindCanceled,
			run: func(t *testing.T, e *errEnv) error {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				_, err := e.pool.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 1 WHERE "id" = 1`)
				return err
			},
		},
		{
			name: "query timeout/socket_timeout", want: db.KindQueryTimeout,
			code: map[db.Dialect]string{db.Postgres: "57014", db.MySQL: "1969"},
			run: func(t *testing.T, e *errEnv) error {
				pool := dbtest.Open(t, e.url+sep(e.url)+"socket_timeout=0.5", nil, db.Options{Retry: db.RetryPolicy{Attempts: 1}})
				var v any
				return pool.QueryRow(context.Background(), longStatement(e.d, 10)).Scan(&v)
			},
		},
		{
			name: "query timeout/caller's deadline", want: db.KindQueryTimeout,
			run: func(t *testing.T, e *errEnv) error {
				ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
				defer cancel()
				var v any
				return e.pool.QueryRow(ctx, longStatement(e.d, 10)).Scan(&v)
			},
		},
		{
			name: "unavailable/connection refused", want: db.KindUnavailable,
			skip: map[db.Dialect]string{db.SQLite: "covered by unavailable/not a database"},
			run: func(t *testing.T, e *errEnv) error {
				cfg, err := db.ParseURL(downURL(e.d, "connect_timeout=2"), db.Production)
				if err != nil {
					t.Fatal(err)
				}
				pool, err := db.Open(context.Background(), cfg, db.Options{Retry: db.RetryPolicy{Attempts: 1}})
				if err != nil {
					t.Fatalf("Open must not need the server: %v", err)
				}
				defer pool.Close(context.Background())
				var one int
				return pool.QueryRow(context.Background(), "SELECT 1").Scan(&one)
			},
		},
		{
			name: "unavailable/not a database", want: db.KindUnavailable,
			code: map[db.Dialect]string{db.SQLite: "26"},
			skip: map[db.Dialect]string{db.Postgres: "SQLite only", db.MySQL: "SQLite only"},
			run: func(t *testing.T, e *errEnv) error {
				path := t.TempDir() + "/garbage.db"
				if err := os.WriteFile(path, []byte(strings.Repeat("not an SQLite database\n", 100)), 0o644); err != nil {
					t.Fatal(err)
				}
				cfg, err := db.ParseURL("file:"+path, db.Production)
				if err != nil {
					t.Fatal(err)
				}
				pool, err := db.Open(context.Background(), cfg, db.Options{})
				if err == nil {
					pool.Close(context.Background())
				}
				return err
			},
		},
		{
			name: "pool timeout", want: db.KindPoolTimeout,
			run: func(t *testing.T, e *errEnv) error {
				pool := dbtest.Open(t, e.url, func(c *db.Config) {
					c.MaxConns = 1
					c.PoolTimeout = 200 * time.Millisecond
				}, db.Options{})
				ctx := context.Background()
				held := make(chan struct{})
				release := make(chan struct{})
				done := make(chan error, 1)
				go func() {
					done <- pool.Tx(ctx, db.TxOptions{}, func(*db.Tx) error {
						close(held)
						_, err := recvOrErr(release, waitLimit, "the test to release the holder")
						return err
					})
				}()
				recvWithin(t, held, waitLimit, "the holder to take the connection")
				// On SQLite the writer is the one connection writes wait for.
				_, err := pool.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 1 WHERE "id" = 1`)
				close(release)
				if herr := recvWithin(t, done, waitLimit, "the holder's transaction to end"); herr != nil {
					t.Errorf("holder: %v", herr)
				}
				if !errors.Is(err, db.ErrPoolTimeout) {
					t.Errorf("errors.Is(%v, ErrPoolTimeout) = false", err)
				}
				return err
			},
		},
		{
			name: "serialization/concurrent update", want: db.KindSerialization,
			code: map[db.Dialect]string{db.Postgres: "40001"},
			skip: map[db.Dialect]string{
				db.MySQL:  "InnoDB's REPEATABLE READ overwrites instead of failing; see serialization/deadlock",
				db.SQLite: "SQLite has one writer at a time; see serialization/busy",
			},
			run: func(t *testing.T, e *errEnv) error { return concurrentUpdate(t, e.pool) },
		},
		{
			name: "serialization/deadlock", want: db.KindSerialization,
			code: map[db.Dialect]string{db.Postgres: "40P01", db.MySQL: "1213"},
			skip: map[db.Dialect]string{db.SQLite: "SQLite transactions take the write lock up front and cannot deadlock"},
			run: func(t *testing.T, e *errEnv) error {
				r := deadlock(t, e.pool)
				switch {
				case r.errA != nil && r.errB != nil:
					t.Errorf("both transactions failed: %v; %v", r.errA, r.errB)
				case r.errA != nil:
					return r.errA
				case r.errB != nil:
					return r.errB
				}
				t.Error("no deadlock: both transactions succeeded")
				return nil
			},
		},
		{
			name: "serialization/busy", want: db.KindSerialization,
			code: map[db.Dialect]string{db.SQLite: "5"},
			skip: map[db.Dialect]string{db.Postgres: "SQLite only", db.MySQL: "SQLite only"},
			run: func(t *testing.T, e *errEnv) error {
				// Another pool, as another process would, holds the write lock
				// for longer than busy_timeout.
				other := dbtest.Open(t, e.url, nil, db.Options{})
				pool := dbtest.Open(t, e.url+sep(e.url)+"busy_timeout=100", nil, db.Options{Retry: db.RetryPolicy{Attempts: 1}})
				ctx := context.Background()
				held := make(chan struct{})
				release := make(chan struct{})
				done := make(chan error, 1)
				go func() {
					done <- other.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
						close(held)
						_, err := recvOrErr(release, waitLimit, "the test to release the write lock")
						return err
					})
				}()
				recvWithin(t, held, waitLimit, "the other pool to take the write lock")
				_, err := pool.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 1 WHERE "id" = 1`)
				close(release)
				if herr := recvWithin(t, done, waitLimit, "the other pool's transaction to end"); herr != nil {
					t.Errorf("holder: %v", herr)
				}
				return err
			},
		},
		{
			name: "read only/TxOptions.ReadOnly", want: db.KindReadOnly,
			code: map[db.Dialect]string{db.Postgres: "25006", db.MySQL: "1792", db.SQLite: "8"},
			run: func(t *testing.T, e *errEnv) error {
				var bal int
				return e.pool.Tx(context.Background(), db.TxOptions{ReadOnly: true}, func(tx *db.Tx) error {
					ctx := context.Background()
					if err := tx.QueryRow(ctx, `SELECT "bal" FROM "Acct" WHERE "id" = 1`).Scan(&bal); err != nil {
						t.Errorf("read in a read-only transaction: %v", err)
					}
					_, err := tx.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 1 WHERE "id" = 1`)
					return err
				})
			},
		},
		{
			name: "read only/SET TRANSACTION READ ONLY", want: db.KindReadOnly,
			code: map[db.Dialect]string{db.Postgres: "25006"},
			skip: map[db.Dialect]string{
				db.MySQL:  "MySQL allows SET TRANSACTION only between transactions; see TxOptions.ReadOnly",
				db.SQLite: "no such statement; see TxOptions.ReadOnly",
			},
			run: func(t *testing.T, e *errEnv) error {
				return e.pool.Tx(context.Background(), db.TxOptions{}, func(tx *db.Tx) error {
					ctx := context.Background()
					if _, err := tx.Exec(ctx, `SET TRANSACTION READ ONLY`); err != nil {
						t.Fatalf("SET TRANSACTION READ ONLY: %v", err)
					}
					_, err := tx.Exec(ctx, `INSERT INTO "Parent" ("id", "email") VALUES (3, 'ro@example.com')`)
					return err
				})
			},
		},
	}

	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=4", "pool_timeout=5")
		env := &errEnv{d: d, url: url, pool: dbtest.Open(t, url, nil, db.Options{Retry: db.RetryPolicy{Attempts: 1}})}
		mustExec(t, env.pool, errSchema(d)...)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if why, ok := c.skip[d]; ok {
					t.Skip(why)
				}
				err := c.run(t, env)
				if err == nil {
					t.Fatalf("no error, want kind %s", c.want)
				}
				if got := db.KindOf(err); got != c.want {
					t.Fatalf("kind %s, want %s; error: %v", got, c.want, err)
				}
				var de *db.Error
				if !errors.As(err, &de) {
					t.Fatalf("%T is not a *db.Error: %v", err, err)
				}
				if want := c.code[d]; de.Code != want {
					t.Errorf("Code = %q, want %q; error: %v", de.Code, want, err)
				}
				t.Logf("%v", err)
			})
		}
		// Every failure above left the pool usable.
		var n int
		if err := env.pool.QueryRow(context.Background(), `SELECT count(*) FROM "Child"`).Scan(&n); err != nil || n != 1 {
			t.Errorf("after the failures: %d children, %v; want 1, nil", n, err)
		}
	})
}

// sep is the separator before another parameter of url.
func sep(url string) string {
	if strings.Contains(url, "?") {
		return "&"
	}
	return "?"
}

// concurrentUpdate makes a REPEATABLE READ transaction update a row that
// another transaction changed after the first one's snapshot: PostgreSQL
// fails the first with a serialization failure. It returns the first
// transaction's error.
func concurrentUpdate(t *testing.T, pool *db.DB) error {
	ctx := context.Background()
	read := make(chan struct{})
	changed := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- pool.Tx(ctx, db.TxOptions{Isolation: sql.LevelRepeatableRead}, func(tx *db.Tx) error {
			var bal int
			if err := tx.QueryRow(ctx, `SELECT "bal" FROM "Acct" WHERE "id" = 1`).Scan(&bal); err != nil {
				return err
			}
			close(read)
			if _, err := recvOrErr(changed, waitLimit, "the concurrent update"); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE "Acct" SET "bal" = ? WHERE "id" = 1`, bal+1)
			return err
		})
	}()
	timer := time.NewTimer(waitLimit)
	defer timer.Stop()
	select {
	case <-read:
	case err := <-done:
		t.Fatalf("transaction ended before its read: %v", err)
	case <-timer.C:
		t.Fatalf("timed out after %s waiting for the transaction's read", waitLimit)
	}
	if _, err := pool.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 10 WHERE "id" = 1`); err != nil {
		t.Fatalf("concurrent update: %v", err)
	}
	close(changed)
	return recvWithin(t, done, waitLimit, "the REPEATABLE READ transaction to end")
}

// deadlockResult is the outcome of deadlock: each transaction's error and
// how many times each function ran.
type deadlockResult struct {
	errA, errB   error
	runsA, runsB int
}

// deadlock runs two transactions that lock rows 1 and 2 of "Acct" in
// opposite orders, each waiting until the other holds its first lock: the
// server must abort one of them. With retries, both end up committing.
func deadlock(t *testing.T, pool *db.DB) deadlockResult {
	ctx := context.Background()
	var r deadlockResult
	var onceA, onceB sync.Once
	lockedA := make(chan struct{})
	lockedB := make(chan struct{})
	tx := func(first, second int, mine, theirs chan struct{}, once *sync.Once, runs *int) func(*db.Tx) error {
		return func(tx *db.Tx) error {
			*runs++
			if _, err := tx.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" - 1 WHERE "id" = ?`, first); err != nil {
				return err
			}
			once.Do(func() { close(mine) })
			if _, err := recvOrErr(theirs, waitLimit, "the other transaction to take its first lock"); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE "Acct" SET "bal" = "bal" + 1 WHERE "id" = ?`, second)
			return err
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		r.errA = pool.Tx(ctx, db.TxOptions{}, tx(1, 2, lockedA, lockedB, &onceA, &r.runsA))
		onceA.Do(func() { close(lockedA) }) // never leave the other waiting
	})
	wg.Go(func() {
		r.errB = pool.Tx(ctx, db.TxOptions{}, tx(2, 1, lockedB, lockedA, &onceB, &r.runsB))
		onceB.Do(func() { close(lockedB) })
	})
	waitGroup(t, &wg, "the two deadlocking transactions to end")
	return r
}

// TestKindOfLostConnection: the errors a driver returns for a connection
// that died under it are unavailable by their types, not their text (the
// kill and cut tests get them from real servers; this pins the types).
func TestKindOfLostConnection(t *testing.T) {
	reset := &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}
	pipe := &net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.EPIPE)}
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"pgx conn closed", fmt.Errorf("query: %w", pgconn.ErrConnClosed)},
		{"connection reset", fmt.Errorf("receive message failed: %w", reset)},
		{"broken pipe", fmt.Errorf("write failed: %w", pipe)},
		{"unexpected EOF", fmt.Errorf("receive message failed: %w", io.ErrUnexpectedEOF)},
		{"EOF", fmt.Errorf("read: %w", io.EOF)},
		{"closed network connection", fmt.Errorf("read: %w", net.ErrClosed)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if k := db.KindOf(tt.err); k != db.KindUnavailable {
				t.Errorf("KindOf(%v) = %s, want unavailable", tt.err, k)
			}
		})
	}
	// Text alone classifies nothing: an error that only says so is unknown.
	if k := db.KindOf(errors.New("conn closed: connection reset by peer: broken pipe")); k != db.KindUnknown {
		t.Errorf("KindOf of plain text = %s, want unknown", k)
	}
}
