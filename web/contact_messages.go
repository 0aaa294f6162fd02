package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"smmm"
	"smmm/store"
)

// Page sizes of GET /api/contact-messages.
const (
	defaultPageSize = 50
	maxPageSize     = 200
)

// handleContactMessageCreate is the public contact form: 201 with
// {message, contactMessage}.
func (s *server) handleContactMessageCreate(w http.ResponseWriter, r *http.Request) error {
	type response struct {
		Message        string              `json:"message"`
		ContactMessage smmm.ContactMessage `json:"contactMessage"`
	}
	var in smmm.NewContactMessage
	if err := decodeValid(r, &in); err != nil {
		return err
	}
	var m smmm.ContactMessage
	var replayed bool
	var err error
	if key, ok := r.Header["Idempotency-Key"]; ok {
		k, kerr := idempotencyKey(key)
		if kerr != nil {
			return kerr
		}
		m, replayed, err = s.store.CreateContactMessageOnce(r.Context(), "POST /api/contact-messages "+k, bodyHash(in), in)
	} else {
		m, err = s.store.CreateContactMessage(r.Context(), in)
	}
	if err != nil {
		return err
	}
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	w.Header().Set("Location", "/api/contact-messages/"+url.PathEscape(m.ID))
	encode(w, http.StatusCreated, response{Message: "Mesajınız başarıyla gönderildi", ContactMessage: m})
	return nil
}

// handleContactMessageList answers the admin inbox: a JSON array, newest
// first, with the next page in a Link header.
func (s *server) handleContactMessageList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.ContactMessageFilter{Limit: defaultPageSize}
	problems := map[string]string{}
	if v := q.Get("status"); v != "" {
		f.Status = smmm.Status(strings.ToUpper(v))
		if !f.Status.Valid() {
			problems["status"] = "must be one of NEW, PENDING, REPLIED, RESOLVED"
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			problems["limit"] = "must be a whole number from 1 to " + strconv.Itoa(maxPageSize)
		}
		f.Limit = n
	}
	if v := q.Get("cursor"); v != "" {
		c, err := store.ParseCursor(v)
		if err != nil {
			problems["cursor"] = "is not a cursor this server issued"
		}
		f.After = &c
	}
	if err := smmm.Invalid(problems); err != nil {
		return err
	}
	list, next, err := s.store.ListContactMessages(r.Context(), f)
	if err != nil {
		return err
	}
	if next != nil {
		nq := url.Values{"cursor": {next.String()}, "limit": {strconv.Itoa(f.Limit)}}
		if f.Status != "" {
			nq.Set("status", string(f.Status))
		}
		w.Header().Set("Link", "</api/contact-messages?"+nq.Encode()+`>; rel="next"`)
	}
	if list == nil {
		list = []smmm.ContactMessage{}
	}
	encode(w, http.StatusOK, list)
	return nil
}

// handleContactMessageUpdate changes a message's status: {id, status} ->
// the updated message.
func (s *server) handleContactMessageUpdate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		ID     string      `json:"id"`
		Status smmm.Status `json:"status"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	id, err := rowID(r, in.ID)
	if err != nil {
		return err
	}
	if in.Status = smmm.Status(strings.ToUpper(strings.TrimSpace(string(in.Status)))); !in.Status.Valid() {
		return smmm.Invalid(map[string]string{"status": "must be one of NEW, PENDING, REPLIED, RESOLVED"})
	}
	m, err := s.store.UpdateContactMessageStatus(r.Context(), id, in.Status)
	if err != nil {
		return err
	}
	encode(w, http.StatusOK, m)
	return nil
}

// handleContactMessageDelete removes a message: 200 {message}.
func (s *server) handleContactMessageDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := rowID(r, "")
	if err != nil {
		return err
	}
	if err := s.store.DeleteContactMessage(r.Context(), id); err != nil {
		return err
	}
	encode(w, http.StatusOK, map[string]string{"message": "Mesaj silindi"})
	return nil
}

// idempotencyKey validates an Idempotency-Key header: one value of 1 to
// 128 printable ASCII characters.
func idempotencyKey(values []string) (string, error) {
	bad := smmm.Invalid(map[string]string{"Idempotency-Key": "must be one value of 1 to 128 printable ASCII characters"})
	if len(values) != 1 || len(values[0]) == 0 || len(values[0]) > 128 {
		return "", bad
	}
	for i := 0; i < len(values[0]); i++ {
		if c := values[0][i]; c < 0x21 || c > 0x7e {
			return "", bad
		}
	}
	return values[0], nil
}
