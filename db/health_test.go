package db_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestHealthShared: concurrent callers share one check, a caller whose
// context ends stops waiting at once, and the check does not run under the
// context of the caller that started it.
func TestHealthShared(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		var checks atomic.Int64
		onQuery := func(ev db.QueryEvent) {
			if ev.SQL == db.Normalize("SELECT 1") {
				checks.Add(1)
			}
		}
		pool := dbtest.Open(t, dbtest.URL(t, d), func(c *db.Config) { c.MaxConns = 1 }, db.Options{OnQuery: onQuery})

		// Hold the only connection, so that a check waits for it.
		held, release, txDone := make(chan struct{}), make(chan struct{}), make(chan error, 1)
		go func() {
			txDone <- pool.Tx(context.Background(), db.TxOptions{ReadOnly: true}, func(*db.Tx) error {
				close(held)
				<-release
				return nil
			})
		}()
		select {
		case <-held:
		case <-time.After(10 * time.Second):
			t.Fatal("the transaction did not start")
		}
		before := checks.Load()

		// The first caller starts the check and leaves at once.
		first, cancel := context.WithCancel(context.Background())
		cancel()
		if h := pool.Health(first); h.OK || db.KindOf(h.Err) != db.KindCanceled {
			t.Errorf("Health with a canceled context = %+v, want not OK, canceled", h)
		}
		// Others wait on the same check, each on its own terms.
		var wg sync.WaitGroup
		results := make([]db.Health, 20)
		for i := range results {
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				results[i] = pool.Health(ctx)
			})
		}
		short, cancelShort := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancelShort()
		start := time.Now()
		if h := pool.Health(short); h.OK {
			t.Errorf("Health with 50ms while the connection is held = OK")
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("a caller with a 50ms deadline waited %s", took)
		}
		close(release)
		if err := <-txDone; err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * db.HealthTimeout):
			t.Fatal("waiting callers did not get the shared check's result")
		}
		for i, h := range results {
			if !h.OK {
				t.Errorf("caller %d: Health = %+v, want OK: the first caller's cancel must not fail the shared check", i, h)
			}
		}
		// 22 callers, one check (a second one only if a goroutine asked
		// after the first had finished).
		if n := checks.Load() - before; n < 1 || n > 2 {
			t.Errorf("%d checks ran for 22 concurrent callers, want 1 (at most 2)", n)
		}
	})
}

// TestSharedOptionsMustMatch: a second Shared caller gets the same pool with
// the same Options and an error naming the difference with other ones.
func TestSharedOptionsMustMatch(t *testing.T) {
	cfg, err := db.ParseURL("file:"+t.TempDir()+"/shared.db", db.Development)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	hook := func(db.QueryEvent) {}
	opts := db.Options{OnQuery: hook, SlowThreshold: time.Second}
	a, err := db.Shared(ctx, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	b, err := db.Shared(ctx, cfg, opts)
	if err != nil {
		t.Fatalf("Shared with the same Options: %v", err)
	}
	defer b.Close(ctx)
	tests := []struct {
		name string
		opts db.Options
		want string
	}{
		{"other hook", db.Options{OnQuery: func(db.QueryEvent) { _ = t }, SlowThreshold: time.Second}, "OnQuery"},
		{"no hook", db.Options{SlowThreshold: time.Second}, "OnQuery"},
		{"other logger", db.Options{OnQuery: hook, SlowThreshold: time.Second, Logger: slog.New(slog.DiscardHandler)}, "Logger"},
		{"other threshold and retry", db.Options{OnQuery: hook, Retry: db.RetryPolicy{Attempts: 1}}, "SlowThreshold, Retry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := db.Shared(ctx, cfg, tt.opts)
			if err == nil {
				c.Close(ctx)
				t.Fatal("Shared with other Options succeeded")
			}
			if !strings.Contains(err.Error(), "("+tt.want+")") {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
		})
	}
}
