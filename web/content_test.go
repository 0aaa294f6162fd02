package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"smmm/db"
	"smmm/db/dbtest"
)

// row is a content row as the API answers it.
type row = map[string]any

// pngDataURL is a real PNG of w×h pixels as a data: URL.
func pngDataURL(t testing.TB, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
}

// collectionCase is one content collection of the API, with bodies that
// exercise it.
type collectionCase struct {
	path     string
	create   func(i int) row // a valid new row
	patch    row             // a change of some fields
	invalid  row             // a body with the fields named in bad wrong
	bad      []string
	active   bool // the public sees active rows only
	defaults bool // the public sees defaults while the table is empty
}

func collectionCases(t testing.TB) []collectionCase {
	img := pngDataURL(t, 4, 4)
	return []collectionCase{
		{path: "/api/content/hero", active: true, defaults: true,
			create: func(i int) row {
				return row{"title": fmt.Sprintf("Slayt %d", i), "subtitle": strings.Repeat("ş", 273), "image": img, "buttonUrl": "/iletisim"}
			},
			patch:   row{"title": "Yeni başlık"},
			invalid: row{"title": "", "subtitle": "x", "image": "javascript:alert(1)", "order": 1 << 40},
			bad:     []string{"title", "image", "order"}},
		{path: "/api/content/clients", active: true,
			create: func(i int) row {
				return row{"name": fmt.Sprintf("Müşteri %d", i), "logo": img, "url": "https://example.com"}
			},
			patch:   row{"description": "Uzun soluklu müşterimiz"},
			invalid: row{"name": "A", "logo": "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", "url": "ftp://x"},
			bad:     []string{"logo", "url"}},
		{path: "/api/content/services", active: true, defaults: true,
			create: func(i int) row {
				return row{"title": fmt.Sprintf("Hizmet %d", i), "description": "Açıklama", "features": []string{"Beyanname", "Bordro"}}
			},
			patch:   row{"features": `["Tek", "İki"]`},
			invalid: row{"title": strings.Repeat("x", 192), "description": ""},
			bad:     []string{"title", "description"}},
		{path: "/api/content/workflow", defaults: true,
			create:  func(i int) row { return row{"title": fmt.Sprintf("Adım %d", i), "description": "Ne yapıyoruz"} },
			patch:   row{"icon": "Phone"},
			invalid: row{"title": "x", "description": strings.Repeat("ğ", 40000)},
			bad:     []string{"description"}},
		{path: "/api/content/pricing", active: true, defaults: true,
			create: func(i int) row {
				return row{"name": fmt.Sprintf("Paket %d", i), "price": "1.000", "features": []any{"Beyanname", row{"text": "Bordro", "isIncluded": false}}}
			},
			patch:   row{"features": []string{"Yalnız bu"}},
			invalid: row{"name": "P", "price": "", "features": []string{""}},
			bad:     []string{"price", "features[0].text"}},
		{path: "/api/content/testimonials", active: true, defaults: true,
			create: func(i int) row {
				return row{"name": fmt.Sprintf("Müşteri %d", i), "position": "Kurucu", "content": "Çok memnunuz", "avatar": img}
			},
			patch:   row{"rating": 4},
			invalid: row{"name": "A", "position": "B", "content": "C", "rating": 6},
			bad:     []string{"rating"}},
		{path: "/api/content/team", active: true, defaults: true,
			create: func(i int) row {
				return row{"name": fmt.Sprintf("Üye %d", i), "position": "Mali Müşavir", "email": "uye@example.com", "avatar": img}
			},
			patch:   row{"bio": "Deneyimli"},
			invalid: row{"name": "A", "position": "B", "email": "not-an-email", "linkedinUrl": "javascript:x"},
			bad:     []string{"email", "linkedinUrl"}},
		{path: "/api/content/faq/categories", defaults: true,
			create:  func(i int) row { return row{"name": fmt.Sprintf("Kategori Ğ %d", i)} },
			patch:   row{"name": "Vergi İşleri"},
			invalid: row{"name": "A", "slug": "Not A Slug"},
			bad:     []string{"slug"}},
	}
}

