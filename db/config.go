package db

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Profile selects the defaults ParseURL applies. Explicit URL parameters
// always win over a profile's defaults.
type Profile uint8

// The two profiles. Development is the zero-setup default of `go run`.
const (
	Development Profile = iota
	Production
)

// String returns "development" or "production".
func (p Profile) String() string {
	if p == Production {
		return "production"
	}
	return "development"
}

// Config is a parsed, validated DATABASE_URL with every default applied. Build
// it with ParseURL, adjust fields if needed, and pass it to Open. The zero
// value is not usable.
type Config struct {
	// Dialect is the database kind, from the URL scheme.
	Dialect Dialect
	// Profile is the profile whose defaults were applied.
	Profile Profile

	// Host, Port, Database and User identify the target; for SQLite, Database
	// is the absolute file path and the others are empty.
	Host, Port, Database, User string

	// MaxConns is the most connections the pool opens (URL connection_limit).
	// For SQLite it is the number of reader connections; writes always go
	// through one dedicated writer connection.
	MaxConns int
	// PoolTimeout is how long a caller waits for a free connection before it
	// gets an error of kind KindPoolTimeout (URL pool_timeout, seconds; 0 =
	// wait as long as the caller's context allows).
	PoolTimeout time.Duration
	// ConnectTimeout bounds dialing, TLS, authentication and session setup
	// of one new connection; running out is KindUnavailable (URL
	// connect_timeout, seconds; 0 = none).
	ConnectTimeout time.Duration
	// QueryTimeout bounds one statement on the server (statement_timeout on
	// PostgreSQL, max_statement_time on MariaDB, an interrupt on SQLite); a
	// statement that runs longer is stopped by the server and the caller gets
	// KindQueryTimeout (URL socket_timeout, seconds; 0 = none). Every call is
	// also bounded on the client, at QueryTimeout plus a tenth (at least a
	// second), so that a server that cannot answer at all (a blackholed
	// network) or cannot be told the limit (PgBouncer in transaction mode)
	// still answers KindQueryTimeout; see bound.go. A caller's context that
	// ends first returns at once, and the server stops the statement too
	// (pgx closes the connection; on MySQL/MariaDB db sends KILL CONNECTION).
	QueryTimeout time.Duration
	// IdleTimeout closes connections idle for longer (URL
	// max_idle_connection_lifetime, seconds; 0 = never).
	IdleTimeout time.Duration
	// MaxLifetime retires connections older than this (URL
	// max_connection_lifetime, seconds; 0 = never). Each connection gets its own
	// lifetime, reduced by a random part of LifetimeJitter, so that connections
	// opened together are not all closed together.
	MaxLifetime time.Duration
	// LifetimeJitter is the largest random reduction of MaxLifetime
	// (URL connection_lifetime_jitter, seconds).
	LifetimeJitter time.Duration
	// LeakThreshold logs a warning with the acquiring stack when a connection
	// or transaction is held longer than this (URL leak_detection_threshold,
	// seconds; 0 = off).
	LeakThreshold time.Duration
	// PgBouncer turns off named prepared statements and session settings
	// for PostgreSQL behind a transaction-mode pooler (URL pgbouncer=true);
	// QueryTimeout is then enforced by the client-side bound alone.
	PgBouncer bool
	// ApplicationName is reported to the server (PostgreSQL application_name,
	// MariaDB program_name) so its own views can tell our connections apart.
	ApplicationName string

	url    *url.URL // the parsed URL, password included; never printed
	params url.Values
}

// Defaults by profile. They are documented in the README's "Database
// connections" table; change both together.
const (
	defaultPoolTimeout      = 10 * time.Second // Prisma's pool_timeout
	defaultConnectTimeout   = 5 * time.Second  // Prisma's connect_timeout
	defaultQueryTimeout     = 30 * time.Second
	defaultMaxLifetime      = 30 * time.Minute // well under MySQL wait_timeout and PgBouncer server_lifetime
	defaultLifetimeJitter   = 3 * time.Minute
	devIdleTimeout          = 1 * time.Minute
	prodIdleTimeout         = 5 * time.Minute // Prisma's max_idle_connection_lifetime
	devLeakThreshold        = 10 * time.Second
	devMaxConns             = 4
	defaultApplicationName  = "smmm"
	sqliteDefaultBusyMillis = 5000
)

