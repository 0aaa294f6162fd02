package web

import (
	"errors"
	"log/slog"
	"net/http"

	"smmm"
	"smmm/db"
	"smmm/store"
)

// handleAboutGet returns the stored about section, or the built-in
// defaults when none is stored.
func handleAboutGet(logger *slog.Logger, st *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, err := st.About(r.Context())
		if errors.Is(err, db.ErrNotFound) {
			s, err = defaultAbout(), nil
		}
		if err != nil {
			writeError(w, r, logger, err)
			return
		}
		encode(w, http.StatusOK, s)
	})
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
func handleAboutPut(logger *slog.Logger, st *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in smmm.AboutInput
		if err := decodeValid(r, &in); err != nil {
			writeError(w, r, logger, err)
			return
		}
		s, err := st.PutAbout(r.Context(), in)
		if err != nil {
			writeError(w, r, logger, err)
			return
		}
		encode(w, http.StatusOK, s)
	})
}

// handleAboutReset deletes the stored section and its features: the
// defaults show again.
func handleAboutReset(logger *slog.Logger, st *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := st.ResetAbout(r.Context()); err != nil {
			writeError(w, r, logger, err)
			return
		}
		encode(w, http.StatusOK, defaultAbout())
	})
}
