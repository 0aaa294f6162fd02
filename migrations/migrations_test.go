package migrations_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/bcrypt"

	"smmm/migrations"
	"smmm/migrations/prismatest"
)

// schemaTables are the tables of the shared (Prisma) schema.
var schemaTables = []string{"User", "Account", "Session", "VerificationToken", "ContactMessage", "AboutSection", "AboutFeature"}

// queryIndexes are the indexes 00002 adds, per dialect.
var queryIndexes = map[string][]string{
	"postgres": {"AboutFeature_sectionId_order_idx", "Account_userId_idx", "ContactMessage_createdAt_id_idx", "ContactMessage_status_createdAt_id_idx", "Session_expires_idx", "Session_userId_idx"},
	"mysql":    {"AboutFeature_sectionId_order_idx", "ContactMessage_createdAt_id_idx", "ContactMessage_status_createdAt_id_idx", "Session_expires_idx"},
	"sqlite":   {"AboutFeature_sectionId_order_idx", "Account_userId_idx", "ContactMessage_createdAt_id_idx", "ContactMessage_status_createdAt_id_idx", "Session_expires_idx", "Session_userId_idx"},
}

// uniqueIndexes are Prisma's unique indexes, the same in every dialect.
var uniqueIndexes = []string{"Account_provider_providerAccountId_key", "Session_sessionToken_key", "User_email_key", "VerificationToken_identifier_token_key", "VerificationToken_token_key"}

// column kinds of the Prisma schema and their types as each database reports them.
const (
	kString = iota // String
	kText          // String @db.Text
	kLong          // String @db.LongText
	kTime          // DateTime
	kInt           // Int
	kBool          // Boolean
	kRole          // Role
	kStatus        // ContactMessageStatus
)

var typeNames = map[string][]string{
	"postgres": {kString: "text", kText: "text", kLong: "text", kTime: "timestamp(3)", kInt: "integer", kBool: "boolean", kRole: "Role", kStatus: "ContactMessageStatus"},
	"mysql":    {kString: "varchar(191)", kText: "text", kLong: "longtext", kTime: "datetime(3)", kInt: "int(11)", kBool: "tinyint(1)", kRole: "enum('ADMIN','CLIENT')", kStatus: "enum('NEW','PENDING','REPLIED','RESOLVED')"},
	"sqlite":   {kString: "TEXT", kText: "TEXT", kLong: "TEXT", kTime: "DATETIME", kInt: "INTEGER", kBool: "BOOLEAN", kRole: "TEXT", kStatus: "TEXT"},
}

type col struct {
	name     string
	kind     int
	nullable bool
}

var schema = map[string][]col{
	"User": {
		{"id", kString, false}, {"name", kString, true}, {"email", kString, false},
		{"emailVerified", kTime, true}, {"password", kString, false}, {"role", kRole, false},
		{"image", kLong, true}, {"createdAt", kTime, false}, {"updatedAt", kTime, false},
	},
	"Account": {
		{"id", kString, false}, {"userId", kString, false}, {"type", kString, false},
		{"provider", kString, false}, {"providerAccountId", kString, false},
		{"refresh_token", kText, true}, {"access_token", kText, true}, {"expires_at", kInt, true},
		{"token_type", kString, true}, {"scope", kString, true}, {"id_token", kText, true},
		{"session_state", kString, true},
	},
	"Session": {
		{"id", kString, false}, {"sessionToken", kString, false}, {"userId", kString, false}, {"expires", kTime, false},
	},
	"VerificationToken": {
		{"identifier", kString, false}, {"token", kString, false}, {"expires", kTime, false},
	},
	"ContactMessage": {
		{"id", kString, false}, {"name", kString, false}, {"email", kString, false},
		{"phone", kString, false}, {"subject", kString, false}, {"message", kText, false},
		{"status", kStatus, false}, {"createdAt", kTime, false}, {"updatedAt", kTime, false},
	},
	"AboutSection": {
		{"id", kString, false}, {"title", kString, false}, {"subtitle", kText, true},
		{"description", kText, false}, {"image", kLong, true},
		{"createdAt", kTime, false}, {"updatedAt", kTime, false},
	},
	"AboutFeature": {
		{"id", kString, false}, {"sectionId", kString, false}, {"icon", kString, true},
		{"title", kString, false}, {"description", kText, false},
		{"isActive", kBool, false}, {"order", kInt, false},
	},
}

// migrationFile is one migration embedded in [migrations.FS].
type migrationFile struct {
	Version int64
	Name    string
}

// migrationFileRE matches the file names goose takes as migrations.
var migrationFileRE = regexp.MustCompile(`^(\d+)_.*\.sql$`)

