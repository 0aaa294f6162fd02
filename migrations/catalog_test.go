package migrations_test

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"smmm/migrations"
	"smmm/migrations/prismatest"
)

// tableCatalog is what the catalog says of one table, each entry one line
// of text so that a difference reads as a diff.
type tableCatalog struct {
	Columns     []string // name, type, nullability, default (MySQL: and character set, collation)
	Indexes     []string // name, uniqueness, columns in order
	ForeignKeys []string // columns, referenced table and columns, ON UPDATE, ON DELETE
	Checks      []string // PostgreSQL and SQLite: CHECK constraints
	Options     []string // MySQL: the table's engine and collation
}

// dbCatalog is the catalog of a whole database.
type dbCatalog struct {
	Tables map[string]tableCatalog
	Enums  []string // PostgreSQL's enum types with their labels
}

// readCatalog reads the catalog of every table in sqlDB.
func readCatalog(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) dbCatalog {
	t.Helper()
	c := dbCatalog{Tables: make(map[string]tableCatalog)}
	for _, table := range tableNames(t, ctx, sqlDB, dialect) {
		c.Tables[table] = readTableCatalog(t, ctx, sqlDB, dialect, table)
	}
	if dialect == "postgres" {
		c.Enums = queryStrings(t, ctx, sqlDB, `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
			FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY t.typname`)
	}
	return c
}

// sqliteCheckRE finds the CHECK constraints in a SQLite table's SQL.
var sqliteCheckRE = regexp.MustCompile(`CHECK \(("[^"]+") IN \(([^)]*)\)\)`)

func readTableCatalog(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect, table string) tableCatalog {
	t.Helper()
	var c tableCatalog
	switch dialect {
	case "postgres":
		c.Columns = queryStrings(t, ctx, sqlDB, `SELECT a.attname, format_type(a.atttypid, a.atttypmod),
			CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END, COALESCE('DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
			FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0 AND NOT a.attisdropped
			ORDER BY a.attnum`, table)
		c.Indexes = queryStrings(t, ctx, sqlDB, `SELECT i.relname, CASE WHEN x.indisunique THEN 'UNIQUE' ELSE '' END,
			(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
			 JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum),
			pg_get_indexdef(x.indexrelid)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
			WHERE x.indrelid = to_regclass(quote_ident($1)) ORDER BY i.relname`, table)
		c.ForeignKeys = queryStrings(t, ctx, sqlDB, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = to_regclass(quote_ident($1)) AND contype IN ('f', 'p') ORDER BY conname`, table)
		c.Checks = queryStrings(t, ctx, sqlDB, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = to_regclass(quote_ident($1)) AND contype NOT IN ('f', 'p') ORDER BY conname`, table)
	case "mysql":
		c.Columns = queryStrings(t, ctx, sqlDB, `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(CONCAT('DEFAULT ', COLUMN_DEFAULT), ''),
			COALESCE(CHARACTER_SET_NAME, ''), COALESCE(COLLATION_NAME, ''), EXTRA
			FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`, table)
		c.Indexes = queryStrings(t, ctx, sqlDB, `SELECT INDEX_NAME, CASE WHEN NON_UNIQUE = 0 THEN 'UNIQUE' ELSE '' END,
			GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), INDEX_TYPE
			FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
			GROUP BY INDEX_NAME, NON_UNIQUE, INDEX_TYPE ORDER BY INDEX_NAME`, table)
		c.ForeignKeys = queryStrings(t, ctx, sqlDB, `SELECT k.CONSTRAINT_NAME, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION),
			k.REFERENCED_TABLE_NAME, GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION),
			CONCAT('ON UPDATE ', r.UPDATE_RULE), CONCAT('ON DELETE ', r.DELETE_RULE)
			FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r
			  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
			WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
			GROUP BY k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE ORDER BY k.CONSTRAINT_NAME`, table)
		c.Options = queryStrings(t, ctx, sqlDB, `SELECT ENGINE, TABLE_COLLATION FROM information_schema.TABLES
			WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`, table)
	default:
		c.Columns = queryStrings(t, ctx, sqlDB, `SELECT name, type, CASE WHEN "notnull" = 1 THEN 'NOT NULL' ELSE 'NULL' END,
			COALESCE('DEFAULT ' || dflt_value, ''), CASE WHEN pk > 0 THEN 'PRIMARY KEY ' || pk ELSE '' END
			FROM pragma_table_info(?) ORDER BY cid`, table)
		for _, idx := range queryStrings(t, ctx, sqlDB, `SELECT name FROM pragma_index_list(?) ORDER BY name`, table) {
			line := queryStrings(t, ctx, sqlDB, `SELECT CASE WHEN "unique" = 1 THEN 'UNIQUE' ELSE '' END || ' ' || origin FROM pragma_index_list(?) WHERE name = ?`, table, idx)
			cols := queryStrings(t, ctx, sqlDB, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, idx)
			c.Indexes = append(c.Indexes, idx+" "+strings.Join(line, "")+" "+strings.Join(cols, ","))
		}
		c.ForeignKeys = queryStrings(t, ctx, sqlDB, `SELECT group_concat("from", ','), "table", group_concat("to", ','),
			'ON UPDATE ' || on_update, 'ON DELETE ' || on_delete
			FROM (SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq) GROUP BY id ORDER BY 1`, table)
		var ddl string
		if err := sqlDB.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&ddl); err != nil {
			t.Fatalf("sql of %s: %v", table, err)
		}
		for _, m := range sqliteCheckRE.FindAllStringSubmatch(ddl, -1) {
			c.Checks = append(c.Checks, m[1]+" IN ("+m[2]+")")
		}
	}
	return c
}

