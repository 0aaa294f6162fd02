package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestServeNoMigrateDatabaseLate: serve --no-migrate started before its
// database says nothing of listening while it waits; when the database
// comes up with migrations pending it refuses, still without having
// announced an address.
func TestServeNoMigrateDatabaseLate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("an embedded database cannot be down")
		}
		g := newGate(t, "")
		env := map[string]string{"DATABASE_URL": g.via(t, dbtest.URL(t, d)), "PORT": "0"}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr := &syncBuffer{}, &syncBuffer{}
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"smmm", "serve", "--no-migrate"}, testGetenv(env), strings.NewReader(""), stdout, stderr)
		}()
		for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), "waiting for the database"); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no 'waiting for the database' within 30s; stderr:\n%s", stderr.String())
			}
		}
		if strings.Contains(stdout.String(), "listening") {
			t.Errorf("announced while the schema is unknown: %q", stdout.String())
		}
		g.open.Store(true)
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "pending and --no-migrate given") {
				t.Errorf("run = %v, want the pending migrations named", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("still running 30s after the database came up; stderr:\n%s", stderr.String())
		}
		if strings.Contains(stdout.String()+stderr.String(), "listening") {
			t.Errorf("announced before refusing:\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
	})
}

// TestServeNoMigrateUpToDate: with the schema current, serve --no-migrate
// announces itself and turns ready.
func TestServeNoMigrateUpToDate(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "file:" + filepath.Join(t.TempDir(), "m.db"), "PORT": "0"}
	getenv := testGetenv(env)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"smmm", "migrate"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"smmm", "serve", "--no-migrate"}, getenv, strings.NewReader(""), stdout, stderr)
	}()
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		if m := listeningRE.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("run returned before announcing: %v\nstderr:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("not announced within 30s; stderr:\n%s", stderr.String())
		}
	}
	waitReady(t, base, done, stderr)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run = %v, want a clean stop", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("still running a minute after the stop")
	}
}
