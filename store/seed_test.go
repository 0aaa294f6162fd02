package store_test

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

func testHash(p string) (string, error) { return "hash:" + p, nil }

func countAdmins(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(testContext(t), `SELECT COUNT(*) FROM "User" WHERE "role" = ?`, "ADMIN").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSeedDefaultAdmin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		var calls int
		o := store.SeedOptions{Hash: testHash, GeneratePassword: func() string { calls++; return fmt.Sprint("generated-", calls) }}

		r, err := s.Seed(ctx, o)
		if err != nil {
			t.Fatalf("Seed: %v", err)
		}
		want := store.SeedReport{AdminCreated: true, AdminEmail: store.DefaultAdminEmail,
			GeneratedPassword: "generated-1", AboutCreated: true}
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("first Seed report (-want +got):\n%s", diff)
		}
		admin, err := s.UserByEmail(ctx, store.DefaultAdminEmail)
		if err != nil {
			t.Fatal(err)
		}
		if admin.Role != smmm.RoleAdmin || admin.PasswordHash != "hash:generated-1" {
			t.Errorf("seeded admin = %+v, want ADMIN with hash:generated-1", admin)
		}
		about, err := s.About(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(inputContent(smmm.DefaultAbout()), contentOf(about)); diff != "" {
			t.Errorf("seeded about differs from DefaultAbout (-want +got):\n%s", diff)
		}

		r, err = s.Seed(ctx, o)
		if err != nil {
			t.Fatalf("second Seed: %v", err)
		}
		if diff := cmp.Diff(store.SeedReport{}, r); diff != "" {
			t.Errorf("second Seed did something (-want +got):\n%s", diff)
		}
		if calls != 1 {
			t.Errorf("GeneratePassword called %d times, want 1", calls)
		}
		if got, err := s.About(ctx); err != nil || !cmp.Equal(got, about) {
			t.Errorf("second Seed changed the about section: %+v, %v", got, err)
		}
		if n := MustCount(t, s, "User"); n != 1 {
			t.Errorf("%d users, want 1", n)
		}
	})
}

func TestSeedAdminEmail(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		noGenerate := func() string { t.Error("GeneratePassword called with AdminEmail set"); return "x" }

		if _, err := s.Seed(ctx, store.SeedOptions{AdminEmail: "a@example.com", Hash: testHash}); err == nil {
			t.Error("Seed with AdminEmail but no AdminPassword succeeded, want an error")
		}
		if _, err := s.Seed(ctx, store.SeedOptions{AdminEmail: "not-an-email", AdminPassword: "pw", Hash: testHash}); err == nil {
			t.Error("Seed with an invalid AdminEmail succeeded, want an error")
		}
		if n := MustCount(t, s, "User"); n != 0 {
			t.Fatalf("%d users after failed seeds, want 0", n)
		}

		// An existing user keeps its password and role.
		existing, err := s.CreateUser(ctx, store.NewUser{Email: "sahip@example.com", PasswordHash: "hash:old"})
		if err != nil {
			t.Fatal(err)
		}
		o := store.SeedOptions{AdminEmail: "Sahip@Example.com", AdminPassword: "new-password", Hash: testHash, GeneratePassword: noGenerate}
		r, err := s.Seed(ctx, o)
		if err != nil {
			t.Fatalf("Seed: %v", err)
		}
		if r.AdminCreated || r.GeneratedPassword != "" || r.AdminEmail != "sahip@example.com" {
			t.Errorf("Seed over an existing user = %+v, want no admin created", r)
		}
		if u, err := s.User(ctx, existing.ID); err != nil || u.PasswordHash != "hash:old" || u.Role != smmm.RoleClient {
			t.Errorf("existing user after Seed = %+v, %v; want hash:old and CLIENT unchanged", u, err)
		}
		if n := MustCount(t, s, "User"); n != 1 {
			t.Errorf("%d users, want 1", n)
		}

		// A new email is created as ADMIN with the given password, once.
		o.AdminEmail = "yeni@example.com"
		for i, want := range []bool{true, false} {
			r, err := s.Seed(ctx, o)
			if err != nil {
				t.Fatalf("Seed %d: %v", i, err)
			}
			if r.AdminCreated != want || r.GeneratedPassword != "" || r.AdminEmail != "yeni@example.com" {
				t.Errorf("Seed %d = %+v, want AdminCreated %v for yeni@example.com", i, r, want)
			}
		}
		u, err := s.UserByEmail(ctx, "yeni@example.com")
		if err != nil || u.Role != smmm.RoleAdmin || u.PasswordHash != "hash:new-password" {
			t.Errorf("admin from AdminEmail = %+v, %v; want ADMIN with hash:new-password", u, err)
		}

		failing := store.SeedOptions{AdminEmail: "baska@example.com", AdminPassword: "pw", Hash: func(string) (string, error) {
			return "", errors.New("hash failed")
		}}
		if _, err := s.Seed(ctx, failing); err == nil {
			t.Error("Seed with a failing Hash succeeded, want an error")
		}
	})
}

