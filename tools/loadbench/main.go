// Command loadbench is the HTTP load benchmark of smmm on PostgreSQL: it
// measures GET /api/content/about and POST /api/contact-messages served by
// the real handler (web.NewServer over db and store) against "the limit", a
// minimal handler that runs the same SQL straight on database/sql and pgx,
// in the same process run, and reports requests/s, p50 and p99 of both.
// It then sends a fixed number of requests to smmm while sampling
// pg_stat_activity every 50 ms, to show that the pool never opens more
// server connections than its size.
//
//	go run ./tools/loadbench -db "$SMMM_TEST_POSTGRES_URL" [-duration 10s] [-concurrency 32] [-pool 8]
//
// The URL names any database on the server; loadbench creates its own
// database (smmm_load_<random>) there, applies the migrations, stores the
// default about section with its four features, and drops the database at
// the end. Both servers listen on 127.0.0.1 and are driven over real TCP by
// vegeta (github.com/tsenart/vegeta/v12/lib) with a fixed number of workers
// sending as fast as answers come back (a closed loop). Each server gets a
// warm-up; the measured time of each route is split into -rounds segments
// whose order alternates (smmm, limit, limit, smmm, ...), so that a change
// of machine load during the run affects both alike.
//
// With -cpuprofile cpu.out the measured time of each route is CPU-profiled
// into cpu-get.out and cpu-post.out. Goroutines of the two servers carry
// the pprof label server=smmm or server=limit, and those of the load
// generator role=client, so that one side can be looked at alone:
//
//	go tool pprof -tagfocus=server=smmm -top cpu-get.out
//
// The report is Markdown on standard output; progress goes to standard error.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

type options struct {
	dbURL       string
	duration    time.Duration
	warmup      time.Duration
	rounds      int
	concurrency int
	pool        int
	requests    int
	cpuprofile  string
}

func main() {
	var o options
	flag.StringVar(&o.dbURL, "db", os.Getenv("SMMM_TEST_POSTGRES_URL"), "PostgreSQL server URL (default $SMMM_TEST_POSTGRES_URL)")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "measured time per route and server")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "warm-up per route and server, not measured")
	flag.IntVar(&o.rounds, "rounds", 10, "segments the measured time is split into; smmm and limit alternate which goes first")
	flag.IntVar(&o.concurrency, "concurrency", 32, "concurrent clients (vegeta workers and connections)")
	flag.IntVar(&o.pool, "pool", 8, "connection pool size of both servers")
	flag.IntVar(&o.requests, "requests", 10000, "requests of the connection count check")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "write CPU profiles of the measured time of each route to this path, with -get and -post added before the extension")
	flag.Parse()
	if o.dbURL == "" {
		fmt.Fprintln(os.Stderr, "loadbench: no database: pass -db or set SMMM_TEST_POSTGRES_URL")
		os.Exit(2)
	}
	if o.rounds < 1 || o.concurrency < 1 || o.pool < 1 || o.duration <= 0 {
		fmt.Fprintln(os.Stderr, "loadbench: -rounds, -concurrency, -pool and -duration must be positive")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "loadbench: "+format+"\n", args...)
}

// driverURL returns rawURL pointing at database name, with only the
// connection parameters pgx understands (as db/dbtest does) plus extra.
func driverURL(rawURL, name string, extra url.Values) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("bad database URL: %w", err)
	}
	q := url.Values{}
	for k, v := range u.Query() {
		switch k {
		case "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "host":
			q[k] = v
		}
	}
	for k, v := range extra {
		q[k] = v
	}
	if name != "" {
		u.Path = "/" + name
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// smmmURL is rawURL pointing at database name with its own parameters kept
// and connection_limit set, for db.ParseURL.
func smmmURL(rawURL, name string, pool int) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("bad database URL: %w", err)
	}
	q := u.Query()
	q.Set("connection_limit", fmt.Sprint(pool))
	u.Path = "/" + name
	u.RawQuery = q.Encode()
	return u.String(), nil
}

