package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// adminInboxes are the three public forms' inboxes: their route name, the
// statuses a row may have and the fields shown of each row.
var adminInboxes = []struct {
	name     string
	statuses []string
	fields   []string
}{
	{"messages", contactStatuses(), []string{"email", "phone", "subject", "message"}},
	{"quotes", smmm.QuoteStatuses, []string{"email", "phone", "company", "serviceType", "message"}},
	{"applications", smmm.ApplicationStatuses, []string{"email", "phone", "position", "experience", "education", "coverLetter"}},
}

func contactStatuses() []string {
	var out []string
	for _, s := range smmm.Statuses {
		out = append(out, string(s))
	}
	return out
}

// inboxPageSize is how many rows an inbox page shows.
const inboxPageSize = 20

// inboxOps are the store calls of one inbox, with rows as JSON.
type inboxOps struct {
	list      func(ctx context.Context, f store.InboxFilter) ([]row, *store.Cursor, error)
	setStatus func(ctx context.Context, id, status string) error
	del       func(ctx context.Context, id string) error
}

// formInboxOps binds a store inbox; present prepares each row as the API
// answers it.
func formInboxOps[T any, P smmm.Form[T]](b store.Inbox[T, P], present func(P)) inboxOps {
	return inboxOps{
		list: func(ctx context.Context, f store.InboxFilter) ([]row, *store.Cursor, error) {
			list, next, err := b.List(ctx, f)
			var out []row
			for i := range list {
				if present != nil {
					present(&list[i])
				}
				out = append(out, asRow(&list[i]))
			}
			return out, next, err
		},
		setStatus: func(ctx context.Context, id, status string) error {
			_, err := b.SetStatus(ctx, id, status)
			return err
		},
		del: b.Delete,
	}
}

// inboxOps returns the store calls of the inbox named name.
func (s *server) inboxOps(name string) inboxOps {
	switch name {
	case "quotes":
		return formInboxOps(s.store.QuoteRequests(), nil)
	case "applications":
		return formInboxOps(s.store.JobApplications(), presentJobApplication)
	}
	st := s.store
	return inboxOps{
		list: func(ctx context.Context, f store.InboxFilter) ([]row, *store.Cursor, error) {
			list, next, err := st.ListContactMessages(ctx, store.ContactMessageFilter{Status: smmm.Status(f.Status), Limit: f.Limit, After: f.After})
			var out []row
			for i := range list {
				out = append(out, asRow(&list[i]))
			}
			return out, next, err
		},
		setStatus: func(ctx context.Context, id, status string) error {
			_, err := st.UpdateContactMessageStatus(ctx, id, smmm.Status(status))
			return err
		},
		del: st.DeleteContactMessage,
	}
}

// inboxPage is the data of an inbox.
type inboxPage struct {
	adminView
	Name     string
	Base     string
	Status   string
	Statuses []string
	Items    []inboxItem
	Next     string // the next page's URL, "" on the last
	First    string // the first page's URL when this is not it
}

// inboxItem is one row of an inbox.
type inboxItem struct {
	ID, Name, Status, Created, CV string
	Fields                        []inboxField
}

// inboxField is a labelled value of a row.
type inboxField struct{ Label, Value string }

// adminInboxRoutes registers the inboxes.
func (s *server) adminInboxRoutes(rt *router) {
	rt.adminPage("GET /admin/inbox/{box}", s.handleInbox)
	rt.adminPage("POST /admin/inbox/{box}/{id}/status", s.handleInboxStatus)
	rt.adminPage("GET /admin/inbox/{box}/{id}/delete", s.handleInboxConfirm)
	rt.adminPage("POST /admin/inbox/{box}/{id}/delete", s.handleInboxDelete)
}

// inboxFor returns the index of the request's {box} in adminInboxes.
func inboxFor(r *http.Request) (int, error) {
	for i, b := range adminInboxes {
		if b.name == r.PathValue("box") {
			return i, nil
		}
	}
	return 0, db.ErrNotFound
}

// handleInbox shows an inbox, newest first, ?status= filtering and
// ?cursor= paging as the API's.
func (s *server) handleInbox(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	i, err := inboxFor(r)
	if err != nil {
		return err
	}
	b := adminInboxes[i]
	base := "/admin/inbox/" + b.name
	data := inboxPage{adminView: s.newAdminView(w, r, &sess, base, "a_inbox_"+b.name), Name: b.name, Base: base, Statuses: b.statuses}
	f := store.InboxFilter{Limit: inboxPageSize}
	q := r.URL.Query()
	if st := q.Get("status"); st != "" {
		if !smmm.ValidStatus(&st, b.statuses) {
			return smmm.Invalid(map[string]string{"status": "is not a status of this inbox"})
		}
		f.Status, data.Status = st, st
	}
	if c := q.Get("cursor"); c != "" {
		cur, err := store.ParseCursor(c)
		if err != nil {
			return smmm.Invalid(map[string]string{"cursor": "is not a cursor this server issued"})
		}
		f.After = &cur
		data.First = base + "?" + url.Values{"status": {f.Status}}.Encode()
	}
	rows, next, err := s.inboxOps(b.name).list(r.Context(), f)
	if err != nil {
		return err
	}
	if next != nil {
		data.Next = base + "?" + url.Values{"status": {f.Status}, "cursor": {next.String()}}.Encode()
	}
	for _, rw := range rows {
		it := inboxItem{ID: rw.ID(), Name: text(rw["name"]), Status: text(rw["status"]), Created: shortTime(rw["createdAt"]), CV: text(rw["cvUrl"])}
		for _, name := range b.fields {
			if v := text(rw[name]); v != "" {
				it.Fields = append(it.Fields, inboxField{Label: data.A("af_" + name), Value: v})
			}
		}
		data.Items = append(data.Items, it)
	}
	return s.render(w, http.StatusOK, "admin/inbox", data)
}

