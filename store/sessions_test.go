package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

func TestSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		u, err := s.CreateUser(ctx, store.NewUser{Name: ptr("Ayşe"), Email: "ayse@example.com", PasswordHash: "hash:a"})
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.CreateUser(ctx, store.NewUser{Email: "other@example.com", PasswordHash: "hash:b"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		expires := now.Add(30 * 24 * time.Hour).Add(123 * time.Millisecond)

		if err := s.CreateSession(ctx, u.ID, "hash-1", expires); err != nil {
			t.Fatalf("CreateSession: %v", err)
		}
		if err := s.CreateSession(ctx, u.ID, "hash-1", expires); db.KindOf(err) != db.KindConflict {
			t.Errorf("CreateSession with a taken hash: error %v (kind %v), want kind conflict", err, db.KindOf(err))
		}
		if err := s.CreateSession(ctx, "nobody", "hash-x", expires); db.KindOf(err) != db.KindForeignKey {
			t.Errorf("CreateSession of an unknown user: error %v (kind %v), want kind foreign_key", err, db.KindOf(err))
		}

		got, gotExpires, err := s.SessionUser(ctx, "hash-1", now)
		if err != nil {
			t.Fatalf("SessionUser: %v", err)
		}
		if diff := cmp.Diff(u, got); diff != "" {
			t.Errorf("SessionUser user (-want +got):\n%s", diff)
		}
		if !gotExpires.Equal(expires) || gotExpires.Location() != time.UTC {
			t.Errorf("SessionUser expires = %v, want %v in UTC", gotExpires, expires)
		}
		if _, _, err := s.SessionUser(ctx, "hash-unknown", now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SessionUser(unknown) = %v, want ErrNotFound", err)
		}
		if _, _, err := s.SessionUser(ctx, "hash-1", expires); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SessionUser at its expiry = %v, want ErrNotFound", err)
		}

		later := expires.Add(24 * time.Hour)
		if err := s.ExtendSession(ctx, "hash-1", later); err != nil {
			t.Fatalf("ExtendSession: %v", err)
		}
		if _, e, err := s.SessionUser(ctx, "hash-1", expires); err != nil || !e.Equal(later) {
			t.Errorf("SessionUser after ExtendSession = %v, %v; want %v", e, err, later)
		}
		if err := s.ExtendSession(ctx, "hash-unknown", later); err != nil {
			t.Errorf("ExtendSession(unknown) = %v, want nil", err)
		}

		if err := s.DeleteSession(ctx, "hash-1"); err != nil {
			t.Fatalf("DeleteSession: %v", err)
		}
		if _, _, err := s.SessionUser(ctx, "hash-1", now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SessionUser after DeleteSession = %v, want ErrNotFound", err)
		}
		if err := s.DeleteSession(ctx, "hash-1"); err != nil {
			t.Errorf("DeleteSession twice = %v, want nil", err)
		}

		for i, e := range []time.Time{now.Add(-time.Hour), now, now.Add(time.Hour)} {
			if err := s.CreateSession(ctx, u.ID, "old-"+string(rune('a'+i)), e); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreateSession(ctx, other.ID, "other", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if n, err := s.PurgeExpiredSessions(ctx, now); err != nil || n != 2 {
			t.Errorf("PurgeExpiredSessions = %d, %v; want 2, nil", n, err)
		}
		if n := MustCount(t, s, "Session"); n != 2 {
			t.Errorf("%d sessions after the purge, want 2", n)
		}
		if n, err := s.DeleteUserSessions(ctx, u.ID); err != nil || n != 1 {
			t.Errorf("DeleteUserSessions = %d, %v; want 1, nil", n, err)
		}
		if _, _, err := s.SessionUser(ctx, "other", now); err != nil {
			t.Errorf("another user's session after DeleteUserSessions: %v", err)
		}
	})
}
