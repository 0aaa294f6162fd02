package db

import (
	"context"
	"fmt"
	"time"
)

// ServerInfo is the server's own view of itself and of our connections, for
// `smmm doctor` and the admin statistics.
type ServerInfo struct {
	// Version is the server's version string.
	Version string
	// MaxConnections is the server's connection limit and Reserved the part
	// of it only superusers may use (0 where the server has no such notion,
	// and for SQLite, which has no limit).
	MaxConnections, Reserved int
	// Connections counts client connections open on the whole server.
	Connections int
	// Ours counts connections that belong to this pool's application: on
	// PostgreSQL those with our application_name, on MySQL/MariaDB those of
	// our user to our database (the server does not show program_name
	// without performance_schema). -1 when unknown.
	Ours int
}

// ServerInfo asks the server about itself. It runs one read-only statement.
func (e *engine) ServerInfo(ctx context.Context) (ServerInfo, error) {
	var si ServerInfo
	var err error
	switch e.cfg.Dialect {
	case Postgres:
		const q = `SELECT version(),
			current_setting('max_connections')::int,
			current_setting('superuser_reserved_connections')::int,
			(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),
			(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name = ? AND datname = current_database())`
		err = e.QueryRow(ctx, q, e.cfg.ApplicationName).Scan(&si.Version, &si.MaxConnections, &si.Reserved, &si.Connections, &si.Ours)
	case MySQL:
		const q = `SELECT VERSION(), @@max_connections,
			(SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND <> 'Daemon'),
			(SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1))`
		err = e.QueryRow(ctx, q).Scan(&si.Version, &si.MaxConnections, &si.Connections, &si.Ours)
	case SQLite:
		err = e.QueryRow(ctx, "SELECT 'SQLite ' || sqlite_version()").Scan(&si.Version)
		si.Ours, si.Connections = -1, -1
	}
	if err != nil {
		return si, fmt.Errorf("db: server info: %w", err)
	}
	return si, nil
}

// ServerQuery is one statement digest from the server's own statistics.
type ServerQuery struct {
	SQL   string        // as the server normalizes it
	Calls int64         // executions
	Total time.Duration // total execution time
	Mean  time.Duration // mean execution time
	Rows  int64         // rows returned or affected
}

// ServerQueriesUnavailable explains why the server's statement statistics
// cannot be read, and how to turn them on.
type ServerQueriesUnavailable struct {
	Reason, Enable string
}

func (u *ServerQueriesUnavailable) Error() string { return "db: " + u.Reason }

// ServerTopQueries returns the server's n statements with the most total
// time, in this database: pg_stat_statements on PostgreSQL,
// performance_schema's digest summary on MySQL/MariaDB. When the server
// does not collect them the error is a *ServerQueriesUnavailable saying why
// and how to enable it.
func (e *engine) ServerTopQueries(ctx context.Context, n int) ([]ServerQuery, error) {
	var query string
	switch e.cfg.Dialect {
	case Postgres:
		var ok bool
		err := e.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')`).Scan(&ok)
		if err != nil {
			return nil, fmt.Errorf("db: server top queries: %w", err)
		}
		if !ok {
			return nil, &ServerQueriesUnavailable{
				Reason: "the pg_stat_statements extension is not installed in this database",
				Enable: "add pg_stat_statements to shared_preload_libraries in postgresql.conf, restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements",
			}
		}
		query = `SELECT query, calls, total_exec_time, mean_exec_time, rows FROM pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
			ORDER BY total_exec_time DESC LIMIT ?`
	case MySQL:
		var on int
		if err := e.QueryRow(ctx, `SELECT @@performance_schema`).Scan(&on); err != nil {
			return nil, fmt.Errorf("db: server top queries: %w", err)
		}
		if on != 1 {
			return nil, &ServerQueriesUnavailable{
				Reason: "performance_schema is off on this server",
				Enable: "set performance_schema=ON in the server's configuration ([mysqld] section) and restart it",
			}
		}
		// Timer columns are in picoseconds; convert to milliseconds.
		query = `SELECT COALESCE(DIGEST_TEXT, ''), COUNT_STAR, SUM_TIMER_WAIT / 1000000000, AVG_TIMER_WAIT / 1000000000, SUM_ROWS_SENT + SUM_ROWS_AFFECTED
			FROM performance_schema.events_statements_summary_by_digest
			WHERE SCHEMA_NAME = DATABASE() ORDER BY SUM_TIMER_WAIT DESC LIMIT ?`
	default:
		return nil, &ServerQueriesUnavailable{
			Reason: "SQLite keeps no statement statistics",
			Enable: "none: use the in-process statistics (TopQueries)",
		}
	}
	rows, err := e.Query(ctx, query, n)
	if err != nil {
		return nil, fmt.Errorf("db: server top queries: %w", err)
	}
	defer rows.Close()
	var out []ServerQuery
	for rows.Next() {
		var q ServerQuery
		var total, mean float64 // milliseconds
		if err := rows.Scan(&q.SQL, &q.Calls, &total, &mean, &q.Rows); err != nil {
			return nil, fmt.Errorf("db: server top queries: %w", err)
		}
		q.Total = time.Duration(total * float64(time.Millisecond))
		q.Mean = time.Duration(mean * float64(time.Millisecond))
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: server top queries: %w", err)
	}
	return out, nil
}
