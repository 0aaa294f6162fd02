package db

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
)

// connector opens driver connections for one database/sql pool and wraps
// each in a conn that knows its own jittered lifetime. It also counts opens
// and failures, which feed Stats and the circuit breaker.
type connector struct {
	base     driver.Connector
	init     func(ctx context.Context, c driver.Conn) error // per-connection setup, may be nil
	timeout  time.Duration                                  // ConnectTimeout: bounds base.Connect and init
	lifetime time.Duration
	jitter   time.Duration
	// onConnect is called after every attempt that says something about
	// the database: not after one the caller's context ended (abandoned).
	onConnect func(err error)

	opened    atomic.Int64
	closed    atomic.Int64
	abandoned atomic.Int64

	// live are the connections open now, whose sockets Close shuts by
	// force when its deadline has passed.
	mu   sync.Mutex
	live map[*conn]struct{}

	// MySQL: stopping statements whose caller gave up (see killQuery).
	killQueries bool
	killCtx     context.Context // ends when the pool closes
	stopKills   context.CancelFunc
	killSlots   chan struct{}
	kills       sync.WaitGroup
	killMu      sync.Mutex // orders kills.Add before stopKilling's Wait
	killsEnded  bool       // set by stopKilling: no kill starts after it
}

// errConnectTimeout marks an attempt that ran out of connect_timeout.
var errConnectTimeout = errors.New("no connection within connect_timeout")

func (c *connector) Driver() driver.Driver { return c.base.Driver() }

// callerEnded reports whether ctx has ended or its deadline has passed. The
// deadline counts even before ctx says so: a dialer bounded by it fails with
// its own "i/o timeout" a moment before the context's timer fires.
func callerEnded(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	dl, ok := ctx.Deadline()
	return ok && !time.Now().Before(dl)
}

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	// Under the client-side bound, the caller is the context bound was
	// given: the bound running out says something about the database.
	caller := callerOf(ctx)
	var sock net.Conn
	cctx := context.WithValue(ctx, dialedKey{}, &sock)
	if c.timeout > 0 {
		// The MySQL driver bounds only the TCP dial by its Timeout; the
		// server's greeting and authentication wait on ctx.
		var cancel context.CancelFunc
		cctx, cancel = context.WithTimeout(cctx, c.timeout)
		defer cancel()
	}
	raw, err := c.base.Connect(cctx)
	if err == nil && c.init != nil {
		if err = c.init(cctx, raw); err != nil {
			raw.Close()
		}
	}
	var threadID int64
	if err == nil && c.killQueries {
		if threadID, err = mysqlThreadID(cctx, raw); err != nil {
			raw.Close()
		}
	}
	if err != nil && callerEnded(caller) {
		// The caller's own context ended (canceled, or its deadline came
		// before connect_timeout's): the caller hung up, which says
		// nothing about the database. Neither a connect error nor a
		// breaker failure, nor a success that resets the breaker's count;
		// the caller gets its own context's error (KindCanceled or
		// KindQueryTimeout), not retried.
		c.abandoned.Add(1)
		cause := caller.Err()
		if cause == nil {
			cause = context.DeadlineExceeded
		}
		return nil, fmt.Errorf("gave up connecting: %w (%v)", cause, err)
	}
	if err != nil && errors.Is(err, context.DeadlineExceeded) {
		// connect_timeout, not the caller's deadline, ran out: the
		// database is unreachable (KindUnavailable), not the statement
		// slow (KindQueryTimeout). %v drops the deadline from the chain.
		err = fmt.Errorf("%w %s: %v", errConnectTimeout, c.timeout, err)
	}
	if c.onConnect != nil {
		c.onConnect(err)
	}
	if err != nil {
		return nil, &connectError{err: err}
	}
	c.opened.Add(1)
	wc := &conn{Conn: raw, owner: c, sock: sock, threadID: threadID}
	c.mu.Lock()
	c.live[wc] = struct{}{}
	c.mu.Unlock()
	wc.queryer, _ = raw.(driver.QueryerContext)
	wc.execer, _ = raw.(driver.ExecerContext)
	wc.beginner, _ = raw.(driver.ConnBeginTx)
	wc.preparer, _ = raw.(driver.ConnPrepareContext)
	wc.pinger, _ = raw.(driver.Pinger)
	wc.resetter, _ = raw.(driver.SessionResetter)
	wc.validator, _ = raw.(driver.Validator)
	wc.checker, _ = raw.(driver.NamedValueChecker)
	if pc, ok := raw.(*stdlib.Conn); ok {
		wc.pg = pc
		wc.idle = newIdleCheck(pc.Conn().PgConn().Conn())
	}
	if c.lifetime > 0 {
		life := c.lifetime
		if c.jitter > 0 {
			life -= rand.N(c.jitter)
		}
		wc.expires = time.Now().Add(life)
	}
	return wc, nil
}

