package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
)

// ErrNotAtLatest is returned (wrapped) by [Handback] when the database is not
// at the newest embedded migration: a migration is pending, or the database
// has one this build does not know. Nothing is changed.
var ErrNotAtLatest = errors.New("migrations: handback: the database is not at smmm's latest migration")

// HandbackReport describes what one call of [Handback] did.
type HandbackReport struct {
	// Dropped lists the objects dropped, in order, such as
	// `index "Session_expires_idx" on "Session"` or `table "RateLimit"`.
	// It is empty when there was nothing of smmm's left to drop.
	Dropped []string
}

// Handback gives a database back to the original system: it drops exactly
// smmm's own objects, the indexes 00002 added to the original's tables
// (ownIndexes), smmm's own tables (ownTables) and, last, [VersionTable],
// and keeps every table of the original's schema with every row. On a
// database smmm created, what is left is the original's init migration
// (without its _prisma_migrations, which Prisma's baselining makes); on an
// adopted one, it is the database as the original left it, with the rows
// either app wrote since.
//
// It takes the migrations' lock. It refuses with [ErrNotAtLatest], changing
// nothing, unless every embedded migration is applied and no other: the
// schema is then exactly the one these lists describe. A database with
// neither the version table nor anything else of smmm's has been handed back
// already: Handback does nothing and reports nothing dropped. On PostgreSQL
// and SQLite the drops are one transaction; MySQL commits each, so the
// version table goes last and a run that stopped half-way can run again.
// Stop every smmm process first: they need the tables it drops. A nil logger
// discards the log.
func Handback(ctx context.Context, sqlDB *sql.DB, dialect string, logger *slog.Logger) (HandbackReport, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	d, err := lookupDialect(dialect)
	if err != nil {
		return HandbackReport{}, err
	}
	p, err := newProvider(d, sqlDB, nil)
	if err != nil {
		return HandbackReport{}, err
	}
	var embedded []int64
	for _, s := range p.ListSources() {
		embedded = append(embedded, s.Version)
	}

	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return HandbackReport{}, fmt.Errorf("migrations: handback: %w", err)
	}
	defer conn.Close()
	lk := d.newLocker(sqlDB)
	if err := lk.SessionLock(ctx, conn); err != nil {
		return HandbackReport{}, fmt.Errorf("migrations: handback: lock: %w", err)
	}
	defer func() {
		if uerr := lk.SessionUnlock(context.WithoutCancel(ctx), conn); uerr != nil {
			logger.Warn("migrations: handback: unlock", slog.Any("error", uerr))
		}
	}()

	drops, err := handbackDrops(ctx, conn, d)
	if err != nil {
		return HandbackReport{}, err
	}
	versioned, err := tableExists(ctx, conn, d, VersionTable)
	if err != nil {
		return HandbackReport{}, fmt.Errorf("migrations: handback: %w", err)
	}
	if !versioned {
		if len(drops) > 0 {
			return HandbackReport{}, fmt.Errorf("%w: it has no %s but still has %s; nothing was changed", ErrNotAtLatest, VersionTable, drops[0].what)
		}
		logger.Info("nothing of smmm's left to hand back")
		return HandbackReport{}, nil
	}
	applied, err := appliedVersions(ctx, conn)
	if err != nil {
		return HandbackReport{}, err
	}
	if !slices.Equal(applied, embedded) {
		return HandbackReport{}, fmt.Errorf("%w (applied %s, this smmm has %s): run `smmm migrate up` with this build first, nothing was changed",
			ErrNotAtLatest, versionList(applied), versionList(embedded))
	}
	drops = append(drops, drop{what: "table " + quoteName(d, VersionTable), stmt: "DROP TABLE " + quoteName(d, VersionTable)})

	var rep HandbackReport
	run := func(ex interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	}) error {
		for _, dr := range drops {
			if _, err := ex.ExecContext(ctx, dr.stmt); err != nil {
				return fmt.Errorf("migrations: handback: drop %s: %w", dr.what, err)
			}
			rep.Dropped = append(rep.Dropped, dr.what)
		}
		return nil
	}
	if d.name == "mysql" {
		// DDL commits by itself on MySQL: each drop stands alone, the
		// version table goes last.
		err = run(conn)
	} else {
		var tx *sql.Tx
		tx, err = conn.BeginTx(ctx, nil)
		if err != nil {
			return HandbackReport{}, fmt.Errorf("migrations: handback: %w", err)
		}
		if err = run(tx); err != nil {
			err = errors.Join(err, tx.Rollback())
			rep.Dropped = nil
		} else if err = tx.Commit(); err != nil {
			err = fmt.Errorf("migrations: handback: commit: %w", err)
			rep.Dropped = nil
		}
	}
	for _, what := range rep.Dropped {
		logger.Info("handback dropped", slog.String("object", what))
	}
	return rep, err
}

