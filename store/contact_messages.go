package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"smmm"
	"smmm/db"
)

// Limits of ListContactMessages.
const (
	// DefaultListLimit is the page size when ContactMessageFilter.Limit is 0.
	DefaultListLimit = 100
	// MaxListLimit is the largest page ListContactMessages returns.
	MaxListLimit = 1000
)

// ContactMessageFilter selects a page of contact messages.
type ContactMessageFilter struct {
	// Status keeps only messages with this status; "" keeps all.
	Status smmm.Status
	// Limit is the page size: DefaultListLimit when <= 0, at most
	// MaxListLimit.
	Limit int
	// After starts the page after this position, as returned by the previous
	// page; nil starts with the newest message.
	After *Cursor
}

// Cursor is a position in the newest-first order of contact messages
// ("createdAt" descending, then "id" descending).
type Cursor struct {
	// CreatedAt and ID are those of the last message of the previous page.
	CreatedAt time.Time
	ID        string
}

// String returns the cursor as an opaque URL-safe token for ParseCursor.
func (c Cursor) String() string {
	raw := c.CreatedAt.UTC().Format(time.RFC3339Nano) + "|" + c.ID
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// ParseCursor parses a token made by Cursor.String. Any other input gives an
// error; it never panics.
func ParseCursor(s string) (Cursor, error) {
	bad := func(why string) (Cursor, error) {
		return Cursor{}, fmt.Errorf("store: invalid cursor: %s", why)
	}
	if s == "" || len(s) > 512 {
		return bad("bad length")
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad("not base64url")
	}
	ts, id, ok := strings.Cut(string(raw), "|")
	if !ok {
		return bad("no separator")
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return bad("bad time")
	}
	// The range is checked in UTC, as the time is stored: with an offset,
	// "9999-12-31T23:30:00-01:00" is in the year 10000.
	t = t.UTC()
	if t.Year() < 1970 || t.Year() > 9999 {
		// Years outside these are no time a row was made, and MySQL's
		// DATETIME refuses some of them.
		return bad("bad time")
	}
	if id == "" || len(id) > maxIDLen || !utf8.ValidString(id) || strings.ContainsRune(id, 0) {
		return bad("bad id")
	}
	return Cursor{CreatedAt: t, ID: id}, nil
}

// maxIDLen is the longest id a column holds (VARCHAR(191) on MySQL).
const maxIDLen = 191

const contactMessageColumns = `"id", "name", "email", "phone", "subject", "message", "status", "createdAt", "updatedAt"`

// contactMessageFields are the scan destinations of contactMessageColumns.
func contactMessageFields(m *smmm.ContactMessage) []any {
	return []any{&m.ID, &m.Name, &m.Email, &m.Phone, &m.Subject, &m.Message, &m.Status,
		scanTime{&m.CreatedAt.Time}, scanTime{&m.UpdatedAt.Time}}
}

// CreateContactMessage stores a new message with status NEW. The input is
// stored as given: normalize and validate it first.
func (s *Store) CreateContactMessage(ctx context.Context, in smmm.NewContactMessage) (smmm.ContactMessage, error) {
	now := s.now()
	m := smmm.ContactMessage{
		ID: s.ids.next(now), Name: in.Name, Email: in.Email, Phone: in.Phone, Subject: in.Subject, Message: in.Message,
		Status: smmm.StatusNew, CreatedAt: smmm.Time{Time: now}, UpdatedAt: smmm.Time{Time: now},
	}
	if err := insertContactMessage(ctx, s.db, m); err != nil {
		return smmm.ContactMessage{}, fmt.Errorf("store: create contact message: %w", err)
	}
	return m, nil
}

func insertContactMessage(ctx context.Context, q db.Querier, m smmm.ContactMessage) error {
	const query = `INSERT INTO "ContactMessage" (` + contactMessageColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	_, err := q.Exec(ctx, query, m.ID, m.Name, m.Email, m.Phone, m.Subject, m.Message, string(m.Status),
		m.CreatedAt.UTC(), m.UpdatedAt.UTC())
	return err
}

// ContactMessage returns the message with the given id, or an error matching
// db.ErrNotFound.
func (s *Store) ContactMessage(ctx context.Context, id string) (smmm.ContactMessage, error) {
	m, err := contactMessage(ctx, s.db, id)
	if err != nil {
		return smmm.ContactMessage{}, fmt.Errorf("store: contact message %q: %w", id, err)
	}
	return m, nil
}

func contactMessage(ctx context.Context, q db.Querier, id string) (smmm.ContactMessage, error) {
	const query = `SELECT ` + contactMessageColumns + ` FROM "ContactMessage" WHERE "id" = ?`
	return queryOne(ctx, q, contactMessageFields, query, id)
}

// ListContactMessages returns one page of messages, newest first ("createdAt"
// descending, then "id" descending), and the cursor of the next page, nil
// when this page is the last. The slice is empty, not nil, when there are
// no messages. A Status that is not one of smmm.Statuses gives an
// smmm.EINVALID error.
func (s *Store) ListContactMessages(ctx context.Context, f ContactMessageFilter) ([]smmm.ContactMessage, *Cursor, error) {
	// PostgreSQL would refuse an unknown enum value where MySQL and SQLite
	// match nothing; refusing it here behaves the same everywhere.
	if f.Status != "" && !f.Status.Valid() {
		return nil, nil, fmt.Errorf("store: list contact messages: %w", smmm.Errorf(smmm.EINVALID, "unknown status %q", f.Status))
	}
	limit := f.Limit
	switch {
	case limit <= 0:
		limit = DefaultListLimit
	case limit > MaxListLimit:
		limit = MaxListLimit
	}
	// Four fixed statement texts, one per combination of filters, so that
	// each is prepared and tracked once.
	const query = `SELECT ` + contactMessageColumns + ` FROM "ContactMessage"`
	var where []string
	var args []any
	if f.Status != "" {
		where = append(where, `"status" = ?`)
		args = append(args, string(f.Status))
	}
	if f.After != nil {
		at := f.After.CreatedAt.UTC()
		where = append(where, `("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))`)
		args = append(args, at, at, f.After.ID)
	}
	sqlText := query
	if len(where) > 0 {
		sqlText += ` WHERE ` + strings.Join(where, " AND ")
	}
	sqlText += ` ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`
	args = append(args, limit+1)

	out, err := queryAll(ctx, s.db, contactMessageFields, sqlText, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: list contact messages: %w", err)
	}
	var next *Cursor
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = &Cursor{CreatedAt: last.CreatedAt.Time, ID: last.ID}
	}
	return out, next, nil
}

