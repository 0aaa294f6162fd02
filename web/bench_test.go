package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

// BenchmarkAboutInstrumentation measures GET /api/content/about through the
// whole handler with the instrumentation off (no metrics, no log) and on
// (Prometheus metrics for requests and statements, an info-level JSON
// access log line per request), in the same run, on PostgreSQL when
// SMMM_TEST_POSTGRES_URL is set and on SQLite otherwise:
//
//	go test -run '^$' -bench BenchmarkAboutInstrumentation -count 6 ./web/
//
// The target is that instrumentation costs at most 5% of requests/s.
func BenchmarkAboutInstrumentation(b *testing.B) {
	d := db.SQLite
	if os.Getenv(dbtest.PostgresEnv) != "" {
		d = db.Postgres
	}
	url := dbtest.URL(b, d, "connection_limit=8")
	setup := dbtest.Open(b, url, nil, db.Options{})
	if _, err := migrations.Up(context.Background(), setup.SQL(), d.String(), nil); err != nil {
		b.Fatal(err)
	}
	if _, err := store.New(setup).PutAbout(context.Background(), smmm.DefaultAbout()); err != nil {
		b.Fatal(err)
	}

	handler := func(instrumented bool) http.Handler {
		if !instrumented {
			pool := dbtest.Open(b, url, nil, db.Options{})
			h, _ := newSiteHandler(b, pool, web.Config{}, auth.Options{})
			return h
		}
		logger := slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))
		m := web.NewMetrics()
		pool := dbtest.Open(b, url, nil, db.Options{Logger: logger, OnQuery: m.ObserveQuery})
		m.WatchPool(pool)
		h, _ := newSiteHandler(b, pool, web.Config{Logger: logger, Metrics: m}, auth.Options{})
		return h
	}
	for _, mode := range []struct {
		name string
		on   bool
	}{{"off", false}, {"on", true}} {
		h := handler(mode.on)
		b.Run(d.String()+"/"+mode.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(4)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/content/about", nil))
					if rec.Code != 200 {
						b.Errorf("GET /api/content/about = %d", rec.Code)
						return
					}
				}
			})
		})
	}
}
