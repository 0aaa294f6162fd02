package auth

import (
	"fmt"
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
	DefaultLoginLimit = Limit{N: 5, Window: 15 * time.Minute}
	DefaultFormLimit  = Limit{N: 10, Window: time.Minute}
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
