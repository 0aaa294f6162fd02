package smmm

import (
	"encoding/json"
	"testing"
	"time"
)

func TestNewContactMessagePhone(t *testing.T) {
	tests := []struct {
		phone, want string
	}{
		{"+90 (532) 000-00.00", ""},
		{"12345", ""},
		{"1234", "must have at least 5 digits"},
		{"+() -.", "must have at least 5 digits"},
		{"0532 000 00 00 ext", "may contain only digits, spaces and + ( ) - ."},
		{"", "is required"},
	}
	for _, tt := range tests {
		t.Run(tt.phone, func(t *testing.T) {
			in := NewContactMessage{Name: "A", Email: "a@example.com", Phone: tt.phone, Subject: "S", Message: "M"}
			in.Normalize()
			if got := in.Valid()["phone"]; got != tt.want {
				t.Errorf("phone %q: problem %q, want %q", tt.phone, got, tt.want)
			}
		})
	}
}

func TestTimeJSON(t *testing.T) {
	ist := time.FixedZone("TRT", 3*60*60)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, `"0001-01-01T00:00:00.000Z"`},
		{time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), `"2025-01-02T03:04:05.000Z"`},
		{time.Date(2025, 1, 2, 6, 4, 5, 123456789, ist), `"2025-01-02T03:04:05.123Z"`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(struct{ T Time }{Time{Time: tt.in}})
		if want := `{"T":` + tt.want + `}`; err != nil || string(b) != want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.in, b, err, want)
		}
	}
}
