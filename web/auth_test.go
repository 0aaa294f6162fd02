package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

// clock is a settable time source for auth.Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// authSite is the site with the auth routes and middleware as the lead
// wires them, over a fresh SQLite database, logging into logs.
type authSite struct {
	t     *testing.T
	h     http.Handler
	st    *store.Store
	clock *clock
	logs  *bytes.Buffer
}

func newAuthSite(t *testing.T, cfg Config, opts auth.Options) *authSite {
	t.Helper()
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	if _, err := migrations.Up(context.Background(), pool.SQL(), pool.Dialect().String(), nil); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	st := store.New(pool)
	logs := &bytes.Buffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	opts.Now, opts.Logger = c.Now, logger
	// Users here have cheap hashes so that logging in many times stays
	// fast under -race; upgrading them would make every later login slow.
	opts.KeepHashes = true
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.MinCost // failed logins cost a comparison at this cost
	}
	sessions := auth.New(st, opts)

	// The site exactly as serve wires it.
	cfg.Logger, cfg.DB, cfg.Store, cfg.Auth = logger, pool, st, sessions
	h := NewServer(cfg)
	return &authSite{t: t, h: h, st: st, clock: c, logs: logs}
}

// mustUser creates a user whose password hash has the given bcrypt cost;
// cost auth.DefaultBcryptCost goes through auth.HashPassword. Lower costs keep
// tests that log in many times fast under -race.
func (s *authSite) mustUser(email, password string, role smmm.Role, cost int) smmm.User {
	s.t.Helper()
	var hash string
	if cost == auth.DefaultBcryptCost {
		h, err := auth.HashPassword(password, cost)
		if err != nil {
			s.t.Fatal(err)
		}
		hash = h
	} else {
		h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
		if err != nil {
			s.t.Fatal(err)
		}
		hash = "$2b$" + string(h[4:]) // as bcryptjs writes it
	}
	name := "Ad " + string(role)
	u, err := s.st.CreateUser(context.Background(), store.NewUser{Name: &name, Email: email, PasswordHash: hash, Role: role})
	if err != nil {
		s.t.Fatal(err)
	}
	return u
}

type req struct {
	method, target string
	body           string
	contentType    string
	cookie         *http.Cookie
	header         map[string]string
	remote         string
}

func (s *authSite) do(r req) *httptest.ResponseRecorder {
	s.t.Helper()
	hr := httptest.NewRequest(r.method, r.target, strings.NewReader(r.body))
	if r.contentType != "" {
		hr.Header.Set("Content-Type", r.contentType)
	}
	if r.cookie != nil {
		hr.AddCookie(r.cookie)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	if r.remote != "" {
		hr.RemoteAddr = r.remote
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, hr)
	return rec
}

func loginJSON(email, password string) req {
	b, _ := json.Marshal(map[string]string{"email": email, "password": password})
	return req{method: "POST", target: "/api/auth/login", body: string(b), contentType: "application/json"}
}

func sessionCookie(t *testing.T, rec *httptest.ResponseRecorder) *http.Cookie {
	t.Helper()
	for _, c := range rec.Result().Cookies() {
		if c.Name == CookieName {
			return c
		}
	}
	return nil
}

type sessionBody struct {
	User *struct {
		ID    string  `json:"id"`
		Name  *string `json:"name"`
		Email string  `json:"email"`
		Role  string  `json:"role"`
	} `json:"user"`
	Expires string `json:"expires"`
}

func decodeJSON[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("body %q: %v", rec.Body.String(), err)
	}
	return v
}

func wantStatus(t *testing.T, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body.String())
	}
}