// conn forwards every optional driver interface database/sql uses to the
// driver's connection, and reports itself invalid once its lifetime is over
// so database/sql retires it at the next return to the pool or checkout.
type conn struct {
	driver.Conn
	owner     *connector
	expires   time.Time
	queryer   driver.QueryerContext
	execer    driver.ExecerContext
	beginner  driver.ConnBeginTx
	preparer  driver.ConnPrepareContext
	pinger    driver.Pinger
	resetter  driver.SessionResetter
	validator driver.Validator
	checker   driver.NamedValueChecker
	pg        *stdlib.Conn // PostgreSQL only
	idle      *idleCheck   // PostgreSQL only; nil where the system cannot peek
	sock      net.Conn     // the TCP socket; nil for SQLite
	threadID  int64        // MySQL's CONNECTION_ID(); 0 elsewhere
	// killed is set when a KILL CONNECTION for this connection may still
	// be on its way: the connection must not run another statement.
	killed atomic.Bool
}

var (
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
	_ driver.Pinger             = (*conn)(nil)
	_ driver.SessionResetter    = (*conn)(nil)
	_ driver.Validator          = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
)

// Unwrap returns the driver's own connection (for sql.Conn.Raw users).
func (c *conn) Unwrap() driver.Conn { return c.Conn }

func (c *conn) Close() error {
	c.owner.closed.Add(1)
	c.owner.mu.Lock()
	delete(c.owner.live, c)
	c.owner.mu.Unlock()
	return c.Conn.Close()
}

func (c *conn) expired() bool {
	return c.killed.Load() || !c.expires.IsZero() && time.Now().After(c.expires)
}

// forceClose shuts the sockets of every open connection: a statement stuck
// on one fails at once. It returns how many it shut.
func (c *connector) forceClose() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for wc := range c.live {
		if wc.sock != nil {
			wc.sock.Close()
			n++
		}
	}
	return n
}

// watchKill arranges, on MySQL, that the statement about to run is stopped
// on the server when ctx ends before it does: the driver only closes its
// socket, and MariaDB would run the statement on until it ends or reaches
// max_statement_time. Call the returned function when the statement has
// returned.
func (c *conn) watchKill(ctx context.Context) func() {
	if c.threadID == 0 || ctx.Done() == nil {
		return noop
	}
	stop := context.AfterFunc(ctx, func() { c.owner.killQuery(c.threadID) })
	return func() {
		switch {
		case !stop():
			// The kill started, perhaps after the statement ended: this
			// connection must not run the next one. (The driver has
			// closed it anyway when it saw ctx end.)
			c.killed.Store(true)
		case ctx.Err() != nil:
			// ctx ended, but the driver saw it and returned before the
			// AfterFunc ran, and stop() just kept the kill from being
			// sent: send it here, or the statement runs on.
			c.killed.Store(true)
			c.owner.killQuery(c.threadID)
		}
	}
}

// killRows keeps a query's kill armed while its rows are read: MariaDB
// sends a result's columns before it has computed its first row, so the
// driver's QueryContext returns while the statement still runs.
type killRows struct {
	driver.Rows
	stop func()
	once sync.Once
}

func (r *killRows) Close() error {
	err := r.Rows.Close()
	r.once.Do(r.stop)
	return err
}

// watchRows is QueryContext under watchKill: the kill stays armed until
// the rows are closed.
func (c *conn) watchRows(ctx context.Context, query func() (driver.Rows, error)) (driver.Rows, error) {
	stop := c.watchKill(ctx)
	rows, err := query()
	if err != nil {
		stop()
		return nil, err
	}
	if c.threadID == 0 {
		stop()
		return rows, nil
	}
	return &killRows{Rows: rows, stop: stop}, nil
}

// killTimeout bounds one KILL CONNECTION: connecting and sending it.
const killTimeout = 3 * time.Second

