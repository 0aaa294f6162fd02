// Package db is smmm's database connection manager: one pool per database
// per process, for PostgreSQL (pgx), MySQL/MariaDB (go-sql-driver/mysql) and
// embedded SQLite (modernc.org/sqlite, no cgo), configured from a
// Prisma-style DATABASE_URL. It imports nothing of the application and can
// serve any Go program.
//
// What it adds to database/sql:
//
//   - ParseURL reads Prisma's URL parameters (connection_limit, pool_timeout,
//     connect_timeout, socket_timeout, pgbouncer) plus idle timeout, lifetime
//     with jitter and leak detection, and applies development or production
//     defaults.
//   - A pool timeout separate from the statement's context: a caller that
//     gets no connection within PoolTimeout receives KindPoolTimeout, never a
//     hang. Statement timeouts are enforced by the server, which stops the
//     work too.
//   - Errors classified into a few kinds (Kind, KindOf) by SQLSTATE, MySQL
//     error number or SQLite result code.
//   - Retries with exponential backoff and full jitter, only where safe:
//     connection failures, reads that lost their connection, and whole
//     transactions that hit a serialization failure or deadlock.
//   - A circuit breaker that fails fast while the database is unreachable
//     and closes itself when a background probe connects again.
//   - Stats (waits, timeouts, opens, leaks), Health, a per-statement report
//     (TopQueries), slow-statement warnings, and an OnQuery hook for metrics.
//   - SQLite done right: WAL, foreign keys, busy timeout, one writer
//     connection and several readers.
//   - Shared, a process-wide registry that hands out one pool per URL and
//     warns when a second pool reaches the same database.
//
// Store code writes SQL once, with "?" placeholders and double-quoted
// identifiers; DB rewrites placeholders for PostgreSQL and runs MySQL
// sessions with ANSI_QUOTES.
package db
