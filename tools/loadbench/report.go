package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"smmm/db"
)

// target is the least smmm/limit ratio of requests/s the issue accepts.
const target = 0.8

type report struct {
	opts                  options
	pgVersion             string
	loadBefore, loadAfter string
	started               time.Time

	samples        []*sample // smmm, limit per route
	measureMax     map[string]int
	measureSamples int
	smmmAcquires   int64
	smmmWaits      int64
	smmmWait       time.Duration
	limitWaits     int64
	limitWait      time.Duration

	check        *sample
	checkMax     map[string]int
	checkSamples int
	checkAfter   map[string]int
	checkOpened  int64
	totalOpened  int64
	poolStats    db.Stats
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

func (r *report) write(w io.Writer) {
	o := r.opts
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("## Load benchmark: smmm against the limit on PostgreSQL")
	p("")
	p("- command: `go run ./tools/loadbench -db \"$SMMM_TEST_POSTGRES_URL\" -duration %s -warmup %s -rounds %d -concurrency %d -pool %d -requests %d`",
		o.duration, o.warmup, o.rounds, o.concurrency, o.pool, o.requests)
	p("- started: %s", r.started.UTC().Format(time.RFC3339))
	p("- Go: %s, GOMAXPROCS %d, %d CPUs (%s)", goVersion(), runtime.GOMAXPROCS(0), runtime.NumCPU(), cpuModel())
	p("- PostgreSQL: %s, on the same machine", r.pgVersion)
	p("- load average (1, 5, 15 min) before: %s; after: %s", r.loadBefore, r.loadAfter)
	p("- load: vegeta, %d workers in a closed loop over %d keep-alive connections per server; %s warm-up, then %s measured per server and route in %d alternating segments",
		o.concurrency, o.concurrency, o.warmup, o.duration, o.rounds)
	p("")
	p("| route | server | requests | req/s | p50 ms | p99 ms | errors |")
	p("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
	for _, s := range r.samples {
		p("| %s | %s | %d | %.0f | %s | %s | %d |", s.route, s.server, s.n, s.rate(), ms(s.quantile(0.50)), ms(s.quantile(0.99)), s.errs)
	}
	p("")
	p("| route | smmm req/s | limit req/s | smmm/limit | per-round smmm/limit: median (min–max) | target ≥ %.2f× |", target)
	p("| --- | ---: | ---: | ---: | --- | --- |")
	for i := 0; i+1 < len(r.samples); i += 2 {
		sm, lm := r.samples[i], r.samples[i+1]
		ratio := 0.0
		if lm.rate() > 0 {
			ratio = sm.rate() / lm.rate()
		}
		met := "met"
		if ratio < target {
			met = "NOT met"
		}
		var rounds []float64
		for j := range min(len(sm.segs), len(lm.segs)) {
			if lm.segs[j] > 0 {
				rounds = append(rounds, sm.segs[j]/lm.segs[j])
			}
		}
		perRound := "–"
		if len(rounds) > 0 {
			slices.Sort(rounds)
			perRound = fmt.Sprintf("%.2f× (%.2f–%.2f, %d rounds)", rounds[len(rounds)/2], rounds[0], rounds[len(rounds)-1], len(rounds))
		}
		p("| %s | %.0f | %.0f | %.2f× | %s | %s |", sm.route, sm.rate(), lm.rate(), ratio, perRound, met)
	}
	for _, s := range r.samples {
		if s.firstErr != "" {
			p("")
			p("First error of %s on %s: %s", s.server, s.route, s.firstErr)
		}
	}
	p("")
	p("During the measurement (%d samples of pg_stat_activity, every 50 ms): at most %d connections of smmm and %d of the limit; pool size %d each.",
		r.measureSamples, r.measureMax["smmm"], r.measureMax["limit"], o.pool)
	if r.smmmAcquires > 0 {
		p("smmm's pool: %d acquisitions, %d (%.0f%%) waited for a free connection, %s s waited in all; the limit's database/sql pool: %d waits, %s s in all.",
			r.smmmAcquires, r.smmmWaits, 100*float64(r.smmmWaits)/float64(r.smmmAcquires),
			secs(r.smmmWait), r.limitWaits, secs(r.limitWait))
	}
	p("")
	p("### Connections under %d requests", o.requests)
	p("")
	c := r.check
	p("| requests | errors | req/s | p50 ms | p99 ms | samples | most smmm connections seen | smmm connections after | opened during the run | opened since start | pool size |")
	p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	p("| %d | %d | %.0f | %s | %s | %d | %d | %d | %d | %d | %d |",
		c.n, c.errs, c.rate(), ms(c.quantile(0.50)), ms(c.quantile(0.99)), r.checkSamples,
		r.checkMax["smmm"], r.checkAfter["smmm"], r.checkOpened, r.totalOpened, o.pool)
	verdict := "no more connections than the pool size"
	if r.checkMax["smmm"] > o.pool || r.totalOpened > int64(o.pool) {
		verdict = "MORE connections than the pool size"
	}
	p("")
	p("%d requests (GET about and POST contact, alternating, %d clients) to smmm: %s.", c.n, o.concurrency, verdict)
}