// DefaultMaxConns is the pool size used when neither DB_POOL_SIZE nor the
// URL's connection_limit says otherwise: Prisma's num_cpus*2+1 in
// production, at most 4 in development.
func DefaultMaxConns(p Profile) int {
	n := runtime.NumCPU()*2 + 1
	if p == Development && n > devMaxConns {
		n = devMaxConns
	}
	return n
}

// Parameters ParseURL understands itself; they are removed before the URL is
// handed to the driver.
var poolParams = []string{
	"connection_limit", "pool_timeout", "connect_timeout", "socket_timeout",
	"pgbouncer", "max_idle_connection_lifetime", "max_connection_lifetime",
	"connection_lifetime_jitter", "leak_detection_threshold", "application_name",
	// Prisma-only parameters accepted for compatibility and ignored.
	"statement_cache_size", "sslaccept",
}

// Driver parameters passed through unchanged, by dialect. Anything else is
// rejected so that a typo does not silently do nothing.
var driverParams = map[Dialect][]string{
	Postgres: {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslsni",
		"target_session_attrs", "schema", "search_path", "options", "timezone", "host"},
	MySQL:  {"tls", "sslcert", "sslidentity", "sslpassword"},
	SQLite: {"busy_timeout"},
}

// ParseURL parses a DATABASE_URL in Prisma's format and applies the defaults
// of profile p. Supported schemes: postgres:// and postgresql://, mysql://,
// and file: or sqlite: for embedded SQLite (file:./data/smmm.db).
//
// Query parameters (seconds are whole or decimal numbers):
//
//	connection_limit              pool size (default DefaultMaxConns)
//	pool_timeout                  wait for a free connection (10)
//	connect_timeout               open one connection (5)
//	socket_timeout                one statement, enforced by the server (30)
//	pgbouncer                     true: PostgreSQL behind a transaction pooler
//	max_idle_connection_lifetime  close idle connections after (60 dev, 300 prod)
//	max_connection_lifetime       retire connections after (1800)
//	connection_lifetime_jitter    random reduction of the lifetime (180)
//	leak_detection_threshold      warn when a connection is held longer (10 dev, 0 prod)
//	application_name              name shown to the server ("smmm")
//	busy_timeout                  SQLite only: ms to wait for a lock (5000)
//
// PostgreSQL also takes sslmode, sslrootcert, sslcert, sslkey, sslpassword,
// target_session_attrs, schema, options and timezone; MySQL takes tls. Errors
// name the offending part and never contain the password.
func ParseURL(rawURL string, p Profile) (Config, error) {
	cfg := Config{
		Profile:         p,
		MaxConns:        DefaultMaxConns(p),
		PoolTimeout:     defaultPoolTimeout,
		ConnectTimeout:  defaultConnectTimeout,
		QueryTimeout:    defaultQueryTimeout,
		IdleTimeout:     devIdleTimeout,
		MaxLifetime:     defaultMaxLifetime,
		LifetimeJitter:  defaultLifetimeJitter,
		LeakThreshold:   devLeakThreshold,
		ApplicationName: defaultApplicationName,
	}
	if p == Production {
		cfg.IdleTimeout = prodIdleTimeout
		cfg.LeakThreshold = 0
	}
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return Config{}, errors.New("db: database URL is empty")
	}
	scheme, _, ok := strings.Cut(rawURL, ":")
	if !ok {
		return Config{}, errors.New("db: database URL has no scheme; use a postgres://, mysql:// or file: URL")
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		cfg.Dialect = Postgres
	case "mysql", "mariadb":
		cfg.Dialect = MySQL
	case "file", "sqlite", "sqlite3":
		cfg.Dialect = SQLite
	default:
		return Config{}, fmt.Errorf("db: unsupported database URL scheme %q; use a postgres://, mysql:// or file: URL", scheme)
	}

	var err error
	if cfg.Dialect == SQLite {
		err = cfg.parseSQLite(rawURL, scheme)
	} else {
		err = cfg.parseServer(rawURL)
	}
	if err != nil {
		return Config{}, err
	}
	if err := cfg.applyParams(); err != nil {
		return Config{}, err
	}
	return cfg, cfg.Validate()
}

func (c *Config) parseServer(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error repeats the whole URL, password included; keep only the reason.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("db: malformed database URL: %v", err)
	}
	if u.Opaque != "" || u.Host == "" {
		return fmt.Errorf("db: database URL needs a host: %s://user:password@host:port/database", u.Scheme)
	}
	c.url = u
	c.Host = u.Hostname()
	c.Port = u.Port()
	if c.Port != "" {
		if n, err := strconv.Atoi(c.Port); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("db: database URL has an invalid port %q", c.Port)
		}
	} else if c.Dialect == Postgres {
		c.Port = "5432"
	} else {
		c.Port = "3306"
	}
	c.User = u.User.Username()
	c.Database = strings.TrimPrefix(u.Path, "/")
	if c.Database == "" {
		return errors.New("db: database URL names no database (the path after host:port)")
	}
	if strings.Contains(c.Database, "/") {
		return fmt.Errorf("db: database URL path %q is not a database name", c.Database)
	}
	c.params = u.Query()
	return nil
}

