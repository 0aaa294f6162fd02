package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
	"smmm/web"
)

// api is the site over a freshly migrated database of one dialect, with
// an ADMIN signed in.
type api struct {
	t     *testing.T
	h     http.Handler
	pool  *db.DB
	admin *http.Cookie
}

func newAPI(t *testing.T, d db.Dialect) *api {
	t.Helper()
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{}))
	h, st := newSiteHandler(t, pool, web.Config{}, auth.Options{})
	return &api{t: t, pool: pool, h: h, admin: signIn(t, h, st, smmm.RoleAdmin)}
}

// call sends a request; body may be a string (sent as is) or a value
// (sent as JSON). admin adds the admin header.
func (a *api) call(method, target string, body any, admin bool) *httptest.ResponseRecorder {
	a.t.Helper()
	var rd *bytes.Reader
	switch b := body.(type) {
	case nil:
		rd = bytes.NewReader(nil)
	case string:
		rd = bytes.NewReader([]byte(b))
	default:
		j, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, target, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if admin {
		req.AddCookie(a.admin)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

func decodeBody[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	return v
}

type errorBody struct {
	Error     string            `json:"error"`
	Code      string            `json:"code"`
	RequestID string            `json:"requestId"`
	Fields    map[string]string `json:"fields"`
}

type message struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Subject   string `json:"subject"`
	Message   string `json:"message"`
	Status    string `json:"status"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

func validMessage(i int) map[string]string {
	return map[string]string{
		"name": fmt.Sprintf("Ayşe Yılmaz %d", i), "email": "ayse@example.com", "phone": "+90 532 000 00 00",
		"subject": "Vergi danışmanlığı", "message": "Merhaba, görüşmek isterim.",
	}
}

func TestContactMessages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)

		// Create.
		rec := a.call("POST", "/api/contact-messages", validMessage(1), false)
		if rec.Code != 201 {
			t.Fatalf("POST = %d %s, want 201", rec.Code, rec.Body)
		}
		created := decodeBody[struct {
			Message        string  `json:"message"`
			ContactMessage message `json:"contactMessage"`
		}](t, rec)
		m := created.ContactMessage
		if created.Message == "" || m.ID == "" || m.Status != "NEW" || m.Name != "Ayşe Yılmaz 1" {
			t.Errorf("created = %+v", created)
		}
		for _, ts := range []string{m.CreatedAt, m.UpdatedAt} {
			if _, err := time.Parse("2006-01-02T15:04:05.000Z", ts); err != nil {
				t.Errorf("time %q is not RFC 3339 UTC with milliseconds", ts)
			}
		}

		// Admin routes need an admin.
		if rec := a.call("GET", "/api/contact-messages", nil, false); rec.Code != 401 {
			t.Errorf("GET without admin = %d, want 401", rec.Code)
		}

		// Newest first, paginated with a Link header.
		for i := 2; i <= 5; i++ {
			if rec := a.call("POST", "/api/contact-messages", validMessage(i), false); rec.Code != 201 {
				t.Fatalf("POST %d = %d", i, rec.Code)
			}
		}
		var names []string
		next := "/api/contact-messages?limit=2"
		for pages := 0; next != ""; pages++ {
			if pages > 5 {
				t.Fatal("pagination does not end")
			}
			rec := a.call("GET", next, nil, true)
			if rec.Code != 200 {
				t.Fatalf("GET %s = %d %s", next, rec.Code, rec.Body)
			}
			for _, m := range decodeBody[[]message](t, rec) {
				names = append(names, m.Name)
			}
			next = ""
			if link := rec.Header().Get("Link"); link != "" {
				next = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
			}
		}
		want := "Ayşe Yılmaz 5,Ayşe Yılmaz 4,Ayşe Yılmaz 3,Ayşe Yılmaz 2,Ayşe Yılmaz 1"
		if got := strings.Join(names, ","); got != want {
			t.Errorf("pages = %s, want %s", got, want)
		}

		// PATCH, both styles; then the status filter.
		if rec := a.call("PATCH", "/api/contact-messages", map[string]string{"id": m.ID, "status": "REPLIED"}, true); rec.Code != 200 || decodeBody[message](t, rec).Status != "REPLIED" {
			t.Errorf("PATCH body style = %d %s", rec.Code, rec.Body)
		}
		if rec := a.call("PATCH", "/api/contact-messages/"+m.ID, map[string]string{"status": "resolved"}, true); rec.Code != 200 || decodeBody[message](t, rec).Status != "RESOLVED" {
			t.Errorf("PATCH path style = %d %s", rec.Code, rec.Body)
		}
		rec = a.call("GET", "/api/contact-messages?status=RESOLVED", nil, true)
		if list := decodeBody[[]message](t, rec); len(list) != 1 || list[0].ID != m.ID {
			t.Errorf("status filter = %+v", list)
		}

		tests := []struct {
			name, method, target string
			body                 any
			wantStatus           int
			wantCode             string
		}{
			{"patch unknown id", "PATCH", "/api/contact-messages/nope", map[string]string{"status": "NEW"}, 404, "not_found"},
			{"patch bad status", "PATCH", "/api/contact-messages/" + m.ID, map[string]string{"status": "DONE"}, 400, "invalid"},
			{"patch no id", "PATCH", "/api/contact-messages", map[string]string{"status": "NEW"}, 400, "invalid"},
			{"delete unknown", "DELETE", "/api/contact-messages?id=nope", nil, 404, "not_found"},
			{"bad limit", "GET", "/api/contact-messages?limit=500", nil, 400, "invalid"},
			{"bad cursor", "GET", "/api/contact-messages?cursor=%27%3B--", nil, 400, "invalid"},
			{"bad status filter", "GET", "/api/contact-messages?status=OPEN", nil, 400, "invalid"},
			{"wrong method", "PUT", "/api/contact-messages", nil, 405, "method_not_allowed"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rec := a.call(tt.method, tt.target, tt.body, true)
				e := decodeBody[errorBody](t, rec)
				if rec.Code != tt.wantStatus || e.Code != tt.wantCode || e.RequestID == "" || e.Error == "" {
					t.Errorf("= %d %+v, want %d %s with a message and request id", rec.Code, e, tt.wantStatus, tt.wantCode)
				}
			})
		}
		if rec := a.call("PUT", "/api/contact-messages", nil, true); rec.Header().Get("Allow") == "" {
			t.Error("405 without an Allow header")
		}

		// DELETE, both styles.
		if rec := a.call("DELETE", "/api/contact-messages?id="+m.ID, nil, true); rec.Code != 200 {
			t.Errorf("DELETE ?id= = %d %s", rec.Code, rec.Body)
		}
		if rec := a.call("DELETE", "/api/contact-messages/"+m.ID, nil, true); rec.Code != 404 {
			t.Errorf("second DELETE = %d, want 404", rec.Code)
		}
	})
}

func TestContactMessageValidation(t *testing.T) {
	a := newAPI(t, db.SQLite)
	long := func(n int) string { return strings.Repeat("ş", n) }
	with := func(k, v string) map[string]string { m := validMessage(0); m[k] = v; return m }
	tests := []struct {
		name       string
		body       any
		wantStatus int
		wantField  string
	}{
		{"missing name", with("name", "   "), 400, "name"},
		{"bad email", with("email", "ayse@"), 400, "email"},
		{"display-name email", with("email", "Ayşe <a@b.com>"), 400, "email"},
		{"long name", with("name", long(192)), 400, "name"},
		{"long subject", with("subject", long(192)), 400, "subject"},
		{"long phone", with("phone", strings.Repeat("1", 192)), 400, "phone"},
		{"long message", with("message", long(32768)), 400, "message"}, // 65,536 bytes: more than TEXT holds
		{"null byte", with("message", "a\x00b"), 400, "message"},
		{"wrong type", `{"name": 5, "email":"a@b.co","phone":"12345","subject":"s","message":"m"}`, 400, "name"},
		{"unknown field", `{"name":"a","email":"a@b.co","phone":"12345","subject":"s","message":"m","admin":true}`, 400, ""},
		{"malformed", `{"name":`, 400, ""},
		{"array", `[]`, 400, ""},
		{"two objects", `{} {}`, 400, ""},
		{"invalid utf8", "{\"name\":\"\xff\xfe\",\"email\":\"a@b.co\",\"phone\":\"12345\",\"subject\":\"s\",\"message\":\"m\"}", 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := a.call("POST", "/api/contact-messages", tt.body, false)
			e := decodeBody[errorBody](t, rec)
			if rec.Code != tt.wantStatus || e.Code != "invalid" {
				t.Fatalf("= %d %+v, want %d invalid", rec.Code, e, tt.wantStatus)
			}
			if tt.wantField != "" && e.Fields[tt.wantField] == "" {
				t.Errorf("fields = %v, want a message for %q", e.Fields, tt.wantField)
			}
		})
	}

	// Content type and size.
	req := httptest.NewRequest("POST", "/api/contact-messages", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if rec.Code != 415 {
		t.Errorf("text/plain = %d, want 415", rec.Code)
	}
	big := with("message", strings.Repeat("x", web.DefaultMaxBodyBytes))
	if rec := a.call("POST", "/api/contact-messages", big, false); rec.Code != 413 {
		t.Errorf("%d-byte body = %d, want 413", web.DefaultMaxBodyBytes, rec.Code)
	}
	if n, err := store.New(a.pool).CountContactMessages(context.Background()); err != nil || n != 0 {
		t.Errorf("rows after refused posts = %d, %v; want 0", n, err)
	}
}

func TestRoundTripExactText(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		texts := []string{"ğüşıöçİĞÜŞÖÇ", "emoji 🎉👍🏽 ok", `'; DROP TABLE "User"; --`, "back\\slash `tick` \"quote\"", "a\tb\nc"}
		for _, s := range texts {
			body := validMessage(0)
			body["subject"], body["message"] = strings.TrimSpace(s), s+" end"
			rec := a.call("POST", "/api/contact-messages", body, false)
			if rec.Code != 201 {
				t.Fatalf("POST %q = %d %s", s, rec.Code, rec.Body)
			}
		}
		list := decodeBody[[]message](t, a.call("GET", "/api/contact-messages", nil, true))
		got := map[string]bool{}
		for _, m := range list {
			got[m.Message] = true
		}
		for _, s := range texts {
			if !got[s+" end"] {
				t.Errorf("%q did not round-trip; got %v", s, got)
			}
		}
	})
}

type section struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Subtitle    *string `json:"subtitle"`
	Description string  `json:"description"`
	Features    []struct {
		ID          string  `json:"id"`
		SectionID   string  `json:"sectionId"`
		Icon        *string `json:"icon"`
		Title       string  `json:"title"`
		Description string  `json:"description"`
		IsActive    bool    `json:"isActive"`
		Order       int     `json:"order"`
	} `json:"features"`
}

