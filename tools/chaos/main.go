// Command chaos runs smmm under faults and checks what its users would see:
// it builds the real binary, starts it against a fresh database, drives it
// with a mix of reads and contact-form writes from many clients, injects one
// fault per scenario, heals it, and checks that
//
//   - no request was answered 500;
//   - no request took longer than the scenario's bound;
//   - every write that was acknowledged (201) is in the database afterwards;
//   - the service recovered, and how long after the fault ended.
//
// Scenarios (-scenarios, comma-separated, default all):
//
//	smmm-kill-sqlite, smmm-kill-postgres   SIGKILL smmm mid-write, start it again later
//	pg-restart                             restart PostgreSQL under load
//	mariadb-restart                        stop and start MariaDB under load
//	latency-postgres                       a TCP proxy adds 150 ms per read and write
//	blackhole-postgres, blackhole-mysql    the proxy drops every byte without a close
//	reset-postgres, reset-mysql            the proxy resets every connection
//	pool-exhaustion                        2 connections, 96 clients, slow statements
//	disk-full-sqlite                       the SQLite file's disk fills up (a tmpfs; needs root)
//
// A TCP proxy in this process stands between smmm and the database for the
// proxy scenarios. PostgreSQL and MariaDB come from SMMM_TEST_POSTGRES_URL
// and SMMM_TEST_MYSQL_URL (or -postgres, -mysql); chaos creates its own
// database for each scenario there and drops it afterwards. The restart
// scenarios restart the servers themselves (as root, the way .ci/run starts
// them): never point chaos at a server others use.
//
//	go run ./tools/chaos [-short] [-scenarios a,b] > report.md
//
// -short runs every scenario with shorter phases (CI runs it); the default
// phases are longer, for RELIABILITY.md. The report is Markdown on standard
// output, progress on standard error. The exit status is 1 when any scenario
// broke a rule above.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

type options struct {
	postgres, mysql string
	short           bool
	scenarios       []string
	workers         int
}

func main() {
	var o options
	var list string
	flag.StringVar(&o.postgres, "postgres", os.Getenv("SMMM_TEST_POSTGRES_URL"), "PostgreSQL server URL (default $SMMM_TEST_POSTGRES_URL)")
	flag.StringVar(&o.mysql, "mysql", os.Getenv("SMMM_TEST_MYSQL_URL"), "MariaDB/MySQL server URL (default $SMMM_TEST_MYSQL_URL)")
	flag.BoolVar(&o.short, "short", false, "shorter phases (CI)")
	flag.StringVar(&list, "scenarios", "all", "comma-separated scenarios to run, or all")
	flag.IntVar(&o.workers, "workers", 16, "concurrent clients of the load")
	flag.Parse()
	if list != "all" {
		o.scenarios = strings.Split(list, ",")
		for _, name := range o.scenarios {
			if !slices.ContainsFunc(scenarios, func(s scenario) bool { return s.name == name }) {
				fmt.Fprintf(os.Stderr, "chaos: unknown scenario %q\n", name)
				os.Exit(2)
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ok, err := run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "chaos:", err)
		os.Exit(1)
	}
	if !ok {
		fmt.Fprintln(os.Stderr, "chaos: a scenario broke a rule (see the report)")
		os.Exit(1)
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s chaos: %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

func run(ctx context.Context, o options) (bool, error) {
	work, err := os.MkdirTemp("", "smmm-chaos-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "smmm")
	logf("building smmm")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/smmm")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return false, fmt.Errorf("build smmm (run chaos from the repository's root): %w", err)
	}

	var results []result
	for _, s := range scenarios {
		if o.scenarios != nil && !slices.Contains(o.scenarios, s.name) {
			continue
		}
		if ctx.Err() != nil {
			break
		}
		logf("scenario %s: %s", s.name, s.fault)
		env := &scenarioEnv{opts: o, bin: bin, work: filepath.Join(work, s.name)}
		r := runScenario(ctx, env, s)
		logf("scenario %s: %s", s.name, r.summary())
		results = append(results, r)
	}
	writeReport(os.Stdout, o, results)
	ok := true
	for _, r := range results {
		ok = ok && r.ok()
	}
	return ok, nil
}

// machine describes where the run happened, for the report.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%d× %s, %s %s/%s", runtime.NumCPU(), model, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
