package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/web"
)

// defaultDatabaseURL is the zero-setup database: an embedded SQLite file.
const defaultDatabaseURL = "file:./data/smmm.db"

// config is everything smmm reads from its environment, with DESIGN.md's
// defaults applied. It is built once in run and passed down; there is no
// global configuration.
type config struct {
	profile    db.Profile
	db         db.Config  // from DATABASE_URL and DB_POOL_SIZE
	direct     *db.Config // from DIRECT_URL, for migrations; nil when unset
	host, port string

	logLevel  slog.Level
	logFormat string // "text" or "json"
	slowQuery time.Duration

	// startupTimeout (DB_STARTUP_TIMEOUT) bounds how long the one-shot
	// commands that need the database (migrate, seed, user) wait for it;
	// serve waits until it is stopped, and doctor does not wait.
	startupTimeout  time.Duration
	shutdownTimeout time.Duration // SHUTDOWN_TIMEOUT: serve's drain time

	adminEmail, adminPassword string
	bcryptCost                int // BCRYPT_COST: the work factor of password hashes

	metricsAddr, metricsToken string

	loginLimit, contactLimit auth.Limit     // LOGIN_RATE_LIMIT, CONTACT_RATE_LIMIT
	trustedProxies           []netip.Prefix // TRUSTED_PROXIES
}

