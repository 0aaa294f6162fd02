package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
	"smmm/web"
)

// panel drives the admin panel through the production route table as a
// browser without JavaScript would: GETs, form posts with the token the
// page served, following nothing by itself.
type panel struct {
	*site
	cookie *http.Cookie
}

func newPanel(t *testing.T, d db.Dialect) *panel {
	t.Helper()
	s := newSite(t, d, web.Config{}, auth.Options{})
	return &panel{site: s, cookie: s.admin}
}

// as sends a request with the panel's cookie (none when nil).
func (p *panel) do(req *http.Request) *httptest.ResponseRecorder {
	if p.cookie != nil {
		req.AddCookie(p.cookie)
	}
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	return rec
}

func (p *panel) get(target string) *httptest.ResponseRecorder {
	p.t.Helper()
	return p.do(httptest.NewRequest("GET", target, nil))
}

// page GETs target and fails unless it is a 200 HTML page.
func (p *panel) page(target string) string {
	p.t.Helper()
	rec := p.get(target)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		p.t.Fatalf("GET %s = %d %s", target, rec.Code, rec.Body)
	}
	return rec.Body.String()
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf returns the token of the admin page at target.
func (p *panel) csrf(target string) string {
	p.t.Helper()
	m := csrfField.FindStringSubmatch(p.page(target))
	if m == nil {
		p.t.Fatalf("GET %s has no csrf field", target)
	}
	return html.UnescapeString(m[1])
}

// submit posts form to target with the token of the page at from.
func (p *panel) submit(from, target string, form url.Values) *httptest.ResponseRecorder {
	p.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", p.csrf(from))
	req := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

// done posts like submit and fails unless the answer redirects to a
// page with ?ok=.
func (p *panel) done(from, target string, form url.Values) string {
	p.t.Helper()
	rec := p.submit(from, target, form)
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.Contains(loc, "ok=") {
		p.t.Fatalf("POST %s = %d (Location %q) %s", target, rec.Code, loc, rec.Body)
	}
	return loc
}

// upload posts a multipart form with one file to target.
func (p *panel) upload(from, target string, form url.Values, field string, file []byte) *httptest.ResponseRecorder {
	p.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	form.Set("csrf", p.csrf(from))
	for k, vs := range form {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				p.t.Fatal(err)
			}
		}
	}
	if file != nil {
		fw, err := mw.CreateFormFile(field, "picture.png")
		if err != nil {
			p.t.Fatal(err)
		}
		if _, err := fw.Write(file); err != nil {
			p.t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		p.t.Fatal(err)
	}
	req := httptest.NewRequest("POST", target, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return p.do(req)
}

// pngImage is a small real PNG.
func pngImage(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range 4 {
		img.Set(i, i, color.RGBA{200, 10, 10, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// adminPages are GET pages of the panel every ADMIN can open on a fresh
// database.
var adminPages = []string{"/admin", "/admin/inbox/messages", "/admin/inbox/quotes", "/admin/inbox/applications",
	"/admin/content/hero", "/admin/content/services", "/admin/content/workflow", "/admin/content/pricing",
	"/admin/content/testimonials", "/admin/content/team", "/admin/content/clients", "/admin/content/faq-categories",
	"/admin/content/faq", "/admin/content/hero/new", "/admin/content/services/new", "/admin/content/pricing/new",
	"/admin/content/testimonials/new", "/admin/content/team/new", "/admin/content/clients/new",
	"/admin/content/faq-categories/new", "/admin/content/faq/new", "/admin/content/workflow/new",
	"/admin/about", "/admin/settings", "/admin/users"}

func TestAdminPagesAccess(t *testing.T) {
	p := newPanel(t, db.SQLite)
	client := signIn(t, p.h, p.st, smmm.RoleClient)
	for _, path := range adminPages {
		t.Run(path, func(t *testing.T) {
			// Anonymous: to sign-in, with the way back.
			p.cookie = nil
			rec := p.get(path)
			loc := rec.Header().Get("Location")
			if rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/auth/signin") {
				t.Errorf("anonymous GET %s = %d %q, want 303 to /auth/signin", path, rec.Code, loc)
			}
			if path != "/admin" && !strings.Contains(loc, url.QueryEscape(path)) {
				t.Errorf("anonymous GET %s: sign-in %q does not lead back", path, loc)
			}
			// A CLIENT: 403, as a page.
			p.cookie = client
			if rec := p.get(path); rec.Code != http.StatusForbidden || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
				t.Errorf("CLIENT GET %s = %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
			}
			// An ADMIN: the page, never cached, under the page policy.
			p.cookie = p.admin
			rec = p.get(path)
			if rec.Code != 200 {
				t.Fatalf("ADMIN GET %s = %d %s", path, rec.Code, rec.Body)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("GET %s: Cache-Control %q, want no-store", path, cc)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-") {
				t.Errorf("GET %s: CSP %q", path, csp)
			}
			checkNoInline(t, path, rec.Body.String())
		})
	}
}

// checkNoInline fails when a page has inline script or style, or loads
// anything from another site.
func checkNoInline(t *testing.T, path, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "style" || strings.HasPrefix(a.Key, "on"):
				t.Errorf("%s: <%s %s> inline", path, n.Data, a.Key)
			case (a.Key == "src" || a.Key == "href" && n.Data == "link") && (strings.Contains(a.Val, "//") || strings.HasPrefix(a.Val, "data:")):
				t.Errorf("%s: <%s %s=%q> loads from elsewhere", path, n.Data, a.Key, a.Val)
			case a.Key == "href" && strings.HasPrefix(a.Val, "data:"):
				t.Errorf("%s: <%s href=%q>: an image is never a link", path, n.Data, a.Val)
			}
		}
		if (n.Data == "script" || n.Data == "style") && n.FirstChild != nil {
			t.Errorf("%s: inline <%s>", path, n.Data)
		}
	}
}

func TestAdminLanguage(t *testing.T) {
	p := newPanel(t, db.SQLite)
	if body := p.page("/admin"); !strings.Contains(body, `<html lang="tr">`) || !strings.Contains(body, "Özet") {
		t.Error("the panel is not Turkish by default")
	}
	if body := p.page("/admin/content/services?lang=en"); !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, ">Services</h1>") {
		t.Error("?lang=en does not show the panel in English")
	}
}

