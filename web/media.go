package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"smmm"
	"smmm/db"
)

// imager is a content type with image columns.
type imager interface{ Images() map[string]*string }

// linkImages replaces, in a row for the public, each image held as a data:
// URL of an accepted type with the URL that serves it, so that answers do
// not inline megabytes of base64. The version in the URL is the row's
// updatedAt: a changed image gets a new URL. Other values (https URLs,
// whatever an adopted row holds) stay as they are. v is the row: a content
// type, or an about section.
func linkImages(kind string, v any) {
	im, ok := v.(imager)
	if !ok {
		return
	}
	var id string
	var updated smmm.Time
	switch r := v.(type) {
	case interface{ Rec() *smmm.Record }:
		id, updated = r.Rec().ID, r.Rec().UpdatedAt
	case *smmm.AboutSection:
		id, updated = r.ID, r.UpdatedAt
	}
	for field, p := range im.Images() {
		if p == nil || id == "" || !smmm.IsImageType(smmm.DataURLType(*p)) {
			continue
		}
		*p = "/media/" + kind + "/" + url.PathEscape(id) + "/" + field + "?v=" + strconv.FormatInt(updated.UnixMilli(), 36)
	}
}

// handleMedia serves an image column: GET /media/{kind}/{id}/{field}. Only
// images whose bytes are an accepted type are served, with that type; an
// ETag of the content answers If-None-Match with 304; a URL with ?v= is
// cached for a year (linkImages changes it when the row changes).
func (s *server) handleMedia(w http.ResponseWriter, r *http.Request) error {
	text, err := s.store.Image(r.Context(), r.PathValue("kind"), r.PathValue("id"), r.PathValue("field"))
	if err != nil {
		return err
	}
	f, err := smmm.ParseDataURL(text)
	if err != nil || !smmm.IsImageType(f.Type) {
		return db.ErrNotFound
	}
	sum := sha256.Sum256(f.Data)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	if r.URL.Query().Get("v") != "" {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", f.Type)
	h.Set("Content-Length", strconv.Itoa(len(f.Data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(f.Data) // the status is sent; an error means the client left
	}
	return nil
}
