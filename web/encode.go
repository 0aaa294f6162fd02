package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"

	"smmm"
)

// encode writes v as JSON with the status.
func encode(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	// The status is sent; an error here means the client went away.
	_ = json.NewEncoder(w).Encode(v)
}

// decode reads one JSON object into v. It refuses a body that is not JSON,
// too large (the limit is set by middleware), has unknown fields or
// trailing data, answering with errors that writeError maps to 4xx.
func decode(r *http.Request, v any) error {
	body, err := readJSON(r)
	if err != nil {
		return err
	}
	return strictDecode(body, v, true)
}

// readJSON reads a body declared as JSON and refuses one that is too
// large (the limit is set per route) or not valid UTF-8.
func readJSON(r *http.Request) ([]byte, error) {
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
		return nil, errNotJSON
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, readError(err)
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD; refuse
	// it, so that stored text is always exactly what was sent.
	if !utf8.Valid(body) {
		return nil, smmm.Errorf(smmm.EINVALID, "request body is not valid UTF-8")
	}
	return body, nil
}

// strictDecode decodes body, a single JSON value, into v; with strict,
// unknown fields are refused.
func strictDecode(body []byte, v any, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return smmm.Errorf(smmm.EINVALID, "request body must hold a single JSON object")
	}
	return nil
}

// bodyHash is the digest of a normalized request that an idempotency key
// is bound to.
func bodyHash(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "unhashable"
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// input is a request body that can tidy itself (trim spaces, fill
// defaults) and say what is wrong with each field.
type input interface {
	Normalize()
	Valid() map[string]string
}

// decodeValid is decode, then Normalize, then Valid: an invalid body is an
// EINVALID error with per-field messages.
func decodeValid(r *http.Request, in input) error {
	if err := decode(r, in); err != nil {
		return err
	}
	in.Normalize()
	return smmm.Invalid(in.Valid())
}

// readError is the answer to a body that could not be read: too large, or
// one that stalls or breaks off, whose error names addresses of this
// server ("read tcp 10.0.0.5:3000->...: i/o timeout") that are not the
// client's business.
func readError(err error) error {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return errBodyTooLarge
	}
	return smmm.Errorf(smmm.EINVALID, "the request body could not be read")
}

func decodeError(err error) error {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return errBodyTooLarge
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		field := te.Field
		if field == "" {
			return smmm.Errorf(smmm.EINVALID, "request body must be a JSON object")
		}
		return &smmm.Error{Code: smmm.EINVALID, Message: "validation failed",
			Fields: map[string]string{field: fmt.Sprintf("must be a %s", jsonType(te.Type.Kind().String()))}}
	}
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return smmm.Errorf(smmm.EINVALID, "malformed JSON at byte %d", se.Offset)
	}
	if errors.Is(err, io.EOF) {
		return smmm.Errorf(smmm.EINVALID, "request body is empty")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return smmm.Errorf(smmm.EINVALID, "request body is truncated JSON")
	}
	// Unknown fields and the like: encoding/json's message names the field
	// and holds no secrets.
	return smmm.Errorf(smmm.EINVALID, "invalid request body: %s", trimJSONPrefix(err.Error()))
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "slice", "array":
		return "list"
	case "struct", "map", "ptr":
		return "object"
	}
	return "number"
}

func trimJSONPrefix(s string) string {
	const p = "json: "
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
