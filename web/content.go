package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"smmm"
	"smmm/db"
	"smmm/store"
)

// collection registers the routes of a content collection at path:
//
//	GET    path              public: active rows in order, images as
//	                         links (linkImages); defaults() while the
//	                         table is empty. An ADMIN: all rows as stored.
//	POST   path              ADMIN: create -> 201
//	PATCH  path?id= | /{id}  ADMIN: change the fields sent
//	DELETE path?id= | /{id}  ADMIN: delete (and what belongs to the row)
//	POST   path/reorder      ADMIN: {"items":[{"id","order"}]}, all or nothing
//
// defaults may be nil: the public then sees [].
func collection[T any, P smmm.Content[T]](rt *router, path string, c store.Collection[T, P], defaults func() []T) {
	s := rt.s
	kind := strings.TrimPrefix(path, "/api/content/")
	rt.public("GET "+path, s.servedStale(func(w http.ResponseWriter, r *http.Request) error {
		var list []T
		var err error
		if s.isAdmin(w, r) {
			list, err = c.List(r.Context(), true)
		} else {
			list, err = publicRows(r.Context(), kind, c, defaults)
		}
		if err != nil {
			return err
		}
		encode(w, http.StatusOK, list)
		return nil
	}))
	rt.upload().admin("POST "+path, func(w http.ResponseWriter, r *http.Request) error {
		var v T
		P(&v).Defaults()
		if err := decodeValid(r, P(&v)); err != nil {
			return err
		}
		out, err := c.Create(r.Context(), v)
		if err != nil {
			return err
		}
		w.Header().Set("Location", path+"/"+url.PathEscape(P(&out).Rec().ID))
		encode(w, http.StatusCreated, out)
		return nil
	})
	update := func(w http.ResponseWriter, r *http.Request) error {
		body, bodyID, err := readPatch(r)
		if err != nil {
			return err
		}
		id, err := rowID(r, bodyID)
		if err != nil {
			return err
		}
		out, err := c.Update(r.Context(), id, func(v P) error { return patchValid(body, v) })
		if err != nil {
			return err
		}
		encode(w, http.StatusOK, out)
		return nil
	}
	rt.upload().admin("PATCH "+path, update)
	rt.upload().admin("PATCH "+path+"/{id}", update)
	del := func(w http.ResponseWriter, r *http.Request) error {
		id, err := rowID(r, "")
		if err != nil {
			return err
		}
		if err := c.Delete(r.Context(), id); err != nil {
			return err
		}
		encode(w, http.StatusOK, map[string]any{"success": true, "id": id})
		return nil
	}
	rt.admin("DELETE "+path, del)
	rt.admin("DELETE "+path+"/{id}", del)
	rt.admin("POST "+path+"/reorder", func(w http.ResponseWriter, r *http.Request) error {
		var in smmm.Reorder
		if err := decodeValid(r, &in); err != nil {
			return err
		}
		if err := c.Reorder(r.Context(), in.Items); err != nil {
			return err
		}
		list, err := c.List(r.Context(), true)
		if err != nil {
			return err
		}
		encode(w, http.StatusOK, list)
		return nil
	})
}

// readPatch reads a JSON object body for a PATCH and the "id" it may carry,
// in the original's style.
func readPatch(r *http.Request) (body []byte, id string, err error) {
	body, err = readJSON(r)
	if err != nil {
		return nil, "", err
	}
	var probe struct {
		ID any `json:"id"`
	}
	if err := strictDecode(body, &probe, false); err != nil {
		return nil, "", err
	}
	if s, ok := probe.ID.(string); ok {
		id = s
	}
	return body, id, nil
}

// patchValid decodes body over v, so that only the fields sent change,
// then normalizes and validates it.
func patchValid[P input](body []byte, v P) error {
	if err := strictDecode(body, v, true); err != nil {
		return err
	}
	v.Normalize()
	return smmm.Invalid(v.Valid())
}

// rowID takes the id of the row a request is about from the path ({id}),
// else the query (?id=), else the body, as the original accepts it.
func rowID(r *http.Request, bodyID string) (string, error) {
	id := r.PathValue("id")
	if id == "" {
		id = r.URL.Query().Get("id")
	}
	if id == "" {
		id = bodyID
	}
	id = strings.TrimSpace(id)
	switch {
	case id == "":
		return "", smmm.Invalid(map[string]string{"id": "is required"})
	case len(id) > smmm.MaxVarchar:
		return "", smmm.Invalid(map[string]string{"id": "is too long"})
	}
	return id, nil
}

