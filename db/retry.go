package db

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"math/rand/v2"
	"time"
)

// RetryPolicy is exponential backoff with full jitter: before attempt n+1 the
// caller sleeps a random time in [0, min(Cap, Base*2^(n-1))). No sleep
// outlives the caller's context: when the deadline would pass first, the
// last error is returned at once.
type RetryPolicy struct {
	// Attempts is the most tries of one statement or transaction, the first
	// included (default 3; 1 turns retries off).
	Attempts int
	// Base is the backoff before the second try (default 50ms).
	Base time.Duration
	// Cap bounds one backoff (default 1s).
	Cap time.Duration
}

// The defaults of RetryPolicy, used for its zero fields. Constants, so
// that no caller can change another's retries.
const (
	DefaultRetryAttempts = 3
	DefaultRetryBase     = 50 * time.Millisecond
	DefaultRetryCap      = time.Second
)

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.Attempts <= 0 {
		p.Attempts = DefaultRetryAttempts
	}
	if p.Base <= 0 {
		p.Base = DefaultRetryBase
	}
	if p.Cap <= 0 {
		p.Cap = DefaultRetryCap
	}
	return p
}

// Backoff returns the random sleep before attempt+1 (attempt counts from 1;
// smaller values count as 1).
func (p RetryPolicy) Backoff(attempt int) time.Duration {
	d := p.Base << min(max(attempt, 1)-1, 30)
	if d <= 0 || d > p.Cap {
		d = p.Cap
	}
	return rand.N(d + 1)
}

// retryable reports whether a failed statement may run again: it never
// reached the server (connecting failed), or it only reads and lost its
// connection, or SQLite reported the database busy (nothing was applied).
// A write that may have reached the server is never retried: its outcome is
// unknown. Nor is a statement the open circuit breaker refused: it fails
// fast until the background probe reaches the database.
func retryable(s *statement, err error) bool {
	if failedFast(err) {
		return false
	}
	if isConnectError(err) {
		return true
	}
	switch KindOf(err) {
	case KindUnavailable:
		return s.readOnly
	case KindSerialization:
		// Outside a transaction this is SQLite's SQLITE_BUSY or a MySQL lock
		// wait/deadlock victim: the statement was rolled back whole.
		return true
	}
	return false
}

func (e *engine) shouldRetry(ctx context.Context, s *statement, err error, attempt int) bool {
	if attempt >= e.retry.Attempts || !retryable(s, err) {
		return false
	}
	return e.backoff(ctx, s.op, err, attempt)
}

// backoff sleeps before the next attempt. It returns false, without
// sleeping, when the context would end first or the DB is closing.
func (e *engine) backoff(ctx context.Context, op string, err error, attempt int) bool {
	if ctx.Err() != nil {
		return false
	}
	d := e.retry.Backoff(attempt)
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= d {
		return false
	}
	e.retries.Add(1)
	e.log.LogAttrs(ctx, slog.LevelInfo, "db retry", slog.String("op", op), slog.Int("attempt", attempt+1),
		slog.String("error_kind", KindOf(err).String()), slog.Duration("backoff", d))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-e.closing:
		return false
	}
}

// Unlimited, as RetryPolicy.Attempts for Retry, tries until the context
// ends: the caller's deadline is then the only bound.
const Unlimited = math.MaxInt

// Retry runs fn until it returns nil, until again reports false for its
// error, or until p.Attempts runs have failed; it sleeps p.Backoff between
// runs and returns the last error. No sleep outlives ctx: when ctx would end
// first, Retry returns at once with fn's last error, wrapped with ctx's
// error when ctx has ended. attempt counts from 1; again may log.
//
// Each caller names its bound: attempts (p.Attempts), a deadline (ctx with
// a timeout, such as DB_STARTUP_TIMEOUT), or none but the caller's context
// (Unlimited). It is the one retry loop of code that uses db; statements and
// transactions of DB retry on their own, by Options.Retry.
func Retry(ctx context.Context, p RetryPolicy, again func(attempt int, err error) bool, fn func(ctx context.Context) error) error {
	p = p.withDefaults()
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil || attempt >= p.Attempts || !again(attempt, err) {
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return errors.Join(err, cerr)
		}
		d := p.Backoff(attempt)
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= d {
			return err
		}
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		}
	}
}