// embeddedMigrations lists the migrations of dialect in [migrations.FS],
// oldest first. The tests rely on the first two being 00001_init.sql (the
// Prisma tables) and 00002_query_indexes.sql (the indexes in queryIndexes);
// every later one is only counted.
func embeddedMigrations(t testing.TB, dialect string) []migrationFile {
	t.Helper()
	entries, err := fs.ReadDir(migrations.FS, dialect)
	if err != nil {
		t.Fatalf("read embedded migrations of %s: %v", dialect, err)
	}
	var files []migrationFile
	for _, e := range entries {
		m := migrationFileRE.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			continue
		}
		v, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			t.Fatalf("%s/%s: version: %v", dialect, e.Name(), err)
		}
		files = append(files, migrationFile{Version: v, Name: e.Name()})
	}
	slices.SortFunc(files, func(a, b migrationFile) int {
		switch {
		case a.Version < b.Version:
			return -1
		case a.Version > b.Version:
			return 1
		}
		return 0
	})
	for i := 1; i < len(files); i++ {
		if files[i].Version == files[i-1].Version {
			t.Fatalf("%s: %s and %s have the same version", dialect, files[i-1].Name, files[i].Name)
		}
	}
	first := []migrationFile{{1, "00001_init.sql"}, {2, "00002_query_indexes.sql"}}
	if len(files) < len(first) || !slices.Equal(files[:len(first)], first) {
		t.Fatalf("%s: embedded migrations %v do not start with %v", dialect, files, first)
	}
	return files
}

// embeddedVersions returns the versions of dialect's embedded migrations,
// oldest first.
func embeddedVersions(t testing.TB, dialect string) []int64 {
	t.Helper()
	var versions []int64
	for _, f := range embeddedMigrations(t, dialect) {
		versions = append(versions, f.Version)
	}
	return versions
}

// versionRows is what the version table holds when exactly versions are
// applied, each once, next to goose's own 0 row.
func versionRows(versions []int64) map[int64]int {
	want := map[int64]int{0: 1}
	for _, v := range versions {
		want[v] = 1
	}
	return want
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func mustUp(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) migrations.Report {
	t.Helper()
	rep, err := migrations.Up(ctx, sqlDB, dialect, nil)
	if err != nil {
		t.Fatalf("Up: %v", err)
	}
	return rep
}

func mustExec(t *testing.T, ctx context.Context, sqlDB *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := sqlDB.ExecContext(ctx, s); err != nil {
			t.Fatalf("exec %q: %v", s, err)
		}
	}
}

func count(t *testing.T, ctx context.Context, sqlDB *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := sqlDB.QueryRowContext(ctx, query).Scan(&n); err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	return n
}

