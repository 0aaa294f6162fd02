package main

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// connSampler counts the server-side connections to the benchmark database
// by application_name ("smmm" for the db package, "limit" for the raw
// pool), as PostgreSQL itself sees them.
type connSampler struct {
	admin  *sql.DB
	dbName string

	mu  sync.Mutex
	max map[string]int // most seen since the last takeMax
	n   int            // samples since the last takeMax
}

const connQuery = `SELECT application_name, count(*) FROM pg_stat_activity
	WHERE datname = $1 AND backend_type = 'client backend' GROUP BY application_name`

// sample counts the connections now.
func (c *connSampler) sample(ctx context.Context) (map[string]int, error) {
	rows, err := c.admin.QueryContext(ctx, connQuery, c.dbName)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var app string
		var n int
		if err := rows.Scan(&app, &n); err != nil {
			return nil, err
		}
		m[app] = n
	}
	return m, rows.Err()
}

// run samples every interval until ctx ends.
func (c *connSampler) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if m, err := c.sample(ctx); err == nil {
			c.mu.Lock()
			if c.max == nil {
				c.max = map[string]int{}
			}
			for app, n := range m {
				c.max[app] = max(c.max[app], n)
			}
			c.n++
			c.mu.Unlock()
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// takeMax returns the most connections seen per application_name and the
// number of samples since the previous call, and starts counting anew.
func (c *connSampler) takeMax() (map[string]int, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, n := c.max, c.n
	if m == nil {
		m = map[string]int{}
	}
	c.max, c.n = nil, 0
	return m, n
}
