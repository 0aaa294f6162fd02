package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"smmm/auth"
	"smmm/db"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
)

// cmdServe runs `smmm serve`. It listens at once, so that probes answer
// while the database is still down; in the background it waits for the
// database, as long as it runs, migrates (with --no-migrate: checks that
// nothing is pending, and only then announces its address), seeds, and
// then reports ready. It serves until ctx is canceled, then answers the
// requests of every connection it accepted (drain) and closes the pool,
// both within one SHUTDOWN_TIMEOUT: what the drain leaves of it is the
// pool's, and statements still running when it passes have their
// connections shut.
func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("serve", e.stderr)
	noMigrate := fs.Bool("no-migrate", false, "do not apply migrations; refuse to start if any is pending")
	host := fs.String("host", e.cfg.host, "listen host (HOST)")
	port := fs.String("port", e.cfg.port, "listen port (PORT)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*host, *port))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()

	metrics := web.NewMetrics()
	d, err := e.openDB(ctx, e.cfg.db, metrics.ObserveQuery)
	if err != nil {
		return err
	}
	// The shutdown's deadline, once it begins; a return before that (a
	// failed start) gives the pool a SHUTDOWN_TIMEOUT of its own.
	var deadline time.Time
	defer func() {
		if deadline.IsZero() {
			deadline = time.Now().Add(e.cfg.shutdownTimeout)
		}
		ctx, cancel := context.WithDeadline(context.Background(), deadline)
		defer cancel()
		e.closeDBBy(ctx, d)
	}()
	e.logger.Info("database", "config", d.Config())
	metrics.WatchPool(d)
	st := store.New(d)
	sessions := auth.New(st, auth.Options{
		LoginLimit: e.cfg.loginLimit,
		FormLimit:  e.cfg.contactLimit,
		BcryptCost: e.cfg.bcryptCost,
		Logger:     e.logger,
	})

	if e.cfg.metricsAddr != "" {
		mln, err := net.Listen("tcp", e.cfg.metricsAddr)
		if err != nil {
			return fmt.Errorf("listen on METRICS_ADDR: %w", err)
		}
		msrv := &http.Server{Handler: metrics.Handler(), ReadHeaderTimeout: 5 * time.Second}
		go msrv.Serve(mln)
		defer msrv.Close()
		e.logger.Info("metrics listening", "addr", "http://"+mln.Addr().String()+"/metrics")
	}

	var ready, draining atomic.Bool
	srv := &http.Server{
		Handler: web.NewServer(web.Config{
			Logger:         e.logger,
			DB:             d,
			Store:          st,
			Auth:           sessions,
			SecureCookies:  e.cfg.profile == db.Production,
			TrustedProxies: e.cfg.trustedProxies,
			Ready:          ready.Load,
			Draining:       draining.Load,
			Metrics:        metrics,
			MetricsToken:   e.cfg.metricsToken,
			MetricsOff:     e.cfg.metricsAddr != "",
			Production:     e.cfg.profile == db.Production,
		}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(e.logger.Handler(), slog.LevelWarn),
		// Requests keep their context through the drain; Shutdown ends them.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	// With --no-migrate and the database already up, a pending migration
	// stops serve before it announces anything.
	if *noMigrate {
		if err := refusePending(ctx, d); err != nil {
			return err
		}
	}
	conns := &connCounter{}
	srv.ConnState = conns.track
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	// Probes are answered from now on. With --no-migrate, serve announces
	// its address only once startup found no migration pending, so that a
	// refusal is never preceded by "listening".
	announce := func() {
		e.logger.Info("listening", "addr", "http://"+ln.Addr().String(), "env", e.cfg.profile.String())
		fmt.Fprintf(e.stdout, "smmm listening on http://%s\n", ln.Addr())
	}
	if !*noMigrate {
		announce()
	}

	startCtx, cancelStart := context.WithCancel(ctx)
	defer cancelStart()
	started := make(chan error, 1)
	pre := prepareAdminHash(e.cfg)
	go func() { started <- startup(startCtx, e, d, st, *noMigrate, announce, pre, metrics.ObserveQuery) }()

	var failed error
wait:
	for {
		select {
		case err := <-serveErr:
			return fmt.Errorf("serve: %w", err)
		case err := <-started:
			started = nil
			if err != nil {
				if ctx.Err() != nil {
					break wait // interrupted while starting: a normal stop
				}
				failed = err
				break wait
			}
			ready.Store(true)
			go sessions.RunPurger(ctx, time.Hour)
			go purgeIdempotencyKeys(ctx, e, st, time.Hour)
			e.logger.Info("ready")
		case <-ctx.Done():
			break wait
		}
	}

	draining.Store(true)
	cancelStart()
	e.logger.Info("shutting down", "timeout", e.cfg.shutdownTimeout.String())
	// One deadline for the drain and the pool's close (deferred above).
	deadline = time.Now().Add(e.cfg.shutdownTimeout)
	sctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	served, err := drain(sctx, srv, ln, serveErr, conns)
	if err != nil {
		// Requests still running past the deadline are cut off: their
		// connections close, which cancels their contexts, and the pool's
		// close, its deadline passed, shuts the sockets of statements
		// that still run.
		srv.Close()
		if !errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("shutdown: %w", err)
		}
		e.logger.Warn("drain time exceeded; open connections closed")
	}
	if started != nil {
		<-started
	}
	if served != nil {
		return fmt.Errorf("serve: %w", served)
	}
	return failed
}

// startup waits for the database as long as ctx allows, migrates (or, with
// noMigrate, checks that nothing is pending and then calls checked) and
// seeds. Temporary failures (the database unreachable or busy) are retried
// until the server stops; any other failure is returned and stops the server.
func startup(ctx context.Context, e *env, d *db.DB, st *store.Store, noMigrate bool, checked func(), pre *adminHash, onQuery func(db.QueryEvent)) error {
	if err := waitForever(ctx, e, d); err != nil {
		return err
	}
	if noMigrate {
		var n int
		err := db.Retry(ctx, waitPolicy, untilServerStops(ctx, e, d, "reading the migration status failed, trying again"), func(ctx context.Context) error {
			var err error
			n, err = migrations.Pending(ctx, d.SQL(), d.Dialect().String())
			return err
		})
		if err != nil {
			return err
		}
		if n > 0 {
			return errPending(n)
		}
		checked() // with --no-migrate, serve announces itself only now
	} else {
		md := d
		if e.cfg.direct != nil {
			var err error
			// The same Options as d's: a DIRECT_URL equal to DATABASE_URL
			// then gets d's shared pool instead of a refusal.
			if md, err = e.openDB(ctx, *e.cfg.direct, onQuery); err != nil {
				return err
			}
			defer e.closeDB(md, 5*time.Second)
		}
		var rep migrations.Report
		err := db.Retry(ctx, waitPolicy, untilServerStops(ctx, e, md, "migration failed, trying again"), func(ctx context.Context) error {
			var err error
			rep, err = migrations.Up(ctx, md.SQL(), md.Dialect().String(), e.logger)
			return err
		})
		if err != nil {
			return err
		}
		if len(rep.Applied) > 0 {
			e.logger.Info("migrations applied", "count", len(rep.Applied), "version", rep.Version, "baseline", rep.Baseline)
		}
	}
	return db.Retry(ctx, waitPolicy, untilServerStops(ctx, e, d, "seed failed, trying again"), func(ctx context.Context) error {
		return seed(ctx, e, st, false, pre)
	})
}

// refusePending returns errPending when the database answers at once and
// has migrations pending; a database that does not answer yet is left to
// startup, which checks again once it does.
func refusePending(ctx context.Context, d *db.DB) error {
	ctx, cancel := context.WithTimeout(ctx, db.HealthTimeout)
	defer cancel()
	if !d.Health(ctx).OK {
		return nil
	}
	n, err := migrations.Pending(ctx, d.SQL(), d.Dialect().String())
	if err != nil || n == 0 {
		return nil // startup reports what is wrong once the database answers
	}
	return errPending(n)
}

func errPending(n int) error {
	return fmt.Errorf("%d migration(s) pending and --no-migrate given: run 'smmm migrate' first", n)
}

// untilServerStops is the retry rule of serve's startup: temporary
// failures are tried again, after the database answers again, until the
// server stops (ctx); a server keeps running, unready, until its database
// answers.
func untilServerStops(ctx context.Context, e *env, d *db.DB, msg string) func(int, error) bool {
	return func(_ int, err error) bool {
		if !db.KindOf(err).Temporary() {
			return false
		}
		e.logger.Warn(msg, "err", err)
		return waitForever(ctx, e, d) == nil
	}
}

// waitForever is waitForDB without DB_STARTUP_TIMEOUT: it pings until the
// database answers or the server stops.
func waitForever(ctx context.Context, e *env, d *db.DB) error {
	return e.pingUntilUp(ctx, d, "never (serve waits until stopped)")
}

// idempotencyKeyTTL is how long a repeated POST with the same
// Idempotency-Key still gets the first answer.
const idempotencyKeyTTL = 24 * time.Hour

// purgeIdempotencyKeys deletes keys older than idempotencyKeyTTL, now and
// then every interval, until ctx ends. Their messages stay.
func purgeIdempotencyKeys(ctx context.Context, e *env, st *store.Store, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := st.PurgeIdempotencyKeys(ctx, time.Now().Add(-idempotencyKeyTTL)); err != nil {
			if ctx.Err() == nil {
				e.logger.Warn("purging idempotency keys", "err", err)
			}
		} else if n > 0 {
			e.logger.Debug("idempotency keys purged", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
