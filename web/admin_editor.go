package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// editField describes one field of a content type's editor form, by the
// JSON name the API uses: the form is turned into the same JSON body the
// API takes, and decoded, normalized and validated the same way.
type editField struct {
	Name string // JSON name; its label is the message "af_"+Name
	Kind string // text, textarea, url, icon, int, bool, lines, features, image, select
	// Required marks the field required in the form (validation decides).
	Required bool
	// Options are a select's choices; categories fills them from the FAQ
	// categories instead.
	Options    []string
	categories bool
}

// editorSpec is a content type's editor: its route kind (the API's last
// path element; also the /media kind of its images) and fields. Fields
// "isActive" and "order" are handled by the list (toggle, reorder).
type editorSpec struct {
	kind     string
	fields   []editField
	active   bool // has isActive
	ordered  bool // has order
	titleKey string
}

// adminEditors are the collections the panel edits, in menu order.
var adminEditors = []*editorSpec{
	{kind: "hero", active: true, ordered: true, titleKey: "title", fields: []editField{
		{Name: "title", Kind: "text", Required: true}, {Name: "subtitle", Kind: "textarea", Required: true},
		{Name: "description", Kind: "textarea"}, {Name: "buttonText", Kind: "text"}, {Name: "buttonUrl", Kind: "url"},
		{Name: "image", Kind: "image"}}},
	{kind: "services", active: true, ordered: true, titleKey: "title", fields: []editField{
		{Name: "icon", Kind: "icon"}, {Name: "title", Kind: "text", Required: true},
		{Name: "description", Kind: "textarea", Required: true}, {Name: "features", Kind: "lines"}}},
	{kind: "workflow", ordered: true, titleKey: "title", fields: []editField{
		{Name: "icon", Kind: "icon"}, {Name: "title", Kind: "text", Required: true},
		{Name: "description", Kind: "textarea", Required: true}}},
	{kind: "pricing", active: true, ordered: true, titleKey: "name", fields: []editField{
		{Name: "name", Kind: "text", Required: true}, {Name: "price", Kind: "text", Required: true},
		{Name: "period", Kind: "text"}, {Name: "description", Kind: "textarea"}, {Name: "isPopular", Kind: "bool"},
		{Name: "features", Kind: "features"}}},
	{kind: "testimonials", active: true, ordered: true, titleKey: "name", fields: []editField{
		{Name: "name", Kind: "text", Required: true}, {Name: "position", Kind: "text", Required: true},
		{Name: "company", Kind: "text"}, {Name: "content", Kind: "textarea", Required: true},
		{Name: "rating", Kind: "select", Options: []string{"5", "4", "3", "2", "1"}}, {Name: "avatar", Kind: "image"}}},
	{kind: "team", active: true, ordered: true, titleKey: "name", fields: []editField{
		{Name: "name", Kind: "text", Required: true}, {Name: "position", Kind: "text", Required: true},
		{Name: "bio", Kind: "textarea"}, {Name: "email", Kind: "text"}, {Name: "phone", Kind: "text"},
		{Name: "linkedinUrl", Kind: "url"}, {Name: "avatar", Kind: "image"}}},
	{kind: "clients", active: true, ordered: true, titleKey: "name", fields: []editField{
		{Name: "name", Kind: "text", Required: true}, {Name: "description", Kind: "textarea"},
		{Name: "url", Kind: "url"}, {Name: "logo", Kind: "image", Required: true}}},
	{kind: "faq-categories", ordered: true, titleKey: "name", fields: []editField{
		{Name: "name", Kind: "text", Required: true}, {Name: "slug", Kind: "text"}}},
	{kind: "faq", ordered: true, titleKey: "question", fields: []editField{
		{Name: "categoryId", Kind: "select", Required: true, categories: true},
		{Name: "question", Kind: "text", Required: true}, {Name: "answer", Kind: "textarea", Required: true}}},
}

