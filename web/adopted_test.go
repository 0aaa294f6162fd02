package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"testing"

	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
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
		if err := migrations.LoadPrismaFixture(ctx, pool.SQL(), d.String()); err != nil {
			t.Fatalf("fixture: %v", err)
		}
		rep, err := migrations.Up(ctx, pool.SQL(), d.String(), slog.New(slog.DiscardHandler))
		if err != nil || !rep.Baseline {
			t.Fatalf("Up = %+v, %v; want a baseline", rep, err)
		}
		a := &api{t: t, pool: pool, h: web.NewServer(web.Config{
			Logger: slog.New(slog.DiscardHandler), DB: pool, Store: store.New(pool),
			RequireAdmin: func(h http.Handler) http.Handler { return h },
		})}

		msgs := decodeBody[[]message](t, a.call("GET", "/api/contact-messages", nil, true))
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