// TestUpDownStatus runs the whole life cycle on a fresh database of each
// dialect: schema, constraints, idempotent Up, Status, Down and Up again.
func TestUpDownStatus(t *testing.T) {
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			sqlDB := freshDB(t, dialect).open(t)
			versions := embeddedVersions(t, dialect)
			last := versions[len(versions)-1]
			// The tables 00001 makes; 00002 only adds indexes.
			initTables := slices.Sorted(slices.Values(slices.Concat(schemaTables, []string{migrations.VersionTable})))

			rep := mustUp(t, ctx, sqlDB, dialect)
			if diff := cmp.Diff(migrations.Report{Applied: versions, Version: last}, rep); diff != "" {
				t.Errorf("first Up report (-want +got):\n%s", diff)
			}

			t.Run("tables", func(t *testing.T) {
				// Later migrations may add tables of their own; the Prisma
				// tables and the version table must all be there.
				got := tableNames(t, ctx, sqlDB, dialect)
				for _, want := range initTables {
					if !slices.Contains(got, want) {
						t.Errorf("table %s missing; have %v", want, got)
					}
				}
			})

			t.Run("columns", func(t *testing.T) {
				for _, table := range schemaTables {
					var want []string
					for _, c := range schema[table] {
						null := "NO"
						if c.nullable {
							null = "YES"
						}
						want = append(want, fmt.Sprintf("%s %s %s", c.name, typeNames[dialect][c.kind], null))
					}
					got := describeColumns(t, ctx, sqlDB, dialect, table, false)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("columns of %s (-want +got):\n%s", table, diff)
					}
				}
			})

			t.Run("indexes", func(t *testing.T) {
				names := indexNames(t, ctx, sqlDB, dialect)
				for _, want := range slices.Concat(uniqueIndexes, queryIndexes[dialect]) {
					if !slices.Contains(names, want) {
						t.Errorf("index %s missing; have %v", want, names)
					}
				}
			})

			t.Run("constraints", func(t *testing.T) {
				checkConstraints(t, ctx, sqlDB)
			})

			rep = mustUp(t, ctx, sqlDB, dialect)
			if diff := cmp.Diff(migrations.Report{Version: last}, rep); diff != "" {
				t.Errorf("second Up report (-want +got):\n%s", diff)
			}
			if got, want := versionCounts(t, ctx, sqlDB), versionRows(versions); !cmp.Equal(got, want) {
				t.Errorf("version table after two Ups = %v (version: rows), want %v", got, want)
			}
			checkStatus(t, ctx, sqlDB, dialect, len(versions))

			// Each Down rolls back the newest applied migration only. Roll
			// back until 00001 is the last one applied.
			for applied := len(versions) - 1; applied >= 1; applied-- {
				if err := migrations.Down(ctx, sqlDB, dialect, nil); err != nil {
					t.Fatalf("Down to %d applied: %v", applied, err)
				}
				checkStatus(t, ctx, sqlDB, dialect, applied)
			}
			names := indexNames(t, ctx, sqlDB, dialect)
			for _, idx := range queryIndexes[dialect] {
				if slices.Contains(names, idx) {
					t.Errorf("index %s still there after rolling back 00002", idx)
				}
			}
			if got := tableNames(t, ctx, sqlDB, dialect); !cmp.Equal(got, initTables) {
				t.Errorf("tables after rolling back to 00001 = %v, want %v", got, initTables)
			}
			rep = mustUp(t, ctx, sqlDB, dialect)
			if diff := cmp.Diff(migrations.Report{Applied: versions[1:], Version: last}, rep); diff != "" {
				t.Errorf("Up after rolling back to 00001 (-want +got):\n%s", diff)
			}
			checkStatus(t, ctx, sqlDB, dialect, len(versions))

			for range versions {
				if err := migrations.Down(ctx, sqlDB, dialect, nil); err != nil {
					t.Fatalf("Down: %v", err)
				}
			}
			checkStatus(t, ctx, sqlDB, dialect, 0)
			if got := tableNames(t, ctx, sqlDB, dialect); !cmp.Equal(got, []string{migrations.VersionTable}) {
				t.Errorf("tables after rolling everything back = %v, want only %s", got, migrations.VersionTable)
			}
			if dialect == "postgres" {
				if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM pg_type WHERE typname IN ('Role', 'ContactMessageStatus')`); n != 0 {
					t.Errorf("%d enum types left after rolling everything back", n)
				}
			}
			if err := migrations.Down(ctx, sqlDB, dialect, nil); !errors.Is(err, migrations.ErrNothingToRollBack) {
				t.Errorf("Down with nothing applied = %v, want ErrNothingToRollBack", err)
			}

			rep = mustUp(t, ctx, sqlDB, dialect)
			if diff := cmp.Diff(migrations.Report{Applied: versions, Version: last}, rep); diff != "" {
				t.Errorf("Up after rolling everything back (-want +got):\n%s", diff)
			}
		})
	}
}

// checkConstraints exercises the unique indexes, enum checks and cascading
// foreign keys with statements that are valid in every dialect (MySQL runs with
// ANSI_QUOTES).
func checkConstraints(t *testing.T, ctx context.Context, sqlDB *sql.DB) {
	t.Helper()
	mustExec(t, ctx, sqlDB,
		`INSERT INTO "User" ("id", "email", "password", "updatedAt") VALUES ('u1', 'a@example.com', 'h', '2025-01-01 00:00:00')`,
		`INSERT INTO "User" ("id", "email", "password", "updatedAt") VALUES ('u2', 'b@example.com', 'h', '2025-01-01 00:00:00')`,
		`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s1', 't1', 'u1', '2025-02-01 00:00:00')`,
		`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s2', 't2', 'u1', '2025-02-01 00:00:00')`,
		`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s3', 't3', 'u2', '2025-02-01 00:00:00')`,
		`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES ('a1', 'u1', 'oauth', 'google', 'g1')`,
		`INSERT INTO "AboutSection" ("id", "title", "description", "updatedAt") VALUES ('sec1', 'Hakkımızda', 'ğüşıöçİ', '2025-01-01 00:00:00')`,
		`INSERT INTO "AboutFeature" ("id", "sectionId", "title", "description") VALUES ('f1', 'sec1', 'Bir', 'x')`,
		`INSERT INTO "AboutFeature" ("id", "sectionId", "title", "description", "order") VALUES ('f2', 'sec1', 'İki', 'y', 1)`,
		`INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "updatedAt") VALUES ('c1', 'n', 'e', 'p', 's', 'm', '2025-01-01 00:00:00')`,
	)

	defaults := []struct {
		name, query, want string
	}{
		{"User.role", `SELECT "role" FROM "User" WHERE "id" = 'u1'`, "CLIENT"},
		{"ContactMessage.status", `SELECT "status" FROM "ContactMessage" WHERE "id" = 'c1'`, "NEW"},
		{"AboutFeature.order", `SELECT "order" FROM "AboutFeature" WHERE "id" = 'f1'`, "0"},
		{"AboutFeature.isActive", `SELECT CASE WHEN "isActive" THEN 'yes' ELSE 'no' END FROM "AboutFeature" WHERE "id" = 'f1'`, "yes"},
		{"User.createdAt", `SELECT CASE WHEN "createdAt" IS NOT NULL THEN 'set' END FROM "User" WHERE "id" = 'u1'`, "set"},
	}
	for _, tt := range defaults {
		var got string
		if err := sqlDB.QueryRowContext(ctx, tt.query).Scan(&got); err != nil {
			t.Errorf("default %s: %v", tt.name, err)
		} else if got != tt.want {
			t.Errorf("default %s = %q, want %q", tt.name, got, tt.want)
		}
	}

	rejected := []struct {
		name, stmt string
	}{
		{"duplicate email", `INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('u3', 'a@example.com', '2025-01-01 00:00:00')`},
		{"duplicate session token", `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s4', 't1', 'u2', '2025-02-01 00:00:00')`},
		{"duplicate provider account", `INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES ('a2', 'u2', 'oauth', 'google', 'g1')`},
		{"session of unknown user", `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s5', 't5', 'nobody', '2025-02-01 00:00:00')`},
		{"unknown role", `INSERT INTO "User" ("id", "email", "role", "updatedAt") VALUES ('u4', 'd@example.com', 'ROOT', '2025-01-01 00:00:00')`},
		{"unknown status", `INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "status", "updatedAt") VALUES ('c2', 'n', 'e', 'p', 's', 'm', 'SPAM', '2025-01-01 00:00:00')`},
		{"missing updatedAt", `INSERT INTO "AboutSection" ("id", "title", "description") VALUES ('sec2', 't', 'd')`},
	}
	for _, tt := range rejected {
		if _, err := sqlDB.ExecContext(ctx, tt.stmt); err == nil {
			t.Errorf("%s: insert succeeded, want an error", tt.name)
		}
	}

	mustExec(t, ctx, sqlDB, `DELETE FROM "User" WHERE "id" = 'u1'`)
	if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "Session" WHERE "userId" = 'u1'`); n != 0 {
		t.Errorf("%d sessions of a deleted user left, want 0 (ON DELETE CASCADE)", n)
	}
	if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "Account" WHERE "userId" = 'u1'`); n != 0 {
		t.Errorf("%d accounts of a deleted user left, want 0 (ON DELETE CASCADE)", n)
	}
	if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "Session"`); n != 1 {
		t.Errorf("%d sessions left, want the other user's 1", n)
	}
	mustExec(t, ctx, sqlDB, `DELETE FROM "AboutSection" WHERE "id" = 'sec1'`)
	if n := count(t, ctx, sqlDB, `SELECT COUNT(*) FROM "AboutFeature"`); n != 0 {
		t.Errorf("%d features of a deleted section left, want 0 (ON DELETE CASCADE)", n)
	}

	// Leave the database as migrations left it.
	mustExec(t, ctx, sqlDB, `DELETE FROM "User"`, `DELETE FROM "ContactMessage"`)
}

// checkStatus checks Status and Pending against the embedded migrations of
// dialect, of which the oldest applied are applied and the rest pending.
func checkStatus(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string, applied int) {
	t.Helper()
	list, err := migrations.Status(ctx, sqlDB, dialect)
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	type row struct {
		Version   int64
		Name      string
		Applied   bool
		HasTstamp bool
	}
	var got []row
	for _, m := range list {
		got = append(got, row{m.Version, m.Name, m.Applied, !m.AppliedAt.IsZero()})
	}
	files := embeddedMigrations(t, dialect)
	var want []row
	for i, f := range files {
		want = append(want, row{f.Version, f.Name, i < applied, i < applied})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Status with %d of %d applied (-want +got):\n%s", applied, len(files), diff)
	}
	wantPending := len(files) - applied
	if n, err := migrations.Pending(ctx, sqlDB, dialect); err != nil || n != wantPending {
		t.Errorf("Pending = %d, %v; want %d, nil", n, err, wantPending)
	}
}

// TestStatusFreshDatabase checks that Status and Pending report everything
// pending on an empty database without creating anything in it.
func TestStatusFreshDatabase(t *testing.T) {
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			sqlDB := freshDB(t, dialect).open(t)
			checkStatus(t, ctx, sqlDB, dialect, 0)
			if got := tableNames(t, ctx, sqlDB, dialect); len(got) != 0 {
				t.Errorf("tables after Status and Pending = %v, want none", got)
			}
			if err := migrations.Down(ctx, sqlDB, dialect, nil); !errors.Is(err, migrations.ErrNothingToRollBack) {
				t.Errorf("Down on an empty database = %v, want ErrNothingToRollBack", err)
			}
			if got := tableNames(t, ctx, sqlDB, dialect); len(got) != 0 {
				t.Errorf("tables after Down = %v, want none", got)
			}
		})
	}
}

// TestUpConcurrent starts four Ups at the same moment, each with its own
// connection pool as separate processes would have.
func TestUpConcurrent(t *testing.T) {
	const n = 4
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			db := freshDB(t, dialect)
			versions := embeddedVersions(t, dialect)
			last := versions[len(versions)-1]
			pools := make([]*sql.DB, n)
			for i := range pools {
				pools[i] = db.open(t)
			}

			start := make(chan struct{})
			reports := make([]migrations.Report, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					<-start
					reports[i], errs[i] = migrations.Up(ctx, pools[i], dialect, nil)
				})
			}
			close(start)
			wg.Wait()

			var applied []int64
			for i := range n {
				if errs[i] != nil {
					t.Errorf("Up #%d: %v", i, errs[i])
				}
				if reports[i].Version != last || reports[i].Baseline {
					t.Errorf("Up #%d report = %+v, want Version %d and no baseline", i, reports[i], last)
				}
				applied = append(applied, reports[i].Applied...)
			}
			slices.Sort(applied)
			if !cmp.Equal(applied, versions) {
				t.Errorf("versions applied by all calls together = %v, want %v (each once)", applied, versions)
			}
			if got, want := versionCounts(t, ctx, pools[0]), versionRows(versions); !cmp.Equal(got, want) {
				t.Errorf("version table = %v (version: rows), want %v", got, want)
			}
		})
	}
}

// TestAdoptPrisma adopts a database as the original Prisma system left it.
func TestAdoptPrisma(t *testing.T) {
	for _, dialect := range allDialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			sqlDB := freshDB(t, dialect).open(t)
			originalTables := loadPrisma(t, ctx, sqlDB, dialect)
			versions := embeddedVersions(t, dialect)
			last := versions[len(versions)-1]

			tablesBefore := tableNames(t, ctx, sqlDB, dialect)
			before := snapshot(t, ctx, sqlDB, dialect, originalTables)
			var logs bytes.Buffer
			rep, err := migrations.Up(ctx, sqlDB, dialect, slog.New(slog.NewTextHandler(&logs, nil)))
			if err != nil {
				t.Fatalf("Up: %v", err)
			}
			if diff := cmp.Diff(migrations.Report{Applied: versions, Version: last, Baseline: true}, rep); diff != "" {
				t.Errorf("Up report (-want +got):\n%s", diff)
			}
			if !strings.Contains(logs.String(), "adopting an existing Prisma database") {
				t.Errorf("log does not mention the adoption:\n%s", logs.String())
			}
			after := snapshot(t, ctx, sqlDB, dialect, originalTables)

			// No table is dropped. Besides the version table and the Prisma
			// tables a small fixture lacks, the only new tables are those of
			// migrations after 00002, which have no Prisma counterpart.
			tablesAfter := tableNames(t, ctx, sqlDB, dialect)
			var laterTables []string
			for _, table := range tablesBefore {
				if !slices.Contains(tablesAfter, table) {
					t.Errorf("table %s gone after adoption", table)
				}
			}
			for _, table := range tablesAfter {
				if !slices.Contains(tablesBefore, table) && !slices.Contains(schemaTables, table) && table != migrations.VersionTable {
					laterTables = append(laterTables, table)
				}
			}

			for _, table := range originalTables {
				b, a := before[table], after[table]
				if diff := cmp.Diff(b.rows, a.rows); diff != "" {
					t.Errorf("rows of %s changed (-before +after):\n%s", table, diff)
				}
				if diff := cmp.Diff(b.columns, a.columns); diff != "" {
					t.Errorf("columns of %s changed (-before +after):\n%s", table, diff)
				}
				if diff := cmp.Diff(b.constraints, a.constraints); diff != "" {
					t.Errorf("constraints of %s changed (-before +after):\n%s", table, diff)
				}
				for _, idx := range b.indexes {
					if !slices.Contains(a.indexes, idx) {
						t.Errorf("index of %s changed or gone: %s", table, idx)
					}
				}
			}
			var added, laterIndexes []string
			for _, table := range laterTables {
				for _, idx := range describeIndexes(t, ctx, sqlDB, dialect, table) {
					name, _, _ := strings.Cut(idx, " ")
					laterIndexes = append(laterIndexes, name)
				}
			}
			for _, name := range indexNames(t, ctx, sqlDB, dialect) {
				if !slices.ContainsFunc(originalTables, func(table string) bool {
					return slices.ContainsFunc(before[table].indexes, func(idx string) bool { return strings.HasPrefix(idx, name+" ") })
				}) {
					added = append(added, name)
				}
			}
			wantAdded := slices.Clone(queryIndexes[dialect])
			if dialect == "sqlite" {
				// The small SQLite fixture lacks most tables; 00001 made them with their indexes.
				wantAdded = slices.Concat(wantAdded, []string{"Account_provider_providerAccountId_key", "Session_sessionToken_key", "VerificationToken_identifier_token_key", "VerificationToken_token_key"})
			}
			// Tables of later migrations come with their own indexes.
			for _, name := range added {
				if slices.Contains(laterIndexes, name) {
					wantAdded = append(wantAdded, name)
				}
			}
			slices.Sort(wantAdded)
			if diff := cmp.Diff(wantAdded, added); diff != "" {
				t.Errorf("indexes added by adoption (-want +got):\n%s", diff)
			}

			// The adopted schema is the one a fresh database gets: our
			// migrations produce what Prisma produced.
			fresh := freshDB(t, dialect).open(t)
			mustUp(t, ctx, fresh, dialect)
			for _, table := range tableNames(t, ctx, fresh, dialect) {
				if !slices.Contains(tablesAfter, table) {
					t.Errorf("table %s of a fresh database missing in the adopted one", table)
				}
			}
			var compared []string
			for _, table := range tableNames(t, ctx, fresh, dialect) {
				if table != migrations.VersionTable {
					compared = append(compared, table)
				}
			}
			freshSnap := snapshot(t, ctx, fresh, dialect, compared)
			adoptedSnap := snapshot(t, ctx, sqlDB, dialect, compared)
			for _, table := range compared {
				f, a := freshSnap[table], adoptedSnap[table]
				f.rows, a.rows = nil, nil
				if diff := cmp.Diff(f, a, cmp.AllowUnexported(tableSnapshot{})); diff != "" {
					t.Errorf("%s: fresh and adopted schema differ (-fresh +adopted):\n%s", table, diff)
				}
			}

			rep, err = migrations.Up(ctx, sqlDB, dialect, nil)
			if err != nil {
				t.Fatalf("second Up: %v", err)
			}
			if diff := cmp.Diff(migrations.Report{Version: last}, rep); diff != "" {
				t.Errorf("second Up report (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(after, snapshot(t, ctx, sqlDB, dialect, originalTables), cmp.AllowUnexported(tableSnapshot{})); diff != "" {
				t.Errorf("second Up changed the database (-before +after):\n%s", diff)
			}
			checkStatus(t, ctx, sqlDB, dialect, len(versions))
		})
	}
}

// sqlitePrisma is a small database as Prisma makes it on SQLite: Prisma's
// own table, one table of the shared schema with a row, and an extra table.
var sqlitePrisma = []string{
	`CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
	`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ('0b6c3a1e-5d2f-4c8e-9a71-3f2d8e6b4c19', 'abc', 1761998227412, '20251101125707_init', 1)`,
	`CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "password" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'CLIENT' CHECK ("role" IN ('ADMIN', 'CLIENT')),
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
)`,
	`CREATE UNIQUE INDEX "User_email_key" ON "User"("email")`,
	`INSERT INTO "User" ("id", "name", "email", "password", "role", "createdAt", "updatedAt") VALUES ('cmhfz1k2a0000l8q3admin0001', 'Sistem Yöneticisi', 'admin@smmm-system.example', '$2a$10$srwJX0TSNCk2dFghHiX9Fet.dos1R1sbwXrXbi37RfN9yMI8ydAqO', 'ADMIN', 1762002131120, 1762002131120)`,
	`CREATE TABLE "BlogPost" ("id" TEXT NOT NULL PRIMARY KEY, "title" TEXT NOT NULL)`,
	`INSERT INTO "BlogPost" VALUES ('b1', 'KDV oranları 2025')`,
}