func aboutBody(tag string, n int) map[string]any {
	var fs []map[string]any
	for i := range n {
		fs = append(fs, map[string]any{"title": fmt.Sprintf("%s feature %d", tag, i), "description": "açıklama " + tag, "icon": "Award"})
	}
	return map[string]any{"title": "Hakkımızda " + tag, "description": "desc " + tag, "features": fs}
}

func TestAbout(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)

		// Defaults when nothing is stored.
		s := decodeBody[section](t, a.call("GET", "/api/content/about", nil, false))
		wantIcons := []string{"Award", "Shield", "Users", "TrendingUp"}
		if s.Title != "Hakkımızda" || len(s.Features) != 4 {
			t.Fatalf("defaults = %+v", s)
		}
		for i, f := range s.Features {
			if f.Icon == nil || *f.Icon != wantIcons[i] || f.Order != i || !f.IsActive || f.Description == "" {
				t.Errorf("default feature %d = %+v", i, f)
			}
		}

		if rec := a.call("POST", "/api/content/about", aboutBody("x", 2), false); rec.Code != 401 {
			t.Errorf("POST without admin = %d, want 401", rec.Code)
		}
		rec := a.call("POST", "/api/content/about", aboutBody("A", 3), true)
		if rec.Code != 200 {
			t.Fatalf("POST = %d %s", rec.Code, rec.Body)
		}
		s = decodeBody[section](t, a.call("GET", "/api/content/about", nil, false))
		if s.Title != "Hakkımızda A" || len(s.Features) != 3 || s.Features[2].Order != 2 || s.Features[0].SectionID != s.ID {
			t.Errorf("stored = %+v", s)
		}
		if rec := a.call("POST", "/api/content/about", map[string]any{"title": "", "features": []map[string]any{{"title": "x"}}}, true); rec.Code != 400 {
			t.Errorf("invalid POST = %d, want 400", rec.Code)
		} else if e := decodeBody[errorBody](t, rec); e.Fields["title"] == "" || e.Fields["features[0].description"] == "" {
			t.Errorf("fields = %v", e.Fields)
		}
		if rec := a.call("POST", "/api/content/about", aboutBody("too many", 51), true); rec.Code != 400 {
			t.Errorf("51 features = %d, want 400", rec.Code)
		}

		// Twenty concurrent POSTs: one section, features all from one body.
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Go(func() {
				if rec := a.call("POST", "/api/content/about", aboutBody(fmt.Sprint("c", i), 1+i%4), true); rec.Code != 200 {
					t.Errorf("concurrent POST %d = %d %s", i, rec.Code, rec.Body)
				}
			})
		}
		waitAll(t, &wg)
		s = decodeBody[section](t, a.call("GET", "/api/content/about", nil, false))
		tag := strings.TrimPrefix(s.Title, "Hakkımızda ")
		for _, f := range s.Features {
			if !strings.HasPrefix(f.Title, tag+" ") {
				t.Errorf("feature %q does not belong to section %q", f.Title, s.Title)
			}
		}
		var sections int
		if err := a.pool.QueryRow(context.Background(), `SELECT COUNT(*) FROM "AboutSection"`).Scan(&sections); err != nil || sections != 1 {
			t.Errorf("sections = %d, %v; want 1", sections, err)
		}

		// Reset brings the defaults back.
		if rec := a.call("DELETE", "/api/content/about", nil, true); rec.Code != 200 {
			t.Errorf("DELETE = %d", rec.Code)
		}
		if s := decodeBody[section](t, a.call("GET", "/api/content/about", nil, false)); s.Title != smmm.DefaultAbout().Title || len(s.Features) != 4 {
			t.Errorf("after reset = %+v", s)
		}
	})
}

