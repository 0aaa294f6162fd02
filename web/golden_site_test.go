package web_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

// newGoldenSite wires the site as serve does, over a fresh SQLite
// database, with the clock of sessions fixed.
func newGoldenSite(t *testing.T) *goldenSite {
	t.Helper()
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	if _, err := migrations.Up(context.Background(), pool.SQL(), pool.Dialect().String(), nil); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	logger := slog.New(slog.DiscardHandler)
	st := store.New(pool)
	now := func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
	sessions := auth.New(st, auth.Options{Logger: logger, Now: now, KeepHashes: true, BcryptCost: auth.MinBcryptCost,
		FormLimit: auth.Limit{N: 1000, Window: time.Minute}})
	h := web.NewServer(web.Config{Logger: logger, DB: pool, Store: st, Auth: sessions})
	return &goldenSite{t: t, h: h, pool: pool}
}
