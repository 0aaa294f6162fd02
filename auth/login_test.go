package auth

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

// newTestService returns a Service over a fresh migrated database of d.
func newTestService(t *testing.T, d db.Dialect, opts Options) (*Service, *store.Store) {
	t.Helper()
	pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
	if _, err := migrations.Up(context.Background(), pool.SQL(), pool.Dialect().String(), nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(pool)
	return New(st, opts), st
}

// mustUserCost creates a user whose password hash has the given cost.
func mustUserCost(t *testing.T, st *store.Store, email, password string, cost int) smmm.User {
	t.Helper()
	var hash string
	if password != "" {
		h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
		if err != nil {
			t.Fatal(err)
		}
		hash = string(h)
	}
	u, err := st.CreateUser(context.Background(), store.NewUser{Email: email, PasswordHash: hash, Role: smmm.RoleAdmin})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func isThrottled(err error) bool {
	_, ok := errors.AsType[*ThrottledError](err)
	return ok
}

// TestLoginSpellings: only the exact spelling (after trim and lower-case)
// of an account's email signs in, and every attempt at the account counts
// against one budget whatever its spelling. On MySQL the collation matched
// "ç@", "ｃ@" and a trailing zero-width space or NUL to the account, which
// then signed in while throttled, with five fresh guesses per spelling.
func TestLoginSpellings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := context.Background()
		s, st := newTestService(t, d, Options{BcryptCost: MinBcryptCost, KeepHashes: true,
			LoginLimit: Limit{N: 5, Window: time.Hour}})
		const pass = "the right password"
		mustUserCost(t, st, "c@example.com", pass, MinBcryptCost)
		others := []string{"ç@example.com", "ｃ@example.com", "c@example.com\u200b", "c@example.com\x00"}
		for _, email := range others {
			if _, err := s.Login(ctx, email, pass, "192.0.2.1", ""); !errors.Is(err, ErrMismatch) {
				t.Errorf("Login(%q, right password) = %v, want ErrMismatch", email, err)
			}
		}
		// Five wrong passwords under as many spellings of the account, from
		// as many addresses, use up its budget.
		for i, email := range []string{"c@example.com", " C@example.com", "C@EXAMPLE.COM", "c@Example.com ", "c@example.COM"} {
			if _, err := s.Login(ctx, email, "wrong password", "198.51.100."+string(rune('1'+i)), ""); !errors.Is(err, ErrMismatch) {
				t.Fatalf("wrong password %d = %v, want ErrMismatch", i+1, err)
			}
		}
		for _, email := range []string{"c@example.com", "C@example.com"} {
			if _, err := s.Login(ctx, email, pass, "203.0.113.9", ""); !isThrottled(err) {
				t.Errorf("Login(%q, right password) on a throttled account = %v, want throttled", email, err)
			}
		}
		for _, email := range others {
			if sess, err := s.Login(ctx, email, pass, "203.0.113.10", ""); err == nil {
				t.Errorf("Login(%q, right password) on a throttled account signed in as %s", email, sess.User.Email)
			}
		}
	})
}

