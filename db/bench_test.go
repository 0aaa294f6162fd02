//go:build unix

package db_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"smmm/db"
	"smmm/db/dbtest"
)

// benchPoolSize is the pool size of both sides of each comparison.
const benchPoolSize = 4

// benchRows is the number of rows in the benchmark table.
const benchRows = 100

// BenchmarkQueryRow compares one simple single-row query through db against
// the raw driver through database/sql, on the same fresh database with the
// same pool size, in the same run:
//
//	go test -run '^$' -bench BenchmarkQueryRow -benchmem -count 6 ./db/
//
// with SMMM_TEST_POSTGRES_URL and/or SMMM_TEST_MYSQL_URL set (each dialect is
// skipped when its variable is unset). The target is db at most 1.10× the raw
// time per operation and at most 2 extra allocations.
func BenchmarkQueryRow(b *testing.B) {
	for _, d := range []db.Dialect{db.Postgres, db.MySQL} {
		b.Run(d.String(), func(b *testing.B) { benchQueryRow(b, d) })
	}
}

func benchQueryRow(b *testing.B, d db.Dialect) {
	env := map[db.Dialect]string{db.Postgres: dbtest.PostgresEnv, db.MySQL: dbtest.MySQLEnv}[d]
	if os.Getenv(env) == "" {
		b.Skipf("%s not set; skipping the %s benchmark", env, d)
	}
	ctx := context.Background()
	url := dbtest.URL(b, d, "connection_limit="+strconv.Itoa(benchPoolSize))
	pool := dbtest.Open(b, url, nil, db.Options{})
	if pool.Config().MaxConns != benchPoolSize {
		b.Fatalf("db pool size %d, want %d", pool.Config().MaxConns, benchPoolSize)
	}

	if _, err := pool.Exec(ctx, `CREATE TABLE bench (id INTEGER PRIMARY KEY, name VARCHAR(64) NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	names := make([]string, benchRows+1)
	for id := 1; id <= benchRows; id++ {
		names[id] = "name-" + strconv.Itoa(id)
		if _, err := pool.Exec(ctx, `INSERT INTO bench (id, name) VALUES (?, ?)`, id, names[id]); err != nil {
			b.Fatal(err)
		}
	}

	// The raw side: the same driver through plain database/sql (dbtest.Admin
	// is sql.Open("pgx" or "mysql", dsn)), on the same database, with the
	// same pool size.
	raw := dbtest.Admin(b, d, url)
	raw.SetMaxOpenConns(benchPoolSize)
	raw.SetMaxIdleConns(benchPoolSize)

	const dbSQL = `SELECT id, name FROM bench WHERE id = ?`
	rawSQL := dbSQL
	if d == db.Postgres {
		rawSQL = `SELECT id, name FROM bench WHERE id = $1`
	}

	queryRaw := query(func(id int64) (int64, string, error) {
		var gotID int64
		var name string
		err := raw.QueryRowContext(ctx, rawSQL, id).Scan(&gotID, &name)
		return gotID, name, err
	})
	queryDB := query(func(id int64) (int64, string, error) {
		var gotID int64
		var name string
		err := pool.QueryRow(ctx, dbSQL, id).Scan(&gotID, &name)
		return gotID, name, err
	})

	// Open every connection of both pools and fill the drivers' statement
	// caches before timing anything.
	for _, q := range []query{queryRaw, queryDB} {
		var wg sync.WaitGroup
		errs := make(chan error, benchPoolSize)
		for range benchPoolSize {
			wg.Go(func() {
				for id := int64(1); id <= benchRows; id++ {
					if _, _, err := q(id); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		waitGroup(b, &wg, "the warm-up queries")
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}

	check := func(id, gotID int64, name string, err error) error {
		if err == nil && (gotID != id || name != names[id]) {
			err = fmt.Errorf("row %d: got (%d, %q), want (%d, %q)", id, gotID, name, id, names[id])
		}
		return err
	}
	serial := func(q query) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for i := 0; b.Loop(); i++ {
				id := int64(i%benchRows + 1)
				gotID, name, err := q(id)
				if err := check(id, gotID, name, err); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	// parallel runs q from GOMAXPROCS*p goroutines: p=1 leaves connections
	// free (on a small machine), p=4 keeps more callers than connections, so
	// that callers queue for the pool.
	parallel := func(p int, q query) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(p)
			defer reportCPU(b)()
			b.RunParallel(func(pb *testing.PB) {
				for i := 0; pb.Next(); i++ {
					id := int64(i%benchRows + 1)
					gotID, name, err := q(id)
					if err := check(id, gotID, name, err); err != nil {
						b.Error(err) // not Fatal: this is not the benchmark's goroutine
						return
					}
				}
			})
		}
	}

	// Alternate which side goes first from one -count round to the next, so
	// that neither always runs on a warmer (or more loaded) machine.
	benchRound[d]++
	sides := []struct {
		name string
		q    query
	}{{"raw", queryRaw}, {"db", queryDB}}
	if benchRound[d]%2 == 0 {
		sides[0], sides[1] = sides[1], sides[0]
	}
	for _, v := range []struct {
		suffix string
		bench  func(query) func(*testing.B)
	}{
		{"", serial},
		{"-parallel", func(q query) func(*testing.B) { return parallel(1, q) }},
		{"-saturated", func(q query) func(*testing.B) { return parallel(4, q) }},
	} {
		for _, side := range sides {
			b.Run(side.name+v.suffix, v.bench(side.q))
		}
	}
}

// reportCPU reports the CPU time (user and system, all of the process's
// threads) per operation as cpu-ns/op when the returned function is called.
// Unlike ns/op it leaves out the time spent waiting for the server, and so
// it shows the client-side cost that db adds, with less noise from a busy
// machine.
func reportCPU(b *testing.B) func() {
	start := cpuTime(b)
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime(b *testing.B) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// query runs the benchmark's statement for one id and returns the row.
type query func(id int64) (gotID int64, name string, err error)

// benchRound counts the runs of benchQueryRow per dialect (see -count).
var benchRound = map[db.Dialect]int{}
