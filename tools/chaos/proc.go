package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// readyWithin bounds how long a started smmm may take to answer /readyz
// (startup hashes the admin password at bcrypt cost 12).
const readyWithin = 90 * time.Second

// smmmProc is one running smmm process.
type smmmProc struct {
	cmd  *exec.Cmd
	done chan error
}

// freePort returns a port on 127.0.0.1 that was free a moment ago, so that a
// restarted smmm listens where the clients already send.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

// startSmmm starts `smmm serve` with env, its output appended to logPath.
func startSmmm(bin string, env []string, logPath string) (*smmmProc, error) {
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("start smmm: %w", err)
	}
	p := &smmmProc{cmd: cmd, done: make(chan error, 1)}
	go func() {
		p.done <- cmd.Wait()
		log.Close()
	}()
	return p, nil
}

// waitReady polls base/readyz until it answers 200, the process exits, or
// readyWithin passes.
func (p *smmmProc) waitReady(ctx context.Context, base string) error {
	deadline := time.Now().Add(readyWithin)
	c := &http.Client{Timeout: 2 * time.Second}
	for time.Now().Before(deadline) {
		if res, err := c.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-p.done:
			p.done <- err
			return fmt.Errorf("smmm exited before it was ready: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return fmt.Errorf("smmm not ready within %s", readyWithin)
}

// kill ends the process with SIGKILL and waits for it.
func (p *smmmProc) kill() {
	_ = p.cmd.Process.Kill() // it may have exited already
	<-p.done
	p.done <- nil
}

// stop sends SIGTERM and waits up to within for the process to exit, then
// kills it. It returns how long the exit took and whether it was clean.
func (p *smmmProc) stop(within time.Duration) (time.Duration, error) {
	start := time.Now()
	_ = p.cmd.Process.Signal(syscall.SIGTERM) // it may have exited already
	select {
	case err := <-p.done:
		p.done <- err
		return time.Since(start), err
	case <-time.After(within):
		p.kill()
		return time.Since(start), errors.New("did not exit after SIGTERM; killed")
	}
}
