package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Options are the parts of a DB that are not connection settings: where it
// logs and whom it tells about statements. The zero value is usable.
type Options struct {
	// Logger receives warnings (slow statements, leaks, duplicate pools) and,
	// at debug level, one line per statement. Nil discards.
	Logger *slog.Logger
	// SlowThreshold logs statements that take longer at warn level with
	// their normalized SQL; 0 means DefaultSlowThreshold, negative turns it off.
	SlowThreshold time.Duration
	// OnQuery, if set, is called after every statement (for metrics). It runs
	// on the caller's goroutine and must be fast.
	OnQuery func(QueryEvent)
	// Retry is the backoff policy for retryable failures; the zero value means
	// DefaultRetryAttempts, DefaultRetryBase and DefaultRetryCap.
	Retry RetryPolicy
}

// DefaultSlowThreshold is the slow-statement threshold when Options leave it
// zero (SLOW_QUERY_MS's default).
const DefaultSlowThreshold = time.Second

// QueryEvent describes one finished statement.
type QueryEvent struct {
	Op       string        // stable operation name: "ContactMessage.select"
	SQL      string        // normalized SQL: no values
	Duration time.Duration // from asking for a connection to the end of the result
	Rows     int64         // rows read or affected; -1 when unknown
	Err      error         // nil on success
	Kind     Kind          // the class of Err
}

// DB is a pool of connections to one database, safe for concurrent use by
// any number of goroutines. Get one with Open (a private pool) or Shared (one
// pool per URL per process) and close it with Close.
type DB struct {
	*engine
	shared    bool
	closeOnce sync.Once
	closeErr  error
}

// engine is the pool itself; several DB handles from Shared point at one.
type engine struct {
	cfg   Config
	log   *slog.Logger
	opts  Options
	slow  time.Duration
	rw    *pool // writes, and everything on PostgreSQL and MySQL
	ro    *pool // reads; the same as rw except on SQLite
	stmts statements
	retry RetryPolicy

	waitCount       atomic.Int64
	waitNanos       atomic.Int64
	acquires        atomic.Int64
	acquireTimeouts atomic.Int64
	retries         atomic.Int64
	connectErrors   atomic.Int64
	leaks           atomic.Int64

	breaker breaker
	storage storageState
	leak    leakTracker
	health  healthFlight

	closing   chan struct{}
	closeOnce sync.Once
	bg        sync.WaitGroup

	refs int    // guarded by registry.mu
	key  string // registry key of a shared engine
}

// pool is one database/sql pool behind a semaphore of its size. The
// semaphore is what callers wait on: it gives an acquire timeout separate
// from the statement's context, exact wait statistics, and a way for Close to
// wait for connections in use.
type pool struct {
	db    *sql.DB
	conn  *connector
	slots chan struct{}
	// closeTaken counts the slots Close has taken; only Close uses it.
	closeTaken int
}

func newPool(cfg Config, readOnly bool, size int, onConnect func(error)) (*pool, error) {
	c, err := newConnector(cfg, readOnly)
	if err != nil {
		return nil, err
	}
	c.onConnect = onConnect
	sdb := sql.OpenDB(c)
	sdb.SetMaxOpenConns(size)
	// Keep every connection the pool may open: database/sql's default of two
	// idle connections would close and reopen connections under steady load.
	sdb.SetMaxIdleConns(size)
	sdb.SetConnMaxIdleTime(cfg.IdleTimeout)
	sdb.SetConnMaxLifetime(cfg.MaxLifetime)
	return &pool{db: sdb, conn: c, slots: make(chan struct{}, size)}, nil
}

