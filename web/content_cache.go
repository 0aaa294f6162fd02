package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"smmm"
	"smmm/db"
	"smmm/store"
)

// DefaultContentMaxAge is how long the pages reuse the content they read
// when Config.ContentMaxAge is 0: a change made through another instance
// shows within this time.
const DefaultContentMaxAge = time.Second

// staleMaxAge is how old the last good content may be and still be served
// while the database cannot be reached (unavailable, pool exhausted, query
// timeout); past it, pages answer 503.
const staleMaxAge = time.Hour

// retryAfterFailure is how long, after a failed refresh, requests are
// served the last good content without trying the database again.
const retryAfterFailure = time.Second

// siteContent is everything the public pages show, read in one go: only
// what the public sees (active rows, the defaults of empty tables), images
// as /media links.
type siteContent struct {
	Info         siteInfo
	Hero         []smmm.HeroSlide
	Services     []smmm.Service
	About        smmm.AboutSection // with its active features only
	Workflow     []smmm.WorkflowStep
	Pricing      []smmm.PricingPlan
	Testimonials []smmm.Testimonial
	Team         []smmm.TeamMember
	Clients      []smmm.ClientLogo
	FAQ          []faqGroup

	loaded time.Time // when it was read
	gen    uint64    // the cache generation it was read in

	renderMu sync.Mutex        // guards pages
	pages    map[string][]byte // pages rendered from this content, by key
}

// rendered returns the page kept under key, rendering it with render the
// first time. Concurrent first requests may each render it; one result is
// kept.
func (sc *siteContent) rendered(key string, render func() ([]byte, error)) ([]byte, error) {
	sc.renderMu.Lock()
	b, ok := sc.pages[key]
	sc.renderMu.Unlock()
	if ok {
		return b, nil
	}
	b, err := render()
	if err != nil {
		return nil, err
	}
	sc.renderMu.Lock()
	defer sc.renderMu.Unlock()
	if sc.pages == nil {
		sc.pages = map[string][]byte{}
	}
	sc.pages[key] = b
	return b, nil
}

// faqGroup is a category with its questions, in order.
type faqGroup struct {
	Category smmm.FAQCategory
	Items    []smmm.FAQ
}

// siteInfo is the office's details as pages show them.
type siteInfo struct {
	Name, Description  string
	Phone              string
	PhoneHref          template.URL // "tel:" and the digits: safe, which html/template cannot know of tel:
	Email, Address     string
	MapURL             string // a link to the map, never embedded
	Favicon, BrandIcon string // /media URLs or ""
	Social             []socialLink
}

// socialLink is a link to one of the office's profiles elsewhere.
type socialLink struct{ Name, URL string }

// contentCache keeps the last siteContent read. A write through this
// instance (invalidate) makes the next page read again at once; otherwise
// the content is reused for maxAge, so that writes through other
// instances show within it. When a read fails because the database cannot
// be reached, the last good content is served for up to staleMaxAge.
type contentCache struct {
	load   func(context.Context) (*siteContent, error)
	now    func() time.Time
	maxAge time.Duration

	loading sync.Mutex // held by the one request that reads the content

	mu       sync.Mutex // guards the fields below
	cur      *siteContent
	gen      uint64
	failedAt time.Time
}

func newContentCache(s *server) *contentCache {
	return &contentCache{load: s.loadContent, now: s.Now, maxAge: s.ContentMaxAge}
}

// invalidate makes the next get read the content again. Content being read
// while it is called is not reused.
func (c *contentCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}

// last returns the last content read, or the defaults when there is none
// yet, without reading anything: for error pages.
func (c *contentCache) last() *siteContent {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil {
		return c.cur
	}
	return defaultContent()
}