func TestLoginSessionLogout(t *testing.T) {
	s := newAuthSite(t, Config{}, auth.Options{})
	ctx := context.Background()
	const adminPass, clientPass = "Yönetici parolası 1", "client-pass-2024"
	admin := s.mustUser("admin@example.com", adminPass, smmm.RoleAdmin, auth.DefaultBcryptCost)
	s.mustUser("client@example.com", clientPass, smmm.RoleClient, bcrypt.MinCost)
	if _, err := s.st.CreateUser(ctx, store.NewUser{Email: "nopass@example.com"}); err != nil {
		t.Fatal(err)
	}
	var tokens []string

	rec := s.do(loginJSON(" Admin@Example.com ", adminPass))
	wantStatus(t, rec, http.StatusOK)
	got := decodeJSON[sessionBody](t, rec)
	wantExpires := s.clock.Now().Add(auth.DefaultTTL).UTC().Format(smmm.TimeLayout)
	if got.User == nil || got.User.ID != admin.ID || got.User.Email != "admin@example.com" || got.User.Role != "ADMIN" ||
		got.User.Name == nil || *got.User.Name != "Ad ADMIN" || got.Expires != wantExpires {
		t.Errorf("login answer = %s, want the admin and expires %s", rec.Body.String(), wantExpires)
	}
	if strings.Contains(rec.Body.String(), "$2") || strings.Contains(rec.Body.String(), "password") {
		t.Errorf("login answer %s shows the password hash", rec.Body.String())
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	adminCookie := sessionCookie(t, rec)
	if adminCookie == nil {
		t.Fatal("login set no session cookie")
	}
	tokens = append(tokens, adminCookie.Value)

	t.Run("cookie attributes", func(t *testing.T) {
		c := adminCookie
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure {
			t.Errorf("cookie = %+v: want HttpOnly, SameSite=Lax, Path=/, not Secure over plain HTTP", c)
		}
		if c.MaxAge != int(auth.DefaultTTL.Seconds()) {
			t.Errorf("cookie Max-Age = %d, want %d", c.MaxAge, int(auth.DefaultTTL.Seconds()))
		}
		if len(c.Value) != 43 {
			t.Errorf("token %d characters long, want 43 (256 bits, base64url)", len(c.Value))
		}
		// Only the token's SHA-256 is stored.
		sum := sha256.Sum256([]byte(c.Value))
		var stored string
		if err := s.st.DB().QueryRow(ctx, `SELECT "sessionToken" FROM "Session" WHERE "userId" = ?`, admin.ID).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != hex.EncodeToString(sum[:]) {
			t.Errorf("stored sessionToken %q, want the hex SHA-256 of the cookie's token", stored)
		}

		// Over TLS the cookie is Secure (httptest marks https targets as TLS).
		r := loginJSON("client@example.com", clientPass)
		r.target = "https://example.com/api/auth/login"
		rec := s.do(r)
		wantStatus(t, rec, http.StatusOK)
		if c := sessionCookie(t, rec); c == nil || !c.Secure {
			t.Errorf("cookie over TLS = %+v, want Secure", c)
		} else {
			tokens = append(tokens, c.Value)
		}
	})

	t.Run("form post", func(t *testing.T) {
		form := url.Values{"email": {"client@example.com"}, "password": {clientPass}, "csrfToken": {"x"}}.Encode()
		rec := s.do(req{method: "POST", target: "/api/auth/login", body: form, contentType: "application/x-www-form-urlencoded"})
		wantStatus(t, rec, http.StatusOK)
		if got := decodeJSON[sessionBody](t, rec); got.User == nil || got.User.Role != "CLIENT" {
			t.Errorf("form login answer = %s, want the client", rec.Body.String())
		}
		tokens = append(tokens, sessionCookie(t, rec).Value)
	})

	t.Run("same 401 for every wrong credential", func(t *testing.T) {
		var bodies []map[string]any
		for _, r := range []req{
			loginJSON("client@example.com", "wrong password!"),
			loginJSON("nobody@example.com", adminPass),
			loginJSON("nopass@example.com", "anything at all"),
			loginJSON("client@example.com", strings.Repeat("x", 100)),
		} {
			rec := s.do(r)
			wantStatus(t, rec, http.StatusUnauthorized)
			if sessionCookie(t, rec) != nil {
				t.Errorf("a failed login set a cookie")
			}
			b := decodeJSON[map[string]any](t, rec)
			delete(b, "requestId")
			bodies = append(bodies, b)
		}
		for _, b := range bodies[1:] {
			if b["error"] != bodies[0]["error"] || b["code"] != bodies[0]["code"] || len(b) != len(bodies[0]) {
				t.Errorf("401 bodies differ: %v vs %v", bodies[0], b)
			}
		}
		if bodies[0]["error"] != "wrong email or password" || bodies[0]["code"] != smmm.EUNAUTHORIZED {
			t.Errorf("401 body = %v", bodies[0])
		}
	})

	t.Run("bad requests", func(t *testing.T) {
		tests := []struct {
			name   string
			r      req
			status int
		}{
			{"missing password", loginJSON("admin@example.com", ""), http.StatusBadRequest},
			{"not JSON", req{method: "POST", target: "/api/auth/login", body: "{", contentType: "application/json"}, http.StatusBadRequest},
			{"wrong type", req{method: "POST", target: "/api/auth/login", body: `{"email":1}`, contentType: "application/json"}, http.StatusBadRequest},
			{"text/plain", req{method: "POST", target: "/api/auth/login", body: "x", contentType: "text/plain"}, http.StatusUnsupportedMediaType},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantStatus(t, s.do(tt.r), tt.status)
			})
		}
	})

	t.Run("session", func(t *testing.T) {
		rec := s.do(req{method: "GET", target: "/api/auth/session", cookie: adminCookie})
		wantStatus(t, rec, http.StatusOK)
		if got := decodeJSON[sessionBody](t, rec); got.User == nil || got.User.ID != admin.ID || got.Expires != wantExpires {
			t.Errorf("session = %s, want the admin until %s", rec.Body.String(), wantExpires)
		}
		rec = s.do(req{method: "GET", target: "/api/auth/session"})
		wantStatus(t, rec, http.StatusOK)
		if strings.TrimSpace(rec.Body.String()) != "{}" {
			t.Errorf("session without a cookie = %s, want {}", rec.Body.String())
		}
		rec = s.do(req{method: "GET", target: "/api/auth/session", cookie: &http.Cookie{Name: CookieName, Value: strings.Repeat("A", 43)}})
		if strings.TrimSpace(rec.Body.String()) != "{}" {
			t.Errorf("session with an unknown token = %s, want {}", rec.Body.String())
		}
		if c := sessionCookie(t, rec); c == nil || c.MaxAge >= 0 {
			t.Errorf("an unknown token's cookie was not cleared: %+v", c)
		}
	})

	t.Run("roles", func(t *testing.T) {
		clientCookie := &http.Cookie{Name: CookieName, Value: tokens[len(tokens)-1]}
		tests := []struct {
			name   string
			cookie *http.Cookie
			status int
			code   string
		}{
			{"anonymous", nil, http.StatusUnauthorized, smmm.EUNAUTHORIZED},
			{"client", clientCookie, http.StatusForbidden, smmm.EFORBIDDEN},
			{"admin", adminCookie, http.StatusOK, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rec := s.do(req{method: "GET", target: "/api/contact-messages", cookie: tt.cookie})
				wantStatus(t, rec, tt.status)
				if tt.code != "" {
					if b := decodeJSON[map[string]any](t, rec); b["code"] != tt.code || b["requestId"] == "" {
						t.Errorf("body = %v, want code %q and a request id", b, tt.code)
					}
				}
			})
		}
	})

	t.Run("cross-site requests refused", func(t *testing.T) {
		if _, err := s.st.CreateContactMessage(ctx, smmm.NewContactMessage{Name: "n", Email: "a@b.example", Phone: "12345", Subject: "s", Message: "m"}); err != nil {
			t.Fatal(err)
		}
		msgs, _, err := s.st.ListContactMessages(ctx, store.ContactMessageFilter{})
		if err != nil || len(msgs) != 1 {
			t.Fatalf("ListContactMessages = %v, %v", msgs, err)
		}
		for _, r := range []req{
			{method: "DELETE", target: "/api/contact-messages/" + msgs[0].ID, cookie: adminCookie, header: map[string]string{"Sec-Fetch-Site": "cross-site"}},
			{method: "POST", target: "/api/auth/logout", cookie: adminCookie, header: map[string]string{"Origin": "https://evil.example"}},
			{method: "POST", target: "/api/auth/login", body: loginJSON("client@example.com", clientPass).body, contentType: "application/json", header: map[string]string{"Sec-Fetch-Site": "cross-site"}},
		} {
			rec := s.do(r)
			wantStatus(t, rec, http.StatusForbidden)
			if b := decodeJSON[map[string]any](t, rec); b["code"] != smmm.EFORBIDDEN {
				t.Errorf("%s %s cross-site: body %v, want code %q", r.method, r.target, b, smmm.EFORBIDDEN)
			}
			if sessionCookie(t, rec) != nil {
				t.Errorf("%s %s cross-site set a cookie", r.method, r.target)
			}
		}
		if _, err := s.st.ContactMessage(ctx, msgs[0].ID); err != nil {
			t.Errorf("the message is gone after a cross-site DELETE: %v", err)
		}
		rec := s.do(req{method: "GET", target: "/api/auth/session", cookie: adminCookie})
		if got := decodeJSON[sessionBody](t, rec); got.User == nil {
			t.Error("the session ended after a cross-site logout")
		}
		// The same request from the site itself goes through.
		rec = s.do(req{method: "DELETE", target: "/api/contact-messages/" + msgs[0].ID, cookie: adminCookie, header: map[string]string{"Sec-Fetch-Site": "same-origin"}})
		if rec.Code >= 300 {
			t.Errorf("same-origin DELETE = %d %s, want success", rec.Code, rec.Body.String())
		}
	})

	t.Run("logout", func(t *testing.T) {
		rec := s.do(req{method: "POST", target: "/api/auth/logout", cookie: adminCookie})
		wantStatus(t, rec, http.StatusOK)
		if c := sessionCookie(t, rec); c == nil || c.MaxAge >= 0 || c.Value != "" {
			t.Errorf("logout cookie = %+v, want it expired", c)
		}
		rec = s.do(req{method: "GET", target: "/api/auth/session", cookie: adminCookie})
		if strings.TrimSpace(rec.Body.String()) != "{}" {
			t.Errorf("session after logout = %s, want {}", rec.Body.String())
		}
		wantStatus(t, s.do(req{method: "GET", target: "/api/contact-messages", cookie: adminCookie}), http.StatusUnauthorized)
		wantStatus(t, s.do(req{method: "POST", target: "/api/auth/logout"}), http.StatusOK)
	})

	t.Run("nothing secret in the logs", func(t *testing.T) {
		logs := s.logs.String()
		if !strings.Contains(logs, "request refused") {
			t.Fatalf("no error log captured:\n%s", logs)
		}
		for _, secret := range append([]string{adminPass, clientPass, "wrong password!"}, tokens...) {
			if strings.Contains(logs, secret) {
				t.Errorf("logs contain the secret %q", secret)
			}
		}
	})
}

