package web

import (
	"bytes"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"smmm"
)

// templateFiles are the pages' templates: one directory per surface
// ("site" now, "admin" later), each with its layout and partials at the
// top and one file per page under pages/.
//
//go:embed templates
var templateFiles embed.FS

// pageCSP is the Content-Security-Policy of every HTML page: everything
// from this site only, no inline script or style, no plugins, no framing,
// forms posting only here.
const pageCSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// pages is what HTML pages share: their templates, the embedded static
// files, the icons, the content cache and the key that signs form times.
type pages struct {
	templates map[string]*template.Template // "site/home" -> its layout, partials and page
	assets    *assets
	icons     icons
	content   *contentCache
	formKey   []byte
	// tokenMark stands for the form token in a page rendered once and
	// kept (the home page); each answer puts a fresh token in its place.
	// It is random, so that no content can contain it.
	tokenMark []byte
}

// newPages parses every template and loads the assets and icons. It
// panics when one is broken: that is a mistake in the binary, found at
// start by every test.
func newPages(s *server) *pages {
	assetFS, _ := fs.Sub(assetFiles, "assets")             // the directory is embedded
	iconFS, _ := fs.Sub(iconFiles, "assets/vendor/lucide") // the directory is embedded
	a, err := loadAssets(assetFS)
	if err != nil {
		panic(fmt.Sprintf("web: assets: %v", err))
	}
	ic, err := loadIcons(iconFS)
	if err != nil {
		panic(fmt.Sprintf("web: icons: %v", err))
	}
	p := &pages{assets: a, icons: ic, formKey: make([]byte, 32), tokenMark: []byte("token-" + rand.Text())}
	rand.Read(p.formKey)
	p.content = newContentCache(s)
	if p.templates, err = parseTemplates(templateFiles, p.funcs()); err != nil {
		panic(fmt.Sprintf("web: templates: %v", err))
	}
	return p
}

// parseTemplates parses, for each directory of fsys's templates/, its
// top-level files and then each file of its pages/ on a copy of them.
func parseTemplates(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	dirs, err := fs.ReadDir(fsys, "templates")
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := path.Join("templates", d.Name())
		base, err := template.New(d.Name()).Funcs(funcs).ParseFS(fsys, dir+"/*.html")
		if err != nil {
			return nil, err
		}
		files, err := fs.Glob(fsys, dir+"/pages/*.html")
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			t, err := template.Must(base.Clone()).ParseFS(fsys, f)
			if err != nil {
				return nil, err
			}
			out[d.Name()+"/"+strings.TrimSuffix(path.Base(f), ".html")] = t
		}
	}
	return out, nil
}

// funcs are the templates' functions: few, and without side effects.
func (p *pages) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": p.assets.url,
		"icon":  func(name any) template.HTML { return p.icons.icon(text(name)) },
		"img":   imageSrc,
		"href":  linkHref,
		"price": price,
		"seq":   func(n int) []int { return make([]int, min(max(n, 0), 5)) },
		"initial": func(name string) string {
			for _, r := range name {
				return strings.ToUpper(string(r))
			}
			return ""
		},
	}
}

// text is a template argument that may be a string or an optional one.
func text(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case *string:
		if s != nil {
			return *s
		}
	}
	return ""
}

// imageSrc returns v, an image column as linkImages left it, when it is an
// address on this site (/media/...), else "": a page loads nothing from
// another site, and an image that is not served is left out.
func imageSrc(v any) string {
	s := text(v)
	if strings.HasPrefix(s, "/media/") {
		return s
	}
	return ""
}

// linkHref returns v when it is a safe link target: a path on this site
// ("/teklif", "/#hizmetler"), a fragment, or an http(s) URL; else "".
func linkHref(v any) string {
	s := strings.TrimSpace(text(v))
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, "/\\"):
		return s
	}
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil {
		return s
	}
	return ""
}

// price shows a plan's price with the lira sign when it is a number
// ("2.500" -> "₺2.500"); text such as "Özel Fiyat" stays as it is.
func price(s string) string {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return "₺" + s
	}
	return s
}

// page is what every page's data starts with: its language and words,
// its title, description and address, and the office's details.
type page struct {
	Lang        string
	Title       string
	Description string
	Path        string // the page's own path, without the query
	Site        *siteInfo
	Year        int
	msgs        map[string]string
}

// T returns the message key in the page's language; a missing key shows
// as itself, which TestTemplateKeys finds.
func (p page) T(key string) string {
	if m, ok := p.msgs[key]; ok {
		return m
	}
	return key
}

// Tn is T with "#" replaced by n.
func (p page) Tn(key string, n int) string {
	return strings.ReplaceAll(p.T(key), "#", strconv.Itoa(n))
}

