package smmm

// TeamMember is a person of the office.
type TeamMember struct {
	Record
	Name        string  `json:"name"`
	Position    string  `json:"position"`
	Bio         *string `json:"bio"`
	Avatar      *string `json:"avatar"`
	Email       *string `json:"email"`
	Phone       *string `json:"phone"`
	LinkedinURL *string `json:"linkedinUrl"`
	IsActive    bool    `json:"isActive"`
	Order       int     `json:"order"`
}

// Defaults sets the column defaults of a new member.
func (m *TeamMember) Defaults() { m.IsActive = true }

// Images returns the image columns by JSON name.
func (m *TeamMember) Images() map[string]*string { return map[string]*string{"avatar": m.Avatar} }

// Normalize trims the text; blank optional text becomes nil.
func (m *TeamMember) Normalize() {
	trim(&m.Name, &m.Position)
	trimOpt(&m.Bio, &m.Avatar, &m.Email, &m.Phone, &m.LinkedinURL)
}

// Valid says what is wrong with each field.
func (m *TeamMember) Valid() map[string]string {
	c := checker{}
	c.str("name", m.Name)
	c.str("position", m.Position)
	c.optText("bio", m.Bio)
	c.image("avatar", m.Avatar, false)
	c.email("email", m.Email)
	c.optPhone("phone", m.Phone)
	c.link("linkedinUrl", m.LinkedinURL)
	c.order("order", m.Order)
	return c
}
