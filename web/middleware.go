package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
)

type ctxKey int

const requestIDKey ctxKey = iota

// RequestID returns the id of the request ctx belongs to, "" outside one.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// requestID gives every request an id: the caller's X-Request-Id when it
// is short and plain, a random one otherwise. It is echoed in the response
// header and appears in every log line and error body of the request.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !plainID(id) {
			var b [12]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

func plainID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// recoverPanics turns a panicking handler into a logged 500.
func recoverPanics(next http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // the server's own way to abort a response
			}
			logger.Error("panic", "request_id", RequestID(r.Context()), "panic", v, "stack", string(debug.Stack()))
			encode(w, http.StatusInternalServerError, errorResponse{Error: "internal error", Code: "internal", RequestID: RequestID(r.Context())})
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessLog logs one line per request with its route pattern, and records
// its duration in metrics (if not nil). Probes are logged at debug level so
// that health checks every few seconds do not drown the log.
func accessLog(next http.Handler, logger *slog.Logger, metrics *Metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		took := time.Since(start)
		// The mux has set r.Pattern on this very request by now.
		if metrics != nil {
			metrics.observeRequest(r.Pattern, sw.status, took)
		}
		level := slog.LevelInfo
		switch r.URL.Path {
		case "/livez", "/readyz", "/api/health":
			level = slog.LevelDebug
		}
		if !logger.Enabled(r.Context(), level) {
			return
		}
		logger.LogAttrs(r.Context(), level, "request",
			slog.String("request_id", RequestID(r.Context())),
			slog.String("method", r.Method),
			slog.String("route", r.Pattern),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int("bytes", sw.bytes),
			slog.Float64("duration_ms", float64(took.Microseconds())/1000),
		)
	})
}

// limitBody caps request bodies; decode turns the overflow into a 413.
//
// With preread, the body is read before anything else runs: net/http
// notices a client that hangs up, and ends the request's context, only
// once the body has been read to its end, and a throttle or a session
// check runs statements before the handler reads it. Read first, a client
// that leaves stops the database work done for it. Whatever reading the
// body reported (too large, broken off) the handler reads again, in place.
func limitBody(next http.Handler, s *server, max int64, preread bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			s.writeError(w, r, errBodyTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		if preread && r.ContentLength != 0 {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				// A body that stalled, broke off or ran over the limit:
				// answer now, before any handler (or its throttle) runs
				// its statements for a request that cannot succeed.
				s.writeError(w, r, readError(err))
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r)
	})
}

// closeAfterChunked closes the connection after answering a request with
// a chunked body. A request with both Content-Length and Transfer-Encoding
// may be an attempt at request smuggling: a proxy in front that went by
// Content-Length would take what follows the chunked body for the next
// request, and this server the other way round. RFC 9112 §6.1 has the
// server close the connection after answering such a request. net/http
// reads the body by Transfer-Encoding alone and deletes Content-Length
// before the handler sees the request, so the two cannot be told apart
// here: every chunked request closes its connection. Browsers send
// Content-Length; the few clients that stream a body pay a reconnect.
func closeAfterChunked(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.TransferEncoding) > 0 {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

// strictTransport tells browsers, in production and over HTTPS (directly or
// behind a trusted proxy), to use nothing but HTTPS for two years, on
// subdomains too: Strict-Transport-Security. Over plain HTTP the header
// means nothing (RFC 6797 §8.1) and is not sent; neither is it in
// development, where a browser that kept it would refuse http://localhost.
func (s *server) strictTransport(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Production && s.overHTTPS(r) {
			w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries: no MIME
// sniffing, no referrer leaking paths to other sites, and a policy that
// forbids framing and any active content (the API serves no HTML; pages
// that do will set their own, stricter-than-nothing policy).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
