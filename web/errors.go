package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"smmm"
	"smmm/auth"
	"smmm/db"
)

// errorResponse is the body of every error answer.
type errorResponse struct {
	Error     string            `json:"error"`
	Code      string            `json:"code"`
	RequestID string            `json:"requestId"`
	Fields    map[string]string `json:"fields,omitempty"`
}

// httpError is an outcome decided by the HTTP layer itself (a wrong
// content type, a body too large), with its own status.
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return "web: " + e.code + ": " + e.message }

var (
	errNotFoundRoute   = &httpError{http.StatusNotFound, "not_found", "no such route"}
	errBodyTooLarge    = &httpError{http.StatusRequestEntityTooLarge, "body_too_large", "request body is too large"}
	errNotJSON         = &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "Content-Type must be application/json"}
	errRequestCanceled = &httpError{http.StatusServiceUnavailable, "canceled", "request canceled"}
	errStarting        = &httpError{http.StatusServiceUnavailable, "starting", "the server is starting, try again shortly"}
	errNoAuth          = &httpError{http.StatusUnauthorized, smmm.EUNAUTHORIZED, "sign in as an administrator"}
)

// problem is how an error is answered.
type problem struct {
	status     int
	code       string
	message    string
	fields     map[string]string
	retryAfter int // seconds; 0 = no header
}

// problemFor maps an error to its answer. It is the only place where errors
// become status codes; messages are safe to show and never carry driver or
// SQL text.
func problemFor(err error) problem {
	if he, ok := errors.AsType[*httpError](err); ok {
		return problem{status: he.status, code: he.code, message: he.message}
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return problemFor(errBodyTooLarge)
	}
	if ae, ok := errors.AsType[*smmm.Error](err); ok {
		p := problem{code: ae.Code, message: ae.Message, fields: ae.Fields}
		switch ae.Code {
		case smmm.EINVALID:
			p.status = http.StatusBadRequest
		case smmm.EUNAUTHORIZED:
			p.status = http.StatusUnauthorized
		case smmm.EFORBIDDEN:
			p.status = http.StatusForbidden
		case smmm.ENOTFOUND:
			p.status = http.StatusNotFound
		case smmm.ECONFLICT:
			p.status = http.StatusConflict
		case smmm.ETHROTTLED:
			p.status, p.retryAfter = http.StatusTooManyRequests, 60
			if te, ok := errors.AsType[*auth.ThrottledError](err); ok {
				p.retryAfter = te.RetryAfterSeconds()
			}
		default:
			p = problem{status: http.StatusInternalServerError, code: smmm.EINTERNAL, message: "internal error"}
		}
		return p
	}
	switch db.KindOf(err) {
	case db.KindNotFound:
		return problem{status: http.StatusNotFound, code: "not_found", message: "not found"}
	case db.KindConflict:
		return problem{status: http.StatusConflict, code: "conflict", message: "conflicts with existing data"}
	case db.KindForeignKey:
		return problem{status: http.StatusConflict, code: "conflict", message: "refers to data that does not exist"}
	case db.KindInvalid:
		return problem{status: http.StatusBadRequest, code: smmm.EINVALID, message: "a value was rejected by the database"}
	case db.KindUnavailable, db.KindReadOnly:
		return problem{status: http.StatusServiceUnavailable, code: "db_unavailable", message: "the database is unavailable, try again shortly", retryAfter: 5}
	case db.KindPoolTimeout:
		return problem{status: http.StatusServiceUnavailable, code: "db_busy", message: "the server is busy, try again shortly", retryAfter: 1}
	case db.KindSerialization:
		return problem{status: http.StatusServiceUnavailable, code: "db_busy", message: "the change collided with another one, try again", retryAfter: 1}
	case db.KindQueryTimeout:
		return problem{status: http.StatusGatewayTimeout, code: "query_timeout", message: "the database took too long to answer"}
	case db.KindCanceled:
		return problemFor(errRequestCanceled)
	}
	return problem{status: http.StatusInternalServerError, code: smmm.EINTERNAL, message: "internal error"}
}

// writeError answers err as JSON and logs it with the request id: server
// faults at error level with the whole chain, client mistakes at debug.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	p := problemFor(err)
	id := RequestID(r.Context())
	switch {
	case p.code == "canceled":
		logger.Debug("request canceled", "request_id", id, "err", err)
	case p.status >= 500:
		logger.Error("request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", p.status, "err", err)
	default:
		logger.Debug("request refused", "request_id", id, "status", p.status, "err", err)
	}
	if p.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(p.retryAfter))
	}
	encode(w, p.status, errorResponse{Error: p.message, Code: p.code, RequestID: id, Fields: p.fields})
}
