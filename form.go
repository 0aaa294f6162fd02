package smmm

import "strings"

// Form is a content type the public posts and an ADMIN handles in an
// inbox: besides Content, it shows generic code its status and the values
// the status may take, the first being that of a new row.
type Form[T any] interface {
	Content[T]
	StatusField() (status *string, values []string)
}

// ValidStatus upper-cases and trims *status and reports whether it is one
// of values.
func ValidStatus(status *string, values []string) bool {
	*status = strings.ToUpper(strings.TrimSpace(*status))
	for _, v := range values {
		if *status == v {
			return true
		}
	}
	return false
}

// formStatus checks a form's status against its values.
func (c checker) formStatus(status *string, values []string) {
	if !ValidStatus(status, values) {
		c.fail("status", "must be one of "+strings.Join(values, ", "))
	}
}
