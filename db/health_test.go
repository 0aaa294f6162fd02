package db_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestHealthShared: concurrent callers share one check (one SELECT), the
// check does not run under the context of the caller that started it, a
// caller whose context ends stops waiting at once, and one whose context has
// already ended returns at once and starts none.
func TestHealthShared(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		const callers = 20
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
				_, err := recvOrErr(release, waitLimit, "the test to release the connection")
				return err
			})
		}()
		released := false
		unhold := func() {
			if !released {
				released = true
				close(release)
				if err := recvWithin(t, txDone, waitLimit, "the transaction holding the connection to end"); err != nil {
					t.Error(err)
				}
			}
		}
		defer unhold()
		select {
		case <-held:
		case <-time.After(10 * time.Second):
			t.Fatal("the transaction did not start")
		}
		waits := pool.Stats().WaitCount
		waiters := func() int {
			_, n := db.HealthInFlight(pool)
			return n
		}

		// health runs pool.Health(ctx) on its own goroutine.
		health := func(ctx context.Context) <-chan db.Health {
			ch := make(chan db.Health, 1)
			go func() { ch <- pool.Health(ctx) }()
			return ch
		}
		// promptly returns what ch delivers within a second.
		promptly := func(what string, ch <-chan db.Health) db.Health {
			t.Helper()
			select {
			case h := <-ch:
				return h
			case <-time.After(time.Second):
				t.Fatalf("%s did not return within a second", what)
				return db.Health{}
			}
		}

		// A caller whose context has ended already returns at once and
		// starts no check.
		gone, cancelGone := context.WithCancel(context.Background())
		cancelGone()
		if h := promptly("a caller with a canceled context", health(gone)); h.OK || !errors.Is(h.Err, context.Canceled) {
			t.Errorf("Health with an already canceled context = %+v, want not OK, canceled", h)
		}
		if inFlight, _ := db.HealthInFlight(pool); inFlight {
			t.Errorf("a caller with a canceled context started a check")
		}

		// The first caller starts the check, which waits for the
		// connection; then it leaves.
		first, cancelFirst := context.WithCancel(context.Background())
		firstDone := health(first)
		waitFor(t, 10*time.Second, "the first caller's check to wait for the connection", func() bool {
			return pool.Stats().WaitCount == waits+1 && waiters() == 1
		})
		cancelFirst()
		if h := promptly("the first caller, canceled", firstDone); h.OK || !errors.Is(h.Err, context.Canceled) || db.KindOf(h.Err) != db.KindCanceled {
			t.Errorf("first caller, canceled while waiting: Health = %+v, want not OK, canceled", h)
		}

		// One whose context has ended returns at once, not waiting for
		// the check in flight either.
		if h := promptly("a caller with a canceled context", health(gone)); h.OK || !errors.Is(h.Err, context.Canceled) {
			t.Errorf("Health with an already canceled context = %+v, want not OK, canceled", h)
		}

		// Others join the check in flight, each on its own terms.
		results := make([]<-chan db.Health, callers)
		for i := range results {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			results[i] = health(ctx)
		}
		waitFor(t, 10*time.Second, "every caller to join the check", func() bool { return waiters() == callers })
		short, cancelShort := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancelShort()
		if h := promptly("a caller with a 50ms deadline", health(short)); h.OK || db.KindOf(h.Err) != db.KindQueryTimeout {
			t.Errorf("Health with a 50ms deadline while the connection is held = %+v, want not OK, query_timeout", h)
		}
		if n := pool.Stats().WaitCount - waits; n != 1 {
			t.Errorf("%d checks waited for the connection, want 1", n)
		}

		unhold()
		for i, ch := range results {
			select {
			case h := <-ch:
				if !h.OK {
					t.Errorf("caller %d: Health = %+v, want OK: the first caller's cancel must not fail the shared check", i, h)
				}
			case <-time.After(2 * db.HealthTimeout):
				t.Fatalf("caller %d did not get the shared check's result", i)
			}
		}
		if n := checks.Load(); n != 1 {
			t.Errorf("%d SELECTs ran for %d callers of one check, want 1", n, callers+3)
		}

		// The next caller, after the check ended, gets a check of its own.
		if h := pool.Health(context.Background()); !h.OK {
			t.Errorf("Health after the shared check = %+v, want OK", h)
		}
		if n := checks.Load(); n != 2 {
			t.Errorf("%d SELECTs after a second check, want 2", n)
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
			if !strings.Contains(err.Error(), "other Options ("+tt.want+")") {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
		})
	}

	// Fields of Config set in code after ParseURL must match too: the URL
	// and pool size alone pick the pool.
	configs := []struct {
		name string
		edit func(*db.Config)
		want string
	}{
		{"query timeout", func(c *db.Config) { c.QueryTimeout = time.Minute }, "QueryTimeout"},
		{"timeouts and leak threshold", func(c *db.Config) {
			c.PoolTimeout, c.ConnectTimeout, c.LeakThreshold = time.Second, time.Second, 0
		}, "PoolTimeout, ConnectTimeout, LeakThreshold"},
		{"application name", func(c *db.Config) { c.ApplicationName = "other" }, "ApplicationName"},
	}
	for _, tt := range configs {
		t.Run("config/"+tt.name, func(t *testing.T) {
			other := cfg
			tt.edit(&other)
			c, err := db.Shared(ctx, other, opts)
			if err == nil {
				c.Close(ctx)
				t.Fatal("Shared with another Config succeeded")
			}
			if !strings.Contains(err.Error(), "another Config ("+tt.want+")") {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
		})
	}
}
