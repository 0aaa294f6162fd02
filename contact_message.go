package smmm

import (
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Status is where a contact message is in the office's workflow.
type Status string

// The values of the ContactMessageStatus enum.
const (
	StatusNew      Status = "NEW"
	StatusPending  Status = "PENDING"
	StatusReplied  Status = "REPLIED"
	StatusResolved Status = "RESOLVED"
)

// Statuses lists every Status in workflow order.
var Statuses = []Status{StatusNew, StatusPending, StatusReplied, StatusResolved}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusNew, StatusPending, StatusReplied, StatusResolved:
		return true
	}
	return false
}

// ContactMessage is a message sent through the website's contact form.
type ContactMessage struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Subject   string `json:"subject"`
	Message   string `json:"message"`
	Status    Status `json:"status"`
	CreatedAt Time   `json:"createdAt"`
	UpdatedAt Time   `json:"updatedAt"`
}

// NewContactMessage is the input of the contact form.
type NewContactMessage struct {
	Name    string `json:"name"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Subject string `json:"subject"`
	Message string `json:"message"`
}

// Normalize trims surrounding space from every field.
func (n *NewContactMessage) Normalize() {
	for _, p := range []*string{&n.Name, &n.Email, &n.Phone, &n.Subject, &n.Message} {
		*p = strings.TrimSpace(*p)
	}
}

// Valid returns what is wrong with each field, empty when the input is
// acceptable. Call Normalize first.
func (n NewContactMessage) Valid() map[string]string {
	c := checker{}
	c.str("name", n.Name)
	c.email("email", &n.Email)
	c.phone("phone", n.Phone)
	c.str("subject", n.Subject)
	c.text("message", n.Message)
	return c
}

// required records a problem when v is empty, too long or not clean text,
// and reports whether v passed.
func required(problems map[string]string, field, v string, max int) bool {
	switch {
	case v == "":
		problems[field] = "is required"
	case !utf8.ValidString(v) || strings.ContainsRune(v, 0):
		problems[field] = "must be valid UTF-8 text"
	case utf8.RuneCountInString(v) > max:
		problems[field] = "must be at most " + strconv.Itoa(max) + " characters"
	default:
		return true
	}
	return false
}

// ValidEmail reports whether s is a plain address such as a@b.example,
// without a display name or angle brackets.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}

// MinPhoneDigits is how many digits a phone number needs at least.
const MinPhoneDigits = 5

// phoneProblem says what is wrong with a phone number, "" when nothing: it
// may hold only digits, spaces and + ( ) - ., and at least MinPhoneDigits
// digits.
func phoneProblem(s string) string {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-.", r):
		default:
			return "may contain only digits, spaces and + ( ) - ."
		}
	}
	if digits < MinPhoneDigits {
		return "must have at least " + strconv.Itoa(MinPhoneDigits) + " digits"
	}
	return ""
}
