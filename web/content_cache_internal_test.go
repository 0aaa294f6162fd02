package web

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
)

// blockingLoader is a content loader a test holds inside a read.
type blockingLoader struct {
	calls   atomic.Int32
	entered chan struct{} // a read began
	release chan error    // what the read returns
}

func newBlockingLoader() *blockingLoader {
	return &blockingLoader{entered: make(chan struct{}, 10), release: make(chan error, 10)}
}

func (l *blockingLoader) load(context.Context) (*siteContent, error) {
	n := l.calls.Add(1)
	l.entered <- struct{}{}
	if err := <-l.release; err != nil {
		return nil, err
	}
	return &siteContent{Info: siteInfo{Name: string(rune('A' + n - 1))}}, nil
}

// wait receives from ch within a deadline.
func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s within 10 s", what)
		var zero T
		return zero
	}
}

// getAsync runs c.get in a goroutine and returns where its name arrives.
func getAsync(c *contentCache) <-chan string {
	out := make(chan string, 1)
	go func() {
		sc, _, err := c.get(context.Background())
		if err != nil {
			out <- "error: " + err.Error()
			return
		}
		out <- sc.Info.Name
	}()
	return out
}

func TestContentCacheServesPreviousWhileReading(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	l := newBlockingLoader()
	c := &contentCache{load: l.load, now: clock, maxAge: time.Second}

	first := getAsync(c)
	wait(t, l.entered, "first read")
	l.release <- nil
	if got := wait(t, first, "first answer"); got != "A" {
		t.Fatalf("first get = %q", got)
	}

	// The copy expires; one request reads (held here), another is served
	// the previous copy at once instead of queueing.
	advance(2 * time.Second)
	reader := getAsync(c)
	wait(t, l.entered, "second read")
	if got := wait(t, getAsync(c), "answer beside a read"); got != "A" {
		t.Errorf("get beside a read = %q, want the previous copy A", got)
	}

	// After a write through this instance the previous copy is wrong:
	// a request waits for a read that began after the write.
	c.invalidate()
	waiter := getAsync(c)
	select {
	case got := <-waiter:
		t.Fatalf("get after invalidate answered %q without waiting", got)
	case <-time.After(50 * time.Millisecond):
	}
	l.release <- nil // the read that began before the write ends
	if got := wait(t, reader, "reader's answer"); got != "B" {
		t.Errorf("reader = %q", got)
	}
	// B was read before the write: the waiter does not take it as fresh.
	wait(t, l.entered, "read after the write")
	l.release <- nil
	if got := wait(t, waiter, "waiter's answer"); got != "C" {
		t.Errorf("get after invalidate = %q, want C, read after the write", got)
	}
	if n := l.calls.Load(); n != 3 {
		t.Errorf("%d reads, want 3", n)
	}

	// The database goes away: the last good copy, stale, and no second
	// try within retryAfterFailure.
	advance(2 * time.Second)
	failing := getAsync(c)
	wait(t, l.entered, "failing read")
	l.release <- &db.Error{Kind: db.KindUnavailable, Op: "test", Err: errors.New("connection refused")}
	if got := wait(t, failing, "answer of a failed read"); got != "C" {
		t.Errorf("get with the database away = %q, want the last good copy C", got)
	}
	if sc, stale, err := c.get(context.Background()); err != nil || !stale || sc.Info.Name != "C" || l.calls.Load() != 4 {
		t.Errorf("get right after a failure = %v, stale %v, %v, %d reads", sc, stale, err, l.calls.Load())
	}

	// Other failures are not hidden.
	advance(2 * time.Second)
	bad := getAsync(c)
	wait(t, l.entered, "read with a bad query")
	l.release <- errors.New("syntax error")
	if got := wait(t, bad, "answer of a bad read"); got != "error: syntax error" {
		t.Errorf("get with a failure not of reach = %q", got)
	}
}