func TestContentCollections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		for _, tc := range collectionCases(t) {
			t.Run(strings.TrimPrefix(tc.path, "/api/content/"), func(t *testing.T) {
				a.t = t
				list := func(admin bool) []row {
					t.Helper()
					rec := a.call("GET", tc.path, nil, admin)
					if rec.Code != 200 {
						t.Fatalf("GET %s = %d %s", tc.path, rec.Code, rec.Body)
					}
					return decodeBody[[]row](t, rec)
				}
				ids := func(rows []row) []string {
					var out []string
					for _, r := range rows {
						out = append(out, r["id"].(string))
					}
					return out
				}

				if got := list(false); tc.defaults != (len(got) > 0) || len(got) > 0 && !strings.HasPrefix(got[0]["id"].(string), "default") {
					t.Errorf("public GET of an empty table = %v, want defaults: %v", ids(got), tc.defaults)
				}
				if rec := a.call("POST", tc.path, tc.create(0), false); rec.Code != 401 {
					t.Errorf("POST without a session = %d, want 401", rec.Code)
				}
				rec := a.call("POST", tc.path, tc.invalid, true)
				e := decodeBody[errorBody](t, rec)
				if rec.Code != 400 || !sameKeys(e.Fields, tc.bad) {
					t.Errorf("POST invalid = %d fields %v, want 400 with %v", rec.Code, e.Fields, tc.bad)
				}

				var made []row
				for i := range 2 {
					body := tc.create(i)
					body["id"], body["createdAt"] = "client-chosen", "2000-01-01T00:00:00Z" // ignored
					rec := a.call("POST", tc.path, body, true)
					if rec.Code != 201 {
						t.Fatalf("POST = %d %s", rec.Code, rec.Body)
					}
					r := decodeBody[row](t, rec)
					if r["id"] == "client-chosen" || r["createdAt"] == "2000-01-01T00:00:00.000Z" {
						t.Errorf("client chose id or time: %v", r)
					}
					if loc := rec.Header().Get("Location"); loc != tc.path+"/"+r["id"].(string) {
						t.Errorf("Location = %q", loc)
					}
					made = append(made, r)
				}
				a1, b1 := made[0]["id"].(string), made[1]["id"].(string)
				if got := ids(list(false)); !slices.Equal(got, []string{a1, b1}) {
					t.Errorf("public GET = %v, want the two rows", got)
				}

				// PATCH changes only the fields sent; ?id= and /{id} both work.
				rec = a.call("PATCH", tc.path+"/"+a1, tc.patch, true)
				if rec.Code != 200 {
					t.Fatalf("PATCH = %d %s", rec.Code, rec.Body)
				}
				patched := decodeBody[row](t, rec)
				for k, v := range made[0] {
					if _, changed := tc.patch[k]; !changed && k != "updatedAt" && k != "features" && fmt.Sprint(patched[k]) != fmt.Sprint(v) {
						t.Errorf("PATCH changed %s: %v -> %v", k, v, patched[k])
					}
				}
				if rec := a.call("PATCH", tc.path+"?id="+a1, tc.invalid, true); rec.Code != 400 {
					t.Errorf("PATCH invalid = %d, want 400", rec.Code)
				}
				if rec := a.call("PATCH", tc.path+"/nope", tc.patch, true); rec.Code != 404 {
					t.Errorf("PATCH unknown id = %d, want 404", rec.Code)
				}

				if tc.active {
					if rec := a.call("PATCH", tc.path+"?id="+b1, row{"isActive": false}, true); rec.Code != 200 {
						t.Fatalf("PATCH isActive = %d %s", rec.Code, rec.Body)
					}
					if got := ids(list(false)); !slices.Equal(got, []string{a1}) {
						t.Errorf("public GET = %v, want only the active row", got)
					}
					if got := ids(list(true)); !slices.Equal(got, []string{a1, b1}) {
						t.Errorf("admin GET = %v, want both rows", got)
					}
				}

				// Reorder: all or nothing.
				rec = a.call("POST", tc.path+"/reorder", row{"items": []row{{"id": a1, "order": 5}, {"id": b1, "order": 1}}}, true)
				if rec.Code != 200 {
					t.Fatalf("reorder = %d %s", rec.Code, rec.Body)
				}
				if got := ids(list(true)); !slices.Equal(got, []string{b1, a1}) {
					t.Errorf("after reorder = %v, want %v", got, []string{b1, a1})
				}
				rec = a.call("POST", tc.path+"/reorder", row{"items": []row{{"id": a1, "order": 0}, {"id": "nope", "order": 9}}}, true)
				if rec.Code != 404 {
					t.Errorf("reorder with an unknown id = %d %s, want 404", rec.Code, rec.Body)
				}
				if got := ids(list(true)); !slices.Equal(got, []string{b1, a1}) {
					t.Errorf("a failed reorder changed the order: %v", got)
				}

				if rec := a.call("DELETE", tc.path+"/"+a1, nil, true); rec.Code != 200 {
					t.Errorf("DELETE = %d %s", rec.Code, rec.Body)
				}
				if rec := a.call("DELETE", tc.path+"?id="+a1, nil, true); rec.Code != 404 {
					t.Errorf("DELETE again = %d, want 404", rec.Code)
				}
				if rec := a.call("DELETE", tc.path+"/"+b1, nil, true); rec.Code != 200 {
					t.Errorf("DELETE = %d %s", rec.Code, rec.Body)
				}
			})
		}
	})
}

