package store

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestIDSequenceIncreases(t *testing.T) {
	var q idSequence
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	prev := ""
	for i := range 1000 {
		// The same millisecond throughout, then a step back: the ids still
		// grow.
		now := at
		if i >= 500 {
			now = at.Add(-time.Second)
		}
		id := q.next(now)
		if id <= prev || len(id) != 25 {
			t.Fatalf("id %d = %q after %q: want 25 characters, strictly increasing", i, id, prev)
		}
		prev = id
	}
	if id := q.next(at.Add(time.Millisecond)); id[:9] != newIDAt(at.Add(time.Millisecond))[:9] {
		t.Errorf("id %q a millisecond later does not carry that time", id)
	}
}

func TestIncrement36(t *testing.T) {
	tests := []struct{ in, want string }{
		{"c00", "c01"},
		{"c0z", "c10"},
		{"c9zz", "ca00"},
	}
	for _, tt := range tests {
		if got := increment36(tt.in); got != tt.want {
			t.Errorf("increment36(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewIDGrowsWithTime(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	a, b := newIDAt(at), newIDAt(at.Add(time.Millisecond))
	if b <= a {
		t.Errorf("id %q a millisecond after %q, want ids to grow with time", b, a)
	}
	ts := strconv.FormatInt(at.UnixMilli(), 36)
	if want := "c" + strings.Repeat("0", 8-len(ts)) + ts; a[:9] != want {
		t.Errorf("id %q does not start with %q: c and its time in 8 base-36 digits", a, want)
	}
	if old := newIDAt(time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)); old[:9] != "c00000000" {
		t.Errorf("id of a time before 1970 = %q, want the time of 1970 (c00000000...)", old)
	}
}
