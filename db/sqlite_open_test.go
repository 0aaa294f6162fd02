package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite" // registers "sqlite", for a connection of another program

	"smmm/db"
)

// TestSQLiteConcurrentOpen: many pools opening one new SQLite file at the
// same moment, as several processes starting together do, all succeed:
// the WAL switch that can meet SQLITE_BUSY is retried.
func TestSQLiteConcurrentOpen(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("open-%d.db", round))
		cfg, err := db.ParseURL("file:"+path, db.Production)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() {
				pool, err := db.Open(ctx, cfg, db.Options{})
				if err != nil {
					errs[i] = err
					return
				}
				defer pool.Close(ctx)
				if _, err := pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS "T" ("id" INTEGER PRIMARY KEY)`); err != nil {
					errs[i] = err
				}
			})
		}
		// Every call above is bounded by ctx; the wait is bounded too.
		waitGroup(t, &wg, fmt.Sprintf("round %d's %d pools to open", round, len(errs)))
		cancel()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, pool %d: %v", round, i, err)
			}
		}
	}
}

// TestSQLiteLockedIsNotAnOutage: a SQLite file that another program holds
// locked (BEGIN EXCLUSIVE, busy_timeout=0 so that every attempt fails at
// once) makes Open retry its first connection, then fail with a temporary
// kind, serialization; the circuit breaker, which is for databases that
// cannot be reached, does not open on a lock.
func TestSQLiteLockedIsNotAnOutage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	for _, q := range []string{`CREATE TABLE "T" ("n" INTEGER)`, `BEGIN EXCLUSIVE`, `INSERT INTO "T" VALUES (1)`} {
		if _, err := lock.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	cfg, err := db.ParseURL("file:"+path+"?busy_timeout=0", db.Production)
	if err != nil {
		t.Fatal(err)
	}
	var logs logBuffer
	pool, err := db.Open(ctx, cfg, db.Options{Logger: logs.logger()})
	if err == nil {
		pool.Close(ctx)
		t.Fatal("Open succeeded on a file another connection holds locked")
	}
	if k := db.KindOf(err); k != db.KindSerialization || !k.Temporary() {
		t.Errorf("Open on a locked file: %v (kind %s), want kind serialization", err, k)
	}
	if strings.Contains(logs.String(), "circuit breaker open") {
		t.Errorf("a locked SQLite file opened the circuit breaker:\n%s", logs.String())
	}
}
