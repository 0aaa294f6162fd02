package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
	"smmm/web"
	"smmm/web/browsertest"
)

// browserSite is the whole site on a real HTTP server for a browser, with
// the site's clock (the forms' minimum fill time passes by moving it) and
// two users whose passwords the test types.
type browserSite struct {
	url   string
	st    *store.Store
	clock *clock
}

const (
	browserAdmin  = "admin@example.com"
	browserClient = "client@example.com"
	browserPass   = "a password for tests"
)

func newBrowserSite(t *testing.T) *browserSite {
	t.Helper()
	pool := migrated(t, openSQLite(t))
	c := newClock()
	h, st := newSiteHandler(t, pool, web.Config{Now: c.Now}, auth.Options{})
	hash, err := bcrypt.GenerateFromPassword([]byte(browserPass), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for email, role := range map[string]smmm.Role{browserAdmin: smmm.RoleAdmin, browserClient: smmm.RoleClient} {
		if _, err := st.CreateUser(context.Background(), store.NewUser{Email: email, PasswordHash: string(hash), Role: role}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &browserSite{url: srv.URL, st: st, clock: c}
}

// submit clicks sel (a submit button or a link) and waits for the next page to have
// loaded with want in it.
func submit(tab *browsertest.Tab, sel, want string) {
	tab.Run(
		// A click by script: a mouse click at the element's place could miss
		// it while the page still lays out.
		chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.before = "1"; document.querySelector(`+strconv.Quote(sel)+`).click()`),
		chromedp.WaitReady(chromedp.CSS(`html:not([data-before]) `+want)),
	)
}

// signInAs types email and the password into the sign-in form.
func signInAs(tab *browsertest.Tab, base, email, password, want string) {
	tab.Navigate(base + "/auth/signin")
	tab.Run(
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
	submit(tab, "form button[type=submit]", want)
}

// TestAdminBrowserFlows drives the admin panel in Chromium: a visitor's
// message found in the inbox and marked replied; a wrong password; the
// about section and a service edited, services reordered and a hero image
// uploaded, each shown on the public home page; a CLIENT refused; no page
// logs a console error or a CSP violation.
func TestAdminBrowserFlows(t *testing.T) {
	b := browsertest.New(t)
	s := newBrowserSite(t)
	tab := b.Tab(t, 1280, 900)
	pages := map[string]bool{}
	visit := func(path string) {
		tab.Navigate(s.url + path)
		pages[path] = true
	}
	defer func() { tab.NoProblems(strings.Join(mapKeys(pages), ", ")) }()

	// A visitor sends the contact form (in Turkish, the site's own language).
	visit("/iletisim?lang=tr")
	tab.Run(
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Deniz <Ziyaretçi>"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "deniz@example.com"),
		chromedp.SendKeys(chromedp.CSS("#f-phone"), "0212 555 00 00"),
		chromedp.SendKeys(chromedp.CSS("#f-subject"), "Bordro"),
		chromedp.SendKeys(chromedp.CSS("#f-message"), "Merhaba, bilgi almak istiyorum."),
	)
	s.clock.Add(5e9) // a person takes longer than the minimum fill time
	submit(tab, "form button[type=submit]", "main")
	if loc := tab.Location(); !strings.Contains(loc, "gonderildi=1") {
		t.Fatalf("after sending the form: %s", loc)
	}

	// /admin sends to sign-in.
	visit("/admin")
	if loc := tab.Location(); !strings.HasPrefix(loc, s.url+"/auth/signin") {
		t.Fatalf("/admin without a session went to %s", loc)
	}
	signInAs(tab, s.url, browserAdmin, browserPass, "#db")
	if tab.Count(".live:not([hidden])") != 1 {
		t.Fatal("admin.js did not start the dashboard's refresh")
	}

	// The message is in the inbox; mark it replied.
	visit("/admin/inbox/messages")
	if got := tab.Text(".item h2"); !strings.Contains(got, "Deniz <Ziyaretçi>") || !strings.Contains(got, "NEW") {
		t.Fatalf("inbox shows %q", got)
	}
	tab.Run(chromedp.SetValue(chromedp.CSS(".item select[name=status]"), "REPLIED"))
	submit(tab, ".item form button[type=submit]", ".notice")
	if got := tab.Text(".item .badge"); got != "REPLIED" {
		t.Fatalf("after marking replied the badge says %q", got)
	}

	// About: a new title, shown on the home page.
	visit("/admin/about")
	tab.Run(chromedp.SetValue(chromedp.CSS("#f-title"), "Biz Kimiz"))
	submit(tab, "form.card button[type=submit]", ".notice")

	// Two services, the first edited, then the second moved up.
	for _, title := range []string{"Bordro Hizmeti", "Vergi Danışmanlığı"} {
		visit("/admin/content/services/new")
		tab.Run(
			chromedp.SendKeys(chromedp.CSS("#f-title"), title),
			chromedp.SendKeys(chromedp.CSS("#f-description"), "Açıklama"),
			chromedp.SendKeys(chromedp.CSS("#f-features"), "Bir\nİki"),
		)
		submit(tab, "form.card button[type=submit]", ".notice")
	}
	submit(tab, ".rowitem .rowtitle", "#f-title")
	tab.Run(chromedp.SetValue(chromedp.CSS("#f-title"), "Bordro ve SGK"))
	submit(tab, "form.card button[type=submit]", ".notice")
	submit(tab, ".rowitem:nth-child(2) button[aria-label^='Yukarı']", ".notice")
	if got := tab.Text(".rowitem:first-child .rowtitle"); got != "Vergi Danışmanlığı" {
		t.Fatalf("after moving up, the first service is %q", got)
	}

	// With JavaScript, a drag puts it back: admin.js posts the whole order.
	tab.Run(
		chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.before = "1";
			{
			const items = document.querySelectorAll(".rowitem"), dt = new DataTransfer();
			const y = items[0].getBoundingClientRect().top + 1;
			items[1].dispatchEvent(new DragEvent("dragstart", {bubbles: true, dataTransfer: dt}));
			items[0].dispatchEvent(new DragEvent("dragover", {bubbles: true, cancelable: true, clientY: y, dataTransfer: dt}));
			items[1].dispatchEvent(new DragEvent("dragend", {bubbles: true, dataTransfer: dt}));
			}`),
		chromedp.WaitReady(chromedp.CSS(`html:not([data-before]) .rows`)),
	)
	if got := tab.Text(".rowitem:first-child .rowtitle"); got != "Bordro ve SGK" {
		t.Fatalf("after dragging, the first service is %q", got)
	}
	submit(tab, ".rowitem:nth-child(2) button[aria-label^='Yukarı']", ".notice")

	// A hero slide with an uploaded image: previewed before, shown after.
	img := filepath.Join(t.TempDir(), "hero.png")
	if err := os.WriteFile(img, pngImage(t), 0o600); err != nil {
		t.Fatal(err)
	}
	visit("/admin/content/hero/new")
	tab.Run(
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Yeni Manşet"),
		chromedp.SendKeys(chromedp.CSS("#f-subtitle"), "Alt başlık"),
		chromedp.SetUploadFiles(chromedp.CSS("#f-image"), []string{img}),
		chromedp.WaitVisible(chromedp.CSS("#p-image")), // admin.js previews the chosen file
	)
	submit(tab, "form.card button[type=submit]", ".notice")
	if tab.Count(`.rowitem img.thumb[src^="/media/hero/"]`) != 1 {
		t.Fatal("the hero list shows no /media thumbnail")
	}

	// The public home page shows all of it.
	visit("/")
	if got := tab.Text("main"); !strings.Contains(got, "Biz Kimiz") || !strings.Contains(got, "Bordro ve SGK") || !strings.Contains(got, "Yeni Manşet") {
		t.Fatalf("the home page does not show the edits: %.400s", got)
	}
	order := browsertest.Get(tab, chromedp.Evaluate[bool](
		`document.body.innerText.indexOf("Vergi Danışmanlığı") < document.body.innerText.indexOf("Bordro ve SGK")`))
	if !order {
		t.Error("the home page does not list the services in their new order")
	}
	if tab.Count(`img[src^="/media/hero/"]`) != 1 {
		t.Error("the home page does not show the uploaded hero image")
	}

	// Sign out.
	visit("/admin")
	submit(tab, ".bar form button", "#email")
	if loc := tab.Location(); !strings.HasPrefix(loc, s.url+"/auth/signin") {
		t.Fatalf("after signing out: %s", loc)
	}

	// Refusals, in a tab of their own: the browser logs each 4xx answer
	// as a failed resource, and those are the only problems allowed there.
	refused := b.Tab(t, 1280, 900)
	signInAs(refused, s.url, browserAdmin, "not the password", ".problem")
	if got := refused.Text(".problem"); !strings.Contains(got, "yanlış") {
		t.Fatalf("a wrong password shows %q", got)
	}
	signInAs(refused, s.url, browserClient, browserPass, "main")
	refused.Navigate(s.url + "/admin")
	if got := refused.Text("main"); !strings.Contains(got, "İzin verilmedi") || refused.Count("#db") != 0 {
		t.Fatalf("a CLIENT on /admin sees %.200q", got)
	}
	for _, p := range refused.Problems() {
		if !strings.Contains(p, "status of 401") && !strings.Contains(p, "status of 403") {
			t.Errorf("refusals: %s", p)
		}
	}
}

// TestAdminBrowserChecks runs axe-core on the home page, sign-in, an inbox
// and an editor, and checks that nothing scrolls sideways at 375 px.
func TestAdminBrowserChecks(t *testing.T) {
	b := browsertest.New(t)
	s := newBrowserSite(t)
	ctx := context.Background()
	if _, err := s.st.CreateContactMessage(ctx, smmm.NewContactMessage{Name: "Uzun " + strings.Repeat("a", 120), Email: "v@example.com",
		Phone: "0212 555 00 00", Subject: "Konu", Message: strings.Repeat("uzunkelime", 30)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.Services().Create(ctx, smmm.Service{Title: "Bordro", Description: "Maaş", IsActive: true}); err != nil {
		t.Fatal(err)
	}
	tab := b.Tab(t, 375, 800)
	tab.Navigate(s.url + "/?lang=tr")
	check := func(page string) {
		t.Helper()
		tab.NoSeriousAxeViolations(page)
		if o := tab.Overflow(); o > 0 {
			t.Errorf("%s scrolls sideways by %d px at 375 px", page, o)
		}
	}
	check("/")
	tab.Navigate(s.url + "/auth/signin")
	check("/auth/signin")
	signInAs(tab, s.url, browserAdmin, browserPass, "#db")
	for _, path := range []string{"/admin", "/admin/inbox/messages", "/admin/content/services", "/admin/content/services/new",
		"/admin/content/hero/new", "/admin/about", "/admin/settings", "/admin/users"} {
		tab.Navigate(s.url + path)
		check(path)
	}
	tab.NoProblems("the checked pages")
}

func mapKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// openSQLite opens a fresh SQLite database for t.
func openSQLite(t *testing.T) *db.DB {
	t.Helper()
	return dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{})
}