// settingsFields are the fields of the site settings form.
var settingsFields = []editField{
	{Name: "siteName", Kind: "text", Required: true}, {Name: "siteDescription", Kind: "textarea"},
	{Name: "phone", Kind: "text"}, {Name: "email", Kind: "text"}, {Name: "address", Kind: "textarea"},
	{Name: "mapEmbedUrl", Kind: "url"}, {Name: "mapLatitude", Kind: "text"}, {Name: "mapLongitude", Kind: "text"},
	{Name: "facebookUrl", Kind: "url"}, {Name: "twitterUrl", Kind: "url"}, {Name: "linkedinUrl", Kind: "url"},
	{Name: "instagramUrl", Kind: "url"}, {Name: "youtubeUrl", Kind: "url"},
	{Name: "favicon", Kind: "image"}, {Name: "brandIcon", Kind: "image"},
}

// aboutFields are the fields of the about form; its features are lines of
// "Icon | Title | Description".
var aboutFields = []editField{
	{Name: "title", Kind: "text", Required: true}, {Name: "subtitle", Kind: "textarea"},
	{Name: "description", Kind: "textarea", Required: true}, {Name: "image", Kind: "image"},
	{Name: "aboutFeatures", Kind: "textarea"},
}

// row is a stored row as the editor shows it: its JSON fields, images as
// /media links.
type row map[string]any

// ID is the row's id.
func (r row) ID() string { s, _ := r["id"].(string); return s }

// editorOps are the store calls of one collection, with rows as JSON.
type editorOps struct {
	list    func(ctx context.Context) ([]row, error)
	create  func(ctx context.Context, body []byte) error
	update  func(ctx context.Context, id string, body []byte) error
	del     func(ctx context.Context, id string) error
	reorder func(ctx context.Context, items []smmm.ReorderItem) error
}

// collectionOps binds a store collection to the editor: create and update
// decode, normalize and validate the body exactly as the API's POST and
// PATCH do.
func collectionOps[T any, P smmm.Content[T]](kind string, c store.Collection[T, P]) editorOps {
	return editorOps{
		list: func(ctx context.Context) ([]row, error) {
			list, err := c.List(ctx, true)
			if err != nil {
				return nil, err
			}
			out := make([]row, 0, len(list))
			for i := range list {
				linkImages(kind, P(&list[i]))
				out = append(out, asRow(&list[i]))
			}
			return out, nil
		},
		create: func(ctx context.Context, body []byte) error {
			var v T
			P(&v).Defaults()
			if err := patchValid(body, P(&v)); err != nil {
				return err
			}
			_, err := c.Create(ctx, v)
			return err
		},
		update: func(ctx context.Context, id string, body []byte) error {
			_, err := c.Update(ctx, id, func(v P) error { return patchValid(body, v) })
			return err
		},
		del:     c.Delete,
		reorder: c.Reorder,
	}
}

// asRow turns a value into its JSON fields.
func asRow(v any) row {
	b, err := json.Marshal(v)
	out := row{}
	if err == nil {
		_ = json.Unmarshal(b, &out) // it was just encoded
	}
	return out
}

// ops returns the store calls of the editor of kind.
func (s *server) ops(kind string) editorOps {
	st := s.store
	switch kind {
	case "hero":
		return collectionOps(kind, st.HeroSlides())
	case "services":
		return collectionOps(kind, st.Services())
	case "workflow":
		return collectionOps(kind, st.WorkflowSteps())
	case "pricing":
		return collectionOps(kind, st.PricingPlans())
	case "testimonials":
		return collectionOps(kind, st.Testimonials())
	case "team":
		return collectionOps(kind, st.TeamMembers())
	case "clients":
		return collectionOps(kind, st.ClientLogos())
	case "faq-categories":
		return collectionOps(kind, st.FAQCategories())
	default:
		return collectionOps(kind, st.FAQs())
	}
}

// editorFor returns the editor of the request's {kind}, or a 404.
func editorFor(r *http.Request) (*editorSpec, error) {
	for _, e := range adminEditors {
		if e.kind == r.PathValue("kind") {
			return e, nil
		}
	}
	return nil, db.ErrNotFound
}

