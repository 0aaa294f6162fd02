package smmm

import (
	"errors"
	"fmt"
)

// Application error codes. They are the "code" field of an error response;
// web maps each to an HTTP status in one place.
const (
	EINVALID      = "invalid"      // the input is malformed or fails validation
	ENOTFOUND     = "not_found"    // the entity does not exist
	ECONFLICT     = "conflict"     // the change conflicts with existing data
	EUNAUTHORIZED = "unauthorized" // no valid session or credentials
	EFORBIDDEN    = "forbidden"    // signed in, but not allowed
	ETHROTTLED    = "rate_limited" // too many attempts
	EINTERNAL     = "internal"     // anything else
)

// Error is an outcome decided by the application, not a fault: invalid
// input, a missing entity, a refused login. Its Message is safe to show to
// the client; Fields maps input field names to what is wrong with them.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

// Error implements error.
func (e *Error) Error() string { return fmt.Sprintf("smmm: %s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error carrying per-field messages. It returns
// nil when fields is empty, so callers can write `if err := Invalid(...)`.
func Invalid(fields map[string]string) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "validation failed", Fields: fields}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return EINTERNAL
}
