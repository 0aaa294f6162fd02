package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"syscall"
	"time"
)

// clientTimeout is how long a client waits for an answer; any request
// slower than its scenario's bound already broke the rules, so this only
// stops a hang from stalling the run.
const clientTimeout = 30 * time.Second

// outcome is one request and what came of it.
type outcome struct {
	start, end time.Time
	write      bool
	status     int    // 0: no answer
	retryAfter bool   // the answer had a Retry-After header
	stale      bool   // the answer was a last good copy (X-Smmm-Stale)
	failure    string // why there was no answer: "refused", "reset", "timeout", ...
	id         string // the stored message's id, for an acknowledged write
}

func (o outcome) latency() time.Duration { return o.end.Sub(o.start) }

// load sends requests from workers concurrent clients until its context
// ends: half read the about section, half post the contact form.
type load struct {
	mu       sync.Mutex
	outcomes []outcome
	wg       sync.WaitGroup
}

// startLoad starts the workers against base (a function, because a
// restarted smmm listens elsewhere); stop waits for them.
func startLoad(ctx context.Context, base func() string, workers int) (l *load, stop func()) {
	l = &load{}
	ctx, cancel := context.WithCancel(ctx)
	client := &http.Client{
		Timeout: clientTimeout,
		Transport: &http.Transport{
			MaxIdleConnsPerHost: workers,
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		},
	}
	for w := range workers {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				o := request(ctx, client, base(), (w+i)%2 == 1)
				if ctx.Err() != nil && o.status == 0 {
					return // cut off by the end of the run, not by smmm
				}
				l.mu.Lock()
				l.outcomes = append(l.outcomes, o)
				l.mu.Unlock()
				if o.status == 0 {
					// No server to talk to (smmm is being restarted): do
					// not spin.
					select {
					case <-ctx.Done():
					case <-time.After(20 * time.Millisecond):
					}
				}
			}
		}()
	}
	return l, func() {
		cancel()
		l.wg.Wait()
		client.CloseIdleConnections()
	}
}

// request sends one read or one write.
func request(ctx context.Context, c *http.Client, base string, write bool) outcome {
	o := outcome{write: write, start: time.Now()}
	var req *http.Request
	var err error
	if write {
		body, _ := json.Marshal(map[string]string{ // a map of strings always marshals
			"name":    "Yük Testi",
			"email":   "chaos@example.com",
			"phone":   "0212 555 44 33",
			"subject": "Kaos denemesi",
			"message": "Bu ileti bir arıza denemesinde gönderildi.",
		})
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/contact-messages", bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Idempotency-Key", randomKey())
		}
	} else {
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/content/about", nil)
	}
	if err != nil {
		o.end, o.failure = time.Now(), "bad request: "+err.Error()
		return o
	}
	res, err := c.Do(req)
	if err != nil {
		o.end, o.failure = time.Now(), failureOf(err)
		return o
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	o.end = time.Now()
	if err != nil {
		o.failure = "body: " + failureOf(err)
		return o
	}
	o.status = res.StatusCode
	o.retryAfter = res.Header.Get("Retry-After") != ""
	o.stale = res.Header.Get("X-Smmm-Stale") == "true"
	if write && res.StatusCode == http.StatusCreated {
		var created struct {
			ContactMessage struct {
				ID string `json:"id"`
			} `json:"contactMessage"`
		}
		if err := json.Unmarshal(b, &created); err != nil || created.ContactMessage.ID == "" {
			o.failure = fmt.Sprintf("201 without an id: %.100s", b)
			return o
		}
		o.id = created.ContactMessage.ID
	}
	return o
}

// failureOf names a transport error briefly.
func failureOf(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "reset"
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return err.Error()
}

func randomKey() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// results copies the outcomes so far.
func (l *load) results() []outcome {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]outcome(nil), l.outcomes...)
}
