package store

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"smmm"
	"smmm/db"
)

// NewUser is the input of CreateUser.
type NewUser struct {
	// Name is optional.
	Name *string
	// Email is stored trimmed and lowercased; it must be unique.
	Email string
	// PasswordHash is the bcrypt hash of the password (never the password).
	PasswordHash string
	// Role defaults to smmm.RoleClient when empty.
	Role smmm.Role
}

const userColumns = `"id", "name", "email", "emailVerified", "password", "role", "image", "createdAt", "updatedAt"`

// userFields are the scan destinations of userColumns. A NULL password (a
// user of the original system who signed in another way) scans as "".
func userFields(u *smmm.User) []any {
	return []any{&u.ID, &u.Name, &u.Email, scanNullTime{&u.EmailVerified}, nullString{&u.PasswordHash}, &u.Role, &u.Image,
		scanTime{&u.CreatedAt.Time}, scanTime{&u.UpdatedAt.Time}}
}

// normalizeEmail is how emails are stored and looked up.
func normalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CreateUser stores a new user and returns it. A user with the same email
// (ignoring case) gives an error of kind db.KindConflict; an empty email or
// an unknown role gives an smmm.EINVALID error.
func (s *Store) CreateUser(ctx context.Context, nu NewUser) (smmm.User, error) {
	u, err := s.createUser(ctx, s.db, nu)
	if err != nil {
		return smmm.User{}, fmt.Errorf("store: create user: %w", err)
	}
	return u, nil
}

func (s *Store) createUser(ctx context.Context, q db.Querier, nu NewUser) (smmm.User, error) {
	role := nu.Role
	if role == "" {
		role = smmm.RoleClient
	}
	if !role.Valid() {
		return smmm.User{}, smmm.Errorf(smmm.EINVALID, "unknown role %q", role)
	}
	now := s.now()
	u := smmm.User{
		ID: s.ids.next(now), Name: nu.Name, Email: normalizeEmail(nu.Email), PasswordHash: nu.PasswordHash,
		Role: role, CreatedAt: smmm.Time{Time: now}, UpdatedAt: smmm.Time{Time: now},
	}
	if u.Email == "" {
		return smmm.User{}, smmm.Errorf(smmm.EINVALID, "email is required")
	}
	const query = `INSERT INTO "User" ("id", "name", "email", "password", "role", "createdAt", "updatedAt")
	VALUES (?, ?, ?, ?, ?, ?, ?)`
	if _, err := q.Exec(ctx, query, u.ID, nullable(u.Name), u.Email, u.PasswordHash, string(u.Role), now, now); err != nil {
		return smmm.User{}, err
	}
	return u, nil
}

// UserByEmail returns the user with the given email, ignoring case and
// surrounding space, or an error matching db.ErrNotFound. Rows written by
// the original system may hold mixed case; they are found too.
func (s *Store) UserByEmail(ctx context.Context, email string) (smmm.User, error) {
	u, err := userByEmail(ctx, s.db, email)
	if err != nil {
		return smmm.User{}, fmt.Errorf("store: user by email: %w", err)
	}
	return u, nil
}

func userByEmail(ctx context.Context, q db.Querier, email string) (smmm.User, error) {
	// The database compares under its collation: MySQL's utf8mb4_unicode_ci
	// matches "ç@x", "ｃ@x" and "c@x\u200b" to "c@x". The query finds the
	// candidates; only one spelled exactly as asked (after normalizeEmail)
	// is the user, so that another spelling never reaches an account.
	// The original system could store "A@x" and "a@x" as two users on
	// PostgreSQL; the oldest wins, as it always has.
	const query = `SELECT ` + userColumns + ` FROM "User" WHERE LOWER("email") = ? ORDER BY "createdAt", "id" LIMIT 50`
	want := normalizeEmail(email)
	if !utf8.ValidString(want) || strings.ContainsRune(want, 0) {
		return smmm.User{}, db.ErrNotFound // no stored email is; PostgreSQL would refuse the text
	}
	us, err := queryAll(ctx, q, userFields, query, want)
	if err != nil {
		return smmm.User{}, err
	}
	for _, u := range us {
		if strings.ToLower(u.Email) == want {
			return u, nil
		}
	}
	return smmm.User{}, db.ErrNotFound
}

