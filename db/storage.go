package db

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"
)

// storageState follows a database whose storage is full (KindStorageFull:
// a full disk, PostgreSQL's disk_full, MariaDB's table full, SQLite's
// SQLITE_FULL). Reads go on working, writes fail; Health reports it from
// the first such failure until a write succeeds again, and then, on
// SQLite, the WAL, which grew while space ran out, is checkpointed and
// truncated.
type storageState struct {
	full  atomic.Bool
	since atomic.Int64 // unix nanoseconds of the first failure
}

// checkpointTimeout bounds the WAL checkpoint after space returned.
const checkpointTimeout = 30 * time.Second

// noteStorage takes the outcome of a statement, or of a transaction's
// commit: write tells whether it wrote.
func (e *engine) noteStorage(write bool, err error) {
	st := &e.storage
	if err != nil {
		if KindOf(err) == KindStorageFull && !st.full.Swap(true) {
			st.since.Store(time.Now().UnixNano())
			e.log.LogAttrs(context.Background(), slog.LevelError, "database storage full; writes fail until space returns",
				slog.String("target", e.cfg.Target()))
		}
		return
	}
	if !write || !st.full.Load() || !st.full.CompareAndSwap(true, false) {
		return
	}
	full := time.Since(time.Unix(0, st.since.Load()))
	e.log.LogAttrs(context.Background(), slog.LevelInfo, "database storage available again",
		slog.String("target", e.cfg.Target()), slog.Duration("full_for", full))
	if e.cfg.Dialect != SQLite {
		return
	}
	select {
	case <-e.closing:
		return
	default:
	}
	e.bg.Add(1)
	go func() {
		defer e.bg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), checkpointTimeout)
		defer cancel()
		var busy, logFrames, done int
		err := e.QueryRow(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
		if err != nil || busy != 0 {
			e.log.Warn("WAL checkpoint after storage returned", "err", err, "busy", busy)
			return
		}
		e.log.Info("WAL checkpointed after storage returned", "frames", logFrames)
	}()
}
