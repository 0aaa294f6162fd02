package db_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestSQLiteStorageFull: SQLite whose storage is full (SQLITE_FULL, here
// from max_page_count, which SQLite reports exactly as a full disk) fails
// writes with KindStorageFull, not KindUnavailable; reads go on; Health
// answers OK with StorageFull set. When space returns the first write
// succeeds, clears StorageFull, and the WAL is checkpointed and truncated.
func TestSQLiteStorageFull(t *testing.T) {
	url := dbtest.URL(t, db.SQLite)
	pool := dbtest.Open(t, url, nil, db.Options{})
	ctx := context.Background()
	mustExec(t, pool, `CREATE TABLE "T" ("b" BLOB NOT NULL)`)
	var pages int
	if err := pool.QueryRow(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// On the writer, the one connection that writes.
	if _, err := pool.Exec(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages+8)); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		_, err = pool.Exec(ctx, `INSERT INTO "T" ("b") VALUES (zeroblob(8192))`)
	}
	if db.KindOf(err) != db.KindStorageFull {
		t.Fatalf("writes into a full database: %v (kind %s), want storage_full", err, db.KindOf(err))
	}
	// A transaction's write fails the same way.
	err = pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO "T" ("b") VALUES (zeroblob(65536))`)
		return err
	})
	if db.KindOf(err) != db.KindStorageFull {
		t.Errorf("a transaction in a full database: %v (kind %s), want storage_full", err, db.KindOf(err))
	}
	if h := pool.Health(ctx); !h.OK || !h.StorageFull {
		t.Errorf("Health with the storage full = %+v, want OK and StorageFull", h)
	}
	if n := count(t, pool, "T"); n == 0 {
		t.Errorf("read %d rows, want the rows written before", n)
	}
	if h := pool.Health(ctx); !h.StorageFull {
		t.Errorf("a read cleared StorageFull: %+v", h)
	}

	// Space returns; a PRAGMA is not the write that proves it.
	if _, err := pool.Exec(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	if h := pool.Health(ctx); !h.StorageFull {
		t.Errorf("a PRAGMA cleared StorageFull: %+v", h)
	}
	if _, err := pool.Exec(ctx, `INSERT INTO "T" ("b") VALUES (zeroblob(8192))`); err != nil {
		t.Fatalf("write after space returned: %v", err)
	}
	if h := pool.Health(ctx); !h.OK || h.StorageFull {
		t.Errorf("Health after a write succeeded = %+v, want OK without StorageFull", h)
	}
	wal := dbtest.Name(t, url) + "-wal"
	waitFor(t, 5*time.Second, "the WAL to be checkpointed and truncated", func() bool {
		fi, err := os.Stat(wal)
		return err == nil && fi.Size() == 0
	})
}
