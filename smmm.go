// Package smmm holds the domain of the smmm-system website: contact
// messages, the about section, users and roles, their validation and the
// application error codes. It imports only the standard library; storage
// lives in store, HTTP in web, and the connection manager in db.
package smmm

import (
	"encoding/json"
	"time"
)

// TimeLayout is how times appear in JSON: RFC 3339 in UTC with exactly three
// fractional digits, as the original Prisma API wrote them.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// FormatTime formats t in TimeLayout, in UTC.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeLayout) }

// Now returns the current time in UTC truncated to milliseconds, the
// precision of the DATETIME(3)/TIMESTAMP(3) columns, so that a value read
// back equals the value written.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// jsonTime marshals as TimeLayout.
type jsonTime time.Time

func (t jsonTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(FormatTime(time.Time(t)))
}

// jsonTimePtr marshals nil as null.
func jsonTimePtr(t *time.Time) *jsonTime {
	if t == nil {
		return nil
	}
	jt := jsonTime(*t)
	return &jt
}
