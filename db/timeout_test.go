package db_test

import (
	"context"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestQueryTimeoutStopsServerWork: with socket_timeout=1 a ten-second sleep
// ends for the caller after about a second with KindQueryTimeout, and the
// server has stopped it too (statement_timeout on PostgreSQL,
// max_statement_time on MariaDB): a second later it shows nothing of ours
// still running it. The connection survives.
func TestQueryTimeoutStopsServerWork(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "socket_timeout=1", "connection_limit=2")
		pool := dbtest.Open(t, url, nil, db.Options{Retry: db.RetryPolicy{Attempts: 1}})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)
		ctx := context.Background()
		if err := pool.Ping(ctx); err != nil {
			t.Fatal(err)
		}

		stmt := sleepSQL(d, 10)
		like := "%" + stmt[len("SELECT "):] + "%" // "%pg_sleep(10)%", "%SLEEP(10)%"
		start := time.Now()
		var v any
		err := pool.QueryRow(ctx, stmt).Scan(&v)
		took := time.Since(start)
		ended := time.Now()
		if db.KindOf(err) != db.KindQueryTimeout {
			t.Fatalf("%s returned %v (value %v, kind %s) after %s; want kind query_timeout", stmt, err, v, db.KindOf(err), took)
		}
		if took < 900*time.Millisecond || took > 5*time.Second {
			t.Errorf("timed out after %s, want about 1s", took)
		}
		// Within a second of the caller's error, the server runs none of it.
		waitFor(t, 2*time.Second, "the server to stop the statement", func() bool {
			return serverRunning(t, admin, d, name, like) == 0
		})
		if after := time.Since(ended); after > time.Second {
			t.Logf("note: server took %s after the error to drop the statement (slow machine?)", after)
		}
		if n := serverRunning(t, admin, d, name, like); n != 0 {
			t.Errorf("server still runs %d of our %s", n, stmt)
		}
		// The server stopped the statement, not the connection: it is reused.
		if err := pool.Ping(ctx); err != nil {
			t.Errorf("Ping after the timeout: %v", err)
		}
		if st := pool.Stats(); st.ConnsOpened != 1 {
			t.Errorf("ConnsOpened = %d, want 1 (the timed-out connection kept)", st.ConnsOpened)
		}
	})
}

// TestQueryTimeoutSQLite: SQLite has no server; socket_timeout interrupts
// the statement in process, and the connection stays usable.
func TestQueryTimeoutSQLite(t *testing.T) {
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite, "socket_timeout=0.5"), nil, db.Options{})
	ctx := context.Background()
	start := time.Now()
	var n int64
	err := pool.QueryRow(ctx, neverEnding).Scan(&n)
	took := time.Since(start)
	if db.KindOf(err) != db.KindQueryTimeout {
		t.Fatalf("got %v (kind %s), want kind query_timeout", err, db.KindOf(err))
	}
	if took < 400*time.Millisecond || took > 5*time.Second {
		t.Errorf("timed out after %s, want about 500ms", took)
	}
	if err := pool.Ping(ctx); err != nil {
		t.Errorf("Ping after the timeout: %v", err)
	}
}

// TestCallerDeadlineStopsServerWork: a caller's deadline shorter than the
// statement timeout ends the call on time with KindQueryTimeout, and the
// server stops the statement within a second: PostgreSQL when pgx closes
// the connection, MariaDB by the KILL CONNECTION db sends (the driver itself
// only closes the connection, and the server would go on until the
// statement ends or reaches max_statement_time).
func TestCallerDeadlineStopsServerWork(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "socket_timeout=2")
		pool := dbtest.Open(t, url, nil, db.Options{})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)

		stmt := sleepSQL(d, 10)
		like := "%" + stmt[len("SELECT "):] + "%"
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		var v any
		err := pool.QueryRow(ctx, stmt).Scan(&v)
		took := time.Since(start)
		if db.KindOf(err) != db.KindQueryTimeout {
			t.Fatalf("got %v (kind %s), want kind query_timeout", err, db.KindOf(err))
		}
		if took > 3*time.Second {
			t.Errorf("returned after %s, want about 300ms", took)
		}
		within := time.Second
		waitFor(t, within+2*time.Second, "the server to stop the statement", func() bool {
			return serverRunning(t, admin, d, name, like) == 0
		})
		if gone := time.Since(start); gone > within+time.Second {
			t.Errorf("server ran the statement for %s after the call began, want under %s", gone, within)
		}
	})
}
