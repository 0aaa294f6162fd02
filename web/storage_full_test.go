package web_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/web"
)

// TestStorageFull: SQLite whose storage is full answers a write with 507
// storage_full and Retry-After, not 503 db_unavailable; /api/health says
// storage_full with 507, /readyz says it too but stays 200 (reads are
// served: the about page still answers 200); once space returns and a
// write succeeds, both say ok again.
func TestStorageFull(t *testing.T) {
	pool := migrated(t, dbtest.Open(t, dbtest.URL(t, db.SQLite), nil, db.Options{}))
	h, st := newSiteHandler(t, pool, web.Config{
		Ready:    func() bool { return true },
		Draining: func() bool { return false },
	}, auth.Options{})
	ctx := context.Background()
	var pages int
	if err := pool.QueryRow(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages+4)); err != nil {
		t.Fatal(err)
	}
	// Fill the table the contact form writes to, to the last byte.
	in := smmm.NewContactMessage{Name: "Filler", Email: "filler@example.com", Subject: "Filler"}
	for _, size := range []int{4000, 400, 40, 1} {
		in.Message = strings.Repeat("x", size)
		var err error
		for i := 0; i < 1000 && err == nil; i++ {
			_, err = st.CreateContactMessage(ctx, in)
		}
		if db.KindOf(err) != db.KindStorageFull {
			t.Fatalf("filling with %d-byte messages: %v (kind %s), want storage_full", size, err, db.KindOf(err))
		}
	}

	message := `{"name":"Ann Lee","email":"ann@example.com","phone":"+90 532 000 00 00","subject":"Tax advice","message":"Hello, I would like to talk."}`
	asJSON := map[string]string{"Content-Type": "application/json"}
	rec := do(t, h, "POST", "/api/contact-messages", strings.NewReader(message), asJSON)
	if rec.Code != 507 || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), `"code":"storage_full"`) {
		t.Errorf("POST with the storage full = %d %q (Retry-After %q), want 507 storage_full with Retry-After",
			rec.Code, rec.Body, rec.Header().Get("Retry-After"))
	}
	if rec := do(t, h, "GET", "/api/content/about", nil, nil); rec.Code != 200 {
		t.Errorf("GET about with the storage full = %d, want 200", rec.Code)
	}
	probe := func(path string, wantCode int, wantStatus string) {
		t.Helper()
		rec := do(t, h, "GET", path, nil, nil)
		var body struct {
			Status string `json:"status"`
		}
		if err := jsonDecode(rec.Body.String(), &body); err != nil || rec.Code != wantCode || body.Status != wantStatus {
			t.Errorf("%s = %d %s, want %d with status %q", path, rec.Code, rec.Body, wantCode, wantStatus)
		}
	}
	probe("/api/health", 507, "storage_full")
	probe("/readyz", 200, "storage_full")

	if _, err := pool.Exec(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	if rec := do(t, h, "POST", "/api/contact-messages", strings.NewReader(message), asJSON); rec.Code != 201 {
		t.Fatalf("POST after space returned = %d %s, want 201", rec.Code, rec.Body)
	}
	// Health results are reused for half a second.
	deadline := time.Now().Add(5 * time.Second)
	for do(t, h, "GET", "/api/health", nil, nil).Code != 200 {
		if time.Now().After(deadline) {
			t.Fatal("health still not ok 5s after a write succeeded")
		}
		time.Sleep(50 * time.Millisecond)
	}
	probe("/api/health", 200, "ok")
	probe("/readyz", 200, "ok")
}

func jsonDecode(s string, v any) error { return json.Unmarshal([]byte(s), v) }
