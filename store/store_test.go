package store_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

// testTimeout bounds every test's context, so that no statement, and no
// wait for goroutines running statements, outlasts it.
const testTimeout = 2 * time.Minute

// testContext returns a context that ends when the test does or after
// testTimeout, whichever comes first.
func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), testTimeout)
	t.Cleanup(cancel)
	return ctx
}

// clockStart is where every test clock starts.
var clockStart = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// clock is a test clock for store.Options.Now. It stands still until the
// test moves it, so that a test decides when time passes and never sleeps
// for it. It is safe for concurrent use.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: clockStart} }

// Now returns the clock's time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d and returns the new time.
func (c *clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

// MustOpen returns a Store over a fresh, migrated database of dialect d,
// whose URL gets params (like "pgbouncer=true"). Its clock stands still at
// clockStart; use MustOpenClock to move it.
func MustOpen(t *testing.T, d db.Dialect, params ...string) *store.Store {
	t.Helper()
	s, _ := MustOpenClock(t, d, params...)
	return s
}

// MustOpenClock is MustOpen that also returns the Store's clock.
func MustOpenClock(t *testing.T, d db.Dialect, params ...string) (*store.Store, *clock) {
	t.Helper()
	c := newClock()
	return store.New(mustMigrate(t, d, params...), store.Options{Now: c.Now}), c
}

// mustMigrate returns a fresh, migrated database of dialect d.
func mustMigrate(t *testing.T, d db.Dialect, params ...string) *db.DB {
	t.Helper()
	h := dbtest.Open(t, dbtest.URL(t, d, params...), nil, db.Options{})
	if _, err := migrations.Up(testContext(t), h.SQL(), h.Dialect().String(), nil); err != nil {
		t.Fatalf("migrations.Up: %v", err)
	}
	return h
}

// MustCount returns SELECT COUNT(*) FROM table.
func MustCount(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(testContext(t), `SELECT COUNT(*) FROM "`+table+`"`).Scan(&n); err != nil {
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

// idTime returns the time of an id made by the store: its 8 base-36 digits
// after the "c", in milliseconds.
func idTime(t *testing.T, id string) time.Time {
	t.Helper()
	ms, err := strconv.ParseInt(id[1:9], 36, 64)
	if len(id) != 25 || err != nil {
		t.Fatalf("id %q has no time: %v", id, err)
	}
	return time.UnixMilli(ms).UTC()
}

// TestClock checks that every time the store makes up comes from
// Options.Now, read in UTC to the millisecond, and that without Options the
// store uses the real time.
func TestClock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		h := mustMigrate(t, d)
		// A clock in another zone, between two milliseconds.
		var mu sync.Mutex
		now := time.Date(2024, 7, 1, 15, 4, 5, 678_900_000, time.FixedZone("TRT", 3*60*60))
		s := store.New(h, store.Options{Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
		advance := func(d time.Duration) time.Time {
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(d)
			return now.UTC().Truncate(time.Millisecond)
		}
		want := advance(0)
		check := func(what string, got time.Time, want time.Time) {
			t.Helper()
			if !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("%s = %v, want %v in UTC", what, got, want)
			}
		}

		m, err := s.CreateContactMessage(ctx, sampleMessage(1))
		if err != nil {
			t.Fatal(err)
		}
		check("CreateContactMessage createdAt", m.CreatedAt.Time, want)
		check("CreateContactMessage updatedAt", m.UpdatedAt.Time, want)
		check("CreateContactMessage id time", idTime(t, m.ID), want)
		if got, err := s.ContactMessage(ctx, m.ID); err != nil || !cmp.Equal(got, m) {
			t.Errorf("ContactMessage = %+v, %v; want %+v as created", got, err, m)
		}

		updatedAt := advance(time.Minute)
		if m, err = s.UpdateContactMessageStatus(ctx, m.ID, smmm.StatusPending); err != nil {
			t.Fatal(err)
		}
		check("UpdateContactMessageStatus createdAt", m.CreatedAt.Time, want)
		check("UpdateContactMessageStatus updatedAt", m.UpdatedAt.Time, updatedAt)

		want = advance(time.Minute)
		once, _, err := s.CreateContactMessageOnce(ctx, "key", "hash", sampleMessage(2))
		if err != nil {
			t.Fatal(err)
		}
		check("CreateContactMessageOnce createdAt", once.CreatedAt.Time, want)
		check("CreateContactMessageOnce id time", idTime(t, once.ID), want)
		// Its key is stamped with the clock too: a cutoff just after it
		// purges it, one at it does not.
		if n, err := s.PurgeIdempotencyKeys(ctx, want); err != nil || n != 0 {
			t.Errorf("PurgeIdempotencyKeys at the key's time = %d, %v; want 0", n, err)
		}
		if n, err := s.PurgeIdempotencyKeys(ctx, want.Add(time.Millisecond)); err != nil || n != 1 {
			t.Errorf("PurgeIdempotencyKeys after the key's time = %d, %v; want 1", n, err)
		}

		want = advance(time.Hour)
		u, err := s.CreateUser(ctx, store.NewUser{Email: "saat@example.com", PasswordHash: "hash:a"})
		if err != nil {
			t.Fatal(err)
		}
		check("CreateUser createdAt", u.CreatedAt.Time, want)
		check("CreateUser id time", idTime(t, u.ID), want)
		updatedAt = advance(time.Hour)
		if err := s.SetPassword(ctx, u.ID, "hash:b"); err != nil {
			t.Fatal(err)
		}
		if u, err = s.User(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		check("SetPassword createdAt", u.CreatedAt.Time, want)
		check("SetPassword updatedAt", u.UpdatedAt.Time, updatedAt)

		want = advance(24 * time.Hour)
		sec, err := s.PutAbout(ctx, smmm.DefaultAbout())
		if err != nil {
			t.Fatal(err)
		}
		check("PutAbout createdAt", sec.CreatedAt.Time, want)
		check("PutAbout updatedAt", sec.UpdatedAt.Time, want)
		for _, f := range sec.Features {
			check("PutAbout feature id time", idTime(t, f.ID), want)
		}

		want = advance(24 * time.Hour)
		r, err := s.Seed(ctx, store.SeedOptions{Demo: true, Hash: testHash})
		if err != nil || r.DemoMessages == 0 {
			t.Fatalf("Seed = %+v, %v; want demo messages", r, err)
		}
		list, _, err := s.ListContactMessages(ctx, store.ContactMessageFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range list {
			if m.CreatedAt.After(want) || want.Sub(m.CreatedAt.Time) > 30*24*time.Hour {
				t.Errorf("message %s created %v, want at most 30 days before the clock's %v", m.ID, m.CreatedAt, want)
			}
		}
		admin, err := s.UserByEmail(ctx, store.DefaultAdminEmail)
		if err != nil {
			t.Fatal(err)
		}
		check("seeded admin createdAt", admin.CreatedAt.Time, want)

		// Without Options the store runs on the real clock.
		realClock := store.New(h)
		before := smmm.Now()
		rm, err := realClock.CreateContactMessage(ctx, sampleMessage(3))
		after := smmm.Now()
		if err != nil {
			t.Fatal(err)
		}
		if rm.CreatedAt.Before(before) || rm.CreatedAt.After(after) || rm.CreatedAt.Location() != time.UTC {
			t.Errorf("CreateContactMessage without a clock: createdAt %v, want between %v and %v in UTC", rm.CreatedAt, before, after)
		}
	})
}

// TestNewOptions checks that a later Options overrides what it sets.
func TestNewOptions(t *testing.T) {
	ctx := testContext(t)
	h := mustMigrate(t, db.SQLite)
	at := func(tm time.Time) func() time.Time { return func() time.Time { return tm } }
	first, second := clockStart, clockStart.Add(time.Hour)
	tests := []struct {
		name string
		opts []store.Options
		want time.Time
	}{
		{"one", []store.Options{{Now: at(first)}}, first},
		{"later overrides", []store.Options{{Now: at(first)}, {Now: at(second)}}, second},
		{"zero later keeps", []store.Options{{Now: at(first)}, {}}, first},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := store.New(h, tt.opts...).CreateUser(ctx, store.NewUser{Email: fmt.Sprintf("u%d@example.com", i), PasswordHash: "h"})
			if err != nil {
				t.Fatal(err)
			}
			if !u.CreatedAt.Equal(tt.want) {
				t.Errorf("createdAt = %v, want %v", u.CreatedAt, tt.want)
			}
		})
	}
}