// sameKeys reports whether m has exactly the keys want.
func sameKeys(m map[string]string, want []string) bool {
	if len(m) != len(want) {
		return false
	}
	for _, k := range want {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

func TestContentNestedWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)

		// A plan is written with its features; features may be strings
		// (the original's admin panel) or objects.
		rec := a.call("POST", "/api/content/pricing", row{"name": "Temel", "price": "1.500",
			"features": []any{"Beyanname", row{"text": "Bordro", "isIncluded": false}, "Danışmanlık"}}, true)
		if rec.Code != 201 {
			t.Fatalf("POST plan = %d %s", rec.Code, rec.Body)
		}
		plan := decodeBody[row](t, rec)
		features := plan["features"].([]any)
		if len(features) != 3 || features[1].(row)["text"] != "Bordro" || features[1].(row)["isIncluded"] != false ||
			features[2].(row)["order"] != 2.0 || features[0].(row)["planId"] != plan["id"] || plan["period"] != "ay" {
			t.Errorf("plan = %v", plan)
		}

		// A failure in the middle of the features leaves the plan as it was.
		for _, stmt := range failPricingFeatureTrigger[d] {
			if _, err := a.pool.Exec(context.Background(), stmt); err != nil {
				t.Fatalf("trigger: %v", err)
			}
		}
		before := a.call("GET", "/api/content/pricing", nil, true).Body.String()
		rec = a.call("PATCH", "/api/content/pricing/"+plan["id"].(string), row{"name": "Değişti", "features": []string{"bir", "boom"}}, true)
		if rec.Code < 400 || strings.Contains(rec.Body.String(), "boom") {
			t.Errorf("PATCH with a failing feature = %d %s", rec.Code, rec.Body)
		}
		if after := a.call("GET", "/api/content/pricing", nil, true).Body.String(); after != before {
			t.Errorf("a failed plan update changed it:\nbefore %s\nafter  %s", before, after)
		}

		// A question may bring its category: found by slug, or made.
		rec = a.call("POST", "/api/content/faq", row{"question": "Ne zaman?", "answer": "Ayın 26'sı.", "category": row{"name": "Vergi Takvimi"}}, true)
		if rec.Code != 201 {
			t.Fatalf("POST faq with category = %d %s", rec.Code, rec.Body)
		}
		q1 := decodeBody[row](t, rec)
		cat, _ := q1["category"].(row)
		if cat == nil || cat["slug"] != "vergi-takvimi" || q1["categoryId"] != cat["id"] {
			t.Fatalf("faq = %v", q1)
		}
		rec = a.call("POST", "/api/content/faq", row{"question": "Nasıl?", "answer": "Çevrim içi.", "category": row{"name": "Vergi Takvimi"}}, true)
		if q2 := decodeBody[row](t, rec); rec.Code != 201 || q2["categoryId"] != cat["id"] {
			t.Errorf("second faq = %d %v, want the same category", rec.Code, q2)
		}
		rec = a.call("POST", "/api/content/faq", row{"question": "?", "answer": "!", "categoryId": "nope"}, true)
		if e := decodeBody[errorBody](t, rec); rec.Code != 400 || e.Fields["categoryId"] == "" {
			t.Errorf("faq with an unknown category = %d %+v, want 400 on categoryId", rec.Code, e)
		}
		rec = a.call("POST", "/api/content/faq/categories", row{"name": "Vergi Takvimi", "slug": "baska"}, true)
		if rec.Code != 409 {
			t.Errorf("duplicate category name = %d %s, want 409", rec.Code, rec.Body)
		}
		// Deleting the category deletes its questions.
		if rec := a.call("DELETE", "/api/content/faq/categories/"+cat["id"].(string), nil, true); rec.Code != 200 {
			t.Fatalf("DELETE category = %d %s", rec.Code, rec.Body)
		}
		if got := decodeBody[[]row](t, a.call("GET", "/api/content/faq", nil, true)); len(got) != 0 {
			t.Errorf("questions left after their category was deleted: %v", got)
		}
	})
}

