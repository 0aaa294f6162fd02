package web

import (
	"errors"
	"net/http"
	"time"

	"smmm"
	"smmm/db"
)

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// handleDBStats reports the pool, the server's own view of our
// connections, and the effective settings with the URL redacted.
func (s *server) handleDBStats(w http.ResponseWriter, r *http.Request) error {
	type pool struct {
		Max            int     `json:"max"`
		Open           int     `json:"open"`
		InUse          int     `json:"inUse"`
		Idle           int     `json:"idle"`
		AcquireCount   int64   `json:"acquireCount"`
		WaitCount      int64   `json:"waitCount"`
		WaitDurationMs float64 `json:"waitDurationMs"`
		Timeouts       int64   `json:"timeouts"`
		Opened         int64   `json:"connectionsOpened"`
		Closed         int64   `json:"connectionsClosed"`
		ConnectErrors  int64   `json:"connectErrors"`
		Retries        int64   `json:"retries"`
		Leaks          int64   `json:"leaks"`
		BreakerOpen    bool    `json:"breakerOpen"`
	}
	type serverInfo struct {
		Version        string `json:"version,omitempty"`
		MaxConnections int    `json:"maxConnections,omitempty"`
		Connections    *int   `json:"connections,omitempty"`
		Ours           *int   `json:"ours,omitempty"`
		Note           string `json:"note,omitempty"`
	}
	type response struct {
		Dialect  string         `json:"dialect"`
		URL      string         `json:"url"`
		Pool     pool           `json:"pool"`
		Server   serverInfo     `json:"server"`
		Settings map[string]any `json:"settings"`
	}
	d := s.DB
	st := d.Stats()
	cfg := d.Config()
	res := response{
		Dialect: cfg.Dialect.String(),
		URL:     cfg.Redacted(),
		Pool: pool{
			Max: st.MaxConns, Open: st.Open, InUse: st.InUse, Idle: st.Idle, AcquireCount: st.AcquireCount,
			WaitCount: st.WaitCount, WaitDurationMs: ms(st.WaitDuration), Timeouts: st.AcquireTimeouts,
			Opened: st.ConnsOpened, Closed: st.ConnsClosed, ConnectErrors: st.ConnectErrors,
			Retries: st.Retries, Leaks: st.Leaks, BreakerOpen: st.BreakerOpen,
		},
		Settings: cfg.Settings(),
	}
	si, err := d.ServerInfo(r.Context())
	switch {
	case err != nil:
		s.logger.Warn("server info", "request_id", RequestID(r.Context()), "err", err)
		res.Server.Note = "the server's view is unavailable: " + db.KindOf(err).String()
	case cfg.Dialect == db.SQLite:
		res.Server = serverInfo{Version: si.Version, Note: "SQLite is embedded: there is no server-side connection count"}
	default:
		res.Server = serverInfo{Version: si.Version, MaxConnections: si.MaxConnections, Connections: &si.Connections, Ours: &si.Ours}
		if cfg.Dialect == db.MySQL {
			res.Server.Note = "ours counts connections of our user to our database (PROCESSLIST)"
		}
	}
	encode(w, http.StatusOK, res)
	return nil
}

// handleSlowQueries reports the in-process statement totals (top by total
// time) and the server's own statement statistics where it keeps them.
func (s *server) handleSlowQueries(w http.ResponseWriter, r *http.Request) error {
	type query struct {
		Op       string    `json:"op,omitempty"`
		SQL      string    `json:"sql"`
		Count    int64     `json:"count"`
		Errors   int64     `json:"errors,omitempty"`
		TotalMs  float64   `json:"totalMs"`
		MeanMs   float64   `json:"meanMs"`
		MaxMs    float64   `json:"maxMs,omitempty"`
		Rows     int64     `json:"rows,omitempty"`
		LastSeen smmm.Time `json:"lastSeen,omitzero"`
	}
	type serverView struct {
		Available bool    `json:"available"`
		Reason    string  `json:"reason,omitempty"`
		Enable    string  `json:"howToEnable,omitempty"`
		Queries   []query `json:"queries,omitempty"`
	}
	type response struct {
		InProcess []query    `json:"inProcess"`
		Server    serverView `json:"server"`
	}
	const top = 20
	d := s.DB
	res := response{InProcess: []query{}}
	for _, q := range d.TopQueries(top) {
		res.InProcess = append(res.InProcess, query{
			Op: q.Op, SQL: q.SQL, Count: q.Count, Errors: q.Errors, TotalMs: ms(q.Total), MeanMs: ms(q.Mean()),
			MaxMs: ms(q.Max), LastSeen: smmm.Time{Time: q.LastSeen},
		})
	}
	sq, err := d.ServerTopQueries(r.Context(), top)
	var un *db.ServerQueriesUnavailable
	switch {
	case errors.As(err, &un):
		res.Server = serverView{Reason: un.Reason, Enable: un.Enable}
	case err != nil:
		s.logger.Warn("server top queries", "request_id", RequestID(r.Context()), "err", err)
		res.Server = serverView{Reason: "reading the server's statistics failed: " + db.KindOf(err).String()}
	default:
		res.Server.Available = true
		for _, q := range sq {
			res.Server.Queries = append(res.Server.Queries, query{SQL: q.SQL, Count: q.Calls, TotalMs: ms(q.Total), MeanMs: ms(q.Mean), Rows: q.Rows})
		}
	}
	encode(w, http.StatusOK, res)
	return nil
}
