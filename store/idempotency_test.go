package store_test

import (
	"testing"
	"time"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
)

func TestIdempotencyKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		in := smmm.NewContactMessage{Name: "Ayşe", Email: "a@b.co", Phone: "12345", Subject: "s", Message: "m"}
		first, replayed, err := s.CreateContactMessageOnce(ctx, "k1", "h1", in)
		if err != nil || replayed {
			t.Fatalf("first = %v, replayed %v", err, replayed)
		}
		again, replayed, err := s.CreateContactMessageOnce(ctx, "k1", "h1", in)
		if err != nil || !replayed || again.ID != first.ID {
			t.Errorf("repeat = %+v, replayed %v, %v; want the first message replayed", again, replayed, err)
		}
		if _, _, err := s.CreateContactMessageOnce(ctx, "k1", "h2", in); smmm.ErrorCode(err) != smmm.ECONFLICT {
			t.Errorf("same key, other request = %v, want a conflict", err)
		}

		// Purging forgets the key but keeps the message.
		if n, err := s.PurgeIdempotencyKeys(ctx, time.Now().Add(time.Minute)); err != nil || n != 1 {
			t.Fatalf("purge = %d, %v; want 1", n, err)
		}
		if got := MustCount(t, s, "ContactMessage"); got != 1 {
			t.Errorf("messages after purge = %d, want 1", got)
		}
		if m, replayed, err := s.CreateContactMessageOnce(ctx, "k1", "h2", in); err != nil || replayed || m.ID == first.ID {
			t.Errorf("after purge the key is new again: %+v, replayed %v, %v", m, replayed, err)
		}
	})
}
