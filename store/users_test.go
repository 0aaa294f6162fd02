package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

func TestUsers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)

		if ok, err := s.HasAdmin(ctx); err != nil || ok {
			t.Fatalf("HasAdmin on an empty database = %v, %v; want false, nil", ok, err)
		}
		client, err := s.CreateUser(ctx, store.NewUser{Email: "  Musteri@Example.COM ", PasswordHash: "hash:a"})
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		if client.Email != "musteri@example.com" || client.Role != smmm.RoleClient || client.Name != nil ||
			client.PasswordHash != "hash:a" || client.ID == "" {
			t.Errorf("CreateUser = %+v, want a CLIENT musteri@example.com without a name", client)
		}
		if ok, err := s.HasAdmin(ctx); err != nil || ok {
			t.Errorf("HasAdmin with only a client = %v, %v; want false, nil", ok, err)
		}
		admin, err := s.CreateUser(ctx, store.NewUser{Name: ptr("Yönetici"), Email: "yonetici@example.com",
			PasswordHash: "hash:b", Role: smmm.RoleAdmin})
		if err != nil {
			t.Fatalf("CreateUser(admin): %v", err)
		}
		if ok, err := s.HasAdmin(ctx); err != nil || !ok {
			t.Errorf("HasAdmin = %v, %v; want true, nil", ok, err)
		}

		lookups := []struct {
			name string
			find func() (smmm.User, error)
			want smmm.User
		}{
			{"User", func() (smmm.User, error) { return s.User(ctx, client.ID) }, client},
			{"UserByEmail exact", func() (smmm.User, error) { return s.UserByEmail(ctx, "musteri@example.com") }, client},
			{"UserByEmail other case", func() (smmm.User, error) { return s.UserByEmail(ctx, " MUSTERI@example.Com") }, client},
			{"admin by id", func() (smmm.User, error) { return s.User(ctx, admin.ID) }, admin},
		}
		for _, tt := range lookups {
			t.Run(tt.name, func(t *testing.T) {
				got, err := tt.find()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("user differs from what was created (-want +got):\n%s", diff)
				}
				checkUTC(t, "user", got.CreatedAt.Time, got.UpdatedAt.Time)
			})
		}

		_, err = s.CreateUser(ctx, store.NewUser{Email: "MUSTERI@example.com", PasswordHash: "hash:c"})
		if db.KindOf(err) != db.KindConflict {
			t.Errorf("CreateUser with a taken email: error %v (kind %v), want kind conflict", err, db.KindOf(err))
		}
		if _, err := s.CreateUser(ctx, store.NewUser{Email: "x@example.com", Role: "ROOT"}); smmm.ErrorCode(err) != smmm.EINVALID {
			t.Errorf("CreateUser with role ROOT: error %v, want code %q", err, smmm.EINVALID)
		}

		if err := s.SetPassword(ctx, client.ID, "hash:new"); err != nil {
			t.Fatalf("SetPassword: %v", err)
		}
		// Again with the same hash at the same time (the test clock stands
		// still): nothing changes, which must not read as "not found".
		if err := s.SetPassword(ctx, client.ID, "hash:new"); err != nil {
			t.Fatalf("SetPassword with the same hash: %v", err)
		}
		if u, err := s.User(ctx, client.ID); err != nil || u.PasswordHash != "hash:new" {
			t.Errorf("after SetPassword: hash %q, %v; want hash:new", u.PasswordHash, err)
		}
		if u, err := s.User(ctx, admin.ID); err != nil || u.PasswordHash != "hash:b" {
			t.Errorf("SetPassword changed another user: hash %q, %v", u.PasswordHash, err)
		}

		notFound := []struct {
			name string
			run  func() error
		}{
			{"User", func() error { _, err := s.User(ctx, "no-such-id"); return err }},
			{"UserByEmail", func() error { _, err := s.UserByEmail(ctx, "kimse@example.com"); return err }},
			{"SetPassword", func() error { return s.SetPassword(ctx, "no-such-id", "hash:x") }},
		}
		for _, tt := range notFound {
			t.Run(tt.name+" not found", func(t *testing.T) {
				if err := tt.run(); !errors.Is(err, db.ErrNotFound) {
					t.Errorf("error = %v, want one matching db.ErrNotFound", err)
				}
			})
		}
	})
}

