// Package migrations holds smmm's database schema as embedded goose SQL
// migrations, one directory per dialect (postgres/, mysql/, sqlite/), and runs
// them with [Up], [Down], [Status] and [Pending]; [Adopted] tells whether a
// database was made by the original system.
//
// # Schema
//
// 00001_init creates the tables of the original Prisma-managed system ("User",
// "Account", "Session", "VerificationToken", "ContactMessage", "AboutSection",
// "AboutFeature") exactly as `prisma migrate` generates them for each database:
// same types, defaults, enum types and constraint and index names. 00002 adds
// the indexes of smmm's own queries; later migrations add smmm's own tables
// ("RateLimit", "IdempotencyKey"). Every one is idempotent (CREATE ... IF NOT
// EXISTS; PostgreSQL's enum types in a DO block that ignores duplicate_object;
// foreign keys inside CREATE TABLE), so running them over a database that
// already holds some or all of these objects creates only what is missing.
//
// Applied versions are recorded in goose's table, [VersionTable]
// ("goose_db_version"). On MySQL, goose reads its timestamps into time.Time,
// so the connection must use parseTime=true.
//
// # Adopting a Prisma database
//
// A database that holds Prisma's `_prisma_migrations` table but no
// [VersionTable] was made by the original system. [Up] adopts it as it is: it
// logs that it does so, reports [Report.Baseline], and applies the migrations,
// which skip every table, type and index Prisma made and add only what is
// missing: the query indexes and smmm's own tables. Existing tables gain at
// most indexes: none is dropped, no column changes, no row is touched, and
// `_prisma_migrations` and tables of the original's own stay as they are.
// The record of the adoption is the version table itself, created next to
// `_prisma_migrations` with every version applied.
//
// Before anything is created, [Up] refuses (with an [*AdoptionError], the
// database unchanged) a database without the version table that holds a
// table named like the original's in other letter case (the original's later
// migrations renamed "User" to "user" and so on: a schema whose columns smmm
// does not know) or whose `_prisma_migrations` records any migration but the
// original's init one.
//
// # Handing a database back
//
// [Handback] is the way back to the original app: at smmm's latest
// migration, it drops exactly smmm's own objects (the indexes 00002 adds to
// the original's tables, smmm's tables "RateLimit" and "IdempotencyKey", and
// the version table) and keeps every table of the original's schema with
// every row. What is left is the original's init migration, table for table
// and column for column.
//
// # Concurrency
//
// Several processes may run [Up] or [Down] against one database at once (a
// fleet starting together): every caller succeeds and each migration is
// applied by exactly one of them. Callers are serialized by a lock held for
// the whole run, and [Up] takes it before goose first touches the database, so
// that creating the version table and the adoption check are serialized too.
// A caller waits for the lock at most 5 minutes, or until its context's
// deadline if sooner. The lock is:
//
//   - PostgreSQL: a session-level advisory lock on the run's connection
//     (goose's session locker, probing every second). Advisory locks are
//     scoped to the database.
//   - MySQL/MariaDB: GET_LOCK on the run's connection, which blocks on the
//     server until the lock is free. The lock's name is "smmm_migrations:"
//     followed by the database name, so databases on one server do not wait
//     for each other.
//   - SQLite: a write transaction on a companion file next to the database
//     (its name plus [SQLiteLockSuffix]), by SQLite's own file locking, which
//     holds between processes and between pools of one process alike and
//     ends with the process. An in-memory or temporary database takes no
//     lock. The application's own writers can still keep a migration
//     waiting past the caller's busy_timeout (the DSN should set one), so
//     [Up] runs again while SQLite reports SQLITE_BUSY, at most busyAttempts
//     (10) runs in all; the migrations are idempotent and the version store
//     records a version once, so running again redoes nothing.
//
// [Status], [Pending] and [Adopted] take no lock and never write: on a
// database without the version table [Status] and [Pending] report every
// migration as pending.
//
// Every error returned by this package starts with "migrations:".
package migrations

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"log/slog"
	"path"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
	"github.com/pressly/goose/v3/lock"

	"smmm/db"
)

// FS holds the migrations of every dialect, in the directories postgres/,
// mysql/ and sqlite/.
//
//go:embed postgres/*.sql mysql/*.sql sqlite/*.sql
var FS embed.FS

// VersionTable is the table in which applied migration versions are recorded.
const VersionTable = "goose_db_version"

