package smmm

// Testimonial is a client's word about the office.
type Testimonial struct {
	Record
	Name     string  `json:"name"`
	Position string  `json:"position"`
	Company  *string `json:"company"`
	Content  string  `json:"content"`
	Avatar   *string `json:"avatar"`
	Rating   int     `json:"rating"`
	IsActive bool    `json:"isActive"`
	Order    int     `json:"order"`
}

// Defaults sets the column defaults of a new testimonial.
func (t *Testimonial) Defaults() { t.IsActive, t.Rating = true, 5 }

// Images returns the image columns by JSON name.
func (t *Testimonial) Images() map[string]*string { return map[string]*string{"avatar": t.Avatar} }

// Normalize trims the text; blank optional text becomes nil.
func (t *Testimonial) Normalize() {
	trim(&t.Name, &t.Position, &t.Content)
	trimOpt(&t.Company, &t.Avatar)
}

// Valid says what is wrong with each field.
func (t *Testimonial) Valid() map[string]string {
	c := checker{}
	c.str("name", t.Name)
	c.str("position", t.Position)
	c.optStr("company", t.Company)
	c.text("content", t.Content)
	c.image("avatar", t.Avatar, false)
	if t.Rating < 1 || t.Rating > 5 {
		c.fail("rating", "must be a whole number from 1 to 5")
	}
	c.order("order", t.Order)
	return c
}
