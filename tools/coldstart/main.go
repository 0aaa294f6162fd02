// Command coldstart measures how fast a built smmm binary answers its first
// request and how much memory it holds when idle. It starts the binary on an
// existing SQLite database (created by a first run) several times, polls
// /api/health every 0.5 ms from the moment of exec until the first 200, and
// reads VmRSS from /proc after the server has been idle for a few seconds.
//
//	go build -o bin/smmm ./cmd/smmm && go run ./tools/coldstart -bin bin/smmm
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "bin/smmm", "smmm binary to measure")
	runs := flag.Int("runs", 10, "cold starts to measure")
	idle := flag.Duration("idle", 5*time.Second, "idle time before reading RSS")
	flag.Parse()
	if err := measure(*bin, *runs, *idle); err != nil {
		fmt.Fprintln(os.Stderr, "coldstart:", err)
		os.Exit(1)
	}
}

func measure(bin string, runs int, idle time.Duration) error {
	dir, err := os.MkdirTemp("", "smmm-coldstart")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	port, err := freePort()
	if err != nil {
		return err
	}
	env := append(os.Environ(),
		"DATABASE_URL=file:"+filepath.Join(dir, "smmm.db"),
		"PORT="+port, "APP_ENV=production", "HOST=127.0.0.1", "LOG_LEVEL=warn",
		"ADMIN_EMAIL=bench@example.com", "ADMIN_PASSWORD=benchmark-password")
	url := "http://127.0.0.1:" + port + "/api/health"

	// First run: creates, migrates and seeds the database; not measured.
	if _, _, err := start(bin, env, url, 0); err != nil {
		return fmt.Errorf("first run: %w", err)
	}
	var times []time.Duration
	var rss int
	for i := range runs {
		readRSS := time.Duration(0)
		if i == runs-1 {
			readRSS = idle
		}
		d, kb, err := start(bin, env, url, readRSS)
		if err != nil {
			return err
		}
		times = append(times, d)
		if kb > 0 {
			rss = kb
		}
	}
	slices.Sort(times)
	fmt.Printf("cold start to first 200 from /api/health over %d runs: min %s, median %s, max %s\n",
		runs, ms(times[0]), ms(times[len(times)/2]), ms(times[len(times)-1]))
	fmt.Printf("resident memory after %s idle: %.1f MB (VmRSS %d kB)\n", idle, float64(rss)/1024, rss)
	return nil
}

// start runs the binary until /api/health answers 200, optionally waits and
// reads its RSS, then stops it with SIGTERM and waits for it.
func start(bin string, env []string, url string, idle time.Duration) (time.Duration, int, error) {
	cmd := exec.Command(bin)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		res, err := client.Do(req)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if ctx.Err() != nil {
			return 0, 0, fmt.Errorf("no 200 from %s within 30s (last error: %v)", url, err)
		}
		time.Sleep(500 * time.Microsecond)
	}
	took := time.Since(began)
	if idle == 0 {
		return took, 0, nil
	}
	time.Sleep(idle)
	kb, err := vmRSS(cmd.Process.Pid)
	return took, kb, err
}

func vmRSS(pid int) (int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	return port, err
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
