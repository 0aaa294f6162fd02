package store

import (
	"testing"
	"time"
)

func TestIDSequenceIncreases(t *testing.T) {
	var q idSequence
	prev := ""
	for i := range 1000 {
		id := q.next()
		if id <= prev || len(id) != 25 {
			t.Fatalf("id %d = %q after %q: want 25 characters, strictly increasing", i, id, prev)
		}
		prev = id
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
}
