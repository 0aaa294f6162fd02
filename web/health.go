package web

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

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

// healthCheck runs db.Health at most once per healthCacheFor, whatever the
// number of probes: load balancers and orchestrators polling every instance
// cannot hammer the database through them.
type healthCheck struct {
	d   *db.DB
	now func() time.Time

	mu   sync.Mutex
	at   time.Time
	last db.Health
}

// healthCacheFor is how long a health result is reused.
const healthCacheFor = 500 * time.Millisecond

func (c *healthCheck) check(ctx context.Context) db.Health {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now := c.now(); c.at.IsZero() || now.Sub(c.at) >= healthCacheFor || now.Before(c.at) {
		// Holding the lock while checking makes concurrent probes share
		// one check instead of each running its own.
		c.last = c.d.Health(ctx)
		c.at = c.now()
	}
	return c.last
}

func checkDB(r *http.Request, c *healthCheck) (healthResponse, bool) {
	h := c.check(r.Context())
	res := healthResponse{Status: "ok", DB: dbHealth{OK: h.OK, LatencyMs: float64(h.Latency.Microseconds()) / 1000}}
	if !h.OK {
		res.Status = "unavailable"
		// A short class, never the driver's text: that goes to the log.
		res.DB.Error = db.KindOf(h.Err).String()
	}
	return res, h.OK
}

// handleHealth answers 200 when the database answers a SELECT 1 within
// db.HealthTimeout, 503 with Retry-After otherwise. Results are reused for
// healthCacheFor.
func handleHealth(d *healthCheck) http.Handler {
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
func handleReadyz(d *healthCheck, ready, draining func() bool) http.Handler {
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
