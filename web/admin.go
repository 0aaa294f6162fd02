package web

import (
	"crypto/hmac"
	"errors"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"smmm"
	"smmm/auth"
)

// The admin panel: HTML pages under /admin for a signed-in ADMIN, with a
// sign-in page at /auth/signin. Every page works without JavaScript;
// admin.js only adds live refresh, drag to reorder and image previews.
// Every state change is a POST carrying a token signed for the session
// (adminToken), besides the cross-origin check every request passes.

// signinPath is where the admin panel sends a visitor without a session.
const signinPath = "/auth/signin"

// adminTokenMaxAge is how long an admin form stays valid once served.
const adminTokenMaxAge = 12 * time.Hour

// errFormExpired answers an admin post whose token is missing, malformed,
// too old, or signed for another session or by another process.
var errFormExpired = smmm.Errorf(smmm.EINVALID, "the form has expired; reload the page and send it again")

// errNotAdmin answers a signed-in user who is not an ADMIN.
var errNotAdmin = smmm.Errorf(smmm.EFORBIDDEN, "this needs the ADMIN role")

// adminHandler is an admin page's handler, given the ADMIN's session.
type adminHandler func(w http.ResponseWriter, r *http.Request, sess auth.Session) error

// adminRoutes registers the admin panel and its sign-in.
func (s *server) adminRoutes(rt *router) {
	rt.page("GET "+signinPath, s.handleSigninPage)
	rt.page("POST "+signinPath, s.handleSignin)
	rt.adminPage("POST /auth/signout", s.handleSignout)
	rt.adminPage("GET /admin", s.handleDashboard)
	s.adminInboxRoutes(rt)
	s.adminEditorRoutes(rt)
	s.adminUserRoutes(rt)
}

// adminPage adds an HTML route of the admin panel: the page headers of
// htmlPage, never stored by a cache, only for an ADMIN (a visitor without
// a session is sent to sign in, anyone else gets 403), and a POST only with
// its form's token.
func (rt *router) adminPage(pattern string, h adminHandler) {
	limit := rt.bodyMax
	rt.bodyMax = math.MaxInt64 // limited by htmlPage instead, to answer 413 as a page
	rt.add(pattern, rt.s.htmlPage(limit, rt.s.whenReady(noStore(rt.s.requireAdminPage(h)))))
	rt.bodyMax = limit
}

// adminUpload adds an admin page route whose body may hold images.
func (rt *router) adminUpload(pattern string, h adminHandler) {
	rt.upload().with(func() { rt.adminPage(pattern, h) })
}

// requireAdminPage lets through an ADMIN's request; a POST must carry
// the token of a form served to the same session.
func (s *server) requireAdminPage(next adminHandler) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		sess, err := s.session(w, r)
		if errors.Is(err, auth.ErrNoSession) {
			target := signinPath
			if r.Method == http.MethodGet && r.URL.Path != "/admin" {
				target += "?" + url.Values{"next": {r.URL.RequestURI()}}.Encode()
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return nil
		}
		if err != nil {
			return err
		}
		if sess.User.Role != smmm.RoleAdmin {
			return errNotAdmin
		}
		if r.Method == http.MethodPost {
			if err := parseForm(r, true); err != nil {
				return err
			}
			if !s.pages.validAdminToken(sess.Token, r.PostForm.Get("csrf"), s.Now()) {
				return errFormExpired
			}
		}
		return next(w, r, sess)
	}
}

// adminToken is the hidden token of an admin form served to the session
// token at now: the time, and its signature for that session.
func (p *pages) adminToken(session string, now time.Time) string {
	return p.formToken("admin\x00"+session, now)
}

// validAdminToken reports whether token was made by adminToken for
// session, in this process, at most adminTokenMaxAge ago.
func (p *pages) validAdminToken(session, token string, now time.Time) bool {
	ts, sig, ok := strings.Cut(token, ".")
	ms, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil || !hmac.Equal([]byte(sig), []byte(p.sign("admin\x00"+session, ts))) {
		return false
	}
	age := now.Sub(time.UnixMilli(ms))
	return age >= -time.Minute && age <= adminTokenMaxAge
}

// adminView is what every admin page's data starts with.
type adminView struct {
	Lang     string
	Title    string
	Path     string // the page's path, for the language switch and the menu
	User     *smmm.User
	CSRF     string
	Notice   string // what the last action did (?ok=)
	Problem  string // why the last action failed
	SiteName string
	msgs     map[string]string
}

// A returns the admin message key in the page's language (the site's
// catalogue for the words they share, such as error titles).
func (v adminView) A(key string) string {
	if m, ok := v.msgs[key]; ok {
		return m
	}
	if m, ok := catalogs[v.Lang][key]; ok {
		return m
	}
	return key
}

// OtherLang is the language the switch offers.
func (v adminView) OtherLang() string {
	if v.Lang == langEN {
		return langTR
	}
	return langEN
}

// Nav is the admin menu: path and message key.
func (v adminView) Nav() []adminNavItem {
	items := []adminNavItem{{"/admin", "a_dashboard"}}
	for _, b := range adminInboxes {
		items = append(items, adminNavItem{"/admin/inbox/" + b.name, "a_inbox_" + b.name})
	}
	for _, e := range adminEditors {
		items = append(items, adminNavItem{"/admin/content/" + e.kind, "a_kind_" + e.kind})
	}
	return append(items, adminNavItem{"/admin/about", "a_kind_about"}, adminNavItem{"/admin/settings", "a_settings"},
		adminNavItem{"/admin/users", "a_users"})
}

