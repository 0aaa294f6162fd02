package web

import (
	"log/slog"
	"net/http"
)

// addRoutes lists every route of the site and returns their patterns (the
// authorization test walks them all).
func addRoutes(mux *http.ServeMux, cfg Config) []string {
	var patterns []string
	handle := func(pattern string, h http.Handler) {
		mux.Handle(pattern, h)
		patterns = append(patterns, pattern)
	}
	logger, st := cfg.Logger, cfg.Store
	admin := cfg.RequireAdmin
	ready := func(h http.Handler) http.Handler { return whenReady(h, cfg.Ready, logger) }

	// Probes: cheap, unauthenticated, answered even while starting.
	handle("GET /livez", handleLivez())
	health := &healthCheck{d: cfg.DB, now: cfg.Now}
	handle("GET /readyz", handleReadyz(health, cfg.Ready, cfg.Draining))
	handle("GET /api/health", handleHealth(health))

	// Contact messages: the public form posts, admins read and manage.
	limitContact := func(h http.Handler) http.Handler { return h }
	if cfg.Sessions != nil {
		limitContact = cfg.Sessions.LimitContact
	}
	handle("POST /api/contact-messages", ready(limitContact(handleContactMessageCreate(logger, st))))
	handle("GET /api/contact-messages", ready(admin(handleContactMessageList(logger, st))))
	handle("PATCH /api/contact-messages", ready(admin(handleContactMessageUpdate(logger, st))))
	handle("DELETE /api/contact-messages", ready(admin(handleContactMessageDelete(logger, st))))
	handle("PATCH /api/contact-messages/{id}", ready(admin(handleContactMessageUpdate(logger, st))))
	handle("DELETE /api/contact-messages/{id}", ready(admin(handleContactMessageDelete(logger, st))))
	handle("/api/contact-messages", methodNotAllowed(logger, "GET, HEAD, POST, PATCH, DELETE"))
	handle("/api/contact-messages/{id}", methodNotAllowed(logger, "PATCH, DELETE"))

	// About content: public read, admin write.
	handle("GET /api/content/about", ready(handleAboutGet(logger, st)))
	handle("POST /api/content/about", ready(admin(handleAboutPut(logger, st))))
	handle("DELETE /api/content/about", ready(admin(handleAboutReset(logger, st))))
	handle("/api/content/about", methodNotAllowed(logger, "GET, HEAD, POST, DELETE"))

	// Database diagnostics for administrators.
	handle("GET /api/admin/db/stats", admin(handleDBStats(logger, cfg.DB)))
	handle("GET /api/admin/db/slow-queries", admin(handleSlowQueries(logger, cfg.DB)))

	// Metrics, unless they have their own listener.
	if cfg.Metrics != nil && !cfg.MetricsOff {
		handle("GET /metrics", guardMetrics(cfg.Metrics.Handler(), cfg.MetricsToken, logger))
	}

	// Authentication: anyone may try to sign in; the session cookie is set
	// and cleared here.
	if s := cfg.Sessions; s != nil {
		handle("POST /api/auth/login", ready(handleLogin(logger, s)))
		handle("POST /api/auth/logout", ready(handleLogout(logger, s)))
		handle("GET /api/auth/session", ready(handleSession(logger, s)))
		handle("/api/auth/login", methodNotAllowed(logger, "POST"))
		handle("/api/auth/logout", methodNotAllowed(logger, "POST"))
		handle("/api/auth/session", methodNotAllowed(logger, "GET, HEAD"))
	}

	// Anything else under /api is a JSON 404, not the mux's text one.
	handle("/api/", handleNotFound(logger))
	return patterns
}

// methodNotAllowed answers 405 with the Allow header for a known path.
func methodNotAllowed(logger *slog.Logger, allow string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, r, logger, &httpError{http.StatusMethodNotAllowed, "method_not_allowed", r.Method + " is not allowed here; use " + allow})
	})
}

// whenReady answers 503 until startup (migrations, seed) is done.
func whenReady(next http.Handler, ready func() bool, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !ready() {
			w.Header().Set("Retry-After", "1")
			writeError(w, r, logger, errStarting)
			return
		}
		next.ServeHTTP(w, r)
	})
}