// Open creates a private pool for cfg. It does not wait for the database:
// the first statement connects, so a service can start before its database
// (use Ping or WaitReady to wait). For SQLite it creates the file's
// directory and the file, and sets WAL mode.
//
// Open logs a warning when another pool in this process already reaches the
// same database: each pool holds its own connections, so most programs want
// exactly one (see Shared).
func Open(ctx context.Context, cfg Config, opts Options) (*DB, error) {
	e, err := newEngine(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	registry.track(e)
	return &DB{engine: e}, nil
}

// sqliteOpenRetry bounds the retries of a SQLite file's first connection:
// ten tries within about two seconds.
var sqliteOpenRetry = RetryPolicy{Attempts: 10, Base: 20 * time.Millisecond, Cap: 400 * time.Millisecond}

func newEngine(ctx context.Context, cfg Config, opts Options) (*engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := &engine{
		cfg:     cfg,
		opts:    opts,
		log:     opts.Logger,
		slow:    opts.SlowThreshold,
		retry:   opts.Retry.withDefaults(),
		closing: make(chan struct{}),
	}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	if e.slow == 0 {
		e.slow = DefaultSlowThreshold
	}
	e.stmts.dialect = cfg.Dialect
	e.breaker.init(e)
	e.leak.init(cfg.LeakThreshold)

	var err error
	if cfg.Dialect == SQLite {
		if err := os.MkdirAll(filepath.Dir(cfg.Database), 0o755); err != nil {
			return nil, fmt.Errorf("db: create directory for SQLite file: %w", err)
		}
		// One writer: SQLite allows one at a time, and queueing them here
		// (with a pool timeout) beats queueing them on SQLITE_BUSY.
		if e.rw, err = newPool(cfg, false, 1, e.onConnect); err != nil {
			return nil, err
		}
		if e.ro, err = newPool(cfg, true, cfg.MaxConns, e.onConnect); err != nil {
			e.rw.db.Close()
			return nil, err
		}
		// Create the file and switch it to WAL before any reader opens it.
		// Another process switching the same new file at the same moment
		// can make the switch fail with SQLITE_BUSY at once, whatever
		// busy_timeout says: it is retried like any temporary failure.
		open := func(ctx context.Context) error { return wrap("open", e.rw.db.PingContext(ctx)) }
		again := func(_ int, err error) bool { return KindOf(err).Temporary() }
		if err := Retry(ctx, sqliteOpenRetry, again, open); err != nil {
			e.rw.db.Close()
			e.ro.db.Close()
			return nil, err
		}
	} else {
		if e.rw, err = newPool(cfg, false, cfg.MaxConns, e.onConnect); err != nil {
			return nil, err
		}
		e.ro = e.rw
	}
	if cfg.LeakThreshold > 0 {
		e.bg.Add(1)
		go e.leak.watch(e)
	}
	return e, nil
}

// Config returns the configuration the DB was opened with.
func (e *engine) Config() Config { return e.cfg }

// Dialect returns the SQL dialect.
func (e *engine) Dialect() Dialect { return e.cfg.Dialect }

// SQL returns the underlying read-write *sql.DB, for tools that need one
// (migrations). Statements run through it bypass the pool timeout, stats
// and retries.
func (e *engine) SQL() *sql.DB { return e.rw.db }

func (e *engine) onConnect(err error) {
	if err != nil {
		e.connectErrors.Add(1)
		if KindOf(err) == KindSerialization {
			// SQLite's file was locked by another connection or process
			// (SQLITE_BUSY while switching to WAL, say): the database is
			// there, only busy. Not the breaker's business, which would
			// fail every statement fast for a lock held a moment.
			return
		}
	}
	e.breaker.record(err)
}

func (e *engine) poolFor(s *statement) *pool {
	if s.readOnly {
		return e.ro
	}
	return e.rw
}

// acquire takes a slot of p, waiting at most PoolTimeout. The fast path
// neither allocates nor reads the clock.
func (e *engine) acquire(ctx context.Context, p *pool, op string) (*holder, error) {
	select {
	case <-e.closing:
		return nil, &Error{Kind: KindUnavailable, Op: op, Err: ErrClosed}
	default:
	}
	if err := e.breaker.allow(); err != nil {
		return nil, &Error{Kind: KindUnavailable, Op: op, Err: err}
	}
	select {
	case p.slots <- struct{}{}:
		e.acquires.Add(1)
		return e.leak.hold(op), nil
	default:
	}
	start := time.Now()
	e.waitCount.Add(1)
	var timeout <-chan time.Time
	if e.cfg.PoolTimeout > 0 {
		t := time.NewTimer(e.cfg.PoolTimeout)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case p.slots <- struct{}{}:
		e.waitNanos.Add(int64(time.Since(start)))
		e.acquires.Add(1)
		return e.leak.hold(op), nil
	case <-timeout:
		e.waitNanos.Add(int64(time.Since(start)))
		e.acquireTimeouts.Add(1)
		return nil, &Error{Kind: KindPoolTimeout, Op: op, Err: fmt.Errorf(
			"no free connection within pool_timeout %s (pool size %d, all in use; raise connection_limit or find what holds connections)",
			e.cfg.PoolTimeout, cap(p.slots))}
	case <-ctx.Done():
		e.waitNanos.Add(int64(time.Since(start)))
		kind := KindCanceled
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			kind = KindPoolTimeout
			e.acquireTimeouts.Add(1)
		}
		return nil, &Error{Kind: kind, Op: op, Err: fmt.Errorf("waiting for a free connection: %w", ctx.Err())}
	case <-e.closing:
		return nil, &Error{Kind: KindUnavailable, Op: op, Err: ErrClosed}
	}
}

