package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"smmm"
)

// content returns what the pages show, from the cache. When the cache
// serves the last good content because the database cannot be reached, the
// answer says so: Age (seconds since it was read) and X-Smmm-Stale: true.
func (s *server) content(w http.ResponseWriter, r *http.Request) (*siteContent, error) {
	c, stale, err := s.pages.content.get(r.Context())
	if err != nil {
		return nil, err
	}
	if stale {
		w.Header().Set("Age", strconv.Itoa(int(s.Now().Sub(c.loaded).Seconds())))
		w.Header().Set("X-Smmm-Stale", "true")
	}
	return c, nil
}

// homePage is the data of the home page.
type homePage struct {
	page
	C       *siteContent
	Contact formView
}

// handleHome serves GET /: every section that has something to show. The
// page is rendered once per content, language and year, and kept with the
// content; each answer only puts a fresh form token in.
func (s *server) handleHome(w http.ResponseWriter, r *http.Request) error {
	c, err := s.content(w, r)
	if err != nil {
		return err
	}
	lang, now := s.pageLang(w, r), s.Now()
	b, err := c.rendered(lang+"/"+strconv.Itoa(now.Year()), func() ([]byte, error) {
		data := homePage{page: s.pageIn(lang, c, "/", "", ""), C: c}
		if data.Description == "" {
			data.Description = data.T("services_lead")
		}
		data.Contact = contactForm.view(&data.page, c, string(s.pages.tokenMark), nil, nil)
		return s.renderBytes("site/home", data)
	})
	if err != nil {
		return err
	}
	writeHTML(w, http.StatusOK, bytes.Replace(b, s.pages.tokenMark, []byte(s.pages.formToken(contactForm.name, now)), 1))
	return nil
}

// faqPage is the data of the questions page.
type faqPage struct {
	page
	C *siteContent
}

// handleFAQ serves GET /sss: every question, by category.
func (s *server) handleFAQ(w http.ResponseWriter, r *http.Request) error {
	c, err := s.content(w, r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "site/faq", faqPage{page: s.newPage(w, r, c, "/sss", "faq_title", "desc_faq"), C: c})
}

// sitePaths are the public pages, for the sitemap.
var sitePaths = []string{"/", "/iletisim", "/teklif", "/kariyer", "/sss"}

