package web

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
)

// access is who may use a route.
type access int

const (
	public    access = iota // anyone
	admin                   // ADMIN only: 401 anonymous, 403 CLIENT
	metrics                 // loopback or bearer token, never a session
	fallback                // method-less pattern: 404/405 for everyone
	adminPage               // ADMIN only: anonymous sent to sign in (303), 403 CLIENT
)

// authzMatrix has an entry for every route the server registers. A route
// added without an entry here fails TestAuthorizationMatrix.
var authzMatrix = map[string]access{
	"GET /livez":                        public,
	"GET /readyz":                       public,
	"GET /api/health":                   public,
	"POST /api/contact-messages":        public,
	"GET /api/contact-messages":         admin,
	"PATCH /api/contact-messages":       admin,
	"DELETE /api/contact-messages":      admin,
	"PATCH /api/contact-messages/{id}":  admin,
	"DELETE /api/contact-messages/{id}": admin,
	"GET /api/content/about":            public,
	"POST /api/content/about":           admin,
	"DELETE /api/content/about":         admin,
	"GET /api/admin/db/stats":           admin,
	"GET /api/admin/db/slow-queries":    admin,
	"GET /metrics":                      metrics,
	"POST /api/auth/login":              public,
	"POST /api/auth/logout":             public,
	"GET /api/auth/session":             public,
	"GET /api/content/site-settings":    public,
	"POST /api/content/site-settings":   admin,
	"DELETE /api/content/site-settings": admin,
	"GET /api/job-applications/{id}/cv": admin,
	"GET /media/{kind}/{id}/{field}":    public,
	"GET /{$}":                          public,
	"GET /sss":                          public,
	"GET /iletisim":                     public,
	"POST /iletisim":                    public,
	"GET /teklif":                       public,
	"POST /teklif":                      public,
	"GET /kariyer":                      public,
	"POST /kariyer":                     public,
	"GET /assets/{file}":                public,
	"GET /sitemap.xml":                  public,
	"GET /robots.txt":                   public,
	"GET /favicon.ico":                  public,
	"GET /auth/signin":                  public,
	"POST /auth/signin":                 public,
	"POST /auth/signout":                adminPage,
	"GET /admin":                        adminPage,
	"/api/":                             fallback,
	"/":                                 fallback,
}

// The content collections and public forms: the same routes at each path.
func init() {
	for _, path := range []string{"/api/content/hero", "/api/content/clients", "/api/content/services", "/api/content/workflow",
		"/api/content/pricing", "/api/content/testimonials", "/api/content/team", "/api/content/faq/categories", "/api/content/faq"} {
		authzMatrix["GET "+path] = public
		authzMatrix["POST "+path+"/reorder"] = admin
		for _, p := range []string{"POST " + path, "PATCH " + path, "PATCH " + path + "/{id}", "DELETE " + path, "DELETE " + path + "/{id}"} {
			authzMatrix[p] = admin
		}
	}
	for _, p := range []string{"GET /admin/inbox/{box}", "POST /admin/inbox/{box}/{id}/status", "GET /admin/inbox/{box}/{id}/delete",
		"POST /admin/inbox/{box}/{id}/delete", "GET /admin/content/{kind}", "GET /admin/content/{kind}/new", "POST /admin/content/{kind}",
		"GET /admin/content/{kind}/{id}", "POST /admin/content/{kind}/{id}", "POST /admin/content/{kind}/{id}/toggle",
		"POST /admin/content/{kind}/{id}/move", "POST /admin/content/{kind}/reorder", "GET /admin/content/{kind}/{id}/delete",
		"POST /admin/content/{kind}/{id}/delete", "GET /admin/about", "POST /admin/about", "GET /admin/settings", "POST /admin/settings",
		"GET /admin/users", "POST /admin/users", "POST /admin/users/{id}/role", "POST /admin/users/{id}/password"} {
		authzMatrix[p] = adminPage
	}
	for _, path := range []string{"/api/quote-requests", "/api/job-applications"} {
		authzMatrix["POST "+path] = public
		for _, p := range []string{"GET " + path, "PATCH " + path, "PATCH " + path + "/{id}", "DELETE " + path, "DELETE " + path + "/{id}"} {
			authzMatrix[p] = admin
		}
	}
}