// killQuery sends KILL CONNECTION id on a connection of its own, in the
// background; at most cap(killSlots) at a time, the others are left to
// max_statement_time. It kills the whole connection rather than its query
// (KILL QUERY): the driver has closed its end already when its caller gave
// up, and a KILL QUERY that arrives a moment before the statement starts
// finds nothing to stop, leaving the statement to run on.
func (c *connector) killQuery(id int64) {
	c.killMu.Lock()
	defer c.killMu.Unlock()
	if c.killsEnded {
		return // the pool is closing: its close shuts every connection
	}
	select {
	case c.killSlots <- struct{}{}:
	default:
		return
	}
	c.kills.Add(1)
	go func() {
		defer c.kills.Done()
		defer func() { <-c.killSlots }()
		ctx, cancel := context.WithTimeout(c.killCtx, killTimeout)
		defer cancel()
		raw, err := c.base.Connect(ctx)
		if err != nil {
			return // unreachable: max_statement_time stops it
		}
		defer raw.Close()
		if ex, ok := raw.(driver.ExecerContext); ok {
			// Error 1094, no such thread: the statement or the connection
			// ended meanwhile. Nothing else to do either way.
			ex.ExecContext(ctx, "KILL CONNECTION "+strconv.FormatInt(id, 10), nil)
		}
	}()
}

// stopKilling ends the kills in flight and waits for them.
func (c *connector) stopKilling() {
	c.killMu.Lock()
	c.killsEnded = true
	c.killMu.Unlock()
	c.stopKills()
	c.kills.Wait()
}

// mysqlThreadID returns the server's id of a new MySQL connection, which
// KILL CONNECTION names.
func mysqlThreadID(ctx context.Context, raw driver.Conn) (int64, error) {
	q, ok := raw.(driver.QueryerContext)
	if !ok {
		return 0, nil
	}
	rows, err := q.QueryContext(ctx, "SELECT CONNECTION_ID()", nil)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		return 0, fmt.Errorf("CONNECTION_ID(): %w", err)
	}
	switch id := v[0].(type) {
	case int64:
		return id, nil
	case uint64:
		return int64(id), nil
	case []byte:
		return strconv.ParseInt(string(id), 10, 64)
	}
	return 0, fmt.Errorf("CONNECTION_ID(): unexpected %T", v[0])
}

func (c *conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if c.queryer == nil {
		return nil, driver.ErrSkip
	}
	return c.watchRows(ctx, func() (driver.Rows, error) { return c.queryer.QueryContext(ctx, q, args) })
}

func (c *conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if c.pg != nil {
		return pgExec(ctx, c.pg.Conn(), q, args)
	}
	if c.execer == nil {
		return nil, driver.ErrSkip
	}
	defer c.watchKill(ctx)()
	return c.execer.ExecContext(ctx, q, args)
}

// pgExec is pgx stdlib's ExecContext less one unsafe retry. When the
// connection breaks while a statement without arguments (sent with the
// simple protocol) awaits its reply, pgx reports "conn closed" and calls it
// safe to retry; stdlib turns that into driver.ErrBadConn and database/sql
// runs the statement again on another connection, although the server may
// have applied it: a write done twice. Here only a connection closed before
// the call, or an error pgx deems safe that is not that one, is reported as
// bad; anything else reaches db, which knows whether the statement may run
// again.
func pgExec(ctx context.Context, pc *pgx.Conn, q string, nv []driver.NamedValue) (driver.Result, error) {
	if pc.IsClosed() {
		return nil, driver.ErrBadConn
	}
	args := make([]any, len(nv))
	for i := range nv {
		args[i] = nv[i].Value
	}
	tag, err := pc.Exec(ctx, q, args...)
	if err != nil {
		if pgconn.SafeToRetry(err) && !errors.Is(err, pgconn.ErrConnClosed) {
			return nil, driver.ErrBadConn
		}
		return nil, err
	}
	return driver.RowsAffected(tag.RowsAffected()), nil
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.beginner == nil {
		//lint:ignore SA1019 the fallback for drivers without ConnBeginTx
		return c.Conn.Begin()
	}
	return c.beginner.BeginTx(ctx, opts)
}

func (c *conn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	if c.preparer == nil {
		return c.Conn.Prepare(q)
	}
	st, err := c.preparer.PrepareContext(ctx, q)
	if err != nil || c.threadID == 0 {
		return st, err
	}
	// The MySQL driver runs statements with arguments as prepared ones.
	ks := &killStmt{Stmt: st, c: c}
	ks.execer, _ = st.(driver.StmtExecContext)
	ks.queryer, _ = st.(driver.StmtQueryContext)
	ks.checker, _ = st.(driver.NamedValueChecker)
	if ks.execer == nil || ks.queryer == nil {
		return st, nil
	}
	return ks, nil
}