func (c *Config) parseSQLite(rawURL, scheme string) error {
	rest := rawURL[len(scheme)+1:]
	path, query, _ := strings.Cut(rest, "?")
	// sqlite:///abs/path and file:///abs/path are URLs; file:./rel is Prisma's form.
	if strings.HasPrefix(path, "//") {
		path = path[2:]
		if i := strings.IndexByte(path, '/'); i > 0 { // drop a host part
			path = path[i:]
		}
	}
	if path == "" {
		return errors.New("db: SQLite URL names no file; use file:./data/smmm.db")
	}
	if path == ":memory:" {
		return errors.New("db: in-memory SQLite is not supported: each connection would see its own empty database; use a file")
	}
	p, err := url.PathUnescape(path)
	if err != nil {
		return fmt.Errorf("db: malformed SQLite path: %v", err)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return fmt.Errorf("db: SQLite path: %w", err)
	}
	c.Database = abs
	c.params, err = url.ParseQuery(query)
	if err != nil {
		return fmt.Errorf("db: malformed SQLite URL parameters: %v", err)
	}
	c.url = &url.URL{Scheme: "file", Path: abs}
	return nil
}

func (c *Config) applyParams() error {
	seconds := map[string]*time.Duration{
		"pool_timeout":                 &c.PoolTimeout,
		"connect_timeout":              &c.ConnectTimeout,
		"socket_timeout":               &c.QueryTimeout,
		"max_idle_connection_lifetime": &c.IdleTimeout,
		"max_connection_lifetime":      &c.MaxLifetime,
		"connection_lifetime_jitter":   &c.LifetimeJitter,
		"leak_detection_threshold":     &c.LeakThreshold,
	}
	for key, vals := range c.params {
		if len(vals) != 1 {
			return fmt.Errorf("db: URL parameter %s is given %d times", key, len(vals))
		}
		v := vals[0]
		switch {
		case key == "connection_limit":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return fmt.Errorf("db: URL parameter connection_limit=%q must be a whole number of at least 1", v)
			}
			c.MaxConns = n
		case seconds[key] != nil:
			d, err := parseSeconds(v)
			if err != nil {
				return fmt.Errorf("db: URL parameter %s=%q: %v", key, v, err)
			}
			*seconds[key] = d
		case key == "pgbouncer":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("db: URL parameter pgbouncer=%q must be true or false", v)
			}
			if b && c.Dialect != Postgres {
				return errors.New("db: URL parameter pgbouncer=true applies to PostgreSQL only")
			}
			c.PgBouncer = b
		case key == "application_name":
			if v == "" || len(v) > 63 {
				return errors.New("db: URL parameter application_name must be 1 to 63 characters")
			}
			c.ApplicationName = v
		case slices.Contains(poolParams, key), slices.Contains(driverParams[c.Dialect], key):
			// Passed to the driver (or ignored) when the DSN is built.
		default:
			return fmt.Errorf("db: unknown URL parameter %q for %s (see the README for the supported ones)", key, c.Dialect)
		}
	}
	if v := c.params.Get("busy_timeout"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			return fmt.Errorf("db: URL parameter busy_timeout=%q must be milliseconds", v)
		}
	}
	return nil
}

// parseSeconds reads Prisma's seconds values ("10", "2.5"). Durations with a
// unit ("1500ms") are accepted too.
func parseSeconds(v string) (time.Duration, error) {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		if f < 0 || math.IsNaN(f) || f > 365*24*3600 {
			return 0, errors.New("must be a number of seconds between 0 and one year")
		}
		return time.Duration(f * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, errors.New("must be a number of seconds, like 10 or 2.5")
	}
	return d, nil
}

