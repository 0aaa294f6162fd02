package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"smmm/db"
)

// dbParams are the pool settings of every scenario but pool-exhaustion:
// Prisma's URL parameters, with bounds short enough to show.
const dbParams = "connection_limit=8&pool_timeout=2&socket_timeout=3&connect_timeout=2"

// bound is the longest a request may take under dbParams: a wait for a
// connection (pool_timeout 2 s), one statement (socket_timeout 3 s), and a
// margin for the handler and a loaded machine.
const bound = 6500 * time.Millisecond

// scenario is one fault and where it happens.
type scenario struct {
	name, fault string
	dialect     db.Dialect
	params      string // URL parameters of smmm's DATABASE_URL
	proxied     bool   // smmm reaches the database through the proxy
	workers     int    // clients; 0: -workers
	// faultFor is how long the fault lasts; 0: the form's default (4 s
	// short, 10 s full).
	faultFor time.Duration
	// noAnswerOK allows requests without an answer: smmm itself is down.
	noAnswerOK bool
	// inject starts the fault; the heal it returns ends it.
	inject func(ctx context.Context, r *scenarioRun) (heal func() error, err error)
}

var scenarios = []scenario{
	{name: "smmm-kill-sqlite", fault: "SIGKILL smmm mid-write, start it again after the fault phase", dialect: db.SQLite, noAnswerOK: true, inject: killSmmm},
	{name: "smmm-kill-postgres", fault: "SIGKILL smmm mid-write, start it again after the fault phase", dialect: db.Postgres, noAnswerOK: true, inject: killSmmm},
	{name: "pg-restart", fault: "PostgreSQL stopped (fast) and started again", dialect: db.Postgres, inject: restartPostgres},
	{name: "mariadb-restart", fault: "MariaDB shut down and started again", dialect: db.MySQL, inject: restartMariaDB},
	{name: "latency-postgres", fault: "150 ms added to every read and write on the wire", dialect: db.Postgres, proxied: true, inject: addLatency(150 * time.Millisecond)},
	{name: "blackhole-postgres", fault: "every byte to and from PostgreSQL dropped, nothing closed", dialect: db.Postgres, proxied: true, faultFor: 12 * time.Second, inject: blackhole},
	{name: "blackhole-mysql", fault: "every byte to and from MariaDB dropped, nothing closed", dialect: db.MySQL, proxied: true, faultFor: 12 * time.Second, inject: blackhole},
	{name: "reset-postgres", fault: "every PostgreSQL connection reset (RST), twice a second", dialect: db.Postgres, proxied: true, inject: resets},
	{name: "reset-mysql", fault: "every MariaDB connection reset (RST), twice a second", dialect: db.MySQL, proxied: true, inject: resets},
	{name: "pool-exhaustion", fault: "2 connections for 96 clients while every statement takes 200 ms more", dialect: db.Postgres, proxied: true, workers: 96,
		params: "connection_limit=2&pool_timeout=2&socket_timeout=3&connect_timeout=2", inject: addLatency(200 * time.Millisecond)},
	{name: "disk-full-sqlite", fault: "the disk of the SQLite database fills up, then space returns", dialect: db.SQLite, inject: fillDisk},
}

// scenarioEnv is what every scenario shares.
type scenarioEnv struct {
	opts options
	bin  string
	work string // this scenario's directory
}

// scenarioRun is one scenario in progress.
type scenarioRun struct {
	*scenarioEnv
	s       scenario
	dbURL   string // smmm's database, direct
	proxy   *proxy
	env     []string
	base    string
	proc    *smmmProc
	logPath string
	notes   []string
}

// result is what a scenario showed.
type result struct {
	s                 scenario
	skipped, failed   string // why, if so
	outcomes          []outcome
	faultAt, healedAt time.Time
	recovery          time.Duration // healed until the first success; <0: none
	acked, lost       int
	shutdown          time.Duration
	notes             []string
}

