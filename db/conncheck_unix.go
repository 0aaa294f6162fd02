//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package db

import (
	"crypto/tls"
	"errors"
	"net"
	"syscall"
)

// idleCheck peeks at a connection's socket without blocking or consuming
// anything. It is built once per connection, so a check allocates nothing.
type idleCheck struct {
	rc      syscall.RawConn
	peek    func(fd uintptr)
	buf     [1]byte
	waiting bool
}

// newIdleCheck returns a check for nc, or nil when nc has no socket to peek at.
func newIdleCheck(nc net.Conn) *idleCheck {
	if tc, ok := nc.(*tls.Conn); ok {
		nc = tc.NetConn()
	}
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	c := &idleCheck{rc: rc}
	c.peek = func(fd uintptr) {
		// Go's sockets are non-blocking: nothing to read is EAGAIN.
		n, _, err := syscall.Recvfrom(int(fd), c.buf[:], syscall.MSG_PEEK)
		c.waiting = n > 0 || err == nil || !errors.Is(err, syscall.EAGAIN) && !errors.Is(err, syscall.EWOULDBLOCK)
	}
	return c
}

// dataWaiting reports whether the socket has something to read or was
// closed by the peer. On an idle connection that means the server spoke
// unprompted: PostgreSQL sends a FATAL message and closes the socket when a
// session is ended under it.
func (c *idleCheck) dataWaiting() bool {
	if c == nil {
		return false
	}
	c.waiting = false
	if err := c.rc.Control(c.peek); err != nil {
		return true
	}
	return c.waiting
}
