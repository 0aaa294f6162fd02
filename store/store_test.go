package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

// MustOpen returns a Store over a fresh, migrated database of dialect d,
// whose URL gets params (like "pgbouncer=true").
func MustOpen(t *testing.T, d db.Dialect, params ...string) *store.Store {
	t.Helper()
	h := dbtest.Open(t, dbtest.URL(t, d, params...), nil, db.Options{})
	if _, err := migrations.Up(context.Background(), h.SQL(), h.Dialect().String(), nil); err != nil {
		t.Fatalf("migrations.Up: %v", err)
	}
	s := store.New(h)
	s.Now = tickingClock()
	return s
}

// tickingClock returns a clock that starts now and moves a millisecond
// forward at every reading: each write of a test gets a later time than
// the one before, without sleeping.
func tickingClock() func() time.Time {
	var mu sync.Mutex
	t := time.Now().UTC().Truncate(time.Millisecond)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Millisecond)
		return t
	}
}

// MustCount returns SELECT COUNT(*) FROM table.
func MustCount(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(context.Background(), `SELECT COUNT(*) FROM "`+table+`"`).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// checkUTC fails unless every time is in UTC.
func checkUTC(t *testing.T, what string, ts ...time.Time) {
	t.Helper()
	for _, tm := range ts {
		if tm.Location() != time.UTC {
			t.Errorf("%s: time %v is in %v, want UTC", what, tm, tm.Location())
		}
	}
}

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		id := store.NewID()
		if len(id) != 25 || id[0] != 'c' || strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("NewID() = %q, want 25 lowercase base-36 characters starting with c", id)
		}
		if seen[id] {
			t.Fatalf("NewID() returned %q twice", id)
		}
		seen[id] = true
	}
}