func runScenario(ctx context.Context, env *scenarioEnv, s scenario) (r result) {
	r.s, r.recovery = s, -1
	if err := os.MkdirAll(env.work, 0o755); err != nil {
		r.failed = err.Error()
		return r
	}
	run := &scenarioRun{scenarioEnv: env, s: s, logPath: filepath.Join(env.work, "smmm.log")}
	defer func() { r.notes = append(r.notes, run.notes...) }()
	cleanup, err := run.prepare(ctx)
	if cleanup != nil {
		defer cleanup()
	}
	var skip *skipError
	switch {
	case errors.As(err, &skip):
		r.skipped = skip.why
		return r
	case err != nil:
		r.failed = err.Error()
		return r
	}

	warm, faultFor, after := 5*time.Second, 10*time.Second, 10*time.Second
	if env.opts.short {
		warm, faultFor, after = 2*time.Second, 4*time.Second, 4*time.Second
	}
	if s.faultFor > 0 {
		faultFor = s.faultFor
	}
	workers := s.workers
	if workers == 0 {
		workers = env.opts.workers
	}
	l, stopLoad := startLoad(ctx, func() string { return run.base }, workers)
	sleep(ctx, warm)
	r.faultAt = time.Now()
	heal, err := s.inject(ctx, run)
	if err != nil {
		stopLoad()
		r.failed = "inject: " + err.Error()
		r.outcomes = l.results()
		return r
	}
	sleep(ctx, faultFor)
	if err := heal(); err != nil {
		r.notes = append(r.notes, "heal: "+err.Error())
	}
	r.healedAt = time.Now()
	// Watch the recovery: at least `after`, and until a write succeeds (at
	// most 30 s more).
	sleep(ctx, after)
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end) && ctx.Err() == nil; {
		if recovery(l.results(), r.healedAt) >= 0 {
			break
		}
		sleep(ctx, 200*time.Millisecond)
	}
	stopLoad()
	r.outcomes = l.results()
	r.recovery = recovery(r.outcomes, r.healedAt)
	if d, err := run.proc.stop(20 * time.Second); err != nil {
		r.notes = append(r.notes, fmt.Sprintf("stop: %v after %s", err, d.Round(time.Millisecond)))
	} else {
		r.shutdown = d
	}
	r.acked, r.lost, err = run.verify(ctx, r.outcomes)
	if err != nil {
		r.failed = "verify: " + err.Error()
	}
	return r
}

// skipError is a scenario that cannot run here.
type skipError struct{ why string }

func (e *skipError) Error() string { return e.why }

// prepare makes the database, the proxy and the smmm process.
func (run *scenarioRun) prepare(ctx context.Context) (cleanup func(), err error) {
	var undo []func()
	cleanup = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	params := run.s.params
	if params == "" {
		params = dbParams
	}
	switch run.s.dialect {
	case db.SQLite:
		dir := filepath.Join(run.work, "data")
		if run.s.name == "disk-full-sqlite" {
			unmount, err := mountSmallDisk(dir)
			if err != nil {
				return cleanup, err
			}
			undo = append(undo, unmount)
		} else if err := os.MkdirAll(dir, 0o755); err != nil {
			return cleanup, err
		}
		run.dbURL = "file:" + filepath.Join(dir, "smmm.db")
	default:
		server := run.opts.postgres
		if run.s.dialect == db.MySQL {
			server = run.opts.mysql
		}
		if server == "" {
			return cleanup, &skipError{fmt.Sprintf("no %s server (set SMMM_TEST_POSTGRES_URL / SMMM_TEST_MYSQL_URL)", run.s.dialect)}
		}
		u, drop, err := createDatabase(ctx, server, run.s.dialect)
		if err != nil {
			return cleanup, err
		}
		undo = append(undo, drop)
		run.dbURL = u
	}
	smmmURL := withParams(run.dbURL, params)
	if run.s.proxied {
		u, err := url.Parse(smmmURL)
		if err != nil {
			return cleanup, err
		}
		p, err := newProxy(u.Host)
		if err != nil {
			return cleanup, err
		}
		undo = append(undo, p.close)
		run.proxy = p
		u.Host = p.addr()
		smmmURL = u.String()
	}
	port, err := freePort()
	if err != nil {
		return cleanup, err
	}
	run.base = "http://127.0.0.1:" + port
	run.env = append(os.Environ(),
		"DATABASE_URL="+smmmURL,
		"APP_ENV=production",
		"HOST=127.0.0.1",
		"PORT="+port,
		"CONTACT_RATE_LIMIT=1000000/1m",
		"SHUTDOWN_TIMEOUT=10s",
		"ADMIN_EMAIL=chaos@example.com",
		"ADMIN_PASSWORD=chaos-admin-password",
	)
	if err := run.startSmmm(ctx); err != nil {
		return cleanup, err
	}
	undo = append(undo, func() {
		if run.proc != nil {
			run.proc.kill()
		}
	})
	return cleanup, nil
}

