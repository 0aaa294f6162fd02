package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"reflect"
	"slices"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// contactBody is the form every POST sends: valid, with Turkish text.
var contactBody = []byte(`{"name":"Ayşe Yılmaz","email":"ayse@example.com","phone":"+90 532 000 00 00",` +
	`"subject":"Vergi danışmanlığı","message":"Merhaba, şirketimin muhasebesi için görüşmek isterim."}`)

func getAbout(base string) vegeta.Target {
	return vegeta.Target{Method: http.MethodGet, URL: base + "/api/content/about"}
}

func postContact(base string) vegeta.Target {
	return vegeta.Target{Method: http.MethodPost, URL: base + "/api/contact-messages", Body: contactBody,
		Header: http.Header{"Content-Type": {"application/json"}}}
}

type route struct {
	name     string
	short    string // for file names
	targeter func(base string) vegeta.Targeter
}

func routes() []route {
	return []route{
		{"GET /api/content/about", "get", func(base string) vegeta.Targeter { return vegeta.NewStaticTargeter(getAbout(base)) }},
		{"POST /api/contact-messages", "post", func(base string) vegeta.Targeter { return vegeta.NewStaticTargeter(postContact(base)) }},
	}
}

// mixedTargeter alternates the two routes.
func mixedTargeter(base string) vegeta.Targeter {
	return vegeta.NewStaticTargeter(getAbout(base), postContact(base))
}

// newClient returns a keep-alive client with up to n connections to one
// host, shared by every attack on that server so that its connections stay
// open between segments.
func newClient(n int) *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConnsPerHost: n,
			MaxConnsPerHost:     n,
			DisableCompression:  true,
		},
	}
}

// attack sends requests from a fixed number of vegeta workers, each sending
// its next request as soon as the previous one is answered, for du (0:
// until n requests are sent) and adds the results to s.
func attack(ctx context.Context, c *http.Client, tr vegeta.Targeter, workers int, du time.Duration, n uint64, s *sample) error {
	a := vegeta.NewAttacker(vegeta.Client(c), vegeta.Workers(uint64(workers)), vegeta.MaxWorkers(uint64(workers)),
		vegeta.MaxBody(0)) // bodies are read and discarded
	// No pacing: with every worker busy, the attack waits for one to be
	// free, which makes a closed loop of exactly `workers` clients.
	pace := closedLoop{n: n}
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			a.Stop()
		case <-done:
		}
	}()
	start, ok0 := time.Now(), s.n-s.errs
	for res := range a.Attack(tr, pace, du, "") {
		s.add(res)
	}
	wall := time.Since(start)
	s.wall += wall
	s.segs = append(s.segs, float64(s.n-s.errs-ok0)/wall.Seconds())
	return ctx.Err()
}

// closedLoop is a vegeta.Pacer that never waits, and stops after n hits
// when n > 0.
type closedLoop struct{ n uint64 }

func (p closedLoop) Pace(_ time.Duration, hits uint64) (time.Duration, bool) {
	return 0, p.n > 0 && hits >= p.n
}

// Rate is infinite: hits are limited only by the workers.
func (p closedLoop) Rate(time.Duration) float64 { return math.Inf(1) }

// sample accumulates the results of one server on one route.
type sample struct {
	route, server string
	n, errs       int
	firstErr      string
	wall          time.Duration
	segs          []float64 // requests/s of each attack
	lat           []time.Duration
	sorted        bool
}

func (s *sample) add(r *vegeta.Result) {
	s.n++
	s.lat = append(s.lat, r.Latency)
	s.sorted = false
	want := http.StatusOK
	if r.Method == http.MethodPost {
		want = http.StatusCreated
	}
	if r.Error != "" || int(r.Code) != want {
		s.errs++
		if s.firstErr == "" {
			s.firstErr = fmt.Sprintf("%s %s: status %d %s", r.Method, r.URL, r.Code, r.Error)
		}
	}
}

// rate is successful responses per second of wall time.
func (s *sample) rate() float64 {
	if s.wall <= 0 {
		return 0
	}
	return float64(s.n-s.errs) / s.wall.Seconds()
}

// quantile returns the q-quantile of the latencies (nearest rank).
func (s *sample) quantile(q float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	if !s.sorted {
		slices.Sort(s.lat)
		s.sorted = true
	}
	i := int(math.Ceil(q*float64(len(s.lat)))) - 1
	return s.lat[max(i, 0)]
}

type response struct {
	code int
	body []byte
}

func fetch(ctx context.Context, c *http.Client, t vegeta.Target) (response, error) {
	req, err := t.Request()
	if err != nil {
		return response{}, err
	}
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return response{resp.StatusCode, body}, err
}

// checkSame makes sure that the limit does what smmm does: GET answers
// byte for byte the same, POST the same JSON but for the id and times.
func checkSame(ctx context.Context, sc *http.Client, sbase string, lc *http.Client, lbase string) error {
	sg, err := fetch(ctx, sc, getAbout(sbase))
	if err != nil {
		return err
	}
	lg, err := fetch(ctx, lc, getAbout(lbase))
	if err != nil {
		return err
	}
	if sg.code != http.StatusOK || lg.code != http.StatusOK || !bytes.Equal(sg.body, lg.body) {
		return fmt.Errorf("GET about: smmm %d %s\nlimit %d %s", sg.code, sg.body, lg.code, lg.body)
	}
	var about struct{ Features []any }
	if err := json.Unmarshal(sg.body, &about); err != nil || len(about.Features) != 4 {
		return fmt.Errorf("GET about: want 4 stored features, got %s", sg.body)
	}
	sp, err := fetch(ctx, sc, postContact(sbase))
	if err != nil {
		return err
	}
	lp, err := fetch(ctx, lc, postContact(lbase))
	if err != nil {
		return err
	}
	if sp.code != http.StatusCreated || lp.code != http.StatusCreated {
		return fmt.Errorf("POST contact: smmm %d %s\nlimit %d %s", sp.code, sp.body, lp.code, lp.body)
	}
	strip := func(b []byte) (map[string]any, error) {
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, err
		}
		cm, ok := m["contactMessage"].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("no contactMessage in %s", b)
		}
		if id, _ := cm["id"].(string); len(id) != 25 {
			return nil, fmt.Errorf("id %q is not 25 characters", id)
		}
		if cm["createdAt"] == nil || cm["createdAt"] != cm["updatedAt"] {
			return nil, fmt.Errorf("createdAt %v, updatedAt %v", cm["createdAt"], cm["updatedAt"])
		}
		delete(cm, "id")
		delete(cm, "createdAt")
		delete(cm, "updatedAt")
		return m, nil
	}
	sm, err := strip(sp.body)
	if err != nil {
		return fmt.Errorf("POST contact, smmm: %w", err)
	}
	lm, err := strip(lp.body)
	if err != nil {
		return fmt.Errorf("POST contact, limit: %w", err)
	}
	if !reflect.DeepEqual(sm, lm) {
		return fmt.Errorf("POST contact: smmm %s\nlimit %s", sp.body, lp.body)
	}
	return nil
}