// adminNavItem is one entry of the admin menu.
type adminNavItem struct{ Path, Key string }

// Current reports whether item is the page shown or the section it is in.
func (v adminView) Current(item adminNavItem) bool {
	return v.Path == item.Path || item.Path != "/admin" && strings.HasPrefix(v.Path, item.Path+"/")
}

// newAdminView starts the data of an admin page at path; sess is nil on
// the sign-in page. A known ?ok= becomes the page's notice.
func (s *server) newAdminView(w http.ResponseWriter, r *http.Request, sess *auth.Session, path, titleKey string) adminView {
	lang := s.pageLang(w, r)
	c, _, err := s.pages.content.get(r.Context())
	if err != nil {
		c = s.pages.content.last() // the name only: the page itself says whether the database answers
	}
	v := adminView{Lang: lang, Path: path, msgs: adminCatalogs[lang], SiteName: c.Info.Name}
	v.Title = v.A(titleKey) + " | " + v.A("a_panel")
	if sess != nil {
		u := sess.User
		v.User = &u
		v.CSRF = s.pages.adminToken(sess.Token, s.Now())
	}
	if ok := r.URL.Query().Get("ok"); ok != "" {
		if _, known := adminCatalogs[lang]["ok_"+ok]; known {
			v.Notice = v.A("ok_" + ok)
		}
	}
	return v
}

// redirectDone answers a successful admin post: back to target with the
// notice of what was done.
func redirectDone(w http.ResponseWriter, r *http.Request, target, done string) error {
	sep := "?"
	if strings.Contains(target, "?") {
		sep = "&"
	}
	http.Redirect(w, r, target+sep+"ok="+url.QueryEscape(done), http.StatusSeeOther)
	return nil
}

// signinPage is the data of the sign-in page.
type signinPage struct {
	adminView
	Token, Email, Next string
}

// safeNext returns next when it is a path of the admin panel, else /admin:
// sign-in never sends anyone to another site.
func safeNext(next string) string {
	if next == "/admin" || strings.HasPrefix(next, "/admin/") || strings.HasPrefix(next, "/admin?") {
		if !strings.ContainsAny(next, "\\\r\n") && !strings.HasPrefix(next, "//") {
			return next
		}
	}
	return "/admin"
}

// handleSigninPage serves GET /auth/signin; an ADMIN already signed in
// goes on to the panel.
func (s *server) handleSigninPage(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	next := safeNext(r.URL.Query().Get("next"))
	if sess, err := s.session(w, r); err == nil && sess.User.Role == smmm.RoleAdmin {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	return s.renderSignin(w, r, http.StatusOK, "", next, "")
}

func (s *server) renderSignin(w http.ResponseWriter, r *http.Request, status int, email, next, problem string) error {
	data := signinPage{adminView: s.newAdminView(w, r, nil, signinPath, "a_signin"), Email: email, Next: next,
		Token: s.pages.formToken("signin", s.Now())}
	if problem != "" {
		data.Problem = data.A(problem)
	}
	return s.render(w, status, "admin/signin", data)
}

// handleSignin takes the sign-in form: the same throttle, check and
// session cookie as POST /api/auth/login. A wrong email or password shows
// the form again (401) with the email kept; too many attempts answer 429.
func (s *server) handleSignin(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	if err := parseForm(r, false); err != nil {
		return err
	}
	email, password := r.PostForm.Get("email"), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	ts, sig, _ := strings.Cut(r.PostForm.Get("token"), ".")
	if !hmac.Equal([]byte(sig), []byte(s.pages.sign("signin", ts))) {
		return s.renderSignin(w, r, http.StatusBadRequest, email, next, "a_form_expired")
	}
	if strings.TrimSpace(email) == "" || password == "" {
		return s.renderSignin(w, r, http.StatusBadRequest, email, next, "a_signin_missing")
	}
	var device string
	if c, err := r.Cookie(DeviceCookieName); err == nil {
		device = c.Value
	}
	sess, err := s.auth.Login(r.Context(), email, password, s.clientAddr(r), device)
	switch {
	case errors.Is(err, auth.ErrMismatch):
		return s.renderSignin(w, r, http.StatusUnauthorized, email, next, "a_signin_wrong")
	case err != nil:
		if te, ok := errors.AsType[*auth.ThrottledError](err); ok {
			w.Header().Set("Retry-After", strconv.Itoa(te.RetryAfterSeconds()))
			return s.renderSignin(w, r, http.StatusTooManyRequests, email, next, "a_signin_throttled")
		}
		return err
	}
	if c, err := r.Cookie(CookieName); err == nil {
		if err := s.auth.Revoke(r.Context(), c.Value); err != nil {
			s.logger.Warn("sign in: end previous session", "request_id", RequestID(r.Context()), "err", err)
		}
	}
	s.setCookie(w, r, sess.Token, sess.Expires)
	s.setDeviceCookie(w, r, signinPath, sess.Device, sess.DeviceExpires)
	if sess.User.Role != smmm.RoleAdmin {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// handleSignout ends the session and sends the browser to the sign-in page.
func (s *server) handleSignout(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	s.clearCookie(w, r)
	if err := s.auth.Revoke(r.Context(), sess.Token); err != nil {
		return err
	}
	return redirectDone(w, r, signinPath, "signed_out")
}
