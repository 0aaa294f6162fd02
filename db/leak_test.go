package db_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestLeakDetection: with leak_detection_threshold=0.2, a transaction or a
// result set held past the threshold is reported once, at warn level, with
// the threshold and the stack of the code that took the connection (the test
// function). Connections given back in time are not reported.
func TestLeakDetection(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		var logs logBuffer
		pool := dbtest.Open(t, dbtest.URL(t, d, "leak_detection_threshold=0.2"), nil, db.Options{Logger: logs.logger()})
		ctx := context.Background()
		warnings := func() []string {
			var out []string
			for line := range strings.SplitSeq(logs.String(), "\n") {
				if strings.Contains(line, "leak_detection_threshold") {
					out = append(out, line)
				}
			}
			return out
		}

		// Quick statements, all within the threshold.
		for range 20 {
			if err := pool.Ping(ctx); err != nil {
				t.Fatal(err)
			}
		}

		// A transaction held until the warning appears (0.2s and more).
		start := time.Now()
		err := pool.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
			// The counter moves before the line is written: wait for both.
			waitFor(t, 10*time.Second, "the leak warning", func() bool { return pool.Stats().Leaks == 1 && len(warnings()) == 1 })
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if held := time.Since(start); held < 200*time.Millisecond {
			t.Errorf("reported after %s, before the 200ms threshold", held)
		}
		w := warnings()
		if len(w) != 1 {
			t.Fatalf("%d leak warnings, want 1:\n%s", len(w), logs.String())
		}
		for _, want := range []string{"level=WARN", "threshold=200ms", "op=tx", "TestLeakDetection"} {
			if !strings.Contains(w[0], want) {
				t.Errorf("leak warning lacks %q:\n%s", want, w[0])
			}
		}

		// Rows left open hold their connection too; the Ping above and the
		// transaction, given back, are not reported again.
		rows, err := pool.Query(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		waitFor(t, 10*time.Second, "the second leak warning", func() bool { return pool.Stats().Leaks == 2 && len(warnings()) == 2 })
		rows.Close()
		w = warnings()
		if len(w) != 2 || !strings.Contains(w[1], "op=select") || !strings.Contains(w[1], "TestLeakDetection") {
			t.Errorf("want a second warning for the open rows, op=select, taken in the test; got:\n%s", strings.Join(w, "\n"))
		}
		if st := pool.Stats(); st.Leaks != 2 || st.InUse != 0 {
			t.Errorf("Stats.Leaks = %d, InUse = %d; want 2, 0", st.Leaks, st.InUse)
		}
	})
}
