package web

import (
	"context"
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
	// StorageFull: the database answers but cannot store anything.
	StorageFull bool `json:"storageFull,omitempty"`
}

// healthCheck reuses a db.Health result for healthCacheFor, whatever the
// number of probes: load balancers and orchestrators polling every instance
// cannot hammer the database through them. Concurrent probes that find no
// fresh result share one check, which stores its result before any of them
// wakes, each waiting only as long as its own request allows.
type healthCheck struct {
	d   *db.DB
	now func() time.Time

	mu       sync.Mutex
	at       time.Time
	last     db.Health
	inflight chan struct{} // closed when the check in flight has stored its result
}

// healthCacheFor is how long a health result is reused.
const healthCacheFor = 500 * time.Millisecond

func (c *healthCheck) check(ctx context.Context) db.Health {
	c.mu.Lock()
	if now := c.now(); !c.at.IsZero() && now.Sub(c.at) < healthCacheFor && !now.Before(c.at) {
		h := c.last
		c.mu.Unlock()
		return h
	}
	if c.inflight == nil {
		// The check stores its result before waking anyone, so that a probe
		// arriving just after finds it fresh. It does not run under ctx:
		// this caller leaving must not fail the others.
		done := make(chan struct{})
		c.inflight = done
		go func() {
			h := c.d.Health(context.WithoutCancel(ctx))
			c.mu.Lock()
			c.at, c.last, c.inflight = c.now(), h, nil
			c.mu.Unlock()
			close(done)
		}()
	}
	done := c.inflight
	c.mu.Unlock()
	select {
	case <-done:
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.last
	case <-ctx.Done():
		return db.Health{Err: ctx.Err()}
	}
}

func checkDB(r *http.Request, c *healthCheck) (healthResponse, bool) {
	h := c.check(r.Context())
	res := healthResponse{Status: "ok", DB: dbHealth{OK: h.OK, LatencyMs: float64(h.Latency.Microseconds()) / 1000}}
	if !h.OK {
		res.Status = "unavailable"
		// A short class, never the driver's text: that goes to the log.
		res.DB.Error = db.KindOf(h.Err).String()
	} else if h.StorageFull {
		res.Status = "storage_full"
		res.DB.StorageFull = true
		res.DB.Error = db.KindStorageFull.String()
	}
	return res, h.OK
}

// handleHealth answers 200 when startup is done and the database answers a
// SELECT 1 within db.HealthTimeout; 503 with Retry-After otherwise, with
// status "starting" until startup (migrations, seed) is done, so that a
// plain health checker never sends traffic that would get 503 "starting".
// Results are reused for healthCacheFor.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	if !s.Ready() {
		w.Header().Set("Retry-After", "1")
		encode(w, http.StatusServiceUnavailable, healthResponse{Status: "starting"})
		return nil
	}
	s.writeDBHealth(w, r, false)
	return nil
}

// handleLivez answers 200 while the process can serve HTTP at all; it does
// not touch the database, so a database outage does not get us restarted.
func (s *server) handleLivez(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	encode(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// handleReadyz answers 200 when this instance should get traffic: the
// startup (migrations, seed) is done, the database answers and the process
// is not shutting down.
func (s *server) handleReadyz(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case s.Draining():
		w.Header().Set("Retry-After", "5")
		encode(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return nil
	case !s.Ready():
		w.Header().Set("Retry-After", "1")
		encode(w, http.StatusServiceUnavailable, map[string]string{"status": "starting"})
		return nil
	}
	s.writeDBHealth(w, r, true)
	return nil
}

// writeDBHealth answers the (possibly cached) database check: 200, or 503
// with Retry-After. A database whose storage is full answers reads but
// fails every write: /api/health says so with 507 "storage_full", while
// readiness stays 200, with the same status in its body:
// taking the instance out of rotation would fail the reads too, and the
// writes that show space has returned would never come.
func (s *server) writeDBHealth(w http.ResponseWriter, r *http.Request, readiness bool) {
	res, ok := checkDB(r, s.health)
	switch {
	case !ok:
		w.Header().Set("Retry-After", "5")
		encode(w, http.StatusServiceUnavailable, res)
	case res.DB.StorageFull && !readiness:
		encode(w, http.StatusInsufficientStorage, res)
	default:
		encode(w, http.StatusOK, res)
	}
}