// editFieldView is one field of an editor form as its template shows it.
type editFieldView struct {
	editField
	Label, Value, Error, Preview string
	Checked                      bool
	Choices                      []choice
}

// choice is one option of a select.
type choice struct {
	Value, Label string
	Selected     bool
}

// listPage is the data of an editor's list.
type listPage struct {
	adminView
	Kind             string
	Rows             []listRow
	Active, Ordered  bool
	NewPath, Reorder string
}

// listRow is one row of an editor's list.
type listRow struct {
	ID, Title, Edit string
	Active, First   bool
	Last            bool
	Image           string
}

// editFormPage is the data of an editor's form, and of the about and
// settings forms.
type editFormPage struct {
	adminView
	Heading   string
	Action    string
	Back      string
	Fields    []editFieldView
	Multipart bool
	New       bool
}

// adminEditorRoutes registers the editors, about and the site settings.
func (s *server) adminEditorRoutes(rt *router) {
	rt.adminPage("GET /admin/content/{kind}", s.handleEditorList)
	rt.adminPage("GET /admin/content/{kind}/new", s.handleEditorForm)
	rt.adminUpload("POST /admin/content/{kind}", s.handleEditorSave)
	rt.adminPage("GET /admin/content/{kind}/{id}", s.handleEditorForm)
	rt.adminUpload("POST /admin/content/{kind}/{id}", s.handleEditorSave)
	rt.adminPage("POST /admin/content/{kind}/{id}/toggle", s.handleEditorToggle)
	rt.adminPage("POST /admin/content/{kind}/{id}/move", s.handleEditorMove)
	rt.adminPage("POST /admin/content/{kind}/reorder", s.handleEditorReorder)
	rt.adminPage("GET /admin/content/{kind}/{id}/delete", s.handleEditorConfirm)
	rt.adminPage("POST /admin/content/{kind}/{id}/delete", s.handleEditorDelete)
	rt.adminPage("GET /admin/about", s.handleAboutForm)
	rt.adminUpload("POST /admin/about", s.handleAboutSave)
	rt.adminPage("GET /admin/settings", s.handleSettingsForm)
	rt.adminUpload("POST /admin/settings", s.handleSettingsSave)
}

func (s *server) handleEditorList(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	rows, err := s.ops(e.kind).list(r.Context())
	if err != nil {
		return err
	}
	base := "/admin/content/" + e.kind
	data := listPage{adminView: s.newAdminView(w, r, &sess, base, "a_kind_"+e.kind), Kind: e.kind,
		Active: e.active, Ordered: e.ordered, NewPath: base + "/new", Reorder: base + "/reorder"}
	for i, rw := range rows {
		lr := listRow{ID: rw.ID(), Title: text(rw[e.titleKey]), Edit: base + "/" + rw.ID(), First: i == 0, Last: i == len(rows)-1}
		lr.Active, _ = rw["isActive"].(bool)
		for _, f := range e.fields {
			if f.Kind == "image" && lr.Image == "" {
				lr.Image = imageSrc(rw[f.Name])
			}
		}
		data.Rows = append(data.Rows, lr)
	}
	return s.render(w, http.StatusOK, "admin/list", data)
}

// findRow returns the row id of rows, or a 404.
func findRow(rows []row, id string) (row, int, error) {
	for i, rw := range rows {
		if rw.ID() == id {
			return rw, i, nil
		}
	}
	return nil, 0, db.ErrNotFound
}

func (s *server) handleEditorForm(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	var current row
	if id != "" {
		rows, err := s.ops(e.kind).list(r.Context())
		if err != nil {
			return err
		}
		if current, _, err = findRow(rows, id); err != nil {
			return err
		}
	}
	return s.renderEditor(w, r, &sess, e, id, http.StatusOK, current, nil)
}

