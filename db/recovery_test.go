package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// call is one statement issued by a worker of TestRecoveryAfterKill.
type call struct {
	write      bool
	start, end time.Time
	err        error
}

// TestRecoveryAfterKill kills every connection of ours on the server while
// goroutines issue reads and writes. The same pool carries on: calls after
// the kill succeed, reads in flight are retried, no call hangs, and at most
// the writes in flight fail, with KindUnavailable.
func TestRecoveryAfterKill(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		const (
			readers, writers = 4, 4
			hang             = 15 * time.Second // a call taking longer has hung
		)
		url := dbtest.URL(t, d, "connection_limit=10", "pool_timeout=10")
		pool := dbtest.Open(t, url, nil, db.Options{Retry: db.RetryPolicy{Attempts: 3, Base: 20 * time.Millisecond, Cap: 200 * time.Millisecond}})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)
		mustExec(t, pool, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
		ctx := context.Background()

		var (
			mu      sync.Mutex
			calls   []call
			killEnd atomic.Int64 // unix nanoseconds; 0 until the kill is over
			after   atomic.Int64 // calls started after the kill
			stop    = make(chan struct{})
			wg      sync.WaitGroup
		)
		record := func(c call) {
			mu.Lock()
			calls = append(calls, c)
			mu.Unlock()
			if ke := killEnd.Load(); ke != 0 && c.start.UnixNano() > ke {
				after.Add(1)
			}
		}
		worker := func(write bool, id int) {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				c := call{write: write, start: time.Now()}
				switch {
				case write && i%2 == 0:
					_, c.err = pool.Exec(ctx, `INSERT INTO "T" ("n") VALUES (?)`, id)
				case write:
					// A slow write, so that some are in flight at the kill.
					_, c.err = pool.Exec(ctx, slowInsert(d, 0.1), id)
				case i%2 == 0:
					var n int
					c.err = pool.QueryRow(ctx, `SELECT count(*) FROM "T" WHERE "n" = ?`, id).Scan(&n)
				default:
					// A slow read, so that some are in flight at the kill.
					var v any
					c.err = pool.QueryRow(ctx, sleepSQL(d, 0.2)).Scan(&v)
				}
				c.end = time.Now()
				record(c)
				// Pause as clients do between requests, so that at the kill
				// some connections sit idle in the pool, used moments ago.
				time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond)
			}
		}
		for i := range readers {
			wg.Go(func() { worker(false, i) })
		}
		for i := range writers {
			wg.Go(func() { worker(true, readers+i) })
		}
		finished := make(chan struct{})
		go func() { wg.Wait(); close(finished) }()
		var stopOnce sync.Once
		halt := func() {
			stopOnce.Do(func() { close(stop) })
			select {
			case <-finished:
			case <-time.After(2 * hang):
				t.Fatalf("workers still busy %s after being told to stop: a call hangs", 2*hang)
			}
		}
		defer halt()

		// Kill once every worker has its connection, while slow reads and
		// slow writes are running on the server.
		waitFor(t, 20*time.Second, "every worker to finish a call", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(calls) >= 2*(readers+writers)
		})
		waitFor(t, 20*time.Second, "slow reads and writes to run on the server", func() bool {
			return serverRunning(t, admin, d, name, sleepLike(d)) >= 2 &&
				serverRunning(t, admin, d, name, "INSERT%") >= 1
		})
		before := pool.Stats()
		killStart := time.Now()
		killed := killOurs(t, admin, d, name)
		killEnd.Store(time.Now().UnixNano())
		t.Logf("killed %d connections in %s", killed, time.Since(killStart).Round(time.Millisecond))

		waitFor(t, 30*time.Second, "50 calls after the kill", func() bool { return after.Load() >= 50 })
		halt()
		mu.Lock()
		defer mu.Unlock()

		ke := time.Unix(0, killEnd.Load())
		var reads, writes, failedWrites, inFlight int
		for _, c := range calls {
			took := c.end.Sub(c.start)
			if took > hang {
				t.Errorf("a call took %s: %v", took, c.err)
			}
			if c.start.Before(killStart) && c.end.After(killStart) {
				inFlight++
			}
			if c.write {
				writes++
			} else {
				reads++
			}
			if c.err == nil {
				continue
			}
			what := fmt.Sprintf("%s started %s after the kill began, took %s: %v (kind %s)",
				map[bool]string{true: "write", false: "read"}[c.write],
				c.start.Sub(killStart).Round(time.Millisecond), took.Round(time.Millisecond), c.err, db.KindOf(c.err))
			switch {
			case !c.write:
				t.Errorf("read failed; reads in flight must be retried: %s", what)
			case !c.start.Before(ke):
				t.Errorf("write started after the kill failed: %s", what)
			case db.KindOf(c.err) != db.KindUnavailable:
				t.Errorf("write in flight failed with the wrong kind: %s", what)
			default:
				failedWrites++
				t.Logf("in-flight %s", what)
			}
		}
		st := pool.Stats()
		t.Logf("%d reads, %d writes, %d in flight at the kill, %d writes failed; stats %+v",
			reads, writes, inFlight, failedWrites, st)
		if st.Retries <= before.Retries {
			t.Errorf("no retries after the kill (%d before, %d after); reads in flight should have been", before.Retries, st.Retries)
		}
		if st.ConnsOpened <= before.ConnsOpened {
			t.Errorf("no new connections after the kill")
		}
		// The pool's connections are all live ones again.
		if n := serverConns(t, admin, d, name); n > 10 {
			t.Errorf("server shows %d of our connections, more than the pool's 10", n)
		}
	})
}

// TestRecoveryIdleConnections: the server ends every session while the
// connections sit idle in the pool, moments after use (a restart between
// requests). The next writes and transactions, which db must not retry
// once sent, find out before sending and take new connections: all succeed.
func TestRecoveryIdleConnections(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		const size = 4
		url := dbtest.URL(t, d, "connection_limit=4")
		pool := dbtest.Open(t, url, nil, db.Options{})
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		name := dbtest.Name(t, url)
		mustExec(t, pool, `CREATE TABLE "T" ("n" INTEGER NOT NULL)`)
		ctx := context.Background()
		for round := range 3 {
			// Use every connection, then kill them all while idle.
			var wg sync.WaitGroup
			for range size {
				wg.Go(func() {
					var v any
					if err := pool.QueryRow(ctx, sleepSQL(d, 0.05)).Scan(&v); err != nil {
						t.Error(err)
					}
				})
			}
			waitGroup(t, &wg, fmt.Sprintf("round %d's reads on every connection", round))
			if n := killOurs(t, admin, d, name); n != size {
				t.Fatalf("round %d: killed %d connections, want %d", round, n, size)
			}
			for i := range size {
				wg.Go(func() {
					var err error
					if i%2 == 0 {
						_, err = pool.Exec(ctx, `INSERT INTO "T" ("n") VALUES (?)`, round)
					} else {
						err = pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
							_, err := tx.Exec(ctx, `INSERT INTO "T" ("n") VALUES (?)`, round)
							return err
						})
					}
					if err != nil {
						t.Errorf("round %d: write on a pool whose idle connections were killed: %v", round, err)
					}
				})
			}
			waitGroup(t, &wg, fmt.Sprintf("round %d's writes after the kill", round))
		}
		if n := count(t, pool, "T"); n != 3*size {
			t.Errorf("%d rows, want %d", n, 3*size)
		}
	})
}
