package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"smmm"
	"smmm/db"
)

func TestProblemFor(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		wantStatus int
		wantCode   string
		wantRetry  bool
	}{
		{"validation", smmm.Invalid(map[string]string{"email": "is required"}), 400, smmm.EINVALID, false},
		{"app not found", smmm.Errorf(smmm.ENOTFOUND, "no such message"), 404, smmm.ENOTFOUND, false},
		{"unauthorized", smmm.Errorf(smmm.EUNAUTHORIZED, "sign in"), 401, smmm.EUNAUTHORIZED, false},
		{"forbidden", smmm.Errorf(smmm.EFORBIDDEN, "admins only"), 403, smmm.EFORBIDDEN, false},
		{"app conflict", smmm.Errorf(smmm.ECONFLICT, "key reused"), 409, smmm.ECONFLICT, false},
		{"throttled", smmm.Errorf(smmm.ETHROTTLED, "slow down"), 429, smmm.ETHROTTLED, true},
		{"db not found, wrapped", fmt.Errorf("store: message x: %w", db.ErrNotFound), 404, "not_found", false},
		{"pool timeout", fmt.Errorf("store: %w", db.ErrPoolTimeout), 503, "db_busy", true},
		{"unavailable", db.ErrUnavailable, 503, "db_unavailable", true},
		{"closed pool", db.ErrClosed, 503, "db_unavailable", true},
		{"body too large", &http.MaxBytesError{Limit: 10}, 413, "body_too_large", false},
		{"not json", errNotJSON, 415, "unsupported_media_type", false},
		{"deadline", context.DeadlineExceeded, 504, "query_timeout", false},
		{"canceled", context.Canceled, 503, "canceled", false},
		{"anything else", errors.New("pq: something with SELECT secret FROM x"), 500, smmm.EINTERNAL, false},
		{"unknown app code", smmm.Errorf("teapot", "leaky detail"), 500, smmm.EINTERNAL, false},
		{"starting", errStarting, 503, "starting", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := problemFor(tt.err)
			if _, ok := statusOf[p.code]; !ok {
				t.Errorf("code %q has no entry in statusOf", p.code)
			}
			if p.status() != tt.wantStatus || p.code != tt.wantCode || (p.retryAfter > 0) != tt.wantRetry {
				t.Errorf("problemFor = %d %q retry %d, want %d %q retry %v", p.status(), p.code, p.retryAfter, tt.wantStatus, tt.wantCode, tt.wantRetry)
			}
			if p.status() == 500 && p.message != "internal error" {
				t.Errorf("500 message %q leaks the error", p.message)
			}
		})
	}
}
