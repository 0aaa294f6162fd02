package web

import (
	"errors"
	"net/http"
	"strings"

	"smmm"
	"smmm/auth"
	"smmm/store"
)

// usersPage is the data of the users page. Password hashes are never
// part of it.
type usersPage struct {
	adminView
	Users    []userRow
	Roles    []string
	New      map[string]string // what a failed "add" sent, the password left out
	Problems map[string]string // a failed "add"'s problems by field, in the page's language
}

// userRow is one user as the page lists it.
type userRow struct {
	ID, Email, Name, Role, Created string
	Self                           bool
}

func (s *server) adminUserRoutes(rt *router) {
	rt.adminPage("GET /admin/users", s.handleUsers)
	rt.adminPage("POST /admin/users", s.handleUserAdd)
	rt.adminPage("POST /admin/users/{id}/role", s.handleUserRole)
	rt.adminPage("POST /admin/users/{id}/password", s.handleUserPassword)
}

func (s *server) handleUsers(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	return s.renderUsers(w, r, &sess, http.StatusOK, nil, nil, "")
}

func (s *server) renderUsers(w http.ResponseWriter, r *http.Request, sess *auth.Session, status int, values, problems map[string]string, problem string) error {
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	data := usersPage{adminView: s.newAdminView(w, r, sess, "/admin/users", "a_users"), New: values, Problems: map[string]string{},
		Roles: []string{string(smmm.RoleClient), string(smmm.RoleAdmin)}}
	for k, msg := range problems {
		data.Problems[k] = adminFieldMessage(data.Lang, msg)
	}
	if problem != "" {
		data.Problem = data.A(problem)
	}
	for _, u := range users {
		data.Users = append(data.Users, userRow{ID: u.ID, Email: u.Email, Name: text(u.Name), Role: string(u.Role),
			Created: u.CreatedAt.Format("2006-01-02"), Self: u.ID == sess.User.ID})
	}
	return s.render(w, status, "admin/users", data)
}

// handleUserAdd creates a user from email, name, role and password.
func (s *server) handleUserAdd(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	f := r.PostForm
	values := map[string]string{"email": strings.TrimSpace(f.Get("email")), "name": strings.TrimSpace(f.Get("name")), "role": f.Get("role")}
	problems := map[string]string{}
	if values["email"] == "" {
		problems["email"] = "is required"
	} else if !smmm.ValidEmail(values["email"]) {
		problems["email"] = "is not a valid email address"
	}
	role := smmm.Role(values["role"])
	if !role.Valid() {
		problems["role"] = "is required"
	}
	password := f.Get("password")
	if msg := smmm.ValidPassword(password); msg != "" {
		problems["password"] = msg
	}
	if len(problems) > 0 {
		return s.renderUsers(w, r, &sess, http.StatusBadRequest, values, problems, "a_form_errors")
	}
	hash, err := s.auth.HashPassword(password)
	if err != nil {
		return err
	}
	nu := store.NewUser{Email: values["email"], PasswordHash: hash, Role: role}
	if values["name"] != "" {
		name := values["name"]
		nu.Name = &name
	}
	if _, err := s.store.CreateUser(r.Context(), nu); err != nil {
		if problemFor(err).code == smmm.ECONFLICT {
			return s.renderUsers(w, r, &sess, http.StatusConflict, values, nil, "a_email_taken")
		}
		return err
	}
	return redirectDone(w, r, "/admin/users", "user_added")
}

// handleUserRole changes a user's role; the last ADMIN keeps theirs.
func (s *server) handleUserRole(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	err := s.store.SetRole(r.Context(), r.PathValue("id"), smmm.Role(r.PostForm.Get("role")))
	if ae, ok := errors.AsType[*smmm.Error](err); ok && ae.Code == smmm.ECONFLICT {
		return s.renderUsers(w, r, &sess, http.StatusConflict, nil, nil, "a_last_admin")
	}
	if err != nil {
		return err
	}
	return redirectDone(w, r, "/admin/users", "role")
}

// handleUserPassword sets a new password, which ends every session of
// that user (the ADMIN's own too, when it is theirs: they sign in again).
func (s *server) handleUserPassword(w http.ResponseWriter, r *http.Request, sess auth.Session) error {
	password := r.PostForm.Get("password")
	if msg := smmm.ValidPassword(password); msg != "" {
		return s.renderUsers(w, r, &sess, http.StatusBadRequest, nil, nil, "a_password_short")
	}
	hash, err := s.auth.HashPassword(password)
	if err != nil {
		return err
	}
	if err := s.store.ResetPassword(r.Context(), r.PathValue("id"), hash); err != nil {
		return err
	}
	if r.PathValue("id") == sess.User.ID {
		s.clearCookie(w, r)
		return redirectDone(w, r, signinPath, "password")
	}
	return redirectDone(w, r, "/admin/users", "password")
}
