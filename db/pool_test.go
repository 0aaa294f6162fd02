package db_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// serverConns counts the server's connections to the test database (ours,
// since each test has its own database).
func serverConns(t testing.TB, admin *sql.DB, d db.Dialect, name string) int {
	t.Helper()
	n, err := countServerConns(admin, d, name)
	if err != nil {
		t.Fatalf("count server connections: %v", err)
	}
	return n
}

// adminQueryLimit bounds each statement the tests run on the admin pool.
const adminQueryLimit = 30 * time.Second

// countServerConns is serverConns for a goroutine other than the test's,
// which must not call t.Fatal: it returns the error.
func countServerConns(admin *sql.DB, d db.Dialect, name string) (int, error) {
	q := `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'smmm'`
	if d == db.MySQL {
		q = `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?`
	}
	ctx, cancel := context.WithTimeout(context.Background(), adminQueryLimit)
	defer cancel()
	var n int
	err := admin.QueryRowContext(ctx, q, name).Scan(&n)
	return n, err
}

func sleepSQL(d db.Dialect, seconds float64) string {
	if d == db.MySQL {
		return fmt.Sprintf("SELECT SLEEP(%g)", seconds)
	}
	return fmt.Sprintf("SELECT pg_sleep(%g)", seconds)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func eachServer(t *testing.T, fn func(t *testing.T, d db.Dialect)) {
	for _, d := range []db.Dialect{db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			fn(t, d)
		})
	}
}

func TestPoolNeverExceedsSize(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=5")
		pool := dbtest.Open(t, url, nil, db.Options{})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)

		var maxSeen atomic.Int64
		stop := make(chan struct{})
		stopSampling := sync.OnceFunc(func() { close(stop) })
		defer stopSampling() // should the test fail before it stops the sampler
		sampled := make(chan struct{})
		var sampleErr error // the sampler's, read after sampled is closed
		go func() {
			defer close(sampled)
			for {
				select {
				case <-stop:
					return
				default:
				}
				n, err := countServerConns(admin, d, name)
				if err != nil {
					sampleErr = err
					return
				}
				if int64(n) > maxSeen.Load() {
					maxSeen.Store(int64(n))
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		var wg sync.WaitGroup
		var failed atomic.Int64
		for range 200 {
			wg.Go(func() {
				var v any
				if err := pool.QueryRow(context.Background(), sleepSQL(d, 0.01)).Scan(&v); err != nil {
					failed.Add(1)
					t.Errorf("query: %v", err)
				}
			})
		}
		waitGroup(t, &wg, "200 queries on a pool of 5")
		stopSampling()
		recvWithin(t, sampled, waitLimit, "the connection sampler to stop")
		if sampleErr != nil {
			t.Fatalf("count server connections: %v", sampleErr)
		}
		if got := maxSeen.Load(); got > 5 || got == 0 {
			t.Errorf("server showed at most %d of our connections, want 1..5", got)
		}
		st := pool.Stats()
		if st.MaxConns != 5 || st.Open > 5 || st.WaitCount == 0 || st.AcquireCount < 200 {
			t.Errorf("Stats = %+v; want max 5, open <= 5, some waits, >= 200 acquires", st)
		}
	})
}

func TestPoolTimeout(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=5", "pool_timeout=0.5")
		pool := dbtest.Open(t, url, nil, db.Options{})
		ctx := context.Background()

		release := make(chan struct{})
		releaseHolders := sync.OnceFunc(func() { close(release) })
		defer releaseHolders() // should the test fail before it releases them
		var held sync.WaitGroup
		var started sync.WaitGroup
		for range 5 {
			held.Add(1)
			started.Add(1)
			go func() {
				defer held.Done()
				var once sync.Once
				defer once.Do(started.Done) // never leave the test waiting on a failed holder
				err := pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
					once.Do(started.Done)
					_, err := recvOrErr(release, waitLimit, "the test to release the holders")
					return err
				})
				if err != nil {
					t.Errorf("holder: %v", err)
				}
			}()
		}
		waitGroup(t, &started, "5 holders to take every connection")

		start := time.Now()
		var one int
		err := pool.QueryRow(ctx, "SELECT 1").Scan(&one)
		waited := time.Since(start)
		releaseHolders()
		waitGroup(t, &held, "5 holders to end their transactions")

		if db.KindOf(err) != db.KindPoolTimeout || !errors.Is(err, db.ErrPoolTimeout) {
			t.Fatalf("err = %v (kind %s), want kind pool_timeout", err, db.KindOf(err))
		}
		// About pool_timeout: not before it, and nowhere near a hang.
		if waited < 500*time.Millisecond || waited > 3*time.Second {
			t.Errorf("gave up after %s, want about 500ms", waited)
		}
		if st := pool.Stats(); st.AcquireTimeouts != 1 {
			t.Errorf("AcquireTimeouts = %d, want 1", st.AcquireTimeouts)
		}
		// The pool works again once connections come back.
		if err := pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
			t.Errorf("after release: %v", err)
		}
	})
}