// prismaTable is the table Prisma records its own migrations in.
const prismaTable = "_prisma_migrations"

// lockTimeout bounds how long a caller waits for another one's migrations.
const lockTimeout = 5 * time.Minute

// ErrNothingToRollBack is returned by [Down] when no migration is applied.
var ErrNothingToRollBack = errors.New("migrations: no migration to roll back")

// Report describes what one call of [Up] did.
type Report struct {
	// Applied lists the versions this call applied, in order; empty when the
	// schema was already current (or another process brought it up to date).
	Applied []int64
	// Version is the newest version applied to the database after the call.
	Version int64
	// Baseline is true when this call adopted a database created by the
	// original system's Prisma migrations (see the package doc).
	Baseline bool
}

// Migration describes one embedded migration and its state in a database.
type Migration struct {
	// Version is the number the file name starts with.
	Version int64
	// Name is the file name, such as "00001_init.sql".
	Name string
	// Applied tells whether the database has the migration.
	Applied bool
	// AppliedAt is when it was applied, as the database recorded it; zero
	// when not applied.
	AppliedAt time.Time
}

// Up applies every pending migration of dialect ("postgres", "mysql" or
// "sqlite") to sqlDB, adopting a Prisma-made database as described in the
// package doc. It is safe to call from several processes at once. On error the
// Report still lists the versions that were applied before the failure. A nil
// logger discards the log.
func Up(ctx context.Context, sqlDB *sql.DB, dialect string, logger *slog.Logger) (Report, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	d, err := lookupDialect(dialect)
	if err != nil {
		return Report{}, err
	}
	var rep Report
	// The application (or another program) holds SQLite's write lock longer
	// than the caller's busy_timeout, or this run's read snapshot went
	// stale: the migrations are idempotent, so running them again is safe.
	// Waiting too long for the migrations' own lock is not busy (see
	// sqliteLocker): it does not run again.
	again := func(attempt int, err error) bool {
		if !d.retryBusy || !isBusy(err) {
			return false
		}
		logger.Info("database busy, retrying migrations", slog.Int("attempt", attempt), slog.Any("error", err))
		return true
	}
	err = db.Retry(ctx, busyRetry, again, func(ctx context.Context) error {
		r, err := up(ctx, sqlDB, d, logger)
		rep.Applied = append(rep.Applied, r.Applied...)
		rep.Baseline = rep.Baseline || r.Baseline
		rep.Version = r.Version
		return err
	})
	return rep, err
}

// busyRetry bounds how often Up runs when SQLite reports busy: at most
// busyAttempts runs, waiting up to a second between them.
var busyRetry = db.RetryPolicy{Attempts: busyAttempts, Base: 100 * time.Millisecond, Cap: time.Second}

// busyAttempts bounds how often Up runs when SQLite reports busy.
const busyAttempts = 10

func up(ctx context.Context, sqlDB *sql.DB, d *dialectInfo, logger *slog.Logger) (Report, error) {
	lk := &checkingLocker{inner: d.newLocker(sqlDB), dialect: d, checkAdoption: true}
	p, err := newProvider(d, sqlDB, lk)
	if err != nil {
		return Report{}, err
	}

	// goose's Provider.Up first asks HasPending, which creates the version
	// table without taking the lock. Asking for the version first runs that
	// creation, and the adoption check before it, under the lock.
	if _, err := p.GetDBVersion(ctx); err != nil {
		if e, ok := errAdoption(err); ok {
			return Report{}, e
		}
		return Report{}, fmt.Errorf("migrations: up: prepare version table: %w", err)
	}
	var rep Report
	if lk.adopting {
		rep.Baseline = true
		if err := logAdoption(ctx, sqlDB, logger); err != nil {
			return rep, err
		}
	}

	results, err := p.Up(ctx)
	var partial *goose.PartialError
	if errors.As(err, &partial) {
		results = partial.Applied
	}
	for _, r := range results {
		rep.Applied = append(rep.Applied, r.Source.Version)
		logger.Info("migration applied",
			slog.Int64("version", r.Source.Version),
			slog.String("name", path.Base(r.Source.Path)),
			slog.Int64("duration_ms", r.Duration.Milliseconds()))
	}
	if err != nil {
		if partial != nil {
			return rep, fmt.Errorf("migrations: up: %s: %w", path.Base(partial.Failed.Source.Path), partial.Err)
		}
		return rep, fmt.Errorf("migrations: up: %w", err)
	}

	current, _, err := p.GetVersions(ctx)
	if err != nil {
		return rep, fmt.Errorf("migrations: up: read version: %w", err)
	}
	rep.Version = current
	return rep, nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED, from
// modernc.org/sqlite (Code method) or by the text other drivers use.
func isBusy(err error) bool {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		code := coded.Code() & 0xff // primary result code
		return code == 5 || code == 6
	}
	return strings.Contains(err.Error(), "database is locked") || strings.Contains(err.Error(), "database table is locked")
}