// loadSQLFile runs the statements of a file in testdata, split at lines that
// end with ';'.
func loadSQLFile(t *testing.T, ctx context.Context, sqlDB *sql.DB, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var stmt strings.Builder
	for line := range strings.SplitSeq(string(src), "\n") {
		if stmt.Len() == 0 && (strings.TrimSpace(line) == "" || strings.HasPrefix(line, "--")) {
			continue
		}
		stmt.WriteString(line + "\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			mustExec(t, ctx, sqlDB, strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";"))
			stmt.Reset()
		}
	}
	if strings.TrimSpace(stmt.String()) != "" {
		t.Fatalf("%s ends inside a statement", path)
	}
}

// smmmRows are rows in the tables of migrations 1-4 as smmm writes them:
// users with passwords, their sessions and accounts, a contact message, an
// about section with features. Valid on every dialect (MySQL runs with
// ANSI_QUOTES).
var smmmRows = []string{
	`INSERT INTO "User" ("id", "name", "email", "password", "role", "image", "createdAt", "updatedAt") VALUES
		('u1', 'Yönetici', 'admin@example.com', '$2a$12$abcdefghijklmnopqrstuuN0uG1bE7Ff5bQ8jQ8n0QnY0b1c2d3e4', 'ADMIN', NULL, '2025-01-01 10:00:00', '2025-01-02 11:00:00'),
		('u2', NULL, 'musteri@example.com', '$2b$12$abcdefghijklmnopqrstuuN0uG1bE7Ff5bQ8jQ8n0QnY0b1c2d3e5', 'CLIENT', 'https://example.com/a.png', '2025-01-03 10:00:00', '2025-01-03 10:00:00')`,
	`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES
		('s1', 'token-1', 'u1', '2030-01-01 00:00:00'), ('s2', 'token-2', 'u2', '2030-01-02 00:00:00')`,
	`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "access_token", "expires_at") VALUES
		('a1', 'u2', 'oauth', 'google', '1234', 'ya29.token', 1762160000)`,
	`INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "status", "createdAt", "updatedAt") VALUES
		('c1', 'Gülşen Çağlar', 'g@example.com', '0212 555 44 33', 'Beyanname', 'KDV beyannamesi için destek.', 'PENDING', '2025-02-01 09:30:00.125', '2025-02-01 09:30:00.125')`,
	`INSERT INTO "AboutSection" ("id", "title", "subtitle", "description", "image", "createdAt", "updatedAt") VALUES
		('sec1', 'Hakkımızda', 'Güvenilir mali müşavirlik', 'İşletmenizin yanındayız.', '/images/about.jpg', '2025-01-01 10:00:00', '2025-01-01 10:00:00')`,
	`INSERT INTO "AboutFeature" ("id", "sectionId", "icon", "title", "description", "isActive", "order") VALUES
		('f1', 'sec1', 'shield', 'Güven', 'Yılların deneyimi.', true, 0), ('f2', 'sec1', NULL, 'Şeffaflık', 'Açık süreçler.', false, 1)`,
}

