package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestSecretURLParamsNeverShown: the value of sslpassword (the passphrase
// of the client key) in DATABASE_URL appears neither in serve's startup
// log, nor in /api/admin/db/stats, nor in doctor's output; the database
// password neither. PostgreSQL ignores sslpassword without a key, so the
// server really runs with it.
func TestSecretURLParamsNeverShown(t *testing.T) {
	const passphrase = "k3y-passphrase-not-shown"
	url := dbtest.URL(t, db.Postgres, "sslpassword="+passphrase)
	env := map[string]string{"DATABASE_URL": url, "PORT": "0", "LOG_LEVEL": "debug",
		"ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": "boss-password-1"}
	getenv := testGetenv(env)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"smmm"}, getenv, strings.NewReader(""), stdout, stderr) }()
	var base string
	deadline := time.Now().Add(readyWithin)
	for base == "" {
		if m := listeningRE.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("not serving after %s\n%s", readyWithin, stderr.String())
		}
		select {
		case err := <-done:
			t.Fatalf("run returned before serving: %v\n%s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	waitReady(t, base, done, stderr)

	client := &http.Client{Timeout: 30 * time.Second}
	res, err := client.Post(base+"/api/auth/login", "application/json",
		strings.NewReader(`{"email":"boss@example.com","password":"boss-password-1"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "smmm_session" {
			session = c
		}
	}
	if session == nil {
		t.Fatalf("login = %d, no session cookie", res.StatusCode)
	}
	req, _ := http.NewRequest("GET", base+"/api/admin/db/stats", nil)
	req.AddCookie(session)
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	stats, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var st struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(stats, &st); err != nil || res.StatusCode != 200 || !strings.Contains(st.URL, "sslpassword=xxxxx") {
		t.Errorf("stats = %d %s, want 200 with the URL and sslpassword=xxxxx", res.StatusCode, stats)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop within a minute")
	}

	var doctor bytes.Buffer
	run(context.Background(), []string{"smmm", "doctor"}, getenv, nil, &doctor, &doctor)
	if !strings.Contains(doctor.String(), "sslpassword=xxxxx") {
		t.Errorf("doctor does not show the redacted URL:\n%s", doctor.String())
	}
	log := stderr.String()
	if !strings.Contains(log, "sslpassword=xxxxx") {
		t.Errorf("the startup log does not show the redacted URL:\n%s", log)
	}
	for name, out := range map[string]string{"startup log": log + stdout.String(), "stats": string(stats), "doctor": doctor.String()} {
		if strings.Contains(out, passphrase) {
			t.Errorf("%s shows the sslpassword:\n%s", name, out)
		}
	}
}
