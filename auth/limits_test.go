package auth

import (
	"testing"
	"time"
)

func TestParseLimit(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Limit
		wantErr bool
	}{
		{"login default", "5/15m", Limit{5, 15 * time.Minute}, false},
		{"contact default", "10/1m", Limit{10, time.Minute}, false},
		{"bare unit", "100/h", Limit{100, time.Hour}, false},
		{"spaces", " 3 / 30s ", Limit{3, 30 * time.Second}, false},
		{"compound", "7/1h30m", Limit{7, 90 * time.Minute}, false},
		{"no slash", "5", Limit{}, true},
		{"zero count", "0/1m", Limit{}, true},
		{"negative count", "-1/1m", Limit{}, true},
		{"no unit", "5/15", Limit{}, true},
		{"too short window", "5/10ms", Limit{}, true},
		{"empty", "", Limit{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLimit(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseLimit(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseLimit(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
