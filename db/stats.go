package db

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Stats is a snapshot of a DB's pool. Counters count from Open.
type Stats struct {
	MaxConns int // most connections the pool may open (SQLite: readers + the writer)
	Open     int // connections open now
	InUse    int // connections taken by callers now
	Idle     int // open connections waiting in the pool

	AcquireCount    int64         // connections handed to callers
	WaitCount       int64         // acquisitions that had to wait for a free connection
	WaitDuration    time.Duration // total time spent waiting
	AcquireTimeouts int64         // waits that ended in KindPoolTimeout

	ConnsOpened   int64 // connections opened
	ConnsClosed   int64 // connections closed
	ConnectErrors int64 // attempts to open a connection that the database or network failed: refused, reset, rejected, out of connect_timeout
	// ConnectsAbandoned counts attempts given up because the caller's own
	// context ended first. They say nothing about the database: they are
	// not in ConnectErrors, and the circuit breaker does not see them.
	ConnectsAbandoned int64

	IdleClosed      int64 // closed for being idle longer than IdleTimeout
	LifetimeClosed  int64 // closed for reaching their lifetime
	Retries         int64 // statements and transactions run again after a retryable failure
	Leaks           int64 // connections held past LeakThreshold
	BreakerOpen     bool  // failing fast because the database is unreachable
	BreakerOpenings int64 // times the circuit breaker opened
}

// Stats returns a snapshot of the pool's numbers. It is cheap enough to call
// on every metrics scrape.
func (e *engine) Stats() Stats {
	s := Stats{
		AcquireCount:    e.acquires.Load(),
		WaitCount:       e.waitCount.Load(),
		WaitDuration:    time.Duration(e.waitNanos.Load()),
		AcquireTimeouts: e.acquireTimeouts.Load(),
		ConnectErrors:   e.connectErrors.Load(),
		Retries:         e.retries.Load(),
		Leaks:           e.leaks.Load(),
		BreakerOpen:     e.breaker.IsOpen(),
		BreakerOpenings: e.breaker.Openings(),
	}
	add := func(p *pool) {
		ds := p.db.Stats()
		s.MaxConns += cap(p.slots)
		s.Open += ds.OpenConnections
		s.InUse += len(p.slots)
		s.Idle += ds.Idle
		s.IdleClosed += ds.MaxIdleTimeClosed
		s.LifetimeClosed += ds.MaxLifetimeClosed
		s.ConnsOpened += p.conn.opened.Load()
		s.ConnsClosed += p.conn.closed.Load()
		s.ConnectsAbandoned += p.conn.abandoned.Load()
	}
	add(e.rw)
	if e.ro != e.rw {
		add(e.ro)
	}
	return s
}

// Health is the outcome of one health check.
type Health struct {
	OK      bool
	Latency time.Duration
	Err     error // nil when OK
	// StorageFull is set from the first write that failed with
	// KindStorageFull until a write succeeds again: the database answers
	// (OK may be true) but cannot store anything.
	StorageFull bool
}

// HealthTimeout bounds one health check.
const HealthTimeout = 2 * time.Second

// healthFlight lets concurrent Health callers share one check.
type healthFlight struct {
	mu   sync.Mutex
	call *healthCall // the check in flight, nil when none
}

type healthCall struct {
	done    chan struct{} // closed when res is set
	res     Health
	waiters int // callers waiting for res now; guarded by healthFlight.mu
}

// Health runs SELECT 1 and reports how long it took. Concurrent callers
// share one check at a time: probes of every load balancer and
// orchestrator cost the database one statement, not one each. The check
// runs under its own HealthTimeout, not under the context of the caller
// that started it, so that caller leaving does not fail the others; each
// caller waits only as long as its own ctx allows, and gets a not-OK
// Health with ctx's error when it ends first. A caller whose ctx has
// already ended returns at once and starts no check.
func (e *engine) Health(ctx context.Context) Health {
	if err := ctx.Err(); err != nil {
		return Health{Err: fmt.Errorf("db: health: %w", err)}
	}
	f := &e.health
	f.mu.Lock()
	c := f.call
	if c == nil {
		c = &healthCall{done: make(chan struct{})}
		f.call = c
		// Not canceled with ctx, but with its values (for logs and
		// traces of the statement).
		go e.runHealth(context.WithoutCancel(ctx), c)
	}
	c.waiters++
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		c.waiters--
		f.mu.Unlock()
	}()
	select {
	case <-c.done:
		return c.res
	case <-ctx.Done():
		return Health{Err: fmt.Errorf("db: health: %w", ctx.Err())}
	}
}

// healthInFlight reports whether a check is in flight and how many
// callers wait for it.
func (e *engine) healthInFlight() (inFlight bool, waiters int) {
	e.health.mu.Lock()
	defer e.health.mu.Unlock()
	if e.health.call == nil {
		return false, 0
	}
	return true, e.health.call.waiters
}

func (e *engine) runHealth(ctx context.Context, c *healthCall) {
	ctx, cancel := context.WithTimeout(ctx, HealthTimeout)
	defer cancel()
	start := time.Now()
	err := e.Ping(ctx)
	c.res = Health{OK: err == nil, Latency: time.Since(start), Err: err, StorageFull: e.storage.full.Load()}
	e.health.mu.Lock()
	e.health.call = nil
	e.health.mu.Unlock()
	close(c.done)
}

// SlowQuery is one statement's totals since Open, for the slow-query report.
type SlowQuery struct {
	Op       string
	SQL      string // normalized: no values
	Count    int64
	Errors   int64
	Total    time.Duration
	Max      time.Duration
	LastSeen time.Time
}

// Mean is the average duration.
func (q SlowQuery) Mean() time.Duration {
	if q.Count == 0 {
		return 0
	}
	return q.Total / time.Duration(q.Count)
}

// TopQueries returns up to n statements by total time, largest first.
// Statements that differ only in literal values are grouped. Memory is
// bounded: at most 2048 distinct statements are tracked.
func (e *engine) TopQueries(n int) []SlowQuery {
	byText := map[string]*SlowQuery{}
	for _, s := range e.stmts.all() {
		c := s.count.Load()
		if c == 0 {
			continue
		}
		q := byText[s.normalized]
		if q == nil {
			q = &SlowQuery{Op: s.op, SQL: s.normalized}
			byText[s.normalized] = q
		}
		q.Count += c
		q.Errors += s.errors.Load()
		q.Total += time.Duration(s.totalNano.Load())
		q.Max = max(q.Max, time.Duration(s.maxNano.Load()))
		if t := time.Unix(0, s.lastSeen.Load()); t.After(q.LastSeen) {
			q.LastSeen = t
		}
	}
	out := make([]SlowQuery, 0, len(byText))
	for _, q := range byText {
		out = append(out, *q)
	}
	sortByTotal(out)
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
