package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"time"
	"unicode/utf8"

	"smmm"
	"smmm/auth"
)

var errLoginContentType = &httpError{code: codeUnsupportedMedia,
	message: "Content-Type must be application/json or application/x-www-form-urlencoded"}

// sessionUser is the user part of a session answer: what the browser may
// know about who is signed in.
type sessionUser struct {
	ID    string    `json:"id"`
	Name  *string   `json:"name"`
	Email string    `json:"email"`
	Role  smmm.Role `json:"role"`
}

// sessionResponse is {user, expires}, or {} without a session.
type sessionResponse struct {
	User    *sessionUser `json:"user,omitempty"`
	Expires smmm.Time    `json:"expires,omitzero"`
}

func newSessionResponse(u smmm.User, expires time.Time) sessionResponse {
	return sessionResponse{
		User:    &sessionUser{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role},
		Expires: smmm.Time{Time: expires},
	}
}

// loginRequest is the body of POST /api/auth/login.
type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// handleLogin answers POST /api/auth/login: {email, password} as JSON or
// as a form post. It sets the session cookie and answers the session. Its
// body is never logged, and its errors never echo what was sent.
func (s *server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	var in loginRequest
	if err := decodeLogin(r, &in); err != nil {
		return err
	}
	problems := map[string]string{}
	if in.Email == "" {
		problems["email"] = "is required"
	}
	if in.Password == "" {
		problems["password"] = "is required"
	}
	if err := smmm.Invalid(problems); err != nil {
		return err
	}
	var device string
	if c, err := r.Cookie(DeviceCookieName); err == nil {
		device = c.Value
	}
	sess, err := s.auth.Login(r.Context(), in.Email, in.Password, s.clientAddr(r), device)
	if err != nil {
		return err
	}
	// A session the browser held before is of no use any more.
	if c, err := r.Cookie(CookieName); err == nil {
		if err := s.auth.Revoke(r.Context(), c.Value); err != nil {
			s.logger.Warn("login: end previous session", "request_id", RequestID(r.Context()), "err", err)
		}
	}
	s.setCookie(w, r, sess.Token, sess.Expires)
	s.setDeviceCookie(w, r, "/api/auth/login", sess.Device, sess.DeviceExpires)
	encode(w, http.StatusOK, newSessionResponse(sess.User, sess.Expires))
	return nil
}

// decodeLogin reads a login from a JSON body or a form post. Unlike
// decode, it ignores unknown fields, which login forms (NextAuth's
// csrfToken, callbackUrl, json) send along.
func decodeLogin(r *http.Request, v *loginRequest) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return errLoginContentType
	}
	switch mt {
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return readError(err)
		}
		if !utf8.Valid(body) {
			return smmm.Errorf(smmm.EINVALID, "request body is not valid UTF-8")
		}
		if err := json.Unmarshal(body, v); err != nil {
			return decodeError(err)
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				return errBodyTooLarge
			}
			return smmm.Errorf(smmm.EINVALID, "malformed form body")
		}
		v.Email, v.Password = r.PostForm.Get("email"), r.PostForm.Get("password")
	default:
		return errLoginContentType
	}
	return nil
}

// handleLogout answers POST /api/auth/logout: it ends the session, if any,
// expires the cookie and answers {}.
func (s *server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	s.clearCookie(w, r)
	if c, err := r.Cookie(CookieName); err == nil {
		if err := s.auth.Revoke(r.Context(), c.Value); err != nil {
			return err
		}
	}
	encode(w, http.StatusOK, sessionResponse{})
	return nil
}

// handleSession answers GET /api/auth/session: {user, expires} of the
// request's session, or {} without one.
func (s *server) handleSession(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	sess, err := s.session(w, r)
	switch {
	case errors.Is(err, auth.ErrNoSession):
		encode(w, http.StatusOK, sessionResponse{})
	case err != nil:
		return err
	default:
		encode(w, http.StatusOK, newSessionResponse(sess.User, sess.Expires))
	}
	return nil
}
