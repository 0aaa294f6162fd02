package web_test

import (
	"context"
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
