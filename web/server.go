// Package web is smmm's HTTP layer: the route table, JSON encoding and
// decoding, the one place where errors become status codes, and the
// middleware every request passes through. It holds no SQL: handlers call
// store, which calls db.
package web

import (
	"log/slog"
	"net/http"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// Config holds what the server needs. Logger, DB and Store are required.
type Config struct {
	Logger *slog.Logger
	DB     *db.DB
	Store  *store.Store

	// Ready reports whether startup (migrations, seed) is done; until it
	// is, /readyz and the API answer 503. Nil means always ready.
	Ready func() bool
	// RequireAdmin wraps every admin-only route: it lets the request
	// through only for a signed-in ADMIN. Nil refuses every request with
	// 401, so that an unwired server never exposes admin routes.
	RequireAdmin func(http.Handler) http.Handler
	// Sessions signs users in and out (/api/auth/*), throttles the contact
	// form per client address and refuses cross-origin writes. When
	// RequireAdmin is nil it becomes Sessions.RequireRole(smmm.RoleAdmin).
	// Nil leaves out the auth routes, the throttle and the cross-origin
	// check (tests of other features).
	Sessions *auth.Sessions
	// Draining, when it returns true, makes /readyz answer 503 so that a
	// load balancer stops sending traffic while the process shuts down.
	Draining func() bool
	// MaxBodyBytes limits request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Metrics, if set, records request durations and is served on
	// /metrics (see MetricsToken).
	Metrics *Metrics
	// MetricsToken, if set, lets a client that sends it as a bearer token
	// read /metrics on this listener; loopback clients need none. With
	// MetricsOff the main listener does not serve /metrics at all (it has
	// its own listener, METRICS_ADDR).
	MetricsToken string
	MetricsOff   bool
	// Now returns the current time; nil means time.Now. Tests set it.
	Now func() time.Time
}

// DefaultMaxBodyBytes is the request body limit when Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 64 << 10

// NewServer returns the handler for every route of the site. Middleware runs
// in this order: request id, recover, access log (and metrics), cross-origin
// protection (with Sessions), body limit.
func NewServer(cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	mux := http.NewServeMux()
	addRoutes(mux, cfg)

	var h http.Handler = mux
	h = limitBody(h, cfg.MaxBodyBytes)
	if cfg.Sessions != nil {
		h = cfg.Sessions.CrossOrigin(h)
	}
	h = accessLog(h, cfg.Logger, cfg.Metrics)
	h = recoverPanics(h, cfg.Logger)
	h = requestID(h)
	h = securityHeaders(h)
	return h
}

// withDefaults fills the optional fields of cfg.
func (cfg Config) withDefaults() Config {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.RequireAdmin == nil && cfg.Sessions != nil {
		cfg.RequireAdmin = cfg.Sessions.RequireRole(smmm.RoleAdmin)
	}
	if cfg.RequireAdmin == nil {
		cfg.RequireAdmin = func(http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				writeError(w, r, cfg.Logger, errNoAuth)
			})
		}
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
	return cfg
}
