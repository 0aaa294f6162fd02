package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os/signal"
	"syscall"
	"time"

	"smmm/db"
)

const usage = `smmm: the smmm-system backend

Usage:
  smmm [serve] [--no-migrate] [--host H] [--port P]   migrate, seed and serve HTTP
  smmm migrate [up|status|down]                      schema migrations
  smmm migrate handback                              drop smmm's own objects, keep the original's tables
  smmm seed [--demo]                                 admin user and default content
  smmm user create --email E [--name N] [--role R]   add a user; password from stdin
  smmm user passwd --email E                         change a password; from stdin, ends sessions
  smmm doctor                                        check the database and settings
  smmm version                                       version and build information

Configuration is read from the environment: DATABASE_URL (default
file:./data/smmm.db), APP_ENV, PORT, HOST, DB_POOL_SIZE and more; see README.md.
`

// usageError is a mistake on the command line; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg + " (run 'smmm help' for usage)" }

// exitCode is the process's exit status for run's error: 0 for a help
// request (the flag package already printed the usage), 2 for a usage
// error, 1 for anything else.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case isUsageError(err):
		return 2
	}
	return 1
}

func isUsageError(err error) bool {
	_, ok := errors.AsType[*usageError](err)
	return ok
}

// run is the whole program: main only calls it with the process's
// arguments, environment and standard streams, and tests call it with
// their own. It returns when the command is done or ctx is canceled;
// SIGINT and SIGTERM cancel it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	cmd, rest := "serve", []string(nil)
	if len(args) > 1 {
		cmd, rest = args[1], args[2:]
		switch {
		case cmd == "-h" || cmd == "-help" || cmd == "--help":
			cmd = "help"
		case len(cmd) > 0 && cmd[0] == '-': // flags of the default command
			cmd, rest = "serve", args[1:]
		}
	}
	switch cmd {
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "version":
		return cmdVersion(stdout)
	}

	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	logger := newLogger(stderr, cfg)
	env := &env{cfg: cfg, logger: logger, stdin: stdin, stdout: stdout, stderr: stderr}
	switch cmd {
	case "serve":
		return cmdServe(ctx, env, rest)
	case "migrate":
		return cmdMigrate(ctx, env, rest)
	case "seed":
		return cmdSeed(ctx, env, rest)
	case "user":
		return cmdUser(ctx, env, rest)
	case "doctor":
		return cmdDoctor(ctx, env, rest)
	}
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// env is what every subcommand gets from run.
type env struct {
	cfg    config
	logger *slog.Logger
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func newLogger(w io.Writer, cfg config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.logLevel}
	if cfg.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// openDB opens the process's shared pool for cfg; onQuery, if not nil,
// sees every statement (for metrics).
func (e *env) openDB(ctx context.Context, cfg db.Config, onQuery ...func(db.QueryEvent)) (*db.DB, error) {
	opts := db.Options{Logger: e.logger, SlowThreshold: e.cfg.slowQuery}
	if len(onQuery) > 0 {
		opts.OnQuery = onQuery[0]
	}
	return db.Shared(ctx, cfg, opts)
}

// connect opens the pool for cfg and waits for the database as
// waitForDB does: what every one-shot command needs first. done closes the
// pool.
func (e *env) connect(ctx context.Context, cfg db.Config) (d *db.DB, done func(), err error) {
	d, err = e.openDB(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	done = func() { e.closeDB(d, 5*time.Second) }
	if err := e.waitForDB(ctx, d); err != nil {
		done()
		return nil, nil, err
	}
	return d, done, nil
}

// closeDB closes d, waiting at most timeout for connections in use.
func (e *env) closeDB(d *db.DB, timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := d.Close(ctx); err != nil {
		e.logger.Warn("closing the database pool", "err", err)
	}
	e.logger.Debug("database pool closed")
}

// waitPolicy is how commands wait for the database: without a limit of
// attempts (each caller names its deadline), in short steps, so that
// readiness follows the database within a second or so of its coming back.
var waitPolicy = db.RetryPolicy{Attempts: db.Unlimited, Base: 100 * time.Millisecond, Cap: 500 * time.Millisecond}

// waitForDB pings d until it answers, for at most DB_STARTUP_TIMEOUT, so
// that a fleet started together with its database does not fail at once.
func (e *env) waitForDB(ctx context.Context, d *db.DB) error {
	ctx, cancel := context.WithTimeout(ctx, e.cfg.startupTimeout)
	defer cancel()
	if err := e.pingUntilUp(ctx, d, e.cfg.startupTimeout.String()); err != nil {
		return fmt.Errorf("database %s did not answer within DB_STARTUP_TIMEOUT (%s): %w", d.Config().Target(), e.cfg.startupTimeout, err)
	}
	return nil
}

// pingUntilUp pings d until it answers or ctx ends (the caller's deadline
// is the bound), logging the first failure and every tenth.
func (e *env) pingUntilUp(ctx context.Context, d *db.DB, givesUpIn string) error {
	return db.Retry(ctx, waitPolicy, func(attempt int, err error) bool {
		if attempt == 1 || attempt%10 == 0 {
			e.logger.Warn("waiting for the database", "target", d.Config().Target(), "err", err, "gives_up_in", givesUpIn)
		}
		return true
	}, d.Ping)
}
