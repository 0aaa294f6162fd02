package web

import (
	"errors"
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

// Error codes of the HTTP layer itself, next to smmm's.
const (
	codeBodyTooLarge     = "body_too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeMethodNotAllowed = "method_not_allowed"
	codeStarting         = "starting"
	codeCanceled         = "canceled"
	codeDBUnavailable    = "db_unavailable"
	codeDBBusy           = "db_busy"
	codeQueryTimeout     = "query_timeout"
	codeStorageFull      = "storage_full"
)

// statusOf is the one table that maps error codes to HTTP statuses. A
// code missing from it answers 500.
var statusOf = map[string]int{
	smmm.EINVALID:        http.StatusBadRequest,
	smmm.EUNAUTHORIZED:   http.StatusUnauthorized,
	smmm.EFORBIDDEN:      http.StatusForbidden,
	smmm.ENOTFOUND:       http.StatusNotFound,
	smmm.ECONFLICT:       http.StatusConflict,
	smmm.ETHROTTLED:      http.StatusTooManyRequests,
	smmm.EINTERNAL:       http.StatusInternalServerError,
	codeMethodNotAllowed: http.StatusMethodNotAllowed,
	codeBodyTooLarge:     http.StatusRequestEntityTooLarge,
	codeUnsupportedMedia: http.StatusUnsupportedMediaType,
	codeStarting:         http.StatusServiceUnavailable,
	codeCanceled:         http.StatusServiceUnavailable,
	codeDBUnavailable:    http.StatusServiceUnavailable,
	codeDBBusy:           http.StatusServiceUnavailable,
	codeQueryTimeout:     http.StatusGatewayTimeout,
	codeStorageFull:      http.StatusInsufficientStorage,
}

// problem is how an error is answered: a code of statusOf, a message safe
// to show, per-field messages and, when it helps, a Retry-After.
type problem struct {
	code       string
	message    string
	fields     map[string]string
	retryAfter int // seconds; 0 = no header
}

// httpError is an outcome decided by the HTTP layer itself (a wrong
// content type, a body too large).
type httpError problem

func (e *httpError) Error() string { return "web: " + e.code + ": " + e.message }

var (
	errNotFoundRoute   = &httpError{code: smmm.ENOTFOUND, message: "no such route"}
	errBodyTooLarge    = &httpError{code: codeBodyTooLarge, message: "request body is too large"}
	errNotJSON         = &httpError{code: codeUnsupportedMedia, message: "Content-Type must be application/json"}
	errRequestCanceled = &httpError{code: codeCanceled, message: "request canceled"}
	errStarting        = &httpError{code: codeStarting, message: "the server is starting, try again shortly", retryAfter: 1}
	errCrossOrigin     = &httpError{code: smmm.EFORBIDDEN, message: "cross-origin request refused"}
	errInternal        = problem{code: smmm.EINTERNAL, message: "internal error"}
)

// kindProblems answers the failures db classifies.
var kindProblems = map[db.Kind]problem{
	db.KindNotFound:      {code: smmm.ENOTFOUND, message: "not found"},
	db.KindConflict:      {code: smmm.ECONFLICT, message: "conflicts with existing data"},
	db.KindForeignKey:    {code: smmm.ECONFLICT, message: "refers to data that does not exist"},
	db.KindInvalid:       {code: smmm.EINVALID, message: "a value was rejected by the database"},
	db.KindUnavailable:   {code: codeDBUnavailable, message: "the database is unavailable, try again shortly", retryAfter: 5},
	db.KindReadOnly:      {code: codeDBUnavailable, message: "the database is unavailable, try again shortly", retryAfter: 5},
	db.KindPoolTimeout:   {code: codeDBBusy, message: "the server is busy, try again shortly", retryAfter: 1},
	db.KindSerialization: {code: codeDBBusy, message: "the change collided with another one, try again", retryAfter: 1},
	db.KindQueryTimeout:  {code: codeQueryTimeout, message: "the database took too long to answer"},
	db.KindStorageFull:   {code: codeStorageFull, message: "the database's storage is full: nothing can be saved now, try again later", retryAfter: 60},
	db.KindCanceled:      problem(*errRequestCanceled),
}

// problemFor maps an error to its answer. Messages are safe to show and
// never carry driver or SQL text.
func problemFor(err error) problem {
	if he, ok := errors.AsType[*httpError](err); ok {
		return problem(*he)
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return problem(*errBodyTooLarge)
	}
	if ae, ok := errors.AsType[*smmm.Error](err); ok {
		if _, known := statusOf[ae.Code]; !known || ae.Code == smmm.EINTERNAL {
			return errInternal
		}
		p := problem{code: ae.Code, message: ae.Message, fields: ae.Fields}
		if ae.Code == smmm.ETHROTTLED {
			p.retryAfter = 60
			if te, ok := errors.AsType[*auth.ThrottledError](err); ok {
				p.retryAfter = te.RetryAfterSeconds()
			}
		}
		return p
	}
	if p, ok := kindProblems[db.KindOf(err)]; ok {
		return p
	}
	return errInternal
}

// status returns the HTTP status of p's code.
func (p problem) status() int {
	if s, ok := statusOf[p.code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// writeError answers err as JSON and logs it with the request id: server
// faults at error level with the whole chain, client mistakes at debug.
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	p, status, id := s.answerProblem(w, r, err)
	encode(w, status, errorResponse{Error: p.message, Code: p.code, RequestID: id, Fields: p.fields})
}

// answerProblem is what every error answer, JSON or page, does first: it
// finds err's problem and status, logs it with the request id (server
// faults at error level with the whole chain, client mistakes at debug)
// and sets Retry-After where the problem has one.
func (s *server) answerProblem(w http.ResponseWriter, r *http.Request, err error) (p problem, status int, id string) {
	p = problemFor(err)
	status = p.status()
	id = RequestID(r.Context())
	switch {
	case p.code == codeCanceled:
		s.logger.Debug("request canceled", "request_id", id, "err", err)
	case status >= 500:
		s.logger.Error("request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	default:
		s.logger.Debug("request refused", "request_id", id, "status", status, "err", err)
	}
	if p.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(p.retryAfter))
	}
	return p, status, id
}