func TestAdminSignin(t *testing.T) {
	p := newPanel(t, db.SQLite)
	ctx := context.Background()
	hash, err := auth.HashPassword("correct horse battery", auth.MinBcryptCost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.st.CreateUser(ctx, store.NewUser{Email: "boss@example.com", PasswordHash: hash, Role: smmm.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	p.cookie = nil
	if rec := p.get("/auth/signin"); rec.Header().Get("Cache-Control") != "no-store" || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "form-action 'self'") {
		t.Fatalf("sign-in page headers %v", rec.Header())
	}
	signinToken := func() string {
		keep := p.cookie
		p.cookie = nil
		body := p.page("/auth/signin?next=/admin/users")
		p.cookie = keep
		m := tokenField.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no token on the sign-in page")
		}
		return html.UnescapeString(m[1])
	}
	post := func(form url.Values) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/auth/signin", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return p.do(req)
	}

	// A wrong password: the form again, 401, the email kept (escaped), no cookie.
	rec := post(url.Values{"token": {signinToken()}, "email": {"boss@example.com"}, "password": {"wrong password!"}})
	if rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), "E-posta ya da parola yanlış") ||
		!strings.Contains(rec.Body.String(), `value="boss@example.com"`) || len(rec.Result().Cookies()) != 0 {
		t.Fatalf("wrong password = %d %v %s", rec.Code, rec.Result().Cookies(), rec.Body)
	}
	// No token: asked again, nothing checked.
	if rec := post(url.Values{"email": {"boss@example.com"}, "password": {"correct horse battery"}}); rec.Code != 400 || len(rec.Result().Cookies()) != 0 {
		t.Fatalf("tokenless sign-in = %d %v", rec.Code, rec.Result().Cookies())
	}
	// Cross-site: refused before anything.
	req := httptest.NewRequest("POST", "/auth/signin", strings.NewReader(url.Values{"token": {signinToken()}, "email": {"boss@example.com"}, "password": {"correct horse battery"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if rec := p.do(req); rec.Code != http.StatusForbidden {
		t.Fatalf("cross-site sign-in = %d", rec.Code)
	}
	// The right one: the session cookie, and on to where the visitor was going; an outside "next" is ignored.
	rec = post(url.Values{"token": {signinToken()}, "email": {"Boss@Example.com"}, "password": {"correct horse battery"}, "next": {"/admin/users"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/admin/users" {
		t.Fatalf("sign-in = %d %q", rec.Code, rec.Header().Get("Location"))
	}
	var session, device *http.Cookie
	for _, c := range rec.Result().Cookies() {
		switch c.Name {
		case web.CookieName:
			session = c
		case web.DeviceCookieName:
			device = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie %+v", session)
	}
	if device == nil || device.Path != "/auth/signin" || !device.HttpOnly || device.SameSite != http.SameSiteStrictMode {
		t.Fatalf("device cookie %+v, want one for /auth/signin", device)
	}
	p.cookie = session
	if !strings.Contains(p.page("/admin"), "boss@example.com") {
		t.Fatal("the dashboard does not name who is signed in")
	}
	rec = post(url.Values{"token": {signinToken()}, "email": {"boss@example.com"}, "password": {"correct horse battery"}, "next": {"//evil.example/admin"}})
	if loc := rec.Header().Get("Location"); loc != "/admin" {
		t.Fatalf("sign-in with an outside next went to %q", loc)
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == web.CookieName {
			p.cookie = c
		}
	}

	// Sign-out needs the page's token; then the session is gone.
	req = httptest.NewRequest("POST", "/auth/signout", strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if rec := p.do(req); rec.Code != http.StatusBadRequest {
		t.Fatalf("tokenless sign-out = %d", rec.Code)
	}
	loc := p.done("/admin", "/auth/signout", nil)
	if !strings.HasPrefix(loc, "/auth/signin") {
		t.Fatalf("sign-out went to %q", loc)
	}
	if rec := p.get("/admin"); rec.Code != http.StatusSeeOther {
		t.Fatalf("after sign-out GET /admin = %d", rec.Code)
	}

	// The same throttle as the API's login: past the limit, 429 with Retry-After.
	p.cookie = nil
	var last *httptest.ResponseRecorder
	for range 12 {
		last = post(url.Values{"token": {signinToken()}, "email": {"boss@example.com"}, "password": {"wrong password!"}})
	}
	if last.Code != http.StatusTooManyRequests || last.Header().Get("Retry-After") == "" {
		t.Fatalf("after many wrong passwords = %d", last.Code)
	}
	reqAPI := httptest.NewRequest("POST", "/api/auth/login", strings.NewReader(`{"email":"boss@example.com","password":"correct horse battery"}`))
	reqAPI.Header.Set("Content-Type", "application/json")
	if rec := p.do(reqAPI); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("the API's login after the form's attempts = %d, want 429 (one throttle)", rec.Code)
	}
	// The browser that signed in before still gets in: its device cookie
	// has a budget of its own.
	req = httptest.NewRequest("POST", "/auth/signin", strings.NewReader(url.Values{"token": {signinToken()}, "email": {"boss@example.com"}, "password": {"correct horse battery"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(device)
	if rec := p.do(req); rec.Code != http.StatusSeeOther {
		t.Fatalf("sign-in with the device cookie on a locked account = %d, want 303", rec.Code)
	}
}

func TestAdminCSRF(t *testing.T) {
	p := newPanel(t, db.SQLite)
	other := signIn(t, p.h, p.st, smmm.RoleAdmin)
	form := url.Values{"title": {"x"}, "description": {"y"}}
	post := func(cookie *http.Cookie, form url.Values, headers ...string) int {
		req := httptest.NewRequest("POST", "/admin/content/services", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		p.h.ServeHTTP(rec, req)
		return rec.Code
	}
	if code := post(p.admin, form); code != http.StatusBadRequest {
		t.Errorf("no token = %d, want 400", code)
	}
	// A token served to another session is no good.
	p.cookie = other
	form.Set("csrf", p.csrf("/admin"))
	if code := post(p.admin, form); code != http.StatusBadRequest {
		t.Errorf("another session's token = %d, want 400", code)
	}
	// A cross-site post is refused even with a good token.
	p.cookie = p.admin
	form.Set("csrf", p.csrf("/admin"))
	if code := post(p.admin, form, "Sec-Fetch-Site", "cross-site"); code != http.StatusForbidden {
		t.Errorf("cross-site = %d, want 403", code)
	}
	if code := post(p.admin, form, "Origin", "https://evil.example"); code != http.StatusForbidden {
		t.Errorf("foreign Origin = %d, want 403", code)
	}
	list, err := p.st.Services().List(context.Background(), true)
	if err != nil || len(list) != 0 {
		t.Fatalf("refused posts stored %v %v", list, err)
	}
	// A token older than its life is refused.
	p.clock.Add(13 * 60 * 60 * 1e9)
	if code := post(p.admin, form); code != http.StatusBadRequest {
		t.Errorf("a 13-hour-old token = %d, want 400", code)
	}
	// And a fresh one goes through.
	form.Set("csrf", p.csrf("/admin"))
	if code := post(p.admin, form); code != http.StatusSeeOther {
		t.Errorf("a good post = %d, want 303", code)
	}
}