// killStmt is a MySQL prepared statement that, like conn's statements,
// is stopped on the server when its caller gives up (see watchKill).
type killStmt struct {
	driver.Stmt
	c       *conn
	execer  driver.StmtExecContext
	queryer driver.StmtQueryContext
	checker driver.NamedValueChecker
}

func (s *killStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	defer s.c.watchKill(ctx)()
	return s.execer.ExecContext(ctx, args)
}

func (s *killStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.c.watchRows(ctx, func() (driver.Rows, error) { return s.queryer.QueryContext(ctx, args) })
}

func (s *killStmt) CheckNamedValue(nv *driver.NamedValue) error {
	if s.checker == nil {
		return driver.ErrSkip
	}
	return s.checker.CheckNamedValue(nv)
}

func (c *conn) Ping(ctx context.Context) error {
	if c.pinger == nil {
		return nil
	}
	return c.pinger.Ping(ctx)
}

func (c *conn) ResetSession(ctx context.Context) error {
	if c.expired() {
		return driver.ErrBadConn
	}
	if c.idle.dataWaiting() {
		// The server spoke while the connection sat idle in the pool:
		// most likely it ended the session (restart, pg_terminate_backend).
		// pgx itself pings only connections idle for over a second, so a
		// write would be sent on this dead one and fail as if its reply
		// had been lost: not retried. Ping now, and if that fails
		// database/sql takes another connection.
		if err := c.pg.Conn().PgConn().Ping(ctx); err != nil {
			return driver.ErrBadConn
		}
	}
	if c.resetter == nil {
		return nil
	}
	return c.resetter.ResetSession(ctx)
}

func (c *conn) IsValid() bool {
	if c.expired() {
		return false
	}
	return c.validator == nil || c.validator.IsValid()
}

func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if c.checker == nil {
		return driver.ErrSkip
	}
	return c.checker.CheckNamedValue(nv)
}

// newConnector builds the driver connector for cfg. For SQLite, readOnly
// selects the reader connections.
func newConnector(cfg Config, readOnly bool) (*connector, error) {
	c := &connector{timeout: cfg.ConnectTimeout, lifetime: cfg.MaxLifetime, jitter: cfg.LifetimeJitter,
		live: map[*conn]struct{}{}, killSlots: make(chan struct{}, 2)}
	c.killCtx, c.stopKills = context.WithCancel(context.Background())
	switch cfg.Dialect {
	case Postgres:
		pc, err := postgresConfig(cfg)
		if err != nil {
			return nil, err
		}
		pc.DialFunc = newDialer(userTimeout(cfg))
		c.base = stdlib.GetConnector(*pc)
	case MySQL:
		mc, err := mysqlConfig(cfg)
		if err != nil {
			return nil, err
		}
		base, err := mysql.NewConnector(mc)
		if err != nil {
			return nil, fmt.Errorf("db: mysql connector: %w", err)
		}
		c.base = base
		c.killQueries = true
		if cfg.QueryTimeout > 0 {
			c.init = mysqlStatementTimeout(cfg.QueryTimeout)
		}
	case SQLite:
		c.base = &sqliteConnector{dsn: sqliteDSN(cfg, readOnly)}
	default:
		return nil, errors.New("db: unknown dialect")
	}
	return c, nil
}

func postgresConfig(cfg Config) (*pgx.ConnConfig, error) {
	u := *cfg.url
	q := url.Values{}
	for k, v := range cfg.params {
		switch k {
		case "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslsni",
			"target_session_attrs", "options", "timezone", "host":
			q[k] = v
		case "schema", "search_path":
			q["search_path"] = v
		}
	}
	u.RawQuery = q.Encode()
	pc, err := pgx.ParseConfig(u.String())
	if err != nil {
		// pgx redacts the password in its message; strip it again in case a
		// future version does not.
		msg := err.Error()
		if pw, ok := cfg.url.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
		return nil, fmt.Errorf("db: PostgreSQL URL rejected by the driver: %s", msg)
	}
	pc.ConnectTimeout = cfg.ConnectTimeout
	if pc.RuntimeParams == nil {
		pc.RuntimeParams = map[string]string{}
	}
	pc.RuntimeParams["application_name"] = cfg.ApplicationName
	if cfg.PgBouncer {
		// Transaction poolers move a session between server connections, so
		// named prepared statements and startup parameters are off limits.
		pc.DefaultQueryExecMode = pgx.QueryExecModeExec
	} else if cfg.QueryTimeout > 0 {
		// Enforced by the server, which stops the statement's work too.
		pc.RuntimeParams["statement_timeout"] = strconv.FormatInt(cfg.QueryTimeout.Milliseconds(), 10)
	}
	return pc, nil
}

