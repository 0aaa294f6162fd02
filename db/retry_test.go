package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// fastRetry retries quickly, so attempts are counted without long waits.
var fastRetry = db.RetryPolicy{Attempts: 3, Base: 5 * time.Millisecond, Cap: 20 * time.Millisecond}

// TestRetryReadAfterKill: the server kills the connection while a read runs
// on it; db reads again on a new connection and the caller sees success.
func TestRetryReadAfterKill(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=1")
		var events queryEvents
		pool := dbtest.Open(t, url, nil, db.Options{Retry: fastRetry, OnQuery: events.add})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)
		ctx := context.Background()

		done := make(chan error, 1)
		go func() {
			var v any
			done <- pool.QueryRow(ctx, sleepSQL(d, 1)).Scan(&v)
		}()
		waitFor(t, 10*time.Second, "the read to run on the server", func() bool {
			return serverRunning(t, admin, d, name, sleepLike(d)) == 1
		})
		if n := killOurs(t, admin, d, name); n != 1 {
			t.Fatalf("killed %d connections, want 1", n)
		}
		if err := recvWithin(t, done, waitLimit, "the read killed in flight to return"); err != nil {
			t.Fatalf("read killed in flight: %v (kind %s), want success after a retry", err, db.KindOf(err))
		}
		st := pool.Stats()
		if st.Retries != 1 || st.ConnsOpened != 2 {
			t.Errorf("Retries = %d, ConnsOpened = %d; want 1 retry on a second connection", st.Retries, st.ConnsOpened)
		}
		if ev := events.all(); len(ev) != 1 || ev[0].Err != nil {
			t.Errorf("OnQuery saw %+v, want one successful statement", ev)
		}

		// A connection killed while idle in the pool: the next read succeeds
		// too (the driver notices, or db retries).
		killOurs(t, admin, d, name)
		var one int
		if err := pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
			t.Errorf("read after an idle connection was killed: %v", err)
		}
	})
}

// TestNoRetryOfUnknownWrite: a write whose connection dies after it was sent
// may or may not have been applied; db returns the error and never sends it
// again, so no row is written twice.
func TestNoRetryOfUnknownWrite(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		t.Run("killed by the server", func(t *testing.T) {
			url := dbtest.URL(t, d, "connection_limit=1")
			var events queryEvents
			pool := dbtest.Open(t, url, nil, db.Options{Retry: fastRetry, OnQuery: events.add})
			admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
			name := dbtest.Name(t, url)
			mustExec(t, pool, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
			ctx := context.Background()

			done := make(chan error, 1)
			go func() {
				_, err := pool.Exec(ctx, slowInsert(d, 1), 7)
				done <- err
			}()
			waitFor(t, 10*time.Second, "the write to run on the server", func() bool {
				return serverRunning(t, admin, d, name, sleepLike(d)) == 1
			})
			killOurs(t, admin, d, name)
			err := recvWithin(t, done, waitLimit, "the write killed in flight to return")
			if db.KindOf(err) != db.KindUnavailable {
				t.Fatalf("write killed in flight: %v (kind %s), want kind unavailable", err, db.KindOf(err))
			}
			if st := pool.Stats(); st.Retries != 0 {
				t.Errorf("Retries = %d, want 0: a write sent is never sent again", st.Retries)
			}
			if ev := events.all(); len(ev) != 2 || ev[1].Kind != db.KindUnavailable {
				t.Errorf("OnQuery saw %+v, want the CREATE and one failed INSERT", ev)
			}
			// The kill rolled the statement back, and nothing sent it again.
			if n := count(t, pool, "T"); n != 0 {
				t.Errorf("%d rows, want 0", n)
			}
		})

		// The server applies the INSERT, but its reply never arrives: the
		// proxy drops it, then the connection breaks. Without arguments
		// pgx sends the statement with the simple protocol, and reports
		// the broken connection as safe to retry: db must not let
		// database/sql send it again.
		for _, tc := range []struct {
			name string
			args []any
		}{{"applied, reply lost/no arguments", nil}, {"applied, reply lost/prepared", []any{7}}} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.args != nil && d == db.MySQL {
					t.Skip("the MySQL driver prepares a statement with arguments anew each time, and the prepare would wait for the lost reply")
				}
				url, proxy := proxiedURL(t, d, "connection_limit=1")
				pool := dbtest.Open(t, url, nil, db.Options{Retry: fastRetry})
				mustExec(t, pool, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
				direct := dbtest.Admin(t, d, proxy.directURL(t, url))
				ctx := context.Background()
				insert := `INSERT INTO "T" ("n") VALUES (7)`
				if tc.args != nil {
					insert = `INSERT INTO "T" ("n") VALUES (?)`
					// Prepare it now: a prepare would wait for its reply.
					if _, err := pool.Exec(ctx, insert, tc.args...); err != nil {
						t.Fatal(err)
					}
					if _, err := direct.Exec(`DELETE FROM "T"`); err != nil {
						t.Fatal(err)
					}
				}
				// Use the connection just before muting it: pgx pings a
				// connection idle for over a second, and the ping would
				// wait for a reply that never comes.
				if err := pool.Ping(ctx); err != nil {
					t.Fatal(err)
				}
				proxy.Mute()
				done := make(chan error, 1)
				go func() {
					_, err := pool.Exec(ctx, insert, tc.args...)
					done <- err
				}()
				waitFor(t, 10*time.Second, "the row to be committed", func() bool {
					var n int
					if err := direct.QueryRow(`SELECT count(*) FROM "T"`).Scan(&n); err != nil {
						t.Fatalf("count rows: %v", err)
					}
					return n == 1
				})
				proxy.Cut()
				err := recvWithin(t, done, waitLimit, "the write whose reply was lost to return")
				if db.KindOf(err) != db.KindUnavailable {
					t.Errorf("write whose reply was lost: %v (kind %s), want kind unavailable", err, db.KindOf(err))
				}
				if st := pool.Stats(); st.Retries != 0 {
					t.Errorf("Retries = %d, want 0", st.Retries)
				}
				if n := count(t, pool, "T"); n != 1 {
					t.Errorf("%d rows, want exactly 1: applied once, never sent again", n)
				}
			})
		}
	})
}

