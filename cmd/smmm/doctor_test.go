package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"smmm/db"
	"smmm/db/dbtest"
)

func TestDoctor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		env := map[string]string{"DATABASE_URL": dbtest.URL(t, d)}
		getenv := testGetenv(env)
		doctor := func(args ...string) (string, error) {
			var out bytes.Buffer
			err := run(context.Background(), append([]string{"smmm", "doctor"}, args...), getenv, nil, &out, &out)
			return out.String(), err
		}

		// Before migrating: a problem, named with its fix.
		out, err := doctor()
		if err == nil || !strings.Contains(out, "pending: run 'smmm migrate'") {
			t.Errorf("doctor on an empty database = %v:\n%s", err, out)
		}
		var mout bytes.Buffer
		if err := run(context.Background(), []string{"smmm", "migrate"}, getenv, nil, &mout, &mout); err != nil {
			t.Fatalf("migrate: %v\n%s", err, mout.String())
		}
		out, err = doctor()
		if err != nil || !strings.Contains(out, "none found") {
			t.Errorf("doctor on a healthy database = %v:\n%s", err, out)
		}
		for _, want := range []string{"server", "latency", "pool", "schema", "slow queries"} {
			if !strings.Contains(out, want) {
				t.Errorf("doctor output lacks %q:\n%s", want, out)
			}
		}
		if d == db.SQLite {
			return
		}
		if !strings.Contains(out, "budget") {
			t.Errorf("doctor output lacks the connection budget:\n%s", out)
		}
		out, err = doctor("--instances", "100000")
		if err == nil || !strings.Contains(out, "DB_POOL_SIZE") || !strings.Contains(out, "PgBouncer") {
			t.Errorf("doctor --instances 100000 = %v, want a budget problem naming the fixes:\n%s", err, out)
		}
	})
}