var failPricingFeatureTrigger = map[db.Dialect][]string{
	db.Postgres: {
		`CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW."text" = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
		`CREATE TRIGGER boom BEFORE INSERT ON "PricingFeature" FOR EACH ROW EXECUTE FUNCTION boom()`,
	},
	db.MySQL: {
		"CREATE TRIGGER boom BEFORE INSERT ON `PricingFeature` FOR EACH ROW BEGIN IF NEW.`text` = 'boom' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'; END IF; END",
	},
	db.SQLite: {
		`CREATE TRIGGER boom BEFORE INSERT ON "PricingFeature" WHEN NEW."text" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
	},
}

func TestContentImages(t *testing.T) {
	a := newAPI(t, db.SQLite)
	small := pngDataURL(t, 2, 2)
	raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(small, "data:image/png;base64,"))
	b64 := func(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
	big := make([]byte, 2<<20+1)
	copy(big, raw)
	for _, tc := range []struct {
		name, image string
		want        int
	}{
		{"png", small, 201},
		{"png declared as jpeg", "data:image/jpeg;base64," + b64(raw), 201},
		{"jpeg", "data:image/jpeg;base64," + b64([]byte("\xff\xd8\xff\xe0 jpeg body")), 201},
		{"gif", "data:image/gif;base64," + b64([]byte("GIF89a body")), 201},
		{"webp", "data:image/webp;base64," + b64([]byte("RIFF\x10\x00\x00\x00WEBPVP8 ")), 201},
		{"ico", "data:image/x-icon;base64," + b64([]byte("\x00\x00\x01\x00\x01\x00")), 201},
		{"https", "https://cdn.example.com/a.png", 201},
		{"http", "http://cdn.example.com/a.png", 400},
		{"javascript", "javascript:alert(1)", 400},
		{"svg", "data:image/svg+xml;base64," + b64([]byte(`<svg onload="alert(1)"/>`)), 400},
		{"html as png", "data:image/png;base64," + b64([]byte("<html><script>alert(1)</script>")), 400},
		{"not base64", "data:image/png;base64,***", 400},
		{"plain data URL", "data:image/png," + string(raw[:4]), 400},
		{"too large", "data:image/png;base64," + b64(big), 400},
		{"relative path", "/images/hero.png", 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := a.call("POST", "/api/content/hero", row{"title": "T", "subtitle": "S", "image": tc.image}, true)
			if rec.Code != tc.want {
				t.Errorf("image %s = %d %s, want %d", tc.name, rec.Code, truncate(rec.Body.String()), tc.want)
			}
			if tc.want == 400 {
				if e := decodeBody[errorBody](t, rec); e.Fields["image"] == "" {
					t.Errorf("400 without an image field message: %+v", e)
				}
			}
		})
	}
}

