package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// gate is a TCP proxy to a database server that refuses connections while
// closed: the database "down" and "up" again without touching the server.
type gate struct {
	ln     net.Listener
	target string
	open   atomic.Bool
}

func newGate(t *testing.T, target string) *gate {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &gate{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if !g.open.Load() {
				c.Close()
				continue
			}
			go g.forward(c)
		}
	}()
	return g
}

func (g *gate) forward(c net.Conn) {
	defer c.Close()
	s, err := net.Dial("tcp", g.target)
	if err != nil {
		return
	}
	defer s.Close()
	done := make(chan struct{}, 2)
	go func() { io.Copy(s, c); done <- struct{}{} }()
	go func() { io.Copy(c, s); done <- struct{}{} }()
	<-done
}

// via returns rawURL with its host:port replaced by the gate's.
func (g *gate) via(t *testing.T, rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	g.target = u.Host
	u.Host = g.ln.Addr().String()
	return u.String()
}

func status(t *testing.T, target string) int {
	res, err := (&http.Client{Timeout: 30 * time.Second}).Get(target)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestServeStartsBeforeTheDatabase: with the database down the server
// runs, alive but not ready; when the database comes up it migrates and
// turns ready by itself.
func TestServeStartsBeforeTheDatabase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("an embedded database cannot be down")
		}
		g := newGate(t, "")
		env := map[string]string{"DATABASE_URL": g.via(t, dbtest.URL(t, d)), "PORT": "0",
			"ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
		ctx, cancel := context.WithCancel(context.Background())
		stdout, stderr := &syncBuffer{}, &syncBuffer{}
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"smmm"}, testGetenv(env), strings.NewReader(""), stdout, stderr)
		}()
		defer func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("run = %v", err)
				}
			case <-time.After(time.Minute): // SHUTDOWN_TIMEOUT is 15 s by default
				t.Error("run still running a minute after its context ended")
			}
		}()
		var base string
		for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(5 * time.Millisecond) {
			if m := listeningRE.FindStringSubmatch(stdout.String()); m != nil {
				base = m[1]
			}
			if time.Now().After(deadline) {
				t.Fatalf("not listening after 30s; stderr:\n%s", stderr.String())
			}
		}
		if got := status(t, base+"/livez"); got != 200 {
			t.Errorf("/livez with the database down = %d, want 200", got)
		}
		for _, p := range []string{"/readyz", "/api/health", "/api/content/about"} {
			if got := status(t, base+p); got != 503 {
				t.Errorf("%s with the database down = %d, want 503", p, got)
			}
		}

		g.open.Store(true)
		up := time.Now()
		for status(t, base+"/readyz") != 200 {
			if time.Since(up) > 30*time.Second {
				t.Fatalf("not ready 30s after the database came up; stderr:\n%s", stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Logf("ready %s after the database came up", time.Since(up).Round(time.Millisecond))
		if got := status(t, base+"/api/content/about"); got != 200 {
			t.Errorf("/api/content/about once ready = %d", got)
		}
	})
}

// TestMigrateGivesUp: migrate against a database that stays down retries
// for DB_STARTUP_TIMEOUT, then fails naming what to check.
func TestMigrateGivesUp(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://u:pw-not-shown@127.0.0.1:1/x?connect_timeout=1", "DB_STARTUP_TIMEOUT": "1s"}
	var out syncBuffer
	start := time.Now()
	err := run(context.Background(), []string{"smmm", "migrate"}, testGetenv(env), nil, &out, &out)
	if err == nil {
		t.Fatal("migrate succeeded against a database that is down")
	}
	took := time.Since(start)
	msg := err.Error()
	if !strings.Contains(msg, "DB_STARTUP_TIMEOUT") || !strings.Contains(msg, "127.0.0.1:1") || strings.Contains(msg+out.String(), "pw-not-shown") {
		t.Errorf("error %q: want the target and DB_STARTUP_TIMEOUT named, no password", msg)
	}
	// It stops early rather than sleep past the deadline: by at most one
	// backoff step (waitPolicy.Cap).
	if took < time.Second-waitPolicy.Cap || took > 20*time.Second {
		t.Errorf("gave up after %s, want about DB_STARTUP_TIMEOUT (1s)", took)
	}
}

// TestStartStopCycles: twenty start/stop cycles of serve against a server
// database leave the server's count of our connections where it started.
func TestStartStopCycles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("no server to count connections on")
		}
		dbURL := dbtest.URL(t, d)
		name := dbtest.Name(t, dbURL)
		admin := dbtest.Admin(t, d, dbtest.ServerURL(t, d))
		count := func() int {
			q := `SELECT COUNT(*) FROM pg_stat_activity WHERE datname = $1`
			if d == db.MySQL {
				q = `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?`
			}
			var n int
			if err := admin.QueryRow(q, name).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		env := map[string]string{"DATABASE_URL": dbURL, "ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
		before := count()
		for i := range 20 {
			base, _, stop := startServe(t, env)
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					if got := status(t, base+"/api/content/about"); got != 200 {
						t.Errorf("cycle %d: about = %d", i, got)
					}
				})
			}
			wg.Wait()
			if err := stop(); err != nil {
				t.Fatalf("cycle %d: run = %v", i, err)
			}
		}
		// MariaDB removes a closed session from PROCESSLIST asynchronously.
		deadline := time.Now().Add(5 * time.Second)
		after := count()
		for after != before && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			after = count()
		}
		if after != before {
			t.Errorf("connections to the database: %d before 20 cycles, %d after", before, after)
		}
	})
}

