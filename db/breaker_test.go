package db_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// logBuffer is a concurrency-safe slog destination for tests.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// TestBreaker drives a pool through a TCP proxy that cuts, refuses, hangs
// and delays connections. After a run of failed connection attempts the
// breaker opens and calls fail at once with KindUnavailable instead of
// each waiting for a connection; when the database answers again, the
// background probe closes the breaker by itself and calls succeed.
func TestBreaker(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		const poolTimeout = 5 * time.Second
		url, proxy := proxiedURL(t, d, "connect_timeout=1", "pool_timeout=5", "connection_limit=4")
		var logs logBuffer
		pool := dbtest.Open(t, url, nil, db.Options{Logger: logs.logger(), Retry: fastRetry})
		ctx := context.Background()
		ping := func() (time.Duration, error) {
			start := time.Now()
			var one int
			err := pool.QueryRow(ctx, "SELECT 1").Scan(&one)
			return time.Since(start), err
		}

		if _, err := ping(); err != nil {
			t.Fatalf("through the proxy: %v", err)
		}

		// Cut: the pooled connection dies; the next read gets a new one.
		if n := proxy.Cut(); n != 1 {
			t.Fatalf("cut %d connections, want 1", n)
		}
		if _, err := ping(); err != nil {
			t.Fatalf("read after the connection was cut: %v", err)
		}

		// Down: every connection attempt fails. The breaker opens after
		// three in a row; the calls until then fail with KindUnavailable.
		proxy.SetMode(proxyRefuse)
		proxy.Cut()
		for i := 0; !pool.Stats().BreakerOpen; i++ {
			if i == 5 {
				t.Fatalf("breaker still closed after %d failed calls; stats %+v", i, pool.Stats())
			}
			if _, err := ping(); db.KindOf(err) != db.KindUnavailable {
				t.Fatalf("call %d with the database down: %v (kind %s), want kind unavailable", i, err, db.KindOf(err))
			}
		}
		if !strings.Contains(logs.String(), "circuit breaker open") {
			t.Errorf("no log line about the breaker opening; logs:\n%s", logs.String())
		}

		// Open: calls fail fast, even now that a connection attempt would
		// hang for connect_timeout, and none reaches the proxy.
		proxy.SetMode(proxyHang)
		accepted := proxy.Accepted()
		retriesBefore := pool.Stats().Retries
		openedAt := time.Now()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var slowest time.Duration
		for range 20 {
			wg.Go(func() {
				took, err := ping()
				if db.KindOf(err) != db.KindUnavailable || !errors.Is(err, db.ErrUnavailable) || errors.Is(err, db.ErrClosed) {
					t.Errorf("call with the breaker open: %v (kind %s), want ErrUnavailable (and not ErrClosed)", err, db.KindOf(err))
				}
				mu.Lock()
				slowest = max(slowest, took)
				mu.Unlock()
			})
		}
		waitGroup(t, &wg, "20 calls with the breaker open")
		if slowest > poolTimeout/10 {
			t.Errorf("slowest call took %s with the breaker open, want well under pool_timeout %s", slowest, poolTimeout)
		}
		// Only the background probe connects (at most one attempt per
		// 500ms, each hanging for connect_timeout).
		if extra := proxy.Accepted() - accepted; extra > 1+int64(time.Since(openedAt)/(500*time.Millisecond)) {
			t.Errorf("%d connection attempts while open; calls must not connect", extra)
		}
		st := pool.Stats()
		if !st.BreakerOpen {
			t.Errorf("Stats.BreakerOpen = false while the database is down")
		}
		// Failing fast means no retries either: they would fail the same.
		if st.Retries != retriesBefore {
			t.Errorf("%d retries of calls the open breaker refused, want none", st.Retries-retriesBefore)
		}
		t.Logf("breaker open: 20 concurrent calls, slowest %s; stats %+v", slowest, st)

		// Back, if slowly: connections go through after 300ms. The probe
		// closes the breaker by itself (within about 2s: a hanging probe
		// ends at connect_timeout, the next starts within 500ms).
		proxy.SetDelay(300 * time.Millisecond)
		proxy.SetMode(proxyForward)
		proxy.Cut() // end the hanging probe, as a restarting server would
		back := time.Now()
		waitFor(t, 10*time.Second, "the breaker to close", func() bool { return !pool.Stats().BreakerOpen })
		if took := time.Since(back); took > 3*time.Second {
			t.Errorf("breaker closed %s after the database came back, want about 2s at most", took)
		}
		if _, err := ping(); err != nil {
			t.Errorf("call after the breaker closed: %v", err)
		}
		if !strings.Contains(logs.String(), "circuit breaker closed") {
			t.Errorf("no log line about the breaker closing; logs:\n%s", logs.String())
		}
	})
}