func TestSeedDemo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		o := store.SeedOptions{Demo: true, Hash: testHash}

		r, err := s.Seed(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if r.DemoMessages < 3 {
			t.Fatalf("Seed inserted %d demo messages, want a few", r.DemoMessages)
		}
		total := r.DemoMessages
		list, _, err := s.ListContactMessages(ctx, store.ContactMessageFilter{})
		if err != nil || len(list) != total {
			t.Fatalf("ListContactMessages = %d messages, %v; want %d", len(list), err, total)
		}
		for _, m := range list {
			if valid := (smmm.NewContactMessage{Name: m.Name, Email: m.Email, Phone: m.Phone, Subject: m.Subject,
				Message: m.Message}).Valid(); len(valid) != 0 || !m.Status.Valid() {
				t.Errorf("demo message %s is not valid input: %v", m.ID, valid)
			}
		}

		r, err = s.Seed(ctx, o)
		if err != nil || r.DemoMessages != 0 {
			t.Errorf("second Seed inserted %d demo messages, %v; want 0", r.DemoMessages, err)
		}
		if err := s.DeleteContactMessage(ctx, list[0].ID); err != nil {
			t.Fatal(err)
		}
		if r, err := s.Seed(ctx, o); err != nil || r.DemoMessages != 0 {
			t.Errorf("Seed with some demo messages left inserted %d, %v; want 0", r.DemoMessages, err)
		}
		if n, err := s.CountContactMessages(ctx); err != nil || n != total-1 {
			t.Errorf("CountContactMessages = %d, %v; want %d", n, err, total-1)
		}
	})
}

// TestSeedConcurrent runs Seed from several goroutines at once, as several
// instances starting together would.
func TestSeedConcurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)

		const n = 4
		var gen atomic.Int32
		reports := make([]store.SeedReport, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				reports[i], errs[i] = s.Seed(ctx, store.SeedOptions{Demo: true, Hash: testHash,
					GeneratePassword: func() string { return fmt.Sprint("generated-", gen.Add(1)) }})
			})
		}
		close(start)
		wg.Wait()

		var admins, abouts, demos int
		var password string
		for i, r := range reports {
			if errs[i] != nil {
				t.Errorf("Seed %d: %v", i, errs[i])
			}
			if r.AdminCreated {
				admins++
				password = r.GeneratedPassword
			} else if r.GeneratedPassword != "" {
				t.Errorf("Seed %d reported password %q without creating the admin", i, r.GeneratedPassword)
			}
			if r.AboutCreated {
				abouts++
			}
			demos += r.DemoMessages
		}
		if admins != 1 || abouts != 1 {
			t.Errorf("reports say %d admins and %d about sections created, want 1 and 1", admins, abouts)
		}
		if got := countAdmins(t, s); got != 1 {
			t.Errorf("%d ADMIN users stored, want 1", got)
		}
		if u, err := s.UserByEmail(ctx, store.DefaultAdminEmail); err != nil || u.PasswordHash != "hash:"+password {
			t.Errorf("admin hash = %q, %v; want the hash of the reported password %q", u.PasswordHash, err, password)
		}
		if got := MustCount(t, s, "AboutSection"); got != 1 {
			t.Errorf("%d about sections stored, want 1", got)
		}
		if got, err := s.CountContactMessages(ctx); err != nil || got != demos || demos == 0 {
			t.Errorf("%d messages stored (%v), reports say %d inserted; want equal and > 0", got, err, demos)
		}
	})
}