func TestIdleConnectionsClosed(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=4", "max_idle_connection_lifetime=1")
		pool := dbtest.Open(t, url, nil, db.Options{})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				var v any
				if err := pool.QueryRow(context.Background(), sleepSQL(d, 0.2)).Scan(&v); err != nil {
					t.Error(err)
				}
			})
		}
		waitGroup(t, &wg, "a burst of 4 queries")
		if n := serverConns(t, admin, d, name); n < 2 {
			t.Fatalf("server shows %d connections right after the burst, want several", n)
		}
		// database/sql counts a connection as open until its Close has
		// returned, a moment after the server saw it go: wait for both.
		waitFor(t, 10*time.Second, "idle connections to close", func() bool {
			return serverConns(t, admin, d, name) == 0 && pool.Stats().Open == 0
		})
		if st := pool.Stats(); st.IdleClosed == 0 || st.Open != 0 {
			t.Errorf("Stats = %+v, want IdleClosed > 0 and Open 0", st)
		}
	})
}

func TestCloseWaitsForInUse(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d, "connection_limit=3")
		cfg, err := db.ParseURL(url, db.Production)
		if err != nil {
			t.Fatal(err)
		}
		pool, err := db.Open(context.Background(), cfg, db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)

		queryDone := make(chan error, 1)
		go func() {
			var v any
			queryDone <- pool.QueryRow(context.Background(), sleepSQL(d, 0.5)).Scan(&v)
		}()
		waitFor(t, 5*time.Second, "the query to take its connection", func() bool { return pool.Stats().InUse == 1 })

		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := pool.Close(ctx); err != nil {
			t.Fatalf("Close: %v", err)
		}
		// Had Close not waited, the query's connection would have been
		// closed under it and the query would fail. (Close returns once the
		// connection is back in the pool, which can be just before Scan
		// returns: wait for the result rather than expect it already there.)
		select {
		case err := <-queryDone:
			if err != nil {
				t.Errorf("in-flight query failed: %v; Close should have waited for it", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("the in-flight query never finished")
		}
		waitFor(t, 5*time.Second, "server to show none of our connections", func() bool {
			return serverConns(t, admin, d, name) == 0
		})
		var one int
		if err := pool.QueryRow(context.Background(), "SELECT 1").Scan(&one); !errors.Is(err, db.ErrClosed) {
			t.Errorf("query after Close: %v, want ErrClosed", err)
		}
		if err := pool.Close(ctx); err != nil {
			t.Errorf("second Close: %v", err)
		}
	})
}

func TestHealth(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		h := pool.Health(context.Background())
		if !h.OK || h.Err != nil || h.Latency <= 0 {
			t.Errorf("Health = %+v, want OK with a latency", h)
		}
	})
}

func TestHealthDown(t *testing.T) {
	// Nothing listens on port 1.
	cfg, err := db.ParseURL("postgres://u:pw@127.0.0.1:1/x?connect_timeout=1", db.Production)
	if err != nil {
		t.Fatal(err)
	}
	pool, err := db.Open(context.Background(), cfg, db.Options{})
	if err != nil {
		t.Fatalf("Open must not need the database: %v", err)
	}
	defer pool.Close(context.Background())
	h := pool.Health(context.Background())
	if h.OK || db.KindOf(h.Err) != db.KindUnavailable {
		t.Errorf("Health = %+v (kind %s), want not OK, kind unavailable", h, db.KindOf(h.Err))
	}
	if strings.Contains(fmt.Sprint(h.Err), "pw@") {
		t.Errorf("error shows the password: %v", h.Err)
	}
}

