package auth

import (
	"context"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

func TestToken(t *testing.T) {
	a, ha := newToken()
	b, _ := newToken()
	if a == b || !validToken(a) || !validToken(b) {
		t.Errorf("newToken = %q, %q: want two different 43-character base64url tokens", a, b)
	}
	if len(ha) != 64 || ha != hashToken(a) || ha == a {
		t.Errorf("token hash %q: want the 64-digit hex SHA-256 of the token", ha)
	}
	for _, bad := range []string{"", "short", a + "x", a[:42] + "=", a[:42] + "+"} {
		if validToken(bad) {
			t.Errorf("validToken(%q) = true", bad)
		}
	}
}

func TestThrottledError(t *testing.T) {
	err := throttled(1500 * time.Millisecond)
	te, ok := err.(*ThrottledError)
	if !ok || te.RetryAfterSeconds() != 2 {
		t.Fatalf("throttled(1.5s) = %#v: want a *ThrottledError with RetryAfterSeconds 2", err)
	}
	if s := throttled(0).(*ThrottledError).RetryAfterSeconds(); s != 1 {
		t.Errorf("RetryAfterSeconds of a zero wait = %d, want 1", s)
	}
}

func TestRunPurger(t *testing.T) {
	ctx := context.Background()
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	if _, err := migrations.Up(ctx, pool.SQL(), pool.Dialect().String(), nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(pool)
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	u, err := st.CreateUser(ctx, store.NewUser{Email: "a@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range []time.Time{now.Add(-time.Second), now.Add(time.Hour)} {
		if err := st.CreateSession(ctx, u.ID, string(rune('a'+i)), e); err != nil {
			t.Fatal(err)
		}
	}
	for i, at := range []time.Time{now.Add(-time.Hour), now} {
		if _, _, err := st.Hit(ctx, string(rune('a'+i)), 1, time.Minute, at); err != nil {
			t.Fatal(err)
		}
	}
	count := func(table string) int {
		var n int
		if err := pool.QueryRow(ctx, `SELECT COUNT(*) FROM "`+table+`"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	s := New(st, Options{Now: func() time.Time { return now }})
	pctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		s.RunPurger(pctx, time.Hour)
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for count("Session") != 1 || count("RateLimit") != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("after the first purge: %d sessions, %d rate limits; want 1 and 1", count("Session"), count("RateLimit"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("RunPurger did not return within 10s of its context ending")
	}
}
