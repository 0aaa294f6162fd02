package smmm

// HeroSlide is one slide of the home page's hero (table HeroSection).
type HeroSlide struct {
	Record
	Title       string  `json:"title"`
	Subtitle    string  `json:"subtitle"`
	Description *string `json:"description"`
	ButtonText  *string `json:"buttonText"`
	ButtonURL   *string `json:"buttonUrl"`
	Image       *string `json:"image"`
	IsActive    bool    `json:"isActive"`
	Order       int     `json:"order"`
}

// Defaults sets the column defaults of a new slide.
func (h *HeroSlide) Defaults() { h.IsActive = true }

// Images returns the image columns by JSON name.
func (h *HeroSlide) Images() map[string]*string { return map[string]*string{"image": h.Image} }

// Normalize trims the text; blank optional text becomes nil.
func (h *HeroSlide) Normalize() {
	trim(&h.Title, &h.Subtitle)
	trimOpt(&h.Description, &h.ButtonText, &h.ButtonURL, &h.Image)
}

// Valid says what is wrong with each field.
func (h *HeroSlide) Valid() map[string]string {
	c := checker{}
	c.str("title", h.Title)
	c.text("subtitle", h.Subtitle)
	c.optText("description", h.Description)
	c.optStr("buttonText", h.ButtonText)
	c.optStr("buttonUrl", h.ButtonURL)
	c.image("image", h.Image, false)
	c.order("order", h.Order)
	return c
}