// renderEditor shows the form of e for the row id ("" for a new one) with
// values and the problems of a post that failed.
func (s *server) renderEditor(w http.ResponseWriter, r *http.Request, sess *auth.Session, e *editorSpec, id string, status int, values row, problems map[string]string) error {
	base := "/admin/content/" + e.kind
	titleKey, action := "a_edit", base+"/"+id
	if id == "" {
		titleKey, action = "a_new", base
	}
	data := editFormPage{adminView: s.newAdminView(w, r, sess, base, "a_kind_"+e.kind), Action: action, Back: base, New: id == ""}
	data.Heading = data.A(titleKey) + ": " + data.A("a_kind_"+e.kind)
	data.Title = data.Heading + " | " + data.A("a_panel")
	fields, err := s.fieldViews(r.Context(), &data.adminView, e.fields, values, problems)
	if err != nil {
		return err
	}
	data.Fields, data.Multipart = fields, hasImage(e.fields)
	if len(problems) > 0 {
		data.Problem = data.A("a_form_errors")
	}
	return s.render(w, status, "admin/form", data)
}

func hasImage(fields []editField) bool {
	return slices.ContainsFunc(fields, func(f editField) bool { return f.Kind == "image" })
}

// fieldViews prepares fields for a form: labels, the values of v (a
// stored row, or what a failed post sent), each problem by its field.
func (s *server) fieldViews(ctx context.Context, v *adminView, fields []editField, values row, problems map[string]string) ([]editFieldView, error) {
	var out []editFieldView
	for _, f := range fields {
		fv := editFieldView{editField: f, Label: v.A("af_" + f.Name)}
		for k, msg := range problems {
			if k == f.Name || strings.HasPrefix(k, f.Name+"[") || strings.HasPrefix(k, f.Name+".") {
				fv.Error = adminFieldMessage(v.Lang, msg)
				break
			}
		}
		switch val := values[f.Name].(type) {
		case string:
			fv.Value = val
		case float64:
			fv.Value = strconv.FormatFloat(val, 'f', -1, 64)
		case bool:
			fv.Checked = val
		case []any:
			var lines []string
			for _, item := range val {
				switch it := item.(type) {
				case string:
					lines = append(lines, it)
				case map[string]any:
					line := text(it["text"])
					if inc, ok := it["isIncluded"].(bool); ok && !inc {
						line = "- " + line
					}
					lines = append(lines, line)
				}
			}
			fv.Value = strings.Join(lines, "\n")
		}
		if f.Kind == "image" {
			// Only an image this site serves is shown; another site's is
			// named, never loaded.
			fv.Preview = imageSrc(fv.Value)
		}
		if f.Kind == "select" {
			opts := f.Options
			labels := f.Options
			if f.categories {
				cats, err := s.store.FAQCategories().List(ctx, true)
				if err != nil {
					return nil, err
				}
				opts, labels = nil, nil
				for _, c := range cats {
					opts, labels = append(opts, c.ID), append(labels, c.Name)
				}
			}
			for i, o := range opts {
				fv.Choices = append(fv.Choices, choice{Value: o, Label: labels[i], Selected: o == fv.Value})
			}
		}
		out = append(out, fv)
	}
	return out, nil
}

// formBody turns a posted editor form into the JSON body the API takes:
// text as strings, numbers, checkboxes as booleans, lines as lists, and an
// uploaded image as the data: URL the column stores (an image not sent is
// left as it is; "remove" clears it). values is what to show again when
// the form fails.
func formBody(r *http.Request, fields []editField) (body map[string]any, values row, problems map[string]string) {
	body, values, problems = map[string]any{}, row{}, map[string]string{}
	for _, f := range fields {
		v := r.PostForm.Get(f.Name)
		switch f.Kind {
		case "bool":
			on := v != ""
			body[f.Name], values[f.Name] = on, on
		case "int", "select":
			values[f.Name] = v
			if f.Kind == "select" && !slices.Contains(f.Options, v) && !f.categories {
				problems[f.Name] = "is required"
				continue
			}
			if n, err := strconv.Atoi(v); err == nil && !f.categories {
				body[f.Name] = n
			} else {
				body[f.Name] = v
			}
		case "lines", "features":
			values[f.Name] = v
			var list []any
			for line := range strings.Lines(v) {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				if f.Kind == "features" {
					t, excluded := strings.CutPrefix(line, "- ")
					list = append(list, map[string]any{"text": strings.TrimSpace(t), "isIncluded": !excluded})
				} else {
					list = append(list, line)
				}
			}
			if list == nil {
				list = []any{}
			}
			body[f.Name] = list
		case "image":
			if r.PostForm.Get(f.Name+"-remove") != "" {
				body[f.Name] = nil
				continue
			}
			img, err := imageUpload(r, f.Name)
			switch {
			case err != nil:
				problems[f.Name] = err.Error()
			case img != "":
				body[f.Name] = img
			}
		default:
			body[f.Name], values[f.Name] = v, v
		}
	}
	return body, values, problems
}

