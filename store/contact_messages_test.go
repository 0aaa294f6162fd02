package store_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

func sampleMessage(i int) smmm.NewContactMessage {
	return smmm.NewContactMessage{
		Name:    fmt.Sprintf("Ayşe Yıldız %d", i),
		Email:   fmt.Sprintf("ayse%d@example.com", i),
		Phone:   "+90 532 000 00 0" + fmt.Sprint(i%10),
		Subject: "Muhasebe hizmeti",
		Message: "Merhaba, şirketim için teklif almak istiyorum.\nTeşekkürler.",
	}
}

func TestContactMessageRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s, clock := MustOpenClock(t, d)

		in := sampleMessage(1)
		created, err := s.CreateContactMessage(ctx, in)
		if err != nil {
			t.Fatalf("CreateContactMessage: %v", err)
		}
		if created.ID == "" || created.Status != smmm.StatusNew || !created.CreatedAt.Equal(clockStart) ||
			!created.UpdatedAt.Equal(clockStart) {
			t.Fatalf("CreateContactMessage = %+v, want an id, status NEW and both times %v (the store's clock)", created, clockStart)
		}
		if created.Name != in.Name || created.Message != in.Message {
			t.Errorf("CreateContactMessage kept %q/%q, want %q/%q", created.Name, created.Message, in.Name, in.Message)
		}

		got, err := s.ContactMessage(ctx, created.ID)
		if err != nil {
			t.Fatalf("ContactMessage: %v", err)
		}
		if diff := cmp.Diff(created, got); diff != "" {
			t.Errorf("ContactMessage differs from what was created (-created +got):\n%s", diff)
		}
		checkUTC(t, "ContactMessage", got.CreatedAt.Time, got.UpdatedAt.Time)

		later := clock.Advance(1500 * time.Microsecond).Truncate(time.Millisecond)
		updated, err := s.UpdateContactMessageStatus(ctx, created.ID, smmm.StatusReplied)
		if err != nil {
			t.Fatalf("UpdateContactMessageStatus: %v", err)
		}
		if updated.Status != smmm.StatusReplied || !updated.CreatedAt.Equal(created.CreatedAt.Time) ||
			!updated.UpdatedAt.Equal(later) {
			t.Errorf("UpdateContactMessageStatus = %+v, want REPLIED, same createdAt, updatedAt %v (the clock, to the millisecond)", updated, later)
		}
		checkUTC(t, "UpdateContactMessageStatus", updated.CreatedAt.Time, updated.UpdatedAt.Time)
		got, err = s.ContactMessage(ctx, created.ID)
		if err != nil {
			t.Fatalf("ContactMessage: %v", err)
		}
		if diff := cmp.Diff(updated, got); diff != "" {
			t.Errorf("ContactMessage differs from the update's result (-updated +got):\n%s", diff)
		}
		// The same status at the same time changes nothing (the clock
		// stands still), which must not read as "not found" on MySQL.
		for range 2 {
			if _, err := s.UpdateContactMessageStatus(ctx, created.ID, smmm.StatusReplied); err != nil {
				t.Fatalf("UpdateContactMessageStatus again: %v", err)
			}
		}

		if n, err := s.CountContactMessages(ctx); err != nil || n != 1 {
			t.Errorf("CountContactMessages = %d, %v; want 1, nil", n, err)
		}
		if err := s.DeleteContactMessage(ctx, created.ID); err != nil {
			t.Fatalf("DeleteContactMessage: %v", err)
		}
		if n, err := s.CountContactMessages(ctx); err != nil || n != 0 {
			t.Errorf("CountContactMessages after delete = %d, %v; want 0, nil", n, err)
		}
	})
}

func TestContactMessageErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		m, err := s.CreateContactMessage(ctx, sampleMessage(1))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteContactMessage(ctx, m.ID); err != nil {
			t.Fatal(err)
		}

		notFound := []struct {
			name string
			run  func() error
		}{
			{"ContactMessage", func() error { _, err := s.ContactMessage(ctx, m.ID); return err }},
			{"UpdateContactMessageStatus", func() error {
				_, err := s.UpdateContactMessageStatus(ctx, m.ID, smmm.StatusPending)
				return err
			}},
			{"DeleteContactMessage", func() error { return s.DeleteContactMessage(ctx, m.ID) }},
			{"ContactMessage unknown id", func() error { _, err := s.ContactMessage(ctx, "no-such-id"); return err }},
		}
		for _, tt := range notFound {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.run()
				if !errors.Is(err, db.ErrNotFound) || db.KindOf(err) != db.KindNotFound {
					t.Errorf("error = %v, want one matching db.ErrNotFound", err)
				}
				if err != nil && !strings.HasPrefix(err.Error(), "store: ") {
					t.Errorf("error %q does not start with \"store: \"", err)
				}
			})
		}

		m, err = s.CreateContactMessage(ctx, sampleMessage(2))
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.UpdateContactMessageStatus(ctx, m.ID, "ARCHIVED")
		if smmm.ErrorCode(err) != smmm.EINVALID {
			t.Errorf("UpdateContactMessageStatus(ARCHIVED) error = %v, want code %q", err, smmm.EINVALID)
		}
		_, _, err = s.ListContactMessages(ctx, store.ContactMessageFilter{Status: "ARCHIVED"})
		if smmm.ErrorCode(err) != smmm.EINVALID {
			t.Errorf("ListContactMessages(status ARCHIVED) error = %v, want code %q", err, smmm.EINVALID)
		}
	})
}

