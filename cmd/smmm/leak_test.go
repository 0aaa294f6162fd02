package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"smmm/db"
	"smmm/db/dbtest"
)

// TestNothingLeaked runs the server with a password in DATABASE_URL, signs
// in (right and wrong), provokes errors and reads the admin statistics, then
// looks for every secret in everything smmm wrote: logs, standard output,
// response bodies and headers, and doctor's report.
func TestNothingLeaked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		if d == db.SQLite {
			t.Skip("SQLite URLs hold no password")
		}
		const dbPassword, adminPassword, wrongPassword = "Db-Secret-7731", "Admin-Secret-8842", "Wrong-Secret-9953"
		u, err := url.Parse(dbtest.URL(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if d == db.MySQL {
			// MariaDB checks passwords: a user of its own, with one.
			u.User = url.UserPassword(mysqlUserWithPassword(t, u, dbPassword), dbPassword)
		} else {
			// The PostgreSQL test server trusts local connections, so any
			// password works.
			u.User = url.UserPassword(u.User.Username(), dbPassword)
		}
		env := map[string]string{"DATABASE_URL": u.String(), "PORT": "0", "LOG_LEVEL": "debug",
			"ADMIN_EMAIL": "boss@example.com", "ADMIN_PASSWORD": adminPassword}
		ctx, cancel := context.WithCancel(context.Background())
		var stdout, stderr syncBuffer
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"smmm"}, testGetenv(env), strings.NewReader(""), &stdout, &stderr)
		}()
		var base string
		for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(5 * time.Millisecond) {
			if m := listeningRE.FindStringSubmatch(stdout.String()); m != nil {
				base = m[1]
			}
			if time.Now().After(deadline) {
				t.Fatalf("serve did not say where it listens within 30s:\n%s", stderr.String())
			}
		}
		waitReady(t, base, done, &stderr)

		var seen bytes.Buffer // every response, headers and body
		var token string
		call := func(method, path, body string, cookie bool) {
			req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
			if body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if cookie && token != "" {
				req.AddCookie(&http.Cookie{Name: "smmm_session", Value: token})
			}
			res, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			for _, c := range res.Cookies() {
				if c.Name == "smmm_session" && c.Value != "" {
					token = c.Value // the one place the token may appear
					res.Header.Del("Set-Cookie")
				}
			}
			res.Header.Write(&seen)
			seen.Write(b)
		}
		call("POST", "/api/auth/login", `{"email":"boss@example.com","password":"`+wrongPassword+`"}`, false)
		call("POST", "/api/auth/login", `{"email":"nobody@example.com","password":"`+wrongPassword+`"}`, false)
		call("POST", "/api/auth/login", `{"email":"boss@example.com","password":"`+adminPassword+`"}`, false)
		if token == "" {
			t.Fatalf("login did not set a session cookie; responses:\n%s\nlog:\n%s", seen.String(), stderr.String())
		}
		call("GET", "/api/auth/session", "", true)
		call("GET", "/api/admin/db/stats", "", true)
		call("GET", "/api/admin/db/slow-queries", "", true)
		call("POST", "/api/contact-messages", `{"name":`, false)
		call("PATCH", "/api/contact-messages/nope", `{"status":"NEW"}`, true)
		call("GET", "/api/nope", "", true)
		call("POST", "/api/auth/logout", "", true)

		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run = %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop within 30s of its context ending")
		}
		var doctor bytes.Buffer
		run(context.Background(), []string{"smmm", "doctor"}, testGetenv(env), nil, &doctor, &doctor)

		places := map[string]string{"log": stderr.String(), "stdout": stdout.String(), "responses": seen.String(), "doctor": doctor.String()}
		for name, secret := range map[string]string{"database password": dbPassword, "admin password": adminPassword, "wrong password": wrongPassword, "session token": token} {
			for where, text := range places {
				if strings.Contains(text, secret) {
					t.Errorf("the %s appears in the %s", name, where)
				}
			}
		}
		if !strings.Contains(stderr.String(), "xxxxx") && !strings.Contains(stderr.String(), "config.url=") {
			t.Errorf("the log does not show the (redacted) database URL at all; is the test looking at the right output?")
		}
	})
}

// mysqlUserWithPassword creates a user of the MySQL test server with
// password, allowed everything on u's database, dropped when the test
// ends, and returns its name.
func mysqlUserWithPassword(t *testing.T, u *url.URL, password string) string {
	t.Helper()
	adminURL := u.String() // the caller changes u's user afterwards
	admin := dbtest.Admin(t, db.MySQL, adminURL)
	name := "smmm_leak_" + strings.ToLower(dbtest.Name(t, u.String()))[len("smmm_t_"):]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, q := range []string{
		"CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'",
		"GRANT ALL PRIVILEGES ON `" + dbtest.Name(t, u.String()) + "`.* TO '" + name + "'@'%'",
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", strings.Replace(q, password, "***", 1), err)
		}
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := dbtest.Admin(t, db.MySQL, adminURL).ExecContext(ctx, "DROP USER IF EXISTS '"+name+"'@'%'"); err != nil {
			t.Errorf("drop user %s: %v", name, err)
		}
	})
	return name
}
