package migrations_test

// Fresh-database helpers over dbtest: each call gives its own *sql.DB,
// as a separate process would have.

import (
	"database/sql"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite"

	"smmm/db"
	"smmm/db/dbtest"
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

// freshDB creates an empty database of dialect through dbtest, dropped when
// the test ends. PostgreSQL and MySQL tests are skipped unless
// SMMM_TEST_POSTGRES_URL or SMMM_TEST_MYSQL_URL is set, and fail when CI is
// set and they are not.
func freshDB(t testing.TB, dialect string) testDB {
	t.Helper()
	switch dialect {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "smmm.db")
		return testDB{dialect: "sqlite", driver: "sqlite", dsn: sqliteDSN(path)}
	case "postgres", "mysql":
		d := db.Postgres
		if dialect == "mysql" {
			d = db.MySQL
		}
		driver, dsn := dbtest.DriverDSN(t, d, dbtest.URL(t, d))
		return testDB{dialect: dialect, driver: driver, dsn: dsn}
	}
	t.Fatalf("freshDB: unknown dialect %q", dialect)
	return testDB{}
}

// sqliteDSN is a modernc.org/sqlite DSN with the pragmas the app uses.
func sqliteDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)"
}
