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
// # What the machinery costs and buys
//
// Three pieces sit between a caller and database/sql. Each is measured in
// BENCHMARKS.md (BenchmarkQueryRow: db against database/sql with the same
// driver, PostgreSQL and MariaDB).
//
//   - The semaphore. Every statement first takes one of MaxConns slots, then a
//     database/sql connection, which is then always free. It buys a pool
//     timeout separate from the statement's context (KindPoolTimeout after
//     PoolTimeout, never a hang behind a slow caller), exact wait counts and
//     durations for Stats, and a Close that can wait for connections in use.
//     It costs a channel operation per statement and a timer per wait, so
//     under saturation the waiting moves from database/sql to db rather than
//     adding.
//   - The connection wrapper (the driver.Connector of connector.go). It
//     classifies errors at their source, feeds the circuit breaker with
//     connection outcomes, sets session settings on each new connection
//     (statement timeouts, ANSI_QUOTES on MySQL, SQLite pragmas), checks a
//     connection the server killed before it is reused, and times each
//     statement for stats and the slow-query log. It costs about half a
//     microsecond per statement and one allocation (the arguments kept for a
//     retry): under 1% of a loopback round trip.
//   - The registry. Shared hands out one pool per URL per process, counted by
//     reference, and Open warns when a second pool reaches a database that
//     has one: the Go form of Prisma's "too many PrismaClient instances". It
//     costs one mutex-guarded map lookup per Shared call, nothing per
//     statement, and it is the only global state of the package. Callers of
//     one shared pool must pass the same Options and Config; Shared refuses
//     others with an error naming the fields that differ.
//
// Store code writes SQL once, with "?" placeholders and double-quoted
// identifiers; DB rewrites placeholders for PostgreSQL and runs MySQL
// sessions with ANSI_QUOTES.
package db