// TestCatalogMatchesReference compares, on each dialect, the catalog of a
// database made from reference_<dialect>.sql (the original's init
// migration, as Prisma makes it) with databases smmm's migrations made:
// fresh, upgraded from migration 00004 with rows, and (PostgreSQL, MySQL)
// adopted from the original's fixture. Every original table is identical,
// apart from the indexes smmm adds (00002's); smmm's own tables are the only
// others. After [migrations.Handback] the catalog is the reference's with no
// exception, and every row of the original's tables is still there.
func TestCatalogMatchesReference(t *testing.T) {
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			ref := freshDB(t, dialect).open(t)
			loadSQLFile(t, ctx, ref, "testdata/reference_"+dialect+".sql")
			want := readCatalog(t, ctx, ref, dialect)
			if got, wantTables := slices.Sorted(maps.Keys(want.Tables)), slices.Sorted(slices.Values(migrations.OriginalTables)); !cmp.Equal(got, wantTables) {
				t.Fatalf("reference tables = %v, want the init migration's %v", got, wantTables)
			}

			cases := []struct {
				name string
				// setup brings a fresh database to the state whose rows
				// must survive; Up runs after it.
				setup    func(t *testing.T, sqlDB *sql.DB)
				adopted  bool
				handback bool
			}{
				{name: "fresh", setup: func(t *testing.T, sqlDB *sql.DB) {
					mustUp(t, ctx, sqlDB, dialect)
					mustExec(t, ctx, sqlDB, smmmRows...)
				}},
				{name: "upgraded from 00004", setup: func(t *testing.T, sqlDB *sql.DB) {
					if err := migrations.UpTo(ctx, sqlDB, dialect, 4); err != nil {
						t.Fatal(err)
					}
					mustExec(t, ctx, sqlDB, smmmRows...)
				}},
				{name: "adopted", adopted: true, setup: func(t *testing.T, sqlDB *sql.DB) {
					if err := prismatest.Load(ctx, sqlDB, dialect); err != nil {
						t.Fatal(err)
					}
				}},
			}
			for _, tc := range cases {
				for _, handback := range []bool{false, true} {
					name := tc.name
					if handback {
						name += ", handed back"
					}
					t.Run(name, func(t *testing.T) {
						if tc.adopted && dialect == "sqlite" {
							t.Skip("the original system ran on PostgreSQL or MySQL")
						}
						sqlDB := freshDB(t, dialect).open(t)
						tc.setup(t, sqlDB)
						rowTables := slices.DeleteFunc(tableNames(t, ctx, sqlDB, dialect), func(table string) bool {
							return table == migrations.VersionTable || slices.Contains(migrations.OwnTables, table)
						})
						before := make(map[string][][]string)
						for _, table := range rowTables {
							before[table] = tableRows(t, ctx, sqlDB, table)
						}
						mustUp(t, ctx, sqlDB, dialect)

						var extraTables, extraIndexes []string
						if tc.adopted {
							// Prisma's own table and the office's own table
							// stay, handed back or not.
							extraTables = append(extraTables, "_prisma_migrations", "BlogPost")
						}
						if handback {
							rep, err := migrations.Handback(ctx, sqlDB, dialect, nil)
							if err != nil {
								t.Fatalf("Handback: %v", err)
							}
							wantDropped := len(migrations.OwnIndexNames(dialect)) + len(migrations.OwnTables) + 1
							if len(rep.Dropped) != wantDropped {
								t.Errorf("Handback dropped %q, want %d objects", rep.Dropped, wantDropped)
							}
							rep, err = migrations.Handback(ctx, sqlDB, dialect, nil)
							if err != nil || len(rep.Dropped) != 0 {
								t.Errorf("second Handback = %q, %v; want nothing dropped", rep.Dropped, err)
							}
						} else {
							extraTables = slices.Concat(extraTables, migrations.OwnTables, []string{migrations.VersionTable})
							extraIndexes = migrations.OwnIndexNames(dialect)
						}

						got := readCatalog(t, ctx, sqlDB, dialect)
						wantTables := slices.Sorted(slices.Values(slices.Concat(migrations.OriginalTables, extraTables)))
						if diff := cmp.Diff(wantTables, slices.Sorted(maps.Keys(got.Tables))); diff != "" {
							t.Errorf("tables (-want +got):\n%s", diff)
						}
						for _, name := range extraIndexes {
							found := false
							for table, tc := range got.Tables {
								if slices.Contains(migrations.OriginalTables, table) {
									if i := slices.IndexFunc(tc.Indexes, func(idx string) bool { return strings.HasPrefix(idx, name+" ") }); i >= 0 {
										tc.Indexes = slices.Delete(tc.Indexes, i, i+1)
										got.Tables[table] = tc
										found = true
									}
								}
							}
							if !found {
								t.Errorf("smmm's index %s is missing", name)
							}
						}
						if diff := cmp.Diff(want.Enums, got.Enums); diff != "" {
							t.Errorf("enum types (-reference +got):\n%s", diff)
						}
						for _, table := range migrations.OriginalTables {
							if diff := cmp.Diff(want.Tables[table], got.Tables[table]); diff != "" {
								t.Errorf("%s (-reference +got):\n%s", table, diff)
							}
						}
						for _, table := range rowTables {
							if diff := cmp.Diff(before[table], tableRows(t, ctx, sqlDB, table)); diff != "" {
								t.Errorf("rows of %s changed (-before +after):\n%s", table, diff)
							}
						}
						if tc.adopted {
							return
						}
						if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "Session"`) + count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "Account"`); n != 3 {
							t.Errorf("sessions and accounts = %d, want the 3 inserted", n)
						}
					})
				}
			}
		})
	}
}

