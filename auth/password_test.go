package auth

import (
	"strings"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	// Hashes as bcryptjs (the original system) and PHP write them.
	tests := []struct {
		name     string
		hash     string
		password string
		want     bool
	}{
		{"2a bcryptjs", "$2a$10$srwJX0TSNCk2dFghHiX9Fet.dos1R1sbwXrXbi37RfN9yMI8ydAqO", "Admin123!", true},
		{"2a wrong password", "$2a$10$srwJX0TSNCk2dFghHiX9Fet.dos1R1sbwXrXbi37RfN9yMI8ydAqO", "admin123!", false},
		{"2b bcryptjs", "$2b$10$hjVAx3ns82xSXu0ieXWMtOiTjh4ciQ5m3UVCYAPbdZA55gTBfQ13.", "client-pass-2024", true},
		{"2b wrong password", "$2b$10$hjVAx3ns82xSXu0ieXWMtOiTjh4ciQ5m3UVCYAPbdZA55gTBfQ13.", "Admin123!", false},
		{"empty hash", "", "x", false},
		{"garbage hash", "not-a-hash", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckPassword(tt.hash, tt.password); got != tt.want {
				t.Errorf("CheckPassword = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHashRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$2a$12$") {
		t.Errorf("hash %q: want bcrypt cost 12", h)
	}
	if h5, err := HashPassword("correct horse battery", 5); err != nil || !strings.HasPrefix(h5, "$2a$05$") {
		t.Errorf("HashPassword at cost 5 = %q, %v; want a cost-5 hash", h5, err)
	}
	for _, bad := range []int{-1, 3, 17} {
		if _, err := HashPassword("correct horse battery", bad); err == nil {
			t.Errorf("HashPassword accepted cost %d", bad)
		}
	}
	if !CheckPassword(h, "correct horse battery") {
		t.Error("the password does not match its own hash")
	}
	if CheckPassword(h, "correct horse batterz") {
		t.Error("a different password matches")
	}
	// bcryptjs writes $2b$; the hash is otherwise the same algorithm.
	if !CheckPassword("$2b$"+h[4:], "correct horse battery") {
		t.Error("$2b$ form of the hash does not match")
	}
	if _, err := HashPassword("short", MinBcryptCost); err == nil {
		t.Error("HashPassword accepted a 5-character password")
	}
	if _, err := HashPassword(strings.Repeat("x", 73), MinBcryptCost); err == nil {
		t.Error("HashPassword accepted a 73-byte password")
	}
}

func TestGeneratePassword(t *testing.T) {
	a, b := GeneratePassword(), GeneratePassword()
	if len(a) != 20 || a == b {
		t.Errorf("GeneratePassword = %q, %q: want 20 characters, different each time", a, b)
	}
}

func TestNeedsRehash(t *testing.T) {
	const cost10 = "$2b$10$hjVAx3ns82xSXu0ieXWMtOiTjh4ciQ5m3UVCYAPbdZA55gTBfQ13."
	const cost12 = "$2a$12$.pHbo9jlrKs.6frdpGXfQulIPNGS9gvvvfLUxpzG71ZpS4jiGe8Wq"
	tests := []struct {
		hash string
		cost int
		want bool
	}{
		{cost10, 0, true},
		{cost12, 0, false},
		{cost12, 12, false},
		{cost10, 10, false},
		{cost12, 10, true},
		{"not a hash", 0, false},
		{"", 4, false},
	}
	for _, tt := range tests {
		if got := NeedsRehash(tt.hash, tt.cost); got != tt.want {
			t.Errorf("NeedsRehash(%q, %d) = %v, want %v", tt.hash, tt.cost, got, tt.want)
		}
	}
}