// imageUpload returns the image sent as field as a base64 data: URL of the
// type its bytes show, "" when no file was chosen. The column's own check
// (smmm's image validation) then decides whether it is acceptable.
func imageUpload(r *http.Request, field string) (string, error) {
	if r.MultipartForm == nil {
		return "", nil
	}
	file, _, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return "", nil
	}
	if err != nil {
		return "", errors.New("malformed file upload")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, smmm.MaxImageBytes+1))
	if err != nil {
		return "", errors.New("the file could not be read")
	}
	if len(data) == 0 {
		return "", nil
	}
	if len(data) > smmm.MaxImageBytes {
		return "", errors.New("must be at most " + strconv.Itoa(smmm.MaxImageBytes>>20) + " MB")
	}
	typ := smmm.SniffType(data)
	if typ == "" {
		typ = "application/octet-stream"
	}
	return "data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

// fieldProblems returns the per-field messages of a validation error.
func fieldProblems(err error) (map[string]string, bool) {
	if ae, ok := errors.AsType[*smmm.Error](err); ok && ae.Code == smmm.EINVALID && len(ae.Fields) > 0 {
		return ae.Fields, true
	}
	return nil, false
}

func (s *server) handleEditorSave(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	ops := s.ops(e.kind)
	body, values, problems := formBody(r, e.fields)
	if len(problems) == 0 {
		if id == "" && e.ordered {
			rows, err := ops.list(r.Context())
			if err != nil {
				return err
			}
			body["order"] = len(rows)
		}
		b, _ := json.Marshal(body) // maps of strings, numbers, booleans and lists
		if id == "" {
			err = ops.create(r.Context(), b)
		} else {
			err = ops.update(r.Context(), id, b)
		}
		if err == nil {
			s.pages.content.invalidate()
			return redirectDone(w, r, "/admin/content/"+e.kind, "saved")
		}
		var ok bool
		if problems, ok = fieldProblems(err); !ok {
			return err
		}
	}
	if id != "" {
		// Show the stored images again next to the fields sent.
		if rows, err := ops.list(r.Context()); err == nil {
			if cur, _, err := findRow(rows, id); err == nil {
				for _, f := range e.fields {
					if f.Kind == "image" {
						values[f.Name] = cur[f.Name]
					}
				}
			}
		}
	}
	return s.renderEditor(w, r, &sess, e, id, http.StatusBadRequest, values, problems)
}

func (s *server) handleEditorToggle(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	if !e.active {
		return db.ErrNotFound
	}
	ops := s.ops(e.kind)
	rows, err := ops.list(r.Context())
	if err != nil {
		return err
	}
	cur, _, err := findRow(rows, r.PathValue("id"))
	if err != nil {
		return err
	}
	active, _ := cur["isActive"].(bool)
	b, _ := json.Marshal(map[string]any{"isActive": !active}) // a boolean
	if err := ops.update(r.Context(), cur.ID(), b); err != nil {
		return err
	}
	s.pages.content.invalidate()
	return redirectDone(w, r, "/admin/content/"+e.kind, "saved")
}