func mysqlConfig(cfg Config) (*mysql.Config, error) {
	mc := mysql.NewConfig()
	mc.User = cfg.url.User.Username()
	mc.Passwd, _ = cfg.url.User.Password()
	mc.Net = "tcp"
	mc.Addr = net.JoinHostPort(cfg.Host, cfg.Port)
	mc.DBName = cfg.Database
	mc.ParseTime = true
	// RowsAffected counts matched rows, as on PostgreSQL and SQLite, not
	// only changed ones: an UPDATE writing the same values is not "missing".
	mc.ClientFoundRows = true
	mc.Loc = time.UTC
	mc.Timeout = cfg.ConnectTimeout
	mc.Collation = "utf8mb4_unicode_ci"
	mc.Params = map[string]string{
		// ANSI_QUOTES lets store SQL quote identifiers the PostgreSQL way;
		// strict mode turns silent truncation into errors; UTC keeps
		// DATETIME(3) values what the application wrote.
		"sql_mode":  "'ANSI_QUOTES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
		"time_zone": "'+00:00'",
	}
	mc.ConnectionAttributes = "program_name:" + cfg.ApplicationName
	if v := cfg.params.Get("tls"); v != "" {
		mc.TLSConfig = v
	} else if v := cfg.params.Get("sslaccept"); v == "accept_invalid_certs" {
		mc.TLSConfig = "skip-verify"
	}
	mc.DialFunc = newDialer(userTimeout(cfg))
	if b := clientBound(cfg); b > 0 {
		// A backstop for a server that stops answering altogether where
		// no context reaches the driver (COMMIT, ROLLBACK); the statement
		// timeout itself is enforced by the server, and every call is
		// bounded by its context (see bound), which should fire first.
		mc.ReadTimeout = b + time.Second
		mc.WriteTimeout = b + time.Second
	}
	return mc, nil
}

// mysqlStatementTimeout sets the server-side statement timeout on a new
// connection: max_statement_time (seconds) on MariaDB, max_execution_time
// (milliseconds, SELECT only) on MySQL.
func mysqlStatementTimeout(d time.Duration) func(context.Context, driver.Conn) error {
	secs := strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
	ms := strconv.FormatInt(d.Milliseconds(), 10)
	return func(ctx context.Context, c driver.Conn) error {
		ex, ok := c.(driver.ExecerContext)
		if !ok {
			return nil
		}
		_, err := ex.ExecContext(ctx, "SET SESSION max_statement_time = "+secs, nil)
		var me *mysql.MySQLError
		if errors.As(err, &me) && me.Number == 1193 { // unknown variable: this is MySQL
			_, err = ex.ExecContext(ctx, "SET SESSION max_execution_time = "+ms, nil)
		}
		return err
	}
}

// sqliteDSN builds the modernc.org/sqlite DSN. WAL lets readers run beside the
// one writer; busy_timeout makes a connection wait for a lock instead of
// failing with "database is locked"; the writer's IMMEDIATE transactions take
// the write lock up front so two transactions never deadlock upgrading a read
// lock. Readers are query_only and begin DEFERRED transactions: BEGIN
// IMMEDIATE asks for the write lock, which a query_only connection refuses.
func sqliteDSN(cfg Config, readOnly bool) string {
	busy := cfg.params.Get("busy_timeout")
	if busy == "" {
		busy = strconv.Itoa(sqliteDefaultBusyMillis)
	}
	txlock := "immediate"
	if readOnly {
		txlock = "deferred"
	}
	q := []string{
		"_pragma=busy_timeout(" + busy + ")",
		"_pragma=journal_mode(WAL)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		"_txlock=" + txlock,
		"_time_format=sqlite",
	}
	if readOnly {
		q = append(q, "_pragma=query_only(1)")
	}
	return "file:" + (&url.URL{Path: cfg.Database}).EscapedPath() + "?" + strings.Join(q, "&")
}

type sqliteConnector struct{ dsn string }

func (s *sqliteConnector) Connect(ctx context.Context) (driver.Conn, error) {
	return (&sqlite.Driver{}).Open(s.dsn)
}

func (s *sqliteConnector) Driver() driver.Driver { return &sqlite.Driver{} }
