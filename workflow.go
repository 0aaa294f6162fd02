package smmm

// WorkflowStep is one step of how the office works with a new client.
// Steps have no isActive: all are public.
type WorkflowStep struct {
	Record
	Icon        *string `json:"icon"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Order       int     `json:"order"`
}

// Defaults sets the column defaults of a new step (there are none besides
// order 0).
func (s *WorkflowStep) Defaults() {}

// Normalize trims the text; blank optional text becomes nil.
func (s *WorkflowStep) Normalize() {
	trim(&s.Title, &s.Description)
	trimOpt(&s.Icon)
}

// Valid says what is wrong with each field.
func (s *WorkflowStep) Valid() map[string]string {
	c := checker{}
	c.optStr("icon", s.Icon)
	c.str("title", s.Title)
	c.text("description", s.Description)
	c.order("order", s.Order)
	return c
}
