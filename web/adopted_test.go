package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/migrations/prismatest"
	"smmm/store"
	"smmm/web"
)

// TestAdoptedDatabaseServes runs the API over a database built the way the
// original system's Prisma migrations build it, with its rows: the GET
// routes return those rows with the original field names and values.
func TestAdoptedDatabaseServes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("the original system ran on PostgreSQL or MySQL")
		}
		ctx := context.Background()
		pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		if err := prismatest.Load(ctx, pool.SQL(), d.String()); err != nil {
			t.Fatalf("fixture: %v", err)
		}
		rep, err := migrations.Up(ctx, pool.SQL(), d.String(), slog.New(slog.DiscardHandler))
		if err != nil || !rep.Baseline {
			t.Fatalf("Up = %+v, %v; want a baseline", rep, err)
		}
		logger := slog.New(slog.DiscardHandler)
		st := store.New(pool)
		h := web.NewServer(web.Config{Logger: logger, DB: pool, Store: st, Auth: auth.New(st, auth.Options{Logger: logger, BcryptCost: 11})})
		a := &api{t: t, pool: pool, h: h}

		// The original's ADMIN signs in with the bcryptjs hash it has; its
		// CLIENT too, and is refused the inbox.
		login := func(email, password string) *http.Cookie {
			req := httptest.NewRequest("POST", "/api/auth/login", strings.NewReader(`{"email":"`+email+`","password":"`+password+`"}`))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			for _, c := range rec.Result().Cookies() {
				if c.Name == web.CookieName {
					return c
				}
			}
			t.Fatalf("login %s = %d %s", email, rec.Code, rec.Body)
			return nil
		}
		get := func(target string, c *http.Cookie) *httptest.ResponseRecorder {
			req := httptest.NewRequest("GET", target, nil)
			req.AddCookie(c)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		admin := login("admin@smmm-system.example", "Admin123!")
		client := login("ayse.yilmaz@example.com", "client-pass-2024")
		if rec := get("/api/contact-messages", client); rec.Code != 403 {
			t.Errorf("adopted CLIENT reading the inbox = %d, want 403", rec.Code)
		}
		// Signing in upgraded the CLIENT's cost-10 bcryptjs hash to the
		// configured cost, 11 here to stay fast (the ADMIN's 9-character
		// password is too short to rehash).
		u, err := st.UserByEmail(context.Background(), "ayse.yilmaz@example.com")
		if err != nil || auth.NeedsRehash(u.PasswordHash, 11) || !auth.CheckPassword(u.PasswordHash, "client-pass-2024") {
			t.Errorf("CLIENT hash after login = %q, %v; want a cost-11 hash of the same password", u.PasswordHash, err)
		}

		rec := get("/api/contact-messages", admin)
		if rec.Code != 200 {
			t.Fatalf("adopted ADMIN reading the inbox = %d %s", rec.Code, rec.Body)
		}
		msgs := decodeBody[[]message](t, rec)
		want := []message{
			{ID: "cmhg0a1b20002m9r4contact03", Name: "İbrahim Şahin", Email: "ibrahim.sahin@example.com", Phone: "+90 (505) 987 65 43",
				Subject: "Bordro hizmeti", Message: "Teşekkürler, bordro hizmeti teklifinizi aldık; sorunumuz çözüldü.", Status: "RESOLVED",
				CreatedAt: "2025-11-06T17:05:59.999Z", UpdatedAt: "2025-11-07T11:11:11.111Z"},
			{ID: "cmhg0a1b20001m9r4contact02", Name: "Gülşen Çağlar", Email: "gulsen.caglar@example.com", Phone: "0212 555 44 33",
				Subject: "Beyanname desteği", Message: "İstanbul'daki işletmem için KDV beyannamesi ve e-defter konusunda desteğe ihtiyacım var.", Status: "PENDING",
				CreatedAt: "2025-11-05T14:45:10.500Z", UpdatedAt: "2025-11-06T08:00:00.000Z"},
			{ID: "cmhg0a1b20000m9r4contact01", Name: "Mehmet Öztürk", Email: "mehmet.ozturk@example.com", Phone: "+90 532 111 22 33",
				Subject: "Şirket kuruluşu", Message: "Merhaba, limited şirket kuruluşu için gereken belgeler nelerdir? Ücretiniz hakkında bilgi alabilir miyim?", Status: "NEW",
				CreatedAt: "2025-11-04T09:30:00.125Z", UpdatedAt: "2025-11-04T09:30:00.125Z"},
		}
		if len(msgs) != len(want) {
			t.Fatalf("messages = %+v, want the fixture's 3", msgs)
		}
		for i := range want {
			if msgs[i] != want[i] {
				t.Errorf("message %d =\n%+v, want\n%+v", i, msgs[i], want[i])
			}
		}

		s := decodeBody[section](t, a.call("GET", "/api/content/about", nil, false))
		if s.ID != "cmhg0b2c30000n0s5about0001" || s.Title != "Hakkımızda" || s.Subtitle == nil || *s.Subtitle != "Güvenilir mali müşavirlik" || len(s.Features) != 3 {
			t.Fatalf("about = %+v", s)
		}
		f := s.Features[2]
		if f.ID != "cmhg0b2c30003n0s5feature03" || f.Icon != nil || f.IsActive || f.Order != 2 || f.Title != "Öğrenci İndirimi" {
			t.Errorf("feature 2 = %+v, want the fixture's inactive one without icon", f)
		}
	})
}
