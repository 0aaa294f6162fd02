package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"smmm"
)

// minFillTime is how long a person takes at least to fill in a form; a
// post sooner after the form was served is taken for a bot's and dropped.
const minFillTime = 3 * time.Second

// honeypotField is a form field hidden from people by the stylesheet; a
// post that fills it in is a bot's and is dropped.
const honeypotField = "website"

// sentParam marks the page a successful post redirects to.
const sentParam = "gonderildi"

// formSpec describes one public form of the pages.
type formSpec struct {
	name      string // its throttle ("contact", "quote", "job"), shared with the API
	path      string // where it is shown and posted
	page      string // its template
	titleKey  string
	descKey   string
	sentKey   string
	multipart bool
	fields    func(p *page, c *siteContent) []fieldSpec
	// save builds the row from the values (and the CV), normalizes and
	// validates it and, when it is valid, stores it. It returns the
	// validation problems by form field, nothing stored when there are any.
	save func(ctx context.Context, s *server, v map[string]string, cv *upload) (map[string]string, error)
}

// fieldSpec is one field of a form.
type fieldSpec struct {
	Name         string
	Kind         string // text, email, tel, textarea, select, file
	Autocomplete string
	Required     bool
	Options      []option
}

// option is one choice of a select field.
type option struct{ Value, Label string }

// upload is a file sent with a form.
type upload struct {
	name string
	data []byte
}

// formView is a form as its template shows it.
type formView struct {
	Name, Action, Token string
	Multipart           bool
	Sent                bool // the thanks of a post that succeeded
	Fields              []fieldView
	Notice              string // above the fields: why the form is shown again
	// The form's own words, in the page's language.
	SendLabel, SendAnother, RequiredNote, HoneypotLabel string
}

// fieldView is one field with its label, the value to show and its error.
type fieldView struct {
	fieldSpec
	Label, Value, Error string
	Options             []optionView
}

// optionView is one choice with whether it is the chosen one.
type optionView struct {
	option
	Selected bool
}

// formPage is the data of a page with a form.
type formPage struct {
	page
	C    *siteContent
	Form formView
}

// view prepares the form for a page: labels in its language, the values
// and errors of a post that failed validation, and a fresh token unless
// token is given.
func (f *formSpec) view(p *page, c *siteContent, token string, values, problems map[string]string) formView {
	v := formView{Name: f.name, Action: f.path, Token: token, Multipart: f.multipart,
		SendLabel: p.T("send"), SendAnother: p.T("send_another"), RequiredNote: p.T("required_note"), HoneypotLabel: p.T("f_website")}
	for _, spec := range f.fields(p, c) {
		fv := fieldView{fieldSpec: spec, Label: p.T("f_" + spec.Name), Value: values[spec.Name]}
		if msg, ok := problems[spec.Name]; ok {
			fv.Error = fieldMessage(p.Lang, msg)
		}
		for _, o := range spec.Options {
			fv.Options = append(fv.Options, optionView{option: o, Selected: o.Value == fv.Value})
		}
		v.Fields = append(v.Fields, fv)
	}
	return v
}

// handleFormPage serves GET of a form's page; ?gonderildi=1 shows the
// thanks of a successful post instead of the form.
func (s *server) handleFormPage(f *formSpec) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.content(w, r)
		if err != nil {
			return err
		}
		data := formPage{page: s.newPage(w, r, c, f.path, f.titleKey, f.descKey), C: c}
		data.Form = f.view(&data.page, c, s.pages.formToken(f.name, s.Now()), nil, nil)
		if r.URL.Query().Get(sentParam) == "1" {
			data.Form.Sent, data.Form.Notice = true, data.T(f.sentKey)
		}
		return s.render(w, http.StatusOK, f.page, data)
	}
}

