package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"smmm"
)

// The statements the store runs for the two routes, verbatim except for the
// placeholders, which the db package rewrites from "?" to "$n" for
// PostgreSQL (store/about.go selectAbout, store/contact_messages.go
// insertContactMessage).
const (
	limitSelectAbout = `SELECT s."id", s."title", s."subtitle", s."description", s."image", s."createdAt", s."updatedAt",
	f."id", f."icon", f."title", f."description", f."isActive", f."order"` +
		` FROM "AboutSection" s LEFT JOIN "AboutFeature" f ON f."sectionId" = s."id" WHERE s."id" = ` +
		`(SELECT "id" FROM "AboutSection" ORDER BY "createdAt", "id" LIMIT 1)` +
		` ORDER BY f."order", f."id"`
	limitInsertContact = `INSERT INTO "ContactMessage" ("id", "name", "email", "phone", "subject", "message", "status", "createdAt", "updatedAt")` +
		` VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
)

// The JSON shapes of smmm.AboutSection, smmm.AboutFeature and
// smmm.ContactMessage, field for field and in the same order, with the
// times already formatted in smmm.TimeLayout.
type (
	limitFeature struct {
		ID          string  `json:"id"`
		SectionID   string  `json:"sectionId"`
		Icon        *string `json:"icon"`
		Title       string  `json:"title"`
		Description string  `json:"description"`
		IsActive    bool    `json:"isActive"`
		Order       int     `json:"order"`
	}
	limitAbout struct {
		ID          string         `json:"id"`
		Title       string         `json:"title"`
		Subtitle    *string        `json:"subtitle"`
		Description string         `json:"description"`
		Image       *string        `json:"image"`
		CreatedAt   string         `json:"createdAt"`
		UpdatedAt   string         `json:"updatedAt"`
		Features    []limitFeature `json:"features"`
	}
	limitContactIn struct {
		Name    string `json:"name"`
		Email   string `json:"email"`
		Phone   string `json:"phone"`
		Subject string `json:"subject"`
		Message string `json:"message"`
	}
	limitContact struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Email     string `json:"email"`
		Phone     string `json:"phone"`
		Subject   string `json:"subject"`
		Message   string `json:"message"`
		Status    string `json:"status"`
		CreatedAt string `json:"createdAt"`
		UpdatedAt string `json:"updatedAt"`
	}
	limitCreated struct {
		Message        string       `json:"message"`
		ContactMessage limitContact `json:"contactMessage"`
	}
)

// newLimitHandler is the limit: the two routes written straight on
// database/sql and pgx, with no middleware, no validation, no statement
// bookkeeping and no error mapping, but the same statements, the same rows
// and the same JSON as smmm.
func newLimitHandler(d *sql.DB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/content/about", func(w http.ResponseWriter, r *http.Request) {
		rows, err := d.QueryContext(r.Context(), limitSelectAbout)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		var s limitAbout
		var created, updated time.Time
		found := false
		for rows.Next() {
			var (
				fID, fIcon, fTitle, fDesc sql.NullString
				fActive                   sql.NullBool
				fOrder                    sql.NullInt64
			)
			if err := rows.Scan(&s.ID, &s.Title, &s.Subtitle, &s.Description, &s.Image, &created, &updated,
				&fID, &fIcon, &fTitle, &fDesc, &fActive, &fOrder); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			found = true
			if !fID.Valid {
				continue
			}
			f := limitFeature{ID: fID.String, SectionID: s.ID, Title: fTitle.String, Description: fDesc.String,
				IsActive: !fActive.Valid || fActive.Bool, Order: int(fOrder.Int64)}
			if fIcon.Valid {
				icon := fIcon.String
				f.Icon = &icon
			}
			s.Features = append(s.Features, f)
		}
		if err := rows.Err(); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if !found {
			http.NotFound(w, r)
			return
		}
		if s.Features == nil {
			s.Features = []limitFeature{}
		}
		s.CreatedAt = created.UTC().Format(smmm.TimeLayout)
		s.UpdatedAt = updated.UTC().Format(smmm.TimeLayout)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_ = json.NewEncoder(w).Encode(s)
	})
	mux.HandleFunc("POST /api/contact-messages", func(w http.ResponseWriter, r *http.Request) {
		var in limitContactIn
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		now := time.Now().UTC().Truncate(time.Millisecond)
		id := limitID(now)
		if _, err := d.ExecContext(r.Context(), limitInsertContact,
			id, in.Name, in.Email, in.Phone, in.Subject, in.Message, "NEW", now, now); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ts := now.Format(smmm.TimeLayout)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Location", "/api/contact-messages/"+id)
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(limitCreated{
			Message: "Mesajınız başarıyla gönderildi",
			ContactMessage: limitContact{ID: id, Name: in.Name, Email: in.Email, Phone: in.Phone,
				Subject: in.Subject, Message: in.Message, Status: "NEW", CreatedAt: ts, UpdatedAt: ts},
		})
	})
	return mux
}

// limitID makes an id of the same shape as store.NewID (25 characters: "c",
// base-36 milliseconds, 16 random base-36 digits), without its rejection
// sampling.
func limitID(now time.Time) string {
	const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"
	var b [25]byte
	b[0] = 'c'
	ts := strconv.FormatInt(now.UnixMilli(), 36)
	n := 1
	for i := len(ts); i < 8; i++ {
		b[n] = '0'
		n++
	}
	n += copy(b[n:], ts)
	var rnd [16]byte
	rand.Read(rnd[:])
	for _, x := range rnd {
		if n == len(b) {
			break
		}
		b[n] = base36[x%36]
		n++
	}
	return string(b[:n])
}