// TestHandbackRefuses runs Handback on databases that are not at smmm's
// latest migration: it refuses with ErrNotAtLatest and changes nothing.
func TestHandbackRefuses(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string)
	}{
		{"at 00004", func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) {
			if err := migrations.UpTo(ctx, sqlDB, dialect, 4); err != nil {
				t.Fatal(err)
			}
		}},
		{"a newer smmm's migration", func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) {
			mustUp(t, ctx, sqlDB, dialect)
			mustExec(t, ctx, sqlDB, `INSERT INTO `+migrations.VersionTable+` (version_id, is_applied) VALUES (99999, true)`)
		}},
		{"smmm's tables without the version table", func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) {
			mustUp(t, ctx, sqlDB, dialect)
			mustExec(t, ctx, sqlDB, `DROP TABLE `+migrations.VersionTable)
		}},
	}
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					ctx := testContext(t)
					sqlDB := freshDB(t, dialect).open(t)
					tc.setup(t, ctx, sqlDB, dialect)
					before := readCatalog(t, ctx, sqlDB, dialect)
					rep, err := migrations.Handback(ctx, sqlDB, dialect, nil)
					if !errors.Is(err, migrations.ErrNotAtLatest) || len(rep.Dropped) != 0 {
						t.Errorf("Handback = %q, %v; want nothing dropped and ErrNotAtLatest", rep.Dropped, err)
					}
					if diff := cmp.Diff(before, readCatalog(t, ctx, sqlDB, dialect)); diff != "" {
						t.Errorf("the refused Handback changed the catalog (-before +after):\n%s", diff)
					}
				})
			}
			t.Run("empty database", func(t *testing.T) {
				ctx := testContext(t)
				sqlDB := freshDB(t, dialect).open(t)
				rep, err := migrations.Handback(ctx, sqlDB, dialect, nil)
				if err != nil || len(rep.Dropped) != 0 {
					t.Errorf("Handback of an empty database = %q, %v; want nothing to do", rep.Dropped, err)
				}
				if got := tableNames(t, ctx, sqlDB, dialect); len(got) != 0 {
					t.Errorf("tables after Handback of an empty database = %v, want none", got)
				}
			})
		})
	}
}

