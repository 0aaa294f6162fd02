package migrations

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestSQLiteLock: the SQLite lock, held by one run, keeps a second one
// (its own pool, as another process would have) waiting until its timeout
// or its caller's deadline, and lets it in once released. It leaves only
// the empty companion file behind.
func TestSQLiteLock(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "lock.db")
	open := func() (*sql.DB, *sql.Conn) {
		t.Helper()
		sqlDB, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { sqlDB.Close() })
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return sqlDB, conn
	}
	db1, conn1 := open()
	db2, conn2 := open()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	holder := dialects["sqlite"].newLocker(db1)
	if err := holder.SessionLock(ctx, conn1); err != nil {
		t.Fatalf("first lock: %v", err)
	}

	waiter := &sqliteLocker{driver: db2.Driver(), timeout: 300 * time.Millisecond}
	start := time.Now()
	err := waiter.SessionLock(ctx, conn2)
	if err == nil || !strings.Contains(err.Error(), "still holds") {
		t.Errorf("second lock while the first is held = %v, want 'still holds'", err)
	}
	// db.Retry stops early rather than sleep past the deadline: by at most
	// one backoff step.
	if took := time.Since(start); took < waiter.timeout-sqliteLockPoll.Cap || took > 10*time.Second {
		t.Errorf("second lock gave up after %s, want about its %s timeout", took, waiter.timeout)
	}

	// A caller's deadline ends the wait too: Up returns, it does not hang.
	short, cancelShort := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancelShort()
	if _, err := Up(short, db2, "sqlite", nil); err == nil {
		t.Error("Up while another run holds the lock, past its deadline = nil, want an error")
	}

	if err := holder.SessionUnlock(ctx, conn1); err != nil {
		t.Fatalf("unlock: %v", err)
	}
	waiter.timeout = 10 * time.Second
	if err := waiter.SessionLock(ctx, conn2); err != nil {
		t.Fatalf("lock after the holder released it: %v", err)
	}
	if err := waiter.SessionUnlock(ctx, conn2); err != nil {
		t.Fatalf("unlock: %v", err)
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "lock.db"+SQLiteLockSuffix) && name != "lock.db"+SQLiteLockSuffix {
			t.Errorf("the lock left %s behind", name)
		}
	}
	if _, err := os.Stat(file + SQLiteLockSuffix); err != nil {
		t.Errorf("companion lock file: %v", err)
	}
}
