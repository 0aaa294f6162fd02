package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

// newSiteHandler wires the site over pool as serve does, with the route
// table of production. Fields of cfg other than the dependencies are kept;
// a nil Logger discards. Public forms get a limit high enough for tests
// that post many times, unless opts sets one; hashes are never upgraded,
// and the bcrypt cost is the lowest unless opts sets one, so that logins
// stay fast.
func newSiteHandler(t testing.TB, pool *db.DB, cfg web.Config, opts auth.Options) (http.Handler, *store.Store) {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.FormLimit.N == 0 {
		opts.FormLimit = auth.Limit{N: 1 << 20, Window: time.Minute}
	}
	opts.Logger, opts.KeepHashes = cfg.Logger, true
	if opts.BcryptCost == 0 {
		opts.BcryptCost = auth.MinBcryptCost // failed logins cost a comparison at this cost
	}
	st := store.New(pool)
	cfg.DB, cfg.Store, cfg.Auth = pool, st, auth.New(st, opts)
	return web.NewServer(cfg), st
}

// migrated runs the migrations on pool.
func migrated(t testing.TB, pool *db.DB) *db.DB {
	t.Helper()
	if _, err := migrations.Up(context.Background(), pool.SQL(), pool.Dialect().String(), nil); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return pool
}

// signIn creates a user of role with a cheap hash, signs in through the
// site and returns the session cookie.
func signIn(t testing.TB, h http.Handler, st *store.Store, role smmm.Role) *http.Cookie {
	t.Helper()
	email, pw := strings.ToLower(string(role))+"-"+store.NewID()+"@example.com", "password-"+string(role)
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateUser(context.Background(), store.NewUser{Email: email, PasswordHash: string(hash), Role: role}); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", "/api/auth/login", strings.NewReader(`{"email":"`+email+`","password":"`+pw+`"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == web.CookieName && c.Value != "" {
			return c
		}
	}
	t.Fatalf("sign in as %s = %d %s", role, rec.Code, rec.Body)
	return nil
}

// waitAll waits for wg, failing the test when it takes longer than a
// minute: no test waits without a deadline.
func waitAll(t testing.TB, wg *sync.WaitGroup) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("goroutines still running after a minute")
	}
}
