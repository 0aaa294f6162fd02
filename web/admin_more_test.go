package web_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

var itemID = regexp.MustCompile(`action="/admin/inbox/[a-z]+/([^/"]+)/status"`)

// inboxIDs returns the ids of the rows an inbox page shows, in order.
func inboxIDs(body string) []string {
	var ids []string
	for _, m := range itemID.FindAllStringSubmatch(body, -1) {
		ids = append(ids, html.UnescapeString(m[1]))
	}
	return ids
}

var nextLink = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

func TestAdminInboxes(t *testing.T) {
	for _, d := range []db.Dialect{db.SQLite, db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) { testInboxes(t, newPanel(t, d)) })
	}
}

func testInboxes(t *testing.T, p *panel) {
	ctx := context.Background()
	for i := range 25 {
		p.clock.Add(1e9) // distinct times: newest first is well defined
		msg := smmm.NewContactMessage{Name: fmt.Sprintf("Visitor %02d", i), Email: "v@example.com", Phone: "0212 555 00 00",
			Subject: "Konu", Message: "Merhaba"}
		if i == 24 {
			msg.Name, msg.Message = `<script>alert("x")</script>`, "<img src=x onerror=alert(1)>"
		}
		if _, err := p.st.CreateContactMessage(ctx, msg); err != nil {
			t.Fatal(err)
		}
	}
	// The dashboard counts the new ones (5 listed, more behind them).
	dash := p.page("/admin")
	if !strings.Contains(dash, `<span class="big">5&#43;</span>`) || strings.Contains(dash, "<script>alert") {
		t.Fatal("the dashboard does not count the new messages, or does not escape them")
	}
	if !strings.Contains(dash, `id="pool-inUse"`) || !strings.Contains(dash, "<code>") {
		t.Fatal("the dashboard shows no pool figures or statements")
	}

	// Pages of 20, newest first, the next by cursor.
	first := p.page("/admin/inbox/messages")
	ids := inboxIDs(first)
	if len(ids) != 20 || !strings.Contains(first, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") || strings.Contains(first, "<img src=x") {
		t.Fatalf("first page: %d rows, escaped: %v", len(ids), strings.Contains(first, "&lt;script&gt;"))
	}
	m := nextLink.FindStringSubmatch(first)
	if m == nil {
		t.Fatal("no next page link")
	}
	second := p.page(html.UnescapeString(m[1]))
	if ids2 := inboxIDs(second); len(ids2) != 5 || nextLink.MatchString(second) || ids2[0] == ids[0] {
		t.Fatalf("second page: %d rows", len(ids2))
	}

	// Mark one replied: the filter finds it, and only it.
	if n := len(inboxIDs(p.page("/admin/inbox/messages?status=REPLIED"))); n != 0 {
		t.Fatalf("%d replied before any", n)
	}
	loc := p.done("/admin/inbox/messages", "/admin/inbox/messages/"+ids[3]+"/status", url.Values{"status": {"REPLIED"}, "filter": {"NEW"}})
	if !strings.HasPrefix(loc, "/admin/inbox/messages?status=NEW") {
		t.Fatalf("back to %q, not the filtered inbox", loc)
	}
	if got := inboxIDs(p.page("/admin/inbox/messages?status=replied")); len(got) != 1 || got[0] != ids[3] {
		t.Fatalf("replied: %v", got)
	}
	if rec := p.submit("/admin/inbox/messages", "/admin/inbox/messages/"+ids[3]+"/status", url.Values{"status": {"DONE"}}); rec.Code != http.StatusBadRequest {
		t.Fatalf("an unknown status = %d", rec.Code)
	}
	if rec := p.get("/admin/inbox/messages?status=DONE"); rec.Code != http.StatusBadRequest {
		t.Fatalf("filter by an unknown status = %d", rec.Code)
	}
	if rec := p.submit("/admin/inbox/messages", "/admin/inbox/messages/no-such-id/status", url.Values{"status": {"NEW"}}); rec.Code != http.StatusNotFound {
		t.Fatalf("status of no row = %d", rec.Code)
	}

	// Delete with confirmation.
	confirm := p.page("/admin/inbox/messages/" + ids[0] + "/delete?name=Visitor")
	if !strings.Contains(confirm, `action="/admin/inbox/messages/`+ids[0]+`/delete"`) {
		t.Fatal("no confirmation form")
	}
	p.done("/admin/inbox/messages", "/admin/inbox/messages/"+ids[0]+"/delete", nil)
	if _, err := p.st.ContactMessage(ctx, ids[0]); err == nil {
		t.Fatal("the message is still stored")
	}

	// Quote requests and job applications: their own statuses, the CV as a download link.
	q := smmm.QuoteRequest{Name: "Firma", Email: "f@example.com", Phone: "0212 555 00 00", Company: "ACME", ServiceType: "Bordro", Status: "NEW"}
	qr, err := p.st.QuoteRequests().Create(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	p.done("/admin/inbox/quotes", "/admin/inbox/quotes/"+qr.ID+"/status", url.Values{"status": {"CONTACTED"}})
	if got := inboxIDs(p.page("/admin/inbox/quotes?status=CONTACTED")); len(got) != 1 || got[0] != qr.ID {
		t.Fatalf("contacted quotes: %v", got)
	}
	cv := base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 a CV"))
	name := "cv.pdf"
	a := smmm.JobApplication{Name: "Aday", Email: "a@example.com", Phone: "0212 555 00 00", Position: "Stajyer", Experience: "1", Education: "Lisans",
		CVFileName: &name, CVFileData: &cv, Status: "NEW"}
	ja, err := p.st.JobApplications().Create(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	apps := p.page("/admin/inbox/applications")
	if !strings.Contains(apps, `href="/api/job-applications/`+ja.ID+`/cv"`) {
		t.Fatal("no CV link")
	}
	if rec := p.get("/api/job-applications/" + ja.ID + "/cv"); rec.Code != 200 || rec.Body.String() != "%PDF-1.4 a CV" {
		t.Fatalf("the CV link = %d", rec.Code)
	}
	p.done("/admin/inbox/applications", "/admin/inbox/applications/"+ja.ID+"/delete", nil)
	if len(inboxIDs(p.page("/admin/inbox/applications"))) != 0 {
		t.Fatal("the application is still listed")
	}
}

// TestAdminUsers runs on every dialect; the site's tests hash at bcrypt's
// lowest cost (newSiteHandler).
func TestAdminUsers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) { testUsers(t, newPanel(t, d)) })
}

