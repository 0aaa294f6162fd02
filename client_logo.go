package smmm

// ClientLogo is the logo of a client the office serves, shown on the home
// page.
type ClientLogo struct {
	Record
	Name        string  `json:"name"`
	Description *string `json:"description"`
	URL         *string `json:"url"`
	Logo        string  `json:"logo"`
	IsActive    bool    `json:"isActive"`
	Order       int     `json:"order"`
}

// Defaults sets the column defaults of a new logo.
func (l *ClientLogo) Defaults() { l.IsActive = true }

// Images returns the image columns by JSON name.
func (l *ClientLogo) Images() map[string]*string { return map[string]*string{"logo": &l.Logo} }

// Normalize trims the text; blank optional text becomes nil.
func (l *ClientLogo) Normalize() {
	trim(&l.Name, &l.Logo)
	trimOpt(&l.Description, &l.URL)
}

// Valid says what is wrong with each field.
func (l *ClientLogo) Valid() map[string]string {
	c := checker{}
	c.str("name", l.Name)
	c.optText("description", l.Description)
	c.link("url", l.URL)
	c.image("logo", nonEmpty(l.Logo), true)
	c.order("order", l.Order)
	return c
}

// nonEmpty is s as an optional value: nil when empty.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
