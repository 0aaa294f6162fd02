package web

import (
	"net/http"
	"slices"
	"strings"

	"smmm"
)

// handlerFunc is a handler that returns its failure instead of answering
// it: adapt writes every error the same way. A handler that returns an
// error must not have written anything yet.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// routes lists every route of the site.
func (s *server) routes() *router {
	rt := &router{s: s, mux: http.NewServeMux(), methods: map[string][]string{}, fallbacks: map[string]bool{}, bodyMax: s.MaxBodyBytes}

	// Probes: cheap, unauthenticated, answered even while starting.
	rt.probe("GET /livez", s.handleLivez)
	rt.probe("GET /readyz", s.handleReadyz)
	rt.probe("GET /api/health", s.handleHealth)
	rt.probe("GET /metrics", s.handleMetrics)

	// Contact messages: the public form posts, admins read and manage.
	rt.public("POST /api/contact-messages", noStore(s.throttle("contact", s.handleContactMessageCreate)))
	rt.admin("GET /api/contact-messages", s.handleContactMessageList)
	rt.admin("PATCH /api/contact-messages", s.handleContactMessageUpdate)
	rt.admin("DELETE /api/contact-messages", s.handleContactMessageDelete)
	rt.admin("PATCH /api/contact-messages/{id}", s.handleContactMessageUpdate)
	rt.admin("DELETE /api/contact-messages/{id}", s.handleContactMessageDelete)

	// About content: public read, admin write.
	rt.public("GET /api/content/about", s.servedStale(s.handleAboutGet))
	rt.upload().admin("POST /api/content/about", s.handleAboutPut)
	rt.admin("DELETE /api/content/about", s.handleAboutReset)

	// The site's content: collections in order, one-row settings, and the
	// two other public forms.
	collection(rt, "/api/content/hero", s.store.HeroSlides(), smmm.DefaultHeroSlides)
	collection(rt, "/api/content/clients", s.store.ClientLogos(), nil)
	collection(rt, "/api/content/services", s.store.Services(), smmm.DefaultServices)
	collection(rt, "/api/content/workflow", s.store.WorkflowSteps(), smmm.DefaultWorkflowSteps)
	collection(rt, "/api/content/pricing", s.store.PricingPlans(), smmm.DefaultPricingPlans)
	collection(rt, "/api/content/testimonials", s.store.Testimonials(), smmm.DefaultTestimonials)
	collection(rt, "/api/content/team", s.store.TeamMembers(), smmm.DefaultTeamMembers)
	collection(rt, "/api/content/faq/categories", s.store.FAQCategories(), smmm.DefaultFAQCategories)
	collection(rt, "/api/content/faq", s.store.FAQs(), smmm.DefaultFAQs)
	s.siteSettingsRoutes(rt, "/api/content/site-settings")
	inbox(rt, "/api/quote-requests", "quote", "quoteRequest", "Teklif talebiniz alındı", s.store.QuoteRequests(), nil)
	inbox(rt, "/api/job-applications", "job", "jobApplication", "Başvurunuz alındı", s.store.JobApplications(), presentJobApplication)
	rt.admin("GET /api/job-applications/{id}/cv", s.handleJobApplicationCV)
	rt.public("GET /media/{kind}/{id}/{field}", s.handleMedia)

	// Database diagnostics for administrators.
	rt.admin("GET /api/admin/db/stats", s.handleDBStats)
	rt.admin("GET /api/admin/db/slow-queries", s.handleSlowQueries)

	// Authentication: anyone may try to sign in; the session cookie is set
	// and cleared here.
	rt.public("POST /api/auth/login", s.handleLogin)
	rt.public("POST /api/auth/logout", s.handleLogout)
	rt.public("GET /api/auth/session", s.handleSession)

	// The public site: HTML pages in Turkish or English, forms that post
	// without JavaScript (rate-limited as the API's), fingerprinted assets.
	rt.page("GET /{$}", s.handleHome)
	rt.page("GET /sss", s.handleFAQ)
	rt.page("GET /iletisim", s.handleFormPage(contactForm))
	rt.page("POST /iletisim", s.throttle(contactForm.name, s.handleFormPost(contactForm)))
	rt.page("GET /teklif", s.handleFormPage(quoteForm))
	rt.page("POST /teklif", s.throttle(quoteForm.name, s.handleFormPost(quoteForm)))
	rt.page("GET /kariyer", s.handleFormPage(jobForm))
	rt.upload().page("POST /kariyer", s.throttle(jobForm.name, s.handleFormPost(jobForm)))
	rt.probe("GET /assets/{file}", s.handleAsset)
	rt.public("GET /sitemap.xml", s.handleSitemap)
	rt.public("GET /robots.txt", s.handleRobots)
	rt.public("GET /favicon.ico", s.handleFavicon)

	// The admin panel: HTML pages for an ADMIN, and its sign-in.
	s.adminRoutes(rt)

	rt.finish()
	return rt
}