// handleEditorMove moves a row one place up or down (dir=up|down): every
// row gets its position as order, in one transaction.
func (s *server) handleEditorMove(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	e, ops, rows, err := s.orderedRows(r)
	if err != nil {
		return err
	}
	_, i, err := findRow(rows, r.PathValue("id"))
	if err != nil {
		return err
	}
	j := i - 1
	if r.PostForm.Get("dir") == "down" {
		j = i + 1
	}
	if j >= 0 && j < len(rows) {
		rows[i], rows[j] = rows[j], rows[i]
		if err := s.applyOrder(r.Context(), ops, rows); err != nil {
			return err
		}
	}
	return redirectDone(w, r, "/admin/content/"+e.kind, "moved")
}

// handleEditorReorder takes the whole order at once (ids, one per "id"
// field, as admin.js sends it after a drag): the rows named come first in
// that order, the others after them as they were.
func (s *server) handleEditorReorder(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	e, ops, rows, err := s.orderedRows(r)
	if err != nil {
		return err
	}
	var ordered []row
	for _, id := range r.PostForm["id"] {
		rw, _, err := findRow(rows, id)
		if err != nil {
			return smmm.Invalid(map[string]string{"id": "names no row"})
		}
		if !slices.ContainsFunc(ordered, func(o row) bool { return o.ID() == id }) {
			ordered = append(ordered, rw)
		}
	}
	for _, rw := range rows {
		if !slices.ContainsFunc(ordered, func(o row) bool { return o.ID() == rw.ID() }) {
			ordered = append(ordered, rw)
		}
	}
	if err := s.applyOrder(r.Context(), ops, ordered); err != nil {
		return err
	}
	return redirectDone(w, r, "/admin/content/"+e.kind, "moved")
}

// orderedRows returns the editor of the request's {kind}, which must keep
// an order, its operations and its rows in their order.
func (s *server) orderedRows(r *http.Request) (*editorSpec, editorOps, []row, error) {
	e, err := editorFor(r)
	if err != nil {
		return nil, editorOps{}, nil, err
	}
	if !e.ordered {
		return nil, editorOps{}, nil, db.ErrNotFound
	}
	ops := s.ops(e.kind)
	rows, err := ops.list(r.Context())
	return e, ops, rows, err
}

// applyOrder stores each row's position as its order.
func (s *server) applyOrder(ctx context.Context, ops editorOps, rows []row) error {
	items := make([]smmm.ReorderItem, len(rows))
	for i, rw := range rows {
		items[i] = smmm.ReorderItem{ID: rw.ID(), Order: i}
	}
	if err := ops.reorder(ctx, items); err != nil {
		return err
	}
	s.pages.content.invalidate()
	return nil
}

// confirmPage is the data of a page that asks before deleting.
type confirmPage struct {
	adminView
	What, Action, Back string
}

func (s *server) handleEditorConfirm(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	rows, err := s.ops(e.kind).list(r.Context())
	if err != nil {
		return err
	}
	cur, _, err := findRow(rows, r.PathValue("id"))
	if err != nil {
		return err
	}
	base := "/admin/content/" + e.kind
	data := confirmPage{adminView: s.newAdminView(w, r, &sess, base, "a_delete"), What: text(cur[e.titleKey]),
		Action: base + "/" + cur.ID() + "/delete", Back: base}
	return s.render(w, http.StatusOK, "admin/confirm", data)
}