// TestConnectTimeout: connect_timeout bounds a whole connection attempt,
// greeting and authentication included, not just the TCP dial: a server
// that accepts and never answers fails the call at about connect_timeout.
func TestConnectTimeout(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url, proxy := proxiedURL(t, d, "connect_timeout=1", "pool_timeout=30")
		pool := dbtest.Open(t, url, nil, db.Options{Retry: db.RetryPolicy{Attempts: 1}})
		proxy.SetMode(proxyHang)
		start := time.Now()
		var one int
		err := pool.QueryRow(context.Background(), "SELECT 1").Scan(&one)
		took := time.Since(start)
		if db.KindOf(err) != db.KindUnavailable {
			t.Errorf("got %v (kind %s), want kind unavailable", err, db.KindOf(err))
		}
		if took < 900*time.Millisecond || took > 5*time.Second {
			t.Errorf("gave up after %s, want about connect_timeout (1s)", took)
		}
	})
}

// TestBreakerIgnoresCallersThatLeave (issue 14): connection attempts that
// end because the caller's own context ended say nothing about the
// database. A pool that has to dial (its connections cut, each new one
// delayed 100ms) gets 40 concurrent callers whose contexts end after 3ms,
// by deadline or by cancel, five rounds each: the breaker never opens, no
// attempt counts as a connect error, every caller gets its own context's
// kind, and the next normal query succeeds. On PostgreSQL, MariaDB and
// PostgreSQL behind PgBouncer in transaction mode.
func TestBreakerIgnoresCallersThatLeave(t *testing.T) {
	const (
		callers = 40
		rounds  = 5
		leave   = 3 * time.Millisecond
		dial    = 100 * time.Millisecond // well past leave: callers leave while dialing
	)
	params := []string{"connection_limit=40", "connect_timeout=5", "pool_timeout=5"}
	targets := []struct {
		name string
		url  func(t *testing.T) (string, *faultProxy)
	}{
		{"postgres", func(t *testing.T) (string, *faultProxy) { return proxiedURL(t, db.Postgres, params...) }},
		{"mysql", func(t *testing.T) (string, *faultProxy) { return proxiedURL(t, db.MySQL, params...) }},
		{"pgbouncer", func(t *testing.T) (string, *faultProxy) {
			return proxied(t, dbtest.PgBouncerURL(t, params...))
		}},
	}
	leaves := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want db.Kind
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), leave)
		}, db.KindQueryTimeout},
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(leave, cancel)
			return ctx, cancel
		}, db.KindCanceled},
	}
	for _, target := range targets {
		t.Run(target.name, func(t *testing.T) {
			t.Parallel()
			for _, lv := range leaves {
				t.Run(lv.name, func(t *testing.T) {
					url, proxy := target.url(t)
					var logs logBuffer
					pool := dbtest.Open(t, url, nil, db.Options{Logger: logs.logger(), Retry: fastRetry})
					ctx := context.Background()
					if err := pool.Ping(ctx); err != nil {
						t.Fatalf("through the proxy: %v", err)
					}
					proxy.SetDelay(dial)
					for round := range rounds {
						// Every call must dial a new connection: cut the
						// pooled ones, once database/sql dials none of its
						// own in the background (cutting one would be a real
						// connect error).
						waitFor(t, 10*time.Second, "no connection to be dialing", func() bool {
							st := pool.Stats()
							return st.Open == st.Idle
						})
						proxy.Cut()
						var wg sync.WaitGroup
						for range callers {
							wg.Go(func() {
								cctx, cancel := lv.ctx()
								defer cancel()
								var one int
								err := pool.QueryRow(cctx, "SELECT 1").Scan(&one)
								if k := db.KindOf(err); k != lv.want {
									t.Errorf("round %d: caller that left after %s: %v (kind %s), want kind %s", round, leave, err, k, lv.want)
								}
							})
						}
						waitGroup(t, &wg, fmt.Sprintf("round %d's %d callers that leave", round, callers))
						st := pool.Stats()
						if st.BreakerOpen || st.BreakerOpenings != 0 || st.ConnectErrors != 0 {
							t.Fatalf("round %d: breaker open %v, opened %d times, %d connect errors; want none: callers that leave are no evidence against the database\nlogs:\n%s",
								round, st.BreakerOpen, st.BreakerOpenings, st.ConnectErrors, logs.String())
						}
					}
					st := pool.Stats()
					// (On a loaded machine some callers leave before they
					// start dialing; all of them would mean no test.)
					if st.ConnectsAbandoned == 0 {
						t.Fatalf("no connection attempt was abandoned; the test did not make callers leave while dialing (stats %+v)", st)
					}
					t.Logf("after %d rounds: %d attempts abandoned, %d connect errors, %d breaker openings", rounds, st.ConnectsAbandoned, st.ConnectErrors, st.BreakerOpenings)
					var one int
					if err := pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
						t.Errorf("the next normal query: %v", err)
					}
					if strings.Contains(logs.String(), "circuit breaker open") {
						t.Errorf("breaker opened; logs:\n%s", logs.String())
					}
				})
			}
		})
	}
}

