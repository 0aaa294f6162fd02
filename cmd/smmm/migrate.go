package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"smmm/db"
	"smmm/migrations"
)

// cmdMigrate runs `smmm migrate [up|status|down|handback]`.
func cmdMigrate(ctx context.Context, e *env, args []string) error {
	action := "up"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	fs := newFlagSet("migrate "+action, e.stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch action {
	case "up", "status", "down", "handback":
	default:
		return &usageError{fmt.Sprintf("migrate: unknown action %q: want up, status, down or handback", action)}
	}

	d, done, err := e.connect(ctx, e.cfg.migrationConfig())
	if err != nil {
		return err
	}
	defer done()

	switch action {
	case "status":
		list, err := migrations.Status(ctx, d.SQL(), d.Dialect().String())
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERSION\tNAME\tAPPLIED AT")
		for _, m := range list {
			at := "pending"
			if m.Applied {
				at = m.AppliedAt.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%05d\t%s\t%s\n", m.Version, m.Name, at)
		}
		return tw.Flush()
	case "down":
		if err := refuseDroppingAdopted(ctx, d); err != nil {
			return err
		}
		if err := migrations.Down(ctx, d.SQL(), d.Dialect().String(), e.logger); err != nil {
			if errors.Is(err, migrations.ErrNothingToRollBack) {
				fmt.Fprintln(e.stdout, "nothing to roll back")
				return nil
			}
			return err
		}
		fmt.Fprintln(e.stdout, "rolled back one migration")
		return nil
	case "handback":
		return handback(ctx, e, d)
	}
	rep, err := migrateUp(ctx, e, d)
	if err != nil {
		return err
	}
	switch {
	case len(rep.Applied) == 0:
		fmt.Fprintf(e.stdout, "schema is up to date (version %d)\n", rep.Version)
	default:
		fmt.Fprintf(e.stdout, "applied %d migration(s), schema at version %d\n", len(rep.Applied), rep.Version)
	}
	if rep.Baseline {
		fmt.Fprintln(e.stdout, "adopted the existing Prisma database: nothing was dropped or altered")
	}
	return nil
}

// migrateUp applies pending migrations, trying again while the database is
// temporarily unavailable until DB_STARTUP_TIMEOUT has passed since the
// first try; waiting for the database between tries ends there too. The
// deadline only decides whether to try again: a migration that runs longer
// is not cut off.
func migrateUp(ctx context.Context, e *env, d *db.DB) (rep migrations.Report, err error) {
	deadline := time.Now().Add(e.cfg.startupTimeout)
	err = db.Retry(ctx, waitPolicy, func(_ int, err error) bool {
		if !db.KindOf(err).Temporary() || time.Now().After(deadline) {
			return false
		}
		e.logger.Warn("migration failed, trying again", "err", err)
		wctx, cancel := context.WithDeadline(ctx, deadline)
		defer cancel()
		return e.pingUntilUp(wctx, d, time.Until(deadline).Round(time.Second).String()) == nil
	}, func(ctx context.Context) error {
		rep, err = migrations.Up(ctx, d.SQL(), d.Dialect().String(), e.logger)
		return err
	})
	return rep, err
}

// dropsOriginalTables are the migrations whose Down drops tables of the
// original's schema: 00001 and 00005.
var dropsOriginalTables = map[int64]bool{1: true, 5: true}

// refuseDroppingAdopted stops `migrate down` from rolling back 00001 or
// 00005 on a database adopted from the original system: that would drop the
// original's tables and every row in them, which smmm never created.
func refuseDroppingAdopted(ctx context.Context, d *db.DB) error {
	list, err := migrations.Status(ctx, d.SQL(), d.Dialect().String())
	if err != nil {
		return err
	}
	var last int64
	for _, m := range list {
		if m.Applied {
			last = m.Version
		}
	}
	if !dropsOriginalTables[last] {
		return nil
	}
	adopted, err := migrations.Adopted(ctx, d.SQL(), d.Dialect().String())
	switch {
	case err != nil:
		// Fail closed: what cannot be read might be the original's tables.
		return fmt.Errorf("migrate down: cannot tell whether this database was adopted from the original Prisma system, so smmm refuses to roll back %05d: %w", last, err)
	case !adopted:
		return nil // the schema is smmm's own to drop
	}
	return fmt.Errorf("migrate down: this database was adopted from the original Prisma system (it has _prisma_migrations); rolling back %05d would drop its tables and their rows, so smmm refuses", last)
}

// handback gives the database back to the original system: it drops
// smmm's own objects and keeps the original's tables with every row
// (migrations.Handback), then says what is left to do on the original's
// side.
func handback(ctx context.Context, e *env, d *db.DB) error {
	dialect := d.Dialect().String()
	rep, err := migrations.Handback(ctx, d.SQL(), dialect, e.logger)
	if err != nil {
		return err
	}
	if len(rep.Dropped) == 0 {
		fmt.Fprintln(e.stdout, "nothing of smmm's is left in this database: it has been handed back already")
		return nil
	}
	fmt.Fprintf(e.stdout, "handed back: dropped %d object(s) of smmm's own, kept every table of the original's schema and every row:\n", len(rep.Dropped))
	for _, what := range rep.Dropped {
		fmt.Fprintf(e.stdout, "  dropped %s\n", what)
	}
	adopted, err := migrations.Adopted(ctx, d.SQL(), dialect)
	if err != nil {
		return err
	}
	if !adopted {
		fmt.Fprintln(e.stdout, "This database was made by smmm and has no _prisma_migrations: before the original app's first `prisma migrate deploy`, mark its init migration as applied with")
		fmt.Fprintln(e.stdout, "  npx prisma migrate resolve --applied 20251101125707_init")
		fmt.Fprintln(e.stdout, "(README.md, \"Going back to the original app\").")
	}
	return nil
}
