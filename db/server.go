package db

import (
	"context"
	"fmt"
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