// OtherLang is the language the switch offers.
func (p page) OtherLang() string {
	if p.Lang == langEN {
		return langTR
	}
	return langEN
}

// newPage starts the data of a page at path for r, in the visitor's
// language, with the office's details from c.
func (s *server) newPage(w http.ResponseWriter, r *http.Request, c *siteContent, path, titleKey, descKey string) page {
	return s.pageIn(s.pageLang(w, r), c, path, titleKey, descKey)
}

// pageIn is newPage in lang.
func (s *server) pageIn(lang string, c *siteContent, path, titleKey, descKey string) page {
	p := page{Lang: lang, Path: path, Site: &c.Info, Year: s.Now().Year(), msgs: catalogs[lang]}
	p.Title, p.Description = c.Info.Name, c.Info.Description
	if titleKey != "" {
		p.Title = p.T(titleKey) + " | " + c.Info.Name
	}
	if descKey != "" {
		p.Description = p.T(descKey)
	}
	return p
}

// render writes the page name ("site/home") with data and status. The page
// is rendered whole before anything is sent, so that a template error can
// still be answered as one.
func (s *server) render(w http.ResponseWriter, status int, name string, data any) error {
	b, err := s.renderBytes(name, data)
	if err != nil {
		return err
	}
	writeHTML(w, status, b)
	return nil
}

// renderBytes renders the page name with data.
func (s *server) renderBytes(name string, data any) ([]byte, error) {
	t, ok := s.pages.templates[name]
	if !ok {
		return nil, fmt.Errorf("web: no page %s", name)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		return nil, fmt.Errorf("web: render %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// writeHTML sends a rendered page.
func writeHTML(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b) // the status is sent; an error means the client left
}

// page adds a route that answers with an HTML page, open to anyone once
// startup is done; its failures are answered as HTML pages too, a body
// over the route's limit among them.
func (rt *router) page(pattern string, h handlerFunc) {
	limit := rt.bodyMax
	rt.bodyMax = math.MaxInt64 // limited by htmlPage instead, to answer 413 as a page
	rt.add(pattern, rt.s.htmlPage(limit, rt.s.whenReady(h)))
	rt.bodyMax = limit
}

// page adds an HTML page route whose body may hold files.
func (u *uploadRouter) page(pattern string, h handlerFunc) {
	u.with(func() { u.rt.page(pattern, h) })
}

// htmlPage sets the headers of an HTML page (its Content-Security-Policy;
// no caching by default, as pages carry per-visitor form tokens), limits
// the request body to limit bytes and answers next's error as an HTML
// error page.
func (s *server) htmlPage(limit int64, next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		h := w.Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("Cache-Control", "no-cache")
		var err error = errBodyTooLarge
		if r.ContentLength <= limit {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			err = next(w, r)
		}
		if err != nil {
			s.writeErrorPage(w, r, err)
		}
		return nil
	}
}

// errorPage is the data of an error page.
type errorPage struct {
	page
	Status    int
	RequestID string
}

// writeErrorPage answers err as an HTML page with the status writeError
// would give it, and logs it the same way. It needs no database: the
// office's details come from the last content the cache holds, or the
// defaults.
func (s *server) writeErrorPage(w http.ResponseWriter, r *http.Request, err error) {
	_, status, id := s.answerProblem(w, r, err)
	w.Header().Set("Cache-Control", "no-store")
	shown := status
	if _, ok := catalogs[langTR]["err_title_"+strconv.Itoa(status)]; !ok {
		shown = http.StatusInternalServerError
		if status < 500 {
			shown = http.StatusBadRequest
		}
	}
	data := errorPage{page: s.newPage(w, r, s.pages.content.last(), r.URL.Path, "", ""), Status: shown, RequestID: id}
	data.Title = data.T("err_title_"+strconv.Itoa(shown)) + " | " + data.Site.Name
	if rerr := s.render(w, status, "site/error", data); rerr != nil {
		s.logger.Error("render error page", "request_id", id, "err", errors.Join(rerr, err))
		http.Error(w, http.StatusText(status), status)
	}
}

// errNoPage is the outcome of a path outside the API that no route serves.
var errNoPage = &httpError{code: smmm.ENOTFOUND, message: "no such page"}

// handleNotFoundPage answers a path outside the API that no route serves:
// the site's 404 page, or JSON to a request that accepts JSON.
func (s *server) handleNotFoundPage(w http.ResponseWriter, r *http.Request) error {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		return errNotFoundRoute
	}
	w.Header().Set("Content-Security-Policy", pageCSP)
	s.writeErrorPage(w, r, errNoPage)
	return nil
}