func truncate(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func TestSiteSettings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		got := decodeBody[row](t, a.call("GET", "/api/content/site-settings", nil, false))
		if got["siteName"] != "SMMM Ofisi" || got["id"] != "default" {
			t.Errorf("default settings = %v", got)
		}
		icon := pngDataURL(t, 16, 16)
		rec := a.call("POST", "/api/content/site-settings", row{"siteName": "Yılmaz Mali Müşavirlik", "favicon": icon, "phone": "+90 212 000 00 00"}, true)
		if rec.Code != 200 {
			t.Fatalf("POST = %d %s", rec.Code, rec.Body)
		}
		// A second POST changes only what it sends.
		rec = a.call("POST", "/api/content/site-settings", row{"email": "ofis@example.com"}, true)
		got = decodeBody[row](t, rec)
		if rec.Code != 200 || got["siteName"] != "Yılmaz Mali Müşavirlik" || got["favicon"] != icon || got["email"] != "ofis@example.com" {
			t.Errorf("POST again = %d %v", rec.Code, got)
		}
		// The public sees the icon as a link to it, the rest as stored.
		pub := decodeBody[row](t, a.call("GET", "/api/content/site-settings", nil, false))
		if link, _ := pub["favicon"].(string); !strings.HasPrefix(link, "/media/site-settings/"+got["id"].(string)+"/favicon?v=") {
			t.Errorf("public favicon = %.60q, want a /media link", link)
		}
		pub["favicon"] = icon
		if fmt.Sprint(pub) != fmt.Sprint(got) {
			t.Errorf("public GET = %v, want %v", pub, got)
		}
		rec = a.call("POST", "/api/content/site-settings", row{"siteName": "", "email": "x", "mapEmbedUrl": "javascript:x", "brandIcon": "data:text/html;base64,PGgxPg=="}, true)
		if e := decodeBody[errorBody](t, rec); rec.Code != 400 || !sameKeys(e.Fields, []string{"siteName", "email", "mapEmbedUrl", "brandIcon"}) {
			t.Errorf("invalid POST = %d %+v", rec.Code, e)
		}
		if rec := a.call("DELETE", "/api/content/site-settings", nil, true); rec.Code != 200 {
			t.Errorf("DELETE = %d", rec.Code)
		}
		if got := decodeBody[row](t, a.call("GET", "/api/content/site-settings", nil, false)); got["id"] != "default" {
			t.Errorf("after reset = %v", got)
		}
	})
}

// A tiny PDF.
const pdfBytes = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

