package smmm

// SiteSettings is the one row of the site's own details: name, contact
// data, icons, map and social links.
type SiteSettings struct {
	Record
	SiteName        string  `json:"siteName"`
	SiteDescription *string `json:"siteDescription"`
	Favicon         *string `json:"favicon"`
	BrandIcon       *string `json:"brandIcon"`
	Phone           *string `json:"phone"`
	Email           *string `json:"email"`
	Address         *string `json:"address"`
	MapLatitude     *string `json:"mapLatitude"`
	MapLongitude    *string `json:"mapLongitude"`
	MapEmbedURL     *string `json:"mapEmbedUrl"`
	FacebookURL     *string `json:"facebookUrl"`
	TwitterURL      *string `json:"twitterUrl"`
	LinkedinURL     *string `json:"linkedinUrl"`
	InstagramURL    *string `json:"instagramUrl"`
	YoutubeURL      *string `json:"youtubeUrl"`
}

// Defaults sets the column defaults.
func (s *SiteSettings) Defaults() { s.SiteName = "SMMM Ofisi" }

// Images returns the image columns by JSON name.
func (s *SiteSettings) Images() map[string]*string {
	return map[string]*string{"favicon": s.Favicon, "brandIcon": s.BrandIcon}
}

// Normalize trims the text; blank optional text becomes nil.
func (s *SiteSettings) Normalize() {
	trim(&s.SiteName)
	trimOpt(&s.SiteDescription, &s.Favicon, &s.BrandIcon, &s.Phone, &s.Email, &s.Address, &s.MapLatitude,
		&s.MapLongitude, &s.MapEmbedURL, &s.FacebookURL, &s.TwitterURL, &s.LinkedinURL, &s.InstagramURL, &s.YoutubeURL)
}

// Valid says what is wrong with each field.
func (s *SiteSettings) Valid() map[string]string {
	c := checker{}
	c.str("siteName", s.SiteName)
	c.optText("siteDescription", s.SiteDescription)
	c.image("favicon", s.Favicon, false)
	c.image("brandIcon", s.BrandIcon, false)
	c.optPhone("phone", s.Phone)
	c.email("email", s.Email)
	c.optText("address", s.Address)
	c.optStr("mapLatitude", s.MapLatitude)
	c.optStr("mapLongitude", s.MapLongitude)
	if c.optText("mapEmbedUrl", s.MapEmbedURL); s.MapEmbedURL != nil && !webURL(*s.MapEmbedURL, true) {
		c.fail("mapEmbedUrl", "must be an https URL")
	}
	for _, l := range []struct {
		field string
		v     *string
	}{{"facebookUrl", s.FacebookURL}, {"twitterUrl", s.TwitterURL}, {"linkedinUrl", s.LinkedinURL},
		{"instagramUrl", s.InstagramURL}, {"youtubeUrl", s.YoutubeURL}} {
		c.link(l.field, l.v)
	}
	return c
}
