package store_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
)

func TestRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		const limit, window = 3, 15 * time.Minute

		hit := func(key string, at time.Time) (bool, time.Duration) {
			t.Helper()
			ok, retry, err := s.Hit(ctx, key, limit, window, at)
			if err != nil {
				t.Fatalf("Hit(%q, %v): %v", key, at, err)
			}
			return ok, retry
		}
		for i := range limit {
			if ok, _ := hit("login:ip:192.0.2.1", now.Add(time.Duration(i)*time.Minute)); !ok {
				t.Fatalf("hit %d refused, want allowed", i+1)
			}
		}
		ok, retry := hit("login:ip:192.0.2.1", now.Add(5*time.Minute+500*time.Millisecond))
		if ok || retry != 9*time.Minute+59500*time.Millisecond {
			t.Errorf("hit past the limit = %v, %v; want refused, retry after 9m59.5s (until the window ends)", ok, retry)
		}
		if ok, _ := hit("login:ip:192.0.2.2", now.Add(5*time.Minute)); !ok {
			t.Error("another key was refused")
		}
		// Refused hits do not move the window's end.
		if ok, retry := hit("login:ip:192.0.2.1", now.Add(14*time.Minute)); ok || retry != time.Minute {
			t.Errorf("hit near the window's end = %v, %v; want refused, 1m", ok, retry)
		}
		if ok, _ := hit("login:ip:192.0.2.1", now.Add(window)); !ok {
			t.Error("first hit of a new window refused")
		}
		for range limit - 1 {
			hit("login:ip:192.0.2.1", now.Add(window+time.Second))
		}
		if ok, _ := hit("login:ip:192.0.2.1", now.Add(window+time.Second)); ok {
			t.Error("hit past the limit of the second window allowed")
		}

		// A refund makes room for exactly one more hit.
		if err := s.RefundHit(ctx, "login:ip:192.0.2.1"); err != nil {
			t.Fatalf("RefundHit: %v", err)
		}
		if err := s.RefundHit(ctx, "login:ip:unknown"); err != nil {
			t.Errorf("RefundHit(unknown) = %v, want nil", err)
		}

		if err := s.ResetRateLimit(ctx, "login:ip:192.0.2.1"); err != nil {
			t.Fatalf("ResetRateLimit: %v", err)
		}
		for i := range limit {
			if ok, _ := hit("login:ip:192.0.2.1", now.Add(window+2*time.Second)); !ok {
				t.Errorf("hit %d after ResetRateLimit refused", i+1)
			}
		}
		if err := s.ResetRateLimit(ctx, "login:ip:unknown"); err != nil {
			t.Errorf("ResetRateLimit(unknown) = %v, want nil", err)
		}

		// 192.0.2.2's window ends at now+20m, 192.0.2.1's at now+30m.
		if n, err := s.PurgeRateLimits(ctx, now.Add(20*time.Minute)); err != nil || n != 1 {
			t.Errorf("PurgeRateLimits = %d, %v; want 1, nil", n, err)
		}
		if n := MustCount(t, s, "RateLimit"); n != 1 {
			t.Errorf("%d rate limit rows after the purge, want 1", n)
		}

		for _, key := range []string{"", strings.Repeat("k", 192)} {
			if _, _, err := s.Hit(ctx, key, limit, window, now); smmm.ErrorCode(err) != smmm.EINVALID {
				t.Errorf("Hit with a %d-byte key: error %v, want code %q", len(key), err, smmm.EINVALID)
			}
		}
	})
}

// TestRateLimitConcurrent hits one key from many goroutines at once, as
// several instances would: exactly limit hits get through.
func TestRateLimitConcurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d, "connection_limit=8")
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		const limit, hits = 5, 20
		var allowed atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for range hits {
			wg.Go(func() {
				<-start
				ok, _, err := s.Hit(ctx, "contact:ip:198.51.100.7", limit, time.Minute, now)
				if err != nil {
					t.Errorf("Hit: %v", err)
				}
				if ok {
					allowed.Add(1)
				}
			})
		}
		close(start)
		wg.Wait()
		if n := allowed.Load(); n != limit {
			t.Errorf("%d of %d concurrent hits allowed, want %d", n, hits, limit)
		}
	})
}