// Validate reports a configuration that Open would refuse.
func (c Config) Validate() error {
	switch {
	case c.Dialect < SQLite || c.Dialect > MySQL || c.url == nil:
		return errors.New("db: config was not made by ParseURL")
	case c.MaxConns < 1:
		return errors.New("db: MaxConns must be at least 1")
	case c.MaxConns > 10000:
		return errors.New("db: MaxConns must be at most 10000")
	case c.PoolTimeout < 0, c.ConnectTimeout < 0, c.QueryTimeout < 0, c.IdleTimeout < 0,
		c.MaxLifetime < 0, c.LifetimeJitter < 0, c.LeakThreshold < 0:
		return errors.New("db: timeouts must not be negative")
	case c.MaxLifetime > 0 && c.LifetimeJitter >= c.MaxLifetime:
		return errors.New("db: connection_lifetime_jitter must be less than max_connection_lifetime")
	}
	return nil
}

// Target identifies the server and database, without credentials or pool
// parameters: two configs with the same Target reach the same data.
func (c Config) Target() string {
	if c.Dialect == SQLite {
		return "sqlite:" + c.Database
	}
	return c.Dialect.String() + "://" + net.JoinHostPort(c.Host, c.Port) + "/" + c.Database
}

// Redacted returns the URL with the password, and the value of every
// secret parameter (secretParam: sslpassword and the like), replaced by
// "xxxxx".
func (c Config) Redacted() string {
	if c.url == nil {
		return ""
	}
	if c.Dialect == SQLite {
		s := "file:" + c.Database
		if len(c.params) > 0 {
			s += "?" + redactParams(c.params).Encode()
		}
		return s
	}
	u := *c.url
	if len(c.params) > 0 {
		u.RawQuery = redactParams(c.params).Encode()
	}
	return u.Redacted()
}

// secretParam reports whether a URL parameter holds a secret by its name:
// anything named like a password, passphrase, secret, token or credential
// (sslpassword above all). A parameter that is not secret but is named so
// is only hidden, which costs nothing.
func secretParam(name string) bool {
	name = strings.ToLower(name)
	for _, w := range []string{"pass", "pwd", "secret", "token", "credential"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// redactParams returns a copy of params with the values of secret ones
// replaced by "xxxxx".
func redactParams(params url.Values) url.Values {
	out := make(url.Values, len(params))
	for k, vs := range params {
		if secretParam(k) {
			vs = slices.Repeat([]string{"xxxxx"}, len(vs))
		}
		out[k] = vs
	}
	return out
}

// redact replaces the URL's password and the values of its secret
// parameters in s, for driver text that reaches a log.
func (c Config) redact(s string) string {
	if c.url == nil {
		return s
	}
	if c.url.User != nil {
		if pw, ok := c.url.User.Password(); ok && pw != "" {
			s = strings.ReplaceAll(s, pw, "xxxxx")
		}
	}
	for k, vs := range c.params {
		if !secretParam(k) {
			continue
		}
		for _, v := range vs {
			if v != "" {
				s = strings.ReplaceAll(s, v, "xxxxx")
			}
		}
	}
	return s
}

// String returns the redacted URL, so printing a Config never shows the
// password.
func (c Config) String() string { return c.Redacted() }

// LogValue implements slog.LogValuer with the password masked.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("url", c.Redacted()),
		slog.String("dialect", c.Dialect.String()),
		slog.String("profile", c.Profile.String()),
		slog.Int("max_conns", c.MaxConns),
		slog.Duration("pool_timeout", c.PoolTimeout),
		slog.Duration("connect_timeout", c.ConnectTimeout),
		slog.Duration("query_timeout", c.QueryTimeout),
		slog.Duration("idle_timeout", c.IdleTimeout),
		slog.Duration("max_lifetime", c.MaxLifetime),
		slog.Bool("pgbouncer", c.PgBouncer),
	)
}

// Settings returns the effective settings as name/value pairs, for stats
// endpoints and diagnostics. It contains no secrets.
func (c Config) Settings() map[string]any {
	return map[string]any{
		"url":                    c.Redacted(),
		"dialect":                c.Dialect.String(),
		"profile":                c.Profile.String(),
		"maxConns":               c.MaxConns,
		"poolTimeoutMs":          c.PoolTimeout.Milliseconds(),
		"connectTimeoutMs":       c.ConnectTimeout.Milliseconds(),
		"queryTimeoutMs":         c.QueryTimeout.Milliseconds(),
		"idleTimeoutMs":          c.IdleTimeout.Milliseconds(),
		"maxLifetimeMs":          c.MaxLifetime.Milliseconds(),
		"lifetimeJitterMs":       c.LifetimeJitter.Milliseconds(),
		"leakDetectionThreshold": c.LeakThreshold.Milliseconds(),
		"pgbouncer":              c.PgBouncer,
		"applicationName":        c.ApplicationName,
	}
}
