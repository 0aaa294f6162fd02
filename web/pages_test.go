package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
	"smmm/web"
)

// clock is a time that tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// site is the whole site over a freshly migrated database, with a clock
// the test moves and an ADMIN's session for writing content.
type site struct {
	t     *testing.T
	h     http.Handler
	pool  *db.DB
	st    *store.Store
	clock *clock
	admin *http.Cookie
}

func newSite(t *testing.T, d db.Dialect, cfg web.Config, opts auth.Options) *site {
	t.Helper()
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{}))
	return newSiteOver(t, pool, cfg, opts)
}

func newSiteOver(t *testing.T, pool *db.DB, cfg web.Config, opts auth.Options) *site {
	t.Helper()
	c := newClock()
	cfg.Now = c.Now
	h, st := newSiteHandler(t, pool, cfg, opts)
	return &site{t: t, h: h, pool: pool, st: st, clock: c, admin: signIn(t, h, st, smmm.RoleAdmin)}
}

// get sends a GET with headers given as name, value pairs.
func (s *site) get(target string, headers ...string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

// api sends a JSON request as the ADMIN.
func (s *site) api(method, target, body string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(s.admin)
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code >= 300 {
		s.t.Fatalf("%s %s = %d %s", method, target, rec.Code, rec.Body)
	}
	return rec
}

var tokenField = regexp.MustCompile(`name="token" value="([^"]+)"`)

// token fetches the form page at path and returns its token.
func (s *site) token(path string) string {
	s.t.Helper()
	rec := s.get(path)
	m := tokenField.FindStringSubmatch(rec.Body.String())
	if rec.Code != 200 || m == nil {
		s.t.Fatalf("GET %s = %d, token %v", path, rec.Code, m)
	}
	return html.UnescapeString(m[1])
}

// post sends a URL-encoded form with headers given as name, value pairs.
func (s *site) post(path string, form url.Values, headers ...string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

// postMultipart sends a multipart form with one file.
func (s *site) postMultipart(path string, form url.Values, field, filename string, file []byte) *httptest.ResponseRecorder {
	s.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range form {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				s.t.Fatal(err)
			}
		}
	}
	if file != nil {
		fw, err := mw.CreateFormFile(field, filename)
		if err != nil {
			s.t.Fatal(err)
		}
		if _, err := fw.Write(file); err != nil {
			s.t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		s.t.Fatal(err)
	}
	req := httptest.NewRequest("POST", path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

// count returns how many rows table holds.
func (s *site) count(table string) int {
	s.t.Helper()
	var n int
	if err := s.pool.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM "`+table+`"`).Scan(&n); err != nil {
		// Postgres and SQLite take double quotes; MySQL runs in ANSI_QUOTES mode for smmm.
		s.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// parse parses an HTML page, failing the test when it is not HTML.
func parse(t *testing.T, body []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// walk calls fn on every element of n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// checkPage asserts what every HTML page must be: the page policy and the
// other security headers, and markup with no inline script or style, no
// image from another site and no image used as a link target.
func checkPage(t *testing.T, path string, rec *httptest.ResponseRecorder) *html.Node {
	t.Helper()
	h := rec.Header()
	wantCSP := "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
	if got := h.Get("Content-Security-Policy"); got != wantCSP {
		t.Errorf("%s: Content-Security-Policy = %q, want %q", path, got, wantCSP)
	}
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "Content-Type": "text/html; charset=utf-8"} {
		if h.Get(k) != v {
			t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
		}
	}
	doc := parse(t, rec.Body.Bytes())
	walk(doc, func(n *html.Node) {
		if _, ok := attr(n, "style"); ok {
			t.Errorf("%s: <%s> has a style attribute", path, n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: <%s> has an event handler %s", path, n.Data, a.Key)
			}
		}
		switch n.Data {
		case "style":
			t.Errorf("%s: inline <style> element", path)
		case "script":
			if src, _ := attr(n, "src"); src == "" || n.FirstChild != nil {
				t.Errorf("%s: inline <script>", path)
			}
		case "img":
			if src, _ := attr(n, "src"); !strings.HasPrefix(src, "/media/") && !strings.HasPrefix(src, "data:") {
				t.Errorf("%s: <img src=%q> is not on this site", path, src)
			}
		case "a":
			if href, _ := attr(n, "href"); strings.HasPrefix(href, "/media/") || strings.HasPrefix(href, "data:") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
				t.Errorf("%s: <a href=%q> links to an image or a script", path, href)
			}
		case "link", "iframe", "object", "embed":
			if href, _ := attr(n, "href"); strings.Contains(href, "://") {
				t.Errorf("%s: <%s> loads %q from another site", path, n.Data, href)
			}
			if n.Data != "link" {
				t.Errorf("%s: <%s> element", path, n.Data)
			}
		}
	})
	return doc
}

// text returns the text of n and its children.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// byID finds the element with id.
func byID(doc *html.Node, id string) *html.Node {
	var found *html.Node
	walk(doc, func(n *html.Node) {
		if v, _ := attr(n, "id"); v == id && found == nil {
			found = n
		}
	})
	return found
}

// sections are the home page's sections by id, with a text each shows
// from the built-in defaults.
var sections = map[string]string{
	"hizmetler":  "Muhasebe ve Defter Tutma",
	"hakkimizda": "Güvenilir mali müşavirlik hizmetleri",
	"surec":      "Sözleşme",
	"fiyatlar":   "Profesyonel",
	"yorumlar":   "Ayşe Demir",
	"ekip":       "Ofis Sahibi",
	"sss":        "KDV beyannamesi ne zaman verilir?",
	"iletisim":   "Ad Soyad",
}

func TestHomeShowsEverySection(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		s := newSite(t, d, web.Config{}, auth.Options{})

		// An empty database: the built-in content, and no client logos
		// (they have no defaults).
		rec := s.get("/")
		if rec.Code != 200 {
			t.Fatalf("GET / = %d %s", rec.Code, rec.Body)
		}
		doc := checkPage(t, "/", rec)
		for id, want := range sections {
			n := byID(doc, id)
			if n == nil {
				t.Errorf("section #%s is missing", id)
				continue
			}
			if !strings.Contains(nodeText(n), want) {
				t.Errorf("section #%s does not show %q", id, want)
			}
		}
		if byID(doc, "referanslar") != nil {
			t.Error("the clients section is shown with no client stored")
		}
		if !strings.Contains(nodeText(doc), "Mali Müşavirlikte Güvenilir Çözüm Ortağınız") {
			t.Error("the default hero slide is not shown")
		}

		// Stored content replaces the defaults; what an admin wrote is
		// escaped, images are served from /media and never linked to.
		img := pngDataURL(t, 8, 8)
		s.api("POST", "/api/content/hero", `{"title":"<script>alert(1)</script> Başlık","subtitle":"Alt başlık & more","image":"`+img+`","buttonText":"Bize yazın","buttonUrl":"javascript:alert(2)"}`)
		s.api("POST", "/api/content/services", `{"icon":"Shield","title":"Denetim","description":"Açıklama","features":["Özellik <b>bir</b>","İki"]}`)
		s.api("POST", "/api/content/clients", `{"name":"Acme \"Ltd\"","logo":"`+img+`","url":"https://acme.example"}`)
		s.api("POST", "/api/content/team", `{"name":"Zeynep Kaya","position":"SMMM","avatar":"`+img+`","linkedinUrl":"https://linkedin.example/z"}`)
		s.api("POST", "/api/content/testimonials", `{"name":"Ali Veli","position":"Müdür","content":"Çok memnunuz","rating":4}`)
		s.api("POST", "/api/content/site-settings", `{"siteName":"Yılmaz Mali Müşavirlik","phone":"+90 212 555 00 00","email":"ofis@yilmaz.example","address":"İstanbul","facebookUrl":"https://facebook.example/yilmaz","mapLatitude":"41.01","mapLongitude":"28.97"}`)

		rec = s.get("/")
		body := rec.Body.String()
		doc = checkPage(t, "/", rec)
		if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt; Başlık") {
			t.Error("a title with a script tag is not escaped")
		}
		if strings.Contains(body, "<b>bir</b>") || !strings.Contains(body, "Özellik &lt;b&gt;bir&lt;/b&gt;") {
			t.Error("a service feature with markup is not escaped")
		}
		if strings.Contains(body, "javascript:") {
			t.Error("a javascript: button URL reached the page")
		}
		if strings.Contains(body, "Muhasebe ve Defter Tutma") {
			t.Error("the default services are shown beside a stored one")
		}
		for _, want := range []string{"Yılmaz Mali Müşavirlik", `href="tel:&#43;902125550000"`, `href="mailto:ofis@yilmaz.example"`,
			`href="https://facebook.example/yilmaz"`, "openstreetmap.org/?mlat=41.01", `href="https://acme.example"`, `alt="Acme &#34;Ltd&#34;"`,
			`href="https://linkedin.example/z"`, "Çok memnunuz", "Denetim"} {
			if !strings.Contains(body, want) {
				t.Errorf("the home page does not contain %s", want)
			}
		}
		imgs := 0
		walk(doc, func(n *html.Node) {
			if n.Data == "img" {
				imgs++
				src, _ := attr(n, "src")
				if r := s.get(src); r.Code != 200 || r.Header().Get("Content-Type") != "image/png" {
					t.Errorf("GET %s = %d %s", src, r.Code, r.Header().Get("Content-Type"))
				}
			}
		})
		if imgs != 3 {
			t.Errorf("the page has %d images, want 3 (hero, client logo, team avatar)", imgs)
		}
		if byID(doc, "referanslar") == nil {
			t.Error("the clients section is missing with a client stored")
		}
		if rec.Body.Len() > 60<<10 {
			t.Errorf("the home page is %d bytes, over 60 KB", rec.Body.Len())
		}
	})
}

func TestHomeHidesInactiveSections(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{})
	for _, c := range []struct{ path, body string }{
		{"/api/content/hero", `{"title":"Gizli slayt","subtitle":"x","isActive":false}`},
		{"/api/content/services", `{"title":"Gizli hizmet","description":"x","isActive":false}`},
		{"/api/content/pricing", `{"name":"Gizli paket","price":"1","isActive":false}`},
		{"/api/content/testimonials", `{"name":"Gizli","position":"x","content":"Gizli yorum","isActive":false}`},
		{"/api/content/team", `{"name":"Gizli kişi","position":"x","isActive":false}`},
		{"/api/content/clients", `{"name":"Gizli müşteri","logo":"` + pngDataURL(t, 2, 2) + `","isActive":false}`},
	} {
		s.api("POST", c.path, c.body)
	}
	s.api("POST", "/api/content/about", `{"title":"Biz","description":"Biz kimiz","features":[{"icon":"Award","title":"Görünen","description":"a"},{"icon":"Shield","title":"Gizli özellik","description":"b","isActive":false}]}`)
	rec := s.get("/")
	doc := checkPage(t, "/", rec)
	for _, id := range []string{"hizmetler", "fiyatlar", "yorumlar", "ekip", "referanslar"} {
		if byID(doc, id) != nil {
			t.Errorf("section #%s is shown with only inactive rows", id)
		}
	}
	if body := rec.Body.String(); strings.Contains(body, "Gizli") || !strings.Contains(body, "Görünen") {
		t.Error("inactive rows are shown, or an active about feature is not")
	}
	if byID(doc, "slide-0") != nil {
		t.Error("a hero slide is shown with only an inactive one stored")
	}
}

func TestPageLanguage(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{})
	for _, tt := range []struct {
		name    string
		target  string
		headers []string
		want    string
	}{
		{"default", "/", nil, "tr"},
		{"accept english", "/", []string{"Accept-Language", "en-US,en;q=0.9"}, "en"},
		{"accept turkish first", "/sss", []string{"Accept-Language", "tr-TR,en;q=0.8"}, "tr"},
		{"english preferred by quality", "/", []string{"Accept-Language", "de;q=1, tr;q=0.4, en;q=0.7"}, "en"},
		{"neither", "/", []string{"Accept-Language", "de-DE,fr"}, "tr"},
		{"switch", "/iletisim?lang=en", []string{"Accept-Language", "tr"}, "en"},
		{"cookie", "/", []string{"Cookie", "smmm_lang=en", "Accept-Language", "tr"}, "en"},
		{"switch beats cookie", "/?lang=tr", []string{"Cookie", "smmm_lang=en"}, "tr"},
		{"bad cookie", "/", []string{"Cookie", "smmm_lang=xx"}, "tr"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := s.get(tt.target, tt.headers...)
			doc := checkPage(t, tt.target, rec)
			var lang string
			walk(doc, func(n *html.Node) {
				if n.Data == "html" {
					lang, _ = attr(n, "lang")
				}
			})
			if lang != tt.want {
				t.Errorf("lang = %q, want %q", lang, tt.want)
			}
			nav := map[string]string{"tr": "Hizmetler", "en": "Services"}[tt.want]
			if !strings.Contains(rec.Body.String(), ">"+nav+"<") {
				t.Errorf("the navigation is not in %s (no %q)", tt.want, nav)
			}
			if got := rec.Header().Get("Content-Language"); got != tt.want {
				t.Errorf("Content-Language = %q, want %q", got, tt.want)
			}
			if !strings.Contains(rec.Header().Get("Vary"), "Accept-Language") {
				t.Errorf("Vary = %q", rec.Header().Get("Vary"))
			}
			setCookie := rec.Header().Get("Set-Cookie")
			if strings.Contains(tt.target, "lang=") != strings.HasPrefix(setCookie, "smmm_lang="+tt.want) {
				t.Errorf("Set-Cookie = %q", setCookie)
			}
		})
	}
	// The switch offers the other language on the same page.
	if body := s.get("/kariyer").Body.String(); !strings.Contains(body, `href="/kariyer?lang=en"`) {
		t.Error("the Turkish page has no switch to English")
	}
}

func TestPagesHeadersAndTitles(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{})
	titles := map[string]string{}
	for _, path := range []string{"/", "/sss", "/iletisim", "/teklif", "/kariyer", "/iletisim?gonderildi=1"} {
		rec := s.get(path)
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		doc := checkPage(t, path, rec)
		var title, desc string
		walk(doc, func(n *html.Node) {
			switch {
			case n.Data == "title":
				title = nodeText(n)
			case n.Data == "meta":
				if name, _ := attr(n, "name"); name == "description" {
					desc, _ = attr(n, "content")
				}
			}
		})
		if title == "" || desc == "" {
			t.Errorf("%s: title %q, description %q", path, title, desc)
		}
		if other, dup := titles[title]; dup && !strings.Contains(path, "?") {
			t.Errorf("%s and %s share the title %q", path, other, title)
		}
		titles[title] = path
		if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("%s: Cache-Control = %q", path, cc)
		}
	}

	// A path no route serves gets the site's 404 page, in the visitor's
	// language; a client that wants JSON gets JSON.
	for _, tt := range []struct{ path, lang, want string }{
		{"/no-such-page", "tr", "Sayfa bulunamadı"},
		{"/no/such/page?x=1", "en", "Page not found"},
		{"/iletisim/", "tr", "Sayfa bulunamadı"},
	} {
		rec := s.get(tt.path, "Accept-Language", tt.lang)
		if rec.Code != 404 || !strings.Contains(rec.Body.String(), tt.want) || rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s = %d, Cache-Control %q, without %q", tt.path, rec.Code, rec.Header().Get("Cache-Control"), tt.want)
		}
		checkPage(t, tt.path, rec)
	}
	if rec := s.get("/no-such-page", "Accept", "application/json"); rec.Code != 404 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Errorf("GET /no-such-page accepting JSON = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

func TestSitemapAndRobots(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{})
	req := httptest.NewRequest("GET", "http://ofis.example/sitemap.xml", nil)
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/xml") {
		t.Fatalf("GET /sitemap.xml = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, p := range []string{"/", "/iletisim", "/teklif", "/kariyer", "/sss"} {
		loc := "<loc>http://ofis.example" + p + "</loc>"
		if !strings.Contains(rec.Body.String(), loc) {
			t.Errorf("the sitemap has no %s", loc)
		}
		// Every page the sitemap lists is served.
		if r := s.get(p); r.Code != 200 {
			t.Errorf("GET %s = %d", p, r.Code)
		}
	}
	rec = s.get("/robots.txt")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Disallow: /api/") || !strings.Contains(body, "Disallow: /admin") || !strings.Contains(body, "Sitemap: http://example.com/sitemap.xml") {
		t.Errorf("GET /robots.txt = %d %q", rec.Code, body)
	}
}

func TestPagesWhileStarting(t *testing.T) {
	var ready atomic.Bool
	ready.Store(true) // for the sign-in of newSite
	s := newSite(t, db.SQLite, web.Config{Ready: ready.Load}, auth.Options{})
	ready.Store(false)
	for _, path := range []string{"/", "/iletisim", "/sitemap.xml"} {
		rec := s.get(path, "Accept-Language", "en")
		if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
			t.Errorf("GET %s while starting = %d, Retry-After %q", path, rec.Code, rec.Header().Get("Retry-After"))
		}
		if path != "/sitemap.xml" {
			checkPage(t, path, rec)
			if !strings.Contains(rec.Body.String(), "Temporarily unavailable") {
				t.Errorf("GET %s while starting is not the English 503 page", path)
			}
		}
	}
	// The error page's stylesheet is served at any time.
	css := assetURL.FindString(s.get("/").Body.String())
	if rec := s.get(css); css == "" || rec.Code != 200 {
		t.Errorf("GET %q while starting = %d", css, rec.Code)
	}
}
