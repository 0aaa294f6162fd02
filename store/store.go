// Package store holds the queries of the smmm application over a *db.DB
// (the schema itself is in package migrations): contact messages, and the
// idempotency keys under which they may be created once; the about section
// and its features; users; sessions; fixed-window rate-limit counters; and
// Seed, which puts in what a fresh installation needs (an admin, the
// default about section, optionally demo messages).
//
// Statements use "?" placeholders and double-quoted identifiers, and one
// text runs on PostgreSQL, MySQL/MariaDB and SQLite alike, with two
// exceptions: a rate-limit hit is one upsert with RETURNING on PostgreSQL
// and SQLite but an upsert and a read in one transaction on MySQL, and
// PutAbout's row lock (FOR UPDATE) is left out on SQLite, whose write
// transactions lock the whole database. A simple type's code is its SQL and
// one fields function; queryOne, queryAll and execOne (query.go) do the
// rest.
//
// Methods take a context first. A lookup of one row that finds none, and an
// update or delete by id of a row that does not exist, report an error
// matching errors.Is(err, db.ErrNotFound); the methods that document it
// otherwise (ending a session that is gone, say) return nil. Database
// failures keep their db.Kind (db.KindOf), so callers map them to responses
// without looking at driver text. Input a method refuses gives an
// smmm.EINVALID error, except Seed's options and ParseCursor's token, which
// give plain errors.
//
// Every time the store makes up (createdAt, updatedAt, the demo messages'
// times and the time part of the ids it generates) comes from its clock,
// Options.Now (smmm.Now by default), read in UTC and truncated to the
// millisecond, the precision of the columns, so that a value read back
// equals the value written on every dialect. Times that callers pass (a session's end, the
// now of a rate-limit hit, purge cutoffs) are used as given, in UTC. Every
// time is read back in UTC.
package store

import (
	"crypto/rand"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"smmm"
	"smmm/db"
)

// Store runs smmm's queries against one database. It is safe for concurrent
// use; it does not own the *db.DB, which the caller closes.
type Store struct {
	db    *db.DB
	clock func() time.Time
	ids   idSequence
}

// Options configure a Store. The zero value is usable.
type Options struct {
	// Now is the clock of every time the store makes up: the createdAt and
	// updatedAt it writes, the demo messages' times and the time in new
	// ids. Nil means smmm.Now. The store reads it in UTC, to the
	// millisecond. Tests set it so that time moves without sleeping.
	Now func() time.Time
}

// New returns a Store over d. opts are optional; a field set in a later
// Options overrides the same field of an earlier one.
func New(d *db.DB, opts ...Options) *Store {
	s := &Store{db: d, clock: smmm.Now}
	for _, o := range opts {
		if o.Now != nil {
			s.clock = o.Now
		}
	}
	return s
}

// now reads the store's clock in UTC, to the millisecond: the precision of
// the columns, so that a value read equals the value written.
func (s *Store) now() time.Time { return s.clock().UTC().Truncate(time.Millisecond) }

// idSequence makes the ids of one Store strictly increasing, so that rows
// created in the same millisecond still list in creation order ("createdAt"
// DESC, "id" DESC).
type idSequence struct {
	mu   sync.Mutex
	last string
}

// next returns a new id for the time now, or, when that does not sort after
// the previous id (same millisecond, or a clock step back), the previous id
// with its random part incremented.
func (q *idSequence) next(now time.Time) string {
	id := newIDAt(now)
	q.mu.Lock()
	defer q.mu.Unlock()
	if id <= q.last {
		id = increment36(q.last)
	}
	q.last = id
	return id
}

// increment36 adds one to a base-36 string of lowercase digits, keeping
// its length; the random tail of an id has room to spare.
func increment36(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i > 0; i-- {
		d := strings.IndexByte(base36, b[i])
		if d < 35 {
			b[i] = base36[d+1]
			return string(b)
		}
		b[i] = '0'
	}
	return string(b)
}

// DB returns the database the Store runs on.
func (s *Store) DB() *db.DB { return s.db }

const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"

// NewID returns a new unique id in the shape of Prisma's cuid(): "c", the
// current Unix time in milliseconds in base 36 (8 digits until the year
// 2059) and 16 random base-36 digits from crypto/rand (82 bits), 25
// characters in all. Ids sort roughly by creation time. It is safe for
// concurrent use and keeps no state.
func NewID() string { return newIDAt(time.Now()) }

// newIDAt is NewID for the time t; times before 1970 count as 1970.
func newIDAt(t time.Time) string {
	var b strings.Builder
	b.Grow(25)
	b.WriteByte('c')
	ts := strconv.FormatInt(max(t.UnixMilli(), 0), 36)
	for i := len(ts); i < 8; i++ {
		b.WriteByte('0')
	}
	b.WriteString(ts)
	// Rejection sampling keeps the digits uniform: 252 = 7*36.
	var buf [32]byte
	for need := 16; need > 0; {
		rand.Read(buf[:])
		for _, x := range buf {
			if x < 252 && need > 0 {
				b.WriteByte(base36[x%36])
				need--
			}
		}
	}
	return b.String()
}

// errNoRows reports whether err is a not-found error.
func errNoRows(err error) bool { return errors.Is(err, db.ErrNotFound) }

// scanTime scans a DATETIME/TIMESTAMP column into a UTC time.Time. Drivers
// return time.Time; SQLite may also hold text, or integer milliseconds as
// Prisma writes them.
type scanTime struct{ p *time.Time }

func (s scanTime) Scan(src any) error {
	if src == nil {
		return errors.New("store: NULL time")
	}
	t, err := toTime(src)
	if err != nil {
		return err
	}
	*s.p = t
	return nil
}

// nullString scans a nullable text column into a string: NULL scans as "".
type nullString struct{ p *string }

func (s nullString) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*s.p = ""
	case string:
		*s.p = v
	case []byte:
		*s.p = string(v)
	default:
		return fmt.Errorf("store: cannot scan %T into a string", src)
	}
	return nil
}

// scanNullTime is scanTime for a nullable column: NULL scans as nil.
type scanNullTime struct{ p **smmm.Time }

func (s scanNullTime) Scan(src any) error {
	if src == nil {
		*s.p = nil
		return nil
	}
	t, err := toTime(src)
	if err != nil {
		return err
	}
	*s.p = &smmm.Time{Time: t}
	return nil
}

var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
}

func toTime(src driver.Value) (time.Time, error) {
	switch v := src.(type) {
	case time.Time:
		return v.UTC(), nil
	case int64:
		return time.UnixMilli(v).UTC(), nil
	case []byte:
		return parseTime(string(v))
	case string:
		return parseTime(v)
	}
	return time.Time{}, fmt.Errorf("store: cannot scan %T into a time", src)
}

func parseTime(s string) (time.Time, error) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("store: cannot parse time %q", s)
}