// loadPrisma fills an empty database as the original system left it and
// returns the tables it made.
func loadPrisma(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) []string {
	t.Helper()
	if dialect == "sqlite" {
		mustExec(t, ctx, sqlDB, sqlitePrisma...)
		return []string{"User", "BlogPost", "_prisma_migrations"}
	}
	if err := prismatest.Load(ctx, sqlDB, dialect); err != nil {
		t.Fatal(err)
	}
	return tableNames(t, ctx, sqlDB, dialect) // every table of the init migration, BlogPost and _prisma_migrations
}

// tableSnapshot is one table's rows and definition.
type tableSnapshot struct {
	rows        [][]string
	columns     []string
	constraints []string
	indexes     []string
}

func snapshot(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string, tables []string) map[string]tableSnapshot {
	t.Helper()
	snap := make(map[string]tableSnapshot)
	for _, table := range tables {
		snap[table] = tableSnapshot{
			rows:        tableRows(t, ctx, sqlDB, table),
			columns:     describeColumns(t, ctx, sqlDB, dialect, table, true),
			constraints: describeConstraints(t, ctx, sqlDB, dialect, table),
			indexes:     describeIndexes(t, ctx, sqlDB, dialect, table),
		}
	}
	return snap
}

// tableRows returns every row of table, each value as text, sorted (in Go, so
// that it works for a table of any number of columns).
func tableRows(t *testing.T, ctx context.Context, sqlDB *sql.DB, table string) [][]string {
	t.Helper()
	rows, err := sqlDB.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
	if err != nil {
		t.Fatalf("rows of %s: %v", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("rows of %s: %v", table, err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				row[i] = "NULL"
			case []byte:
				row[i] = string(v)
			case time.Time:
				row[i] = v.UTC().Format(time.RFC3339Nano)
			default:
				row[i] = fmt.Sprint(v)
			}
			row[i] = cols[i] + "=" + row[i]
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("rows of %s: %v", table, err)
	}
	slices.SortFunc(out, slices.Compare)
	return out
}

func queryStrings(t *testing.T, ctx context.Context, sqlDB *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := sqlDB.QueryContext(ctx, query, args...)
	if err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.String
		}
		out = append(out, strings.Join(parts, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	return out
}

// describeColumns returns "name type nullable[ default]" per column, in order.
func describeColumns(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect, table string, withDefaults bool) []string {
	t.Helper()
	def := "''"
	var q string
	switch dialect {
	case "postgres":
		if withDefaults {
			def = "COALESCE(column_default, 'none')"
		}
		q = `SELECT column_name,
			CASE WHEN data_type = 'USER-DEFINED' THEN udt_name
			     WHEN data_type LIKE 'timestamp%' THEN 'timestamp(' || datetime_precision || ')'
			     WHEN data_type = 'character varying' THEN 'varchar(' || character_maximum_length || ')'
			     ELSE data_type END,
			is_nullable, ` + def + `
			FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`
	case "mysql":
		if withDefaults {
			def = "CONCAT(COALESCE(COLUMN_DEFAULT, 'none'), ' ', COALESCE(CHARACTER_SET_NAME, ''), ' ', COALESCE(COLLATION_NAME, ''))"
		}
		q = `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, ` + def + `
			FROM information_schema.COLUMNS
			WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`
	case "sqlite":
		if withDefaults {
			def = "COALESCE(dflt_value, 'none') || ' pk' || pk"
		}
		q = `SELECT name, type, CASE WHEN "notnull" = 1 THEN 'NO' ELSE 'YES' END, ` + def + `
			FROM pragma_table_info(?) ORDER BY cid`
	}
	cols := queryStrings(t, ctx, sqlDB, q, table)
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	return cols
}

// describeConstraints returns the table's primary, foreign key and check
// constraints with their definitions.
func describeConstraints(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect, table string) []string {
	t.Helper()
	switch dialect {
	case "postgres":
		return queryStrings(t, ctx, sqlDB, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = to_regclass(quote_ident($1)) ORDER BY conname`, table)
	case "mysql":
		return queryStrings(t, ctx, sqlDB, `SELECT c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE,
			COALESCE(r.REFERENCED_TABLE_NAME, ''), COALESCE(r.UPDATE_RULE, ''), COALESCE(r.DELETE_RULE, '')
			FROM information_schema.TABLE_CONSTRAINTS c
			LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
			  ON r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND r.TABLE_NAME = c.TABLE_NAME
			WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = ? ORDER BY c.CONSTRAINT_NAME`, table)
	default:
		return queryStrings(t, ctx, sqlDB, `SELECT "table", "from", "to", on_update, on_delete
			FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
	}
}

// describeIndexes returns "name definition" per index of the table.
func describeIndexes(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect, table string) []string {
	t.Helper()
	switch dialect {
	case "postgres":
		return queryStrings(t, ctx, sqlDB, `SELECT indexname, indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname`, table)
	case "mysql":
		return queryStrings(t, ctx, sqlDB, `SELECT INDEX_NAME, NON_UNIQUE, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX)
			FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
			GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME`, table)
	default:
		return queryStrings(t, ctx, sqlDB, `SELECT name, COALESCE(sql, 'auto') FROM sqlite_master
			WHERE type = 'index' AND tbl_name = ? ORDER BY name`, table)
	}
}

// indexNames lists the names of all secondary indexes in the database, sorted.
func indexNames(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) []string {
	t.Helper()
	var names []string
	switch dialect {
	case "postgres":
		names = queryStrings(t, ctx, sqlDB, `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\_pkey'`)
	case "mysql":
		names = queryStrings(t, ctx, sqlDB, `SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'`)
	default:
		names = queryStrings(t, ctx, sqlDB, `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
	}
	slices.Sort(names)
	return names
}

// tableNames lists the tables in the database, sorted.
func tableNames(t *testing.T, ctx context.Context, sqlDB *sql.DB, dialect string) []string {
	t.Helper()
	var names []string
	switch dialect {
	case "postgres":
		names = queryStrings(t, ctx, sqlDB, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`)
	case "mysql":
		names = queryStrings(t, ctx, sqlDB, `SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`)
	default:
		names = queryStrings(t, ctx, sqlDB, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	}
	slices.Sort(names)
	return names
}

// versionCounts returns how many rows the version table has per version.
func versionCounts(t *testing.T, ctx context.Context, sqlDB *sql.DB) map[int64]int {
	t.Helper()
	rows, err := sqlDB.QueryContext(ctx, `SELECT version_id, COUNT(*) FROM `+migrations.VersionTable+` GROUP BY version_id`)
	if err != nil {
		t.Fatalf("read version table: %v", err)
	}
	defer rows.Close()
	got := make(map[int64]int)
	for rows.Next() {
		var v int64
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			t.Fatal(err)
		}
		got[v] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestUnknownDialect(t *testing.T) {
	ctx := testContext(t)
	sqlDB := freshDB(t, "sqlite").open(t)
	calls := []struct {
		name string
		call func() error
	}{
		{"Up", func() error { _, err := migrations.Up(ctx, sqlDB, "oracle", nil); return err }},
		{"Down", func() error { return migrations.Down(ctx, sqlDB, "oracle", nil) }},
		{"Status", func() error { _, err := migrations.Status(ctx, sqlDB, "oracle"); return err }},
		{"Pending", func() error { _, err := migrations.Pending(ctx, sqlDB, "oracle"); return err }},
	}
	for _, tt := range calls {
		err := tt.call()
		if err == nil || !strings.HasPrefix(err.Error(), "migrations: ") {
			t.Errorf("%s(oracle) = %v, want an error starting with \"migrations: \"", tt.name, err)
		}
	}
}

// TestPrismaFixture checks the fixtures' documented passwords against their
// bcrypt hashes, which must be in the forms bcryptjs writes.
func TestPrismaFixture(t *testing.T) {
	hashRE := regexp.MustCompile(`\$2[ab]\$10\$[./A-Za-z0-9]{53}`)
	for _, dialect := range serverDialects {
		t.Run(dialect, func(t *testing.T) {
			src, err := prismatest.SQL(dialect)
			if err != nil {
				t.Fatal(err)
			}
			hashes := hashRE.FindAllString(src, -1)
			want := []struct{ prefix, password string }{
				{"$2a$", "Admin123!"},
				{"$2b$", "client-pass-2024"},
			}
			if len(hashes) != len(want) {
				t.Fatalf("found %d bcrypt hashes, want %d", len(hashes), len(want))
			}
			for i, w := range want {
				if !strings.HasPrefix(hashes[i], w.prefix) {
					t.Errorf("hash %d = %s, want prefix %s", i, hashes[i], w.prefix)
				}
				if err := bcrypt.CompareHashAndPassword([]byte(hashes[i]), []byte(w.password)); err != nil {
					t.Errorf("hash %d does not match %q: %v", i, w.password, err)
				}
			}
		})
	}
	if _, err := prismatest.SQL("sqlite"); err == nil {
		t.Error(`prismatest.SQL("sqlite") succeeded, want an error`)
	}
}