// TestRetryConnectFailures counts attempts while the server refuses
// connections: nothing was sent, so reads and writes alike are tried
// Attempts times, then fail with KindUnavailable.
func TestRetryConnectFailures(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		for _, stmt := range []string{"SELECT 1", `INSERT INTO "T" ("n") VALUES (1)`} {
			url, proxy := proxiedURL(t, d, "connect_timeout=2")
			var events queryEvents
			pool := dbtest.Open(t, url, nil, db.Options{Retry: fastRetry, OnQuery: events.add})
			proxy.SetMode(proxyRefuse)
			_, err := pool.Exec(context.Background(), stmt)
			if db.KindOf(err) != db.KindUnavailable {
				t.Fatalf("%s: %v (kind %s), want kind unavailable", stmt, err, db.KindOf(err))
			}
			st := pool.Stats()
			// (pgx also opens a connection to send a cancel request after a
			// failed start-up, so the proxy may count more than 3.)
			if got := proxy.Accepted(); got < 3 || st.ConnectErrors != 3 || st.Retries != 2 {
				t.Errorf("%s: %d connections accepted, ConnectErrors %d, Retries %d; want 3 attempts, 2 retries",
					stmt, got, st.ConnectErrors, st.Retries)
			}
			if ev := events.all(); len(ev) != 1 || ev[0].Kind != db.KindUnavailable {
				t.Errorf("%s: OnQuery saw %+v, want one failed statement", stmt, ev)
			}
		}
	})
}

// TestRetryWithinDeadline: with the database down, retries stop at the
// caller's deadline (200ms) even when the policy would go on for seconds.
func TestRetryWithinDeadline(t *testing.T) {
	slowRetry := db.RetryPolicy{Attempts: 100, Base: 50 * time.Millisecond, Cap: 2 * time.Second}
	eachServer(t, func(t *testing.T, d db.Dialect) {
		for _, mode := range []struct {
			name string
			mode proxyMode
		}{{"refused", proxyRefuse}, {"hanging", proxyHang}} {
			t.Run(mode.name, func(t *testing.T) {
				url, proxy := proxiedURL(t, d, "connect_timeout=5", "pool_timeout=10")
				pool := dbtest.Open(t, url, nil, db.Options{Retry: slowRetry})
				proxy.SetMode(mode.mode)
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				start := time.Now()
				var one int
				err := pool.QueryRow(ctx, "SELECT 1").Scan(&one)
				took := time.Since(start)
				if k := db.KindOf(err); k != db.KindUnavailable && k != db.KindQueryTimeout {
					t.Errorf("got %v (kind %s), want kind unavailable or query_timeout", err, k)
				}
				if took > 200*time.Millisecond+time.Second {
					t.Errorf("returned after %s, want by the 200ms deadline (plus slack)", took)
				}
				t.Logf("%s after %s, %d connection attempts: %v", db.KindOf(err), took.Round(time.Millisecond), pool.Stats().ConnectErrors, err)
			})
		}
	})
}

