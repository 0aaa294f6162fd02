package db

import (
	"context"
	"net"
)

// HealthInFlight reports whether a check of d.Health is in flight and how
// many callers wait for it, so that tests know when every caller has joined.
func HealthInFlight(d *DB) (inFlight bool, waiters int) { return d.healthInFlight() }

// Socket returns the TCP socket of a connection of d's pool (nil for SQLite).
func Socket(ctx context.Context, d *DB) (net.Conn, error) {
	c, err := d.SQL().Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var sock net.Conn
	err = c.Raw(func(dc any) error {
		sock = dc.(*conn).sock
		return nil
	})
	return sock, err
}