// apiLogin signs in through the API and returns the session cookie, nil
// when refused.
func (p *panel) apiLogin(email, password string) *http.Cookie {
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req := httptest.NewRequest("POST", "/api/auth/login", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == web.CookieName && c.Value != "" {
			return c
		}
	}
	return nil
}

// signedIn reports whether cookie is a live session.
func (p *panel) signedIn(c *http.Cookie) bool {
	req := httptest.NewRequest("GET", "/api/auth/session", nil)
	req.AddCookie(c)
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	return strings.Contains(rec.Body.String(), `"user"`)
}

func testUsers(t *testing.T, p *panel) {
	ctx := context.Background()
	// Bad input: the form again with the problems, nothing stored, the password not echoed.
	rec := p.submit("/admin/users", "/admin/users", url.Values{"email": {"not-an-email"}, "role": {"CLIENT"}, "password": {"short"}})
	if rec.Code != http.StatusBadRequest || strings.Contains(rec.Body.String(), `value="short"`) || !strings.Contains(rec.Body.String(), `value="not-an-email"`) {
		t.Fatalf("bad user = %d", rec.Code)
	}
	p.done("/admin/users", "/admin/users", url.Values{"email": {"New.User@Example.com"}, "name": {"<i>Yeni</i>"}, "role": {"CLIENT"}, "password": {"a long password 1"}})
	rec = p.submit("/admin/users", "/admin/users", url.Values{"email": {"new.user@example.com"}, "role": {"CLIENT"}, "password": {"a long password 1"}})
	if rec.Code != http.StatusConflict {
		t.Fatalf("a taken email = %d", rec.Code)
	}
	u, err := p.st.UserByEmail(ctx, "new.user@example.com")
	if err != nil || u.Role != smmm.RoleClient {
		t.Fatalf("new user %+v %v", u, err)
	}
	list := p.page("/admin/users")
	if !strings.Contains(list, "new.user@example.com") || !strings.Contains(list, "&lt;i&gt;Yeni&lt;/i&gt;") || strings.Contains(list, "$2a$") {
		t.Fatal("the users page does not list the user escaped, or shows a hash")
	}
	session := p.apiLogin("new.user@example.com", "a long password 1")
	if session == nil {
		t.Fatal("the new user cannot sign in")
	}

	// Role: up to ADMIN and down again; the last ADMIN keeps it.
	p.done("/admin/users", "/admin/users/"+u.ID+"/role", url.Values{"role": {"ADMIN"}})
	if u, _ = p.st.User(ctx, u.ID); u.Role != smmm.RoleAdmin {
		t.Fatal("role not changed")
	}
	p.done("/admin/users", "/admin/users/"+u.ID+"/role", url.Values{"role": {"CLIENT"}})
	users, err := p.st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The panel's own ADMIN is now the only one.
	var self smmm.User
	for _, other := range users {
		if other.Role == smmm.RoleAdmin {
			if self.ID != "" {
				t.Fatal("two ADMINs after the demotion")
			}
			self = other
		}
	}
	if rec := p.submit("/admin/users", "/admin/users/"+self.ID+"/role", url.Values{"role": {"CLIENT"}}); rec.Code != http.StatusConflict {
		t.Fatalf("demoting the last ADMIN = %d", rec.Code)
	}
	if rec := p.submit("/admin/users", "/admin/users/"+u.ID+"/role", url.Values{"role": {"ROOT"}}); rec.Code != http.StatusBadRequest {
		t.Fatalf("an unknown role = %d", rec.Code)
	}

	// A new password ends the user's sessions; the new one works, the old one not.
	if rec := p.submit("/admin/users", "/admin/users/"+u.ID+"/password", url.Values{"password": {"short"}}); rec.Code != http.StatusBadRequest {
		t.Fatalf("a short password = %d", rec.Code)
	}
	if !p.signedIn(session) {
		t.Fatal("the user's session ended before the password changed")
	}
	p.done("/admin/users", "/admin/users/"+u.ID+"/password", url.Values{"password": {"another long one"}})
	if p.signedIn(session) {
		t.Fatal("the user's session outlived the new password")
	}
	if p.apiLogin("new.user@example.com", "a long password 1") != nil || p.apiLogin("new.user@example.com", "another long one") == nil {
		t.Fatal("the old password still works, or the new one does not")
	}
	// The ADMIN's own: signed out, sent to sign in.
	loc := p.done("/admin/users", "/admin/users/"+self.ID+"/password", url.Values{"password": {"my own new password"}})
	if !strings.HasPrefix(loc, "/auth/signin") || p.signedIn(p.admin) {
		t.Fatalf("own password: to %q, still signed in %v", loc, p.signedIn(p.admin))
	}
}

