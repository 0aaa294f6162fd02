package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"smmm"
	"smmm/auth"
)

// CookieName is the name of the session cookie.
const CookieName = "smmm_session"

// DeviceCookieName is the name of the device cookie: the device token of
// the browser's last successful login (auth.Session.Device). It is sent
// to the login route only; with it, the browser's login attempts are
// throttled on their own, so that failures from elsewhere do not lock its
// user out. Logging out keeps it.
const DeviceCookieName = "smmm_device"

// session resolves r's session cookie through auth, re-setting the cookie
// when auth refreshed the session and clearing one that names no session.
// Without a cookie it returns auth.ErrNoSession at no cost.
func (s *server) session(w http.ResponseWriter, r *http.Request) (auth.Session, error) {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return auth.Session{}, auth.ErrNoSession
	}
	sess, refreshed, err := s.auth.Resume(r.Context(), c.Value)
	switch {
	case errors.Is(err, auth.ErrNoSession):
		s.clearCookie(w, r)
	case err == nil && refreshed:
		s.setCookie(w, r, sess.Token, sess.Expires)
	}
	return sess, err
}

// requireRole lets a request through only with a session of a user who has
// role; ADMIN has every role. Without a session it answers 401, with
// another role 403, and 503 when the session cannot be read.
func (s *server) requireRole(role smmm.Role, next handlerFunc) handlerFunc {
	forbidden := smmm.Errorf(smmm.EFORBIDDEN, "this needs the %s role", role)
	return func(w http.ResponseWriter, r *http.Request) error {
		sess, err := s.session(w, r)
		if err != nil {
			return err
		}
		if u := sess.User; u.Role != role && u.Role != smmm.RoleAdmin {
			return forbidden
		}
		return next(w, r)
	}
}

// throttle counts each request against the limit of the public form named
// form for its client address, answering 429 past it.
func (s *server) throttle(form string, next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.auth.Allow(r.Context(), form, s.clientAddr(r)); err != nil {
			return err
		}
		return next(w, r)
	}
}

// crossOrigin refuses state-changing requests (anything but GET, HEAD and
// OPTIONS) sent by a browser from another origin, with 403. It uses
// net/http's CrossOriginProtection: Sec-Fetch-Site, or else Origin against
// Host. Requests without either header (curl, server-to-server) pass. It
// wraps the whole site: it protects the login form too, against login CSRF.
func (s *server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json") {
			s.writeError(w, r, errCrossOrigin)
			return
		}
		// A page's form: the 403 page, as the visitor's browser shows it.
		w.Header().Set("Content-Security-Policy", pageCSP)
		s.writeErrorPage(w, r, errCrossOrigin)
	}))
	return cop.Handler(next)
}

// setCookie sets the session cookie of token, expiring with the session:
// HttpOnly, SameSite=Lax, Path=/, and Secure in production or over HTTPS.
func (s *server) setCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    token,
		Path:     "/",
		Expires:  expires.UTC(),
		MaxAge:   max(int(expires.Sub(s.auth.Now()).Seconds()), 1),
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// setDeviceCookie sets the device cookie of token: HttpOnly,
// SameSite=Strict, Secure as the session cookie, and sent only to the
// sign-in route at path (/api/auth/login, or the panel's /auth/signin:
// each keeps its own).
func (s *server) setDeviceCookie(w http.ResponseWriter, r *http.Request, path, token string, expires time.Time) {
	if token == "" {
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     DeviceCookieName,
		Value:    token,
		Path:     path,
		Expires:  expires.UTC(),
		MaxAge:   max(int(expires.Sub(s.auth.Now()).Seconds()), 1),
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteStrictMode,
	})
}

// clearCookie tells the browser to drop the session cookie.
func (s *server) clearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    "",
		Path:     "/",
		Expires:  time.Unix(0, 0).UTC(),
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *server) secure(r *http.Request) bool { return s.SecureCookies || s.overHTTPS(r) }

// overHTTPS reports whether r came over HTTPS: on a TLS connection, or
// from a trusted proxy whose X-Forwarded-Proto says https.
func (s *server) overHTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return s.viaTrustedProxy(r) && strings.EqualFold(lastHop(r.Header.Get("X-Forwarded-Proto")), "https")
}

// lastHop returns the last entry of a comma-separated forwarding header:
// the one the nearest proxy wrote.
func lastHop(v string) string {
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}
