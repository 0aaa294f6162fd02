package db_test

// Fault injection shared by the failure-handling tests (issue #3): a TCP
// proxy that refuses, cuts, hangs, delays, mutes and blackholes connections, and helpers
// that kill our connections on the server and look at what it still runs.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"smmm/db"
	"smmm/db/dbtest"
)

// proxyMode is what faultProxy does with a new connection.
type proxyMode int32

const (
	proxyForward proxyMode = iota // forward to the server
	proxyRefuse                   // accept and close at once: the server is down
	proxyHang                     // accept and never answer: the server is stuck
)

// faultProxy listens on 127.0.0.1 and forwards to a real database server,
// unless told to misbehave. Modes apply to new connections; Cut and Mute act
// on the live ones.
type faultProxy struct {
	ln       net.Listener
	target   string
	mode     atomic.Int32
	delay    atomic.Int64 // before dialing the server, for new connections
	accepted atomic.Int64

	mu     sync.Mutex
	conns  map[*proxyConn]struct{}
	closed bool
	wg     sync.WaitGroup
}

type proxyConn struct {
	client, server net.Conn // server is nil for a hanging connection
	muted          atomic.Bool
	holed          atomic.Bool // dropping every byte, both ways
}

func (c *proxyConn) close() {
	c.client.Close()
	if c.server != nil {
		c.server.Close()
	}
}

// newFaultProxy starts a proxy to target (host:port), stopped when the test ends.
func newFaultProxy(t testing.TB, target string) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{ln: ln, target: target, conns: map[*proxyConn]struct{}{}}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() { p.close(t) })
	return p
}

func (p *faultProxy) Addr() string { return p.ln.Addr().String() }

// SetMode sets what happens to new connections.
func (p *faultProxy) SetMode(m proxyMode) { p.mode.Store(int32(m)) }

// SetDelay makes new connections wait d before the proxy dials the server.
func (p *faultProxy) SetDelay(d time.Duration) { p.delay.Store(int64(d)) }

// Accepted counts the connections the proxy has accepted.
func (p *faultProxy) Accepted() int64 { return p.accepted.Load() }

// Cut closes every live connection in both directions, as a network failure
// or a server crash would. It returns how many it closed.
func (p *faultProxy) Cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.conns)
	for c := range p.conns {
		c.close()
		delete(p.conns, c)
	}
	return n
}

// Mute stops delivering the server's replies on every live connection: what
// the client sends still reaches the server, but it never hears back.
func (p *faultProxy) Mute() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.muted.Store(true)
	}
}

// Blackhole drops every byte of every live connection, both ways, without
// closing anything, and makes new connections hang: what clients see when
// a firewall starts dropping packets or the server's host dies. Heal
// undoes it.
func (p *faultProxy) Blackhole() {
	p.SetMode(proxyHang)
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.holed.Store(true)
	}
}

// Heal ends a Blackhole: new connections are forwarded again. Connections
// that were blackholed are closed, as their peers' TCP would reset them
// once packets flow: every byte they sent meanwhile was lost, so their
// streams cannot go on. It returns how many it closed.
func (p *faultProxy) Heal() int {
	p.SetMode(proxyForward)
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for c := range p.conns {
		if c.holed.Load() || c.server == nil {
			c.close()
			delete(p.conns, c)
			n++
		}
	}
	return n
}

func (p *faultProxy) track(c *proxyConn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *faultProxy) untrack(c *proxyConn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	c.close()
}

// close stops accepting, cuts every live connection and waits until every
// goroutine of the proxy has ended.
func (p *faultProxy) close(t testing.TB) {
	t.Helper()
	p.ln.Close()
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.Cut()
	waitGroup(t, &p.wg, "the fault proxy's goroutines to end after it cut every connection")
}

func (p *faultProxy) serve() {
	defer p.wg.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.accepted.Add(1)
		p.wg.Add(1)
		go p.handle(client)
	}
}

