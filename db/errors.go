package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Kind is the class of a database failure: what happened, independent of the
// driver that reported it. Callers decide on status codes and retries by
// kind, never by driver error text.
type Kind uint8

// The kinds of failure. KindUnknown covers everything not listed, including
// programming errors such as bad SQL.
const (
	KindUnknown       Kind = iota
	KindUnavailable        // cannot connect, connection lost, server shutting down or full, pool closed
	KindPoolTimeout        // no free connection within PoolTimeout
	KindQueryTimeout       // the statement ran past QueryTimeout or the caller's deadline
	KindCanceled           // the caller canceled
	KindConflict           // unique violation
	KindForeignKey         // foreign-key violation
	KindInvalid            // other constraint or invalid data: not null, check, too long, bad value
	KindNotFound           // no rows
	KindSerialization      // serialization failure or deadlock: run the transaction again
	KindReadOnly           // the server or transaction is read-only
	KindStorageFull        // the database's disk (or SQLite's max_page_count) is full: reads work, writes fail
)

var kindNames = [...]string{
	KindUnknown:       "unknown",
	KindUnavailable:   "unavailable",
	KindPoolTimeout:   "pool_timeout",
	KindQueryTimeout:  "query_timeout",
	KindCanceled:      "canceled",
	KindConflict:      "conflict",
	KindForeignKey:    "foreign_key",
	KindInvalid:       "invalid",
	KindNotFound:      "not_found",
	KindSerialization: "serialization",
	KindReadOnly:      "read_only",
	KindStorageFull:   "storage_full",
}

// String returns the kind's stable snake_case name, used in logs and metric
// labels.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Kinds lists every kind, for metrics that want all label values up front.
func Kinds() []Kind {
	ks := make([]Kind, len(kindNames))
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// Temporary reports whether the same request may succeed later without any
// change on the caller's side: the database is unreachable or busy.
func (k Kind) Temporary() bool {
	return k == KindUnavailable || k == KindPoolTimeout || k == KindSerialization
}

// Error is a classified database failure. Err keeps the driver's error for
// logs; its text must not reach end users.
type Error struct {
	Kind Kind
	// Op is the operation name, such as "ContactMessage.select".
	Op string
	// Code is the driver's code: SQLSTATE, MySQL error number or SQLite
	// result code; empty when there is none.
	Code string
	Err  error
}

// Error returns "db: OP: KIND: driver text".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("db: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.String())
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the driver's error.
func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrNotFound) and friends match by kind; ErrClosed
// matches only the error of a closed DB, not every unavailable one.
func (e *Error) Is(target error) bool {
	if target == ErrClosed {
		return e.Err == ErrClosed
	}
	var k kindError
	if errors.As(target, &k) {
		return e.Kind == k.kind
	}
	return false
}

type kindError struct {
	kind Kind
	msg  string
}

func (e kindError) Error() string { return e.msg }

// Sentinels matching errors of their kind with errors.Is.
var (
	// ErrNotFound matches a query that found no row.
	ErrNotFound error = kindError{KindNotFound, "db: not found"}
	// ErrPoolTimeout matches a caller that got no connection within PoolTimeout.
	ErrPoolTimeout error = kindError{KindPoolTimeout, "db: timed out waiting for a free connection"}
	// ErrUnavailable matches failures to reach the database.
	ErrUnavailable error = kindError{KindUnavailable, "db: database unavailable"}
	// ErrClosed is returned by operations on a closed DB. Its kind is
	// KindUnavailable, but errors.Is matches it only for a closed DB.
	ErrClosed error = kindError{KindUnavailable, "db: closed"}
)

// KindOf returns the kind of err: the Kind of a *Error in its chain, or a
// classification of the driver error itself. nil is KindUnknown.
func KindOf(err error) Kind {
	if err == nil {
		return KindUnknown
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	var k kindError
	if errors.As(err, &k) {
		return k.kind
	}
	kind, _ := classify(err)
	return kind
}

// wrap classifies err and returns it as a *Error for operation op. It returns
// an existing *Error unchanged.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if k, ok := err.(kindError); ok {
		return &Error{Kind: k.kind, Op: op, Err: err}
	}
	kind, code := classify(err)
	return &Error{Kind: kind, Op: op, Code: code, Err: err}
}

// connectError marks a failure to open a connection: nothing was sent, so
// any statement, write or not, can be retried.
type connectError struct{ err error }

func (e *connectError) Error() string { return "connect: " + e.err.Error() }
func (e *connectError) Unwrap() error { return e.err }

// isConnectError reports whether err happened before anything was sent.
func isConnectError(err error) bool {
	var ce *connectError
	return errors.As(err, &ce)
}

