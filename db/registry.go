package db

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// registry is the process-wide table of open pools: the one piece of global
// state in db. It lets Shared hand out one pool per URL, however many
// goroutines ask at once, and lets Open warn when a second pool reaches a
// database that already has one, the Go form of Prisma's "too many
// PrismaClient instances" problem.
var registry = &poolRegistry{shared: map[string]*engine{}, open: map[*engine]struct{}{}}

type poolRegistry struct {
	mu     sync.Mutex
	shared map[string]*engine
	open   map[*engine]struct{}
}

// Shared returns the process's pool for cfg, opening it on first use; every
// later call with the same URL and pool size returns a handle to the same
// pool. A later call must pass the same Options (the same Logger and hooks,
// compared by identity) and a Config with the same fields: a pool has one
// logger, one set of hooks and one set of settings, so a caller whose
// Options or Config differ gets an error naming the fields that differ,
// rather than a pool that quietly ignores them. Each handle must be closed
// once; the pool closes when the last handle does. Use it wherever code
// would otherwise open its own pool.
func Shared(ctx context.Context, cfg Config, opts Options) (*DB, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	key := cfg.url.String() + "|" + cfg.params.Encode() + "|" + strconv.Itoa(cfg.MaxConns)
	r := registry
	r.mu.Lock()
	defer r.mu.Unlock()
	if e := r.shared[key]; e != nil {
		if diff := fieldsDiff(e.opts, opts); len(diff) > 0 {
			return nil, fmt.Errorf("db: Shared: the pool for %s is open already, with other Options (%s); pass the same Options, or Open a private pool",
				cfg.Target(), strings.Join(diff, ", "))
		}
		// The key holds the URL and pool size; fields set in code after
		// ParseURL must match too, or this caller would get settings it
		// did not ask for.
		if diff := fieldsDiff(e.cfg, cfg); len(diff) > 0 {
			return nil, fmt.Errorf("db: Shared: the pool for %s is open already, with another Config (%s); pass the same Config, or Open a private pool",
				cfg.Target(), strings.Join(diff, ", "))
		}
		e.refs++
		return &DB{engine: e, shared: true}, nil
	}
	e, err := newEngine(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	e.refs = 1
	e.key = key
	r.shared[key] = e
	r.trackLocked(e)
	return &DB{engine: e, shared: true}, nil
}

func (r *poolRegistry) track(e *engine) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.trackLocked(e)
}

func (r *poolRegistry) trackLocked(e *engine) {
	target := e.cfg.Target()
	pools, conns := 1, e.cfg.MaxConns
	for o := range r.open {
		if o.cfg.Target() == target {
			pools++
			conns += o.cfg.MaxConns
		}
	}
	r.open[e] = struct{}{}
	if pools > 1 {
		e.log.LogAttrs(context.Background(), slog.LevelWarn,
			"db: another connection pool to the same database is open in this process; each pool holds its own connections "+
				"(the \"many PrismaClient instances\" problem): open one pool with db.Shared or pass the *db.DB along",
			slog.String("target", target), slog.Int("pools", pools), slog.Int("max_conns_total", conns))
	}
}

// release drops one reference to a shared engine and reports whether it was
// the last.
func (r *poolRegistry) release(e *engine) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	e.refs--
	if e.refs > 0 {
		return false
	}
	if r.shared[e.key] == e {
		delete(r.shared, e.key)
	}
	return true
}

func (r *poolRegistry) untrack(e *engine) {
	r.mu.Lock()
	delete(r.open, e)
	r.mu.Unlock()
}

// Close closes this handle. The pool itself closes when its last handle is
// closed: Close then stops new statements (they fail with ErrClosed), waits
// until ctx ends for connections in use to come back, and closes every
// connection. It is safe to call more than once; later calls return the
// first call's result.
func (d *DB) Close(ctx context.Context) error {
	d.closeOnce.Do(func() {
		if d.shared && !registry.release(d.engine) {
			return
		}
		d.closeErr = d.engine.close(ctx)
	})
	return d.closeErr
}

func (e *engine) close(ctx context.Context) error {
	var err error
	e.closeOnce.Do(func() {
		close(e.closing)
		// A breaker that saw closing still open has started its probe by
		// the time its lock is free, so Wait below counts it.
		e.breaker.mu.Lock()
		//lint:ignore SA2001 the empty critical section is a barrier
		e.breaker.mu.Unlock()
		registry.untrack(e)
		// Taking every slot means every caller has given its connection back.
		busy := e.takeSlots(ctx)
		inUse := busy
		if busy > 0 {
			// The deadline has passed with statements still running:
			// shut their sockets, so that they fail now instead of
			// holding the process, and give them a moment to return.
			shut := 0
			for _, p := range e.pools() {
				shut += p.conn.forceClose()
			}
			if shut > 0 {
				gctx, cancel := context.WithTimeout(context.Background(), forcedCloseGrace)
				busy = e.takeSlots(gctx)
				cancel()
			}
		}
		for _, p := range e.pools() {
			p.conn.stopKilling()
			if cerr := p.db.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("db: close: %w", cerr)
			}
		}
		e.bg.Wait()
		switch {
		case err != nil:
		case busy > 0:
			err = fmt.Errorf("db: closed with %d connections still in use after the deadline: %w", busy, ctx.Err())
		case inUse > 0:
			err = fmt.Errorf("db: %d connections still in use at the deadline were shut: %w", inUse, ctx.Err())
		}
	})
	return err
}

// forcedCloseGrace is how long Close waits, after shutting the sockets of
// statements still running at its deadline, for them to return.
const forcedCloseGrace = time.Second

// takeSlots takes the slots of every pool that Close has not taken yet,
// waiting for the busy ones until ctx ends, and returns how many it did not
// get. Taken slots are kept: nothing acquires on a closing engine.
func (e *engine) takeSlots(ctx context.Context) int {
	busy := 0
	for _, p := range e.pools() {
		for p.closeTaken < cap(p.slots) {
			select {
			case p.slots <- struct{}{}:
				p.closeTaken++
				continue
			case <-ctx.Done():
			}
			busy += cap(p.slots) - p.closeTaken
			break
		}
	}
	return busy
}

func (e *engine) pools() []*pool {
	if e.ro == e.rw {
		return []*pool{e.rw}
	}
	return []*pool{e.rw, e.ro}
}

func sortByTotal(qs []SlowQuery) {
	sort.Slice(qs, func(i, j int) bool { return qs[i].Total > qs[j].Total })
}

// SamePool reports whether a and b are handles to the same pool.
func SamePool(a, b *DB) bool { return a.engine == b.engine }

// fieldsDiff names the exported fields of the structs a and b (of one
// type) that differ. Functions compare by code pointer (so a method value's
// receiver, or a closure's variables, are not seen), pointers, maps, slices
// and channels by identity, everything else by value. Being generic, it
// covers fields added to Options or Config later.
func fieldsDiff(a, b any) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var diff []string
	for i := range va.NumField() {
		if f := va.Type().Field(i); f.IsExported() && !sameValue(va.Field(i), vb.Field(i)) {
			diff = append(diff, f.Name)
		}
	}
	return diff
}

func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Func, reflect.Pointer, reflect.Map, reflect.Slice, reflect.Chan, reflect.UnsafePointer:
		return a.IsNil() == b.IsNil() && (a.IsNil() || a.Pointer() == b.Pointer())
	}
	if a.Comparable() && b.Comparable() {
		return a.Equal(b)
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}
