package web_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm/db"
	"smmm/web"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGoldenResponses")

// goldenCase is one request of TestGoldenResponses. With generated set,
// ids and times that the server makes up are masked before comparing.
type goldenCase struct {
	name        string
	method      string
	target      string
	body        string
	contentType string
	admin       bool
	header      map[string]string
	generated   bool
}

// goldenHeaders are the response headers a golden file records.
var goldenHeaders = []string{"Content-Type", "Allow", "Retry-After", "Link", "Location", "Idempotent-Replayed", "Cache-Control"}

var (
	maskID      = regexp.MustCompile(`c[0-9a-z]{24}`)
	maskTime    = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`)
	maskLatency = regexp.MustCompile(`"latencyMs":[0-9.e-]+`)
	maskCursor  = regexp.MustCompile(`cursor=[A-Za-z0-9_-]+&`)
)

// TestGoldenResponses proves that responses stay byte for byte what they
// were: every case's status, chosen headers and body are compared with
// testdata/golden/responses.txt (go test -run TestGoldenResponses -update
// rewrites it). Fixture rows have fixed ids and times; only what a request
// itself generates (a new id, the time of a write) is masked.
func TestGoldenResponses(t *testing.T) {
	g := newGoldenSite(t)
	g.fixtures()

	cases := []goldenCase{
		{name: "livez", method: "GET", target: "/livez"},
		{name: "health", method: "GET", target: "/api/health"},
		{name: "readyz", method: "GET", target: "/readyz"},
		{name: "unknown api route", method: "GET", target: "/api/nope"},
		{name: "method not allowed", method: "PUT", target: "/api/contact-messages"},
		{name: "method not allowed by id", method: "GET", target: "/api/contact-messages/x"},
		{name: "about method not allowed", method: "PATCH", target: "/api/content/about"},
		{name: "login method not allowed", method: "GET", target: "/api/auth/login"},
		{name: "list without session", method: "GET", target: "/api/contact-messages"},
		{name: "about write without session", method: "POST", target: "/api/content/about", body: `{}`, contentType: "application/json"},
		{name: "stats without session", method: "GET", target: "/api/admin/db/stats"},
		{name: "contact wrong content type", method: "POST", target: "/api/contact-messages", body: `name=a`, contentType: "text/plain"},
		{name: "contact malformed", method: "POST", target: "/api/contact-messages", body: `{"name":`, contentType: "application/json"},
		{name: "contact empty", method: "POST", target: "/api/contact-messages", body: ``, contentType: "application/json"},
		{name: "contact unknown field", method: "POST", target: "/api/contact-messages", body: `{"nam":"x"}`, contentType: "application/json"},
		{name: "contact wrong type", method: "POST", target: "/api/contact-messages", body: `{"name":5}`, contentType: "application/json"},
		{name: "contact missing fields", method: "POST", target: "/api/contact-messages", body: `{"name":"  ","email":"not-an-email"}`, contentType: "application/json"},
		{name: "contact too large", method: "POST", target: "/api/contact-messages", body: `{"message":"` + strings.Repeat("x", 300<<10) + `"}`, contentType: "application/json"},
		{name: "contact create", method: "POST", target: "/api/contact-messages", generated: true, contentType: "application/json",
			body: `{"name":"Ayşe Yılmaz","email":"ayse@example.com","phone":"+90 532 000 00 00","subject":"Vergi","message":"Merhaba 👋 'x'; --"}`},
		{name: "contact idempotent first", method: "POST", target: "/api/contact-messages", generated: true, contentType: "application/json",
			header: map[string]string{"Idempotency-Key": "k-1"},
			body:   `{"name":"Ali","email":"ali@example.com","phone":"0212 000 00 00","subject":"Soru","message":"Bir soru"}`},
		{name: "contact idempotent replay", method: "POST", target: "/api/contact-messages", generated: true, contentType: "application/json",
			header: map[string]string{"Idempotency-Key": "k-1"},
			body:   `{"name":"Ali","email":"ali@example.com","phone":"0212 000 00 00","subject":"Soru","message":"Bir soru"}`},
		{name: "contact idempotent other body", method: "POST", target: "/api/contact-messages", contentType: "application/json",
			header: map[string]string{"Idempotency-Key": "k-1"},
			body:   `{"name":"Veli","email":"ali@example.com","phone":"0212 000 00 00","subject":"Soru","message":"Bir soru"}`},
		{name: "contact bad idempotency key", method: "POST", target: "/api/contact-messages", contentType: "application/json",
			header: map[string]string{"Idempotency-Key": "a b"},
			body:   `{"name":"Ali","email":"ali@example.com","phone":"0212 000 00 00","subject":"Soru","message":"Bir soru"}`},
		{name: "login wrong password", method: "POST", target: "/api/auth/login", body: `{"email":"admin@example.com","password":"wrong-password"}`, contentType: "application/json"},
		{name: "login missing fields", method: "POST", target: "/api/auth/login", body: `{}`, contentType: "application/json"},
		{name: "session anonymous", method: "GET", target: "/api/auth/session"},
		{name: "session admin", method: "GET", target: "/api/auth/session", admin: true},
		{name: "list page 1", method: "GET", target: "/api/contact-messages?limit=2&status=new", admin: true, generated: true},
		{name: "list page 2", method: "GET", target: "/api/contact-messages?limit=2&status=NEW&cursor=" + g.cursor("/api/contact-messages?limit=2&status=new"), admin: true},
		{name: "list bad query", method: "GET", target: "/api/contact-messages?status=bogus&limit=0&cursor=zz", admin: true},
		{name: "patch status", method: "PATCH", target: "/api/contact-messages", generated: true, admin: true, contentType: "application/json",
			body: `{"id":"cgolden000000000000000001","status":"replied"}`},
		{name: "patch by id bad status", method: "PATCH", target: "/api/contact-messages/cgolden000000000000000001", admin: true, contentType: "application/json",
			body: `{"status":"DONE"}`},
		{name: "patch missing id", method: "PATCH", target: "/api/contact-messages", admin: true, contentType: "application/json", body: `{"status":"NEW"}`},
		{name: "patch unknown", method: "PATCH", target: "/api/contact-messages/nope", admin: true, contentType: "application/json", body: `{"status":"NEW"}`},
		{name: "delete by query", method: "DELETE", target: "/api/contact-messages?id=cgolden000000000000000002", admin: true},
		{name: "delete unknown", method: "DELETE", target: "/api/contact-messages/cgolden000000000000000002", admin: true},
		{name: "list all", method: "GET", target: "/api/contact-messages", admin: true, generated: true},
		{name: "about stored", method: "GET", target: "/api/content/about"},
		{name: "about invalid", method: "POST", target: "/api/content/about", admin: true, contentType: "application/json",
			body: `{"title":"","description":"d","features":[{"title":"","description":""}]}`},
		{name: "about put", method: "POST", target: "/api/content/about", admin: true, generated: true, contentType: "application/json",
			body: `{"title":"Biz","subtitle":"  ","description":"Açıklama","image":"https://cdn.example.com/a.png","features":[{"icon":"Award","title":"Bir","description":"İlk","order":9},{"title":"İki","description":"İkinci","isActive":false}]}`},
		{name: "about reset", method: "DELETE", target: "/api/content/about", admin: true},
		{name: "about default", method: "GET", target: "/api/content/about"},
		{name: "logout", method: "POST", target: "/api/auth/logout", admin: true},
	}

	var out bytes.Buffer
	for _, c := range cases {
		rec := g.do(c)
		var b strings.Builder
		fmt.Fprintf(&b, "### %s: %s %s\n%d\n", c.name, c.method, c.target, rec.Code)
		for _, h := range goldenHeaders {
			if v := rec.Header().Get(h); v != "" {
				fmt.Fprintf(&b, "%s: %s\n", h, v)
			}
		}
		fmt.Fprintf(&b, "%s\n", rec.Body.String())
		rec2 := maskLatency.ReplaceAllString(b.String(), `"latencyMs":<latency>`)
		if c.generated {
			rec2 = maskCursor.ReplaceAllString(rec2, "cursor=<cursor>&")
			rec2 = maskID.ReplaceAllStringFunc(rec2, func(s string) string {
				if strings.HasPrefix(s, "cgolden") {
					return s
				}
				return "<id>"
			})
			rec2 = maskTime.ReplaceAllStringFunc(rec2, func(s string) string {
				if strings.HasPrefix(s, "2025-") {
					return s
				}
				return "<now>"
			})
		}
		out.WriteString(rec2)
	}

	path := filepath.Join("testdata", "golden", "responses.txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("responses differ from %s at line %d:\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
}

// goldenSite is the site as serve wires it, over SQLite, with an ADMIN
// signed in.
type goldenSite struct {
	t      *testing.T
	h      http.Handler
	pool   *db.DB
	cookie *http.Cookie
}

// fixtures inserts rows with fixed ids and times, and signs the admin in.
func (g *goldenSite) fixtures() {
	g.t.Helper()
	ctx := context.Background()
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 6e6, time.UTC)
	hash, err := bcrypt.GenerateFromPassword([]byte("golden-password"), bcrypt.MinCost)
	if err != nil {
		g.t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		g.t.Helper()
		if _, err := g.pool.Exec(ctx, q, args...); err != nil {
			g.t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO "User" ("id", "name", "email", "password", "role", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
		"cgoldenuser0000000000000", "Yönetici", "admin@example.com", string(hash), "ADMIN", t0, t0)
	for i, status := range []string{"NEW", "NEW", "REPLIED", "NEW"} {
		at := t0.Add(time.Duration(i) * time.Hour)
		exec(`INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			fmt.Sprintf("cgolden00000000000000000%d", i+1), fmt.Sprintf("Kişi %d", i+1), "kisi@example.com", "+90 212 000 00 0"+fmt.Sprint(i),
			"Konu \"alıntı\" <b>", "Satır 1\nSatır 2 ğüşiöç ĞÜŞİÖÇ", status, at, at)
	}
	exec(`INSERT INTO "AboutSection" ("id", "title", "subtitle", "description", "image", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
		"about", "Hakkımızda", nil, "Açıklama & <tanıtım>", "/about.jpg", t0, t0.Add(time.Minute))
	exec(`INSERT INTO "AboutFeature" ("id", "sectionId", "icon", "title", "description", "isActive", "order") VALUES (?, ?, ?, ?, ?, ?, ?)`,
		"cgoldenfeature2000000000", "about", nil, "İkinci", "B", false, 1)
	exec(`INSERT INTO "AboutFeature" ("id", "sectionId", "icon", "title", "description", "isActive", "order") VALUES (?, ?, ?, ?, ?, ?, ?)`,
		"cgoldenfeature1000000000", "about", "Award", "Birinci", "A", true, 0)

	rec := g.do(goldenCase{method: "POST", target: "/api/auth/login", contentType: "application/json",
		body: `{"email":"admin@example.com","password":"golden-password"}`})
	if rec.Code != http.StatusOK {
		g.t.Fatalf("login: %d %s", rec.Code, rec.Body)
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == web.CookieName && c.Value != "" {
			g.cookie = c
		}
	}
	if g.cookie == nil {
		g.t.Fatal("login set no cookie")
	}
}

func (g *goldenSite) do(c goldenCase) *httptest.ResponseRecorder {
	g.t.Helper()
	req := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
	req.Header.Set("X-Request-Id", "golden")
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	if c.admin {
		req.AddCookie(g.cookie)
	}
	rec := httptest.NewRecorder()
	g.h.ServeHTTP(rec, req)
	return rec
}

// cursor returns the cursor of the next page of target.
func (g *goldenSite) cursor(target string) string {
	g.t.Helper()
	rec := g.do(goldenCase{method: "GET", target: target, admin: true})
	link := rec.Header().Get("Link")
	i, j := strings.Index(link, "cursor="), strings.Index(link, "&")
	if i < 0 || j < i {
		g.t.Fatalf("no cursor in Link %q", link)
	}
	return link[i+len("cursor=") : j]
}
