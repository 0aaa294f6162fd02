package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

var assetURL = regexp.MustCompile(`/assets/([a-z]+)\.([0-9a-f]{12})\.(css|js)`)

func TestAssets(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{})
	home := s.get("/").Body.String()
	urls := assetURL.FindAllStringSubmatch(home, -1)
	if len(urls) != 2 {
		t.Fatalf("the home page links %d assets, want the stylesheet and the script: %v", len(urls), urls)
	}
	compressed := 0
	for _, m := range urls {
		rec := s.get(m[0])
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", m[0], rec.Code)
		}
		h := rec.Header()
		if cc := h.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control = %q", m[0], cc)
		}
		want := map[string]string{"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}[m[3]]
		if h.Get("Content-Type") != want {
			t.Errorf("%s: Content-Type = %q, want %q", m[0], h.Get("Content-Type"), want)
		}
		// The name holds a digest of the bytes: a change makes a new URL.
		sum := sha256.Sum256(rec.Body.Bytes())
		if hex.EncodeToString(sum[:6]) != m[2] {
			t.Errorf("%s: the name's digest is not that of its content", m[0])
		}
		gz := s.get(m[0], "Accept-Encoding", "br, gzip")
		if gz.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(gz.Header().Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s with Accept-Encoding gzip: Content-Encoding %q", m[0], gz.Header().Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(plain, rec.Body.Bytes()) {
			t.Errorf("%s: the gzip body does not hold the file (%v)", m[0], err)
		}
		compressed += gz.Body.Len()
		if nm := s.get(m[0], "If-None-Match", h.Get("ETag")); nm.Code != 304 {
			t.Errorf("%s with its ETag = %d, want 304", m[0], nm.Code)
		}
	}
	if compressed > 60<<10 {
		t.Errorf("the home page's CSS and JS are %d bytes compressed, over 60 KB", compressed)
	}
	for _, path := range []string{"/assets/site.css", "/assets/site.000000000000.css", "/assets/vendor/lucide/award.svg", "/assets/"} {
		if rec := s.get(path); rec.Code != 404 {
			t.Errorf("GET %s = %d, want 404", path, rec.Code)
		}
	}
}

func TestContentCache(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		pool := migrated(t, dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{}))
		// Two instances over one database, reusing content for a second.
		a := newSiteOver(t, pool, web.Config{ContentMaxAge: time.Second}, auth.Options{})
		b := newSiteOver(t, pool, web.Config{ContentMaxAge: time.Second}, auth.Options{})
		shows := func(s *site, text string) bool {
			t.Helper()
			rec := s.get("/")
			if rec.Code != 200 {
				t.Fatalf("GET / = %d", rec.Code)
			}
			return strings.Contains(rec.Body.String(), text)
		}
		if !shows(a, "Mali Müşavirlikte") || !shows(b, "Mali Müşavirlikte") {
			t.Fatal("the default hero is not shown")
		}

		// A write through a shows on a at once, and on b once its copy is
		// a second old.
		a.api("POST", "/api/content/hero", `{"title":"Birinci slayt","subtitle":"x"}`)
		if !shows(a, "Birinci slayt") {
			t.Error("a write through this instance does not show at once")
		}
		if shows(b, "Birinci slayt") {
			t.Error("the other instance read the database again within its second")
		}
		b.clock.Add(time.Second)
		if !shows(b, "Birinci slayt") {
			t.Error("the other instance does not show the write after a second")
		}

		// Writes of every kind invalidate: an update, a delete, settings.
		rec := a.api("POST", "/api/content/services", `{"title":"Hizmet A","description":"x"}`)
		id := decodeBody[map[string]any](t, rec)["id"].(string)
		a.api("PATCH", "/api/content/services/"+id, `{"title":"Hizmet B"}`)
		if !shows(a, "Hizmet B") {
			t.Error("an update does not show at once")
		}
		a.api("DELETE", "/api/content/services/"+id, "")
		if shows(a, "Hizmet B") {
			t.Error("a delete does not show at once")
		}
		a.api("POST", "/api/content/site-settings", `{"siteName":"Yeni Ofis Adı"}`)
		if !shows(a, "Yeni Ofis Adı") {
			t.Error("a settings change does not show at once")
		}
	})
}

func TestStaleContent(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	s := newSiteOver(t, pool, web.Config{}, auth.Options{})
	if rec := s.get("/"); rec.Code != 200 || rec.Header().Get("X-Smmm-Stale") != "" {
		t.Fatalf("GET / = %d, stale %q", rec.Code, rec.Header().Get("X-Smmm-Stale"))
	}
	if err := pool.Close(context.Background()); err != nil {
		t.Fatal(err)
	}

	// The database is gone: the last good content, marked stale, with its age.
	s.clock.Add(90 * time.Second)
	for _, path := range []string{"/", "/sss"} {
		rec := s.get(path)
		if rec.Code != 200 || rec.Header().Get("X-Smmm-Stale") != "true" || rec.Header().Get("Age") != "90" {
			t.Errorf("GET %s with the database closed = %d, X-Smmm-Stale %q, Age %q", path, rec.Code, rec.Header().Get("X-Smmm-Stale"), rec.Header().Get("Age"))
		}
		checkPage(t, path, rec)
	}

	// Past the longest a copy is served: the HTML 503 page.
	s.clock.Add(time.Hour)
	rec := s.get("/")
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "Hizmet geçici olarak kullanılamıyor") {
		t.Errorf("GET / an hour later = %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	checkPage(t, "/ (503)", rec)
}
