package smmm

import (
	"strconv"
	"strings"
)

// AboutSection is the "about us" content of the website, with its feature
// cards. There is at most one section; when none is stored, DefaultAbout is
// shown.
type AboutSection struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Subtitle    *string `json:"subtitle"`
	Description string  `json:"description"`
	Image       *string `json:"image"`
	CreatedAt   Time    `json:"createdAt"`
	UpdatedAt   Time    `json:"updatedAt"`
	// Features is never nil in a section made by store or DefaultSection,
	// so that it encodes as [] when empty.
	Features []AboutFeature `json:"features"`
}

// AboutFeature is one feature card of the about section, shown in Order.
type AboutFeature struct {
	ID          string  `json:"id"`
	SectionID   string  `json:"sectionId"`
	Icon        *string `json:"icon"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	IsActive    bool    `json:"isActive"`
	Order       int     `json:"order"`
}

// MaxFeatures is the most feature cards a section takes.
const MaxFeatures = 50

// AboutInput is the body of POST /api/content/about: the whole section,
// whose features replace the stored ones.
type AboutInput struct {
	Title       string              `json:"title"`
	Subtitle    *string             `json:"subtitle"`
	Description string              `json:"description"`
	Image       *string             `json:"image"`
	Features    []AboutFeatureInput `json:"features"`
}

// AboutFeatureInput is one feature of AboutInput. IsActive defaults to
// true. Order is accepted for compatibility but the stored order is always
// the feature's position in the list, as in the original system.
type AboutFeatureInput struct {
	Icon        *string `json:"icon"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	IsActive    *bool   `json:"isActive"`
	Order       *int    `json:"order"`
}

// Normalize trims text fields, turns blank optional fields into nil and
// fills IsActive and Order defaults.
func (in *AboutInput) Normalize() {
	in.Title = strings.TrimSpace(in.Title)
	in.Description = strings.TrimSpace(in.Description)
	in.Subtitle = trimOptional(in.Subtitle)
	in.Image = trimOptional(in.Image)
	for i := range in.Features {
		f := &in.Features[i]
		f.Title = strings.TrimSpace(f.Title)
		f.Description = strings.TrimSpace(f.Description)
		f.Icon = trimOptional(f.Icon)
		if f.IsActive == nil {
			t := true
			f.IsActive = &t
		}
		o := i
		f.Order = &o
	}
}

// Valid returns what is wrong with each field; feature fields are named
// like "features[2].title". Call Normalize first.
func (in AboutInput) Valid() map[string]string {
	c := checker{}
	c.str("title", in.Title)
	c.optText("subtitle", in.Subtitle)
	c.text("description", in.Description)
	c.image("image", in.Image, false)
	if len(in.Features) > MaxFeatures {
		c.fail("features", "must have at most "+strconv.Itoa(MaxFeatures)+" items")
	}
	for i, f := range in.Features {
		p := "features[" + strconv.Itoa(i) + "]."
		c.str(p+"title", f.Title)
		c.text(p+"description", f.Description)
		c.optStr(p+"icon", f.Icon)
	}
	return c
}

func optional(problems map[string]string, field string, v *string, max int) {
	if v != nil {
		required(problems, field, *v, max)
	}
}

func trimOptional(s *string) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	if t == "" {
		return nil
	}
	return &t
}

// DefaultAbout returns the built-in about content, shown while none is
// stored and written by the seed. It has no ID and zero times.
func DefaultAbout() AboutInput {
	icon := func(s string) *string { return &s }
	subtitle := "Güvenilir mali müşavirlik hizmetleri"
	features := []AboutFeatureInput{
		{Icon: icon("Award"), Title: "Profesyonel Deneyim", Description: "Yılların birikimiyle işletmenizin mali süreçlerini özenle yönetiyoruz."},
		{Icon: icon("Shield"), Title: "Güvenilir Hizmet", Description: "Verileriniz ve yükümlülükleriniz güvende; her adımı şeffaf biçimde paylaşıyoruz."},
		{Icon: icon("Users"), Title: "Uzman Kadro", Description: "Alanında uzman, sürekli eğitimle kendini yenileyen bir ekiple çalışıyoruz."},
		{Icon: icon("TrendingUp"), Title: "Sürekli Gelişim", Description: "Mevzuattaki değişiklikleri yakından izliyor, işinizi geleceğe hazırlıyoruz."},
	}
	in := AboutInput{
		Title:       "Hakkımızda",
		Subtitle:    &subtitle,
		Description: "Serbest muhasebeci mali müşavirlik alanında işletmelere muhasebe, vergi ve danışmanlık hizmetleri sunuyoruz.",
		Features:    features,
	}
	in.Normalize()
	return in
}

// Images returns the image columns by JSON name.
func (s *AboutSection) Images() map[string]*string { return map[string]*string{"image": s.Image} }