// get returns content no older than maxAge and read after the last
// invalidate. When reading fails because the database cannot be reached,
// it returns the last good content instead, with stale set, as long as that
// is at most staleMaxAge old.
func (c *contentCache) get(ctx context.Context) (sc *siteContent, stale bool, err error) {
	if sc, stale, ok := c.cached(); ok {
		return sc, stale, nil
	}
	if !c.loading.TryLock() {
		// Another request is reading: rather than queue behind it (for as
		// long as a query may take when the database is slow), serve the
		// copy it is replacing, unless a write made that copy wrong.
		if sc, ok := c.previous(); ok {
			return sc, false, nil
		}
		c.loading.Lock()
	}
	defer c.loading.Unlock()
	if sc, stale, ok := c.cached(); ok { // read by another request meanwhile
		return sc, stale, nil
	}
	c.mu.Lock()
	gen, prev := c.gen, c.cur
	c.mu.Unlock()
	start := c.now()
	sc, err = c.load(ctx)
	if err != nil {
		if prev != nil && unreachable(err) && start.Sub(prev.loaded) <= staleMaxAge {
			c.mu.Lock()
			c.failedAt = start
			c.mu.Unlock()
			return prev, true, nil
		}
		return nil, false, err
	}
	sc.loaded, sc.gen = start, gen
	c.mu.Lock()
	c.cur, c.failedAt = sc, time.Time{}
	c.mu.Unlock()
	return sc, false, nil
}

// cached returns the content when it may be served without reading: fresh,
// or stale right after a failed read.
func (c *contentCache) cached() (sc *siteContent, stale, ok bool) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.cur == nil:
		return nil, false, false
	case c.cur.gen == c.gen && now.Sub(c.cur.loaded) < c.maxAge:
		return c.cur, false, true
	case !c.failedAt.IsZero() && now.Sub(c.failedAt) < retryAfterFailure && now.Sub(c.cur.loaded) <= staleMaxAge:
		return c.cur, true, true
	}
	return nil, false, false
}

// previous returns the last content read when no write has been made
// through this instance since and it is at most staleMaxAge old.
func (c *contentCache) previous() (*siteContent, bool) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur == nil || c.cur.gen != c.gen || now.Sub(c.cur.loaded) > staleMaxAge {
		return nil, false
	}
	return c.cur, true
}

// unreachable reports whether err means the database could not be reached
// or did not answer in time, rather than that the request was wrong.
func unreachable(err error) bool {
	switch db.KindOf(err) {
	case db.KindUnavailable, db.KindPoolTimeout, db.KindQueryTimeout:
		return true
	}
	return false
}

// loadContent reads everything the public pages show, as the API's public
// GETs answer it.
func (s *server) loadContent(ctx context.Context) (*siteContent, error) {
	sc := &siteContent{}
	settings, err := s.store.SiteSettings(ctx)
	if errors.Is(err, db.ErrNotFound) {
		settings, err = defaultSiteSettings(), nil
	}
	if err != nil {
		return nil, err
	}
	linkImages("site-settings", &settings)
	sc.Info = newSiteInfo(settings)
	if sc.About, err = s.store.About(ctx); errors.Is(err, db.ErrNotFound) {
		sc.About, err = defaultAbout(), nil
	}
	if err != nil {
		return nil, err
	}
	linkImages("about", &sc.About)
	sc.About.Features = slices.DeleteFunc(sc.About.Features, func(f smmm.AboutFeature) bool { return !f.IsActive })
	var faqs []smmm.FAQ
	for _, load := range []func() error{
		func() (err error) {
			sc.Hero, err = publicRows(ctx, "hero", s.store.HeroSlides(), smmm.DefaultHeroSlides)
			return
		},
		func() (err error) {
			sc.Services, err = publicRows(ctx, "services", s.store.Services(), smmm.DefaultServices)
			return
		},
		func() (err error) {
			sc.Workflow, err = publicRows(ctx, "workflow", s.store.WorkflowSteps(), smmm.DefaultWorkflowSteps)
			return
		},
		func() (err error) {
			sc.Pricing, err = publicRows(ctx, "pricing", s.store.PricingPlans(), smmm.DefaultPricingPlans)
			return
		},
		func() (err error) {
			sc.Testimonials, err = publicRows(ctx, "testimonials", s.store.Testimonials(), smmm.DefaultTestimonials)
			return
		},
		func() (err error) {
			sc.Team, err = publicRows(ctx, "team", s.store.TeamMembers(), smmm.DefaultTeamMembers)
			return
		},
		func() (err error) { sc.Clients, err = publicRows(ctx, "clients", s.store.ClientLogos(), nil); return },
		func() (err error) { faqs, err = publicRows(ctx, "faq", s.store.FAQs(), smmm.DefaultFAQs); return },
	} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	sc.FAQ = groupFAQs(faqs)
	return sc, nil
}