// User returns the user with the given id, or an error matching
// db.ErrNotFound.
func (s *Store) User(ctx context.Context, id string) (smmm.User, error) {
	const query = `SELECT ` + userColumns + ` FROM "User" WHERE "id" = ?`
	u, err := queryOne(ctx, s.db, userFields, query, id)
	if err != nil {
		return smmm.User{}, fmt.Errorf("store: user %q: %w", id, err)
	}
	return u, nil
}

// HasAdmin reports whether at least one user has the ADMIN role.
func (s *Store) HasAdmin(ctx context.Context) (bool, error) {
	ok, err := hasAdmin(ctx, s.db)
	if err != nil {
		return false, fmt.Errorf("store: has admin: %w", err)
	}
	return ok, nil
}

func hasAdmin(ctx context.Context, q db.Querier) (bool, error) {
	const query = `SELECT COUNT(*) FROM "User" WHERE "role" = ?`
	n, err := queryOne(ctx, q, scalar[int], query, string(smmm.RoleAdmin))
	return n > 0, err
}

// SetPassword replaces a user's password hash. It returns an error matching
// db.ErrNotFound when there is no such user.
func (s *Store) SetPassword(ctx context.Context, id, hash string) error {
	const query = `UPDATE "User" SET "password" = ?, "updatedAt" = ? WHERE "id" = ?`
	if err := execOne(ctx, s.db, query, hash, s.now(), id); err != nil {
		return fmt.Errorf("store: set password of user %q: %w", id, err)
	}
	return nil
}

// Users returns every user, oldest first. Their password hashes are read
// too (User.PasswordHash has no JSON field): callers never show them.
func (s *Store) Users(ctx context.Context) ([]smmm.User, error) {
	const query = `SELECT ` + userColumns + ` FROM "User" ORDER BY "createdAt", "id"`
	out, err := queryAll(ctx, s.db, userFields, query)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	return out, nil
}

// SetRole changes a user's role. It refuses, with an smmm.ECONFLICT
// error, to take the ADMIN role from the last ADMIN: nobody could manage
// the site any more. No such user gives an error matching db.ErrNotFound.
func (s *Store) SetRole(ctx context.Context, id string, role smmm.Role) error {
	if !role.Valid() {
		return smmm.Errorf(smmm.EINVALID, "unknown role %q", role)
	}
	err := s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		if role != smmm.RoleAdmin {
			const others = `SELECT COUNT(*) FROM "User" WHERE "role" = ? AND "id" <> ?`
			n, err := queryOne(ctx, tx, scalar[int], others, string(smmm.RoleAdmin), id)
			if err != nil {
				return err
			}
			if n == 0 {
				return smmm.Errorf(smmm.ECONFLICT, "the last ADMIN keeps the ADMIN role")
			}
		}
		const query = `UPDATE "User" SET "role" = ?, "updatedAt" = ? WHERE "id" = ?`
		return execOne(ctx, tx, query, string(role), s.now(), id)
	})
	if err != nil {
		return fmt.Errorf("store: set role of user %q: %w", id, err)
	}
	return nil
}

// ResetPassword replaces a user's password hash and ends every session of
// the user, in one transaction: whoever held the old password is signed
// out. No such user gives an error matching db.ErrNotFound.
func (s *Store) ResetPassword(ctx context.Context, id, hash string) error {
	err := s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		const query = `UPDATE "User" SET "password" = ?, "updatedAt" = ? WHERE "id" = ?`
		if err := execOne(ctx, tx, query, hash, s.now(), id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM "Session" WHERE "userId" = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: reset password of user %q: %w", id, err)
	}
	return nil
}
