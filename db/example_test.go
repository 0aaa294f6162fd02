package db_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"smmm/db"
)

// exampleURL is a SQLite database in a fresh temporary directory.
func exampleURL() (url string, cleanup func()) {
	dir, err := os.MkdirTemp("", "db-example")
	if err != nil {
		panic(err)
	}
	return "file:" + filepath.Join(dir, "example.db"), func() { os.RemoveAll(dir) }
}

func ExampleOpen() {
	url, cleanup := exampleURL()
	defer cleanup()
	ctx := context.Background()

	cfg, err := db.ParseURL(url, db.Production)
	if err != nil {
		fmt.Println(err)
		return
	}
	pool, err := db.Open(ctx, cfg, db.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close(ctx)

	if _, err := pool.Exec(ctx, `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)`); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := pool.Exec(ctx, `INSERT INTO "Note" ("id", "text") VALUES (?, ?)`, 1, "merhaba"); err != nil {
		fmt.Println(err)
		return
	}
	var text string
	if err := pool.QueryRow(ctx, `SELECT "text" FROM "Note" WHERE "id" = ?`, 1).Scan(&text); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(text)
	err = pool.QueryRow(ctx, `SELECT "text" FROM "Note" WHERE "id" = ?`, 2).Scan(&text)
	fmt.Println(errors.Is(err, db.ErrNotFound), db.KindOf(err))
	// Output:
	// merhaba
	// true not_found
}

func ExampleDB_Tx() {
	url, cleanup := exampleURL()
	defer cleanup()
	ctx := context.Background()
	cfg, _ := db.ParseURL(url, db.Production)
	pool, err := db.Open(ctx, cfg, db.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close(ctx)
	pool.Exec(ctx, `CREATE TABLE "Account" ("id" INTEGER PRIMARY KEY, "balance" INTEGER NOT NULL)`)
	pool.Exec(ctx, `INSERT INTO "Account" VALUES (1, 100), (2, 0)`)

	// Both updates or neither: an error from fn rolls the transaction back.
	err = pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE "Account" SET "balance" = "balance" - 30 WHERE "id" = 1`); err != nil {
			return err
		}
		return errors.New("changed my mind")
	})
	fmt.Println(err)
	var balance int
	pool.QueryRow(ctx, `SELECT "balance" FROM "Account" WHERE "id" = 1`).Scan(&balance)
	fmt.Println(balance)
	// Output:
	// changed my mind
	// 100
}

func ExampleShared() {
	url, cleanup := exampleURL()
	defer cleanup()
	ctx := context.Background()
	cfg, _ := db.ParseURL(url, db.Production)

	// Two parts of a program ask for the pool of one URL: they get one pool.
	a, err := db.Shared(ctx, cfg, db.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := db.Shared(ctx, cfg, db.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(db.SamePool(a, b))
	b.Close(ctx) // the pool stays open for a
	fmt.Println(a.Ping(ctx) == nil)
	a.Close(ctx) // the last handle closes the pool
	// Output:
	// true
	// true
}

func ExampleRetry() {
	ctx := context.Background()
	calls := 0
	// At most three runs, only while the failure is temporary.
	err := db.Retry(ctx, db.RetryPolicy{Attempts: 3}, func(attempt int, err error) bool {
		return db.KindOf(err).Temporary()
	}, func(ctx context.Context) error {
		calls++
		if calls < 3 {
			return db.ErrUnavailable
		}
		return nil
	})
	fmt.Println(calls, err)
	// Output:
	// 3 <nil>
}
