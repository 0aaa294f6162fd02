package db

import (
	"context"
	"net"
	"strings"
	"syscall"
	"time"
)

// TCP keepalive of the connections to PostgreSQL and MySQL: a peer that is
// gone without closing (a dead host, a dropped NAT entry) is noticed on an
// idle connection within keepAliveIdle + keepAliveCount·keepAliveInterval.
const (
	keepAliveIdle     = 15 * time.Second
	keepAliveInterval = 5 * time.Second
	keepAliveCount    = 3
)

// defaultUserTimeout is TCP_USER_TIMEOUT when socket_timeout is 0.
const defaultUserTimeout = 30 * time.Second

// userTimeout is TCP_USER_TIMEOUT for cfg: the client-side bound.
func userTimeout(cfg Config) time.Duration {
	if b := clientBound(cfg); b > 0 {
		return b
	}
	return defaultUserTimeout
}

// dialedKey holds, in the context of one connection attempt, where the
// dialer leaves the socket it opened (a *net.Conn), so that the pool can
// close it by force at shutdown.
type dialedKey struct{}

// newDialer returns the dial function of the server drivers: TCP keepalive
// on, and on Linux TCP_USER_TIMEOUT, which fails a connection whose sent
// data stays unacknowledged longer than userTimeout (packets dropped on the
// way), also where no context bounds the driver (the MySQL driver's
// COMMIT).
func newDialer(userTimeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{
		KeepAliveConfig: net.KeepAliveConfig{
			Enable: true, Idle: keepAliveIdle, Interval: keepAliveInterval, Count: keepAliveCount,
		},
		Control: func(network, _ string, rc syscall.RawConn) error {
			if !strings.HasPrefix(network, "tcp") {
				return nil
			}
			var serr error
			if err := rc.Control(func(fd uintptr) { serr = setUserTimeout(fd, userTimeout) }); err != nil {
				return err
			}
			return serr
		},
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err == nil {
			if slot, ok := ctx.Value(dialedKey{}).(*net.Conn); ok {
				*slot = c
			}
		}
		return c, err
	}
}