func (s *server) handleEditorDelete(w http.ResponseWriter, r *http.Request, _ auth.Session) error {
	e, err := editorFor(r)
	if err != nil {
		return err
	}
	if err := s.ops(e.kind).del(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	s.pages.content.invalidate()
	return redirectDone(w, r, "/admin/content/"+e.kind, "deleted")
}

// renderSingle shows the form of a one-row content (about, the settings)
// at path.
func (s *server) renderSingle(w http.ResponseWriter, r *http.Request, sess *auth.Session, path, titleKey string, fields []editField, status int, values row, problems map[string]string) error {
	data := editFormPage{adminView: s.newAdminView(w, r, sess, path, titleKey), Action: path, Back: "/admin", Multipart: true}
	data.Heading = data.A(titleKey)
	fv, err := s.fieldViews(r.Context(), &data.adminView, fields, values, problems)
	if err != nil {
		return err
	}
	data.Fields = fv
	if len(problems) > 0 {
		data.Problem = data.A("a_form_errors")
	}
	return s.render(w, status, "admin/form", data)
}

func (s *server) handleSettingsForm(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	v, err := s.store.SiteSettings(r.Context())
	if errors.Is(err, db.ErrNotFound) {
		v, err = defaultSiteSettings(), nil
	}
	if err != nil {
		return err
	}
	linkImages("site-settings", &v)
	return s.renderSingle(w, r, &sess, "/admin/settings", "a_settings", settingsFields, http.StatusOK, asRow(&v), nil)
}

func (s *server) handleSettingsSave(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	body, values, problems := formBody(r, settingsFields)
	if len(problems) == 0 {
		b, _ := json.Marshal(body) // strings and nulls
		_, err := s.store.PutSiteSettings(r.Context(), func(v *smmm.SiteSettings) error { return patchValid(b, v) })
		if err == nil {
			s.pages.content.invalidate()
			return redirectDone(w, r, "/admin/settings", "saved")
		}
		var ok bool
		if problems, ok = fieldProblems(err); !ok {
			return err
		}
	}
	return s.renderSingle(w, r, &sess, "/admin/settings", "a_settings", settingsFields, http.StatusBadRequest, values, problems)
}

// aboutRow is the about section as its form shows it: features as lines
// of "Icon | Title | Description", "- " before a hidden one.
func aboutRow(sec smmm.AboutSection) row {
	linkImages("about", &sec)
	rw := asRow(&sec)
	var lines []string
	for _, f := range sec.Features {
		line := text(f.Icon) + " | " + f.Title + " | " + f.Description
		if !f.IsActive {
			line = "- " + line
		}
		lines = append(lines, line)
	}
	rw["aboutFeatures"] = strings.Join(lines, "\n")
	return rw
}

func (s *server) handleAboutForm(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	sec, err := s.store.About(r.Context())
	if errors.Is(err, db.ErrNotFound) {
		sec, err = defaultAbout(), nil
	}
	if err != nil {
		return err
	}
	return s.renderSingle(w, r, &sess, "/admin/about", "a_kind_about", aboutFields, http.StatusOK, aboutRow(sec), nil)
}

// handleAboutSave writes the section and its features as POST
// /api/content/about does; an image not sent again stays.
func (s *server) handleAboutSave(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	body, values, problems := formBody(r, aboutFields)
	if len(problems) == 0 {
		var features []map[string]any
		for line := range strings.Lines(text(body["aboutFeatures"])) {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			line, hidden := strings.CutPrefix(line, "- ")
			parts := strings.SplitN(line, "|", 3)
			for len(parts) < 3 {
				parts = append([]string{""}, parts...)
			}
			features = append(features, map[string]any{"icon": strings.TrimSpace(parts[0]), "title": strings.TrimSpace(parts[1]),
				"description": strings.TrimSpace(parts[2]), "isActive": !hidden})
		}
		delete(body, "aboutFeatures")
		body["features"] = features
		if _, sent := body["image"]; !sent {
			cur, err := s.store.About(r.Context())
			switch {
			case err == nil:
				body["image"] = cur.Image
			case !errors.Is(err, db.ErrNotFound):
				return err
			}
		}
		b, _ := json.Marshal(body) // strings, lists and nulls
		var in smmm.AboutInput
		err := strictDecode(b, &in, true)
		if err == nil {
			in.Normalize()
			err = smmm.Invalid(in.Valid())
		}
		if err == nil {
			_, err = s.store.PutAbout(r.Context(), in)
		}
		if err == nil {
			s.pages.content.invalidate()
			return redirectDone(w, r, "/admin/about", "saved")
		}
		var ok bool
		if problems, ok = fieldProblems(err); !ok {
			return err
		}
		for k, v := range problems {
			if strings.HasPrefix(k, "features") {
				problems["aboutFeatures"] = v
			}
		}
	}
	return s.renderSingle(w, r, &sess, "/admin/about", "a_kind_about", aboutFields, http.StatusBadRequest, values, problems)
}