// TestBreakerLogSaysWhy: the breaker's log line names how many attempts
// failed and their classes, never the password.
func TestBreakerLogSaysWhy(t *testing.T) {
	for _, tc := range []struct {
		name  string
		d     db.Dialect
		setup func(t *testing.T) string // returns the URL
		class string
	}{
		{"postgres/refused", db.Postgres, func(t *testing.T) string { return downURL(db.Postgres, "connect_timeout=1") }, "refused"},
		{"mysql/refused", db.MySQL, func(t *testing.T) string { return downURL(db.MySQL, "connect_timeout=1") }, "refused"},
		{"postgres/hanging", db.Postgres, func(t *testing.T) string {
			url, proxy := proxiedURL(t, db.Postgres, "connect_timeout=0.2")
			proxy.SetMode(proxyHang)
			return url
		}, "connect_timeout"},
		{"mysql/hanging", db.MySQL, func(t *testing.T) string {
			url, proxy := proxiedURL(t, db.MySQL, "connect_timeout=0.2")
			proxy.SetMode(proxyHang)
			return url
		}, "connect_timeout"},
		{"postgres/closed", db.Postgres, func(t *testing.T) string {
			url, proxy := proxiedURL(t, db.Postgres)
			proxy.SetMode(proxyRefuse)
			return url
		}, "closed_by_server"},
		{"mysql/closed", db.MySQL, func(t *testing.T) string {
			url, proxy := proxiedURL(t, db.MySQL)
			proxy.SetMode(proxyRefuse)
			return url
		}, "closed_by_server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := tc.setup(t)
			var logs logBuffer
			pool := dbtest.Open(t, url, nil, db.Options{Logger: logs.logger(), Retry: db.RetryPolicy{Attempts: 1}})
			for i := 0; !pool.Stats().BreakerOpen; i++ {
				if i == 5 {
					t.Fatalf("breaker still closed after %d failed calls; stats %+v", i, pool.Stats())
				}
				var one int
				if err := pool.QueryRow(context.Background(), "SELECT 1").Scan(&one); db.KindOf(err) != db.KindUnavailable {
					t.Fatalf("call %d: %v (kind %s), want kind unavailable", i, err, db.KindOf(err))
				}
			}
			line := ""
			for l := range strings.Lines(logs.String()) {
				if strings.Contains(l, "circuit breaker open") {
					line = l
				}
			}
			for _, want := range []string{"failures=3", "causes." + tc.class + "=3", "last_error_class=" + tc.class, "last_error="} {
				if !strings.Contains(line, want) {
					t.Errorf("breaker log line lacks %q:\n%s", want, line)
				}
			}
			if strings.Contains(line, ":pw@") || strings.Contains(line, "=pw") {
				t.Errorf("breaker log line shows the password:\n%s", line)
			}
			if st := pool.Stats(); st.BreakerOpenings != 1 || st.ConnectErrors != 3 {
				t.Errorf("BreakerOpenings %d, ConnectErrors %d; want 1 and 3", st.BreakerOpenings, st.ConnectErrors)
			}
		})
	}
}