func (run *scenarioRun) startSmmm(ctx context.Context) error {
	p, err := startSmmm(run.bin, run.env, run.logPath)
	if err != nil {
		return err
	}
	run.proc = p
	if err := p.waitReady(ctx, run.base); err != nil {
		return fmt.Errorf("%w (log: %s)", err, tail(run.logPath))
	}
	return nil
}

// verify counts the acknowledged writes and how many of them the database
// does not have.
func (run *scenarioRun) verify(ctx context.Context, outcomes []outcome) (acked, lost int, err error) {
	d, err := openDB(ctx, run.dbURL)
	if err != nil {
		return 0, 0, err
	}
	defer d.Close(context.WithoutCancel(ctx))
	rows, err := d.Query(ctx, `SELECT "id" FROM "ContactMessage"`)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return 0, 0, err
		}
		stored[id] = true
	}
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	for _, o := range outcomes {
		if o.id != "" {
			acked++
			if !stored[o.id] {
				lost++
			}
		}
	}
	return acked, lost, nil
}

// recovery is the time from healed to the end of the first acknowledged
// write that started after it; -1 when there is none. Writes, because
// public reads may be answered from the last good copy all along.
func recovery(outcomes []outcome, healed time.Time) time.Duration {
	best := time.Duration(-1)
	for _, o := range outcomes {
		if o.write && o.status == 201 && !o.start.Before(healed) {
			if d := o.end.Sub(healed); best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

// The faults.

// killSmmm kills smmm; heal starts it again, and the recovery time includes
// its start.
func killSmmm(_ context.Context, run *scenarioRun) (func() error, error) {
	run.proc.kill()
	return func() error {
		p, err := startSmmm(run.bin, run.env, run.logPath)
		if err != nil {
			return err
		}
		run.proc = p
		return nil
	}, nil
}

func addLatency(d time.Duration) func(context.Context, *scenarioRun) (func() error, error) {
	return func(_ context.Context, run *scenarioRun) (func() error, error) {
		run.proxy.setLatency(d)
		return func() error { run.proxy.setLatency(0); return nil }, nil
	}
}

func blackhole(_ context.Context, run *scenarioRun) (func() error, error) {
	run.proxy.blackhole()
	return func() error { run.proxy.heal(); return nil }, nil
}

func resets(ctx context.Context, run *scenarioRun) (func() error, error) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan int)
	go func() {
		n := 0
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			n += run.proxy.reset()
			select {
			case <-ctx.Done():
				done <- n
				return
			case <-t.C:
			}
		}
	}()
	return func() error {
		cancel()
		run.notes = append(run.notes, fmt.Sprintf("%d connections reset", <-done))
		return nil
	}, nil
}

func restartPostgres(ctx context.Context, run *scenarioRun) (func() error, error) {
	version, err := postgresVersion()
	if err != nil {
		return nil, err
	}
	if err := command(ctx, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", "-m", "fast"); err != nil {
		return nil, err
	}
	return func() error {
		if err := command(ctx, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"); err != nil {
			return err
		}
		return waitFor(ctx, "PostgreSQL", func() bool { return command(ctx, "pg_isready", "-q", "-h", "127.0.0.1") == nil })
	}, nil
}