// Down rolls back the newest applied migration of dialect. It returns
// [ErrNothingToRollBack] when none is applied. It takes the same lock as [Up].
// Rolling back 00001_init drops every table of the schema with its rows. A nil
// logger discards the log.
func Down(ctx context.Context, sqlDB *sql.DB, dialect string, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	d, err := lookupDialect(dialect)
	if err != nil {
		return err
	}
	exists, err := tableExists(ctx, sqlDB, d, VersionTable)
	if err != nil {
		return fmt.Errorf("migrations: down: %w", err)
	}
	if !exists {
		return ErrNothingToRollBack
	}
	p, err := newProvider(d, sqlDB, &checkingLocker{inner: d.newLocker(sqlDB), dialect: d})
	if err != nil {
		return err
	}
	res, err := p.Down(ctx)
	if errors.Is(err, goose.ErrNoNextVersion) {
		return ErrNothingToRollBack
	}
	if err != nil {
		var partial *goose.PartialError
		if errors.As(err, &partial) {
			return fmt.Errorf("migrations: down: %s: %w", path.Base(partial.Failed.Source.Path), partial.Err)
		}
		return fmt.Errorf("migrations: down: %w", err)
	}
	logger.Info("migration rolled back",
		slog.Int64("version", res.Source.Version),
		slog.String("name", path.Base(res.Source.Path)),
		slog.Int64("duration_ms", res.Duration.Milliseconds()))
	return nil
}

// Status lists every embedded migration of dialect, oldest first, with its
// state in sqlDB. It takes no lock and never writes.
func Status(ctx context.Context, sqlDB *sql.DB, dialect string) ([]Migration, error) {
	d, err := lookupDialect(dialect)
	if err != nil {
		return nil, err
	}
	p, err := newProvider(d, sqlDB, nil)
	if err != nil {
		return nil, err
	}
	exists, err := tableExists(ctx, sqlDB, d, VersionTable)
	if err != nil {
		return nil, fmt.Errorf("migrations: status: %w", err)
	}
	if !exists {
		// Provider.Status would create the version table.
		var list []Migration
		for _, s := range p.ListSources() {
			list = append(list, Migration{Version: s.Version, Name: path.Base(s.Path)})
		}
		return list, nil
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: status: %w", err)
	}
	list := make([]Migration, 0, len(st))
	for _, s := range st {
		m := Migration{Version: s.Source.Version, Name: path.Base(s.Source.Path)}
		if s.State == goose.StateApplied {
			m.Applied = true
			m.AppliedAt = s.AppliedAt
		}
		list = append(list, m)
	}
	return list, nil
}

// Adopted reports whether the database holds Prisma's _prisma_migrations
// table: it was made by the original system, and its tables are not smmm's
// to drop. It reads the catalog; an error means the answer is unknown.
func Adopted(ctx context.Context, sqlDB *sql.DB, dialect string) (bool, error) {
	d, err := lookupDialect(dialect)
	if err != nil {
		return false, err
	}
	ok, err := tableExists(ctx, sqlDB, d, "_prisma_migrations")
	if err != nil {
		return false, fmt.Errorf("migrations: %w", err)
	}
	return ok, nil
}

// Pending returns how many embedded migrations of dialect sqlDB does not have
// yet. Like [Status], it takes no lock and never writes.
func Pending(ctx context.Context, sqlDB *sql.DB, dialect string) (int, error) {
	list, err := Status(ctx, sqlDB, dialect)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range list {
		if !m.Applied {
			n++
		}
	}
	return n, nil
}

// dialectInfo is what this package needs to know about one database.
type dialectInfo struct {
	name  string
	goose goose.Dialect
	// newLocker returns the lock of one run on sqlDB.
	newLocker func(sqlDB *sql.DB) lock.SessionLocker
	// store, when set, replaces goose's version store for the dialect.
	store func() (database.Store, error)
	// retryBusy makes Up run again when the database reports it is busy.
	retryBusy bool
	// existsQuery returns one boolean: whether the table named by the single
	// parameter exists in the connection's current schema or database.
	existsQuery string
}

