package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"smmm/db"
)

// editorCase is a content type's editor with a valid form for it.
type editorCase struct {
	kind, api, title string // route kind, API path, the field shown as the row's title
	form             url.Values
	image            string // the image field to upload, if the type has one
	active           bool
}

var editorCases = []editorCase{
	{kind: "hero", api: "hero", title: "title", form: url.Values{"title": {"Slide"}, "subtitle": {"Sub"}, "buttonUrl": {"/teklif"}}, image: "image", active: true},
	{kind: "services", api: "services", title: "title", form: url.Values{"title": {"Bordro"}, "description": {"Maaş"}, "icon": {"Calculator"}, "features": {"Bir\n\nİki"}}, active: true},
	{kind: "workflow", api: "workflow", title: "title", form: url.Values{"title": {"Adım"}, "description": {"Önce"}}},
	{kind: "pricing", api: "pricing", title: "name", form: url.Values{"name": {"Temel"}, "price": {"2.500"}, "period": {"ay"}, "isPopular": {"1"}, "features": {"Defter\n- Denetim"}}, active: true},
	{kind: "testimonials", api: "testimonials", title: "name", form: url.Values{"name": {"Ayşe"}, "position": {"Müdür"}, "content": {"İyi"}, "rating": {"4"}}, image: "avatar", active: true},
	{kind: "team", api: "team", title: "name", form: url.Values{"name": {"Ali"}, "position": {"SMMM"}, "email": {"ali@example.com"}}, image: "avatar", active: true},
	{kind: "clients", api: "clients", title: "name", form: url.Values{"name": {"Acme"}, "url": {"https://acme.example"}}, image: "logo", active: true},
	{kind: "faq-categories", api: "faq/categories", title: "name", form: url.Values{"name": {"Vergi İşlemleri"}}},
	{kind: "faq", api: "faq", title: "question", form: url.Values{"question": {"Ne zaman?"}, "answer": {"Her ay."}}},
}

// apiRows reads a collection as the ADMIN sees it through the API.
func (p *panel) apiRows(api string) []map[string]any {
	p.t.Helper()
	rec := p.site.api("GET", "/api/content/"+api, "")
	var rows []map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &rows); err != nil {
		p.t.Fatal(err)
	}
	return rows
}

func TestAdminEditors(t *testing.T) {
	for _, d := range []db.Dialect{db.SQLite, db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) {
			p := newPanel(t, d)
			for _, c := range editorCases {
				t.Run(c.kind, func(t *testing.T) { testEditor(t, p, c) })
			}
		})
	}
}