func restartMariaDB(ctx context.Context, run *scenarioRun) (func() error, error) {
	if err := command(ctx, "mysqladmin", "-h127.0.0.1", "-uroot", "shutdown"); err != nil {
		return nil, err
	}
	return func() error {
		// As .ci/run starts it.
		for _, c := range [][]string{
			{"install", "-d", "-o", "mysql", "-g", "mysql", "-m", "0755", "/run/mysqld"},
			{"start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd", "--", "--user=mysql"},
		} {
			if err := command(ctx, c[0], c[1:]...); err != nil {
				return err
			}
		}
		return waitFor(ctx, "MariaDB", func() bool {
			return command(ctx, "mysqladmin", "--connect-timeout=2", "-h127.0.0.1", "-uroot", "ping") == nil
		})
	}, nil
}

// fillDisk fills the small disk of the SQLite database with a file until
// the disk is full; heal removes the file.
func fillDisk(_ context.Context, run *scenarioRun) (func() error, error) {
	dir := strings.TrimPrefix(filepath.Dir(run.dbURL), "file:")
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			break // ENOSPC: full
		}
	}
	f.Close()
	return func() error { return os.Remove(filler) }, nil
}

// mountSmallDisk mounts a 16 MiB tmpfs at dir (root only).
func mountSmallDisk(dir string) (unmount func(), err error) {
	if os.Geteuid() != 0 {
		return nil, &skipError{"needs root to mount a small tmpfs"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir).CombinedOutput(); err != nil {
		return nil, &skipError{fmt.Sprintf("cannot mount a tmpfs: %v: %s", err, strings.TrimSpace(string(out)))}
	}
	return func() { _ = exec.Command("umount", "-l", dir).Run() }, nil // a lazy unmount cannot fail on a busy disk
}

// Helpers.

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func command(ctx context.Context, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

func waitFor(ctx context.Context, what string, up func() bool) error {
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); sleep(ctx, 100*time.Millisecond) {
		if up() {
			return nil
		}
	}
	return fmt.Errorf("%s did not come back within 60 s", what)
}

func postgresVersion() (string, error) {
	entries, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(entries) == 0 {
		return "", fmt.Errorf("no PostgreSQL cluster under /etc/postgresql: %v", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names[len(names)-1], nil
}

func withParams(rawURL, params string) string {
	if strings.Contains(rawURL, "?") {
		return rawURL + "&" + params
	}
	return rawURL + "?" + params
}

// openDB opens a small pool on rawURL, for chaos's own statements.
func openDB(ctx context.Context, rawURL string) (*db.DB, error) {
	cfg, err := db.ParseURL(rawURL, db.Production)
	if err != nil {
		return nil, err
	}
	return db.Open(ctx, cfg, db.Options{})
}

// createDatabase creates a database with a random name on the server of
// serverURL and returns its URL and a drop function.
func createDatabase(ctx context.Context, serverURL string, d db.Dialect) (string, func(), error) {
	admin, err := openDB(ctx, serverURL)
	if err != nil {
		return "", nil, err
	}
	name := "smmm_chaos_" + randomKey()[:12]
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		return "", nil, err
	}
	admin.Close(ctx)
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		a, err := openDB(ctx, serverURL)
		if err != nil {
			logf("drop %s: %v", name, err)
			return
		}
		defer a.Close(ctx)
		stmt := "DROP DATABASE IF EXISTS " + name
		if d == db.Postgres {
			stmt += " WITH (FORCE)"
		}
		if _, err := a.Exec(ctx, stmt); err != nil {
			logf("drop %s: %v", name, err)
		}
	}
	return u.String(), drop, nil
}

// tail returns the last lines of a log file.
func tail(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	b, _ := io.ReadAll(f) // what was read is what there is
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}
