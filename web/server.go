// Package web is smmm's HTTP layer, and the only package that speaks HTTP:
// the route table, JSON encoding and decoding, the one table where error
// codes become statuses, session cookies, the role guard, cross-origin
// protection, throttling and the middleware every request passes through.
// It holds no SQL: handlers call store and auth, which call db.
package web

import (
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// Config holds what the server needs. Logger, DB, Store and Auth are
// required; every other field has a default.
type Config struct {
	Logger *slog.Logger
	DB     *db.DB
	Store  *store.Store
	// Auth signs users in and out, resolves session cookies and decides
	// the throttling of logins and public forms.
	Auth *auth.Service

	// Ready reports whether startup (migrations, seed) is done; until it
	// is, /readyz, /api/health and the API answer 503 "starting". Nil
	// means always ready.
	Ready func() bool
	// Draining, when it returns true, makes /readyz answer 503 so that a
	// load balancer stops sending traffic while the process shuts down.
	Draining func() bool
	// SecureCookies marks the session cookie Secure (HTTPS only); set it
	// in production. The cookie is Secure anyway on a TLS connection, and
	// behind a trusted proxy that reports X-Forwarded-Proto: https.
	SecureCookies bool
	// TrustedProxies are the proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed (TRUSTED_PROXIES); see clientAddr.
	TrustedProxies []netip.Prefix
	// MaxBodyBytes limits request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxUploadBytes limits the bodies of routes that take images or files
	// (content writes, job applications); 0 means DefaultMaxUploadBytes.
	MaxUploadBytes int64
	// Metrics records request durations and is served on /metrics (see
	// MetricsToken); nil means a new, unshared NewMetrics().
	Metrics *Metrics
	// MetricsToken, if set, lets a client that sends it as a bearer token
	// read /metrics on this listener; outside Production, loopback clients
	// need none. With MetricsOff /metrics answers 404 on this listener (it
	// has its own, METRICS_ADDR).
	MetricsToken string
	MetricsOff   bool
	// Production hardens what development leaves open: /metrics on this
	// listener needs MetricsToken, loopback or not (any TCP forwarder on
	// the host, such as stunnel or ssh -L, makes a remote client look
	// local), and answers 404 without one; HTTPS responses carry
	// Strict-Transport-Security.
	Production bool
	// Now returns the current time; nil means time.Now. Tests set it.
	Now func() time.Time
	// ContentMaxAge is how long the public pages reuse the content they
	// read before reading it again; 0 means DefaultContentMaxAge. A write
	// through this server's API makes them read it again at once.
	ContentMaxAge time.Duration
}

// DefaultMaxBodyBytes is the request body limit when Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 256 << 10

// DefaultMaxUploadBytes is the body limit of routes that take files when
// Config.MaxUploadBytes is 0: room for a CV of smmm.MaxCVBytes, or two
// images of smmm.MaxImageBytes, as base64 in JSON with the other fields.
const DefaultMaxUploadBytes = 8 << 20

// server is what handlers share.
type server struct {
	Config
	logger *slog.Logger
	store  *store.Store
	auth   *auth.Service
	health *healthCheck
	pages  *pages
	// lastGood keeps the public content GETs' last answers for when the
	// database cannot be reached (servedStale).
	lastGood lastGood
}

// NewServer returns the handler for every route of the site. Middleware runs
// in this order: closing the connection after a chunked request, HSTS (in
// production over HTTPS), security headers, request id, recover, access log (and
// metrics), cross-origin protection; each route limits its body (MaxBodyBytes,
// or MaxUploadBytes where files are sent). It panics when a required
// field of cfg is nil: that is a wiring mistake, not a condition to serve.
func NewServer(cfg Config) http.Handler {
	s := newServer(cfg)
	if s.Production && !s.MetricsOff && s.MetricsToken == "" {
		s.logger.Warn("/metrics is off: in production it needs METRICS_TOKEN (a bearer token) or METRICS_ADDR (a listener of its own)")
	}
	var h http.Handler = s.routes().mux
	h = s.pages.content.invalidateOnWrite(h)
	h = s.crossOrigin(h)
	h = accessLog(h, s.logger, s.Metrics)
	h = recoverPanics(h, s.logger)
	h = requestID(h)
	h = securityHeaders(h)
	h = s.strictTransport(h)
	h = closeAfterChunked(h)
	return h
}

func newServer(cfg Config) *server {
	switch {
	case cfg.Logger == nil:
		panic("web: Config.Logger is required")
	case cfg.DB == nil:
		panic("web: Config.DB is required")
	case cfg.Store == nil:
		panic("web: Config.Store is required")
	case cfg.Auth == nil:
		panic("web: Config.Auth is required")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.Ready == nil {
		cfg.Ready = func() bool { return true }
	}
	if cfg.Draining == nil {
		cfg.Draining = func() bool { return false }
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics()
	}
	if cfg.ContentMaxAge <= 0 {
		cfg.ContentMaxAge = DefaultContentMaxAge
	}
	s := &server{
		Config: cfg, logger: cfg.Logger, store: cfg.Store, auth: cfg.Auth,
		health: &healthCheck{d: cfg.DB, now: cfg.Now},
	}
	s.pages = newPages(s)
	return s
}