func testEditor(t *testing.T, p *panel, c editorCase) {
	p.t = t
	base := "/admin/content/" + c.kind
	form := func(title string) url.Values {
		f := url.Values{}
		for k, v := range c.form {
			f[k] = v
		}
		f.Set(c.title, title)
		if c.kind == "faq" {
			cats := p.apiRows("faq/categories")
			if len(cats) == 0 {
				t.Fatal("no FAQ category to put a question in")
			}
			f.Set("categoryId", cats[0]["id"].(string))
		}
		return f
	}
	create := func(title string) {
		var rec = p.upload(base+"/new", base, form(title), c.image, pngImage(t))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("create %s = %d %s", title, rec.Code, rec.Body)
		}
	}
	before := len(p.apiRows(c.api))
	create("First <b>one</b>")
	create("Second")
	rows := p.apiRows(c.api)
	if len(rows) != before+2 {
		t.Fatalf("%d rows after two creates, want %d", len(rows), before+2)
	}
	first, second := rows[len(rows)-2], rows[len(rows)-1]
	if first[c.title] != "First <b>one</b>" || second[c.title] != "Second" {
		t.Fatalf("created %v, %v", first[c.title], second[c.title])
	}
	if c.image != "" && !strings.HasPrefix(first[c.image].(string), "data:image/png;base64,") {
		t.Fatalf("the uploaded %s is stored as %.40v", c.image, first[c.image])
	}
	id1, id2 := first["id"].(string), second["id"].(string)

	// The list shows them escaped, with a /media preview of the image, never as a link.
	list := p.page(base)
	if !strings.Contains(list, "First &lt;b&gt;one&lt;/b&gt;") || strings.Contains(list, "<b>one</b>") {
		t.Fatal("the list does not escape the title")
	}
	if c.image != "" && !strings.Contains(list, `src="/media/`+c.kind) {
		t.Fatalf("the list shows no /media preview of %s", c.image)
	}
	checkNoInline(t, base, list)

	// Edit: the form holds the stored values; a change is stored, the rest kept.
	edit := p.page(base + "/" + id1)
	if !strings.Contains(edit, "First &lt;b&gt;one&lt;/b&gt;") {
		t.Fatal("the edit form does not hold the title")
	}
	if c.image != "" && !strings.Contains(edit, `<img src="/media/`+c.kind+`/`+id1+`/`+c.image) {
		t.Fatal("the edit form shows no preview of the stored image")
	}
	rec := p.upload(base+"/"+id1, base+"/"+id1, form("First, edited"), "", nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("edit = %d %s", rec.Code, rec.Body)
	}
	rows = p.apiRows(c.api)
	got := rows[len(rows)-2]
	if got[c.title] != "First, edited" {
		t.Fatalf("edited title %v", got[c.title])
	}
	if c.image != "" && got[c.image] != first[c.image] {
		t.Fatal("an edit without a new image lost the stored one")
	}
	switch c.kind {
	case "services":
		if f, _ := json.Marshal(got["features"]); string(f) != `["Bir","İki"]` {
			t.Errorf("service features %s", f)
		}
	case "pricing":
		f, _ := got["features"].([]any)
		if len(f) != 2 || f[1].(map[string]any)["isIncluded"] != false || got["isPopular"] != true {
			t.Errorf("plan %v", got)
		}
		if !strings.Contains(p.page(base+"/"+id1), "- Denetim") {
			t.Error("the plan's form does not mark the feature not included")
		}
	}

	// A failing edit: 400, the problem next to its field, nothing stored.
	bad := form("")
	rec = p.upload(base+"/"+id1, base+"/"+id1, bad, "", nil)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `class="err"`) {
		t.Fatalf("an empty %s = %d", c.title, rec.Code)
	}
	if c.image != "" {
		rec = p.upload(base+"/"+id1, base+"/"+id1, form("x"), c.image, []byte("%PDF-1.4 not an image"))
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "PNG, JPEG") {
			t.Fatalf("a PDF as %s = %d", c.image, rec.Code)
		}
	}

	// Toggle.
	if c.active {
		p.done(base, base+"/"+id1+"/toggle", nil)
		if rows = p.apiRows(c.api); rows[len(rows)-2]["isActive"] != false {
			t.Fatal("toggle did not hide the row")
		}
		if !strings.Contains(p.page(base), "Gizli") {
			t.Fatal("the list does not show the row hidden")
		}
		p.done(base, base+"/"+id1+"/toggle", nil)
		if rows = p.apiRows(c.api); rows[len(rows)-2]["isActive"] != true {
			t.Fatal("toggle did not show the row again")
		}
	}

	// Reorder: the second moves up, then the first back up by the whole order.
	p.done(base, base+"/"+id2+"/move", url.Values{"dir": {"up"}})
	rows = p.apiRows(c.api)
	if rows[len(rows)-2]["id"] != id2 || rows[len(rows)-1]["id"] != id1 {
		t.Fatalf("after moving up: %v, %v", rows[len(rows)-2][c.title], rows[len(rows)-1][c.title])
	}
	var order url.Values = url.Values{}
	for _, r := range rows {
		if r["id"] != id2 {
			order.Add("id", r["id"].(string))
		}
	}
	order.Add("id", id2)
	p.done(base, base+"/reorder", order)
	rows = p.apiRows(c.api)
	if rows[len(rows)-1]["id"] != id2 {
		t.Fatal("the whole order was not applied")
	}
	if rec := p.submit(base, base+"/reorder", url.Values{"id": {"no-such-row"}}); rec.Code != http.StatusBadRequest {
		t.Fatalf("reorder with an unknown id = %d", rec.Code)
	}

	// Delete asks first, then deletes.
	if confirm := p.page(base + "/" + id1 + "/delete"); !strings.Contains(confirm, "First, edited") || !strings.Contains(confirm, `action="`+base+"/"+id1+`/delete"`) {
		t.Fatal("the confirmation does not name the row")
	}
	p.done(base+"/"+id1+"/delete", base+"/"+id1+"/delete", nil)
	if rows = p.apiRows(c.api); len(rows) != before+1 || rows[len(rows)-1]["id"] != id2 {
		t.Fatalf("after delete %d rows", len(rows))
	}
	if rec := p.get(base + "/" + id1); rec.Code != http.StatusNotFound {
		t.Fatalf("the deleted row's form = %d", rec.Code)
	}
}

func TestAdminUnknownKind(t *testing.T) {
	p := newPanel(t, db.SQLite)
	for _, path := range []string{"/admin/content/nothing", "/admin/inbox/nothing", "/admin/content/services/no-such-id"} {
		if rec := p.get(path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, rec.Code)
		}
	}
}
