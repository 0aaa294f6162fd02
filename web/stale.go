package web

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// keepEvery is how often a public GET's answer is copied into lastGood:
// at most once a second per path, so that the hot path copies nothing
// most of the time.
const keepEvery = time.Second

// lastGood keeps the last answer of each public content GET, so that while
// the database cannot be reached the public site's reads still answer 200
// with it, for up to staleMaxAge, marked as stale (Age and X-Smmm-Stale:
// true), as the pages do. Writes are never served from it: they answer 503.
type lastGood struct {
	mu      sync.Mutex
	answers map[string]goodAnswer // by path
}

type goodAnswer struct {
	body []byte
	at   time.Time
}

// servedStale wraps the public GET h: a 200 for a visitor without a
// session is kept; when h fails because the database cannot be reached
// (unreachable), a visitor without a session gets the kept answer instead,
// if it is at most staleMaxAge old. Signed-in users (an ADMIN sees every
// row) are neither kept nor served from it.
func (s *server) servedStale(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := r.Cookie(CookieName); err == nil {
			return h(w, r)
		}
		var err error
		if _, at, ok := s.lastGood.get(r.URL.Path); ok && s.Now().Sub(at) < keepEvery {
			err = h(w, r) // the kept copy is recent: answer without copying
		} else {
			rec := &teeWriter{ResponseWriter: w, status: http.StatusOK}
			if err = h(rec, r); err == nil && rec.status == http.StatusOK && w.Header().Get("Cache-Control") != "no-store" {
				s.lastGood.put(r.URL.Path, rec.body.Bytes(), s.Now())
			}
		}
		if err == nil || !unreachable(err) {
			return err
		}
		body, at, ok := s.lastGood.get(r.URL.Path)
		age := s.Now().Sub(at)
		if !ok || age > staleMaxAge {
			return err
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Age", strconv.Itoa(int(age.Seconds())))
		w.Header().Set("X-Smmm-Stale", "true")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body) // the status is sent; an error means the client left
		return nil
	}
}

func (g *lastGood) put(path string, body []byte, at time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.answers == nil {
		g.answers = map[string]goodAnswer{}
	}
	g.answers[path] = goodAnswer{body: bytes.Clone(body), at: at}
}

func (g *lastGood) get(path string) ([]byte, time.Time, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	a, ok := g.answers[path]
	return a.body, a.at, ok
}

// teeWriter passes an answer on and keeps a copy of its status and body.
type teeWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (t *teeWriter) WriteHeader(status int) {
	t.status = status
	t.ResponseWriter.WriteHeader(status)
}

func (t *teeWriter) Write(p []byte) (int, error) {
	t.body.Write(p)
	return t.ResponseWriter.Write(p)
}