func TestSharedRegistry(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	url := dbtest.URL(t, db.SQLite)
	cfg, err := db.ParseURL(url, db.Production)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	const n = 50
	handles := make([]*db.DB, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			h, err := db.Shared(ctx, cfg, db.Options{Logger: logger})
			if err != nil {
				t.Error(err)
				return
			}
			handles[i] = h
		})
	}
	waitGroup(t, &wg, "50 concurrent db.Shared calls")
	if t.Failed() {
		t.FailNow()
	}
	for _, h := range handles[1:] {
		if !db.SamePool(h, handles[0]) {
			t.Fatal("Shared returned different pools for the same URL")
		}
	}
	mu.Lock()
	if strings.Contains(logs.String(), "another connection pool") {
		t.Errorf("Shared alone logged a duplicate-pool warning:\n%s", logs.String())
	}
	mu.Unlock()

	// A second, different pool to the same database is what the warning is for.
	other := dbtest.Open(t, url+"?connection_limit=2", nil, db.Options{Logger: logger})
	mu.Lock()
	if !strings.Contains(logs.String(), "another connection pool") || !strings.Contains(logs.String(), "db.Shared") {
		t.Errorf("no duplicate-pool warning naming the fix; logs:\n%s", logs.String())
	}
	mu.Unlock()
	_ = other

	// Reference counting: the pool stays open until the last handle closes.
	for _, h := range handles[:n-1] {
		if err := h.Close(ctx); err != nil {
			t.Fatal(err)
		}
		h.Close(ctx) // a second Close of one handle must not count twice
	}
	var one int
	if err := handles[n-1].QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		t.Fatalf("pool closed while a handle was still open: %v", err)
	}
	if err := handles[n-1].Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := handles[n-1].QueryRow(ctx, "SELECT 1").Scan(&one); !errors.Is(err, db.ErrClosed) {
		t.Errorf("after the last Close: %v, want ErrClosed", err)
	}
	// A new Shared call after the last close opens a fresh pool.
	again, err := db.Shared(ctx, cfg, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close(ctx)
	if err := again.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		t.Errorf("reopened shared pool: %v", err)
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestSQLiteConcurrentWriters(t *testing.T) {
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `CREATE TABLE "W" ("id" INTEGER PRIMARY KEY, "n" INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var failures atomic.Int64
	for i := range 64 {
		wg.Go(func() {
			for j := range 10 {
				var err error
				if j%2 == 0 {
					_, err = pool.Exec(ctx, `INSERT INTO "W" ("n") VALUES (?)`, i)
				} else {
					err = pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
						var c int
						if err := tx.QueryRow(ctx, `SELECT count(*) FROM "W"`).Scan(&c); err != nil {
							return err
						}
						_, err := tx.Exec(ctx, `INSERT INTO "W" ("n") VALUES (?)`, c)
						return err
					})
				}
				if err != nil {
					failures.Add(1)
					t.Errorf("writer %d: %v", i, err)
				}
				var c int
				if err := pool.QueryRow(ctx, `SELECT count(*) FROM "W"`).Scan(&c); err != nil {
					failures.Add(1)
					t.Errorf("reader %d: %v", i, err)
				}
			}
		})
	}
	waitGroup(t, &wg, "64 SQLite writers")
	var count int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM "W"`).Scan(&count); err != nil {
		t.Fatal(err)
	}
	if count != 640 || failures.Load() != 0 {
		t.Errorf("rows = %d, failures = %d; want 640 and 0", count, failures.Load())
	}
}

func TestSQLitePragmas(t *testing.T) {
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	ctx := context.Background()
	for _, tt := range []struct{ pragma, want string }{
		{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"busy_timeout", "5000"},
	} {
		var got string
		if err := pool.QueryRow(ctx, "PRAGMA "+tt.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %q, want %q", tt.pragma, got, tt.want)
		}
	}
}
