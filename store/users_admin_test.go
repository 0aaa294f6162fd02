package store_test

import (
	"errors"
	"testing"
	"time"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

// TestUserAdministration covers what the admin panel's users page needs:
// the list, role changes that never leave the site without an ADMIN, and a
// new password that ends the user's sessions in the same transaction.
func TestUserAdministration(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		admin, err := s.CreateUser(ctx, store.NewUser{Email: "admin@example.com", PasswordHash: "hash:a", Role: smmm.RoleAdmin})
		if err != nil {
			t.Fatal(err)
		}
		client, err := s.CreateUser(ctx, store.NewUser{Email: "client@example.com", PasswordHash: "hash:c"})
		if err != nil {
			t.Fatal(err)
		}
		users, err := s.Users(ctx)
		if err != nil || len(users) != 2 || users[0].ID != admin.ID || users[1].ID != client.ID {
			t.Fatalf("Users = %+v, %v; want the admin, then the client", users, err)
		}

		// The last ADMIN keeps the role; with a second one it can go.
		if err := s.SetRole(ctx, admin.ID, smmm.RoleClient); !isCode(err, smmm.ECONFLICT) {
			t.Fatalf("demoting the last ADMIN: %v, want a conflict", err)
		}
		if err := s.SetRole(ctx, client.ID, smmm.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRole(ctx, admin.ID, smmm.RoleClient); err != nil {
			t.Fatalf("demoting one of two ADMINs: %v", err)
		}
		if u, _ := s.User(ctx, admin.ID); u.Role != smmm.RoleClient {
			t.Fatalf("role = %s", u.Role)
		}
		if err := s.SetRole(ctx, client.ID, "ROOT"); !isCode(err, smmm.EINVALID) {
			t.Fatalf("an unknown role: %v", err)
		}
		if err := s.SetRole(ctx, "no-such-user", smmm.RoleAdmin); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("no such user: %v", err)
		}

		// A new password ends every session of that user, and only theirs.
		exp := time.Now().Add(time.Hour)
		for i, id := range []string{client.ID, client.ID, admin.ID} {
			if err := s.CreateSession(ctx, id, string(rune('a'+i))+"-token-hash", exp); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.ResetPassword(ctx, client.ID, "hash:new"); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.User(ctx, client.ID); u.PasswordHash != "hash:new" {
			t.Fatalf("hash = %q", u.PasswordHash)
		}
		for _, h := range []string{"a-token-hash", "b-token-hash"} {
			if _, _, err := s.SessionUser(ctx, h, time.Now()); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("session %s of the user outlived the new password: %v", h, err)
			}
		}
		if _, _, err := s.SessionUser(ctx, "c-token-hash", time.Now()); err != nil {
			t.Errorf("another user's session ended: %v", err)
		}
		if err := s.ResetPassword(ctx, "no-such-user", "hash:x"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("no such user: %v", err)
		}
	})
}

// isCode reports whether err is an smmm error of code.
func isCode(err error, code string) bool {
	var e *smmm.Error
	return errors.As(err, &e) && e.Code == code
}
