package auth

import (
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.7 fd00::/8,::ffff:198.51.100.1,10.1.2.3/16")
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32"),
		netip.MustParsePrefix("fd00::/8"), netip.MustParsePrefix("198.51.100.1/32"),
		netip.MustParsePrefix("10.1.0.0/16"),
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })); diff != "" {
		t.Errorf("ParseTrustedProxies (-want +got):\n%s", diff)
	}
	if got, err := ParseTrustedProxies(""); err != nil || len(got) != 0 {
		t.Errorf("ParseTrustedProxies(\"\") = %v, %v; want none", got, err)
	}
	if _, err := ParseTrustedProxies("10.0.0.0/8, proxy.internal"); err == nil {
		t.Error("ParseTrustedProxies accepted a host name")
	}
}
