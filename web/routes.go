package web

import (
	"log/slog"
	"net/http"
)

// addRoutes lists every route of the site.
func addRoutes(mux *http.ServeMux, cfg Config) {
	logger, st := cfg.Logger, cfg.Store
	admin := cfg.RequireAdmin
	ready := func(h http.Handler) http.Handler { return whenReady(h, cfg.Ready, logger) }

	// Probes: cheap, unauthenticated, answered even while starting.
	mux.Handle("GET /livez", handleLivez())
	mux.Handle("GET /readyz", handleReadyz(cfg.DB, cfg.Ready, cfg.Draining))
	mux.Handle("GET /api/health", handleHealth(cfg.DB))

	// Contact messages: the public form posts, admins read and manage.
	mux.Handle("POST /api/contact-messages", ready(handleContactMessageCreate(logger, st)))
	mux.Handle("GET /api/contact-messages", ready(admin(handleContactMessageList(logger, st))))
	mux.Handle("PATCH /api/contact-messages", ready(admin(handleContactMessageUpdate(logger, st))))
	mux.Handle("DELETE /api/contact-messages", ready(admin(handleContactMessageDelete(logger, st))))
	mux.Handle("PATCH /api/contact-messages/{id}", ready(admin(handleContactMessageUpdate(logger, st))))
	mux.Handle("DELETE /api/contact-messages/{id}", ready(admin(handleContactMessageDelete(logger, st))))
	mux.Handle("/api/contact-messages", methodNotAllowed(logger, "GET, HEAD, POST, PATCH, DELETE"))
	mux.Handle("/api/contact-messages/{id}", methodNotAllowed(logger, "PATCH, DELETE"))

	// About content: public read, admin write.
	mux.Handle("GET /api/content/about", ready(handleAboutGet(logger, st)))
	mux.Handle("POST /api/content/about", ready(admin(handleAboutPut(logger, st))))
	mux.Handle("DELETE /api/content/about", ready(admin(handleAboutReset(logger, st))))
	mux.Handle("/api/content/about", methodNotAllowed(logger, "GET, HEAD, POST, DELETE"))

	// Database diagnostics for administrators.
	mux.Handle("GET /api/admin/db/stats", admin(handleDBStats(logger, cfg.DB)))
	mux.Handle("GET /api/admin/db/slow-queries", admin(handleSlowQueries(logger, cfg.DB)))

	// Metrics, unless they have their own listener.
	if cfg.Metrics != nil && !cfg.MetricsOff {
		mux.Handle("GET /metrics", guardMetrics(cfg.Metrics.Handler(), cfg.MetricsToken, logger))
	}

	// Anything else under /api is a JSON 404, not the mux's text one.
	mux.Handle("/api/", handleNotFound(logger))
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
