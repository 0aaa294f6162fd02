package web_test

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// formCase is one public form of the pages with a valid post.
type formCase struct {
	path, table string
	valid       url.Values
}

var formCases = []formCase{
	{"/iletisim", "ContactMessage", url.Values{"name": {"Ayşe Yılmaz"}, "email": {"ayse@example.com"}, "phone": {"+90 532 000 00 00"},
		"subject": {"Vergi"}, "message": {"Merhaba <b>ofis</b>"}}},
	{"/teklif", "QuoteRequest", url.Values{"name": {"Ayşe Yılmaz"}, "email": {"ayse@example.com"}, "phone": {"0532 000 00 00"},
		"company": {"Yılmaz Ltd"}, "serviceType": {"Diğer"}, "message": {"Fiyat rica ederim"}}},
	{"/kariyer", "JobApplication", url.Values{"name": {"Ayşe Yılmaz"}, "email": {"ayse@example.com"}, "phone": {"0532 000 00 00"},
		"position": {"Stajyer"}, "experience": {"0-1 yıl"}, "education": {"Lisans"}}},
}

// formWith returns a copy of v with the token (and the pairs given) set.
func formWith(v url.Values, token string, kv ...string) url.Values {
	out := url.Values{"token": {token}}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

func TestFormsPostWithoutJavaScript(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		s := newSite(t, d, web.Config{}, auth.Options{})
		for _, fc := range formCases {
			t.Run(fc.path, func(t *testing.T) {
				// A person fills the form in and sends it: stored, then
				// redirected to the thanks.
				token := s.token(fc.path)
				s.clock.Add(5 * time.Second)
				rec := s.post(fc.path, formWith(fc.valid, token))
				if rec.Code != 303 || rec.Header().Get("Location") != fc.path+"?gonderildi=1" {
					t.Fatalf("POST %s = %d %s, Location %q", fc.path, rec.Code, rec.Body, rec.Header().Get("Location"))
				}
				if n := s.count(fc.table); n != 1 {
					t.Fatalf("%s has %d rows, want 1", fc.table, n)
				}
				thanks := s.get(fc.path + "?gonderildi=1")
				checkPage(t, fc.path, thanks)
				if !strings.Contains(thanks.Body.String(), "Teşekkürler") || strings.Contains(thanks.Body.String(), `name="token"`) {
					t.Error("the thanks page does not thank, or shows the form again")
				}

				// An invalid post: 400, the form again with a message next
				// to the field and what was typed kept; nothing stored.
				rec = s.post(fc.path, formWith(fc.valid, token, "email", "not-an-email", "name", `Ayşe "<x>"`))
				if rec.Code != 400 {
					t.Fatalf("invalid POST %s = %d", fc.path, rec.Code)
				}
				doc := checkPage(t, fc.path, rec)
				errNode := byID(doc, "f-email-error")
				if errNode == nil || !strings.Contains(nodeText(errNode), "Geçerli bir e-posta adresi girin.") {
					t.Errorf("no Turkish error next to the email field")
				}
				for id, want := range map[string]string{"f-email": "not-an-email", "f-name": `Ayşe "<x>"`, "f-phone": fc.valid.Get("phone")} {
					n := byID(doc, id)
					if n == nil {
						t.Errorf("no field #%s", id)
						continue
					}
					if v, _ := attr(n, "value"); v != want {
						t.Errorf("#%s keeps %q, want %q", id, v, want)
					}
					if inv, _ := attr(n, "aria-invalid"); (id == "f-email") != (inv == "true") {
						t.Errorf("#%s aria-invalid = %q", id, inv)
					}
				}
				if byID(doc, "f-name-error") != nil {
					t.Error("a valid field shows an error")
				}
				// The error speaks the visitor's language.
				rec = s.post(fc.path, formWith(fc.valid, token, "email", ""), "Accept-Language", "en")
				if n := byID(parse(t, rec.Body.Bytes()), "f-email-error"); rec.Code != 400 || n == nil || nodeText(n) != "This field is required." {
					t.Errorf("English error: %d %v", rec.Code, n)
				}

				// Bots: a filled-in honeypot, a post sooner than a person
				// could, no token. Each looks like success; none is stored.
				fresh := s.token(fc.path)
				for name, form := range map[string]url.Values{
					"honeypot": formWith(fc.valid, token, "website", "http://spam.example"),
					"too fast": formWith(fc.valid, fresh),
					"no token": formWith(fc.valid, ""),
				} {
					rec := s.post(fc.path, form)
					if rec.Code != 303 || rec.Header().Get("Location") != fc.path+"?gonderildi=1" {
						t.Errorf("%s: POST = %d %q, want the thanks redirect", name, rec.Code, rec.Header().Get("Location"))
					}
				}
				// A token this process did not sign (another instance, a
				// restart): the form again, input kept, to send once more.
				rec = s.post(fc.path, formWith(fc.valid, "1.forged"))
				if rec.Code != 400 || !strings.Contains(rec.Body.String(), "Formun süresi doldu") || !strings.Contains(rec.Body.String(), `value="ayse@example.com"`) {
					t.Errorf("foreign token: %d %s", rec.Code, rec.Body)
				}

				// Another site's page posting the form is refused.
				rec = s.post(fc.path, formWith(fc.valid, token), "Sec-Fetch-Site", "cross-site")
				if rec.Code != 403 || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") || !strings.Contains(rec.Body.String(), "İzin verilmedi") {
					t.Errorf("cross-site POST = %d %s, want the 403 page", rec.Code, rec.Header().Get("Content-Type"))
				}
				checkPage(t, fc.path+" (403)", rec)
				if n := s.count(fc.table); n != 1 {
					t.Errorf("%s has %d rows after refused posts, want 1", fc.table, n)
				}
			})
		}
	})
}