func (p *faultProxy) handle(client net.Conn) {
	defer p.wg.Done()
	switch proxyMode(p.mode.Load()) {
	case proxyRefuse:
		client.Close()
		return
	case proxyHang:
		c := &proxyConn{client: client}
		if !p.track(c) {
			client.Close()
			return
		}
		// Hold the connection, reading and discarding, until Cut or the client gives up.
		io.Copy(io.Discard, client)
		p.untrack(c)
		return
	}
	if d := time.Duration(p.delay.Load()); d > 0 {
		time.Sleep(d) // the injected fault itself: a slow network or server
	}
	server, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		client.Close()
		return
	}
	c := &proxyConn{client: client, server: server}
	if !p.track(c) {
		c.close()
		return
	}
	// When one side ends, end both, as TCP through a dead middlebox would.
	// Both copies count in p.wg, which close waits for.
	p.wg.Add(2)
	go func() { // client -> server, unless blackholed
		defer p.wg.Done()
		buf := make([]byte, 32<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 && !c.holed.Load() {
				if _, werr := server.Write(buf[:n]); werr != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		p.untrack(c)
	}()
	go func() { // server -> client, unless muted or blackholed
		defer p.wg.Done()
		buf := make([]byte, 32<<10)
		for {
			n, err := server.Read(buf)
			if n > 0 && !c.muted.Load() && !c.holed.Load() {
				if _, werr := client.Write(buf[:n]); werr != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		p.untrack(c)
	}()
}

// proxiedURL returns a fresh test database of dialect d reached through a new
// fault proxy, with params appended, and the proxy.
func proxiedURL(t *testing.T, d db.Dialect, params ...string) (string, *faultProxy) {
	t.Helper()
	return proxied(t, dbtest.URL(t, d, params...))
}

// proxied returns rawURL reached through a new fault proxy to its host, and
// the proxy.
func proxied(t *testing.T, rawURL string) (string, *faultProxy) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := newFaultProxy(t, u.Host)
	u.Host = p.Addr()
	return u.String(), p
}

// directURL returns rawURL, a URL through p, with p's target in place of p.
func (p *faultProxy) directURL(t testing.TB, rawURL string) string {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.target
	return u.String()
}

// downURL returns a URL of dialect d whose server refuses connections: nothing
// listens on port 1.
func downURL(d db.Dialect, params string) string {
	if d == db.MySQL {
		return "mysql://u:pw@127.0.0.1:1/x?" + params
	}
	return "postgres://u:pw@127.0.0.1:1/x?" + params
}

// killOurs ends, on the server, every connection of ours to the test database
// and waits until the server has dropped them. It returns how many it ended.
func killOurs(t testing.TB, admin *sql.DB, d db.Dialect, name string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if d == db.Postgres {
		// Find them first: in one statement, PostgreSQL may well call
		// pg_terminate_backend before applying the other conditions, on
		// every backend of the server.
		var pids []int64
		rows, err := admin.QueryContext(ctx, `SELECT pid FROM pg_stat_activity
			WHERE datname = $1 AND application_name = 'smmm' AND pid <> pg_backend_pid()`, name)
		if err != nil {
			t.Fatalf("pg_stat_activity: %v", err)
		}
		for rows.Next() {
			var pid int64
			if err := rows.Scan(&pid); err != nil {
				t.Fatal(err)
			}
			pids = append(pids, pid)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		// Signal them all at once, as a server restart would, then wait for
		// the backends to exit.
		if _, err := admin.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, pids); err != nil {
			t.Fatalf("pg_terminate_backend: %v", err)
		}
		for {
			var left int
			if err := admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1)`, pids).Scan(&left); err != nil {
				t.Fatal(err)
			}
			if left == 0 {
				return len(pids)
			}
			select {
			case <-ctx.Done():
				t.Fatalf("%d terminated backends still on the server", left)
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	ids := mysqlThreads(t, admin, name)
	for _, id := range ids {
		if _, err := admin.ExecContext(ctx, fmt.Sprintf("KILL %d", id)); err != nil {
			var me *mysql.MySQLError
			if !errors.As(err, &me) || me.Number != 1094 { // 1094: gone already
				t.Fatalf("KILL %d: %v", id, err)
			}
		}
	}
	// KILL only flags the thread; wait until the server has let it go.
	for {
		left := 0
		now := mysqlThreads(t, admin, name)
		for _, id := range ids {
			for _, n := range now {
				if n == id {
					left++
				}
			}
		}
		if left == 0 {
			return len(ids)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d killed threads still on the server", left)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func mysqlThreads(t testing.TB, admin *sql.DB, name string) []int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), adminQueryLimit)
	defer cancel()
	rows, err := admin.QueryContext(ctx, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", name)
	if err != nil {
		t.Fatalf("PROCESSLIST: %v", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("PROCESSLIST: %v", err)
	}
	return ids
}

// serverRunning counts statements of ours to the test database that the
// server is running now and whose text contains like (an SQL LIKE pattern),
// leaving out the admin's own session.
func serverRunning(t testing.TB, admin *sql.DB, d db.Dialect, name, like string) int {
	t.Helper()
	q := `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'smmm'
		AND state = 'active' AND query LIKE $2 AND pid <> pg_backend_pid()`
	if d == db.MySQL {
		q = `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE ? AND ID <> CONNECTION_ID()`
	}
	var n int
	ctx, cancel := context.WithTimeout(context.Background(), adminQueryLimit)
	defer cancel()
	if err := admin.QueryRowContext(ctx, q, name, like).Scan(&n); err != nil {
		t.Fatalf("server activity: %v", err)
	}
	return n
}

// sleepLike is the LIKE pattern matching sleepSQL's statements on the server.
func sleepLike(d db.Dialect) string {
	if d == db.MySQL {
		return "%SLEEP(%"
	}
	return "%pg_sleep(%"
}

// waitUntil polls cond until it holds (true) or within has passed (false).
// Unlike waitFor it may run on any goroutine.
func waitUntil(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// mustExec runs setup statements.
func mustExec(t testing.TB, pool *db.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := pool.Exec(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// count returns the number of rows in table.
func count(t testing.TB, pool *db.DB, table string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM "`+table+`"`).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// slowInsert is an INSERT of (n) into "T" that takes about seconds on the
// server before its row is written.
func slowInsert(d db.Dialect, seconds float64) string {
	if d == db.MySQL {
		return fmt.Sprintf(`INSERT INTO "T" ("n") SELECT ? FROM (SELECT SLEEP(%g)) s`, seconds)
	}
	return fmt.Sprintf(`INSERT INTO "T" ("n") SELECT ? FROM pg_sleep(%g)`, seconds)
}

// queryEvents collects OnQuery events.
type queryEvents struct {
	mu sync.Mutex
	ev []db.QueryEvent
}

func (q *queryEvents) add(e db.QueryEvent) {
	q.mu.Lock()
	q.ev = append(q.ev, e)
	q.mu.Unlock()
}

func (q *queryEvents) all() []db.QueryEvent {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]db.QueryEvent(nil), q.ev...)
}
