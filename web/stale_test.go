package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// TestStaleAPIReads: while the database cannot be reached, the public
// content GETs answer their last good answer, 200 with Age and
// X-Smmm-Stale, for up to an hour; a signed-in user, a write and a route
// never answered before get the 503 as before.
func TestStaleAPIReads(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	s := newSiteOver(t, pool, web.Config{}, auth.Options{})
	s.api("POST", "/api/content/services", `{"title":"Bordro <hizmeti>","description":"Aylık bordro."}`)
	reads := []string{"/api/content/about", "/api/content/services", "/api/content/site-settings", "/api/content/faq"}
	good := map[string]string{}
	for _, path := range reads {
		rec := s.get(path)
		if rec.Code != 200 || rec.Header().Get("X-Smmm-Stale") != "" {
			t.Fatalf("GET %s = %d, stale %q", path, rec.Code, rec.Header().Get("X-Smmm-Stale"))
		}
		good[path] = rec.Body.String()
	}
	if !strings.Contains(good["/api/content/services"], "Bordro") {
		t.Fatalf("the services answer lacks the stored service: %s", good["/api/content/services"])
	}
	if err := pool.Close(context.Background()); err != nil {
		t.Fatal(err)
	}

	s.clock.Add(90 * time.Second)
	for _, path := range reads {
		rec := s.get(path)
		if rec.Code != 200 || rec.Header().Get("X-Smmm-Stale") != "true" || rec.Header().Get("Age") != "90" {
			t.Errorf("GET %s with the database closed = %d, X-Smmm-Stale %q, Age %q; want the last good answer", path, rec.Code, rec.Header().Get("X-Smmm-Stale"), rec.Header().Get("Age"))
		}
		if rec.Body.String() != good[path] {
			t.Errorf("GET %s with the database closed answered\n%s\nwant the last good answer\n%s", path, rec.Body, good[path])
		}
	}
	if rec := s.get("/api/content/team"); rec.Code != 503 {
		t.Errorf("GET of a collection never answered before = %d, want 503", rec.Code)
	}
	if rec := s.get("/api/content/services", "Cookie", web.CookieName+"="+s.admin.Value); rec.Code != 503 {
		t.Errorf("a signed-in GET with the database closed = %d, want 503 (never the public copy)", rec.Code)
	}
	req := httptest.NewRequest("POST", "/api/contact-messages", strings.NewReader(`{"name":"Ayşe","email":"a@example.com","phone":"05325554433","subject":"Konu","message":"Mesaj"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code != 503 || rec.Header().Get("X-Smmm-Stale") != "" {
		t.Errorf("a write with the database closed = %d, want 503", rec.Code)
	}

	s.clock.Add(time.Hour)
	if rec := s.get("/api/content/services"); rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("GET an hour later = %d (Retry-After %q), want 503: too old to serve", rec.Code, rec.Header().Get("Retry-After"))
	}
}