// handleFormPost takes a form posted without JavaScript: a bot's post
// (honeypot filled in, sent too fast, no token) is dropped as if it had
// succeeded; an invalid one shows the form again with each problem next
// to its field and the input kept (400); a valid one is stored and
// redirected (303) to the page's thanks.
func (s *server) handleFormPost(f *formSpec) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := parseForm(r, f.multipart); err != nil {
			return err
		}
		sent := f.path + "?" + sentParam + "=1"
		token := r.PostForm.Get("token")
		verdict, reason := s.pages.check(f.name, token, r.PostForm.Get(honeypotField), s.Now())
		if verdict == tokenBot {
			s.logger.Info("form post dropped", "request_id", RequestID(r.Context()), "form", f.name, "reason", reason)
			http.Redirect(w, r, sent, http.StatusSeeOther)
			return nil
		}
		values := map[string]string{}
		for k := range r.PostForm {
			values[k] = r.PostForm.Get(k)
		}
		if verdict == tokenUnknown {
			return s.renderForm(w, r, f, http.StatusBadRequest, s.pages.formToken(f.name, s.Now()), values, nil, "form_again")
		}
		var cv *upload
		if f.multipart {
			var err error
			if cv, err = formFile(r, "cv"); err != nil {
				return err
			}
		}
		problems, err := f.save(r.Context(), s, values, cv)
		if err != nil {
			return err
		}
		if len(problems) == 0 {
			http.Redirect(w, r, sent, http.StatusSeeOther)
			return nil
		}
		return s.renderForm(w, r, f, http.StatusBadRequest, token, values, problems, "form_errors")
	}
}

// renderForm shows f's page with status, the form holding token and the
// values sent, each problem next to its field and the message notice
// above them.
func (s *server) renderForm(w http.ResponseWriter, r *http.Request, f *formSpec, status int, token string, values, problems map[string]string, notice string) error {
	c, err := s.content(w, r)
	if err != nil {
		return err
	}
	data := formPage{page: s.newPage(w, r, c, f.path, f.titleKey, f.descKey), C: c}
	data.Form = f.view(&data.page, c, token, values, problems)
	data.Form.Notice = data.T(notice)
	return s.render(w, status, f.page, data)
}

// parseForm reads a form body: URL-encoded or, with multipart, multipart.
func parseForm(r *http.Request, multipart bool) error {
	var err error
	if multipart && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(1 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return errBodyTooLarge
		}
		return smmm.Errorf(smmm.EINVALID, "malformed form body")
	}
	return nil
}

// formFile returns the file sent as field, nil when none was chosen.
func formFile(r *http.Request, field string) (*upload, error) {
	file, header, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, nil
	}
	if err != nil {
		return nil, smmm.Errorf(smmm.EINVALID, "malformed file upload")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, smmm.MaxCVBytes+1))
	if err != nil {
		return nil, smmm.Errorf(smmm.EINVALID, "the file could not be read")
	}
	if len(data) == 0 {
		return nil, nil
	}
	name := filepath.Base(strings.ReplaceAll(header.Filename, "\\", "/"))
	return &upload{name: name, data: data}, nil
}

// formToken is the hidden token of a form served at now: the time, and
// its signature with this process's key.
func (p *pages) formToken(form string, now time.Time) string {
	ts := strconv.FormatInt(now.UnixMilli(), 10)
	return ts + "." + p.sign(form, ts)
}

func (p *pages) sign(form, ts string) string {
	mac := hmac.New(sha256.New, p.formKey)
	mac.Write([]byte(form + "\x00" + ts))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil)[:18])
}

// tokenCheck is what a form's token and honeypot say about a post.
type tokenCheck int

const (
	tokenOK      tokenCheck = iota
	tokenBot                // honeypot filled in, no token, or posted too fast: drop it
	tokenUnknown            // signed with another key: ask the person to send again
)

// check says whether a post looks like a bot's: the honeypot is filled
// in, the token is missing or malformed, or the form was posted less than
// minFillTime after it was served. A well-formed token with a signature
// of another key (another instance served the form, or this one
// restarted: the key is per process) cannot be believed on its time; the
// form is shown again, input kept, to be sent once more.
func (p *pages) check(form, token, honeypot string, now time.Time) (tokenCheck, string) {
	if honeypot != "" {
		return tokenBot, "honeypot"
	}
	ts, sig, ok := strings.Cut(token, ".")
	ms, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil || sig == "" {
		return tokenBot, "no token"
	}
	if !hmac.Equal([]byte(sig), []byte(p.sign(form, ts))) {
		return tokenUnknown, "unknown token"
	}
	if now.Sub(time.UnixMilli(ms)) < minFillTime {
		return tokenBot, "too fast"
	}
	return tokenOK, ""
}