// TestAdoptionRefuses runs Up on databases without smmm's version table that
// smmm must not adopt: another variant of the original's schema (its later
// migrations renamed the tables to lower case) and a Prisma database with
// migrations after the init one. Up refuses with an AdoptionError naming
// what it found, and the catalog and every row are as they were.
func TestAdoptionRefuses(t *testing.T) {
	cases := []struct {
		name string
		// setup loads the database; want are words the error must name.
		setup func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string)
		want  []string
	}{
		{
			name: "lower-case tables of a later variant",
			setup: func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) {
				mustExec(t, ctx, sqlDB,
					`CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMP NULL, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT NULL, "rolled_back_at" TIMESTAMP NULL, "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
					`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ('m1', 'x', '20251101125707_init', CURRENT_TIMESTAMP, 1)`,
					`CREATE TABLE "user" ("id" VARCHAR(191) NOT NULL PRIMARY KEY, "email" VARCHAR(191) NOT NULL)`,
					`INSERT INTO "user" VALUES ('u1', 'a@example.com')`,
					`CREATE TABLE "contactmessage" ("id" VARCHAR(191) NOT NULL PRIMARY KEY, "name" VARCHAR(191) NOT NULL)`,
				)
			},
			want: []string{"user", "contactmessage", "letter case"},
		},
		{
			name: "a later Prisma migration",
			setup: func(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) {
				if err := prismatest.Load(ctx, sqlDB, dialect); err != nil {
					t.Fatal(err)
				}
				mustExec(t, ctx, sqlDB,
					`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ('later', 'y', '20251120093000_lowercase_tables', CURRENT_TIMESTAMP, 1)`)
			},
			want: []string{"20251120093000_lowercase_tables"},
		},
	}
	for _, dialect := range serverDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					ctx := testContext(t)
					sqlDB := freshDB(t, dialect).open(t)
					tc.setup(t, ctx, sqlDB, dialect)
					tables := tableNames(t, ctx, sqlDB, dialect)
					before := readCatalog(t, ctx, sqlDB, dialect)
					rows := make(map[string][][]string)
					for _, table := range tables {
						rows[table] = tableRows(t, ctx, sqlDB, table)
					}

					_, err := migrations.Up(ctx, sqlDB, dialect, nil)
					var refusal *migrations.AdoptionError
					if !errors.As(err, &refusal) {
						t.Fatalf("Up = %v, want an AdoptionError", err)
					}
					for _, w := range tc.want {
						if !strings.Contains(err.Error(), w) {
							t.Errorf("the refusal %q does not name %q", err, w)
						}
					}
					if diff := cmp.Diff(before, readCatalog(t, ctx, sqlDB, dialect)); diff != "" {
						t.Errorf("the refused Up changed the catalog (-before +after):\n%s", diff)
					}
					for _, table := range tables {
						if diff := cmp.Diff(rows[table], tableRows(t, ctx, sqlDB, table)); diff != "" {
							t.Errorf("the refused Up changed the rows of %s (-before +after):\n%s", table, diff)
						}
					}
				})
			}
		})
	}
}