// TestShutdownUnderLoad: stopping the server while clients hammer it
// finishes every request it accepted, with a complete answer; the only
// failures allowed are connections that were never accepted (refused once
// the listener is closed, or reset out of its accept queue).
func TestShutdownUnderLoad(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "file:" + t.TempDir() + "/s.db", "ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
	base, _, stop := startServe(t, env)

	var ok, refused atomic.Int64
	var stopping atomic.Bool
	var wg sync.WaitGroup
	quit := make(chan struct{})
	for range 16 {
		wg.Go(func() {
			client := &http.Client{Timeout: 10 * time.Second}
			for {
				select {
				case <-quit:
					return
				default:
				}
				res, err := client.Get(base + "/api/content/about")
				if err != nil {
					// Connections still in the kernel's accept queue when the
					// listener closes are reset, never served: like a refused
					// connection, no request of theirs was read. Anything
					// else (EOF above all: a connection accepted and then
					// closed unanswered) is a dropped request.
					if stopping.Load() && (errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET)) {
						refused.Add(1)
						continue
					}
					t.Errorf("request failed: %v (stopping: %v)", err, stopping.Load())
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 || !strings.HasSuffix(strings.TrimSpace(string(body)), "}") {
					t.Errorf("incomplete answer: %d, %d bytes, %v", res.StatusCode, len(body), err)
					return
				}
				ok.Add(1)
			}
		})
	}
	for deadline := time.Now().Add(time.Minute); ok.Load() < 200; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("only %d requests answered within a minute", ok.Load())
		}
	}
	stopping.Store(true)
	if err := stop(); err != nil {
		t.Errorf("run = %v, want a clean stop", err)
	}
	close(quit)
	waited := make(chan struct{})
	go func() { wg.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(time.Minute): // each request is bounded by its client's 10 s
		t.Fatal("clients still running a minute after the stop")
	}
	t.Logf("%d requests answered, %d refused after the listener closed", ok.Load(), refused.Load())
}

// TestServeDirectURLSameAsDatabaseURL: a DIRECT_URL equal to DATABASE_URL
// shares the one pool rather than being refused by the registry.
func TestServeDirectURLSameAsDatabaseURL(t *testing.T) {
	url := "file:" + t.TempDir() + "/same.db"
	base, _, stop := startServe(t, map[string]string{"DATABASE_URL": url, "DIRECT_URL": url})
	if got := status(t, base+"/api/content/about"); got != 200 {
		t.Errorf("about = %d, want 200", got)
	}
	if err := stop(); err != nil {
		t.Errorf("run = %v", err)
	}
}

// TestShutdownOneDeadline: the drain and the pool's close share one
// SHUTDOWN_TIMEOUT. An upload whose session check is stuck (waiting for a
// lock another session holds) keeps the drain busy to the deadline.
// Cutting its connection does not end its context (net/http notices a
// client gone only once the body has been read, upload bodies are not read
// ahead, and the session check runs before the handler reads it), so the
// pool's close, its deadline passed, shuts the statement's socket, and
// serve returns within SHUTDOWN_TIMEOUT and a small margin, not two of
// them.
func TestShutdownOneDeadline(t *testing.T) {
	const shutdownTimeout = 2 * time.Second
	for _, d := range []db.Dialect{db.Postgres, db.MySQL} {
		t.Run(d.String(), func(t *testing.T) {
			dbURL := dbtest.URL(t, d, "socket_timeout=60")
			env := map[string]string{"DATABASE_URL": dbURL, "SHUTDOWN_TIMEOUT": shutdownTimeout.String(),
				"ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
			base, _, stop := startServe(t, env)
			login, err := http.Post(base+"/api/auth/login", "application/json",
				strings.NewReader(`{"email":"boss@example.com","password":"boss-password-1"}`))
			if err != nil {
				t.Fatal(err)
			}
			login.Body.Close()
			var cookie *http.Cookie
			for _, c := range login.Cookies() {
				if c.Name == "smmm_session" && c.Value != "" {
					cookie = c
				}
			}
			if cookie == nil {
				t.Fatalf("login = %d without a session cookie", login.StatusCode)
			}
			// Another session locks the table the request reads.
			admin := dbtest.Admin(t, d, dbURL)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			lock, err := admin.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.Close()
			if d == db.MySQL {
				_, err = lock.ExecContext(ctx, `LOCK TABLES "Session" WRITE`)
			} else {
				if _, err = lock.ExecContext(ctx, "BEGIN"); err == nil {
					_, err = lock.ExecContext(ctx, `LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE`)
				}
			}
			if err != nil {
				t.Fatalf("lock: %v", err)
			}
			answered := make(chan struct{})
			go func() {
				defer close(answered)
				body := "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nAbout\r\n--x--\r\n"
				req, err := http.NewRequest("POST", base+"/api/content/about", strings.NewReader(body))
				if err != nil {
					t.Error(err)
					return
				}
				req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
				req.AddCookie(cookie)
				res, err := (&http.Client{Timeout: time.Minute}).Do(req)
				if err == nil {
					res.Body.Close()
				}
			}()
			name := dbtest.Name(t, dbURL)
			q := `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE '%Session%'`
			if d == db.MySQL {
				q = `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND STATE LIKE '%lock%' AND INFO LIKE '%Session%'`
			}
			for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				var n int
				if err := admin.QueryRowContext(ctx, q, name).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n > 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the request's statement never waited for the lock")
				}
			}
			start := time.Now()
			stop()
			took := time.Since(start)
			if took > shutdownTimeout+1500*time.Millisecond {
				t.Errorf("serve stopped %s after its context ended, want within SHUTDOWN_TIMEOUT (%s) and a little", took, shutdownTimeout)
			}
			t.Logf("stopped after %s", took)
			select {
			case <-answered:
			case <-time.After(10 * time.Second):
				t.Error("the stuck request's client still waits 10s after serve stopped")
			}
		})
	}
}