// publicRows is what the public GET of a collection answers: its active
// rows in order with images as links, or defaults() while the table has
// no rows at all.
func publicRows[T any, P smmm.Content[T]](ctx context.Context, kind string, c store.Collection[T, P], defaults func() []T) ([]T, error) {
	list, err := c.List(ctx, false)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 && defaults != nil {
		empty, err := c.Empty(ctx)
		if err != nil {
			return nil, err
		}
		if empty {
			list = defaults()
		}
	}
	for i := range list {
		linkImages(kind, P(&list[i]))
	}
	return list, nil
}

// groupFAQs puts questions under their categories, categories in their
// order; a question without a category is left out.
func groupFAQs(faqs []smmm.FAQ) []faqGroup {
	var groups []faqGroup
	at := map[string]int{}
	for _, f := range faqs {
		if f.Category == nil {
			continue
		}
		i, ok := at[f.Category.ID]
		if !ok {
			i = len(groups)
			at[f.Category.ID] = i
			groups = append(groups, faqGroup{Category: *f.Category})
		}
		groups[i].Items = append(groups[i].Items, f)
	}
	slices.SortStableFunc(groups, func(a, b faqGroup) int { return a.Category.Order - b.Category.Order })
	return groups
}

// newSiteInfo prepares the office's details for pages: links only where
// they are http(s) URLs, a phone link of its digits, a map link from the
// coordinates or the embed URL.
func newSiteInfo(v smmm.SiteSettings) siteInfo {
	in := siteInfo{Name: v.SiteName, Description: text(v.SiteDescription), Email: text(v.Email), Address: text(v.Address),
		Phone: text(v.Phone), Favicon: imageSrc(v.Favicon), BrandIcon: imageSrc(v.BrandIcon)}
	if in.Name == "" {
		in.Name = smmm.DefaultSiteSettings().SiteName
	}
	if in.Phone != "" {
		in.PhoneHref = template.URL("tel:" + strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r == '+' {
				return r
			}
			return -1
		}, in.Phone))
	}
	if in.Email != "" && !smmm.ValidEmail(in.Email) {
		in.Email = ""
	}
	lat, errLat := strconv.ParseFloat(text(v.MapLatitude), 64)
	lng, errLng := strconv.ParseFloat(text(v.MapLongitude), 64)
	switch {
	case errLat == nil && errLng == nil && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180:
		in.MapURL = "https://www.openstreetmap.org/?mlat=" + strconv.FormatFloat(lat, 'f', -1, 64) +
			"&mlon=" + strconv.FormatFloat(lng, 'f', -1, 64) + "#map=16/" + strconv.FormatFloat(lat, 'f', -1, 64) + "/" + strconv.FormatFloat(lng, 'f', -1, 64)
	case strings.HasPrefix(linkHref(v.MapEmbedURL), "https://"):
		in.MapURL = *v.MapEmbedURL
	case in.Address != "":
		in.MapURL = "https://www.openstreetmap.org/search?query=" + url.QueryEscape(in.Address)
	}
	for _, l := range []struct {
		name string
		v    *string
	}{{"Facebook", v.FacebookURL}, {"X (Twitter)", v.TwitterURL}, {"LinkedIn", v.LinkedinURL}, {"Instagram", v.InstagramURL}, {"YouTube", v.YoutubeURL}} {
		if u := linkHref(l.v); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			in.Social = append(in.Social, socialLink{Name: l.name, URL: u})
		}
	}
	return in
}

// defaultContent is what pages show before any content was read: the
// built-in defaults, for error pages while the database is away.
func defaultContent() *siteContent {
	return &siteContent{Info: newSiteInfo(defaultSiteSettings())}
}

// invalidateOnWrite wraps the site so that every request that may change
// content (any method but GET, HEAD and OPTIONS under /api/content/) makes
// the pages read the content again once it is answered.
func (c *contentCache) invalidateOnWrite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/content/") {
			c.invalidate()
		}
	})
}
