package web

import (
	"errors"
	"net/http"

	"smmm"
	"smmm/db"
)

// handleAboutGet returns the stored about section, or the built-in
// defaults when none is stored.
func (s *server) handleAboutGet(w http.ResponseWriter, r *http.Request) error {
	sec, err := s.store.About(r.Context())
	if errors.Is(err, db.ErrNotFound) {
		sec, err = defaultAbout(), nil
	}
	if err != nil {
		return err
	}
	if !s.isAdmin(w, r) {
		linkImages("about", &sec)
	}
	encode(w, http.StatusOK, sec)
	return nil
}

// defaultAbout is smmm.DefaultAbout shaped as a stored section, with
// stable ids so that front ends can key on them.
func defaultAbout() smmm.AboutSection {
	in := smmm.DefaultAbout()
	s := smmm.AboutSection{ID: "default", Title: in.Title, Subtitle: in.Subtitle, Description: in.Description, Image: in.Image}
	for i, f := range in.Features {
		s.Features = append(s.Features, smmm.AboutFeature{
			ID: "default-" + string(rune('1'+i)), SectionID: s.ID, Icon: f.Icon, Title: f.Title,
			Description: f.Description, IsActive: *f.IsActive, Order: *f.Order,
		})
	}
	return s
}

// handleAboutPut upserts the section and replaces its features in one
// transaction.
func (s *server) handleAboutPut(w http.ResponseWriter, r *http.Request) error {
	var in smmm.AboutInput
	if err := decodeValid(r, &in); err != nil {
		return err
	}
	sec, err := s.store.PutAbout(r.Context(), in)
	if err != nil {
		return err
	}
	encode(w, http.StatusOK, sec)
	return nil
}

// handleAboutReset deletes the stored section and its features: the
// defaults show again.
func (s *server) handleAboutReset(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.ResetAbout(r.Context()); err != nil {
		return err
	}
	encode(w, http.StatusOK, defaultAbout())
	return nil
}
