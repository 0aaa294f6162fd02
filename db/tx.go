package db

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TxOptions are the options of a transaction.
type TxOptions struct {
	// Isolation is the isolation level; the zero value is the server's
	// default. SQLite transactions are always serializable and ignore it.
	Isolation sql.IsolationLevel
	// ReadOnly starts a read-only transaction (on SQLite: on a reader
	// connection).
	ReadOnly bool
}

// Tx is a transaction in progress, handed to the function given to DB.Tx.
// It must not be used after that function returns, nor concurrently.
type Tx struct {
	tx *sql.Tx
	e  *engine
}

// Querier runs statements: *DB and *Tx both implement it, so store helpers
// taking a Querier compose inside transactions.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	Dialect() Dialect
}

var (
	_ Querier = (*DB)(nil)
	_ Querier = (*Tx)(nil)
)

// Dialect returns the SQL dialect.
func (t *Tx) Dialect() Dialect { return t.e.cfg.Dialect }

// Exec runs a statement inside the transaction.
func (t *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s := t.e.stmts.get(query)
	start := time.Now()
	bctx, cancel := t.e.bound(ctx)
	defer cancel()
	res, err := t.tx.ExecContext(bctx, s.sql, args...)
	err = t.e.unanswered(bctx, s.op, wrap(s.op, err))
	var n int64 = -1
	if err == nil {
		n, _ = res.RowsAffected()
	}
	t.e.observe(ctx, s, start, n, err)
	return res, err
}

// Query runs a statement returning rows inside the transaction. Close the
// Rows before the next statement.
func (t *Tx) Query(ctx context.Context, query string, args ...any) (*Rows, error) {
	s := t.e.stmts.get(query)
	start := time.Now()
	bctx, cancel := t.e.bound(ctx)
	rows, err := t.tx.QueryContext(bctx, s.sql, args...)
	if err != nil {
		err = t.e.unanswered(bctx, s.op, wrap(s.op, err))
		cancel()
		t.e.observe(ctx, s, start, -1, err)
		return nil, err
	}
	return &Rows{rows: rows, e: t.e, s: s, ctx: ctx, bctx: bctx, cancel: cancel, start: start}, nil
}

// QueryRow runs a statement expected to return at most one row.
func (t *Tx) QueryRow(ctx context.Context, query string, args ...any) Row {
	return Row{e: t.e, tx: t.tx, s: t.e.stmts.get(query), ctx: ctx, args: args, start: time.Now()}
}

// Tx runs fn in a transaction: it commits when fn returns nil and rolls back
// when fn returns an error or panics (the panic continues after the
// rollback). When the transaction fails with a serialization failure or a
// deadlock (KindSerialization), or could not start for want of a
// connection, fn runs again in a new transaction, with backoff, up to the
// retry policy's attempts; fn must therefore have no effects outside the
// transaction. The connection is held for the whole of fn.
func (e *engine) Tx(ctx context.Context, opts TxOptions, fn func(*Tx) error) error {
	p := e.rw
	if opts.ReadOnly {
		p = e.ro
	}
	for attempt := 1; ; attempt++ {
		err := e.runTx(ctx, p, opts, fn)
		if err == nil {
			return nil
		}
		if attempt >= e.retry.Attempts || !(KindOf(err) == KindSerialization || isConnectError(err)) ||
			!e.backoff(ctx, "tx", err, attempt) {
			return err
		}
	}
}

func (e *engine) runTx(ctx context.Context, p *pool, opts TxOptions, fn func(*Tx) error) (err error) {
	h, err := e.acquire(ctx, p, "tx")
	if err != nil {
		return err
	}
	defer e.release(p, h)
	so := &sql.TxOptions{Isolation: opts.Isolation, ReadOnly: opts.ReadOnly}
	if e.cfg.Dialect == SQLite {
		// Readers are query_only connections; SQLite is serializable anyway.
		so = nil
	}
	// BEGIN, COMMIT and ROLLBACK run on the context given to BeginTx: each
	// is bounded by its own step; fn's statements bound themselves.
	w := e.newStepWatch(ctx)
	defer w.cancel(nil)
	var tx *sql.Tx
	err = w.step(func() (err error) { tx, err = p.db.BeginTx(w.ctx, so); return err })
	if err != nil {
		return e.counted(e.unanswered(w.ctx, "tx.begin", wrap("tx.begin", err)))
	}
	done := false
	defer func() {
		if !done {
			rbErr := w.step(tx.Rollback)
			if rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) && err == nil {
				err = e.counted(e.unanswered(w.ctx, "tx.rollback", wrap("tx.rollback", rbErr)))
			}
		}
	}()
	if err := fn(&Tx{tx: tx, e: e}); err != nil {
		return err
	}
	done = true
	if err := w.step(tx.Commit); err != nil {
		err = e.counted(e.unanswered(w.ctx, "tx.commit", wrap("tx.commit", err)))
		e.noteStorage(!opts.ReadOnly, err)
		return err
	}
	e.noteStorage(!opts.ReadOnly, nil)
	return nil
}
