package web_test

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// TestPersonalDataNotStored: answers that echo what a visitor sent (the
// public forms' posts) or tell who is signed in carry Cache-Control:
// no-store, so that no shared cache or browser history keeps them.
func TestPersonalDataNotStored(t *testing.T) {
	a := newAPI(t, db.SQLite)
	tests := []struct {
		name, method, target string
		body                 any
		admin                bool
		want                 int
	}{
		{"contact", "POST", "/api/contact-messages", row{"name": "Ayşe", "email": "ayse@example.com",
			"phone": "+90 532 000 00 00", "subject": "Vergi", "message": "Merhaba"}, false, 201},
		{"quote", "POST", "/api/quote-requests", row{"name": "Ali Veli", "email": "ali@example.com",
			"phone": "0532 000 00 00", "company": "Veli A.Ş.", "serviceType": "Muhasebe"}, false, 201},
		{"job", "POST", "/api/job-applications", row{"name": "Zeynep", "email": "zeynep@example.com",
			"phone": "+90 555 111 22 33", "position": "Stajyer", "experience": "1 yıl", "education": "Lisans",
			"cvFileName": "cv.pdf", "cvFileData": "data:application/pdf;base64," + base64.StdEncoding.EncodeToString([]byte(pdfBytes))}, false, 201},
		{"contact refused", "POST", "/api/contact-messages", row{"email": "ayse@example.com"}, false, 400},
		{"job refused", "POST", "/api/job-applications", row{"email": "zeynep@example.com"}, false, 400},
		{"session", "GET", "/api/auth/session", nil, true, 200},
		{"session anonymous", "GET", "/api/auth/session", nil, false, 200},
		{"login refused", "POST", "/api/auth/login", row{"email": "nobody@example.com", "password": "wrong password"}, false, 401},
		{"admin list", "GET", "/api/contact-messages", nil, true, 200},
	}
	for _, tt := range tests {
		rec := a.call(tt.method, tt.target, tt.body, tt.admin)
		if rec.Code != tt.want {
			t.Errorf("%s: %s %s = %d %s, want %d", tt.name, tt.method, tt.target, rec.Code, rec.Body, tt.want)
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("%s: %s %s has Cache-Control %q, want no-store", tt.name, tt.method, tt.target, cc)
		}
	}
}

// TestStrictTransportSecurity: production answers over HTTPS, on a TLS
// connection or from a trusted proxy that says so, carry HSTS; plain HTTP,
// an untrusted client's X-Forwarded-Proto and development do not.
func TestStrictTransportSecurity(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	proxies, err := web.ParseTrustedProxies("10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	prod, _ := newSiteHandler(t, pool, web.Config{Production: true, TrustedProxies: proxies, MetricsOff: true}, auth.Options{})
	dev, _ := newSiteHandler(t, pool, web.Config{TrustedProxies: proxies}, auth.Options{})
	const want = "max-age=63072000; includeSubDomains"
	tests := []struct {
		name   string
		h      http.Handler
		tls    bool
		remote string
		proto  string
		want   string
	}{
		{"production over TLS", prod, true, "203.0.113.9:5000", "", want},
		{"production behind a trusted proxy over https", prod, false, "10.0.0.1:4000", "https", want},
		{"production behind a trusted proxy, last hop https", prod, false, "10.0.0.1:4000", "http, https", want},
		{"production behind a trusted proxy over http", prod, false, "10.0.0.1:4000", "http", ""},
		{"production, untrusted client claiming https", prod, false, "203.0.113.9:5000", "https", ""},
		{"production over plain HTTP", prod, false, "203.0.113.9:5000", "", ""},
		{"development over TLS", dev, true, "203.0.113.9:5000", "", ""},
		{"development behind a trusted proxy over https", dev, false, "10.0.0.1:4000", "https", ""},
	}
	for _, tt := range tests {
		for _, target := range []string{"/api/content/about", "/api/nope", "/livez"} {
			req := httptest.NewRequest("GET", target, nil)
			req.RemoteAddr = tt.remote
			if tt.tls {
				req.TLS = &tls.ConnectionState{}
			}
			if tt.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, req)
			if got := rec.Header().Get("Strict-Transport-Security"); got != tt.want {
				t.Errorf("%s, GET %s: Strict-Transport-Security = %q, want %q", tt.name, target, got, tt.want)
			}
		}
	}
}

// readAllResponses reads what the server sends on conn until it closes
// the connection or the deadline passes, and reports which.
func readAllResponses(t *testing.T, conn net.Conn, wait time.Duration) (got string, closed bool) {
	t.Helper()
	if err := conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return string(b), false
	}
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return string(b), true
}

