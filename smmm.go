// Package smmm holds the domain of the smmm-system website: contact
// messages, the about section, users and roles, their validation and the
// application error codes. It imports only the standard library; storage
// lives in store, HTTP in web, and the connection manager in db.
package smmm

import "time"

// TimeLayout is how times appear in JSON: RFC 3339 in UTC with exactly three
// fractional digits, as the original Prisma API wrote them.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// Now returns the current time in UTC truncated to milliseconds, the
// precision of the DATETIME(3)/TIMESTAMP(3) columns, so that a value read
// back equals the value written.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// Time is a moment as the API shows it: in JSON, RFC 3339 in UTC with
// exactly three fractional digits (TimeLayout), as the original Prisma API
// wrote it. It embeds time.Time, so every method of time.Time works on it;
// decoding accepts any RFC 3339 time.
type Time struct{ time.Time }

// MarshalJSON writes t in TimeLayout, in UTC.
func (t Time) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(TimeLayout)+2)
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, TimeLayout)
	return append(b, '"'), nil
}
