package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

// BenchmarkHomePage measures GET / (the whole home page, rendered from the
// content cache) against GET /api/content/about (one section as JSON, read
// from the database on every request), in one run, on SQLite and, when
// SMMM_TEST_POSTGRES_URL is set, on PostgreSQL. "home-uncached" renders the
// home page with the cache reused for only a nanosecond: every request
// reads every section.
//
//	go test -run '^$' -bench BenchmarkHomePage -benchtime 3s ./web/
func BenchmarkHomePage(b *testing.B) {
	dialects := []db.Dialect{db.SQLite}
	if os.Getenv(dbtest.PostgresEnv) != "" {
		dialects = append(dialects, db.Postgres)
	}
	for _, d := range dialects {
		url := dbtest.URL(b, d, "connection_limit=8")
		setup := dbtest.Open(b, url, nil, db.Options{})
		if _, err := migrations.Up(context.Background(), setup.SQL(), d.String(), nil); err != nil {
			b.Fatal(err)
		}
		st := store.New(setup)
		if _, err := st.PutAbout(context.Background(), smmm.DefaultAbout()); err != nil {
			b.Fatal(err)
		}
		if _, err := st.Seed(context.Background(), store.SeedOptions{Demo: true, AdminEmail: "bench@example.com", AdminPassword: "bench-password-123", Hash: func(string) (string, error) {
			return "$2a$04$notarealhashnotarealhashnotarealhashnotarealhashnotar", nil
		}}); err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name   string
			path   string
			maxAge time.Duration
		}{
			{"home", "/", 0},
			{"home-uncached", "/", time.Nanosecond},
			{"about-json", "/api/content/about", 0},
		} {
			h, _ := newSiteHandler(b, dbtest.Open(b, url, nil, db.Options{}), web.Config{ContentMaxAge: c.maxAge}, auth.Options{})
			b.Run(d.String()+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetParallelism(4)
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						rec := httptest.NewRecorder()
						h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
						if rec.Code != 200 {
							b.Errorf("GET %s = %d", c.path, rec.Code)
							return
						}
					}
				})
			})
		}
	}
}