// TestContentLengthWithChunked: a request with both Content-Length and
// Transfer-Encoding: chunked is read by Transfer-Encoding, answered, and
// its connection closed (RFC 9112 §6.1), so that bytes after the chunked
// body, which a proxy going by Content-Length would have taken for the
// body, never run as a second request. Raw bytes over a real connection to
// the real handler: net/http hides both headers from handlers.
func TestContentLengthWithChunked(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	h, _ := newSiteHandler(t, pool, web.Config{}, auth.Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()

	send := func(raw string) (string, bool) {
		conn, err := net.DialTimeout("tcp", srv.Listener.Addr().String(), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := io.WriteString(conn, raw); err != nil {
			t.Fatal(err)
		}
		return readAllResponses(t, conn, 10*time.Second)
	}
	body := `{"email":"a@example.com","password":"a wrong password"}`
	chunk := func(s string) string { return strconv.FormatInt(int64(len(s)), 16) + "\r\n" + s + "\r\n" }
	smuggled := "GET /api/content/smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
	raw := "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
		"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(body) + "0\r\n\r\n" + smuggled
	got, closed := send(raw)
	if n := strings.Count(got, "HTTP/1.1 "); n != 1 || !strings.HasPrefix(got, "HTTP/1.1 401 ") {
		t.Errorf("CL+TE request: %d responses, want one 401 (the chunked body was read and checked):\n%s", n, got)
	}
	if strings.Contains(got, "smuggled") || strings.Contains(got, "HTTP/1.1 404") {
		t.Errorf("the bytes after the chunked body ran as a request:\n%s", got)
	}
	if !closed {
		t.Error("the connection stayed open after a CL+TE request")
	}
	res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(got)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Close {
		t.Errorf("the answer to a CL+TE request does not say Connection: close: %v", res.Header)
	}

	// A plain keep-alive pair still gets two answers on one connection:
	// closing is for chunked requests only.
	plain := "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body + "GET /livez HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
	got, _ = send(plain)
	if n := strings.Count(got, "HTTP/1.1 "); n != 2 {
		t.Errorf("keep-alive pair: %d responses, want 2:\n%s", n, got)
	}
}

// TestStalledBodyOverTCP: a body that stops arriving until the server's
// ReadTimeout gets a 400 that names no address of the server (the read
// error is "read tcp 127.0.0.1:PORT->127.0.0.1:PORT: i/o timeout"), on the
// JSON routes and on login in both its forms.
func TestStalledBodyOverTCP(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	h, _ := newSiteHandler(t, pool, web.Config{}, auth.Options{})
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	for _, tt := range []struct{ target, contentType string }{
		{"/api/contact-messages", "application/json"},
		{"/api/quote-requests", "application/json"},
		{"/api/auth/login", "application/json"},
		{"/api/auth/login", "application/x-www-form-urlencoded"},
	} {
		conn, err := net.DialTimeout("tcp", srv.Listener.Addr().String(), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		// 100 bytes promised, 10 sent, then silence.
		raw := "POST " + tt.target + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + tt.contentType +
			"\r\nContent-Length: 100\r\n\r\n{\"email\":"
		if _, err := io.WriteString(conn, raw); err != nil {
			t.Fatal(err)
		}
		got, _ := readAllResponses(t, conn, 10*time.Second)
		conn.Close()
		if !strings.HasPrefix(got, "HTTP/1.1 400 ") {
			t.Errorf("stalled body to %s (%s): answer %q, want 400", tt.target, tt.contentType, got)
		}
		if strings.Contains(got, "127.0.0.1") || strings.Contains(got, "tcp") || strings.Contains(got, "timeout") {
			t.Errorf("stalled body to %s (%s): the answer names internals:\n%s", tt.target, tt.contentType, got)
		}
	}
}

// TestCraftedCursors: a cursor is opaque, but base64 anyone can write. One
// dated outside 1970-9999 (in UTC) is a 400 on every database; MySQL's
// DATETIME refused year 0 with a 500. The edges of the range are fine.
func TestCraftedCursors(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		a := newAPI(t, d)
		for _, path := range []string{"/api/contact-messages", "/api/quote-requests", "/api/job-applications"} {
			for ts, want := range map[string]int{
				"0000-01-01T00:00:00Z":      400,
				"0001-01-01T00:00:00Z":      400,
				"1969-12-31T23:59:59.999Z":  400,
				"1970-01-01T00:30:00+01:00": 400,
				"9999-12-31T23:30:00-01:00": 400,
				"1970-01-01T00:00:00Z":      200,
				"9999-12-31T23:59:59.999Z":  200,
			} {
				rec := a.call("GET", path+"?cursor="+enc(ts+"|cabc"), nil, true)
				if rec.Code != want {
					t.Errorf("GET %s with a cursor at %s = %d %s, want %d", path, ts, rec.Code, rec.Body, want)
				}
			}
		}
	})
}
