package web_test

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// newHandler returns the site's handler over pool, with ready and draining
// as given.
func newHandler(t *testing.T, pool *db.DB, ready, draining bool) http.Handler {
	t.Helper()
	h, _ := newSiteHandler(t, pool, web.Config{
		Ready:    func() bool { return ready },
		Draining: func() bool { return draining },
	}, auth.Options{})
	return h
}

func do(t *testing.T, h http.Handler, method, target string, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestProbes(t *testing.T) {
	up := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	// Nothing listens on port 1: connecting fails at once.
	down := dbtest.Open(t, "postgres://u@127.0.0.1:1/x?connect_timeout=1", nil, db.Options{})

	tests := []struct {
		name            string
		pool            *db.DB
		ready, draining bool
		path            string
		wantStatus      int
		wantBody        string // the "status" field
		wantRetryAfter  bool
	}{
		{"health up", up, true, false, "/api/health", 200, "ok", false},
		{"health down", down, true, false, "/api/health", 503, "unavailable", true},
		{"health while starting", up, false, false, "/api/health", 503, "starting", true},
		{"livez with database down", down, false, false, "/livez", 200, "ok", false},
		{"readyz up", up, true, false, "/readyz", 200, "ok", false},
		{"readyz starting", up, false, false, "/readyz", 503, "starting", true},
		{"readyz draining", up, true, true, "/readyz", 503, "draining", true},
		{"readyz down", down, true, false, "/readyz", 503, "unavailable", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, newHandler(t, tt.pool, tt.ready, tt.draining), "GET", tt.path, nil, nil)
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			var body struct {
				Status string `json:"status"`
				DB     *struct {
					OK        bool     `json:"ok"`
					LatencyMs *float64 `json:"latencyMs"`
				} `json:"db"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %q: %v", rec.Body, err)
			}
			if body.Status != tt.wantBody {
				t.Errorf("status field = %q, want %q", body.Status, tt.wantBody)
			}
			if tt.path == "/api/health" && (body.DB == nil || body.DB.LatencyMs == nil || body.DB.OK != (tt.wantStatus == 200)) {
				t.Errorf("db field = %+v, want ok=%v with latencyMs", body.DB, tt.wantStatus == 200)
			}
			if got := rec.Header().Get("Retry-After") != ""; got != tt.wantRetryAfter {
				t.Errorf("Retry-After present = %v, want %v", got, tt.wantRetryAfter)
			}
		})
	}
}

func TestUnknownRouteAndRequestID(t *testing.T) {
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
	h := newHandler(t, pool, true, false)

	rec := do(t, h, "GET", "/api/nope", nil, map[string]string{"X-Request-Id": "abc-123"})
	var e struct{ Error, Code, RequestID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		t.Fatal(err)
	}
	if rec.Code != 404 || e.Code != "not_found" || e.RequestID != "abc-123" || rec.Header().Get("X-Request-Id") != "abc-123" {
		t.Errorf("GET /api/nope = %d %+v (header %q), want 404 not_found with the caller's request id", rec.Code, e, rec.Header().Get("X-Request-Id"))
	}

	// A request id that is not plain text is replaced, not echoed.
	rec = do(t, h, "GET", "/api/nope", nil, map[string]string{"X-Request-Id": "a b\"<script>"})
	if id := rec.Header().Get("X-Request-Id"); id == "" || id == "a b\"<script>" {
		t.Errorf("X-Request-Id = %q, want a generated id", id)
	}
}

func TestProbesAreCached(t *testing.T) {
	var queries atomic.Int64
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{OnQuery: func(db.QueryEvent) { queries.Add(1) }})
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	h, _ := newSiteHandler(t, pool, web.Config{Now: clock}, auth.Options{})

	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			path := "/readyz"
			if rand.N(2) == 0 {
				path = "/api/health"
			}
			if rec := do(t, h, "GET", path, nil, nil); rec.Code != 200 {
				t.Errorf("%s = %d", path, rec.Code)
			}
		})
	}
	waitAll(t, &wg)
	if n := queries.Load(); n != 1 {
		t.Errorf("50 probes ran %d health queries, want 1", n)
	}
	mu.Lock()
	now = now.Add(time.Second)
	mu.Unlock()
	do(t, h, "GET", "/readyz", nil, nil)
	if n := queries.Load(); n != 2 {
		t.Errorf("a probe a second later ran %d queries in all, want 2", n)
	}
}