func TestRetryFunc(t *testing.T) {
	errTemp := errors.New("temporary")
	always := func(int, error) bool { return true }
	never := func(int, error) bool { return false }
	fast := db.RetryPolicy{Attempts: 4, Base: time.Millisecond, Cap: 2 * time.Millisecond}
	tests := []struct {
		name      string
		policy    db.RetryPolicy
		again     func(int, error) bool
		failures  int // fn fails this many times, then succeeds
		timeout   time.Duration
		wantCalls int
		wantErr   bool
	}{
		{"success at once", fast, always, 0, 0, 1, false},
		{"success on the third run", fast, always, 2, 0, 3, false},
		{"again says no", fast, never, 5, 0, 1, true},
		{"attempts run out", fast, always, 10, 0, 4, true},
		{"unlimited until it works", db.RetryPolicy{Attempts: db.Unlimited, Base: time.Millisecond, Cap: time.Millisecond}, always, 20, 0, 21, false},
		{"deadline ends it", db.RetryPolicy{Attempts: db.Unlimited, Base: 10 * time.Millisecond, Cap: 10 * time.Millisecond}, always, 1 << 30, 100 * time.Millisecond, -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			calls := 0
			start := time.Now()
			err := db.Retry(ctx, tt.policy, tt.again, func(context.Context) error {
				calls++
				if calls <= tt.failures {
					return errTemp
				}
				return nil
			})
			if (err != nil) != tt.wantErr || err != nil && !errors.Is(err, errTemp) {
				t.Errorf("err = %v, want error %v wrapping fn's", err, tt.wantErr)
			}
			if tt.wantCalls >= 0 && calls != tt.wantCalls {
				t.Errorf("fn ran %d times, want %d", calls, tt.wantCalls)
			}
			if tt.timeout > 0 && time.Since(start) > tt.timeout+time.Second {
				t.Errorf("returned %s after a %s deadline", time.Since(start), tt.timeout)
			}
		})
	}

	t.Run("canceled context returns at once", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		err := db.Retry(ctx, db.RetryPolicy{Attempts: db.Unlimited, Base: time.Hour, Cap: time.Hour}, always, func(context.Context) error {
			calls++
			cancel()
			return errTemp
		})
		if calls != 1 || !errors.Is(err, errTemp) || !errors.Is(err, context.Canceled) {
			t.Errorf("after cancel: %d runs, err %v; want 1 run, fn's error and context.Canceled", calls, err)
		}
	})

	// A backoff of up to an hour against a one-second deadline: Retry does
	// not sleep into the deadline, it returns fn's error before it.
	t.Run("backoff past the deadline returns at once", func(t *testing.T) {
		const within = time.Second
		ctx, cancel := context.WithTimeout(context.Background(), within)
		defer cancel()
		start := time.Now()
		err := db.Retry(ctx, db.RetryPolicy{Attempts: db.Unlimited, Base: time.Hour, Cap: time.Hour}, always, func(context.Context) error {
			return errTemp
		})
		if took := time.Since(start); took >= within {
			t.Errorf("returned after %s, at or past the %s deadline: it slept into it", took, within)
		}
		if !errors.Is(err, errTemp) || errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want fn's error alone (the deadline had not passed)", err)
		}
	})

	// Canceled during an hour-long backoff: Retry returns at once.
	t.Run("canceled while sleeping returns at once", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		slept := make(chan struct{})
		go func() {
			done <- db.Retry(ctx, db.RetryPolicy{Attempts: db.Unlimited, Base: time.Hour, Cap: time.Hour}, func(int, error) bool {
				select {
				case <-slept:
				default:
					close(slept) // about to sleep
				}
				return true
			}, func(context.Context) error { return errTemp })
		}()
		select {
		case <-slept:
		case <-time.After(10 * time.Second):
			t.Fatal("Retry never got to its backoff")
		}
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, errTemp) || !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want fn's error and context.Canceled", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Retry still sleeping 5s after its context was canceled")
		}
	})
}
