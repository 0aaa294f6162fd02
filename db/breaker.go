package db

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// breaker fails statements fast while the database cannot be reached. After
// breakerThreshold connection attempts in a row have failed, acquire returns
// KindUnavailable at once (matching ErrUnavailable, and not retried) instead
// of letting every caller wait out its own connect timeout; a background
// probe connects every breakerProbeEvery and closes the breaker on the first
// success.
//
// Only attempts that tell something about the database count: refused,
// reset, rejected by the server, or out of connect_timeout. An attempt the
// caller gave up (its context ended) is not recorded at all; see
// connector.Connect. A statement that got no answer within the client-side
// bound (socket_timeout plus margin: the network drops packets, or the
// server is stuck) counts as a failure too, and a statement that got its
// answer as a success: a blackholed network opens the breaker although the
// pool's connections were open before it.
type breaker struct {
	e        *engine
	open     atomic.Bool
	failing  atomic.Bool // failures > 0, read without the lock
	openings atomic.Int64
	mu       sync.Mutex
	failures int
	causes   map[string]int // failures in a row, by connectFailureClass
	since    time.Time
	lastErr  error
}

const (
	breakerThreshold  = 3
	breakerProbeEvery = 500 * time.Millisecond
	breakerProbes     = 4 // probe attempts in flight at most
)

func (b *breaker) init(e *engine) { b.e = e }

// allow returns nil when statements may proceed.
func (b *breaker) allow() error {
	if !b.open.Load() {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return fmt.Errorf("%w: the database has not answered since %s (last: %v); retrying in the background",
		ErrUnavailable, b.since.UTC().Format(time.RFC3339), b.lastErr)
}

// IsOpen reports whether the breaker is failing statements fast.
func (b *breaker) IsOpen() bool { return b.open.Load() }

// record takes the outcome of one connection attempt.
func (b *breaker) record(err error) {
	if err == nil {
		// Under the lock: failures is written by failed attempts running
		// at the same time. Connections open rarely enough not to mind.
		b.mu.Lock()
		b.failures = 0
		b.failing.Store(false)
		clear(b.causes)
		wasOpen := b.open.Swap(false)
		b.mu.Unlock()
		if wasOpen {
			b.e.log.Info("db reachable again; circuit breaker closed", "target", b.e.cfg.Target())
		}
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures++
	b.failing.Store(true)
	b.lastErr = err
	class := connectFailureClass(err)
	if b.causes == nil {
		b.causes = map[string]int{}
	}
	b.causes[class]++
	if b.failures < breakerThreshold || b.open.Load() {
		return
	}
	select {
	case <-b.e.closing:
		return
	default:
	}
	b.since = time.Now()
	b.open.Store(true)
	b.openings.Add(1)
	causes := make([]any, 0, len(b.causes))
	for _, c := range slices.Sorted(maps.Keys(b.causes)) {
		causes = append(causes, slog.Int(c, b.causes[c]))
	}
	b.e.log.LogAttrs(context.Background(), slog.LevelError, "db unreachable; circuit breaker open, failing fast",
		slog.String("target", b.e.cfg.Target()),
		slog.Int("failures", b.failures),
		slog.Group("causes", causes...),
		slog.String("last_error_class", class),
		slog.String("last_error", b.e.cfg.redact(err.Error())))
	b.e.bg.Add(1)
	go b.probe()
}

// answered takes a statement that got its answer: a success, which
// resets the count of failures in a row. Without failures to reset it
// costs one atomic load.
func (b *breaker) answered() {
	if b.failing.Load() {
		b.record(nil)
	}
}

// Openings counts the times the breaker opened.
func (b *breaker) Openings() int64 { return b.openings.Load() }

// probe connects until the database answers, then closes the breaker. It
// starts an attempt every breakerProbeEvery, without waiting for the ones
// still in flight (at most breakerProbes of them): through a network that
// drops packets an attempt hangs until its timeout, and the database
// should be seen again within a tick of the network's return, not after
// the attempt that started before it.
func (b *breaker) probe() {
	defer b.e.bg.Done()
	t := time.NewTicker(breakerProbeEvery)
	defer t.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	slots := make(chan struct{}, breakerProbes)
	for b.open.Load() {
		select {
		case <-b.e.closing:
			return
		case <-t.C:
		}
		select {
		case slots <- struct{}{}:
		default:
			continue // as many in flight as may be
		}
		timeout := b.e.cfg.ConnectTimeout
		if timeout <= 0 || timeout > 5*time.Second {
			timeout = 5 * time.Second
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			actx, acancel := context.WithTimeout(ctx, timeout)
			c, err := b.e.rw.conn.base.Connect(actx)
			acancel()
			if err == nil {
				c.Close()
			}
			if ctx.Err() == nil && b.open.Load() {
				b.record(err)
			}
		}()
	}
}
