package store

import (
	"context"
	"fmt"

	"smmm/db"
)

// imageColumns are the image columns Image reads, by the kind of row (the
// last part of its content route) and the column's JSON name.
var imageColumns = map[string]struct {
	table   string
	columns map[string]bool
}{
	"hero":          {"HeroSection", map[string]bool{"image": true}},
	"clients":       {"ClientLogo", map[string]bool{"logo": true}},
	"testimonials":  {"Testimonial", map[string]bool{"avatar": true}},
	"team":          {"TeamMember", map[string]bool{"avatar": true}},
	"site-settings": {"SiteSettings", map[string]bool{"favicon": true, "brandIcon": true}},
	"about":         {"AboutSection", map[string]bool{"image": true}},
}

// Image returns the text of an image column (a data: URL, an https URL, or
// what the original stored) of the row id of kind ("hero", "team", ...,
// see imageColumns). An unknown kind or column, no such row, and a NULL
// column give an error matching db.ErrNotFound.
func (s *Store) Image(ctx context.Context, kind, id, column string) (string, error) {
	t, ok := imageColumns[kind]
	if !ok || !t.columns[column] {
		return "", fmt.Errorf("store: image %s/%s: %w", kind, column, db.ErrNotFound)
	}
	query := `SELECT "` + column + `" FROM "` + t.table + `" WHERE "id" = ? AND "` + column + `" IS NOT NULL`
	v, err := queryOne(ctx, s.db, scalar[string], query, id)
	if err != nil {
		return "", fmt.Errorf("store: image %s/%s of %q: %w", kind, column, id, err)
	}
	return v, nil
}
