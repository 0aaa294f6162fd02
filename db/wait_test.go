package db_test

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// waitLimit bounds every wait in these tests that has no tighter deadline of
// its own: far longer than any of them takes on a loaded machine, far shorter
// than go test's ten-minute timeout, so that a hang fails its own test with a
// message that says what never happened instead of stalling the whole run.
const waitLimit = time.Minute

// waitGroup waits for wg, and fails the test if that takes longer than
// waitLimit. what says what the group's goroutines do, for the message.
// It must run on the test's goroutine.
func waitGroup(t testing.TB, wg *sync.WaitGroup, what string) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	recvWithin(t, done, waitLimit, what)
}

// recvWithin receives from ch (a value, or the zero value once ch is
// closed), and fails the test if nothing comes within d. It must run on the
// test's goroutine.
func recvWithin[T any](t testing.TB, ch <-chan T, d time.Duration, what string) T {
	t.Helper()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v
	case <-timer.C:
		t.Fatalf("timed out after %s waiting for %s", d, what)
	}
	var zero T
	return zero
}

// recvOrErr is recvWithin for goroutines other than the test's, which may
// not stop the test: it returns an error when nothing comes within d, for
// the goroutine to hand back to the test as the failure of its work.
func recvOrErr[T any](ch <-chan T, d time.Duration, what string) (T, error) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v, nil
	case <-timer.C:
		var zero T
		return zero, fmt.Errorf("timed out after %s waiting for %s", d, what)
	}
}
