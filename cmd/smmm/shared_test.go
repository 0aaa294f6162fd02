package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smmm/db"
)

// TestOneShotCommandsUseTheSharedPool: every one-shot command opens its
// pool as serve does, through db.Shared (env.openDB). A pool already
// shared for the URL with other Options makes Shared refuse, which a
// command that opened a private pool would not notice.
func TestOneShotCommandsUseTheSharedPool(t *testing.T) {
	url := "file:" + filepath.Join(t.TempDir(), "shared.db")
	env := map[string]string{"DATABASE_URL": url, "DB_STARTUP_TIMEOUT": "2s"}
	getenv := testGetenv(env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	cfg, err := db.ParseURL(url, db.Development) // loadConfig's profile without APP_ENV
	if err != nil {
		t.Fatal(err)
	}
	held, err := db.Shared(ctx, cfg, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close(context.Background())

	for _, args := range [][]string{
		{"migrate"}, {"migrate", "status"}, {"migrate", "down"},
		{"seed"}, {"user", "create", "--email", "a@example.com"}, {"user", "passwd", "--email", "a@example.com"},
		{"doctor"},
	} {
		var out bytes.Buffer
		err := run(ctx, append([]string{"smmm"}, args...), getenv, strings.NewReader("long-enough-pw\n"), &out, &out)
		if err == nil || !strings.Contains(err.Error(), "db: Shared") {
			t.Errorf("%v with the URL's pool shared under other Options = %v, want db.Shared's refusal\n%s", args, err, out.String())
		}
	}
}