func TestListContactMessages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)

		list, next, err := s.ListContactMessages(ctx, store.ContactMessageFilter{})
		if err != nil || list == nil || len(list) != 0 || next != nil {
			t.Fatalf("ListContactMessages on an empty table = %v, %v, %v; want [], nil, nil", list, next, err)
		}

		// Seven messages, several sharing a createdAt, so that the id breaks
		// ties in the keyset.
		base := smmm.Now().Add(-time.Hour)
		offsets := []time.Duration{0, 0, -time.Second, -time.Second, -time.Second, -2 * time.Second, -3 * time.Second}
		statuses := []smmm.Status{smmm.StatusNew, smmm.StatusPending, smmm.StatusNew, smmm.StatusPending,
			smmm.StatusPending, smmm.StatusResolved, smmm.StatusNew}
		var all []smmm.ContactMessage
		for i, off := range offsets {
			in := sampleMessage(i)
			m := smmm.ContactMessage{
				ID: store.NewID(), Name: in.Name, Email: in.Email, Phone: in.Phone, Subject: in.Subject,
				Message: in.Message, Status: statuses[i], CreatedAt: smmm.Time{Time: base.Add(off)}, UpdatedAt: smmm.Time{Time: base.Add(off)},
			}
			const q = `INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "status", "createdAt", "updatedAt")
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
			if _, err := s.DB().Exec(ctx, q, m.ID, m.Name, m.Email, m.Phone, m.Subject, m.Message,
				string(m.Status), m.CreatedAt.Time, m.UpdatedAt.Time); err != nil {
				t.Fatal(err)
			}
			all = append(all, m)
		}
		slices.SortFunc(all, func(a, b smmm.ContactMessage) int {
			if c := b.CreatedAt.Compare(a.CreatedAt.Time); c != 0 {
				return c
			}
			return strings.Compare(b.ID, a.ID)
		})
		pending := slices.DeleteFunc(slices.Clone(all), func(m smmm.ContactMessage) bool {
			return m.Status != smmm.StatusPending
		})

		tests := []struct {
			name  string
			f     store.ContactMessageFilter
			sizes []int
			want  []smmm.ContactMessage
		}{
			{"all in pages of 3", store.ContactMessageFilter{Limit: 3}, []int{3, 3, 1}, all},
			{"default limit", store.ContactMessageFilter{}, []int{7}, all},
			{"limit 7 exactly", store.ContactMessageFilter{Limit: 7}, []int{7}, all},
			{"limit over the cap", store.ContactMessageFilter{Limit: 5000}, []int{7}, all},
			{"pending in pages of 2", store.ContactMessageFilter{Status: smmm.StatusPending, Limit: 2}, []int{2, 1}, pending},
			{"replied", store.ContactMessageFilter{Status: smmm.StatusReplied, Limit: 2}, []int{0}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f := tt.f
				var got []smmm.ContactMessage
				var sizes []int
				for page := 0; ; page++ {
					if page > 10 {
						t.Fatal("pagination does not end")
					}
					list, next, err := s.ListContactMessages(ctx, f)
					if err != nil {
						t.Fatalf("ListContactMessages: %v", err)
					}
					if list == nil {
						t.Fatal("ListContactMessages returned a nil slice")
					}
					got = append(got, list...)
					sizes = append(sizes, len(list))
					if next == nil {
						break
					}
					// The cursor travels through a URL.
					c, err := store.ParseCursor(next.String())
					if err != nil {
						t.Fatalf("ParseCursor(%q): %v", next.String(), err)
					}
					if !c.CreatedAt.Equal(next.CreatedAt) || c.ID != next.ID {
						t.Fatalf("ParseCursor(String()) = %+v, want %+v", c, *next)
					}
					f.After = &c
				}
				if !slices.Equal(sizes, tt.sizes) {
					t.Errorf("page sizes = %v, want %v", sizes, tt.sizes)
				}
				if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b time.Time) bool {
					return a.Equal(b) && a.Location() == time.UTC && b.Location() == time.UTC
				})); diff != "" {
					t.Errorf("messages differ from newest-first order (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func TestParseCursor(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	valid := store.Cursor{CreatedAt: time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.UTC), ID: store.NewID()}
	tests := []struct {
		name    string
		in      string
		wantErr bool
	}{
		{"valid", valid.String(), false},
		{"empty", "", true},
		{"not base64", "!!!***", true},
		{"padded base64", base64.URLEncoding.EncodeToString([]byte("2024-01-01T00:00:00Z|x")), true},
		{"no separator", enc("2024-01-01T00:00:00Z"), true},
		{"empty id", enc("2024-01-01T00:00:00Z|"), true},
		{"bad time", enc("yesterday|cabc"), true},
		{"invalid utf-8 id", enc("2024-01-01T00:00:00Z|\xff\xfe"), true},
		{"id too long", enc("2024-01-01T00:00:00Z|" + strings.Repeat("a", 300)), true},
		{"huge", strings.Repeat("A", 100000), true},
		{"percent", "%2F%2F", true},
		{"year 0", enc("0000-01-01T00:00:00Z|cabc"), true},
		{"before 1970", enc("1969-12-31T23:59:59.999Z|cabc"), true},
		{"before 1970 in UTC", enc("1970-01-01T00:30:00+01:00|cabc"), true},
		{"year 10000 in UTC", enc("9999-12-31T23:30:00-01:00|cabc"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := store.ParseCursor(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseCursor(%.40q) = %+v, %v; want error %v", tt.in, c, err, tt.wantErr)
			}
			if err == nil && (!c.CreatedAt.Equal(valid.CreatedAt) || c.ID != valid.ID || c.CreatedAt.Location() != time.UTC) {
				t.Errorf("ParseCursor = %+v, want %+v in UTC", c, valid)
			}
		})
	}
}

func FuzzParseCursor(f *testing.F) {
	f.Add(store.Cursor{CreatedAt: time.Now(), ID: "cabc"}.String())
	f.Add("")
	f.Add("x|y")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := store.ParseCursor(s)
		if err != nil {
			return
		}
		again, err := store.ParseCursor(c.String())
		if err != nil || !again.CreatedAt.Equal(c.CreatedAt) || again.ID != c.ID {
			t.Fatalf("round trip of %+v: %+v, %v", c, again, err)
		}
	})
}

// TestPostgresPgBouncer runs the enum and time parameters through pgx's exec
// mode, which pgbouncer=true selects: no prepared statements, parameter
// types guessed from Go values.
func TestPostgresPgBouncer(t *testing.T) {
	ctx := testContext(t)
	s := MustOpen(t, db.Postgres, "pgbouncer=true")
	r, err := s.Seed(ctx, store.SeedOptions{Demo: true, Hash: testHash})
	if err != nil || !r.AdminCreated || !r.AboutCreated || r.DemoMessages == 0 {
		t.Fatalf("Seed = %+v, %v; want admin, about and demo messages", r, err)
	}
	m, err := s.CreateContactMessage(ctx, sampleMessage(1))
	if err != nil {
		t.Fatal(err)
	}
	if m, err = s.UpdateContactMessageStatus(ctx, m.ID, smmm.StatusPending); err != nil || m.Status != smmm.StatusPending {
		t.Fatalf("UpdateContactMessageStatus = %+v, %v", m, err)
	}
	f := store.ContactMessageFilter{Limit: 1}
	seen := 0
	for {
		list, next, err := s.ListContactMessages(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		seen += len(list)
		if next == nil {
			break
		}
		f.After = next
	}
	if seen != r.DemoMessages+1 {
		t.Errorf("paged through %d messages, want %d", seen, r.DemoMessages+1)
	}
	if ok, err := s.HasAdmin(ctx); err != nil || !ok {
		t.Errorf("HasAdmin = %v, %v", ok, err)
	}
	if _, err := s.PutAbout(ctx, smmm.DefaultAbout()); err != nil {
		t.Errorf("PutAbout: %v", err)
	}
}
