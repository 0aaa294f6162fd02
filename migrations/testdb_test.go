package migrations_test

// Fresh-database helpers. They are meant to move to a shared test package.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// testDB names one fresh database of one dialect.
type testDB struct {
	dialect string // "postgres", "mysql" or "sqlite"
	driver  string // database/sql driver name
	dsn     string
}

// open returns a new connection pool on db, closed when the test ends. Each
// call returns its own pool, as a separate process would have.
func (db testDB) open(t testing.TB) *sql.DB {
	t.Helper()
	sqlDB, err := sql.Open(db.driver, db.dsn)
	if err != nil {
		t.Fatalf("sql.Open(%s): %v", db.driver, err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return sqlDB
}

// allDialects lists the dialects every schema test runs against.
var allDialects = []string{"sqlite", "postgres", "mysql"}

// serverDialects lists the dialects with a server.
var serverDialects = []string{"postgres", "mysql"}

// freshDB creates an empty database of dialect, dropped when the test ends.
// PostgreSQL and MySQL tests are skipped unless SMMM_TEST_POSTGRES_URL or
// SMMM_TEST_MYSQL_URL is set.
func freshDB(t testing.TB, dialect string) testDB {
	t.Helper()
	switch dialect {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "smmm.db")
		return testDB{dialect: "sqlite", driver: "sqlite", dsn: sqliteDSN(path)}
	case "postgres":
		return freshPostgres(t, envOrSkip(t, "SMMM_TEST_POSTGRES_URL"))
	case "mysql":
		return freshMySQL(t, envOrSkip(t, "SMMM_TEST_MYSQL_URL"))
	}
	t.Fatalf("freshDB: unknown dialect %q", dialect)
	return testDB{}
}

func envOrSkip(t testing.TB, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Skip(name + " not set")
	}
	return v
}

// sqliteDSN is a modernc.org/sqlite DSN with the pragmas the app uses.
func sqliteDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)"
}

// randomName returns a database name unlikely to collide: smmm_t_<hex>.
func randomName(t testing.TB) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "smmm_t_" + hex.EncodeToString(b)
}

func freshPostgres(t testing.TB, baseURL string) testDB {
	t.Helper()
	u, err := url.Parse(baseURL)
	if err != nil {
		t.Fatalf("SMMM_TEST_POSTGRES_URL: %v", err)
	}
	admin, err := sql.Open("pgx", baseURL)
	if err != nil {
		t.Fatalf("open %s: %v", u.Redacted(), err)
	}
	defer admin.Close()

	name := randomName(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		t.Fatalf("create database %s on %s: %v", name, u.Redacted(), err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", baseURL)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})

	u.Path = "/" + name
	return testDB{dialect: "postgres", driver: "pgx", dsn: u.String()}
}

func freshMySQL(t testing.TB, baseURL string) testDB {
	t.Helper()
	cfg, err := mysqlConfig(baseURL)
	if err != nil {
		t.Fatalf("SMMM_TEST_MYSQL_URL: %v", err)
	}
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatalf("open mysql: %v", err)
	}
	defer admin.Close()

	name := randomName(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE `"+name+"` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("mysql", cfg.FormatDSN())
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS `"+name+"`"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})

	cfg.DBName = name
	return testDB{dialect: "mysql", driver: "mysql", dsn: cfg.FormatDSN()}
}

// mysqlConfig turns mysql://user:pass@host:port/db?params into a
// go-sql-driver configuration with the session settings the app uses:
// parseTime, UTC, utf8mb4_unicode_ci and sql_mode ANSI_QUOTES (so that
// "QuotedIdentifiers" work as on PostgreSQL and SQLite) with strict tables.
// Query parameters of the URL are ignored.
func mysqlConfig(rawURL string) (*mysql.Config, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "mysql" {
		return nil, fmt.Errorf("scheme %q, want mysql", u.Scheme)
	}
	cfg := mysql.NewConfig()
	cfg.Net = "tcp"
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "3306"
	}
	cfg.Addr = net.JoinHostPort(host, port)
	if u.User != nil {
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
	}
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	if err := cfg.Apply(mysql.Charset("utf8mb4", "utf8mb4_unicode_ci")); err != nil {
		return nil, err
	}
	cfg.Params = map[string]string{"sql_mode": "'ANSI_QUOTES,STRICT_ALL_TABLES'"}
	return cfg, nil
}

func TestMySQLConfig(t *testing.T) {
	tests := []struct {
		name, url                    string
		user, passwd, addr, database string
	}{
		{"local root", "mysql://root@127.0.0.1:3306/test", "root", "", "127.0.0.1:3306", "test"},
		{"escaped password, default port", "mysql://app:p%40ss%3Aw@db.example/smmm", "app", "p@ss:w", "db.example:3306", "smmm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := mysqlConfig(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			// Round trip through the DSN the driver actually gets.
			got, err := mysql.ParseDSN(cfg.FormatDSN())
			if err != nil {
				t.Fatalf("ParseDSN(%q): %v", cfg.FormatDSN(), err)
			}
			if got.User != tt.user || got.Passwd != tt.passwd || got.Addr != tt.addr || got.DBName != tt.database {
				t.Errorf("user, password, addr, db = %q, %q, %q, %q; want %q, %q, %q, %q",
					got.User, got.Passwd, got.Addr, got.DBName, tt.user, tt.passwd, tt.addr, tt.database)
			}
			if !got.ParseTime || got.Loc != time.UTC || got.Collation != "utf8mb4_unicode_ci" {
				t.Errorf("parseTime, loc, collation = %v, %v, %q; want true, UTC, utf8mb4_unicode_ci", got.ParseTime, got.Loc, got.Collation)
			}
			if mode := got.Params["sql_mode"]; mode != "'ANSI_QUOTES,STRICT_ALL_TABLES'" {
				t.Errorf("sql_mode = %q, want 'ANSI_QUOTES,STRICT_ALL_TABLES'", mode)
			}
		})
	}
	if _, err := mysqlConfig("postgres://x@y/z"); err == nil {
		t.Error("mysqlConfig accepted a postgres:// URL")
	}
}