// isAdmin reports whether r comes with an ADMIN's session. A missing or
// unreadable session is simply not an ADMIN's.
// An ADMIN's answer is marked not to be cached.
func (s *server) isAdmin(w http.ResponseWriter, r *http.Request) bool {
	sess, err := s.session(w, r)
	if err != nil || sess.User.Role != smmm.RoleAdmin {
		return false
	}
	w.Header().Set("Cache-Control", "no-store")
	return true
}

// siteSettingsRoutes registers the one-row settings at path: GET (the
// stored row or the defaults; images as links for the public), POST (upsert: the fields sent change the stored row or the
// defaults) and DELETE (reset to the defaults).
func (s *server) siteSettingsRoutes(rt *router, path string) {
	rt.public("GET "+path, s.servedStale(func(w http.ResponseWriter, r *http.Request) error {
		v, err := s.store.SiteSettings(r.Context())
		if errors.Is(err, db.ErrNotFound) {
			v, err = defaultSiteSettings(), nil
		}
		if err != nil {
			return err
		}
		if !s.isAdmin(w, r) {
			linkImages("site-settings", &v)
		}
		encode(w, http.StatusOK, v)
		return nil
	}))
	rt.upload().admin("POST "+path, func(w http.ResponseWriter, r *http.Request) error {
		body, err := readJSON(r)
		if err != nil {
			return err
		}
		v, err := s.store.PutSiteSettings(r.Context(), func(v *smmm.SiteSettings) error { return patchValid(body, v) })
		if err != nil {
			return err
		}
		encode(w, http.StatusOK, v)
		return nil
	})
	rt.admin("DELETE "+path, func(w http.ResponseWriter, r *http.Request) error {
		if err := s.store.ResetSiteSettings(r.Context()); err != nil {
			return err
		}
		encode(w, http.StatusOK, defaultSiteSettings())
		return nil
	})
}

// defaultSiteSettings are the settings shown while none are stored.
func defaultSiteSettings() smmm.SiteSettings {
	v := smmm.DefaultSiteSettings()
	v.ID = "default"
	return v
}

// inbox registers the routes of a public form's table at path:
//
//	POST   path              public, rate-limited as form, Idempotency-Key:
//	                         201 {message, <key>: row}
//	GET    path              ADMIN: newest first, ?status= ?limit= ?cursor=,
//	                         the next page in a Link header
//	PATCH  path?id= | /{id}  ADMIN: {status}
//	DELETE path?id= | /{id}  ADMIN
//
// present, if not nil, prepares each row for an answer.
func inbox[T any, P smmm.Form[T]](rt *router, path, form, key, thanks string, b store.Inbox[T, P], present func(P)) {
	s := rt.s
	show := func(v *T) {
		if present != nil {
			present(v)
		}
	}
	rt.upload().public("POST "+path, noStore(s.throttle(form, func(w http.ResponseWriter, r *http.Request) error {
		var v T
		P(&v).Defaults()
		if err := decodeValid(r, P(&v)); err != nil {
			return err
		}
		var out T
		var replayed bool
		var err error
		if k, ok := r.Header["Idempotency-Key"]; ok {
			ik, kerr := idempotencyKey(k)
			if kerr != nil {
				return kerr
			}
			out, replayed, err = b.CreateOnce(r.Context(), "POST "+path+" "+ik, bodyHash(v), v)
		} else {
			out, err = b.Create(r.Context(), v)
		}
		if err != nil {
			return err
		}
		if replayed {
			w.Header().Set("Idempotent-Replayed", "true")
		}
		show(&out)
		w.Header().Set("Location", path+"/"+url.PathEscape(P(&out).Rec().ID))
		encode(w, http.StatusCreated, map[string]any{"message": thanks, key: out})
		return nil
	})))
	rt.admin("GET "+path, func(w http.ResponseWriter, r *http.Request) error {
		f, err := inboxFilter(r, P(new(T)))
		if err != nil {
			return err
		}
		list, next, err := b.List(r.Context(), f)
		if err != nil {
			return err
		}
		for i := range list {
			show(&list[i])
		}
		if next != nil {
			nq := url.Values{"cursor": {next.String()}, "limit": {strconv.Itoa(f.Limit)}}
			if f.Status != "" {
				nq.Set("status", f.Status)
			}
			w.Header().Set("Link", "<"+path+"?"+nq.Encode()+`>; rel="next"`)
		}
		encode(w, http.StatusOK, list)
		return nil
	})
	update := func(w http.ResponseWriter, r *http.Request) error {
		var in struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		}
		if err := decode(r, &in); err != nil {
			return err
		}
		id, err := rowID(r, in.ID)
		if err != nil {
			return err
		}
		if _, values := P(new(T)).StatusField(); !smmm.ValidStatus(&in.Status, values) {
			return smmm.Invalid(map[string]string{"status": "must be one of " + strings.Join(values, ", ")})
		}
		out, err := b.SetStatus(r.Context(), id, in.Status)
		if err != nil {
			return err
		}
		show(&out)
		encode(w, http.StatusOK, out)
		return nil
	}
	rt.admin("PATCH "+path, update)
	rt.admin("PATCH "+path+"/{id}", update)
	del := func(w http.ResponseWriter, r *http.Request) error {
		id, err := rowID(r, "")
		if err != nil {
			return err
		}
		if err := b.Delete(r.Context(), id); err != nil {
			return err
		}
		encode(w, http.StatusOK, map[string]any{"success": true, "id": id})
		return nil
	}
	rt.admin("DELETE "+path, del)
	rt.admin("DELETE "+path+"/{id}", del)
}

