package smmm

import (
	"regexp"
	"strings"
)

// FAQCategory groups questions; its name and slug are unique.
type FAQCategory struct {
	Record
	Name  string `json:"name"`
	Slug  string `json:"slug"`
	Order int    `json:"order"`
}

// Defaults sets the column defaults of a new category (none besides order 0).
func (c *FAQCategory) Defaults() {}

// Normalize trims the text and makes a slug from the name when none is given.
func (c *FAQCategory) Normalize() {
	trim(&c.Name, &c.Slug)
	if c.Slug == "" {
		c.Slug = Slug(c.Name)
	}
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Valid says what is wrong with each field.
func (c *FAQCategory) Valid() map[string]string {
	ch := checker{}
	ch.str("name", c.Name)
	if ch.str("slug", c.Slug); !slugPattern.MatchString(c.Slug) {
		ch.fail("slug", "may contain only a-z, 0-9 and single hyphens between them")
	}
	ch.order("order", c.Order)
	return ch
}

// Slug makes a URL slug from Turkish text: "Vergi İşlemleri" gives
// "vergi-islemleri".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.NewReplacer("İ", "i", "I", "ı").Replace(s)) {
		if t, ok := turkishASCII[r]; ok {
			r = t
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

var turkishASCII = map[rune]rune{'ç': 'c', 'ğ': 'g', 'ı': 'i', 'ö': 'o', 'ş': 's', 'ü': 'u', 'â': 'a', 'î': 'i', 'û': 'u'}

// FAQ is one question and its answer, in a category. In a request, a new
// category may come with it instead of a categoryId: the category is found
// by its slug or created, in the same transaction.
type FAQ struct {
	Record
	CategoryID string       `json:"categoryId"`
	Question   string       `json:"question"`
	Answer     string       `json:"answer"`
	Order      int          `json:"order"`
	Category   *FAQCategory `json:"category"`
}

// Defaults sets the column defaults of a new question (none besides order 0).
func (f *FAQ) Defaults() {}

// Normalize trims the text, and the category's when one comes with it.
func (f *FAQ) Normalize() {
	trim(&f.CategoryID, &f.Question, &f.Answer)
	if f.Category != nil {
		f.Category.Normalize()
	}
}

// Valid says what is wrong with each field. Without a categoryId, the
// category's fields are checked as "category.name" and so on.
func (f *FAQ) Valid() map[string]string {
	c := checker{}
	switch {
	case f.CategoryID != "":
		c.str("categoryId", f.CategoryID)
	case f.Category == nil:
		c.fail("categoryId", "is required")
	default:
		for k, v := range f.Category.Valid() {
			c.fail("category."+k, v)
		}
	}
	c.str("question", f.Question)
	c.text("answer", f.Answer)
	c.order("order", f.Order)
	return c
}
