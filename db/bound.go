package db

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The client-side bound. The servers enforce socket_timeout themselves
// (statement_timeout, max_statement_time), but a server that cannot answer
// at all (a dead host, a firewall that drops packets, a blackholed network)
// enforces nothing, and neither does PostgreSQL behind PgBouncer in
// transaction mode, where session settings cannot be used. So every call
// (Exec, Query until its Rows close, QueryRow.Scan, each step of a
// transaction) also runs under a context deadline of QueryTimeout plus a
// margin, unless the caller's own deadline comes first. It covers the wait
// for a connection, opening one, the statement and its retries. When it
// fires, the caller gets KindQueryTimeout, the drivers close the connection
// (pgx and the MySQL driver close the socket when a context ends, whatever
// the network does), and the breaker counts it: a server that does not
// answer is as unreachable as one that refuses.

// errNoAnswer is the cause of a client-side bound that ran out.
var errNoAnswer = errors.New("no answer from the database within socket_timeout plus margin")

// callerKey holds, in a bounded context, the caller's own context: an
// attempt to connect cut short by the bound says something about the
// database, one the caller gave up does not (see connector.Connect).
type callerKey struct{}

// callerOf returns the caller's own context of a context made by bound.
func callerOf(ctx context.Context) context.Context {
	if c, ok := ctx.Value(callerKey{}).(context.Context); ok {
		return c
	}
	return ctx
}

// clientBound is how long a call may take, socket_timeout plus a margin
// of a tenth, at least a second, so that the server's own timeout, which
// keeps the connection, fires first; on SQLite, which has no server and
// no network, exactly socket_timeout. 0 means no bound.
func (e *engine) clientBound() time.Duration { return clientBound(e.cfg) }

func clientBound(cfg Config) time.Duration {
	qt := cfg.QueryTimeout
	if qt <= 0 {
		return 0
	}
	if cfg.Dialect == SQLite {
		return qt
	}
	return qt + max(time.Second, qt/10)
}

// noop is the cancel function of a context that bound left alone.
func noop() {}

// bound returns ctx under the client-side bound, and its cancel function.
// When the caller's deadline comes first, or there is no bound, ctx is
// returned as it is.
func (e *engine) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	b := e.clientBound()
	if b <= 0 {
		return ctx, noop
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= b {
		return ctx, noop
	}
	bctx, cancel := context.WithTimeoutCause(ctx, b, errNoAnswer)
	return context.WithValue(bctx, callerKey{}, ctx), cancel
}

// unanswered returns err as KindQueryTimeout when the client-side bound of
// bctx ran out while the caller still waited. Pool timeouts and refused or
// unreachable connection attempts keep their kind (the connector has
// counted those already); so do answers the server gave.
//
// It also names the caller's leaving: a statement whose connection broke
// (KindUnavailable, KindUnknown) after its caller canceled or ran out of
// time gets the caller's kind, KindCanceled or KindQueryTimeout. On MySQL
// the connection broke because db killed it (see watchKill), or because
// the driver closed it when it saw the caller leave: either way the caller's
// leaving is the cause, not the database.
func (e *engine) unanswered(bctx context.Context, op string, err error) error {
	if err == nil {
		return err
	}
	caller := bctx
	if c, ok := bctx.Value(callerKey{}).(context.Context); ok {
		caller = c
	}
	if callerEnded(caller) {
		switch KindOf(err) {
		case KindUnavailable, KindUnknown:
			kind := KindQueryTimeout
			if errors.Is(caller.Err(), context.Canceled) {
				kind = KindCanceled
			}
			return &Error{Kind: kind, Op: op, Err: fmt.Errorf("the caller gave up (%w): %w", context.Cause(caller), err)}
		}
		return err
	}
	if !boundPassed(bctx) {
		return err
	}
	if isConnectError(err) {
		return err
	}
	switch KindOf(err) {
	case KindQueryTimeout, KindCanceled, KindUnavailable, KindUnknown:
	default:
		return err
	}
	return &Error{Kind: KindQueryTimeout, Op: op, Err: fmt.Errorf("%w (%s): %w", errNoAnswer, e.clientBound(), err)}
}

// boundPassed reports whether the client-side bound of bctx has run out
// while its caller still waits. A driver's own timer (a read deadline) may
// fail the statement a moment before the context's timer says so: a
// deadline of bound's that has passed counts too.
func boundPassed(bctx context.Context) bool {
	caller, ok := bctx.Value(callerKey{}).(context.Context)
	if !ok || callerEnded(caller) {
		return false
	}
	if errors.Is(context.Cause(bctx), errNoAnswer) {
		return true
	}
	dl, ok := bctx.Deadline()
	return ok && !time.Now().Before(dl)
}

// isUnanswered reports whether err is a bound that ran out on a server:
// what the breaker counts. SQLite's bound is a statement too slow, not a
// database out of reach.
func (e *engine) isUnanswered(err error) bool {
	return e.cfg.Dialect != SQLite && errors.Is(err, errNoAnswer)
}

// stepWatch bounds the steps of a transaction that database/sql runs on
// the context given to BeginTx (BEGIN, COMMIT, ROLLBACK): each step arms a
// timer that cancels that context with errNoAnswer.
type stepWatch struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	bound  time.Duration
}

func (e *engine) newStepWatch(ctx context.Context) *stepWatch {
	cctx, cancel := context.WithCancelCause(ctx)
	return &stepWatch{ctx: context.WithValue(cctx, callerKey{}, ctx), cancel: cancel, bound: e.clientBound()}
}

// step runs fn with the bound armed.
func (w *stepWatch) step(fn func() error) error {
	if w.bound <= 0 {
		return fn()
	}
	t := time.AfterFunc(w.bound, func() { w.cancel(errNoAnswer) })
	defer t.Stop()
	return fn()
}

// counted gives the breaker err, a failure of a step that observe does
// not see, when it is a bound that ran out; it returns err.
func (e *engine) counted(err error) error {
	if e.isUnanswered(err) {
		e.breaker.record(err)
	}
	return err
}
