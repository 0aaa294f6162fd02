package web_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// fuzzServer is the real handler over a migrated SQLite database, with an
// ADMIN's session cookie so that the about POST is reached.
func fuzzServer(f *testing.F) (http.Handler, *http.Cookie) {
	pool := migrated(f, dbtest.Open(f, dbtest.URL(f, db.SQLite), nil, db.Options{}))
	h, st := newSiteHandler(f, pool, web.Config{}, auth.Options{})
	return h, signIn(f, h, st, smmm.RoleAdmin)
}

// fuzzPost sends body to target and fails on a 5xx; a panic fails the
// fuzz run by itself.
func fuzzPost(t *testing.T, h http.Handler, admin *http.Cookie, target string, body []byte) {
	req := httptest.NewRequest("POST", target, bytes.NewReader(body))
	req.AddCookie(admin)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code >= 500 {
		t.Fatalf("POST %s %q = %d %s", target, body, rec.Code, rec.Body)
	}
}

func FuzzContactMessageCreate(f *testing.F) {
	for _, s := range []string{
		`{"name":"Ayşe","email":"a@b.co","phone":"+90 532 000 00 00","subject":"s","message":"m"}`,
		`{"name":"'; DROP TABLE \"User\"; --","email":"x@y.zz","phone":"12345","subject":"🎉","message":"\u0000"}`,
		`{"name":null,"email":[],"phone":{},"subject":1e999,"message":true}`,
		`{"name":"a","name":"b"}`,
		"{\"name\":\"\xff\"}",
		`[]`, `null`, ``, `{`, `{"x":1}`,
	} {
		f.Add([]byte(s))
	}
	h, admin := fuzzServer(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzPost(t, h, admin, "/api/contact-messages", body)
	})
}

func FuzzAboutPut(f *testing.F) {
	for _, s := range []string{
		`{"title":"Hakkımızda","description":"d","features":[{"title":"t","description":"d","icon":"Award","isActive":false,"order":3}]}`,
		`{"title":"t","description":"d","subtitle":null,"image":"https://x/y.png","features":[]}`,
		`{"title":"t","description":"d","features":[{"title":"","description":"","order":-1}]}`,
		`{"title":"t","description":"d","features":null}`,
		`{"title":"t","description":"d","features":[null]}`,
		`{"title":1}`, `"x"`, `{"features":[{"isActive":"yes"}]}`,
	} {
		f.Add([]byte(s))
	}
	h, admin := fuzzServer(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzPost(t, h, admin, "/api/content/about", body)
	})
}

// FuzzContentWrites sends each body to every route that writes content:
// the collections' create, update and reorder, the settings, and the two
// public forms. None may answer 5xx.
func FuzzContentWrites(f *testing.F) {
	for _, s := range []string{
		`{"title":"t","subtitle":"s","name":"n","logo":"https://x.example/l.png","description":"d","price":"1","position":"p","content":"c","question":"q","answer":"a","categoryId":"x"}`,
		`{"features":"[\"a\",\"b\"]","items":[{"id":"x","order":1}]}`,
		`{"features":["a",{"text":"b","isIncluded":false},null,7]}`,
		`{"image":"data:image/png;base64,iVBORw0KGgo=","avatar":"javascript:alert(1)","favicon":"data:;base64,"}`,
		`{"category":{"name":"Ğ","slug":""},"question":"q","answer":"a"}`,
		`{"order":99999999999999,"rating":-1,"isActive":"yes"}`,
		`{"email":"a@b.co","phone":"+90 532 000 00 00","company":"c","serviceType":"s","experience":"e","education":"e","cvFileData":"JVBERi0="}`,
		`{"status":"NEW","id":"` + strings.Repeat("x", 300) + `"}`,
		`{"items":[]}`, `[]`, `null`, `"x"`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	h, admin := fuzzServer(f)
	targets := []string{"/api/content/site-settings", "/api/quote-requests", "/api/job-applications"}
	for _, p := range []string{"hero", "clients", "services", "workflow", "pricing", "testimonials", "team", "faq/categories", "faq"} {
		targets = append(targets, "/api/content/"+p, "/api/content/"+p+"/reorder")
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, target := range targets {
			fuzzPost(t, h, admin, target, body)
		}
		for _, target := range []string{"/api/content/hero/default-1", "/api/content/pricing?id=x", "/api/quote-requests/x"} {
			req := httptest.NewRequest("PATCH", target, bytes.NewReader(body))
			req.AddCookie(admin)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("PATCH %s %q = %d %s", target, body, rec.Code, rec.Body)
			}
		}
	})
}