// back is where an inbox post returns: the inbox with the filter it was
// sent from.
func inboxBack(base string, r *http.Request) string {
	if st := r.PostForm.Get("filter"); st != "" {
		return base + "?" + url.Values{"status": {st}}.Encode()
	}
	return base
}

func (s *server) handleInboxStatus(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	i, err := inboxFor(r)
	if err != nil {
		return err
	}
	b := adminInboxes[i]
	st := r.PostForm.Get("status")
	if !smmm.ValidStatus(&st, b.statuses) || !slices.Contains(b.statuses, st) {
		return smmm.Invalid(map[string]string{"status": "is not a status of this inbox"})
	}
	if err := s.inboxOps(b.name).setStatus(r.Context(), r.PathValue("id"), st); err != nil {
		return err
	}
	return redirectDone(w, r, inboxBack("/admin/inbox/"+b.name, r), "status")
}

func (s *server) handleInboxConfirm(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	i, err := inboxFor(r)
	if err != nil {
		return err
	}
	base := "/admin/inbox/" + adminInboxes[i].name
	id := r.PathValue("id")
	data := confirmPage{adminView: s.newAdminView(w, r, &sess, base, "a_delete"), What: r.URL.Query().Get("name"),
		Action: base + "/" + url.PathEscape(id) + "/delete", Back: base}
	return s.render(w, http.StatusOK, "admin/confirm", data)
}

func (s *server) handleInboxDelete(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	i, err := inboxFor(r)
	if err != nil {
		return err
	}
	b := adminInboxes[i]
	if err := s.inboxOps(b.name).del(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	return redirectDone(w, r, "/admin/inbox/"+b.name, "deleted")
}

// dashboardPage is the data of the dashboard.
type dashboardPage struct {
	adminView
	Boxes     []dashboardBox
	HealthOK  bool
	LatencyMs string
	Stats     db.Stats
	Slow      []slowRow
}

// slowRow is one statement of the in-process totals.
type slowRow struct {
	SQL                  string
	Count                int64
	MeanMs, MaxMs, Total string
}

// msText writes a duration in milliseconds with two decimals.
func msText(d time.Duration) string { return strconv.FormatFloat(ms(d), 'f', 2, 64) }

// dashboardBox is the newest NEW rows of one inbox.
type dashboardBox struct {
	Name, Path string
	Count      string // "3", or "20+" when there are more
	Items      []inboxItem
}

// dashboardNew is how many new rows of each inbox the dashboard lists.
const dashboardNew = 5

// handleDashboard shows the new rows of each inbox and the database's
// health, pool and slowest statements (admin.js refreshes the last two
// from /api/admin/db/stats and /api/admin/db/slow-queries).
func (s *server) handleDashboard(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	data := dashboardPage{adminView: s.newAdminView(w, r, &sess, "/admin", "a_dashboard")}
	for _, b := range adminInboxes {
		rows, next, err := s.inboxOps(b.name).list(r.Context(), store.InboxFilter{Status: b.statuses[0], Limit: dashboardNew})
		if err != nil {
			return err
		}
		box := dashboardBox{Name: b.name, Path: "/admin/inbox/" + b.name + "?status=" + b.statuses[0], Count: strconv.Itoa(len(rows))}
		if next != nil {
			box.Count += "+"
		}
		for _, rw := range rows {
			box.Items = append(box.Items, inboxItem{ID: rw.ID(), Name: text(rw["name"]), Created: shortTime(rw["createdAt"])})
		}
		data.Boxes = append(data.Boxes, box)
	}
	h := s.health.check(r.Context())
	data.HealthOK, data.LatencyMs = h.OK, msText(h.Latency)
	data.Stats = s.DB.Stats()
	for _, q := range s.DB.TopQueries(10) {
		data.Slow = append(data.Slow, slowRow{SQL: q.SQL, Count: q.Count, MeanMs: msText(q.Mean()), MaxMs: msText(q.Max), Total: msText(q.Total)})
	}
	return s.render(w, http.StatusOK, "admin/dashboard", data)
}

// shortTime shows a row's time (RFC 3339 in its JSON) to the minute, in
// UTC.
func shortTime(v any) string {
	t, err := time.Parse(time.RFC3339Nano, text(v))
	if err != nil {
		return text(v)
	}
	return t.UTC().Format("2006-01-02 15:04")
}
