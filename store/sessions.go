package store

import (
	"context"
	"fmt"
	"time"

	"smmm"
)

// Sessions live in the "Session" table of the Prisma schema, so that any
// number of instances serve the same signed-in user. "sessionToken" holds
// what the caller passes as tokenHash: auth stores the hex SHA-256 of the
// cookie's token, never the token itself, so that a copy of the database
// does not sign anyone in.

// CreateSession stores a session of the user that ends at expires. A
// tokenHash already stored gives an error of kind db.KindConflict; an
// unknown user one of kind db.KindForeignKey.
func (s *Store) CreateSession(ctx context.Context, userID, tokenHash string, expires time.Time) error {
	const query = `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES (?, ?, ?, ?)`
	if _, err := s.db.Exec(ctx, query, s.ids.next(s.now()), tokenHash, userID, expires.UTC()); err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// sessionUserColumns are userColumns qualified for the join with "Session".
const sessionUserColumns = `u."id", u."name", u."email", u."emailVerified", u."password", u."role", u."image", u."createdAt", u."updatedAt"`

// sessionUser is a row of sessionUserColumns and the session's "expires".
type sessionUser struct {
	user    smmm.User
	expires time.Time
}

func sessionUserFields(r *sessionUser) []any {
	return append(userFields(&r.user), scanTime{&r.expires})
}

// SessionUser returns the user of the session stored under tokenHash and
// when the session expires. A session that does not exist or has expired
// by now gives an error matching db.ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (smmm.User, time.Time, error) {
	const query = `SELECT ` + sessionUserColumns + `, s."expires"
	FROM "Session" s JOIN "User" u ON u."id" = s."userId"
	WHERE s."sessionToken" = ? AND s."expires" > ?`
	r, err := queryOne(ctx, s.db, sessionUserFields, query, tokenHash, now.UTC())
	if err != nil {
		return smmm.User{}, time.Time{}, fmt.Errorf("store: session user: %w", err)
	}
	return r.user, r.expires, nil
}

// ExtendSession moves the end of the session stored under tokenHash to
// expires. A session that no longer exists is not an error: there is
// nothing left to extend, and the next SessionUser reports it.
func (s *Store) ExtendSession(ctx context.Context, tokenHash string, expires time.Time) error {
	const query = `UPDATE "Session" SET "expires" = ? WHERE "sessionToken" = ?`
	if _, err := s.db.Exec(ctx, query, expires.UTC(), tokenHash); err != nil {
		return fmt.Errorf("store: extend session: %w", err)
	}
	return nil
}

// DeleteSession ends the session stored under tokenHash. Deleting a
// session that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	const query = `DELETE FROM "Session" WHERE "sessionToken" = ?`
	if _, err := s.db.Exec(ctx, query, tokenHash); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of the user, as after a password
// change, and returns how many there were.
func (s *Store) DeleteUserSessions(ctx context.Context, userID string) (int64, error) {
	const query = `DELETE FROM "Session" WHERE "userId" = ?`
	res, err := s.db.Exec(ctx, query, userID)
	if err != nil {
		return 0, fmt.Errorf("store: delete sessions of user %q: %w", userID, err)
	}
	return res.RowsAffected()
}

// PurgeExpiredSessions deletes the sessions that have expired by now and
// returns how many it deleted.
func (s *Store) PurgeExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	const query = `DELETE FROM "Session" WHERE "expires" <= ?`
	res, err := s.db.Exec(ctx, query, now.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: purge expired sessions: %w", err)
	}
	return res.RowsAffected()
}