// loadConfig reads the environment. Every error names the variable and
// what is wrong with it, and never echoes a secret.
func loadConfig(getenv func(string) string) (config, error) {
	var c config
	var err error
	switch env := strings.ToLower(strings.TrimSpace(getenv("APP_ENV"))); env {
	case "", "development", "dev":
		c.profile = db.Development
	case "production", "prod":
		c.profile = db.Production
	default:
		return c, fmt.Errorf("APP_ENV %q: want development or production", env)
	}

	rawURL := getenv("DATABASE_URL")
	if rawURL == "" {
		rawURL = defaultDatabaseURL
	}
	if c.db, err = db.ParseURL(rawURL, c.profile); err != nil {
		return c, fmt.Errorf("DATABASE_URL: %w", err)
	}
	if v := getenv("DB_POOL_SIZE"); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 10000 {
			return c, fmt.Errorf("DB_POOL_SIZE %q: want a whole number from 1 to 10000", v)
		}
		c.db.MaxConns = n
	}
	if v := getenv("DIRECT_URL"); v != "" {
		d, err := db.ParseURL(v, c.profile)
		if err != nil {
			return c, fmt.Errorf("DIRECT_URL: %w", err)
		}
		if d.Dialect != c.db.Dialect {
			return c, fmt.Errorf("DIRECT_URL is %s but DATABASE_URL is %s: both must name the same database", d.Dialect, c.db.Dialect)
		}
		d.PgBouncer = false // the point of DIRECT_URL is to bypass the pooler
		c.direct = &d
	}

	c.host = getenv("HOST")
	if c.host == "" {
		c.host = "127.0.0.1"
		if c.profile == db.Production {
			c.host = "0.0.0.0"
		}
	}
	c.port = getenv("PORT")
	if c.port == "" {
		c.port = "3000"
	}
	if p, err := strconv.Atoi(c.port); err != nil || p < 0 || p > 65535 {
		return c, fmt.Errorf("PORT %q: want a port number from 0 to 65535", c.port)
	}

	switch v := strings.ToLower(getenv("LOG_LEVEL")); v {
	case "", "info":
		c.logLevel = slog.LevelInfo
	case "debug":
		c.logLevel = slog.LevelDebug
	case "warn", "warning":
		c.logLevel = slog.LevelWarn
	case "error":
		c.logLevel = slog.LevelError
	default:
		return c, fmt.Errorf("LOG_LEVEL %q: want debug, info, warn or error", v)
	}
	switch v := strings.ToLower(getenv("LOG_FORMAT")); v {
	case "":
		c.logFormat = "text"
		if c.profile == db.Production {
			c.logFormat = "json"
		}
	case "text", "json":
		c.logFormat = v
	default:
		return c, fmt.Errorf("LOG_FORMAT %q: want text or json", v)
	}

	c.slowQuery = db.DefaultSlowThreshold
	if v := getenv("SLOW_QUERY_MS"); v != "" {
		ms, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || ms < 0 {
			return c, fmt.Errorf("SLOW_QUERY_MS %q: want a whole number of milliseconds, 0 to turn it off", v)
		}
		c.slowQuery = time.Duration(ms) * time.Millisecond
		if ms == 0 {
			c.slowQuery = -1
		}
	}
	if c.startupTimeout, err = duration(getenv, "DB_STARTUP_TIMEOUT", 30*time.Second); err != nil {
		return c, err
	}
	if c.shutdownTimeout, err = duration(getenv, "SHUTDOWN_TIMEOUT", 15*time.Second); err != nil {
		return c, err
	}

	c.metricsAddr = strings.TrimSpace(getenv("METRICS_ADDR"))
	if c.metricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.metricsAddr); err != nil {
			return c, fmt.Errorf("METRICS_ADDR %q: want host:port, such as 127.0.0.1:9090", c.metricsAddr)
		}
	}
	c.metricsToken = getenv("METRICS_TOKEN")

	if c.loginLimit, err = rateLimit(getenv, "LOGIN_RATE_LIMIT", auth.DefaultLoginLimit); err != nil {
		return c, err
	}
	if c.contactLimit, err = rateLimit(getenv, "CONTACT_RATE_LIMIT", auth.DefaultFormLimit); err != nil {
		return c, err
	}
	if c.trustedProxies, err = web.ParseTrustedProxies(getenv("TRUSTED_PROXIES")); err != nil {
		return c, fmt.Errorf("TRUSTED_PROXIES: %w", err)
	}

	c.bcryptCost = auth.DefaultBcryptCost
	if v := strings.TrimSpace(getenv("BCRYPT_COST")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || !auth.ValidBcryptCost(n) {
			return c, fmt.Errorf("BCRYPT_COST %q: want a whole number from %d to %d (default %d)",
				v, auth.MinBcryptCost, auth.MaxBcryptCost, auth.DefaultBcryptCost)
		}
		c.bcryptCost = n
	}

	c.adminEmail = strings.ToLower(strings.TrimSpace(getenv("ADMIN_EMAIL")))
	c.adminPassword = getenv("ADMIN_PASSWORD")
	switch {
	case c.adminPassword != "" && c.adminEmail == "":
		return c, fmt.Errorf("ADMIN_PASSWORD is set but ADMIN_EMAIL is not")
	case c.adminEmail != "" && !smmm.ValidEmail(c.adminEmail):
		return c, fmt.Errorf("ADMIN_EMAIL %q is not a valid email address", c.adminEmail)
	case c.adminEmail != "" && c.adminPassword == "":
		return c, fmt.Errorf("ADMIN_EMAIL is set but ADMIN_PASSWORD is not")
	case c.adminPassword != "":
		if msg := smmm.ValidPassword(c.adminPassword); msg != "" {
			return c, fmt.Errorf("ADMIN_PASSWORD %s", msg)
		}
	}
	return c, nil
}

// rateLimit reads a COUNT/WINDOW limit such as 5/15m (auth.ParseLimit).
func rateLimit(getenv func(string) string, name string, def auth.Limit) (auth.Limit, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def, nil
	}
	l, err := auth.ParseLimit(v)
	if err != nil {
		return auth.Limit{}, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

// duration reads a Go duration ("30s", "1m") or a number of seconds.
func duration(getenv func(string) string, name string, def time.Duration) (time.Duration, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def, nil
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 {
		return time.Duration(secs * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s %q: want a duration such as 30s or 2m", name, v)
	}
	return d, nil
}

// migrationConfig is the database config migrations run against.
func (c config) migrationConfig() db.Config {
	if c.direct != nil {
		return *c.direct
	}
	return c.db
}