func TestLoginThrottling(t *testing.T) {
	proxies, err := ParseTrustedProxies("10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	s := newAuthSite(t, Config{TrustedProxies: proxies}, auth.Options{})
	const pass = "correct horse battery"
	for _, e := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		s.mustUser(e, pass, smmm.RoleClient, bcrypt.MinCost)
	}
	from := func(r req, addr string) req {
		r.remote = "10.0.0.1:4000"
		r.header = map[string]string{"X-Forwarded-For": addr}
		return r
	}
	wantThrottled := func(t *testing.T, rec *httptest.ResponseRecorder) {
		t.Helper()
		wantStatus(t, rec, http.StatusTooManyRequests)
		secs, err := strconv.Atoi(rec.Header().Get("Retry-After"))
		if err != nil || secs < 1 || secs > int((15*time.Minute).Seconds()) {
			t.Errorf("Retry-After = %q, want 1 to 900 seconds", rec.Header().Get("Retry-After"))
		}
		if b := decodeJSON[map[string]any](t, rec); b["code"] != smmm.ETHROTTLED {
			t.Errorf("body = %v, want code %q", b, smmm.ETHROTTLED)
		}
	}

	t.Run("per email", func(t *testing.T) {
		// Five failures from five addresses: the sixth attempt is refused,
		// even with the right password, until the window ends.
		for i := range 5 {
			wantStatus(t, s.do(from(loginJSON("a@example.com", "wrong password"), "192.0.2."+strconv.Itoa(i+1))), http.StatusUnauthorized)
		}
		wantThrottled(t, s.do(from(loginJSON("A@example.com", pass), "192.0.2.99")))
		s.clock.Advance(15 * time.Minute)
		wantStatus(t, s.do(from(loginJSON("a@example.com", pass), "192.0.2.99")), http.StatusOK)
	})

	t.Run("success clears the email's failures", func(t *testing.T) {
		for i := range 4 {
			wantStatus(t, s.do(from(loginJSON("b@example.com", "wrong password"), "198.51.100."+strconv.Itoa(i+1))), http.StatusUnauthorized)
		}
		wantStatus(t, s.do(from(loginJSON("b@example.com", pass), "198.51.100.50")), http.StatusOK)
		for i := range 4 {
			wantStatus(t, s.do(from(loginJSON("b@example.com", "wrong password"), "198.51.100."+strconv.Itoa(i+10))), http.StatusUnauthorized)
		}
	})

	t.Run("per client address", func(t *testing.T) {
		s.clock.Advance(15 * time.Minute)
		// Successful logins do not count against the address.
		for range 3 {
			wantStatus(t, s.do(from(loginJSON("c@example.com", pass), "203.0.113.5")), http.StatusOK)
		}
		for i := range 5 {
			email := []string{"b@example.com", "c@example.com"}[i%2]
			wantStatus(t, s.do(from(loginJSON(email, "wrong password"), "203.0.113.5")), http.StatusUnauthorized)
		}
		wantThrottled(t, s.do(from(loginJSON("c@example.com", pass), "203.0.113.5")))
		// Another client behind the same proxy is not affected, nor is a
		// forged X-Forwarded-For entry believed.
		wantStatus(t, s.do(from(loginJSON("c@example.com", pass), "203.0.113.5, 203.0.113.6")), http.StatusOK)
	})

	t.Run("a browser that signed in before is not locked out", func(t *testing.T) {
		// OWASP's device cookies: five failures from anywhere lock the
		// account, but not for the browser that signed in to it before,
		// which is throttled on its own.
		s.mustUser("admin@example.com", pass, smmm.RoleAdmin, bcrypt.MinCost)
		rec := s.do(from(loginJSON("admin@example.com", pass), "192.0.2.200"))
		wantStatus(t, rec, http.StatusOK)
		var device *http.Cookie
		for _, c := range rec.Result().Cookies() {
			if c.Name == DeviceCookieName {
				device = c
			}
		}
		if device == nil || device.Value == "" || !device.HttpOnly || device.Path != "/api/auth/login" ||
			device.SameSite != http.SameSiteStrictMode || device.MaxAge < int((179*24*time.Hour).Seconds()) {
			t.Fatalf("device cookie = %+v, want an HttpOnly, SameSite=Strict cookie for /api/auth/login lasting months", device)
		}
		for i := range 5 {
			wantStatus(t, s.do(from(loginJSON("admin@example.com", "attacker guess"), "198.51.100."+strconv.Itoa(100+i))), http.StatusUnauthorized)
		}
		// Locked: without the cookie, even from the user's own address.
		wantThrottled(t, s.do(from(loginJSON("admin@example.com", pass), "192.0.2.200")))
		withDevice := from(loginJSON("admin@example.com", pass), "192.0.2.200")
		withDevice.cookie = device
		wantStatus(t, s.do(withDevice), http.StatusOK)
		// The cookie only helps the account it was issued for.
		for i := range 5 {
			wantStatus(t, s.do(from(loginJSON("a@example.com", "wrong password"), "198.51.100."+strconv.Itoa(150+i))), http.StatusUnauthorized)
		}
		other := from(loginJSON("a@example.com", pass), "192.0.2.201")
		other.cookie = device
		wantThrottled(t, s.do(other))
	})
}