func TestPublicForms(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		quote := row{"name": "Ali Veli", "email": "ali@example.com", "phone": "0532 000 00 00", "company": "Veli A.Ş.", "serviceType": "Muhasebe", "status": "COMPLETED"}
		rec := a.call("POST", "/api/quote-requests", quote, false)
		if rec.Code != 201 {
			t.Fatalf("POST quote = %d %s", rec.Code, rec.Body)
		}
		q, _ := decodeBody[row](t, rec)["quoteRequest"].(row)
		if q["status"] != "NEW" || q["message"] != nil {
			t.Errorf("quote = %v, want status NEW whatever was sent", q)
		}
		rec = a.call("POST", "/api/quote-requests", row{"name": "", "email": "x", "phone": "12", "company": "c", "serviceType": "s"}, false)
		if e := decodeBody[errorBody](t, rec); rec.Code != 400 || !sameKeys(e.Fields, []string{"name", "email", "phone"}) {
			t.Errorf("invalid quote = %d %+v", rec.Code, e)
		}

		// Idempotency-Key: the same request once, a different one refused.
		send := func(body row, key string) *http.Response {
			b, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("POST", "/api/job-applications", bytes.NewReader(b))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Idempotency-Key", key)
			rec := httptest.NewRecorder()
			a.h.ServeHTTP(rec, req)
			return rec.Result()
		}
		job := row{"name": "Zeynep", "email": "zeynep@example.com", "phone": "+90 555 111 22 33", "position": "Stajyer",
			"experience": "1 yıl", "education": "Lisans", "cvFileName": "özgeçmiş.pdf", "cvMimeType": "text/html",
			"cvFileData": "data:application/pdf;base64," + base64.StdEncoding.EncodeToString([]byte(pdfBytes))}
		r1, r2 := send(job, "k1"), send(job, "k1")
		if r1.StatusCode != 201 || r2.StatusCode != 201 || r2.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("idempotent POSTs = %d, %d (replayed %q)", r1.StatusCode, r2.StatusCode, r2.Header.Get("Idempotent-Replayed"))
		}
		other := with(job, "name", "Başka")
		if r := send(other, "k1"); r.StatusCode != 409 {
			t.Errorf("same key, other body = %d, want 409", r.StatusCode)
		}
		list := decodeBody[[]row](t, a.call("GET", "/api/job-applications", nil, true))
		if len(list) != 1 {
			t.Fatalf("applications = %v, want one", list)
		}
		app := list[0]
		if _, has := app["cvFileData"]; has || app["cvUrl"] == nil || app["cvMimeType"] != "application/pdf" {
			t.Errorf("application in the inbox = %v, want cvUrl, no data, type from the bytes", app)
		}
		cvURL := app["cvUrl"].(string)
		if rec := a.call("GET", cvURL, nil, false); rec.Code != 401 {
			t.Errorf("CV without a session = %d, want 401", rec.Code)
		}
		rec = a.call("GET", cvURL, nil, true)
		if rec.Code != 200 || rec.Body.String() != pdfBytes || rec.Header().Get("Content-Type") != "application/pdf" ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("CV download = %d %q %v", rec.Code, truncate(rec.Body.String()), rec.Header())
		}
		bad := with(job, "cvFileData", base64.StdEncoding.EncodeToString([]byte("\x89PNG\r\n\x1a\n....")))
		if rec := a.call("POST", "/api/job-applications", bad, false); rec.Code != 400 {
			t.Errorf("a PNG as CV = %d, want 400", rec.Code)
		}

		// The inbox: status filter, status change, delete.
		id := app["id"].(string)
		if rec := a.call("PATCH", "/api/job-applications/"+id, row{"status": "interviewed"}, true); rec.Code != 200 {
			t.Errorf("PATCH status = %d %s", rec.Code, rec.Body)
		}
		if rec := a.call("PATCH", "/api/job-applications?id="+id, row{"status": "HIRED"}, true); rec.Code != 400 {
			t.Errorf("PATCH unknown status = %d, want 400", rec.Code)
		}
		if got := decodeBody[[]row](t, a.call("GET", "/api/job-applications?status=INTERVIEWED", nil, true)); len(got) != 1 {
			t.Errorf("filtered inbox = %v", got)
		}
		if got := decodeBody[[]row](t, a.call("GET", "/api/job-applications?status=NEW", nil, true)); len(got) != 0 {
			t.Errorf("filtered inbox = %v, want none", got)
		}
		if rec := a.call("GET", "/api/quote-requests?status=nope", nil, true); rec.Code != 400 {
			t.Errorf("unknown status filter = %d, want 400", rec.Code)
		}
		if rec := a.call("DELETE", "/api/job-applications/"+id, nil, true); rec.Code != 200 {
			t.Errorf("DELETE = %d", rec.Code)
		}
		if rec := a.call("GET", cvURL, nil, true); rec.Code != 404 {
			t.Errorf("CV of a deleted application = %d, want 404", rec.Code)
		}
	})
}

// with returns a copy of m with key set to v.
func with(m row, key string, v any) row {
	out := row{}
	for k, x := range m {
		out[k] = x
	}
	out[key] = v
	return out
}