// pgLockID is the PostgreSQL advisory lock key, distinct from goose's default
// so that other goose users in the same database do not wait for smmm.
var pgLockID = int64(crc32.ChecksumIEEE([]byte("smmm_migrations")))

var dialects = map[string]*dialectInfo{
	"postgres": {
		name:  "postgres",
		goose: goose.DialectPostgres,
		newLocker: func(*sql.DB) lock.SessionLocker {
			l, err := lock.NewPostgresSessionLocker(
				lock.WithLockID(pgLockID),
				lock.WithLockTimeout(1, uint64(lockTimeout/time.Second)),
				lock.WithUnlockTimeout(1, 60),
			)
			if err != nil {
				panic(err) // only for invalid constant options
			}
			return l
		},
		existsQuery: `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1)`,
	},
	"mysql": {
		name:        "mysql",
		goose:       goose.DialectMySQL,
		newLocker:   func(*sql.DB) lock.SessionLocker { return &mysqlLocker{timeout: lockTimeout} },
		existsQuery: `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?)`,
	},
	"sqlite": {
		name:  "sqlite",
		goose: goose.DialectSQLite3,
		newLocker: func(sqlDB *sql.DB) lock.SessionLocker {
			return &sqliteLocker{driver: sqlDB.Driver(), timeout: lockTimeout}
		},
		existsQuery: sqliteExistsQuery,
		store:       newSQLiteStore,
		retryBusy:   true,
	},
}

func lookupDialect(name string) (*dialectInfo, error) {
	d, ok := dialects[name]
	if !ok {
		return nil, fmt.Errorf("migrations: unknown dialect %q (want postgres, mysql or sqlite)", name)
	}
	return d, nil
}