// TestLoginDevice: a browser that signed in before keeps signing in while
// an attacker holds the account's budget exhausted, and is throttled on
// its own; a device token of another account, a tampered or expired one,
// or one from before a password change, counts for nothing.
func TestLoginDevice(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s, st := newTestService(t, db.SQLite, Options{BcryptCost: MinBcryptCost, KeepHashes: true,
		LoginLimit: Limit{N: 5, Window: 15 * time.Minute}, Now: func() time.Time { return now }})
	const pass, otherPass = "admin password 1", "other password 2"
	admin := mustUserCost(t, st, "admin@example.com", pass, MinBcryptCost)
	mustUserCost(t, st, "other@example.com", otherPass, MinBcryptCost)
	const home, attacker = "192.0.2.10", "198.51.100.66"

	sess, err := s.Login(ctx, "admin@example.com", pass, home, "")
	if err != nil {
		t.Fatal(err)
	}
	device := sess.Device
	if device == "" || !sess.DeviceExpires.Equal(now.Add(DeviceTTL)) {
		t.Fatalf("login gave device %q expiring %v, want a token expiring after DeviceTTL", device, sess.DeviceExpires)
	}
	otherSess, err := s.Login(ctx, "other@example.com", otherPass, home, "")
	if err != nil {
		t.Fatal(err)
	}

	for i := range 5 {
		if _, err := s.Login(ctx, "admin@example.com", "guess "+string(rune('a'+i)), attacker, ""); !errors.Is(err, ErrMismatch) {
			t.Fatalf("attacker guess %d = %v, want ErrMismatch", i+1, err)
		}
	}
	// The account is locked for everyone without a device token, even at
	// the user's own address...
	if _, err := s.Login(ctx, "admin@example.com", pass, home, ""); !isThrottled(err) {
		t.Fatalf("right password without a device token = %v, want throttled", err)
	}
	// ...and for tokens that are not the account's.
	mac := device[strings.LastIndexByte(device, '.')+1:]
	tampered := device[:len(device)-len(mac)] + strings.Repeat("A", len(mac))
	for name, tok := range map[string]string{
		"another account's": otherSess.Device,
		"tampered":          tampered,
		"garbage":           "x.y.z.w",
		"the attacker's":    strings.Replace(device, ".", "x.", 1),
	} {
		if _, err := s.Login(ctx, "admin@example.com", pass, attacker, tok); !isThrottled(err) {
			t.Errorf("right password with %s device token = %v, want throttled", name, err)
		}
	}
	// The browser with the device token signs in, from anywhere.
	sess2, err := s.Login(ctx, "admin@example.com", pass, "203.0.113.5", device)
	if err != nil {
		t.Fatalf("right password with the device token = %v, want a session", err)
	}
	if sess2.User.ID != admin.ID || sess2.Device == "" || sess2.Device == device {
		t.Errorf("login with a device token = user %s, device %q; want the admin and a new token", sess2.User.ID, sess2.Device)
	}
	// A device token has a budget of its own: five failures throttle it,
	// and only it.
	for i := range 5 {
		if _, err := s.Login(ctx, "admin@example.com", "typo "+string(rune('a'+i)), home, device); !errors.Is(err, ErrMismatch) {
			t.Fatalf("wrong password %d with the device token = %v, want ErrMismatch", i+1, err)
		}
	}
	if _, err := s.Login(ctx, "admin@example.com", pass, home, device); !isThrottled(err) {
		t.Errorf("sixth attempt with the device token = %v, want throttled", err)
	}
	if _, err := s.Login(ctx, "admin@example.com", pass, home, sess2.Device); err != nil {
		t.Errorf("right password with the newer device token = %v, want a session", err)
	}

	// A token older than DeviceTTL, or signed before a password change,
	// is worth nothing.
	if validDevice(sess2.Device, admin, now.Add(DeviceTTL+time.Hour)) {
		t.Error("a device token past DeviceTTL is valid")
	}
	u, err := st.User(ctx, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !validDevice(sess2.Device, u, now) {
		t.Fatal("the device token is not valid for its user")
	}
	h, _ := bcrypt.GenerateFromPassword([]byte("a new password"), MinBcryptCost)
	u.PasswordHash = string(h)
	if validDevice(sess2.Device, u, now) {
		t.Error("a device token survives a password change")
	}
}

// TestLoginFailuresTakeTheSameTime: an unknown email, a user without a
// password, and wrong passwords of users whose hashes have the configured
// cost or a cheaper one (the original system wrote cost 10 where smmm
// writes 12) all cost the same bcrypt work. Before, a cheap hash answered
// in a quarter of the time of an unknown email: one try told whether an
// address had an account. The test uses cost 7 against cost 4 (8 times
// cheaper) and compares medians, so that a loaded machine does not fail it.
func TestLoginFailuresTakeTheSameTime(t *testing.T) {
	const cost, cheap = 7, 4
	s, st := newTestService(t, db.SQLite, Options{BcryptCost: cost, KeepHashes: true,
		LoginLimit: Limit{N: 1000, Window: time.Hour}})
	mustUserCost(t, st, "full@example.com", "a password 1", cost)
	mustUserCost(t, st, "cheap@example.com", "a password 2", cheap)
	mustUserCost(t, st, "nopass@example.com", "", 0)
	paths := []string{"unknown@example.com", "full@example.com", "cheap@example.com", "nopass@example.com"}

	const rounds = 7
	took := make(map[string][]time.Duration)
	for range rounds {
		for _, email := range paths { // interleaved, so that load affects all alike
			start := time.Now()
			_, err := s.Login(context.Background(), email, "wrong password", "192.0.2.1", "")
			took[email] = append(took[email], time.Since(start))
			if !errors.Is(err, ErrMismatch) {
				t.Fatalf("Login(%s) = %v, want ErrMismatch", email, err)
			}
		}
	}
	median := func(ds []time.Duration) time.Duration {
		ds = slices.Clone(ds)
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	ref := median(took["unknown@example.com"])
	for _, email := range paths[1:] {
		m := median(took[email])
		if ratio := float64(m) / float64(ref); ratio < 0.6 || ratio > 1.6 {
			t.Errorf("a failed login of %s takes %v (median), an unknown email %v: ratio %.2f, want about 1",
				email, m, ref, ratio)
		}
	}
}
