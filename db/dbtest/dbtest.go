// Package dbtest gives tests a fresh, empty database of each dialect.
//
// SQLite always runs, in t.TempDir(). PostgreSQL and MySQL run when
// SMMM_TEST_POSTGRES_URL / SMMM_TEST_MYSQL_URL name a server (any database on
// it; each test creates its own database there and drops it afterwards), and
// are skipped with a message otherwise. When the CI variable is set a
// missing variable or an unreachable server fails the test instead: CI must
// exercise every database. PgBouncerURL does the same for PostgreSQL behind
// PgBouncer in transaction mode (SMMM_TEST_PGBOUNCER_URL, started by
// .ci/pgbouncer).
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"

	"smmm/db"
)

// Environment variables naming the test servers.
const (
	PostgresEnv = "SMMM_TEST_POSTGRES_URL"
	MySQLEnv    = "SMMM_TEST_MYSQL_URL"
	// PgBouncerEnv names a PgBouncer in transaction mode in front of the
	// PostgresEnv server that routes every database name to the database
	// of that name there (a "*" entry), as .ci/pgbouncer starts it:
	// postgres://postgres@127.0.0.1:6432/smmm_ci?sslmode=disable&pgbouncer=true.
	PgBouncerEnv = "SMMM_TEST_PGBOUNCER_URL"
)

// Dialects lists every dialect, SQLite first.
var Dialects = []db.Dialect{db.SQLite, db.Postgres, db.MySQL}

// Each runs fn as a subtest per dialect ("sqlite", "postgres", "mysql").
func Each(t *testing.T, fn func(t *testing.T, d db.Dialect)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d.String(), func(t *testing.T) { fn(t, d) })
	}
}

// ServerURL returns the server URL for d from the environment, skipping the
// test when it is unset (failing it under CI). It returns "" for SQLite.
func ServerURL(t testing.TB, d db.Dialect) string {
	t.Helper()
	env := map[db.Dialect]string{db.Postgres: PostgresEnv, db.MySQL: MySQLEnv}[d]
	if env == "" {
		return ""
	}
	u := os.Getenv(env)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI must run the %s tests", env, d)
		}
		t.Skipf("%s not set; skipping %s tests", env, d)
	}
	return u
}

// URL creates a fresh empty database of dialect d and returns its URL with
// params appended (like "connection_limit=5"). The database is dropped when
// the test ends.
func URL(t testing.TB, d db.Dialect, params ...string) string {
	t.Helper()
	var out string
	if d == db.SQLite {
		out = "file:" + filepath.Join(t.TempDir(), "test.db")
	} else {
		out = createDatabase(t, d, ServerURL(t, d))
	}
	if len(params) > 0 {
		sep := "?"
		if strings.Contains(out, "?") {
			sep = "&"
		}
		out += sep + strings.Join(params, "&")
	}
	return out
}

// PgBouncerURL creates a fresh empty PostgreSQL database on the PostgresEnv
// server and returns its URL through the PgBouncer named by PgBouncerEnv,
// with pgbouncer=true and params appended. The test is skipped when either
// variable is unset, and fails under CI. The database is dropped when the
// test ends.
func PgBouncerURL(t testing.TB, params ...string) string {
	t.Helper()
	raw := os.Getenv(PgBouncerEnv)
	if raw == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI must run the PgBouncer tests (see .ci/pgbouncer)", PgBouncerEnv)
		}
		t.Skipf("%s not set; skipping PgBouncer tests", PgBouncerEnv)
	}
	bouncer, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("bad %s: %v", PgBouncerEnv, err)
	}
	direct, err := url.Parse(URL(t, db.Postgres))
	if err != nil {
		t.Fatal(err)
	}
	bouncer.Path = direct.Path
	q := bouncer.Query()
	q.Set("pgbouncer", "true")
	bouncer.RawQuery = q.Encode()
	out := bouncer.String()
	if len(params) > 0 {
		out += "&" + strings.Join(params, "&")
	}
	return out
}

// Name returns the database name or SQLite path of a URL made by URL.
func Name(t testing.TB, rawURL string) string {
	t.Helper()
	cfg, err := db.ParseURL(rawURL, db.Production)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Database
}

// Open parses rawURL with the production profile, applies edit (if any) and
// opens a private pool that is closed when the test ends.
func Open(t testing.TB, rawURL string, edit func(*db.Config), opts db.Options) *db.DB {
	t.Helper()
	cfg, err := db.ParseURL(rawURL, db.Production)
	if err != nil {
		t.Fatalf("ParseURL: %v", err)
	}
	if edit != nil {
		edit(&cfg)
	}
	d, err := db.Open(context.Background(), cfg, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		d.Close(ctx)
	})
	return d
}

// Admin opens a plain *sql.DB to the server behind rawURL (its own
// database), for tests that look at the server's view: pg_stat_activity,
// PROCESSLIST, killing connections. It is closed when the test ends.
func Admin(t testing.TB, d db.Dialect, rawURL string) *sql.DB {
	t.Helper()
	driverName, dsn := DriverDSN(t, d, rawURL)
	a, err := sql.Open(driverName, dsn)
	if err != nil {
		t.Fatal(err)
	}
	a.SetMaxOpenConns(2)
	t.Cleanup(func() { a.Close() })
	return a
}

func createDatabase(t testing.TB, d db.Dialect, server string) string {
	t.Helper()
	admin := Admin(t, d, server)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		t.Fatalf("%s test server unreachable (check the URL in the environment): %v", d, err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "smmm_t_" + hex.EncodeToString(b[:])
	create := `CREATE DATABASE "` + name + `"`
	drop := `DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`
	if d == db.MySQL {
		create = "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
		drop = "DROP DATABASE IF EXISTS `" + name + "`"
	}
	if _, err := admin.ExecContext(ctx, create); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		a := Admin(t, d, server)
		if d == db.MySQL {
			killAll(ctx, a, name)
		}
		if _, err := a.ExecContext(ctx, drop); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// killAll ends the sessions still using a MySQL database so DROP does not wait.
func killAll(ctx context.Context, a *sql.DB, name string) {
	rows, err := a.QueryContext(ctx, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", name)
	if err != nil {
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	rows.Close()
	for _, id := range ids {
		a.ExecContext(ctx, "KILL ?", id)
	}
}

// driverDSN converts a URL to a database/sql driver name and DSN.
func DriverDSN(t testing.TB, d db.Dialect, rawURL string) (string, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatalf("bad test URL: %v", err)
	}
	switch d {
	case db.Postgres:
		q := u.Query()
		for k := range q {
			if k != "sslmode" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
		return "pgx", u.String()
	case db.MySQL:
		mc := mysql.NewConfig()
		mc.User = u.User.Username()
		mc.Passwd, _ = u.User.Password()
		mc.Net = "tcp"
		mc.Addr = u.Host
		mc.DBName = strings.TrimPrefix(u.Path, "/")
		mc.ParseTime = true
		mc.Loc = time.UTC
		if err := mc.Apply(mysql.Charset("utf8mb4", "utf8mb4_unicode_ci")); err != nil {
			t.Fatal(err)
		}
		mc.Params = map[string]string{"sql_mode": "'ANSI_QUOTES,STRICT_ALL_TABLES'"}
		return "mysql", mc.FormatDSN()
	}
	t.Fatalf("no server for %s", d)
	return "", ""
}