// UpdateContactMessageStatus sets a message's status and updatedAt in one
// transaction and returns the message as stored. It returns an error
// matching db.ErrNotFound when there is no such message, and an
// smmm.EINVALID error for a status that is not one of smmm.Statuses.
func (s *Store) UpdateContactMessageStatus(ctx context.Context, id string, status smmm.Status) (smmm.ContactMessage, error) {
	if !status.Valid() {
		return smmm.ContactMessage{}, fmt.Errorf("store: update contact message %q: %w",
			id, smmm.Errorf(smmm.EINVALID, "unknown status %q", status))
	}
	var m smmm.ContactMessage
	err := s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		const query = `UPDATE "ContactMessage" SET "status" = ?, "updatedAt" = ? WHERE "id" = ?`
		if err := execOne(ctx, tx, query, string(status), s.now(), id); err != nil {
			return err
		}
		var err error
		m, err = contactMessage(ctx, tx, id)
		return err
	})
	if err != nil {
		return smmm.ContactMessage{}, fmt.Errorf("store: update contact message %q: %w", id, err)
	}
	return m, nil
}

// DeleteContactMessage deletes a message. It returns an error matching
// db.ErrNotFound when there is no such message.
func (s *Store) DeleteContactMessage(ctx context.Context, id string) error {
	const query = `DELETE FROM "ContactMessage" WHERE "id" = ?`
	if err := execOne(ctx, s.db, query, id); err != nil {
		return fmt.Errorf("store: delete contact message %q: %w", id, err)
	}
	return nil
}

// CountContactMessages returns the number of stored messages.
func (s *Store) CountContactMessages(ctx context.Context) (int, error) {
	const query = `SELECT COUNT(*) FROM "ContactMessage"`
	n, err := queryOne(ctx, s.db, scalar[int], query)
	if err != nil {
		return 0, fmt.Errorf("store: count contact messages: %w", err)
	}
	return n, nil
}
