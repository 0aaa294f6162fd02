package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
)

// drain stops srv, serving ln, without dropping a request on a connection
// it accepted. http.Server.Shutdown alone drops one: a connection accepted
// just before the listener closed whose first request the server reads
// after Shutdown began is closed unanswered, and its client, which never
// reused that connection, sees EOF.
//
// So drain turns keep-alives off first (idle connections close now, busy
// ones after their response, which says "Connection: close"), closes the
// listener and waits for Serve to return, after which every accepted
// connection is counted by conns. It waits, until ctx ends, for all of
// them to close, each after answering its request; only then does it call
// Shutdown, which has nothing left to wait for. Connections the kernel had
// queued but Serve never accepted are reset when the listener closes: none
// of their requests was read.
//
// served is what Serve returned (nil for the listener's closing); err is
// ctx's error when connections were still open at its end.
func drain(ctx context.Context, srv *http.Server, ln net.Listener, serveErr <-chan error, conns *connCounter) (served, err error) {
	srv.SetKeepAlivesEnabled(false)
	ln.Close()
	// Serve returns as soon as its Accept fails on the closed listener.
	served = <-serveErr
	if errors.Is(served, net.ErrClosed) || errors.Is(served, http.ErrServerClosed) {
		served = nil
	}
	if err := conns.waitClosed(ctx); err != nil {
		return served, err
	}
	return served, srv.Shutdown(ctx)
}

// connCounter counts a server's open connections, as its ConnState hook.
type connCounter struct {
	mu     sync.Mutex
	open   int
	closed chan struct{} // closed when open drops to 0; nil when nobody waits
}

func (c *connCounter) track(_ net.Conn, s http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch s {
	case http.StateNew:
		c.open++
	case http.StateClosed, http.StateHijacked:
		c.open--
		if c.open == 0 && c.closed != nil {
			close(c.closed)
			c.closed = nil
		}
	}
}

// waitClosed waits until no connection is open or ctx ends.
func (c *connCounter) waitClosed(ctx context.Context) error {
	c.mu.Lock()
	if c.open == 0 {
		c.mu.Unlock()
		return nil
	}
	if c.closed == nil {
		c.closed = make(chan struct{})
	}
	ch := c.closed
	c.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
