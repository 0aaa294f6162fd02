package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/web"
)

func TestMetrics(t *testing.T) {
	m := web.NewMetrics()
	pool := dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{OnQuery: m.ObserveQuery})
	if _, err := migrations.Up(context.Background(), pool.SQL(), "sqlite", nil); err != nil {
		t.Fatal(err)
	}
	m.WatchPool(pool)
	h, _ := newSiteHandler(t, pool, web.Config{Metrics: m, MetricsToken: "s3cret"}, auth.Options{})

	for range 3 {
		do(t, h, "GET", "/api/content/about", nil, nil)
	}
	scrape := func(remote, auth string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = remote
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	tests := []struct {
		name, remote, auth string
		want               int
	}{
		{"loopback", "127.0.0.1:5000", "", 200},
		{"remote with token", "203.0.113.9:5000", "Bearer s3cret", 200},
		{"remote without token", "203.0.113.9:5000", "", 401},
		{"remote wrong token", "203.0.113.9:5000", "Bearer nope", 401},
	}
	for _, tt := range tests {
		if rec := scrape(tt.remote, tt.auth); rec.Code != tt.want {
			t.Errorf("%s: /metrics = %d, want %d", tt.name, rec.Code, tt.want)
		}
	}

	rec := scrape("127.0.0.1:5000", "")
	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	for _, name := range []string{
		"smmm_db_pool_max_connections", "smmm_db_pool_connections", "smmm_db_pool_wait_total",
		"smmm_db_pool_wait_seconds_total", "smmm_db_pool_acquire_timeouts_total", "smmm_db_query_duration_seconds",
		"smmm_db_errors_total", "smmm_db_retries_total", "smmm_db_breaker_open", "smmm_http_request_duration_seconds",
		"go_goroutines",
	} {
		if families[name] == nil {
			t.Errorf("metric %s missing", name)
		}
	}
	var aboutCount uint64
	for _, mt := range families["smmm_http_request_duration_seconds"].GetMetric() {
		labels := map[string]string{}
		for _, l := range mt.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		if labels["route"] == "GET /api/content/about" && labels["code"] == "200" {
			aboutCount = mt.GetHistogram().GetSampleCount()
		}
	}
	if aboutCount != 3 {
		t.Errorf("GET /api/content/about observed %d times, want 3", aboutCount)
	}
	if got := families["smmm_db_pool_max_connections"].GetMetric()[0].GetGauge().GetValue(); got < 1 {
		t.Errorf("smmm_db_pool_max_connections = %v", got)
	}
	var queries uint64
	for _, mt := range families["smmm_db_query_duration_seconds"].GetMetric() {
		queries += mt.GetHistogram().GetSampleCount()
	}
	if queries < 3 {
		t.Errorf("query histogram has %d samples, want at least the 3 about reads", queries)
	}
}

// TestMetricsProduction: in production loopback proves nothing (stunnel,
// HAProxy in TCP mode or ssh -L on the host make any client local), so
// /metrics on the main listener needs the token, and without one it is
// not served at all and the server says so at start.
func TestMetricsProduction(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	scrape := func(h http.Handler, remote, auth string) int {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = remote
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}

	h, _ := newSiteHandler(t, pool, web.Config{Production: true, MetricsToken: "s3cret"}, auth.Options{})
	for _, tt := range []struct {
		name, remote, auth string
		want               int
	}{
		{"loopback without token", "127.0.0.1:5000", "", 401},
		{"IPv6 loopback without token", "[::1]:5000", "", 401},
		{"loopback wrong token", "127.0.0.1:5000", "Bearer nope", 401},
		{"loopback with token", "127.0.0.1:5000", "Bearer s3cret", 200},
		{"remote with token", "203.0.113.9:5000", "Bearer s3cret", 200},
		{"remote without token", "203.0.113.9:5000", "", 401},
	} {
		if got := scrape(h, tt.remote, tt.auth); got != tt.want {
			t.Errorf("production with a token, %s: /metrics = %d, want %d", tt.name, got, tt.want)
		}
	}

	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	h, _ = newSiteHandler(t, pool, web.Config{Production: true, Logger: logger}, auth.Options{})
	if got := scrape(h, "127.0.0.1:5000", ""); got != 404 {
		t.Errorf("production without a token: loopback /metrics = %d, want 404", got)
	}
	if !strings.Contains(logs.String(), "METRICS_TOKEN") {
		t.Errorf("no warning about /metrics being off in the log:\n%s", logs.String())
	}
	// With METRICS_ADDR the main listener serves no metrics, and there is
	// nothing to warn about.
	logs.Reset()
	h, _ = newSiteHandler(t, pool, web.Config{Production: true, MetricsOff: true, Logger: logger}, auth.Options{})
	if got := scrape(h, "127.0.0.1:5000", ""); got != 404 || strings.Contains(logs.String(), "METRICS_TOKEN") {
		t.Errorf("production with METRICS_ADDR: /metrics = %d, log %q; want 404 and no warning", got, logs.String())
	}
}
