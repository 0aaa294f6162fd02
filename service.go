package smmm

// Service is one service the office offers. Features is stored as the
// JSON text of an array, as in the original.
type Service struct {
	Record
	Icon        *string    `json:"icon"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Features    StringList `json:"features"`
	IsActive    bool       `json:"isActive"`
	Order       int        `json:"order"`
}

// Defaults sets the column defaults of a new service.
func (s *Service) Defaults() { s.IsActive = true }

// Normalize trims the text; blank optional text becomes nil.
func (s *Service) Normalize() {
	trim(&s.Title, &s.Description)
	trimOpt(&s.Icon)
	s.Features.normalize()
}

// Valid says what is wrong with each field.
func (s *Service) Valid() map[string]string {
	c := checker{}
	c.optStr("icon", s.Icon)
	c.str("title", s.Title)
	c.text("description", s.Description)
	s.Features.check(c, "features")
	c.order("order", s.Order)
	return c
}
