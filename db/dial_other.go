//go:build !linux

package db

import "time"

// setUserTimeout does nothing where TCP_USER_TIMEOUT does not exist; TCP
// keepalive and the client-side bound remain.
func setUserTimeout(uintptr, time.Duration) error { return nil }