func TestAuthorizationMatrix(t *testing.T) {
	ctx := context.Background()
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	if _, err := migrations.Up(ctx, pool.SQL(), "sqlite", nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(pool)
	logger := slog.New(slog.DiscardHandler)
	sessions := auth.New(st, auth.Options{Logger: logger, KeepHashes: true, BcryptCost: auth.MinBcryptCost})
	cfg := Config{Logger: logger, DB: pool, Store: st, Auth: sessions}
	h := NewServer(cfg)

	// Every registered route has an entry, and every entry is registered;
	// the 405 answers the router derives count as fallbacks.
	rt := newServer(cfg).routes()
	registered := rt.patterns
	seen := map[string]bool{}
	for _, p := range registered {
		seen[p] = true
		if rt.fallbacks[p] && p != "/api/" && p != "/" {
			authzMatrix[p] = fallback
			continue
		}
		if _, ok := authzMatrix[p]; !ok {
			t.Errorf("route %q has no entry in authzMatrix: decide who may use it", p)
		}
	}
	for p := range authzMatrix {
		if !seen[p] {
			t.Errorf("authzMatrix lists %q, which is not registered", p)
		}
	}

	// Sign in as a CLIENT and as an ADMIN (cheap hashes: many requests).
	cookies := map[string]*http.Cookie{"anonymous": nil}
	for _, role := range []smmm.Role{smmm.RoleClient, smmm.RoleAdmin} {
		email, pw := strings.ToLower(string(role))+"@example.com", "password-"+string(role)
		hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateUser(ctx, store.NewUser{Email: email, PasswordHash: string(hash), Role: role}); err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("POST", "/api/auth/login", strings.NewReader(`{"email":"`+email+`","password":"`+pw+`"}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			if c.Name == CookieName {
				cookies[string(role)] = c
			}
		}
		if cookies[string(role)] == nil {
			t.Fatalf("login as %s = %d %s", role, rec.Code, rec.Body)
		}
	}

	// Signing out ends the sessions the other routes are tried with: last.
	order := slices.Clone(registered)
	slices.SortStableFunc(order, func(a, b string) int {
		last := func(p string) int {
			if strings.Contains(p, "/logout") {
				return 1
			}
			return 0
		}
		return cmp.Compare(last(a), last(b))
	})
	for _, pattern := range order {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok {
			method, path = "PUT", pattern
		}
		path = strings.ReplaceAll(path, "{id}", "no-such-id")
		path = strings.ReplaceAll(path, "{kind}", "services")
		path = strings.ReplaceAll(path, "{box}", "messages")
		if strings.HasSuffix(path, "/") {
			path += "nothing-here"
		}
		for who, cookie := range cookies {
			t.Run(pattern+"/"+who, func(t *testing.T) {
				var body *strings.Reader
				switch method {
				case "POST", "PATCH", "PUT":
					body = strings.NewReader(`{}`)
				default:
					body = strings.NewReader("")
				}
				req := httptest.NewRequest(method, path, body)
				req.Header.Set("Content-Type", "application/json")
				if cookie != nil {
					req.AddCookie(cookie)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				got := rec.Code
				refused := got == http.StatusUnauthorized || got == http.StatusForbidden
				switch authzMatrix[pattern] {
				case public:
					if refused {
						t.Errorf("%s as %s = %d, want it allowed", pattern, who, got)
					}
				case admin:
					want := map[string]int{"anonymous": 401, "CLIENT": 403}[who]
					if who == "ADMIN" && refused || who != "ADMIN" && got != want {
						t.Errorf("%s as %s = %d, want %v", pattern, who, got, map[bool]any{true: "allowed", false: want}[who == "ADMIN"])
					}
				case adminPage:
					loc := rec.Header().Get("Location")
					switch who {
					case "anonymous":
						if got != http.StatusSeeOther || !strings.HasPrefix(loc, "/auth/signin") {
							t.Errorf("%s as anonymous = %d %q, want 303 to /auth/signin", pattern, got, loc)
						}
					case "CLIENT":
						if got != http.StatusForbidden {
							t.Errorf("%s as CLIENT = %d, want 403", pattern, got)
						}
					default:
						if refused || strings.HasPrefix(loc, "/auth/signin") {
							t.Errorf("%s as ADMIN = %d %q, want it allowed", pattern, got, loc)
						}
					}
				case metrics:
					if got != http.StatusUnauthorized {
						t.Errorf("%s from a remote client as %s = %d, want 401 (sessions do not open metrics)", pattern, who, got)
					}
				case fallback:
					if got != http.StatusMethodNotAllowed && got != http.StatusNotFound {
						t.Errorf("%s %s as %s = %d, want 404 or 405", method, path, who, got)
					}
				}
				for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"} {
					if rec.Header().Get(k) != v {
						t.Errorf("%s as %s: %s = %q, want %q", pattern, who, k, rec.Header().Get(k), v)
					}
				}
				if !strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'none'") {
					t.Errorf("%s as %s: no frame-ancestors 'none' policy", pattern, who)
				}
				if got >= 500 {
					t.Errorf("%s as %s = %d", pattern, who, got)
				}
			})
		}
	}
}
