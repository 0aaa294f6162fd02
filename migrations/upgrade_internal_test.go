package migrations

import (
	"context"
	"testing"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestUpgradeKeepsUsersSessionsAccounts upgrades a database made by
// migrations 1-4, with a user whose password is NULL, to 00005 on every
// dialect: every User, Session and Account row is still there, passwords
// are NOT NULL, and deleting a user still cascades to its sessions (on
// SQLite the table was rebuilt under its dependants).
func TestUpgradeKeepsUsersSessionsAccounts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := context.Background()
		pool := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		sq := pool.SQL()
		info, err := lookupDialect(d.String())
		if err != nil {
			t.Fatal(err)
		}
		p, err := newProvider(info, sq, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.UpTo(ctx, 4); err != nil {
			t.Fatalf("up to 4: %v", err)
		}
		for _, s := range []string{
			`INSERT INTO "User" ("id", "email", "password", "updatedAt") VALUES ('u1', 'a@example.com', 'hash', '2025-01-01 00:00:00'), ('u2', 'b@example.com', NULL, '2025-01-01 00:00:00')`,
			`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s1', 't1', 'u1', '2030-01-01 00:00:00'), ('s2', 't2', 'u2', '2030-01-01 00:00:00')`,
			`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES ('a1', 'u2', 'oauth', 'google', '1')`,
		} {
			if _, err := pool.Exec(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Up(ctx, sq, d.String(), nil); err != nil {
			t.Fatalf("Up: %v", err)
		}
		count := func(q string) int {
			t.Helper()
			var n int
			if err := pool.QueryRow(ctx, q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		if n := count(`SELECT COUNT(*) FROM "User" WHERE "password" IS NOT NULL`); n != 2 {
			t.Errorf("users with a password after the upgrade = %d, want 2", n)
		}
		if n := count(`SELECT COUNT(*) FROM "Session"`) + count(`SELECT COUNT(*) FROM "Account"`); n != 3 {
			t.Errorf("sessions and accounts after the upgrade = %d, want 3", n)
		}
		if _, err := pool.Exec(ctx, `INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('u3', 'c@example.com', '2025-01-01 00:00:00')`); err == nil {
			t.Error("a user without a password was stored after the upgrade")
		}
		if d == db.SQLite {
			var ok string
			if err := pool.QueryRow(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Errorf("integrity_check = %q, %v", ok, err)
			}
		}
		if _, err := pool.Exec(ctx, `DELETE FROM "User" WHERE "id" = 'u1'`); err != nil {
			t.Fatal(err)
		}
		if n := count(`SELECT COUNT(*) FROM "Session"`); n != 1 {
			t.Errorf("sessions after deleting their user = %d, want 1 (the cascade)", n)
		}
	})
}
