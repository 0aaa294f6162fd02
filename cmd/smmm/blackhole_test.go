package main

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// hole is a TCP proxy to a database server that can drop every byte, both
// ways, without closing anything: a firewall dropping packets, a dead host.
type hole struct {
	ln     net.Listener
	target string
	holed  atomic.Bool
	mu     sync.Mutex
	conns  map[net.Conn]bool // client side -> blackholed while open
	wg     sync.WaitGroup
}

// newHole proxies to the host of rawURL and returns the URL through it.
func newHole(t *testing.T, rawURL string) (*hole, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &hole{ln: ln, target: u.Host, conns: map[net.Conn]bool{}}
	h.wg.Add(1)
	go h.serve()
	t.Cleanup(func() {
		ln.Close()
		h.mu.Lock()
		for c := range h.conns {
			c.Close()
		}
		h.mu.Unlock()
		done := make(chan struct{})
		go func() { h.wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the proxy's goroutines still run 10s after its connections closed")
		}
	})
	u.Host = ln.Addr().String()
	return h, u.String()
}

func (h *hole) serve() {
	defer h.wg.Done()
	for {
		c, err := h.ln.Accept()
		if err != nil {
			return
		}
		h.mu.Lock()
		h.conns[c] = h.holed.Load()
		h.mu.Unlock()
		h.wg.Add(1)
		go h.forward(c)
	}
}

// dropping reports whether c's bytes are dropped now.
func (h *hole) dropping(c net.Conn) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.conns[c]
}

func (h *hole) forward(c net.Conn) {
	defer h.wg.Done()
	defer func() {
		h.mu.Lock()
		delete(h.conns, c)
		h.mu.Unlock()
		c.Close()
	}()
	var s net.Conn
	if !h.dropping(c) {
		var err error
		if s, err = net.DialTimeout("tcp", h.target, 5*time.Second); err != nil {
			return
		}
		defer s.Close()
	}
	pump := func(dst, src net.Conn) {
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 && dst != nil && !h.dropping(c) {
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	done := make(chan struct{}, 2)
	go func() { pump(s, c); done <- struct{}{} }()
	if s != nil {
		go func() { pump(c, s); done <- struct{}{} }()
	}
	<-done
	c.Close()
	if s != nil {
		s.Close()
		<-done
	}
}

// Blackhole starts dropping every byte of every connection, old and new.
func (h *hole) Blackhole() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.holed.Store(true)
	for c := range h.conns {
		h.conns[c] = true
	}
}

// Heal forwards new connections again; the blackholed ones, whose bytes
// were lost, are closed, as their peers would reset them.
func (h *hole) Heal() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.holed.Store(false)
	for c, dropped := range h.conns {
		if dropped {
			c.Close()
		}
	}
}

// TestServeThroughBlackhole is issue 13's scenario, end to end: serve with
// socket_timeout=3&pool_timeout=2, and the network to the database starts
// dropping every packet. The contact form's POSTs (rate-limit counter, then
// the insert) and the health check answer within about 6 s, with 503 or 504
// (the health check may repeat its last result), never 500; the public read
// answers its last good answer, 200 marked stale, as quickly; once the
// network heals, as many
// requests as the pool has connections succeed at once within about a
// second.
func TestServeThroughBlackhole(t *testing.T) {
	for _, d := range []db.Dialect{db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			proxy, dbURL := newHole(t, dbtest.URL(t, d, "socket_timeout=3", "pool_timeout=2", "connection_limit=3"))
			env := map[string]string{"DATABASE_URL": dbURL, "CONTACT_RATE_LIMIT": "100000/h",
				"ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
			base, _, _ := startServe(t, env)
			client := &http.Client{Timeout: 30 * time.Second}
			type request struct{ method, path, body string }
			post := request{"POST", "/api/contact-messages", `{"name":"Ann Lee","email":"ann@example.com","phone":"+90 532 000 00 00","subject":"Tax advice","message":"Hello, I would like to talk."}`}
			get := request{"GET", "/api/content/about", ""}
			send := func(r request) (int, bool, time.Duration, error) {
				start := time.Now()
				req, err := http.NewRequest(r.method, base+r.path, strings.NewReader(r.body))
				if err != nil {
					return 0, false, 0, err
				}
				if r.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				res, err := client.Do(req)
				if err != nil {
					return 0, false, time.Since(start), err
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				return res.StatusCode, res.Header.Get("X-Smmm-Stale") == "true", time.Since(start), nil
			}
			for _, r := range []request{get, post} {
				if code, _, _, err := send(r); err != nil || code >= 300 {
					t.Fatalf("%s %s before the blackhole: %d %v", r.method, r.path, code, err)
				}
			}

			proxy.Blackhole()
			requests := []request{post, post, post, post, post, get, get, get, {"GET", "/api/health", ""}}
			var wg sync.WaitGroup
			for _, r := range requests {
				wg.Go(func() {
					code, stale, took, err := send(r)
					switch {
					case err != nil:
						t.Errorf("%s %s: %v after %s", r.method, r.path, err, took)
					case took > 6500*time.Millisecond:
						t.Errorf("%s %s = %d after %s, want within about 6s", r.method, r.path, code, took)
					case r == get:
						// The public read answers its last good answer.
						if code != http.StatusOK || !stale {
							t.Errorf("%s %s = %d (stale %v) after %s, want 200 marked stale", r.method, r.path, code, stale, took)
						}
					case r.path == "/api/health" && code == http.StatusOK:
						// A health check that ran a moment ago is answered again.
						t.Logf("%s %s = %d after %s", r.method, r.path, code, took)
					case code != http.StatusServiceUnavailable && code != http.StatusGatewayTimeout:
						t.Errorf("%s %s = %d after %s, want 503 or 504", r.method, r.path, code, took)
					default:
						t.Logf("%s %s = %d after %s", r.method, r.path, code, took)
					}
				})
			}
			wg.Wait() // each request is bounded by its client's 30 s

			healed := time.Now()
			proxy.Heal()
			for {
				var ok atomic.Int64
				var round sync.WaitGroup
				for range 3 { // as many as the pool has connections
					round.Go(func() {
						if code, _, _, err := send(post); err == nil && code == http.StatusCreated {
							ok.Add(1)
						}
					})
				}
				round.Wait()
				if ok.Load() == 3 {
					break
				}
				if time.Since(healed) > 5*time.Second {
					t.Fatalf("requests still fail 5s after the network healed")
				}
				time.Sleep(50 * time.Millisecond)
			}
			took := time.Since(healed)
			t.Logf("every connection serves again %s after the network healed", took)
			if took > 1500*time.Millisecond {
				t.Errorf("the pool served again %s after the network healed, want about a second", took)
			}
		})
	}
}