func TestContactThrottling(t *testing.T) {
	s := newAuthSite(t, Config{}, auth.Options{FormLimit: auth.Limit{N: 2, Window: time.Minute}})
	body, _ := json.Marshal(map[string]string{"name": "n", "email": "a@b.example", "phone": "12345", "subject": "s", "message": "m"})
	post := req{method: "POST", target: "/api/contact-messages", body: string(body), contentType: "application/json", remote: "192.0.2.1:1234"}
	for range 2 {
		wantStatus(t, s.do(post), http.StatusCreated)
	}
	rec := s.do(post)
	wantStatus(t, rec, http.StatusTooManyRequests)
	if rec.Header().Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	other := post
	other.remote = "192.0.2.2:1234"
	wantStatus(t, s.do(other), http.StatusCreated)
	s.clock.Advance(time.Minute)
	wantStatus(t, s.do(post), http.StatusCreated)
}

func TestSessionRefresh(t *testing.T) {
	s := newAuthSite(t, Config{}, auth.Options{})
	const pass = "correct horse battery"
	s.mustUser("a@example.com", pass, smmm.RoleAdmin, bcrypt.MinCost)
	rec := s.do(loginJSON("a@example.com", pass))
	wantStatus(t, rec, http.StatusOK)
	cookie := sessionCookie(t, rec)

	session := func() (sessionBody, *http.Cookie) {
		t.Helper()
		rec := s.do(req{method: "GET", target: "/api/auth/session", cookie: cookie})
		wantStatus(t, rec, http.StatusOK)
		return decodeJSON[sessionBody](t, rec), sessionCookie(t, rec)
	}

	s.clock.Advance(23 * time.Hour)
	if _, c := session(); c != nil {
		t.Errorf("session refreshed after 23h (cookie %+v), want at most daily", c)
	}
	s.clock.Advance(2 * time.Hour)
	got, c := session()
	want := s.clock.Now().Add(auth.DefaultTTL).UTC().Format(smmm.TimeLayout)
	if got.Expires != want || c == nil || c.Value != cookie.Value || c.MaxAge != int(auth.DefaultTTL.Seconds()) {
		t.Errorf("after 25h: expires %s, cookie %+v; want %s and the same token re-set", got.Expires, c, want)
	}
	if _, c := session(); c != nil {
		t.Error("session refreshed twice in a row")
	}
	// A refresh through an admin route counts too.
	s.clock.Advance(25 * time.Hour)
	rec = s.do(req{method: "GET", target: "/api/contact-messages", cookie: cookie})
	wantStatus(t, rec, http.StatusOK)
	if c := sessionCookie(t, rec); c == nil {
		t.Error("an admin request after 25h did not refresh the session")
	}

	s.clock.Advance(auth.DefaultTTL)
	if got, _ := session(); got.User != nil {
		t.Errorf("session after its TTL = %+v, want none", got)
	}
}
