package db_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

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
		wg.Wait() // every call above is bounded by ctx
		cancel()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, pool %d: %v", round, i, err)
			}
		}
	}
}
