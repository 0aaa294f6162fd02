package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"smmm/db"
	"smmm/migrations"
)

// cmdDoctor runs `smmm doctor`: it connects, reports what it finds and
// lists problems. It exits non-zero when the database cannot be reached or
// a problem was found. No secret is printed.
func cmdDoctor(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("doctor", e.stderr)
	instances := fs.Int("instances", 1, "how many instances will share the database server, for the connection budget")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *instances < 1 {
		return &usageError{"doctor: --instances must be at least 1"}
	}
	cfg := e.cfg.db
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	row := func(k, format string, a ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, a...)) }
	var problems []string

	row("profile", "%s", e.cfg.profile)
	row("database", "%s", cfg.Redacted())
	// The pool serve and the other commands use (env.openDB), so that
	// doctor sees the settings they run with. Doctor does not wait for the
	// database: one that does not answer is its finding.
	d, err := e.openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer e.closeDB(d, 5*time.Second)

	// The first ping pays for dialing and authentication; the best of the
	// next three is the round trip.
	first := d.Health(ctx)
	if !first.OK {
		tw.Flush()
		return fmt.Errorf("doctor: cannot reach %s: %w", cfg.Target(), first.Err)
	}
	row("connect", "%.2f ms to connect and answer the first query", float64(first.Latency.Microseconds())/1000)
	var best time.Duration
	for i := range 3 {
		h := d.Health(ctx)
		if !h.OK {
			tw.Flush()
			return fmt.Errorf("doctor: cannot reach %s: %w", cfg.Target(), h.Err)
		}
		if i == 0 || h.Latency < best {
			best = h.Latency
		}
	}
	row("latency", "%.2f ms (SELECT 1, best of 3)", float64(best.Microseconds())/1000)
	if best > 20*time.Millisecond {
		problems = append(problems, fmt.Sprintf("a round trip takes %s: is the database far from this host?", best.Round(time.Millisecond)))
	}

	si, err := d.ServerInfo(ctx)
	if err != nil {
		problems = append(problems, "could not read the server's settings: "+db.KindOf(err).String())
	} else {
		row("server", "%s", firstLine(si.Version))
	}

	settings := cfg.Settings()
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%v", k, settings[k]))
	}
	row("pool", "%s", strings.Join(parts, " "))

	if cfg.Dialect != db.SQLite && err == nil {
		usable := si.MaxConnections - si.Reserved
		row("budget", "server allows %d connections (%d reserved), %d open now; this pool may open %d",
			si.MaxConnections, si.Reserved, si.Connections, cfg.MaxConns)
		if usable > 0 {
			need := *instances * cfg.MaxConns
			row("", "%d instance(s) × pool %d = %d of the %d usable connections (%d instances would fill them)",
				*instances, cfg.MaxConns, need, usable, usable/max(cfg.MaxConns, 1))
			if need > usable {
				problems = append(problems, fmt.Sprintf("%d instances × pool size %d = %d connections, more than the server's %d usable ones: set DB_POOL_SIZE to at most %d, or put PgBouncer in front (pgbouncer=true, DIRECT_URL for migrations)",
					*instances, cfg.MaxConns, need, usable, max(usable / *instances, 1)))
			}
		}
	}
	if cfg.PgBouncer && e.cfg.direct == nil {
		problems = append(problems, "pgbouncer=true but DIRECT_URL is unset: migrations need a direct connection for their session lock")
	}
	if cfg.Dialect == db.SQLite && e.cfg.profile == db.Production {
		problems = append(problems, "production on embedded SQLite: fine for one instance, but every instance needs its own copy of the data")
	}

	md := d
	if e.cfg.direct != nil {
		if md, err = e.openDB(ctx, *e.cfg.direct); err != nil {
			return err
		}
		defer e.closeDB(md, 5*time.Second)
	}
	if n, err := migrations.Pending(ctx, md.SQL(), md.Dialect().String()); err != nil {
		problems = append(problems, "could not read the migration status: "+db.KindOf(err).String())
	} else if n > 0 {
		row("schema", "%d migration(s) pending", n)
		problems = append(problems, fmt.Sprintf("%d migration(s) pending: run 'smmm migrate'", n))
	} else {
		row("schema", "up to date")
	}

	if _, err := d.ServerTopQueries(ctx, 1); err != nil {
		var un *db.ServerQueriesUnavailable
		if errors.As(err, &un) {
			row("slow queries", "in-process only: %s (%s)", un.Reason, un.Enable)
		} else {
			row("slow queries", "in-process only: the server's statistics could not be read (%s)", db.KindOf(err))
		}
	} else {
		row("slow queries", "in-process and the server's statement statistics")
	}

	if len(problems) == 0 {
		row("problems", "none found")
		return nil
	}
	for i, p := range problems {
		k := ""
		if i == 0 {
			k = "problems"
		}
		row(k, "- %s", p)
	}
	tw.Flush()
	return fmt.Errorf("doctor: %d problem(s) found", len(problems))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
