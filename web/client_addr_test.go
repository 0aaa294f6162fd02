package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClientAddr(t *testing.T) {
	proxies, err := ParseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48")
	if err != nil {
		t.Fatal(err)
	}
	trusting := &server{Config: Config{TrustedProxies: proxies}}
	naive := &server{}
	tests := []struct {
		name   string
		s      *server
		remote string
		xff    []string
		want   string
	}{
		{"direct", trusting, "192.0.2.1:5000", nil, "192.0.2.1"},
		{"untrusted peer's header ignored", trusting, "192.0.2.1:5000", []string{"203.0.113.9"}, "192.0.2.1"},
		{"no trusted proxies: header ignored", naive, "10.0.0.1:5000", []string{"203.0.113.9"}, "10.0.0.1"},
		{"one proxy", trusting, "10.0.0.1:5000", []string{"203.0.113.9"}, "203.0.113.9"},
		{"forged entries left of the client", trusting, "10.0.0.1:5000", []string{"1.1.1.1, 203.0.113.9"}, "203.0.113.9"},
		{"chain of proxies", trusting, "10.0.0.1:5000", []string{"1.1.1.1, 203.0.113.9, 10.2.2.2"}, "203.0.113.9"},
		{"several headers", trusting, "10.0.0.1:5000", []string{"1.1.1.1, 203.0.113.9", "10.2.2.2"}, "203.0.113.9"},
		{"all hops trusted", trusting, "10.0.0.1:5000", []string{"10.3.3.3, 10.2.2.2"}, "10.3.3.3"},
		{"proxy without header", trusting, "10.0.0.1:5000", nil, "10.0.0.1"},
		{"garbage stops the walk", trusting, "10.0.0.1:5000", []string{"203.0.113.9, junk, 10.2.2.2"}, "10.2.2.2"},
		{"hop with port", trusting, "10.0.0.1:5000", []string{"203.0.113.9:4444"}, "203.0.113.9"},
		{"IPv6 client", trusting, "[2001:db8:ffff::1]:5000", []string{"2001:db8::7"}, "2001:db8::7"},
		{"IPv6 hop with port", trusting, "10.0.0.1:5000", []string{"[2001:db8::7]:4444"}, "2001:db8::7"},
		{"mapped IPv4 peer", trusting, "[::ffff:10.0.0.1]:5000", []string{"203.0.113.9"}, "203.0.113.9"},
		{"not an address", trusting, "pipe", nil, "pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := tt.s.clientAddr(r); got != tt.want {
				t.Errorf("clientAddr = %q, want %q", got, tt.want)
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