func TestIdempotencyKey(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		post := func(key string, body map[string]string) *httptest.ResponseRecorder {
			j, _ := json.Marshal(body)
			req := httptest.NewRequest("POST", "/api/contact-messages", bytes.NewReader(j))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Idempotency-Key", key)
			rec := httptest.NewRecorder()
			a.h.ServeHTTP(rec, req)
			return rec
		}
		first := post("key-1", validMessage(1))
		if first.Code != 201 {
			t.Fatalf("first POST = %d %s", first.Code, first.Body)
		}
		again := post("key-1", validMessage(1))
		if again.Code != 201 || again.Body.String() != first.Body.String() || again.Header().Get("Idempotent-Replayed") != "true" {
			t.Errorf("repeat = %d %s, want the first response replayed", again.Code, again.Body)
		}
		if rec := post("key-1", validMessage(2)); rec.Code != 409 {
			t.Errorf("same key, other body = %d, want 409", rec.Code)
		}
		if rec := post("KEY-1", validMessage(2)); rec.Code != 201 {
			t.Errorf("keys are case-sensitive: KEY-1 = %d, want 201", rec.Code)
		}
		if rec := post("bad key with spaces", validMessage(3)); rec.Code != 400 {
			t.Errorf("bad key = %d, want 400", rec.Code)
		}

		// Concurrent repeats of one key store one message.
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if rec := post("key-race", validMessage(9)); rec.Code != 201 {
					t.Errorf("concurrent POST = %d %s", rec.Code, rec.Body)
				}
			})
		}
		waitAll(t, &wg)
		var n int
		if err := a.pool.QueryRow(context.Background(), `SELECT COUNT(*) FROM "ContactMessage"`).Scan(&n); err != nil || n != 3 {
			t.Errorf("messages = %d, %v; want 3 (key-1, KEY-1, key-race)", n, err)
		}
	})
}

