package smmm

// Role is what a user may do. ADMIN manages the site; CLIENT is the
// default for new users, as in the original schema.
type Role string

// The values of the Role enum.
const (
	RoleAdmin  Role = "ADMIN"
	RoleClient Role = "CLIENT"
)

// Valid reports whether r is ADMIN or CLIENT.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleClient }

// Password length limits. bcrypt ignores bytes past 72, so longer
// passwords are refused rather than silently truncated.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 72
)

// User is an account that can sign in. PasswordHash never leaves the
// server: it has no JSON field.
type User struct {
	ID            string  `json:"id"`
	Name          *string `json:"name"`
	Email         string  `json:"email"`
	EmailVerified *Time   `json:"emailVerified"`
	PasswordHash  string  `json:"-"`
	Role          Role    `json:"role"`
	Image         *string `json:"image"`
	CreatedAt     Time    `json:"createdAt"`
	UpdatedAt     Time    `json:"updatedAt"`
}

// ValidPassword returns a message saying what is wrong with a new
// password, or "" when it is acceptable.
func ValidPassword(p string) string {
	switch {
	case len(p) < MinPasswordLen:
		return "must be at least 10 characters"
	case len(p) > MaxPasswordLen:
		return "must be at most 72 bytes"
	}
	return ""
}
