package db

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		name  string
		url   string
		check func(t *testing.T, c Config)
	}{
		{"postgres defaults", "postgres://u:secret@db.example:6543/app", func(t *testing.T, c Config) {
			if c.Dialect != Postgres || c.Host != "db.example" || c.Port != "6543" || c.Database != "app" || c.User != "u" {
				t.Errorf("got %+v", c)
			}
			if c.MaxConns != DefaultMaxConns(Production) || c.PoolTimeout != 10*time.Second || c.ConnectTimeout != 5*time.Second {
				t.Errorf("defaults: max %d pool %s connect %s", c.MaxConns, c.PoolTimeout, c.ConnectTimeout)
			}
			if c.IdleTimeout != 5*time.Minute || c.LeakThreshold != 0 {
				t.Errorf("production idle %s leak %s", c.IdleTimeout, c.LeakThreshold)
			}
		}},
		{"postgresql scheme and default port", "postgresql://u@h/app", func(t *testing.T, c Config) {
			if c.Dialect != Postgres || c.Port != "5432" {
				t.Errorf("got %s port %s", c.Dialect, c.Port)
			}
		}},
		{"prisma pool parameters", "mysql://root:pw@127.0.0.1/app?connection_limit=7&pool_timeout=2&connect_timeout=1.5&socket_timeout=20", func(t *testing.T, c Config) {
			if c.Dialect != MySQL || c.Port != "3306" || c.MaxConns != 7 || c.PoolTimeout != 2*time.Second ||
				c.ConnectTimeout != 1500*time.Millisecond || c.QueryTimeout != 20*time.Second {
				t.Errorf("got %+v", c)
			}
		}},
		{"own parameters", "postgres://h/app?max_idle_connection_lifetime=30&max_connection_lifetime=600&connection_lifetime_jitter=60&leak_detection_threshold=2&application_name=web1", func(t *testing.T, c Config) {
			if c.IdleTimeout != 30*time.Second || c.MaxLifetime != 10*time.Minute || c.LifetimeJitter != time.Minute ||
				c.LeakThreshold != 2*time.Second || c.ApplicationName != "web1" {
				t.Errorf("got %+v", c)
			}
		}},
		{"pgbouncer", "postgres://h/app?pgbouncer=true", func(t *testing.T, c Config) {
			if !c.PgBouncer {
				t.Error("PgBouncer = false, want true")
			}
		}},
		{"sqlite prisma form", "file:./data/x.db", func(t *testing.T, c Config) {
			if c.Dialect != SQLite || !strings.HasSuffix(c.Database, "/data/x.db") || !strings.HasPrefix(c.Database, "/") {
				t.Errorf("got %s %q", c.Dialect, c.Database)
			}
		}},
		{"sqlite url form", "sqlite:///tmp/y.db?connection_limit=2", func(t *testing.T, c Config) {
			if c.Database != "/tmp/y.db" || c.MaxConns != 2 {
				t.Errorf("got %q %d", c.Database, c.MaxConns)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseURL(tt.url, Production)
			if err != nil {
				t.Fatalf("ParseURL: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestParseURLProfiles(t *testing.T) {
	dev, err := ParseURL("postgres://h/app", Development)
	if err != nil {
		t.Fatal(err)
	}
	prod, err := ParseURL("postgres://h/app", Production)
	if err != nil {
		t.Fatal(err)
	}
	if dev.MaxConns > prod.MaxConns || dev.MaxConns > devMaxConns {
		t.Errorf("development pool %d, production %d: development should be the smaller", dev.MaxConns, prod.MaxConns)
	}
	if dev.LeakThreshold == 0 || prod.LeakThreshold != 0 {
		t.Errorf("leak detection: development %s, production %s", dev.LeakThreshold, prod.LeakThreshold)
	}
	if dev.IdleTimeout >= prod.IdleTimeout {
		t.Errorf("idle timeout: development %s, production %s", dev.IdleTimeout, prod.IdleTimeout)
	}
}

func TestParseURLErrors(t *testing.T) {
	const secret = "s3cr3t-pw"
	tests := []struct {
		name, url, want string
	}{
		{"empty", "", "empty"},
		{"no scheme", "localhost/app", "no scheme"},
		{"unknown scheme", "oracle://u:" + secret + "@h/app", "unsupported"},
		{"bad port", "postgres://u:" + secret + "@h:99999/app", "port"},
		{"non-numeric port", "postgres://u:" + secret + "@h:abc/app", "port"},
		{"no database", "postgres://u:" + secret + "@h:5432", "no database"},
		{"no host", "mysql:///app", "host"},
		{"bad limit", "postgres://u:" + secret + "@h/app?connection_limit=0", "connection_limit"},
		{"limit not a number", "postgres://u:" + secret + "@h/app?connection_limit=ten", "connection_limit"},
		{"negative timeout", "postgres://u:" + secret + "@h/app?pool_timeout=-1", "pool_timeout"},
		{"bad timeout", "mysql://u:" + secret + "@h/app?connect_timeout=soon", "connect_timeout"},
		{"unknown parameter", "postgres://u:" + secret + "@h/app?conection_limit=5", "unknown URL parameter \"conection_limit\""},
		{"pgbouncer on mysql", "mysql://u:" + secret + "@h/app?pgbouncer=true", "PostgreSQL only"},
		{"pgbouncer not bool", "postgres://u:" + secret + "@h/app?pgbouncer=yes please", "pgbouncer"},
		{"repeated", "postgres://u:" + secret + "@h/app?pool_timeout=1&pool_timeout=2", "2 times"},
		{"jitter over lifetime", "postgres://u:" + secret + "@h/app?max_connection_lifetime=10&connection_lifetime_jitter=20", "jitter"},
		{"bad escape", "postgres://u:" + secret + "@h/app%zz", "malformed"},
		{"sqlite memory", "file::memory:", "in-memory"},
		{"sqlite no file", "file:", "no file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseURL(tt.url, Production)
			if err == nil {
				t.Fatal("ParseURL succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q contains the password", err)
			}
		})
	}
}

func TestConfigRedacts(t *testing.T) {
	// Every secret, in the password and in secret parameters, must stay
	// out of everything a Config prints; the other parameters stay.
	tests := []struct{ url, keep string }{
		{"postgres://u:s3cr3t@h/app?connection_limit=3", "connection_limit=3"},
		{"postgres://u:s3cr3t@h/app?sslmode=verify-full&sslkey=/k.pem&sslpassword=k3ypass", "sslkey=%2Fk.pem"},
		{"postgres://u@h/app?sslpassword=k3ypass&sslmode=require", "sslmode=require"},
		{"mysql://u:s3cr3t@h/app?tls=custom&sslpassword=k3ypass", "tls=custom"},
	}
	for _, tt := range tests {
		c, err := ParseURL(tt.url, Production)
		if err != nil {
			t.Fatal(err)
		}
		printed := []string{c.String(), c.Redacted(), c.LogValue().String(), c.Target()}
		if strings.Contains(tt.url, "s3cr3t") {
			printed = append(printed, c.redact("driver said: password s3cr3t rejected"))
		}
		if strings.Contains(tt.url, "k3ypass") {
			printed = append(printed, c.redact("driver said: key passphrase k3ypass rejected"))
		}
		for k, v := range c.Settings() {
			printed = append(printed, fmt.Sprintf("%s=%v", k, v))
		}
		for _, s := range printed {
			if strings.Contains(s, "s3cr3t") || strings.Contains(s, "k3ypass") {
				t.Errorf("%s: %q contains a secret", tt.url, s)
			}
		}
		if r := c.Redacted(); !strings.Contains(r, tt.keep) {
			t.Errorf("%s: Redacted() = %q, want it to keep %q", tt.url, r, tt.keep)
		}
	}
}

func TestSecretParam(t *testing.T) {
	for name, want := range map[string]bool{
		"sslpassword": true, "password": true, "PASSWORD": true, "passwd": true, "pwd": true,
		"client_secret": true, "auth_token": true, "credentials": true, "sslpassphrase": true,
		"sslmode": false, "sslkey": false, "sslcert": false, "connection_limit": false, "tls": false,
	} {
		if got := secretParam(name); got != want {
			t.Errorf("secretParam(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRebindPostgres(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT * FROM "T" WHERE a = ? AND b = ?`, `SELECT * FROM "T" WHERE a = $1 AND b = $2`},
		{`SELECT '?' , "a?b", ? -- what?` + "\n" + `, ?`, `SELECT '?' , "a?b", $1 -- what?` + "\n" + `, $2`},
		{`SELECT 1`, `SELECT 1`},
	}
	for _, tt := range tests {
		if got := rebindPostgres(tt.in); got != tt.want {
			t.Errorf("rebindPostgres(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStatement(t *testing.T) {
	tests := []struct {
		sql, op, norm string
		readOnly      bool
	}{
		{`SELECT "id", "updatedAt" FROM "ContactMessage" WHERE "status" = ? LIMIT 50`, "ContactMessage.select",
			`SELECT "id", "updatedAt" FROM "ContactMessage" WHERE "status" = ? LIMIT ?`, true},
		{"INSERT INTO \"AboutFeature\" (\"id\") VALUES ('x1')", "AboutFeature.insert", `INSERT INTO "AboutFeature" ("id") VALUES (?)`, false},
		{`UPDATE "User" SET "name" = 'it''s' WHERE id = 3`, "User.update", `UPDATE "User" SET "name" = ? WHERE id = ?`, false},
		{"DELETE  FROM\n\t`Session` /* c */ WHERE x = $1", "Session.delete", "DELETE FROM `Session` WHERE x = ?", false},
		{`SELECT 1`, "select", `SELECT ?`, true},
		{`SELECT * FROM "T" FOR UPDATE`, "T.select", `SELECT * FROM "T" FOR UPDATE`, false},
		{`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c`, "c.with",
			`WITH RECURSIVE c(x) AS (SELECT ? UNION ALL SELECT x + ? FROM c) SELECT count(*) FROM c`, true},
	}
	for _, tt := range tests {
		s := newStatement(SQLite, tt.sql)
		if s.op != tt.op || s.normalized != tt.norm || s.readOnly != tt.readOnly {
			t.Errorf("newStatement(%q) = op %q norm %q readOnly %v; want %q %q %v", tt.sql, s.op, s.normalized, s.readOnly, tt.op, tt.norm, tt.readOnly)
		}
	}
}

func TestBackoff(t *testing.T) {
	p := RetryPolicy{Attempts: 5, Base: 10 * time.Millisecond, Cap: 40 * time.Millisecond}
	for attempt := 1; attempt <= 6; attempt++ {
		limit := min(p.Base<<(attempt-1), p.Cap)
		for range 200 {
			if d := p.Backoff(attempt); d < 0 || d > limit {
				t.Fatalf("Backoff(%d) = %s, want within [0, %s]", attempt, d, limit)
			}
		}
	}
	// Out-of-range attempts do not panic: they count as the first.
	for _, attempt := range []int{0, -3, 1000} {
		if d := p.Backoff(attempt); d < 0 || d > p.Cap {
			t.Errorf("Backoff(%d) = %s, want within [0, %s]", attempt, d, p.Cap)
		}
	}
}
