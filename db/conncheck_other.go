//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package db

import "net"

// idleCheck would peek at a connection's socket without blocking; on this
// system it cannot. A connection the server ended while idle is then found
// by the statement sent on it.
type idleCheck struct{}

func newIdleCheck(net.Conn) *idleCheck { return nil }

func (*idleCheck) dataWaiting() bool { return false }
