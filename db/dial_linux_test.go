package db_test

import (
	"context"
	"net"
	"syscall"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestSocketOptions: the connections to PostgreSQL and MariaDB have TCP
// keepalive on (15 s idle, 5 s apart, 3 probes) and TCP_USER_TIMEOUT at the
// client-side bound, socket_timeout plus a second, so that the kernel
// gives up on a peer that stopped acknowledging even where no context
// reaches the driver.
func TestSocketOptions(t *testing.T) {
	eachServer(t, func(t *testing.T, d db.Dialect) {
		pool := dbtest.Open(t, dbtest.URL(t, d, "socket_timeout=7"), nil, db.Options{})
		sock, err := db.Socket(context.Background(), pool)
		if err != nil {
			t.Fatal(err)
		}
		tc, ok := sock.(*net.TCPConn)
		if !ok {
			t.Fatalf("socket is %T, want *net.TCPConn", sock)
		}
		rc, err := tc.SyscallConn()
		if err != nil {
			t.Fatal(err)
		}
		const tcpUserTimeout = 0x12
		want := map[string]struct{ level, opt, value int }{
			"SO_KEEPALIVE":     {syscall.SOL_SOCKET, syscall.SO_KEEPALIVE, 1},
			"TCP_KEEPIDLE":     {syscall.IPPROTO_TCP, syscall.TCP_KEEPIDLE, 15},
			"TCP_KEEPINTVL":    {syscall.IPPROTO_TCP, syscall.TCP_KEEPINTVL, 5},
			"TCP_KEEPCNT":      {syscall.IPPROTO_TCP, syscall.TCP_KEEPCNT, 3},
			"TCP_USER_TIMEOUT": {syscall.IPPROTO_TCP, tcpUserTimeout, int((8 * time.Second).Milliseconds())},
		}
		for name, w := range want {
			var got int
			var gerr error
			if err := rc.Control(func(fd uintptr) { got, gerr = syscall.GetsockoptInt(int(fd), w.level, w.opt) }); err != nil {
				t.Fatal(err)
			}
			if gerr != nil {
				t.Errorf("%s: %v", name, gerr)
			} else if got != w.value {
				t.Errorf("%s = %d, want %d", name, got, w.value)
			}
		}
	})
}
