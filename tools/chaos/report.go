package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// counts sums up a scenario's outcomes.
type counts struct {
	requests, writes int
	statuses         map[int]int
	noAnswer         map[string]int
	overBound        int
	stale            int // reads answered from the last good copy
	noRetryAfter     int // 503s without Retry-After
	maxLatency       time.Duration
}

func (r result) counts() counts {
	c := counts{statuses: map[int]int{}, noAnswer: map[string]int{}}
	for _, o := range r.outcomes {
		c.requests++
		if o.write {
			c.writes++
		}
		if o.status == 0 {
			c.noAnswer[o.failure]++
		} else {
			c.statuses[o.status]++
		}
		if o.stale {
			c.stale++
		}
		if o.status == 503 && !o.retryAfter {
			c.noRetryAfter++
		}
		if l := o.latency(); l > bound {
			c.overBound++
		}
		c.maxLatency = max(c.maxLatency, o.latency())
	}
	return c
}

// problems lists the rules the scenario broke.
func (r result) problems() []string {
	if r.skipped != "" {
		return nil
	}
	var out []string
	if r.failed != "" {
		out = append(out, r.failed)
	}
	c := r.counts()
	if n := c.statuses[500]; n > 0 {
		out = append(out, fmt.Sprintf("%d answers were 500", n))
	}
	if c.noRetryAfter > 0 {
		out = append(out, fmt.Sprintf("%d answers were 503 without Retry-After", c.noRetryAfter))
	}
	if c.overBound > 0 {
		out = append(out, fmt.Sprintf("%d requests took longer than %s", c.overBound, bound))
	}
	if n := sum(c.noAnswer); n > 0 && !r.s.noAnswerOK {
		out = append(out, fmt.Sprintf("%d requests got no answer (%s)", n, describe(c.noAnswer)))
	}
	if r.lost > 0 {
		out = append(out, fmt.Sprintf("%d of %d acknowledged writes are missing", r.lost, r.acked))
	}
	if r.failed == "" && r.recovery < 0 {
		out = append(out, "no write succeeded after the fault ended")
	}
	return out
}

func (r result) ok() bool { return len(r.problems()) == 0 }

func (r result) summary() string {
	if r.skipped != "" {
		return "skipped: " + r.skipped
	}
	c := r.counts()
	s := fmt.Sprintf("%d requests (%s; %d stale reads), max %s, recovery %s, %d acknowledged writes, %d lost",
		c.requests, describeStatuses(c), c.stale, ms(c.maxLatency), recoveryText(r.recovery), r.acked, r.lost)
	if p := r.problems(); len(p) > 0 {
		s += "; FAILED: " + strings.Join(p, "; ")
	}
	return s
}

func writeReport(w io.Writer, o options, results []result) {
	form := "full"
	if o.short {
		form = "short (-short)"
	}
	fmt.Fprintf(w, "## Chaos run, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "`go run ./tools/chaos` (%s form), %d clients (reads of `/api/content/about` and contact-form posts, half each) unless the scenario says otherwise, pool `%s`, bound %s; machine: %s.\n\n", form, o.workers, dbParams, bound, machine())
	fmt.Fprintln(w, "Stale reads are public reads answered from the last good copy (200, `X-Smmm-Stale: true`). Recovery is the time from the end of the fault (the database answering again, the network healed, smmm started again, space freed) to the end of the first acknowledged write that started after it. Over bound counts requests slower than the bound; no answer counts requests without any HTTP answer (allowed only while smmm itself is killed).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scenario | fault | requests | statuses | stale reads | no answer | over bound | max latency | recovery | acked writes | lost | verdict |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		if r.skipped != "" {
			fmt.Fprintf(w, "| %s | %s | | | | | | | | | | skipped: %s |\n", r.s.name, r.s.fault, r.skipped)
			continue
		}
		c := r.counts()
		verdict := "ok"
		if p := r.problems(); len(p) > 0 {
			verdict = "**FAILED**: " + strings.Join(p, "; ")
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %d | %s | %d | %s | %s | %d | %d | %s |\n",
			r.s.name, r.s.fault, c.requests, describeStatuses(c), c.stale, describe(c.noAnswer), c.overBound, ms(c.maxLatency),
			recoveryText(r.recovery), r.acked, r.lost, verdict)
	}
	var notes []string
	for _, r := range results {
		for _, n := range r.notes {
			notes = append(notes, r.s.name+": "+n)
		}
		if r.shutdown > 0 {
			notes = append(notes, fmt.Sprintf("%s: SIGTERM to exit %s", r.s.name, ms(r.shutdown)))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}

func describeStatuses(c counts) string {
	var parts []string
	for _, code := range slices.Sorted(maps.Keys(c.statuses)) {
		parts = append(parts, fmt.Sprintf("%d×%d", c.statuses[code], code))
	}
	return strings.Join(parts, ", ")
}

func describe(m map[string]int) string {
	if len(m) == 0 {
		return "0"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
	}
	return strings.Join(parts, ", ")
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func ms(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func recoveryText(d time.Duration) string {
	if d < 0 {
		return "none"
	}
	return ms(d)
}