func run(ctx context.Context, o options, out io.Writer) (err error) {
	// The server's view: creating and dropping the database, counting
	// connections, the version.
	adminURL, err := driverURL(o.dbURL, "", url.Values{"application_name": {"loadbench-admin"}})
	if err != nil {
		return err
	}
	admin, err := sql.Open("pgx", adminURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	admin.SetMaxOpenConns(2)
	if err := admin.PingContext(ctx); err != nil {
		return fmt.Errorf("PostgreSQL unreachable: %w", err)
	}
	var pgVersion string
	if err := admin.QueryRowContext(ctx, "SHOW server_version").Scan(&pgVersion); err != nil {
		return err
	}

	var b [6]byte
	rand.Read(b[:])
	name := "smmm_load_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		return fmt.Errorf("create database: %w", err)
	}
	logf("created database %s", name)
	defer func() {
		dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, derr := admin.ExecContext(dctx, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`); derr != nil {
			err = errors.Join(err, fmt.Errorf("drop database %s: %w", name, derr))
			return
		}
		logf("dropped database %s", name)
	}()

	// smmm: the real pool, migrations, store and handler.
	sURL, err := smmmURL(o.dbURL, name, o.pool)
	if err != nil {
		return err
	}
	cfg, err := db.ParseURL(sURL, db.Production)
	if err != nil {
		return err
	}
	pool, err := db.Open(ctx, cfg, db.Options{})
	if err != nil {
		return err
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		pool.Close(cctx)
	}()
	discard := slog.New(slog.DiscardHandler)
	if _, err := migrations.Up(ctx, pool.SQL(), "postgres", discard); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	st := store.New(pool)
	if _, err := st.PutAbout(ctx, smmm.DefaultAbout()); err != nil {
		return fmt.Errorf("store about: %w", err)
	}
	// The contact form's limit is lifted: one client address sends all the
	// load. Its counter still runs, as in production.
	smmmHandler := web.NewServer(web.Config{
		Logger: discard,
		DB:     pool,
		Store:  st,
		Auth:   auth.New(st, auth.Options{Logger: discard, FormLimit: auth.Limit{N: 1 << 30, Window: time.Minute}}),
	})

	// The limit: database/sql and pgx, same pool size, told apart on the
	// server by its application_name.
	limitURL, err := driverURL(o.dbURL, name, url.Values{"application_name": {"limit"}})
	if err != nil {
		return err
	}
	raw, err := sql.Open("pgx", limitURL)
	if err != nil {
		return err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(o.pool)
	raw.SetMaxIdleConns(o.pool)

	sampler := &connSampler{admin: admin, dbName: name}
	sctx, stopSampler := context.WithCancel(ctx)
	samplerDone := make(chan struct{})
	go func() { defer close(samplerDone); sampler.run(sctx, 50*time.Millisecond) }()
	defer func() { stopSampler(); <-samplerDone }()

	smmmBase, stopSmmm, err := serve("smmm", smmmHandler)
	if err != nil {
		return err
	}
	defer stopSmmm()
	limitBase, stopLimit, err := serve("limit", newLimitHandler(raw))
	if err != nil {
		return err
	}
	defer stopLimit()
	// The load generator's goroutines inherit this label.
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("role", "client")))

	smmmClient, limitClient := newClient(o.concurrency), newClient(o.concurrency)
	if err := checkSame(ctx, smmmClient, smmmBase, limitClient, limitBase); err != nil {
		return fmt.Errorf("the limit does not answer like smmm: %w", err)
	}
	logf("smmm %s and limit %s answer the same JSON", smmmBase, limitBase)

	rep := report{
		opts: o, pgVersion: pgVersion, loadBefore: loadAvg(), started: time.Now(),
	}

	sampler.takeMax()
	statsBefore, limitBefore := pool.Stats(), raw.Stats()
	for _, r := range routes() {
		sm := &sample{route: r.name, server: "smmm"}
		lm := &sample{route: r.name, server: "limit"}
		logf("%s: warm-up %s each", r.name, o.warmup)
		if err := attack(ctx, smmmClient, r.targeter(smmmBase), o.concurrency, o.warmup, 0, &sample{}); err != nil {
			return err
		}
		if err := attack(ctx, limitClient, r.targeter(limitBase), o.concurrency, o.warmup, 0, &sample{}); err != nil {
			return err
		}
		stopProfile, err := startProfile(o.cpuprofile, r.short)
		if err != nil {
			return err
		}
		seg := o.duration / time.Duration(o.rounds)
		for i := range o.rounds {
			order := []func() error{
				func() error { return attack(ctx, smmmClient, r.targeter(smmmBase), o.concurrency, seg, 0, sm) },
				func() error { return attack(ctx, limitClient, r.targeter(limitBase), o.concurrency, seg, 0, lm) },
			}
			if i%2 == 1 {
				order[0], order[1] = order[1], order[0]
			}
			for _, f := range order {
				if err := f(); err != nil {
					return err
				}
			}
		}
		if err := stopProfile(); err != nil {
			return err
		}
		logf("%s: smmm %.0f req/s, limit %.0f req/s", r.name, sm.rate(), lm.rate())
		rep.samples = append(rep.samples, sm, lm)
	}
	statsAfter := pool.Stats()
	rep.measureMax, rep.measureSamples = sampler.takeMax()
	rep.smmmWaits = statsAfter.WaitCount - statsBefore.WaitCount
	rep.smmmAcquires = statsAfter.AcquireCount - statsBefore.AcquireCount
	rep.smmmWait = statsAfter.WaitDuration - statsBefore.WaitDuration
	limitAfter := raw.Stats()
	rep.limitWaits = limitAfter.WaitCount - limitBefore.WaitCount
	rep.limitWait = limitAfter.WaitDuration - limitBefore.WaitDuration

	// Connection count check: a fixed number of requests to smmm,
	// alternating the two routes, sampled every 50 ms.
	logf("connection check: %d requests to smmm", o.requests)
	cc := &sample{route: "GET about / POST contact, alternating", server: "smmm"}
	before := pool.Stats()
	if err := attack(ctx, smmmClient, mixedTargeter(smmmBase), o.concurrency, 0, uint64(o.requests), cc); err != nil {
		return err
	}
	time.Sleep(100 * time.Millisecond) // one more sample after the last answer
	after := pool.Stats()
	rep.check = cc
	rep.checkMax, rep.checkSamples = sampler.takeMax()
	now, err := sampler.sample(ctx)
	if err != nil {
		return err
	}
	rep.checkAfter = now
	rep.checkOpened = after.ConnsOpened - before.ConnsOpened
	rep.totalOpened = after.ConnsOpened
	rep.poolStats = after
	rep.loadAfter = loadAvg()
	rep.write(out)
	return nil
}

// startProfile starts a CPU profile written to path with "-"+suffix
// before its extension (cpu.out: cpu-get.out); with path "" it does nothing.
func startProfile(path, suffix string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	ext := filepath.Ext(path)
	path = strings.TrimSuffix(path, ext) + "-" + suffix + ext
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		logf("CPU profile written to %s", path)
		return f.Close()
	}, nil
}

// serve starts an HTTP server for h on a free loopback port. Its goroutines
// carry the pprof label server=name.
func serve(name string, h http.Handler) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Connection goroutines are started by this one and inherit
		// its labels, at no cost per request.
		pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("server", name)))
		srv.Serve(ln)
	}()
	return "http://" + ln.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}, nil
}

// loadAvg returns the first three fields of /proc/loadavg.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func goVersion() string { return runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH }
