package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/migrations/prismatest"
)

// TestMain lets tests run the real program as a separate process: the test
// binary re-executes itself with SMMM_TEST_MAIN=1 and runs main.
func TestMain(m *testing.M) {
	if os.Getenv("SMMM_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// command returns the smmm program as a child process with env added to a
// clean environment. It is killed two minutes after it was made, so that no
// wait for it (Wait, Output, reading its pipes) outlasts that.
func command(t *testing.T, env map[string]string, args ...string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	// GORACE: a -race binary otherwise sleeps a second before exiting.
	cmd.Env = []string{"SMMM_TEST_MAIN=1", "GORACE=atexit_sleep_ms=0", "PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	return cmd
}

// syncBuffer is a bytes.Buffer safe for one writer and many readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var listeningRE = regexp.MustCompile(`listening on (http://\S+)`)

// appliedRE matches migrate's report of the migrations it applied.
var appliedRE = regexp.MustCompile(`applied (\d+) migration\(s\)`)

// startServe runs `run serve` in-process with getenv from env and returns the
// base URL, the output and a stop function that cancels and waits for run's
// error.
func startServe(t *testing.T, env map[string]string) (base string, stdout *syncBuffer, stop func() error) {
	t.Helper()
	env["PORT"] = "0"
	getenv := func(k string) string { return env[k] }
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"smmm"}, getenv, strings.NewReader(""), stdout, stderr) }()
	deadline := time.After(30 * time.Second)
	for {
		if m := listeningRE.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("run returned before serving: %v\nstderr:\n%s", err, stderr.String())
		case <-deadline:
			cancel()
			t.Fatalf("not serving after 30s\nstderr:\n%s", stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	waitReady(t, base, done, stderr)
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(time.Minute): // SHUTDOWN_TIMEOUT is 15 s by default
				runErr = errors.New("serve did not stop within a minute of its context ending")
			}
		})
		return runErr
	}
	t.Cleanup(func() { stop() })
	return base, stdout, stop
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	res, err := (&http.Client{Timeout: 30 * time.Second}).Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", url, err)
	}
	return res.StatusCode
}

func TestServeSQLite(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DATABASE_URL": "file:" + filepath.Join(dir, "data", "smmm.db")}
	base, stdout, stop := startServe(t, env)

	var health struct {
		Status string `json:"status"`
		DB     struct {
			OK        bool     `json:"ok"`
			LatencyMs *float64 `json:"latencyMs"`
		} `json:"db"`
	}
	if code := getJSON(t, base+"/api/health", &health); code != 200 || health.Status != "ok" || !health.DB.OK || health.DB.LatencyMs == nil {
		t.Errorf("GET /api/health = %d %+v, want 200 ok with latencyMs", code, health)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "smmm.db")); err != nil {
		t.Errorf("database file: %v", err)
	}
	if n := strings.Count(stdout.String(), "password: "); n != 1 {
		t.Errorf("first start printed the admin password %d times, want once:\n%s", n, stdout.String())
	}
	if err := stop(); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}

	// A restart on the same database finds the admin and prints nothing.
	_, stdout, stop = startServe(t, env)
	if strings.Contains(stdout.String(), "password: ") {
		t.Errorf("second start printed a password:\n%s", stdout.String())
	}
	if err := stop(); err != nil {
		t.Fatalf("second run = %v", err)
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantMsg string
	}{
		{"unknown scheme", map[string]string{"DATABASE_URL": "oracle://u:s3cret-pw@h/db"}, "DATABASE_URL"},
		{"bad port", map[string]string{"DATABASE_URL": "postgres://u:s3cret-pw@h:99999/db"}, "DATABASE_URL"},
		{"unknown param", map[string]string{"DATABASE_URL": "postgres://u:s3cret-pw@h/db?conection_limit=5"}, "conection_limit"},
		{"bad limit", map[string]string{"DATABASE_URL": "mysql://u:s3cret-pw@h/db?connection_limit=-1"}, "connection_limit"},
		{"bad pool size", map[string]string{"DB_POOL_SIZE": "lots"}, "DB_POOL_SIZE"},
		{"bad env", map[string]string{"APP_ENV": "staging"}, "APP_ENV"},
		{"bad port var", map[string]string{"PORT": "http"}, "PORT"},
		{"bad timeout", map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, "SHUTDOWN_TIMEOUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"smmm", "serve"}, func(k string) string { return tt.env[k] }, strings.NewReader(""), &stdout, &stderr)
			if err == nil {
				t.Fatal("run succeeded, want a configuration error")
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not name %q", err, tt.wantMsg)
			}
			all := err.Error() + stdout.String() + stderr.String()
			if strings.Contains(all, "s3cret-pw") {
				t.Errorf("the password leaked: %s", all)
			}
			if strings.Contains(stdout.String(), "listening") {
				t.Error("served despite the bad configuration")
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"migrate", "sideways"}, {"serve", "--bogus"}, {"user", "create", "--email", "not-an-email"}} {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"smmm"}, args...), func(string) string { return "" }, strings.NewReader(""), &out, &out)
		if exitCode(err) != 2 {
			t.Errorf("%v: err = %v (exit %d), want a usage error (exit 2)", args, err, exitCode(err))
		}
	}
}

func TestSignalExitsPromptly(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := command(t, map[string]string{"DATABASE_URL": "file:" + filepath.Join(t.TempDir(), "s.db"), "PORT": "0"})
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			serving := false
			for sc.Scan() {
				if listeningRE.MatchString(sc.Text()) {
					serving = true
					break
				}
			}
			if !serving {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("never served; stderr:\n%s", stderr.String())
			}
			go io.Copy(io.Discard, out)
			start := time.Now()
			cmd.Process.Signal(sig)
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			select {
			case err := <-waited:
				if err != nil {
					t.Errorf("exit after %s: %v, want status 0; stderr:\n%s", sig, err, stderr.String())
				}
				t.Logf("exited %s after the signal", time.Since(start))
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10s after %s", sig)
			}
		})
	}
}

// TestConcurrentMigrate starts four `smmm migrate` processes at the same
// moment against one fresh database: all must succeed and every migration
// must be recorded once.
func TestConcurrentMigrate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		url := dbtest.URL(t, d)
		const n = 4
		cmds := make([]*exec.Cmd, n)
		outs := make([]*syncBuffer, n)
		for i := range cmds {
			cmds[i] = command(t, map[string]string{"DATABASE_URL": url})
			cmds[i].Args = append(cmds[i].Args, "migrate")
			outs[i] = &syncBuffer{}
			cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
		}
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Errorf("migrate #%d: %v\n%s", i, err, outs[i].String())
			}
		}
		pool := dbtest.Open(t, url, nil, db.Options{})
		rows, err := pool.Query(context.Background(), `SELECT version_id, COUNT(*) FROM goose_db_version WHERE version_id > 0 GROUP BY version_id ORDER BY version_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var versions []int64
		for rows.Next() {
			var v, c int64
			if err := rows.Scan(&v, &c); err != nil {
				t.Fatal(err)
			}
			if c != 1 {
				t.Errorf("version %d recorded %d times", v, c)
			}
			versions = append(versions, v)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if len(versions) < 2 {
			t.Errorf("versions applied = %v, want every migration", versions)
		}
		// The runs are serialized by the migrations' lock, SQLite's too:
		// each migration is applied by exactly one of them.
		applied := 0
		for _, o := range outs {
			if m := appliedRE.FindStringSubmatch(o.String()); m != nil {
				n, _ := strconv.Atoi(m[1])
				applied += n
			}
		}
		if applied != len(versions) {
			t.Errorf("the %d runs applied %d migrations in all, want %d (each once)", n, applied, len(versions))
		}

		// Idempotent: a fifth run changes nothing; status lists them applied.
		out, err := command(t, map[string]string{"DATABASE_URL": url}, "migrate").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "up to date") {
			t.Errorf("second migrate: %v\n%s", err, out)
		}
		out, err = command(t, map[string]string{"DATABASE_URL": url}, "migrate", "status").CombinedOutput()
		if err != nil || strings.Contains(string(out), "pending") || !strings.Contains(string(out), "00001") {
			t.Errorf("migrate status: %v\n%s", err, out)
		}
	})
}

func TestUserCreate(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "file:" + filepath.Join(t.TempDir(), "u.db")}
	getenv := func(k string) string { return env[k] }
	var out bytes.Buffer
	if err := run(context.Background(), []string{"smmm", "migrate"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out.String())
	}
	create := func(stdin string) error {
		out.Reset()
		return run(context.Background(), []string{"smmm", "user", "create", "--email", "Office@Example.com", "--name", "Ofis"}, getenv, strings.NewReader(stdin), &out, &out)
	}
	if err := create("long-enough-pw\n"); err != nil {
		t.Fatalf("user create: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "office@example.com") {
		t.Errorf("output %q does not name the lowercased email", out.String())
	}
	if err := create("another-password\n"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("duplicate user create = %v, want 'already exists'", err)
	}
	if err := create("short\n"); err == nil {
		t.Error("user create accepted a 5-character password")
	}
	if err := create(""); err == nil {
		t.Error("user create accepted an empty stdin")
	}

	passwd := func(email, stdin string) error {
		out.Reset()
		return run(context.Background(), []string{"smmm", "user", "passwd", "--email", email}, getenv, strings.NewReader(stdin), &out, &out)
	}
	if err := passwd("office@example.com", "new-password-2\n"); err != nil {
		t.Errorf("user passwd: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "new-password-2") {
		t.Errorf("user passwd printed the password: %s", out.String())
	}
	if err := passwd("nobody@example.com", "new-password-3\n"); err == nil {
		t.Error("user passwd succeeded for an unknown email")
	}
	if err := passwd("office@example.com", "short\n"); err == nil {
		t.Error("user passwd accepted a 5-character password")
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"smmm", "version"}, func(string) string { return "" }, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "smmm ") || !strings.Contains(out.String(), "go") {
		t.Errorf("version output %q", out.String())
	}
}

// readyWithin bounds the wait for a server to be ready. Startup hashes the
// admin's password at bcrypt cost 12, which takes seconds under the race
// detector and longer still while other test binaries share the two cores.
const readyWithin = 2 * time.Minute

// waitReady polls /readyz until it answers 200, failing the test with the
// server's log if run returns first or it takes more than readyWithin.
func waitReady(t *testing.T, base string, done <-chan error, log fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(readyWithin)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("run returned before ready: %v", err)
		default:
		}
		if res, err := (&http.Client{Timeout: 5 * time.Second}).Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("not ready after %s\nlog:\n%s", readyWithin, log)
}

// TestMigrateDownKeepsAdoptedTables: on a database adopted from the
// original system, migrate down stops before dropping its tables.
func TestMigrateDownKeepsAdoptedTables(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("the original system ran on PostgreSQL or MySQL")
		}
		url := dbtest.URL(t, d)
		pool := dbtest.Open(t, url, nil, db.Options{})
		if err := prismatest.Load(context.Background(), pool.SQL(), d.String()); err != nil {
			t.Fatal(err)
		}
		getenv := func(k string) string { return map[string]string{"DATABASE_URL": url}[k] }
		var out bytes.Buffer
		if err := run(context.Background(), []string{"smmm", "migrate"}, getenv, nil, &out, &out); err != nil {
			t.Fatalf("migrate: %v\n%s", err, out.String())
		}
		var err error
		for range 10 {
			if err = run(context.Background(), []string{"smmm", "migrate", "down"}, getenv, nil, &out, &out); err != nil {
				break
			}
		}
		if err == nil || !strings.Contains(err.Error(), "adopted") {
			t.Fatalf("migrate down all the way = %v, want a refusal to drop the adopted tables", err)
		}
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT COUNT(*) FROM "ContactMessage"`).Scan(&n); err != nil || n != 3 {
			t.Errorf("ContactMessage rows after the refused rollback = %d, %v; want the fixture's 3", n, err)
		}
	})
}

// TestRefuseDroppingAdoptedFailsClosed: when the guard cannot read the
// database, it refuses, and a fresh smmm database (no _prisma_migrations)
// may roll back.
func TestRefuseDroppingAdoptedFailsClosed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := context.Background()
		cfg, err := db.ParseURL(dbtest.URL(t, d), db.Production)
		if err != nil {
			t.Fatal(err)
		}
		pool, err := db.Open(ctx, cfg, db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := migrations.Up(ctx, pool.SQL(), d.String(), nil); err != nil {
			t.Fatal(err)
		}
		for range 10 { // down to 00001, which the guard protects
			if n, _ := migrations.Pending(ctx, pool.SQL(), d.String()); n == len(mustStatus(t, pool))-1 {
				break
			}
			if err := migrations.Down(ctx, pool.SQL(), d.String(), nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := refuseDroppingAdopted(ctx, pool); err != nil {
			t.Errorf("fresh smmm database: guard = %v, want nil", err)
		}
		pool.Close(ctx)
		if err := refuseDroppingAdopted(ctx, pool); err == nil {
			t.Error("guard over a closed pool = nil, want a refusal")
		}
	})
}

func mustStatus(t *testing.T, pool *db.DB) []migrations.Migration {
	t.Helper()
	list, err := migrations.Status(context.Background(), pool.SQL(), pool.Dialect().String())
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"serve", "--help"}, {"migrate", "-h"}, {"doctor", "-h"}} {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"smmm"}, args...), func(string) string { return "" }, strings.NewReader(""), &out, &out)
		if code := exitCode(err); code != 0 {
			t.Errorf("%v: err = %v (exit %d), want exit 0", args, err, code)
		}
		if !strings.Contains(out.String(), "sage") {
			t.Errorf("%v printed no usage: %q", args, out.String())
		}
	}
}

func TestServeNoMigrateRefusesBeforeListening(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "file:" + filepath.Join(t.TempDir(), "fresh.db"), "PORT": "0"}
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := run(ctx, []string{"smmm", "serve", "--no-migrate"}, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "pending and --no-migrate given") {
		t.Fatalf("serve --no-migrate on a fresh database: err = %v, want the pending migrations named", err)
	}
	if strings.Contains(stdout.String(), "listening") {
		t.Errorf("serve announced %q before refusing", stdout.String())
	}
}

// TestMigrateHandback: `migrate handback` drops smmm's own objects and keeps
// every row, says how to baseline a database smmm made, does nothing the
// second time, and a later `migrate` takes the database back.
func TestMigrateHandback(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		url := dbtest.URL(t, d)
		getenv := func(k string) string { return map[string]string{"DATABASE_URL": url}[k] }
		smmm := func(args ...string) (string, error) {
			var out bytes.Buffer
			err := run(ctx, append([]string{"smmm"}, args...), getenv, strings.NewReader(""), &out, &out)
			return out.String(), err
		}
		if out, err := smmm("migrate"); err != nil {
			t.Fatalf("migrate: %v\n%s", err, out)
		}
		pool := dbtest.Open(t, url, nil, db.Options{})
		if _, err := pool.Exec(ctx, `INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "updatedAt") VALUES ('c1', 'Ayşe', 'a@example.com', '05325554433', 'Konu', 'Mesaj', CURRENT_TIMESTAMP)`); err != nil {
			t.Fatal(err)
		}

		out, err := smmm("migrate", "handback")
		if err != nil {
			t.Fatalf("migrate handback: %v\n%s", err, out)
		}
		for _, want := range []string{`table "RateLimit"`, "goose_db_version", "prisma migrate resolve --applied 20251101125707_init"} {
			if !strings.Contains(strings.ReplaceAll(out, "`", `"`), want) {
				t.Errorf("handback's report does not mention %s:\n%s", want, out)
			}
		}
		var n int
		if err := pool.QueryRow(ctx, `SELECT COUNT(*) FROM "ContactMessage"`).Scan(&n); err != nil || n != 1 {
			t.Errorf("ContactMessage rows after handback = %d, %v; want 1", n, err)
		}
		if _, err := pool.Exec(ctx, `SELECT 1 FROM goose_db_version`); err == nil {
			t.Error("the version table is still there after handback")
		}

		if out, err := smmm("migrate", "handback"); err != nil || !strings.Contains(out, "handed back already") {
			t.Errorf("second handback = %v\n%s; want nothing to do", err, out)
		}
		if out, err := smmm("migrate"); err != nil {
			t.Fatalf("migrate after handback: %v\n%s", err, out)
		}
		if err := pool.QueryRow(ctx, `SELECT COUNT(*) FROM "ContactMessage"`).Scan(&n); err != nil || n != 1 {
			t.Errorf("ContactMessage rows after migrating again = %d, %v; want 1", n, err)
		}
	})
}

// TestMigrateRefusesAnotherVariant: `migrate` on a database that holds a
// later variant of the original's schema (lower-case tables) exits 1 with a
// message naming them, and creates nothing.
func TestMigrateRefusesAnotherVariant(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		url := dbtest.URL(t, d)
		pool := dbtest.Open(t, url, nil, db.Options{})
		if _, err := pool.Exec(ctx, `CREATE TABLE "contactmessage" ("id" VARCHAR(191) NOT NULL PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		getenv := func(k string) string { return map[string]string{"DATABASE_URL": url}[k] }
		var out bytes.Buffer
		err := run(ctx, []string{"smmm", "migrate"}, getenv, strings.NewReader(""), &out, &out)
		if exitCode(err) != 1 || !strings.Contains(fmt.Sprint(err), "contactmessage") {
			t.Fatalf("migrate = %v (exit %d), want exit 1 naming contactmessage\n%s", err, exitCode(err), out.String())
		}
		var tables int
		q := map[db.Dialect]string{
			db.SQLite:   `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'`,
			db.Postgres: `SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()`,
			db.MySQL:    `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
		}[d]
		if err := pool.QueryRow(ctx, q).Scan(&tables); err != nil || tables != 1 {
			t.Errorf("tables after the refused migrate = %d, %v; want only contactmessage", tables, err)
		}
	})
}