func TestAdminAboutAndSettings(t *testing.T) {
	p := newPanel(t, db.SQLite)
	home := func() string {
		rec := p.site.get("/")
		if rec.Code != 200 {
			t.Fatalf("home = %d", rec.Code)
		}
		return rec.Body.String()
	}
	home() // the cache holds the defaults now; the clock does not move, so only invalidation shows a change

	form := p.page("/admin/about")
	if !strings.Contains(form, "Award | Profesyonel Deneyim |") {
		t.Fatal("the about form does not show the built-in features as lines")
	}
	rec := p.upload("/admin/about", "/admin/about", url.Values{"title": {"Biz <kimiz>"}, "description": {"Yeni açıklama"},
		"aboutFeatures": {"Award | Deneyim | Yıllar\n- Shield | Gizli kart | Görünmez"}}, "image", pngImage(t))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("about = %d %s", rec.Code, rec.Body)
	}
	sec, err := p.st.About(context.Background())
	if err != nil || sec.Title != "Biz <kimiz>" || len(sec.Features) != 2 || sec.Features[1].IsActive || sec.Image == nil {
		t.Fatalf("about stored %+v %v", sec, err)
	}
	page := home()
	if !strings.Contains(page, "Biz &lt;kimiz&gt;") || !strings.Contains(page, "/media/about/"+sec.ID+"/image") || strings.Contains(page, "Gizli kart") {
		t.Fatal("the home page does not show the new about section at once")
	}
	// Saving again without a file keeps the image.
	rec = p.upload("/admin/about", "/admin/about", url.Values{"title": {"Biz"}, "description": {"D"}, "aboutFeatures": {""}}, "", nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("about again = %d", rec.Code)
	}
	if sec, _ = p.st.About(context.Background()); sec.Image == nil || len(sec.Features) != 0 {
		t.Fatal("saving without a file lost the image, or kept the features")
	}
	if rec = p.upload("/admin/about", "/admin/about", url.Values{"title": {""}, "description": {"D"}}, "", nil); rec.Code != http.StatusBadRequest {
		t.Fatalf("about without a title = %d", rec.Code)
	}

	// Settings: the site's name shows at once; a bad email is refused by field.
	rec = p.upload("/admin/settings", "/admin/settings", url.Values{"siteName": {"Yeni Ofis"}, "email": {"ofis@example.com"}}, "brandIcon", pngImage(t))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("settings = %d %s", rec.Code, rec.Body)
	}
	if page := home(); !strings.Contains(page, "Yeni Ofis") || !strings.Contains(page, "/media/site-settings/") {
		t.Fatal("the home page does not show the new settings at once")
	}
	if !strings.Contains(p.page("/admin"), "Yeni Ofis · ") {
		t.Fatal("the panel's header does not name the office")
	}
	rec = p.upload("/admin/settings", "/admin/settings", url.Values{"siteName": {"Yeni Ofis"}, "email": {"nope"}}, "", nil)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `id="e-email"`) {
		t.Fatalf("a bad email = %d", rec.Code)
	}
	if s, _ := p.st.SiteSettings(context.Background()); s.BrandIcon == nil {
		t.Fatal("the brand icon was lost")
	}
}