// inboxFilter reads ?status=, ?limit= and ?cursor= for a form whose
// statuses v names.
func inboxFilter[T any, P smmm.Form[T]](r *http.Request, v P) (store.InboxFilter, error) {
	q := r.URL.Query()
	f := store.InboxFilter{Limit: defaultPageSize}
	problems := map[string]string{}
	if st := q.Get("status"); st != "" {
		_, values := v.StatusField()
		if f.Status = st; !smmm.ValidStatus(&f.Status, values) {
			problems["status"] = "must be one of " + strings.Join(values, ", ")
		}
	}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxPageSize {
			problems["limit"] = "must be a whole number from 1 to " + strconv.Itoa(maxPageSize)
		}
		f.Limit = n
	}
	if c := q.Get("cursor"); c != "" {
		cur, err := store.ParseCursor(c)
		if err != nil {
			problems["cursor"] = "is not a cursor this server issued"
		}
		f.After = &cur
	}
	return f, smmm.Invalid(problems)
}

// presentJobApplication replaces the CV marker of a row with the URL an
// ADMIN downloads the CV from.
func presentJobApplication(a *smmm.JobApplication) {
	if a.CVFileData != nil {
		a.CVURL = "/api/job-applications/" + url.PathEscape(a.ID) + "/cv"
	}
	a.CVFileData = nil
}

// handleJobApplicationCV sends an application's CV as a download, with the
// type found from its bytes.
func (s *server) handleJobApplicationCV(w http.ResponseWriter, r *http.Request) error {
	id, err := rowID(r, "")
	if err != nil {
		return err
	}
	name, _, data, err := s.store.JobApplicationCV(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := smmm.ParseBase64(data)
	if err != nil || !smmm.IsDocumentType(f.Type) {
		// A row the original stored with something else: send it as
		// opaque bytes, never as something a browser would render.
		f.Type = "application/octet-stream"
		if err != nil {
			f.Data = []byte(data)
		}
	}
	h := w.Header()
	h.Set("Content-Type", f.Type)
	h.Set("Content-Disposition", attachment(name))
	h.Set("Content-Length", strconv.Itoa(len(f.Data)))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.WriteHeader(http.StatusOK)
	_, _ = bytes.NewReader(f.Data).WriteTo(w) // the status is sent; an error means the client left
	return nil
}

// attachment is a Content-Disposition for a download named name, with an
// ASCII fallback and the UTF-8 name (RFC 6266).
func attachment(name string) string {
	if name == "" {
		name = "cv"
	}
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '/' {
			return '_'
		}
		return r
	}, name)
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + url.PathEscape(name)
}