func TestMediaLinks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		img := pngDataURL(t, 8, 8)
		raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(img, "data:image/png;base64,"))
		for _, body := range []row{{"title": "A", "subtitle": "S", "image": img}, {"title": "B", "subtitle": "S", "image": "https://cdn.example.com/b.png", "order": 1}} {
			if rec := a.call("POST", "/api/content/hero", body, true); rec.Code != 201 {
				t.Fatalf("POST = %d %s", rec.Code, rec.Body)
			}
		}
		pub := decodeBody[[]row](t, a.call("GET", "/api/content/hero", nil, false))
		adm := decodeBody[[]row](t, a.call("GET", "/api/content/hero", nil, true))
		if adm[0]["image"] != img || pub[1]["image"] != "https://cdn.example.com/b.png" {
			t.Errorf("admin image %.40v, public https image %v: want both as stored", adm[0]["image"], pub[1]["image"])
		}
		link, _ := pub[0]["image"].(string)
		if !strings.HasPrefix(link, "/media/hero/"+adm[0]["id"].(string)+"/image?v=") {
			t.Fatalf("public image = %.60q, want a /media link", link)
		}
		rec := a.call("GET", link, nil, false)
		etag := rec.Header().Get("ETag")
		if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), raw) || rec.Header().Get("Content-Type") != "image/png" ||
			etag == "" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s = %d %v", link, rec.Code, rec.Header())
		}
		req := httptest.NewRequest("GET", link, nil)
		req.Header.Set("If-None-Match", etag)
		cached := httptest.NewRecorder()
		a.h.ServeHTTP(cached, req)
		if cached.Code != 304 || cached.Body.Len() != 0 {
			t.Errorf("If-None-Match = %d (%d bytes), want 304", cached.Code, cached.Body.Len())
		}
		for _, target := range []string{
			"/media/hero/" + adm[1]["id"].(string) + "/image", // an https image is not served here
			"/media/hero/" + adm[0]["id"].(string) + "/title", // not an image column
			"/media/User/x/password",
			"/media/hero/nope/image",
		} {
			if rec := a.call("GET", target, nil, false); rec.Code != 404 {
				t.Errorf("GET %s = %d, want 404", target, rec.Code)
			}
		}
	})
}

// TestContentLimits stores values at the columns' limits on every
// database: 191 four-byte characters in a VARCHAR(191), 65,535 bytes in a
// TEXT, and an image of almost MaxImageBytes in a LONGTEXT. Each is read
// back exactly.
func TestContentLimits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		big := make([]byte, 2<<20-64)
		copy(big, "\x89PNG\r\n\x1a\n")
		for i := 8; i < len(big); i++ {
			big[i] = byte(i * 7)
		}
		body := row{
			"title":       strings.Repeat("𝄞", 191),
			"subtitle":    strings.Repeat("ş", 32767) + "a", // 65,535 bytes
			"description": strings.Repeat("€", 21845),       // 65,535 bytes
			"buttonText":  strings.Repeat("ğ", 191),
			"image":       "data:image/png;base64," + base64.StdEncoding.EncodeToString(big),
		}
		rec := a.call("POST", "/api/content/hero", body, true)
		if rec.Code != 201 {
			t.Fatalf("POST at the limits = %d %s", rec.Code, truncate(rec.Body.String()))
		}
		got := decodeBody[[]row](t, a.call("GET", "/api/content/hero", nil, true))
		if len(got) != 1 {
			t.Fatalf("rows = %d", len(got))
		}
		for k, v := range body {
			if got[0][k] != v {
				t.Errorf("%s read back differs (%d bytes sent)", k, len(v.(string)))
			}
		}
		body["subtitle"] = strings.Repeat("ş", 32768) // 65,536 bytes
		body["title"] = strings.Repeat("a", 192)
		rec = a.call("POST", "/api/content/hero", body, true)
		if e := decodeBody[errorBody](t, rec); rec.Code != 400 || !sameKeys(e.Fields, []string{"title", "subtitle"}) {
			t.Errorf("POST past the limits = %d %+v", rec.Code, e)
		}
	})
}

// brokenBody fails the way a stalled connection does, naming addresses.
type brokenBody struct{}

func (brokenBody) Read([]byte) (int, error) {
	return 0, fmt.Errorf("read tcp 10.1.2.3:8080->203.0.113.9:51234: i/o timeout")
}

func TestBrokenBodyHidesAddresses(t *testing.T) {
	a := newAPI(t, db.SQLite)
	req := httptest.NewRequest("POST", "/api/quote-requests", brokenBody{})
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if rec.Code != 400 || strings.Contains(rec.Body.String(), "10.1.2.3") || strings.Contains(rec.Body.String(), "tcp") {
		t.Errorf("broken body = %d %s, want 400 without addresses", rec.Code, rec.Body)
	}
}
