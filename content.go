package smmm

import (
	"encoding/json"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// Record is what every row of a content table has besides its content: the
// id and the two times. Content types embed it, so that in JSON the three
// fields sit beside the content fields, as the original API answers them.
type Record struct {
	ID        string `json:"id"`
	CreatedAt Time   `json:"createdAt"`
	UpdatedAt Time   `json:"updatedAt"`
}

// Rec returns r. Generic code reaches the Record of any content type
// through it.
func (r *Record) Rec() *Record { return r }

// Content is what generic code needs of a content type T: its Record, the
// column defaults of a new row, tidying (trimming text, blank optional text
// becomes nil) and validation (what is wrong with each field, by JSON name).
type Content[T any] interface {
	*T
	Rec() *Record
	Defaults()
	Normalize()
	Valid() map[string]string
}

// Limits of the columns, as the original's MySQL schema sets them: what a
// column can hold is what validation accepts.
const (
	// MaxVarchar is the length of a VARCHAR(191) column, in characters.
	MaxVarchar = 191
	// MaxTextBytes is the size of a TEXT column on MySQL, in bytes.
	MaxTextBytes = 65535
	// MaxLinkLen is the longest https URL accepted in a LONGTEXT image column.
	MaxLinkLen = 2048
	// MaxItems is the most nested rows (features of a plan) one write takes.
	MaxItems = 100
)

// checker collects what is wrong with each field.
type checker map[string]string

// fail records a problem unless the field already has one.
func (c checker) fail(field, msg string) {
	if _, ok := c[field]; !ok {
		c[field] = msg
	}
}

// str checks a required VARCHAR(191).
func (c checker) str(field, v string) { required(c, field, v, MaxVarchar) }

// optStr checks an optional VARCHAR(191).
func (c checker) optStr(field string, v *string) { optional(c, field, v, MaxVarchar) }

// text checks a required TEXT column: at most MaxTextBytes bytes.
func (c checker) text(field, v string) {
	if required(c, field, v, MaxTextBytes) && len(v) > MaxTextBytes {
		c.fail(field, "must be at most "+strconv.Itoa(MaxTextBytes)+" bytes")
	}
}

// optText checks an optional TEXT column.
func (c checker) optText(field string, v *string) {
	if v != nil {
		c.text(field, *v)
	}
}

// link checks an optional VARCHAR(191) URL: http or https with a host.
func (c checker) link(field string, v *string) {
	if v == nil || !required(c, field, *v, MaxVarchar) {
		return
	}
	if !webURL(*v, false) {
		c.fail(field, "must be an http or https URL")
	}
}

// email checks an optional VARCHAR(191) address.
func (c checker) email(field string, v *string) {
	if v != nil && required(c, field, *v, MaxVarchar) && !ValidEmail(*v) {
		c.fail(field, "is not a valid email address")
	}
}

// phone checks a phone number in a VARCHAR(191).
func (c checker) phone(field, v string) {
	if required(c, field, v, MaxVarchar) {
		if msg := phoneProblem(v); msg != "" {
			c.fail(field, msg)
		}
	}
}

// optPhone checks an optional phone number.
func (c checker) optPhone(field string, v *string) {
	if v != nil {
		c.phone(field, *v)
	}
}

// order checks an INTEGER column.
func (c checker) order(field string, v int) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		c.fail(field, "must be a whole number that fits in 32 bits")
	}
}

// webURL reports whether s is an absolute http(s) URL with a host; with
// httpsOnly, https only.
func webURL(s string, httpsOnly bool) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	return u.Scheme == "https" || !httpsOnly && u.Scheme == "http"
}

// trim trims every string in place.
func trim(ps ...*string) {
	for _, p := range ps {
		*p = strings.TrimSpace(*p)
	}
}

// trimOpt trims every optional string in place; a blank one becomes nil.
func trimOpt(ps ...**string) {
	for _, p := range ps {
		*p = trimOptional(*p)
	}
}

// StringList is a list of strings that a client may send as a JSON array
// or as one string: the JSON text of an array (as the original's admin
// panel sends Service.features) or lines of text. It always encodes as an
// array, [] when nil.
type StringList []string

// UnmarshalJSON accepts an array of strings, a string, or null.
func (l *StringList) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*l = list
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: "value", Type: reflect.TypeFor[StringList]()}
	}
	*l = ParseStringList(s)
	return nil
}

// MarshalJSON encodes l as an array.
func (l StringList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]string(l))
}

// ParseStringList reads a list stored as text: a JSON array of strings, or
// else one item per non-blank line. "" gives an empty list.
func ParseStringList(s string) StringList {
	var list []string
	if json.Unmarshal([]byte(s), &list) == nil && list != nil {
		return list
	}
	out := StringList{}
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// check validates the items of a list stored in a TEXT column.
func (l StringList) check(c checker, field string) {
	if len(l) > MaxItems {
		c.fail(field, "must have at most "+strconv.Itoa(MaxItems)+" items")
	}
	size := 2
	for i, s := range l {
		required(c, field+"["+strconv.Itoa(i)+"]", s, MaxVarchar)
		size += len(s) + 3
	}
	if size > MaxTextBytes {
		c.fail(field, "must be at most "+strconv.Itoa(MaxTextBytes)+" bytes as JSON")
	}
}

// normalize trims the items and drops blank ones.
func (l *StringList) normalize() {
	if *l == nil {
		return
	}
	out := (*l)[:0]
	for _, s := range *l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	*l = out
}

// Reorder is the body of POST .../reorder: new positions for some rows of
// a collection, all applied or none.
type Reorder struct {
	Items []ReorderItem `json:"items"`
}

// ReorderItem is one row's new position.
type ReorderItem struct {
	ID    string `json:"id"`
	Order int    `json:"order"`
}

// Normalize trims the ids.
func (r *Reorder) Normalize() {
	for i := range r.Items {
		trim(&r.Items[i].ID)
	}
}

// Valid says what is wrong with the items.
func (r Reorder) Valid() map[string]string {
	c := checker{}
	if len(r.Items) == 0 {
		c.fail("items", "is required")
	}
	if len(r.Items) > 1000 {
		c.fail("items", "must have at most 1000 items")
	}
	seen := map[string]bool{}
	for i, it := range r.Items {
		p := "items[" + strconv.Itoa(i) + "]."
		c.str(p+"id", it.ID)
		c.order(p+"order", it.Order)
		if seen[it.ID] {
			c.fail(p+"id", "appears twice")
		}
		seen[it.ID] = true
	}
	return c
}