// router registers routes on a ServeMux and remembers them: their
// patterns for the authorization test, their methods for the 405 answers.
type router struct {
	s         *server
	bodyMax   int64 // the body limit of the routes add registers
	mux       *http.ServeMux
	paths     []string            // in registration order
	methods   map[string][]string // path -> its methods
	patterns  []string            // every pattern of mux, fallbacks too
	fallbacks map[string]bool     // the patterns that answer 404 or 405
}

// upload returns a router that registers on the same mux with the larger
// body limit of routes that take images and files (MaxUploadBytes).
func (rt *router) upload() *uploadRouter { return &uploadRouter{rt} }

// uploadRouter registers routes whose bodies may hold files.
type uploadRouter struct{ rt *router }

func (u *uploadRouter) public(pattern string, h handlerFunc) {
	u.with(func() { u.rt.public(pattern, h) })
}
func (u *uploadRouter) admin(pattern string, h handlerFunc) {
	u.with(func() { u.rt.admin(pattern, h) })
}

func (u *uploadRouter) with(register func()) {
	u.rt.bodyMax = u.rt.s.MaxUploadBytes
	register()
	u.rt.bodyMax = u.rt.s.MaxBodyBytes
}

// probe adds a route that answers at any time, to anyone.
func (rt *router) probe(pattern string, h handlerFunc) { rt.add(pattern, h) }

// public adds a route open to anyone once startup is done.
func (rt *router) public(pattern string, h handlerFunc) { rt.add(pattern, rt.s.whenReady(h)) }

// admin adds a route for a signed-in ADMIN, once startup is done.
// Its answers are never stored by a cache: they hold what only an ADMIN
// may see.
func (rt *router) admin(pattern string, h handlerFunc) {
	rt.add(pattern, rt.s.whenReady(noStore(rt.s.requireRole(smmm.RoleAdmin, h))))
}

// noStore marks an answer as not to be kept by any cache: answers for an
// ADMIN, and those that echo personal data (the public forms' posts; the
// auth routes set it themselves).
func noStore(next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Cache-Control", "no-store")
		return next(w, r)
	}
}

func (rt *router) add(pattern string, h handlerFunc) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		panic("web: route " + pattern + " has no method")
	}
	// Upload bodies are not read ahead: they may be large.
	rt.mux.Handle(pattern, limitBody(rt.s.adapt(h), rt.s, rt.bodyMax, rt.bodyMax <= rt.s.MaxBodyBytes))
	if _, seen := rt.methods[path]; !seen {
		rt.paths = append(rt.paths, path)
	}
	rt.methods[path] = append(rt.methods[path], method)
	rt.patterns = append(rt.patterns, pattern)
}

// finish answers every other method of a registered path with a JSON 405
// whose Allow header lists the registered ones, anything else under /api
// with a JSON 404, and the rest of the site with a 404 page. The 405s are
// registered per method, not for the bare path: "/a/reorder" for any
// method would conflict with "PATCH /a/{id}" in a ServeMux.
func (rt *router) finish() {
	for _, path := range rt.paths {
		allow := allowHeader(rt.methods[path])
		for _, m := range fallbackMethods {
			if slices.Contains(rt.methods[path], m) {
				continue
			}
			rt.fallback(m+" "+path, func(w http.ResponseWriter, r *http.Request) error {
				w.Header().Set("Allow", allow)
				return &httpError{code: codeMethodNotAllowed, message: r.Method + " is not allowed here; use " + allow}
			})
		}
	}
	rt.fallback("/api/", func(http.ResponseWriter, *http.Request) error { return errNotFoundRoute })
	rt.fallback("/", rt.s.handleNotFoundPage)
}

// fallbackMethods are the methods answered with 405 on a registered path
// that does not take them (GET covers HEAD). Others get the 404 of a path
// with no route.
var fallbackMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// fallback adds a pattern that answers what no route does.
func (rt *router) fallback(pattern string, h handlerFunc) {
	rt.mux.Handle(pattern, rt.s.adapt(h))
	rt.patterns = append(rt.patterns, pattern)
	rt.fallbacks[pattern] = true
}

// methodOrder is the order of methods in an Allow header.
var methodOrder = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}

// allowHeader lists methods in methodOrder, with HEAD wherever GET is
// (ServeMux answers HEAD with the GET handler).
func allowHeader(methods []string) string {
	var out []string
	for _, m := range methodOrder {
		if slices.Contains(methods, m) || m == "HEAD" && slices.Contains(methods, "GET") {
			out = append(out, m)
		}
	}
	return strings.Join(out, ", ")
}

// adapt turns a handlerFunc into an http.Handler that answers the error it
// returns.
func (s *server) adapt(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// whenReady answers 503 "starting" until startup (migrations, seed) is done.
func (s *server) whenReady(next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.Ready() {
			return errStarting
		}
		return next(w, r)
	}
}
