package web

import "net/http"

// handleFavicon answers GET /favicon.ico, which browsers ask for on every
// page that names no icon (the admin panel's, the site's while no favicon
// is set): the stored favicon through /media when there is one, else 204,
// so that no page shows a failed request in the browser's console.
func (s *server) handleFavicon(w http.ResponseWriter, r *http.Request) error {
	c, err := s.content(w, r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	if c.Info.Favicon != "" {
		http.Redirect(w, r, c.Info.Favicon, http.StatusFound)
		return nil
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
