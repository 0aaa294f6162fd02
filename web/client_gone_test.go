package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// TestClientGoneStopsDatabaseWork: a POST whose client hangs up while its
// first statement (the rate-limit counter, which runs before the handler
// reads the body) waits on the database stops that statement: on the
// server within a second, and its pool slot is free again. net/http ends a
// request's context when its client leaves only once the body has been
// read, so the body is read before anything else.
func TestClientGoneStopsDatabaseWork(t *testing.T) {
	for _, d := range []db.Dialect{db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			url := dbtest.URL(t, d, "socket_timeout=60")
			pool := migrated(t, dbtest.Open(t, url, nil, db.Options{}))
			h, _ := newSiteHandler(t, pool, web.Config{}, auth.Options{})
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)

			// Another session locks the rate-limit table: the counter waits.
			admin := dbtest.Admin(t, d, url)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			lock, err := admin.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.Close()
			if d == db.MySQL {
				_, err = lock.ExecContext(ctx, `LOCK TABLES "RateLimit" WRITE`)
			} else if _, err = lock.ExecContext(ctx, "BEGIN"); err == nil {
				_, err = lock.ExecContext(ctx, `LOCK TABLE "RateLimit" IN ACCESS EXCLUSIVE MODE`)
			}
			if err != nil {
				t.Fatalf("lock: %v", err)
			}
			name := dbtest.Name(t, url)
			waiting := func() int {
				q := `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE '%RateLimit%'`
				if d == db.MySQL {
					q = `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%RateLimit%' AND ID <> CONNECTION_ID()`
				}
				var n int
				if err := admin.QueryRowContext(ctx, q, name).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}

			cctx, hangUp := context.WithCancel(ctx)
			defer hangUp()
			body := `{"name":"Ann","email":"ann@example.com","message":"Hello there"}`
			req, err := http.NewRequestWithContext(cctx, "POST", srv.URL+"/api/contact-messages", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			done := make(chan struct{})
			go func() {
				defer close(done)
				if res, err := http.DefaultClient.Do(req); err == nil {
					res.Body.Close()
					t.Errorf("answered %d while the counter was locked", res.StatusCode)
				}
			}()
			for deadline := time.Now().Add(30 * time.Second); waiting() == 0; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the rate-limit statement never waited for the lock")
				}
			}
			hangUp()
			gone := time.Now()
			<-done
			for deadline := gone.Add(5 * time.Second); waiting() != 0; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the server still runs the statement 5s after the client left")
				}
			}
			if took := time.Since(gone); took > time.Second {
				t.Errorf("the server ran the statement %s after the client left, want under 1s", took)
			}
			for deadline := time.Now().Add(time.Second); pool.Stats().InUse != 0; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("%d connections still in use 1s after the statement ended", pool.Stats().InUse)
				}
			}
		})
	}
}