func (e *engine) release(p *pool, h *holder) {
	e.leak.release(h)
	<-p.slots
}

// observe records a finished statement: its running totals, the OnQuery
// hook, the slow-statement warning and the debug log line.
func (e *engine) observe(ctx context.Context, s *statement, start time.Time, rows int64, err error) {
	now := time.Now()
	d := now.Sub(start)
	s.record(d, err != nil, now)
	e.noteStorage(s.writes, err)
	kind := KindUnknown
	if err != nil {
		kind = KindOf(err)
		if e.isUnanswered(err) {
			e.breaker.record(err)
		}
	} else {
		e.breaker.answered()
	}
	if e.opts.OnQuery != nil {
		e.opts.OnQuery(QueryEvent{Op: s.op, SQL: s.normalized, Duration: d, Rows: rows, Err: err, Kind: kind})
	}
	if e.slow > 0 && d >= e.slow {
		e.log.LogAttrs(ctx, slog.LevelWarn, "slow statement",
			slog.String("op", s.op), slog.Float64("duration_ms", ms(d)),
			slog.Duration("threshold", e.slow), slog.String("sql", s.normalized))
	}
	if e.log.Enabled(ctx, slog.LevelDebug) {
		attrs := []slog.Attr{slog.String("op", s.op), slog.Float64("duration_ms", ms(d)), slog.Int64("rows", rows)}
		if err != nil {
			attrs = append(attrs, slog.String("error_kind", kind.String()))
		}
		e.log.LogAttrs(ctx, slog.LevelDebug, "db", attrs...)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Exec runs a statement that returns no rows. A write is retried only when
// it failed before reaching the server (connecting); once sent, its outcome
// is unknown and the error is returned.
func (e *engine) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s := e.stmts.get(query)
	p := e.poolFor(s)
	start := time.Now()
	bctx, cancel := e.bound(ctx)
	defer cancel()
	for attempt := 1; ; attempt++ {
		res, err := e.exec(bctx, p, s, args)
		err = e.unanswered(bctx, s.op, err)
		if err == nil {
			var n int64 = -1
			if res != nil {
				n, _ = res.RowsAffected()
			}
			e.observe(ctx, s, start, n, nil)
			return res, nil
		}
		if !e.shouldRetry(bctx, s, err, attempt) {
			e.observe(ctx, s, start, -1, err)
			return nil, err
		}
	}
}

func (e *engine) exec(ctx context.Context, p *pool, s *statement, args []any) (sql.Result, error) {
	h, err := e.acquire(ctx, p, s.op)
	if err != nil {
		return nil, err
	}
	defer e.release(p, h)
	res, err := p.db.ExecContext(ctx, s.sql, args...)
	return res, wrap(s.op, err)
}

// Query runs a statement that returns rows. The connection stays taken until
// the Rows are closed: always close them. Read-only statements that lose
// their connection before the first row are retried.
func (e *engine) Query(ctx context.Context, query string, args ...any) (*Rows, error) {
	s := e.stmts.get(query)
	p := e.poolFor(s)
	start := time.Now()
	bctx, cancel := e.bound(ctx)
	for attempt := 1; ; attempt++ {
		rows, err := e.query(bctx, p, s, args)
		err = e.unanswered(bctx, s.op, err)
		if err == nil {
			rows.ctx, rows.bctx, rows.cancel, rows.start = ctx, bctx, cancel, start
			return rows, nil
		}
		if !e.shouldRetry(bctx, s, err, attempt) {
			cancel()
			e.observe(ctx, s, start, -1, err)
			return nil, err
		}
	}
}

func (e *engine) query(ctx context.Context, p *pool, s *statement, args []any) (*Rows, error) {
	h, err := e.acquire(ctx, p, s.op)
	if err != nil {
		return nil, err
	}
	rows, err := p.db.QueryContext(ctx, s.sql, args...)
	if err != nil {
		e.release(p, h)
		return nil, wrap(s.op, err)
	}
	return &Rows{rows: rows, e: e, p: p, h: h, s: s}, nil
}

// QueryRow runs a statement expected to return at most one row; Row.Scan
// reports ErrNotFound when there is none. The connection is held until Scan.
func (e *engine) QueryRow(ctx context.Context, query string, args ...any) Row {
	s := e.stmts.get(query)
	return Row{e: e, p: e.poolFor(s), s: s, ctx: ctx, args: args, start: time.Now()}
}

// Ping checks that a connection can be had and the server answers.
func (e *engine) Ping(ctx context.Context) error {
	var one int
	return e.QueryRow(ctx, "SELECT 1").Scan(&one)
}

// Rows is the result of Query. It is not safe for concurrent use.
type Rows struct {
	rows   *sql.Rows
	e      *engine
	p      *pool // nil inside a transaction
	h      *holder
	s      *statement
	ctx    context.Context    // the caller's
	bctx   context.Context    // under the client-side bound
	cancel context.CancelFunc // bctx's
	start  time.Time
	n      int64
	done   bool
}

// Next prepares the next row for Scan; false at the end or on error (see Err).
func (r *Rows) Next() bool {
	if r.rows.Next() {
		r.n++
		return true
	}
	return false
}

// Scan copies the current row's columns into dest.
func (r *Rows) Scan(dest ...any) error { return wrap(r.s.op, r.rows.Scan(dest...)) }

// Err returns the error that ended iteration, if any.
func (r *Rows) Err() error { return r.e.unanswered(r.bctx, r.s.op, wrap(r.s.op, r.rows.Err())) }

// Close releases the connection. It is safe to call more than once.
func (r *Rows) Close() error {
	if r.done {
		return nil
	}
	r.done = true
	err := r.rows.Close()
	if iterErr := r.rows.Err(); err == nil {
		err = iterErr
	}
	err = r.e.unanswered(r.bctx, r.s.op, wrap(r.s.op, err))
	r.cancel()
	if r.p != nil {
		r.e.release(r.p, r.h)
	}
	r.e.observe(r.ctx, r.s, r.start, r.n, err)
	return err
}

// Row is the result of QueryRow. Its statement runs when Scan is called.
type Row struct {
	e     *engine
	p     *pool
	tx    *sql.Tx
	s     *statement
	ctx   context.Context
	args  []any
	start time.Time
}

// Scan runs the statement and copies the first row into dest. It returns an
// error matching ErrNotFound when there is no row. A read-only statement that
// loses its connection is retried.
func (r Row) Scan(dest ...any) error {
	bctx, cancel := r.e.bound(r.ctx)
	defer cancel()
	for attempt := 1; ; attempt++ {
		err := r.e.unanswered(bctx, r.s.op, r.scan(bctx, dest))
		if err == nil || r.tx != nil || !r.e.shouldRetry(bctx, r.s, err, attempt) {
			rows := int64(1)
			if err != nil {
				rows = 0
			}
			if KindOf(err) == KindNotFound {
				r.e.observe(r.ctx, r.s, r.start, 0, nil)
			} else {
				r.e.observe(r.ctx, r.s, r.start, rows, err)
			}
			return err
		}
	}
}

func (r Row) scan(ctx context.Context, dest []any) error {
	if r.tx != nil {
		return wrap(r.s.op, r.tx.QueryRowContext(ctx, r.s.sql, r.args...).Scan(dest...))
	}
	h, err := r.e.acquire(ctx, r.p, r.s.op)
	if err != nil {
		return err
	}
	defer r.e.release(r.p, h)
	return wrap(r.s.op, r.p.db.QueryRowContext(ctx, r.s.sql, r.args...).Scan(dest...))
}
