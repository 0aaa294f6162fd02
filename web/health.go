package web

import (
	"log/slog"
	"net/http"

	"smmm/db"
)

// healthResponse is the body of /api/health and /readyz.
type healthResponse struct {
	Status string   `json:"status"`
	DB     dbHealth `json:"db"`
}

type dbHealth struct {
	OK        bool    `json:"ok"`
	LatencyMs float64 `json:"latencyMs"`
	Error     string  `json:"error,omitempty"`
}

func checkDB(r *http.Request, d *db.DB) (healthResponse, bool) {
	h := d.Health(r.Context())
	res := healthResponse{Status: "ok", DB: dbHealth{OK: h.OK, LatencyMs: float64(h.Latency.Microseconds()) / 1000}}
	if !h.OK {
		res.Status = "unavailable"
		// A short class, never the driver's text: that goes to the log.
		res.DB.Error = db.KindOf(h.Err).String()
	}
	return res, h.OK
}

// handleHealth answers 200 when the database answers a SELECT 1 within
// db.HealthTimeout, 503 with Retry-After otherwise.
func handleHealth(d *db.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, ok := checkDB(r, d)
		w.Header().Set("Cache-Control", "no-store")
		if !ok {
			w.Header().Set("Retry-After", "5")
			encode(w, http.StatusServiceUnavailable, res)
			return
		}
		encode(w, http.StatusOK, res)
	})
}

// handleLivez answers 200 while the process can serve HTTP at all; it does
// not touch the database, so a database outage does not get us restarted.
func handleLivez() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		encode(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleReadyz answers 200 when this instance should get traffic: the
// startup (migrations, seed) is done, the database answers and the process
// is not shutting down.
func handleReadyz(d *db.DB, ready, draining func() bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		switch {
		case draining():
			w.Header().Set("Retry-After", "5")
			encode(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
			return
		case !ready():
			w.Header().Set("Retry-After", "1")
			encode(w, http.StatusServiceUnavailable, map[string]string{"status": "starting"})
			return
		}
		res, ok := checkDB(r, d)
		if !ok {
			w.Header().Set("Retry-After", "5")
			encode(w, http.StatusServiceUnavailable, res)
			return
		}
		encode(w, http.StatusOK, res)
	})
}

func handleNotFound(logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, logger, errNotFoundRoute)
	})
}
