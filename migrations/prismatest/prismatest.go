// Package prismatest gives tests a database as the original Next.js + Prisma
// system left it: Prisma's schema, its _prisma_migrations row, an extra table
// of the original's own and rows in the shared tables. It is a test-support
// package, like db/dbtest: nothing of smmm's program imports it.
package prismatest

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"
)

//go:embed testdata/prisma_postgres.sql testdata/prisma_mysql.sql
var fixtures embed.FS

// SQL returns the SQL of a database as the original
// Next.js + Prisma system left it on dialect ("postgres" or "mysql"; there is
// none for "sqlite"): Prisma's DDL of the 20251101125707_init migration
// without IF NOT EXISTS, the `_prisma_migrations` table with that migration's
// row, an extra table of the original's own ("BlogPost", with one row), and
// rows in the shared tables:
//
//   - two users: admin@smmm-system.example (ADMIN, password "Admin123!",
//     a $2a$ bcrypt hash) and ayse.yilmaz@example.com (CLIENT, password
//     "client-pass-2024", a $2b$ hash), the latter with one Account, one
//     Session and one VerificationToken;
//   - three contact messages with statuses NEW, PENDING and RESOLVED, created
//     at distinct times;
//   - one AboutSection with three AboutFeatures (orders 0-2, the last one
//     inactive), all in Turkish;
//   - a row in every other content table, as the original's admin panel
//     writes them: SiteSettings with favicon and brandIcon as base64 PNG
//     data: URLs; two HeroSections (one with a PNG and a 273-character
//     subtitle, one inactive); a ClientLogo, a Testimonial (rating 4) and a
//     TeamMember with PNGs; two Services, one with features as the JSON text
//     ["Beyanname","Bordro","E-defter & e-fatura"], one with NULL; two
//     WorkflowSteps; a PricingPlan with three PricingFeatures (the last not
//     included); two FAQCategories with a FAQ each; a QuoteRequest
//     (REVIEWED); a JobApplication (INTERVIEWED) with a small PDF as plain
//     base64 in cvFileData;
//   - the client-portal tables of the init migration, empty.
//
// Load it with [Load] into an empty database. The MySQL fixture
// uses backticks and single-quoted strings, so it loads with or without
// ANSI_QUOTES.
func SQL(dialect string) (string, error) {
	b, err := fixtures.ReadFile("testdata/prisma_" + dialect + ".sql")
	if err != nil {
		return "", fmt.Errorf("prismatest: no Prisma fixture for dialect %q", dialect)
	}
	return string(b), nil
}

// Load executes [SQL] for dialect against sqlDB, one
// statement at a time, so the MySQL driver needs no multiStatements. It is
// meant for an empty test database and stops at the first failing statement.
func Load(ctx context.Context, sqlDB *sql.DB, dialect string) error {
	src, err := SQL(dialect)
	if err != nil {
		return err
	}
	for i, stmt := range splitStatements(src) {
		if _, err := sqlDB.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("prismatest: load Prisma fixture (%s), statement %d: %w", dialect, i+1, err)
		}
	}
	return nil
}

// splitStatements splits a script at lines that end with ';' and drops
// comment-only lines outside statements. It does not parse SQL: a line inside
// a string literal or a procedural block must not end with ';'.
func splitStatements(src string) []string {
	var (
		stmts []string
		cur   strings.Builder
	)
	for line := range strings.SplitSeq(src, "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "--")) {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			stmts = append(stmts, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		stmts = append(stmts, rest)
	}
	return stmts
}
