package auth

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"smmm"
)

type ctxKey int

const sessionKey ctxKey = iota

// Middleware loads the session of each request's cookie into its context,
// for UserFromContext, and refreshes it at most once per RefreshEvery
// (extending it in the database and re-setting the cookie). Requests
// without a valid session pass through anonymous; a database failure is
// kept for RequireRole to answer. It costs one query per request that
// carries a session cookie and none for others.
func (s *Sessions) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess := s.load(w, r)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessionKey, &sess)))
	})
}

// UserFromContext returns the signed-in user of a request whose context
// went through Middleware or RequireRole; ok is false otherwise.
func UserFromContext(ctx context.Context) (u smmm.User, ok bool) {
	sess, _ := ctx.Value(sessionKey).(*session)
	if sess == nil || sess.err != nil {
		return smmm.User{}, false
	}
	return sess.user, true
}

// RequireRole returns middleware that lets a request through only with a
// session of a user who has role; ADMIN has every role. Without a session
// it answers 401 (EUNAUTHORIZED), with another role 403 (EFORBIDDEN), and
// 503 when the session cannot be read. It loads the session itself when
// Middleware has not, so it works on its own per route.
func (s *Sessions) RequireRole(role smmm.Role) func(http.Handler) http.Handler {
	forbidden := smmm.Errorf(smmm.EFORBIDDEN, "this needs the %s role", role)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess, loaded := r.Context().Value(sessionKey).(*session)
			if !loaded {
				l := s.load(w, r)
				sess = &l
				r = r.WithContext(context.WithValue(r.Context(), sessionKey, sess))
			}
			switch {
			case sess.err != nil:
				s.opts.WriteError(w, r, sess.err)
			case sess.user.Role != role && sess.user.Role != smmm.RoleAdmin:
				s.opts.WriteError(w, r, forbidden)
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}

// CrossOrigin refuses state-changing requests (anything but GET, HEAD and
// OPTIONS) sent by a browser from another origin, with 403 (EFORBIDDEN)
// through Options.WriteError. It uses net/http's CrossOriginProtection:
// Sec-Fetch-Site, or else Origin against Host. Requests without either
// header (curl, server-to-server) pass. Wrap the whole site in it: it
// protects the login form too, against login CSRF.
func (s *Sessions) CrossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.opts.WriteError(w, r, ErrCrossOrigin)
	}))
	return cop.Handler(next)
}

// Throttle returns middleware that lets at most limit requests per client
// address (ClientAddr) through in each window, counted in the database
// under the name, and answers the rest with a *ThrottledError (429). A
// database failure is answered as such.
func (s *Sessions) Throttle(name string, limit Limit) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			key := limitKey(name, s.ClientAddr(r))
			ok, wait, err := s.store.Hit(r.Context(), key, limit.N, limit.Window, s.opts.Now())
			switch {
			case err != nil:
				s.opts.WriteError(w, r, err)
			case !ok:
				s.opts.WriteError(w, r, throttled(wait))
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}

// LimitContact is Throttle("contact", Options.ContactLimit), for POST
// /api/contact-messages.
func (s *Sessions) LimitContact(next http.Handler) http.Handler {
	return s.Throttle("contact", s.opts.ContactLimit)(next)
}

// writeError is Options.WriteError's default: the status of err's
// smmm.Error code and a bare JSON body. Other errors answer 503 without
// detail.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := http.StatusServiceUnavailable, "unavailable", "try again shortly"
	if e, ok := errors.AsType[*smmm.Error](err); ok {
		code, msg = e.Code, e.Message
		switch e.Code {
		case smmm.EUNAUTHORIZED:
			status = http.StatusUnauthorized
		case smmm.EFORBIDDEN:
			status = http.StatusForbidden
		case smmm.ETHROTTLED:
			status = http.StatusTooManyRequests
		default:
			status = http.StatusBadRequest
		}
	}
	if te, ok := errors.AsType[*ThrottledError](err); ok {
		w.Header().Set("Retry-After", strconv.Itoa(te.RetryAfterSeconds()))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg, "code": code})
}