// drop is one statement of [Handback].
type drop struct {
	what, stmt string
}

// handbackDrops lists the drops of smmm's own indexes and tables that exist,
// in order; the version table is not among them.
func handbackDrops(ctx context.Context, conn *sql.Conn, d *dialectInfo) ([]drop, error) {
	var drops []drop
	for _, idx := range ownIndexes[d.name] {
		var exists bool
		var err error
		switch d.name {
		case "postgres":
			err = conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname = $2)`, idx.table, idx.name).Scan(&exists)
		case "mysql":
			err = conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?)`, idx.table, idx.name).Scan(&exists)
		default:
			err = conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?)`, idx.table, idx.name).Scan(&exists)
		}
		if err != nil {
			return nil, fmt.Errorf("migrations: handback: check index %s: %w", idx.name, err)
		}
		if !exists {
			continue
		}
		stmt := "DROP INDEX " + quoteName(d, idx.name)
		if d.name == "mysql" {
			stmt += " ON " + quoteName(d, idx.table)
		}
		drops = append(drops, drop{what: "index " + quoteName(d, idx.name) + " on " + quoteName(d, idx.table), stmt: stmt})
	}
	for _, table := range ownTables {
		exists, err := tableExists(ctx, conn, d, table)
		if err != nil {
			return nil, fmt.Errorf("migrations: handback: %w", err)
		}
		if exists {
			drops = append(drops, drop{what: "table " + quoteName(d, table), stmt: "DROP TABLE " + quoteName(d, table)})
		}
	}
	return drops, nil
}

// appliedVersions reads the versions recorded as applied in the version
// table, oldest first, without goose's own version 0. Of several rows for
// one version the newest decides, as goose's own reading does.
func appliedVersions(ctx context.Context, conn *sql.Conn) ([]int64, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version_id, is_applied FROM `+VersionTable+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("migrations: handback: read %s: %w", VersionTable, err)
	}
	defer rows.Close()
	state := make(map[int64]bool)
	for rows.Next() {
		var (
			v  int64
			ok bool
		)
		if err := rows.Scan(&v, &ok); err != nil {
			return nil, fmt.Errorf("migrations: handback: read %s: %w", VersionTable, err)
		}
		state[v] = ok
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrations: handback: read %s: %w", VersionTable, err)
	}
	var applied []int64
	for v, ok := range state {
		if ok && v != 0 {
			applied = append(applied, v)
		}
	}
	slices.Sort(applied)
	return applied, nil
}

func versionList(versions []int64) string {
	if len(versions) == 0 {
		return "none"
	}
	parts := make([]string, len(versions))
	for i, v := range versions {
		parts[i] = fmt.Sprintf("%05d", v)
	}
	return strings.Join(parts, ", ")
}

// quoteName quotes an identifier the way the dialect's migrations do.
func quoteName(d *dialectInfo, name string) string {
	if d.name == "mysql" {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}