// handleSitemap serves GET /sitemap.xml: the public pages at the address
// the request came to.
func (s *server) handleSitemap(w http.ResponseWriter, r *http.Request) error {
	base := s.origin(r)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range sitePaths {
		b.WriteString("<url><loc>" + xmlEscape(base+p) + "</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write([]byte(b.String())) // the status is sent; an error means the client left
	return nil
}

// handleRobots serves GET /robots.txt: the public pages may be indexed,
// the API and the admin panel not.
func (s *server) handleRobots(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write([]byte("User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nDisallow: /auth/\n\nSitemap: " + s.origin(r) + "/sitemap.xml\n"))
	return nil
}

// origin is the scheme and host the request was sent to.
func (s *server) origin(r *http.Request) string {
	scheme := "http"
	if s.secure(r) {
		scheme = "https"
	}
	host := r.Host
	if host == "" || strings.ContainsAny(host, "/\\ <>\"'") {
		host = "localhost"
	}
	return scheme + "://" + host
}

// xmlEscape escapes text for XML.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// The public forms of the pages.
var (
	contactForm = &formSpec{
		name: "contact", path: "/iletisim", page: "site/contact", titleKey: "contact_title", descKey: "desc_contact", sentKey: "sent_contact",
		fields: func(*page, *siteContent) []fieldSpec {
			return []fieldSpec{
				{Name: "name", Kind: "text", Autocomplete: "name", Required: true},
				{Name: "email", Kind: "email", Autocomplete: "email", Required: true},
				{Name: "phone", Kind: "tel", Autocomplete: "tel", Required: true},
				{Name: "subject", Kind: "text", Autocomplete: "off", Required: true},
				{Name: "message", Kind: "textarea", Required: true},
			}
		},
		save: func(ctx context.Context, s *server, v map[string]string, _ *upload) (map[string]string, error) {
			in := smmm.NewContactMessage{Name: v["name"], Email: v["email"], Phone: v["phone"], Subject: v["subject"], Message: v["message"]}
			in.Normalize()
			if problems := in.Valid(); len(problems) > 0 {
				return problems, nil
			}
			_, err := s.store.CreateContactMessage(ctx, in)
			return nil, err
		},
	}
	quoteForm = &formSpec{
		name: "quote", path: "/teklif", page: "site/quote", titleKey: "quote_title", descKey: "desc_quote", sentKey: "sent_quote",
		fields: func(p *page, c *siteContent) []fieldSpec {
			var services []option
			for _, sv := range c.Services {
				services = append(services, option{sv.Title, sv.Title})
			}
			services = append(services, option{"Diğer", p.T("other")})
			return []fieldSpec{
				{Name: "name", Kind: "text", Autocomplete: "name", Required: true},
				{Name: "email", Kind: "email", Autocomplete: "email", Required: true},
				{Name: "phone", Kind: "tel", Autocomplete: "tel", Required: true},
				{Name: "company", Kind: "text", Autocomplete: "organization", Required: true},
				{Name: "serviceType", Kind: "select", Required: true, Options: withChoose(p, services)},
				{Name: "message", Kind: "textarea"},
			}
		},
		save: func(ctx context.Context, s *server, v map[string]string, _ *upload) (map[string]string, error) {
			var q smmm.QuoteRequest
			q.Defaults()
			q.Name, q.Email, q.Phone, q.Company, q.ServiceType, q.Message = v["name"], v["email"], v["phone"], v["company"], v["serviceType"], optional(v["message"])
			q.Normalize()
			if problems := q.Valid(); len(problems) > 0 {
				return problems, nil
			}
			_, err := s.store.QuoteRequests().Create(ctx, q)
			return nil, err
		},
	}
	jobForm = &formSpec{
		name: "job", path: "/kariyer", page: "site/career", titleKey: "career_title", descKey: "desc_career", sentKey: "sent_job", multipart: true,
		fields: func(p *page, _ *siteContent) []fieldSpec {
			opts := func(pairs ...string) []option {
				var out []option
				for i := 0; i < len(pairs); i += 2 {
					out = append(out, option{pairs[i], p.T(pairs[i+1])})
				}
				return withChoose(p, out)
			}
			return []fieldSpec{
				{Name: "name", Kind: "text", Autocomplete: "name", Required: true},
				{Name: "email", Kind: "email", Autocomplete: "email", Required: true},
				{Name: "phone", Kind: "tel", Autocomplete: "tel", Required: true},
				{Name: "position", Kind: "select", Required: true, Options: opts("Muhasebe Uzmanı", "pos_accountant", "Muhasebe Yardımcısı", "pos_assistant", "Stajyer", "pos_intern", "Diğer", "other")},
				{Name: "experience", Kind: "select", Required: true, Options: opts("0-1 yıl", "exp_0", "1-3 yıl", "exp_1", "3-5 yıl", "exp_3", "5+ yıl", "exp_5")},
				{Name: "education", Kind: "select", Required: true, Options: opts("Lise", "edu_high", "Ön Lisans", "edu_assoc", "Lisans", "edu_bachelor", "Yüksek Lisans", "edu_master", "Doktora", "edu_phd")},
				{Name: "coverLetter", Kind: "textarea"},
				{Name: "cv", Kind: "file"},
			}
		},
		save: func(ctx context.Context, s *server, v map[string]string, cv *upload) (map[string]string, error) {
			var a smmm.JobApplication
			a.Defaults()
			a.Name, a.Email, a.Phone, a.Position, a.Experience, a.Education = v["name"], v["email"], v["phone"], v["position"], v["experience"], v["education"]
			a.CoverLetter = optional(v["coverLetter"])
			if cv != nil {
				data := base64.StdEncoding.EncodeToString(cv.data)
				a.CVFileData, a.CVFileName = &data, optional(cv.name)
				if len(cv.data) > smmm.MaxCVBytes {
					return map[string]string{"cv": "must be at most " + strconv.Itoa(smmm.MaxCVBytes>>20) + " MB"}, nil
				}
			}
			a.Normalize()
			problems := a.Valid()
			for _, k := range []string{"cvFileName", "cvFileData"} {
				if msg, ok := problems[k]; ok {
					delete(problems, k)
					problems["cv"] = msg
				}
			}
			if len(problems) > 0 {
				return problems, nil
			}
			_, err := s.store.JobApplications().Create(ctx, a)
			return nil, err
		},
	}
)

// withChoose puts the "please choose" choice, whose value is empty, first.
func withChoose(p *page, opts []option) []option {
	return append([]option{{"", p.T("choose")}}, opts...)
}

// optional is s as an optional value: nil when blank.
func optional(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}