func TestJobApplicationCV(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		s := newSite(t, d, web.Config{}, auth.Options{})
		pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
		token := s.token("/kariyer")
		s.clock.Add(5 * time.Second)

		// Not a document: the error is shown next to the file field.
		rec := s.postMultipart("/kariyer", formWith(formCases[2].valid, token), "cv", "cv.exe", []byte("MZ\x90\x00 not a document"))
		if n := byID(parse(t, rec.Body.Bytes()), "f-cv-error"); rec.Code != 400 || n == nil || !strings.Contains(nodeText(n), "PDF") {
			t.Fatalf("POST /kariyer with an executable = %d, error %v", rec.Code, n)
		}
		if n := s.count("JobApplication"); n != 0 {
			t.Fatalf("%d applications stored after a refused CV", n)
		}

		rec = s.postMultipart("/kariyer", formWith(formCases[2].valid, token), "cv", `C:\Users\ayse\Özgeçmiş.pdf`, pdf)
		if rec.Code != 303 {
			t.Fatalf("POST /kariyer with a CV = %d %s", rec.Code, rec.Body)
		}
		list := s.api("GET", "/api/job-applications", "")
		apps := decodeBody[[]struct {
			CVFileName string `json:"cvFileName"`
			CVMimeType string `json:"cvMimeType"`
			CVURL      string `json:"cvUrl"`
		}](t, list)
		if len(apps) != 1 || apps[0].CVFileName != "Özgeçmiş.pdf" || apps[0].CVMimeType != "application/pdf" || apps[0].CVURL == "" {
			t.Fatalf("stored applications = %+v", apps)
		}
		req := s.api("GET", apps[0].CVURL, "")
		if req.Body.String() != string(pdf) {
			t.Errorf("the CV downloaded is %q, want the file sent", req.Body.String())
		}
	})
}

func TestFormRateLimit(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{}, auth.Options{FormLimit: auth.Limit{N: 2, Window: time.Minute}})
	token := s.token("/iletisim")
	s.clock.Add(5 * time.Second)
	// The page's form and the API's count against the same limit.
	req := httptest.NewRequest("POST", "/api/contact-messages", strings.NewReader(`{"name":"A","email":"a@example.com","phone":"12345","subject":"S","message":"M"}`))
	req.Header.Set("Content-Type", "application/json")
	api := httptest.NewRecorder()
	s.h.ServeHTTP(api, req)
	if api.Code != 201 {
		t.Fatalf("POST /api/contact-messages = %d %s", api.Code, api.Body)
	}
	for i, want := range []int{303, 429} {
		rec := s.post("/iletisim", formWith(formCases[0].valid, token))
		if rec.Code != want {
			t.Fatalf("post %d = %d, want %d", i+1, rec.Code, want)
		}
		if want == 429 {
			checkPage(t, "/iletisim", rec)
			if rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "Çok fazla deneme") {
				t.Errorf("the 429 page: Retry-After %q, body without its title", rec.Header().Get("Retry-After"))
			}
			var title string
			walk(parse(t, rec.Body.Bytes()), func(n *html.Node) {
				if n.Data == "title" {
					title = nodeText(n)
				}
			})
			if !strings.HasPrefix(title, "Çok fazla deneme") {
				t.Errorf("the 429 page's title is %q", title)
			}
		}
	}
	if n := s.count("ContactMessage"); n != 2 {
		t.Errorf("%d messages stored, want 2", n)
	}
}

func TestFormBodyTooLarge(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{MaxUploadBytes: 64 << 10, MaxBodyBytes: 8 << 10}, auth.Options{})
	token := s.token("/kariyer")
	s.clock.Add(5 * time.Second)
	for _, tt := range []struct {
		name string
		send func() *httptest.ResponseRecorder
	}{
		{"CV over the upload limit", func() *httptest.ResponseRecorder {
			return s.postMultipart("/kariyer", formWith(formCases[2].valid, token), "cv", "cv.pdf", bytes.Repeat([]byte("%PDF-"), 20<<10))
		}},
		{"contact form over the body limit", func() *httptest.ResponseRecorder {
			return s.post("/iletisim", formWith(formCases[0].valid, token, "message", strings.Repeat("ş", 8<<10)))
		}},
	} {
		rec := tt.send()
		if rec.Code != 413 || !strings.Contains(rec.Body.String(), "Dosya çok büyük") {
			t.Errorf("%s = %d %s", tt.name, rec.Code, rec.Header().Get("Content-Type"))
			continue
		}
		checkPage(t, tt.name, rec)
	}
	if n := s.count("JobApplication") + s.count("ContactMessage"); n != 0 {
		t.Errorf("%d rows stored from bodies over the limit", n)
	}
}

// The home page is rendered once and kept; each answer still carries a
// token of its own time that the contact form accepts.
func TestHomeContactForm(t *testing.T) {
	s := newSite(t, db.SQLite, web.Config{ContentMaxAge: time.Hour}, auth.Options{})
	first := s.token("/")
	s.clock.Add(5 * time.Second)
	second := s.token("/")
	if first == second || !regexp.MustCompile(`^[0-9]+\.[A-Za-z0-9_-]+$`).MatchString(second) {
		t.Fatalf("home page tokens %q and %q: not fresh per answer", first, second)
	}
	s.clock.Add(5 * time.Second)
	for _, token := range []string{first, second} {
		if rec := s.post("/iletisim", formWith(formCases[0].valid, token)); rec.Code != 303 {
			t.Errorf("POST /iletisim with the home page's token = %d", rec.Code)
		}
	}
	if n := s.count("ContactMessage"); n != 2 {
		t.Errorf("%d messages stored, want 2", n)
	}
}