// failFeatureTrigger makes the database refuse any AboutFeature titled
// "boom": a real failure in the middle of the about transaction, after the
// section row has been written.
var failFeatureTrigger = map[db.Dialect][]string{
	db.Postgres: {
		`CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW."title" = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
		`CREATE TRIGGER boom BEFORE INSERT ON "AboutFeature" FOR EACH ROW EXECUTE FUNCTION boom()`,
	},
	db.MySQL: {
		`CREATE TRIGGER boom BEFORE INSERT ON "AboutFeature" FOR EACH ROW BEGIN IF NEW."title" = 'boom' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'; END IF; END`,
	},
	db.SQLite: {
		`CREATE TRIGGER boom BEFORE INSERT ON "AboutFeature" WHEN NEW."title" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
	},
}

func TestAboutAtomicUnderFailure(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		for _, stmt := range failFeatureTrigger[d] {
			if _, err := a.pool.Exec(context.Background(), stmt); err != nil {
				t.Fatalf("trigger: %v", err)
			}
		}
		if rec := a.call("POST", "/api/content/about", aboutBody("old", 3), true); rec.Code != 200 {
			t.Fatalf("POST old = %d %s", rec.Code, rec.Body)
		}
		before := a.call("GET", "/api/content/about", nil, false).Body.String()

		// New title and subtitle, two good features, then one the database
		// refuses: the section update has run when the failure comes.
		body := aboutBody("new", 2)
		body["features"] = append(body["features"].([]map[string]any), map[string]any{"title": "boom", "description": "x"})
		rec := a.call("POST", "/api/content/about", body, true)
		// PostgreSQL and MariaDB report a raised error (500); SQLite a
		// constraint the trigger enforces (400). Either way: refused.
		if rec.Code < 400 {
			t.Fatalf("POST with failing feature = %d, want a refusal", rec.Code)
		}
		if e := decodeBody[errorBody](t, rec); strings.Contains(e.Error, "boom") || e.RequestID == "" {
			t.Errorf("error body %+v leaks database text or lacks a request id", e)
		}
		if after := a.call("GET", "/api/content/about", nil, false).Body.String(); after != before {
			t.Errorf("stored state changed by a failed update:\nbefore %s\nafter  %s", before, after)
		}
	})
}

func TestAdminDBEndpoints(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		a.call("GET", "/api/content/about", nil, false)
		if rec := a.call("GET", "/api/admin/db/stats", nil, false); rec.Code != 401 {
			t.Errorf("stats without admin = %d, want 401", rec.Code)
		}
		rec := a.call("GET", "/api/admin/db/stats", nil, true)
		st := decodeBody[struct {
			URL  string `json:"url"`
			Pool struct {
				Max, Open, InUse, Idle int
				WaitCount              int64   `json:"waitCount"`
				WaitDurationMs         float64 `json:"waitDurationMs"`
				Timeouts               int64   `json:"timeouts"`
			} `json:"pool"`
			Server struct {
				Version string `json:"version"`
				Ours    *int   `json:"ours"`
				Note    string `json:"note"`
			} `json:"server"`
		}](t, rec)
		if rec.Code != 200 || st.Pool.Max < 1 || st.Server.Version == "" {
			t.Errorf("stats = %d %s", rec.Code, rec.Body)
		}
		if d != db.SQLite && (st.Server.Ours == nil || *st.Server.Ours < 1) {
			t.Errorf("server count of our connections = %v, want at least 1 (%s)", st.Server.Ours, rec.Body)
		}
		if d == db.SQLite && st.Server.Note == "" {
			t.Error("SQLite stats do not say there is no server view")
		}

		rec = a.call("GET", "/api/admin/db/slow-queries", nil, true)
		sq := decodeBody[struct {
			InProcess []struct {
				SQL   string `json:"sql"`
				Count int64  `json:"count"`
			} `json:"inProcess"`
			Server struct {
				Available bool   `json:"available"`
				Reason    string `json:"reason"`
				Enable    string `json:"howToEnable"`
			} `json:"server"`
		}](t, rec)
		if rec.Code != 200 || len(sq.InProcess) == 0 {
			t.Errorf("slow queries = %d %s", rec.Code, rec.Body)
		}
		if !sq.Server.Available && (sq.Server.Reason == "" || sq.Server.Enable == "") {
			t.Errorf("server view unavailable without saying why and how: %+v", sq.Server)
		}
	})
}