// TestUserByEmailAdopted finds a mixed-case email written by the original
// system, which did not lowercase emails.
func TestUserByEmailAdopted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		now := smmm.Now()
		id := store.NewID()
		if _, err := s.DB().Exec(ctx, `INSERT INTO "User" ("id", "email", "password", "role", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
			id, "Mali.Musavir@Example.com", "$2a$10$abcdefghijklmnopqrstuv", "ADMIN", now, now); err != nil {
			t.Fatal(err)
		}
		u, err := s.UserByEmail(ctx, "mali.musavir@example.com")
		if err != nil {
			t.Fatalf("UserByEmail: %v", err)
		}
		if u.ID != id || u.Email != "Mali.Musavir@Example.com" || u.Role != smmm.RoleAdmin || !u.CreatedAt.Equal(now) {
			t.Errorf("UserByEmail = %+v, want the adopted row %s", u, id)
		}
	})
}

// TestUserByEmailExactSpelling: only the spelling asked for (after trim and
// lower-case) finds a user. MySQL's utf8mb4_unicode_ci collation compares
// "ç@", "ｃ@" and a trailing zero-width space or NUL equal to "c@"; none of
// them may reach the account, nor fail with anything but "not found".
func TestUserByEmailExactSpelling(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		c, err := s.CreateUser(ctx, store.NewUser{Email: "c@example.com", PasswordHash: "hash:c"})
		if err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{"c@example.com", " C@Example.COM "} {
			if u, err := s.UserByEmail(ctx, email); err != nil || u.ID != c.ID {
				t.Errorf("UserByEmail(%q) = %v, %v; want the user", email, u.ID, err)
			}
		}
		for _, email := range []string{"ç@example.com", "ｃ@example.com", "c@example.com\u200b", "c@example.com\x00",
			"c@éxample.com", "c@example.com\xff"} {
			if u, err := s.UserByEmail(ctx, email); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("UserByEmail(%q) = %v, %v; want db.ErrNotFound", email, u.ID, err)
			}
		}
	})
}

// TestSetPassword sets a hash a user already has, at a time the row already
// holds: the UPDATE changes nothing, which MySQL reports as 0 changed but 1
// matched row (ClientFoundRows), and must not read as "not found". An
// unknown id must.
func TestSetPassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s, clock := MustOpenClock(t, d)
		u, err := s.CreateUser(ctx, store.NewUser{Email: "sifre@example.com", PasswordHash: "hash:a"})
		if err != nil {
			t.Fatal(err)
		}
		// The clock stands still: the first call writes the values the
		// row holds already, the second repeats it.
		for i := range 2 {
			if err := s.SetPassword(ctx, u.ID, "hash:a"); err != nil {
				t.Fatalf("SetPassword %d with the hash the user has: %v", i+1, err)
			}
		}
		later := clock.Advance(time.Minute)
		for i := range 2 {
			if err := s.SetPassword(ctx, u.ID, "hash:b"); err != nil {
				t.Fatalf("SetPassword %d with a new hash: %v", i+1, err)
			}
		}
		got, err := s.User(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PasswordHash != "hash:b" || !got.UpdatedAt.Equal(later) || !got.CreatedAt.Equal(u.CreatedAt.Time) {
			t.Errorf("after SetPassword: hash %q, updated %v, created %v; want hash:b, updated %v, created %v",
				got.PasswordHash, got.UpdatedAt, got.CreatedAt, later, u.CreatedAt)
		}

		err = s.SetPassword(ctx, "no-such-id", "hash:a")
		if !errors.Is(err, db.ErrNotFound) || db.KindOf(err) != db.KindNotFound {
			t.Errorf("SetPassword of an unknown id: error %v (kind %v), want one matching db.ErrNotFound", err, db.KindOf(err))
		}
		if n := MustCount(t, s, "User"); n != 1 {
			t.Errorf("%d users, want 1", n)
		}
	})
}