// newProvider returns a goose provider over the dialect's embedded files;
// locker may be nil.
func newProvider(d *dialectInfo, sqlDB *sql.DB, locker lock.SessionLocker) (*goose.Provider, error) {
	if sqlDB == nil {
		return nil, errors.New("migrations: nil *sql.DB")
	}
	fsys, err := fs.Sub(FS, d.name)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	gooseDialect := d.goose
	opts := []goose.ProviderOption{
		goose.WithDisableGlobalRegistry(true),
		// goose logs only when verbose; this keeps its fallback logger quiet too.
		goose.WithSlog(slog.New(slog.DiscardHandler)),
	}
	if d.store != nil {
		store, err := d.store()
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		gooseDialect = goose.DialectCustom
		opts = append(opts, goose.WithStore(store))
	} else {
		opts = append(opts, goose.WithTableName(VersionTable))
	}
	if locker != nil {
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gooseDialect, sqlDB, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

func tableExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, d *dialectInfo, table string) (bool, error) {
	var exists bool
	if err := q.QueryRowContext(ctx, d.existsQuery, table).Scan(&exists); err != nil {
		return false, fmt.Errorf("check table %s: %w", table, err)
	}
	return exists, nil
}

// checkingLocker wraps the dialect's lock. With checkAdoption set, the first
// time it is taken, before goose creates its version table on the same
// connection, it checks whether the database is a Prisma one being adopted.
// goose calls it under its Provider's mutex, one call at a time.
type checkingLocker struct {
	inner         lock.SessionLocker
	dialect       *dialectInfo
	checkAdoption bool
	checked       bool
	adopting      bool
}

func (l *checkingLocker) SessionLock(ctx context.Context, conn *sql.Conn) error {
	if l.inner != nil {
		if err := l.inner.SessionLock(ctx, conn); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	if !l.checkAdoption || l.checked {
		return nil
	}
	adopting, err := l.isAdoption(ctx, conn)
	if err != nil {
		if l.inner != nil {
			err = errors.Join(err, l.inner.SessionUnlock(context.WithoutCancel(ctx), conn))
		}
		return err
	}
	l.checked, l.adopting = true, adopting
	return nil
}

// isAdoption checks a database without the version table with
// checkAdoptable, which refuses what smmm cannot adopt, and reports whether
// it is a Prisma one to adopt.
func (l *checkingLocker) isAdoption(ctx context.Context, conn *sql.Conn) (bool, error) {
	versioned, err := tableExists(ctx, conn, l.dialect, VersionTable)
	if err != nil || versioned {
		return false, err
	}
	return checkAdoptable(ctx, conn, l.dialect)
}

func (l *checkingLocker) SessionUnlock(ctx context.Context, conn *sql.Conn) error {
	if l.inner == nil {
		return nil
	}
	if err := l.inner.SessionUnlock(ctx, conn); err != nil {
		return fmt.Errorf("unlock: %w", err)
	}
	return nil
}

// logAdoption logs what the adopted database's Prisma history says; it only
// reads _prisma_migrations.
func logAdoption(ctx context.Context, sqlDB *sql.DB, logger *slog.Logger) error {
	var (
		applied, unfinished int
		latest              sql.NullString
	)
	const q = `SELECT
		COUNT(CASE WHEN finished_at IS NOT NULL AND rolled_back_at IS NULL THEN 1 END),
		COUNT(CASE WHEN finished_at IS NULL AND rolled_back_at IS NULL THEN 1 END),
		MAX(CASE WHEN finished_at IS NOT NULL AND rolled_back_at IS NULL THEN migration_name END)
		FROM ` + prismaTable
	if err := sqlDB.QueryRowContext(ctx, q).Scan(&applied, &unfinished, &latest); err != nil {
		return fmt.Errorf("migrations: up: read %s: %w", prismaTable, err)
	}
	logger.Info("adopting an existing Prisma database: existing tables and rows are kept, missing objects are created",
		slog.Int("prisma_migrations", applied),
		slog.String("latest_prisma_migration", latest.String))
	if unfinished > 0 {
		logger.Warn("the Prisma database has unfinished (failed) Prisma migrations; adopting it as it is",
			slog.Int("unfinished_prisma_migrations", unfinished))
	}
	return nil
}

// mysqlLocker is a [lock.SessionLocker] on MySQL/MariaDB named locks. GET_LOCK
// waits on the server until the lock is free, so a waiting process continues
// as soon as the holder releases it (or its connection ends).
type mysqlLocker struct {
	timeout time.Duration
	name    string
}

func (l *mysqlLocker) SessionLock(ctx context.Context, conn *sql.Conn) error {
	var database sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT DATABASE()`).Scan(&database); err != nil {
		return fmt.Errorf("read database name: %w", err)
	}
	l.name = mysqlLockName(database.String)

	wait := l.timeout
	if deadline, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(deadline))
	}
	secs := max(int64((wait+time.Second-1)/time.Second), 1) // GET_LOCK(name, 0) would not wait at all
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT GET_LOCK(?, ?)`, l.name, secs).Scan(&got); err != nil {
		return fmt.Errorf("GET_LOCK(%q): %w", l.name, err)
	}
	switch {
	case !got.Valid:
		return fmt.Errorf("GET_LOCK(%q) failed (NULL)", l.name)
	case got.Int64 != 1:
		return fmt.Errorf("GET_LOCK(%q): another migration still holds it after %ds", l.name, secs)
	}
	return nil
}

func (l *mysqlLocker) SessionUnlock(ctx context.Context, conn *sql.Conn) error {
	var released sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT RELEASE_LOCK(?)`, l.name).Scan(&released); err != nil {
		return fmt.Errorf("RELEASE_LOCK(%q): %w", l.name, err)
	}
	if !released.Valid || released.Int64 != 1 {
		return fmt.Errorf("RELEASE_LOCK(%q): lock was not held by this session", l.name)
	}
	return nil
}

// mysqlLockName scopes the lock to one database. Lock names are limited to 64
// characters, so long database names are replaced by a checksum.
func mysqlLockName(database string) string {
	name := "smmm_migrations:" + database
	if len(name) > 64 {
		name = fmt.Sprintf("smmm_migrations:%08x:%.30s", crc32.ChecksumIEEE([]byte(database)), database)
	}
	return name
}

// sqliteLocker serializes migration runs on one SQLite file, between
// processes and within one, by SQLite's own file locking: for the whole run
// it holds a write transaction (BEGIN IMMEDIATE) on a companion database
// next to the file, named after it with [SQLiteLockSuffix], opened with the
// caller's driver. The migrated file cannot hold the lock itself, for goose
// runs every migration in a transaction of its own on the locked
// connection. The operating system drops the lock with the process, so a
// run that crashed leaves nothing to clean up. An in-memory or temporary
// database (no file) belongs to its connection and needs no lock.
type sqliteLocker struct {
	driver  driver.Driver
	timeout time.Duration
	lockDB  *sql.DB
	conn    *sql.Conn
}

// SQLiteLockSuffix is added to a SQLite database's file name to name the
// companion file [Up] and [Down] lock. It stays when they are done: it holds
// no data, and removing it while another process waits on it would let two
// runs hold a lock each.
const SQLiteLockSuffix = "-migrations.lock"

// sqliteLockPoll is how often a run waiting for the lock tries it again:
// SQLite's busy handler cannot be told to stop when the context ends.
var sqliteLockPoll = db.RetryPolicy{Attempts: db.Unlimited, Base: 20 * time.Millisecond, Cap: 250 * time.Millisecond}

func (l *sqliteLocker) SessionLock(ctx context.Context, conn *sql.Conn) error {
	var (
		seq        int
		name, file string
	)
	if err := conn.QueryRowContext(ctx, `PRAGMA database_list`).Scan(&seq, &name, &file); err != nil {
		return fmt.Errorf("read database file: %w", err)
	}
	if file == "" {
		return nil
	}
	path := file + SQLiteLockSuffix
	lockDB := sql.OpenDB(dsnConnector{l.driver, path})
	lockDB.SetMaxOpenConns(1)
	lc, err := lockDB.Conn(ctx)
	if err != nil {
		lockDB.Close()
		return fmt.Errorf("open %s: %w", path, err)
	}
	// No journal file: the transaction never writes.
	if _, err := lc.ExecContext(ctx, `PRAGMA journal_mode = MEMORY`); err != nil {
		lc.Close()
		lockDB.Close()
		return fmt.Errorf("open %s: %w", path, err)
	}
	// Until lockTimeout, as on the other databases, or the caller's
	// deadline if sooner.
	wctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	start := time.Now()
	err = db.Retry(wctx, sqliteLockPoll, func(_ int, err error) bool { return isBusy(err) }, func(ctx context.Context) error {
		_, err := lc.ExecContext(ctx, `BEGIN IMMEDIATE`)
		return err
	})
	if err != nil {
		lc.Close()
		lockDB.Close()
		if isBusy(err) {
			// Not wrapped: Up runs again when busy, and a run that waited
			// its whole lockTimeout must not wait again.
			return fmt.Errorf("another migration of %s still holds %s after %s", file, path, time.Since(start).Round(time.Millisecond))
		}
		return fmt.Errorf("lock %s: %w", path, err)
	}
	l.lockDB, l.conn = lockDB, lc
	return nil
}

func (l *sqliteLocker) SessionUnlock(ctx context.Context, _ *sql.Conn) error {
	if l.conn == nil {
		return nil
	}
	_, err := l.conn.ExecContext(ctx, `ROLLBACK`)
	// Closing the connection releases the lock even if ROLLBACK failed.
	err = errors.Join(err, l.conn.Close(), l.lockDB.Close())
	l.lockDB, l.conn = nil, nil
	return err
}

// dsnConnector opens connections of a driver by name, as sql.Open does for
// a registered one.
type dsnConnector struct {
	driver driver.Driver
	dsn    string
}

func (c dsnConnector) Connect(context.Context) (driver.Conn, error) { return c.driver.Open(c.dsn) }
func (c dsnConnector) Driver() driver.Driver                        { return c.driver }

const sqliteExistsQuery = `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)`

// sqliteStore is goose's SQLite version store, made safe for processes that
// migrate one file at the same time without a common lock: a version another
// process recorded meanwhile is not recorded again.
type sqliteStore struct {
	database.Store
}

func newSQLiteStore() (database.Store, error) {
	s, err := database.NewStore(database.DialectSQLite3, VersionTable)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

// Insert runs in the migration's transaction, after its statements, so it sees
// the row of any process that applied the same version first.
func (s sqliteStore) Insert(ctx context.Context, db database.DBTxConn, req database.InsertRequest) error {
	_, err := s.GetMigration(ctx, db, req.Version)
	if err == nil {
		return nil
	}
	if !errors.Is(err, database.ErrVersionNotFound) {
		return err
	}
	return s.Store.Insert(ctx, db, req)
}

// TableExists lets goose check for the version table directly rather than by
// a failing query.
func (s sqliteStore) TableExists(ctx context.Context, db database.DBTxConn) (bool, error) {
	var exists bool
	if err := db.QueryRowContext(ctx, sqliteExistsQuery, VersionTable).Scan(&exists); err != nil {
		return false, fmt.Errorf("check table %s: %w", VersionTable, err)
	}
	return exists, nil
}
