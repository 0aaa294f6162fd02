package db

import (
	"context"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// holder is one taken connection, remembered only when leak detection is on.
type holder struct {
	op       string
	start    time.Time
	pcs      [24]uintptr
	n        int
	reported bool
}

// leakTracker warns, with the stack of the code that took it, about a
// connection or transaction held longer than the threshold: HikariCP's
// leakDetectionThreshold, plus a counter in Stats.
type leakTracker struct {
	threshold time.Duration
	mu        sync.Mutex
	held      map[*holder]struct{}
}

func (l *leakTracker) init(threshold time.Duration) {
	l.threshold = threshold
	l.held = make(map[*holder]struct{})
}

func (l *leakTracker) hold(op string) *holder {
	if l.threshold <= 0 {
		return nil
	}
	h := &holder{op: op, start: time.Now()}
	h.n = runtime.Callers(3, h.pcs[:])
	l.mu.Lock()
	l.held[h] = struct{}{}
	l.mu.Unlock()
	return h
}

func (l *leakTracker) release(h *holder) {
	if h == nil {
		return
	}
	l.mu.Lock()
	delete(l.held, h)
	l.mu.Unlock()
}

func (l *leakTracker) watch(e *engine) {
	defer e.bg.Done()
	every := max(l.threshold/4, 50*time.Millisecond)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-e.closing:
			return
		case <-t.C:
		}
		now := time.Now()
		var found []*holder
		l.mu.Lock()
		for h := range l.held {
			if !h.reported && now.Sub(h.start) >= l.threshold {
				h.reported = true
				found = append(found, h)
			}
		}
		l.mu.Unlock()
		for _, h := range found {
			e.leaks.Add(1)
			e.log.LogAttrs(context.Background(), slog.LevelWarn, "db connection held longer than leak_detection_threshold; it may have leaked",
				slog.String("op", h.op), slog.Duration("held", now.Sub(h.start)),
				slog.Duration("threshold", l.threshold), slog.String("taken_at", h.stack()))
		}
	}
}

func (h *holder) stack() string {
	var b strings.Builder
	frames := runtime.CallersFrames(h.pcs[:h.n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			b.WriteString(f.Function)
			b.WriteString("\n\t")
			b.WriteString(f.File)
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(f.Line))
			b.WriteByte('\n')
		}
		if !more {
			break
		}
	}
	return b.String()
}
