package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// prismaInit is the original's only Prisma migration that smmm knows: the
// one whose schema 00001 and 00005 make.
const prismaInit = "20251101125707_init"

// originalTables are the tables of the original's init migration
// (prismaInit), spelled as Prisma spells them. They are the original's:
// adoption and handback keep them.
var originalTables = []string{
	"User", "Account", "Session", "VerificationToken", "Client", "Announcement",
	"AnnouncementClient", "Declaration", "Reminder", "Collection", "SiteSettings",
	"HeroSection", "ClientLogo", "AboutSection", "AboutFeature", "Service",
	"WorkflowStep", "PricingPlan", "PricingFeature", "Testimonial", "TeamMember",
	"FAQCategory", "FAQ", "Message", "Settings", "JobApplication", "QuoteRequest",
	"ContactMessage",
}

// ownTables are smmm's own tables (00003 and 00004), which the original does
// not have; [Handback] drops them, and [VersionTable] last.
var ownTables = []string{"RateLimit", "IdempotencyKey"}

// ownIndex is an index smmm adds to one of the original's tables.
type ownIndex struct{ table, name string }

// ownIndexes are the indexes 00002 adds to the original's tables, per
// dialect; [Handback] drops them. The MySQL list lacks the foreign-key
// indexes the other databases need, for InnoDB makes them itself (Prisma's
// "AboutFeature_sectionId_fkey", which 00002 puts back, is the original's).
var ownIndexes = map[string][]ownIndex{
	"postgres": sharedOwnIndexes,
	"sqlite":   sharedOwnIndexes,
	"mysql": {
		{"ContactMessage", "ContactMessage_status_createdAt_id_idx"},
		{"ContactMessage", "ContactMessage_createdAt_id_idx"},
		{"AboutFeature", "AboutFeature_sectionId_order_idx"},
		{"Session", "Session_expires_idx"},
	},
}

var sharedOwnIndexes = []ownIndex{
	{"ContactMessage", "ContactMessage_status_createdAt_id_idx"},
	{"ContactMessage", "ContactMessage_createdAt_id_idx"},
	{"AboutFeature", "AboutFeature_sectionId_order_idx"},
	{"Session", "Session_userId_idx"},
	{"Account", "Account_userId_idx"},
	{"Session", "Session_expires_idx"},
}

// listTablesQuery returns the names of the base tables of the connection's
// current schema (PostgreSQL) or database (MySQL, SQLite).
var listTablesQuery = map[string]string{
	"postgres": `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
	"mysql":    `SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
	"sqlite":   `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`,
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func listStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// AdoptionError is returned by [Up] when a database without [VersionTable]
// holds something smmm cannot adopt safely. [Up] returns it before it has
// created or changed anything.
type AdoptionError struct {
	// CaseVariants are tables whose names equal one of the original's or
	// smmm's own tables but for letter case, as the original's later
	// migrations renamed them ("user", "contactmessage", ...): another
	// variant of the schema, whose columns smmm does not know.
	CaseVariants []string
	// PrismaMigrations are the migrations recorded in _prisma_migrations
	// other than the init migration smmm's schema is made from: tables or
	// columns that Prisma made and smmm does not know.
	PrismaMigrations []string
}

func (e *AdoptionError) Error() string {
	var parts []string
	if len(e.CaseVariants) > 0 {
		parts = append(parts, "tables named like the original's but in other letter case, from a later variant of its schema: "+strings.Join(e.CaseVariants, ", "))
	}
	if len(e.PrismaMigrations) > 0 {
		parts = append(parts, "Prisma migrations other than "+prismaInit+" in "+prismaTable+": "+strings.Join(e.PrismaMigrations, ", "))
	}
	return "migrations: up: refusing to adopt this database, nothing was changed: it holds " + strings.Join(parts, "; ") +
		". smmm adopts only a database made by the original's " + prismaInit + " migration alone (README.md, \"Schema and migrations\")"
}

// checkAdoptable is run under the migrations' lock on a database without
// [VersionTable], before anything is created. It refuses (with an
// [*AdoptionError]) a table named like a known one in other letter case and,
// when the database has _prisma_migrations, any Prisma migration recorded
// there but the init one. Any other table is an office's own (made by hand,
// outside Prisma's migrations): it is left alone, as DESIGN.md promises, and
// named in the log by [Up]. It reports whether the database is a Prisma one
// to adopt.
//
// On MySQL with lower_case_table_names set, table names compare without
// regard to case, so the letter-case rule cannot tell the variants apart
// and is not applied.
func checkAdoptable(ctx context.Context, conn *sql.Conn, d *dialectInfo) (bool, error) {
	tables, err := listStrings(ctx, conn, listTablesQuery[d.name])
	if err != nil {
		return false, fmt.Errorf("migrations: up: list tables: %w", err)
	}
	foldNames := false
	if d.name == "mysql" {
		var lower int
		if err := conn.QueryRowContext(ctx, `SELECT @@lower_case_table_names`).Scan(&lower); err != nil {
			return false, fmt.Errorf("migrations: up: read lower_case_table_names: %w", err)
		}
		foldNames = lower != 0
	}
	known := slices.Concat(originalTables, ownTables, []string{prismaTable, VersionTable})
	isPrisma := slices.Contains(tables, prismaTable)
	var e AdoptionError
	for _, t := range tables {
		if slices.Contains(known, t) {
			continue
		}
		if !foldNames && slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, t) }) {
			e.CaseVariants = append(e.CaseVariants, t)
		}
	}
	if isPrisma {
		names, err := listStrings(ctx, conn, `SELECT DISTINCT migration_name FROM `+prismaTable+` WHERE migration_name <> '`+prismaInit+`' ORDER BY migration_name`)
		if err != nil {
			return false, fmt.Errorf("migrations: up: read %s: %w", prismaTable, err)
		}
		e.PrismaMigrations = names
	}
	if len(e.CaseVariants)+len(e.PrismaMigrations) > 0 {
		return false, &e
	}
	return isPrisma, nil
}

// errAdoption unwraps the [*AdoptionError] in err, if any.
func errAdoption(err error) (*AdoptionError, bool) {
	var e *AdoptionError
	ok := errors.As(err, &e)
	return e, ok
}