// failedFast reports whether err is the open circuit breaker refusing a
// statement: trying again at once would only fail again.
func failedFast(err error) bool {
	var k kindError
	return errors.As(err, &k) && k == ErrUnavailable
}

// connectFailureClass names why a connection attempt failed, for the
// breaker's log: a short stable word or the server's code, never driver
// text. Every timeout of an attempt the caller did not give up is
// connect_timeout's.
func connectFailureClass(err error) string {
	var pgErr *pgconn.PgError
	var myErr *mysql.MySQLError
	var liteErr *sqlite.Error
	var dnsErr *net.DNSError
	var netErr net.Error
	switch {
	case errors.Is(err, errNoAnswer):
		return "no_answer"
	case errors.As(err, &pgErr):
		return "server_sqlstate_" + pgErr.Code
	case errors.As(err, &myErr):
		return "server_error_" + strconv.Itoa(int(myErr.Number))
	case errors.As(err, &liteErr):
		return "sqlite_" + strconv.Itoa(liteErr.Code())
	case errors.Is(err, errConnectTimeout), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		return "connect_timeout"
	case errors.As(err, &dnsErr):
		return "dns"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, mysql.ErrInvalidConn), errors.Is(err, net.ErrClosed):
		return "closed_by_server"
	case errors.As(err, &netErr):
		return "network"
	}
	return "other"
}

// classify maps a driver error to a kind and the driver's code.
func classify(err error) (Kind, string) {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return classifyPostgres(pgErr), pgErr.Code
	}
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		return classifyMySQL(myErr), strconv.Itoa(int(myErr.Number))
	}
	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		return classifySQLite(liteErr.Code()), strconv.Itoa(liteErr.Code())
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return KindNotFound, ""
	case errors.Is(err, context.DeadlineExceeded):
		return KindQueryTimeout, ""
	case errors.Is(err, context.Canceled):
		return KindCanceled, ""
	}
	var ce *connectError
	var pgConnErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &pgConnErr),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, mysql.ErrInvalidConn), errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE):
		return KindUnavailable, ""
	case errors.As(err, &netErr):
		if netErr.Timeout() {
			return KindQueryTimeout, ""
		}
		return KindUnavailable, ""
	}
	if pgconn.Timeout(err) {
		return KindQueryTimeout, ""
	}
	return KindUnknown, ""
}

func classifyPostgres(e *pgconn.PgError) Kind {
	switch e.Code {
	case "23505":
		return KindConflict
	case "23503":
		return KindForeignKey
	case "40001", "40P01":
		return KindSerialization
	case "25006":
		return KindReadOnly
	case "57014":
		// query_canceled covers both the server's statement_timeout and a
		// cancel request (pgx's, when the caller's context ends; an
		// admin's pg_cancel_backend). Nothing but the message tells them
		// apart: the one place db reads driver text. A server whose
		// lc_messages is not English reports both as canceled.
		if strings.Contains(e.Message, "statement timeout") {
			return KindQueryTimeout
		}
		return KindCanceled
	case "55P03": // lock_not_available: lock_timeout expired
		return KindQueryTimeout
	case "53100": // disk_full
		return KindStorageFull
	case "57P01", "57P02", "57P03", "53300", "53400":
		return KindUnavailable
	}
	switch e.Code[:2] {
	case "23", "22":
		return KindInvalid
	case "08":
		return KindUnavailable
	}
	return KindUnknown
}

func classifyMySQL(e *mysql.MySQLError) Kind {
	switch e.Number {
	case 1062, 1586:
		return KindConflict
	case 1451, 1452, 1216, 1217:
		return KindForeignKey
	case 1048, 1364, 1406, 1265, 1366, 1292, 1264, 3819, 4025, 1300, 1367:
		return KindInvalid
	case 1213, 1205:
		return KindSerialization
	case 1969, 3024:
		return KindQueryTimeout
	case 1317:
		return KindCanceled
	case 1290, 1792, 1836:
		return KindReadOnly
	case 1021, 1114: // disk full, table full
		return KindStorageFull
	case 1040, 1053, 1927, 1081, 1152, 1158, 1159, 1160, 1161:
		return KindUnavailable
	}
	return KindUnknown
}

func classifySQLite(code int) Kind {
	switch code {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return KindConflict
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return KindForeignKey
	}
	switch code & 0xff {
	case sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_TOOBIG, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_RANGE:
		return KindInvalid
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return KindSerialization
	case sqlite3.SQLITE_READONLY:
		return KindReadOnly
	case sqlite3.SQLITE_INTERRUPT:
		return KindCanceled
	case sqlite3.SQLITE_FULL:
		return KindStorageFull
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return KindUnavailable
	}
	return KindUnknown
}
