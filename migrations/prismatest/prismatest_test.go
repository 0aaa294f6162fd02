package prismatest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitStatements(t *testing.T) {
	src := `-- header comment

CREATE TABLE "a" (
    "id" TEXT -- trailing comment
);
-- between
INSERT INTO "a" VALUES ('x;y');
INSERT INTO "a" VALUES ('z')`
	want := []string{
		"CREATE TABLE \"a\" (\n    \"id\" TEXT -- trailing comment\n)",
		`INSERT INTO "a" VALUES ('x;y')`,
		`INSERT INTO "a" VALUES ('z')`,
	}
	if diff := cmp.Diff(want, splitStatements(src)); diff != "" {
		t.Errorf("splitStatements (-want +got):\n%s", diff)
	}
}
