package auth

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Limit is a throttling rule: at most N hits per Window.
type Limit struct {
	N      int
	Window time.Duration
}

// Default limits: LOGIN_RATE_LIMIT and CONTACT_RATE_LIMIT of DESIGN.md.
var (
	DefaultLoginLimit   = Limit{N: 5, Window: 15 * time.Minute}
	DefaultContactLimit = Limit{N: 10, Window: time.Minute}
)

// String returns the limit in ParseLimit's format, such as "5/15m0s".
func (l Limit) String() string { return strconv.Itoa(l.N) + "/" + l.Window.String() }

// ParseLimit parses a limit written as COUNT/WINDOW, where WINDOW is a Go
// duration ("5/15m", "10/1m", "100/1h30m") or a bare unit meaning one of it
// ("10/m", "1000/h"). COUNT must be at least 1 and WINDOW at least a second.
func ParseLimit(s string) (Limit, error) {
	count, window, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Limit{}, fmt.Errorf("limit %q: want COUNT/WINDOW, such as 5/15m", s)
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if err != nil || n < 1 {
		return Limit{}, fmt.Errorf("limit %q: COUNT must be a whole number of at least 1", s)
	}
	window = strings.TrimSpace(window)
	switch window {
	case "s", "m", "h":
		window = "1" + window
	}
	d, err := time.ParseDuration(window)
	if err != nil || d < time.Second {
		return Limit{}, fmt.Errorf("limit %q: WINDOW must be a duration of at least 1s, such as 15m", s)
	}
	return Limit{N: n, Window: d}, nil
}

// ParseTrustedProxies parses TRUSTED_PROXIES: CIDRs or single addresses,
// separated by commas or spaces ("10.0.0.0/8, 192.0.2.7, fd00::/8"). An
// empty string gives no proxies.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	var bad []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				bad = append(bad, f)
				continue
			}
			if p.Addr().Is4In6() {
				p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0))
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			bad = append(bad, f)
			continue
		}
		a = a.Unmap().WithZone("")
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	if len(bad) > 0 {
		return nil, errors.New("want CIDRs or IP addresses, not " + strings.Join(quoteAll(bad), ", "))
	}
	return out, nil
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strconv.Quote(v)
	}
	return out
}
