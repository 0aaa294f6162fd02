package web_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
	"smmm/migrations/prismatest"
	"smmm/store"
	"smmm/web"
)

// contentRoutes are the admin reads that serve each of the original's
// content tables; nested tables are found inside their parent's rows.
var contentRoutes = []struct {
	table, route string
	nested       string // the parent's field that holds these rows
}{
	{table: "SiteSettings", route: "/api/content/site-settings"},
	{table: "HeroSection", route: "/api/content/hero"},
	{table: "ClientLogo", route: "/api/content/clients"},
	{table: "AboutSection", route: "/api/content/about"},
	{table: "AboutFeature", route: "/api/content/about", nested: "features"},
	{table: "Service", route: "/api/content/services"},
	{table: "WorkflowStep", route: "/api/content/workflow"},
	{table: "PricingPlan", route: "/api/content/pricing"},
	{table: "PricingFeature", route: "/api/content/pricing", nested: "features"},
	{table: "Testimonial", route: "/api/content/testimonials"},
	{table: "TeamMember", route: "/api/content/team"},
	{table: "FAQCategory", route: "/api/content/faq/categories"},
	{table: "FAQ", route: "/api/content/faq"},
	{table: "QuoteRequest", route: "/api/quote-requests"},
	{table: "JobApplication", route: "/api/job-applications"},
	{table: "ContactMessage", route: "/api/contact-messages"},
}

// TestAdoptedContentServedUnchanged loads the original's database with a
// row in every content table, as its admin panel writes them (base64
// images, long subtitles, features as JSON text), adopts it, and reads
// every row back through the API as an ADMIN: each column, read with the
// raw driver, is a field of the same name with the same value.
func TestAdoptedContentServedUnchanged(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("the original system ran on PostgreSQL or MySQL")
		}
		ctx := context.Background()
		pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		if err := prismatest.Load(ctx, pool.SQL(), d.String()); err != nil {
			t.Fatalf("fixture: %v", err)
		}
		if _, err := migrations.Up(ctx, pool.SQL(), d.String(), slog.New(slog.DiscardHandler)); err != nil {
			t.Fatalf("Up: %v", err)
		}
		logger := slog.New(slog.DiscardHandler)
		st := store.New(pool)
		h := web.NewServer(web.Config{Logger: logger, DB: pool, Store: st, Auth: auth.New(st, auth.Options{Logger: logger, KeepHashes: true, BcryptCost: auth.MinBcryptCost})})
		a := &api{t: t, pool: pool, h: h}
		a.admin = signIn(t, h, st, smmm.RoleAdmin)

		for _, c := range contentRoutes {
			t.Run(c.table, func(t *testing.T) {
				a.t = t
				raw := rawRows(t, pool, c.table)
				if len(raw) == 0 {
					t.Fatalf("the fixture has no %s row", c.table)
				}
				rec := a.call("GET", c.route, nil, true)
				if rec.Code != 200 {
					t.Fatalf("GET %s = %d %s", c.route, rec.Code, rec.Body)
				}
				served := servedRows(t, rec.Body.Bytes(), c.nested)
				for _, want := range raw {
					id := fmt.Sprint(want["id"])
					got, ok := served[id]
					if !ok {
						t.Errorf("%s row %s is not served by %s", c.table, id, c.route)
						continue
					}
					for col, v := range want {
						switch {
						case c.table == "JobApplication" && col == "cvFileData":
							checkCV(t, a, got, v)
						case c.table == "Service" && col == "features":
							checkFeatures(t, got[col], v)
						default:
							if g, ok := got[col]; !ok || !sameValue(v, g) {
								t.Errorf("%s %s.%s = %.80v, stored %.80v", c.table, id, col, g, v)
							}
						}
					}
				}
			})
		}
	})
}

// rawRows reads every row of table with the driver alone.
func rawRows(t *testing.T, pool *db.DB, table string) []map[string]any {
	t.Helper()
	rows, err := pool.SQL().QueryContext(context.Background(), `SELECT * FROM "`+table+`"`)
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// servedRows indexes the rows of an answer (an object or an array of them,
// or the nested rows under field) by id.
func servedRows(t *testing.T, body []byte, nested string) map[string]map[string]any {
	t.Helper()
	var list []map[string]any
	if err := json.Unmarshal(body, &list); err != nil {
		var one map[string]any
		if err := json.Unmarshal(body, &one); err != nil {
			t.Fatalf("answer %.200s: %v", body, err)
		}
		list = []map[string]any{one}
	}
	out := map[string]map[string]any{}
	for _, r := range list {
		if nested == "" {
			out[fmt.Sprint(r["id"])] = r
			continue
		}
		children, _ := r[nested].([]any)
		for _, c := range children {
			if m, ok := c.(map[string]any); ok {
				out[fmt.Sprint(m["id"])] = m
			}
		}
	}
	return out
}

// sameValue compares a value read by the driver with its JSON form.
func sameValue(stored, served any) bool {
	switch v := stored.(type) {
	case nil:
		return served == nil
	case []byte:
		return sameValue(string(v), served)
	case time.Time:
		return served == v.UTC().Format(smmm.TimeLayout)
	case bool:
		return served == v
	case int64:
		switch s := served.(type) {
		case bool: // MySQL's BOOLEAN is TINYINT(1)
			return (v != 0) == s
		case float64:
			return float64(v) == s
		}
		return false
	case string:
		if s, ok := served.(string); ok && s == v {
			return true
		}
		// SQLite and MySQL may hand times back as text.
		if tm, err := time.Parse("2006-01-02 15:04:05.999999999", v); err == nil {
			return served == tm.UTC().Format(smmm.TimeLayout)
		}
		return false
	}
	return fmt.Sprint(stored) == fmt.Sprint(served)
}

// checkFeatures compares Service.features, stored as JSON text, with the
// array served.
func checkFeatures(t *testing.T, served, stored any) {
	t.Helper()
	if b, ok := stored.([]byte); ok {
		stored = string(b)
	}
	want := []string{}
	if s, ok := stored.(string); ok {
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("stored features %q are not a JSON array: %v", s, err)
		}
	}
	var got []string
	for _, v := range served.([]any) {
		got = append(got, fmt.Sprint(v))
	}
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("features = %q, stored %q", got, want)
	}
}

// checkCV downloads an application's CV and compares it with the stored
// base64.
func checkCV(t *testing.T, a *api, served map[string]any, stored any) {
	t.Helper()
	if b, ok := stored.([]byte); ok {
		stored = string(b)
	}
	if stored == nil {
		if served["cvUrl"] != nil {
			t.Errorf("cvUrl %v for an application without a CV", served["cvUrl"])
		}
		return
	}
	want, err := base64.StdEncoding.DecodeString(strings.TrimSpace(stored.(string)))
	if err != nil {
		t.Fatalf("stored CV is not base64: %v", err)
	}
	url, _ := served["cvUrl"].(string)
	rec := a.call("GET", url, nil, true)
	if rec.Code != 200 || rec.Body.String() != string(want) {
		t.Errorf("CV download %s = %d, %d bytes; want the %d stored bytes", url, rec.Code, rec.Body.Len(), len(want))
	}
}
