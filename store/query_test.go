package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/migrations"
)

// TestQueryHelpers covers queryOne, queryAll and execOne on every dialect,
// over tables of the schema.
func TestQueryHelpers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()
		h := dbtest.Open(t, dbtest.URL(t, d), nil, db.Options{})
		if _, err := migrations.Up(ctx, h.SQL(), h.Dialect().String(), nil); err != nil {
			t.Fatalf("migrations.Up: %v", err)
		}

		const selectSections = `SELECT "id", "title", "subtitle", "description", "image", "createdAt", "updatedAt" FROM "AboutSection" ORDER BY "id"`
		sectionFields := func(s *smmm.AboutSection) []any {
			return []any{&s.ID, &s.Title, &s.Subtitle, &s.Description, &s.Image,
				scanTime{&s.CreatedAt.Time}, scanTime{&s.UpdatedAt.Time}}
		}
		list, err := queryAll(ctx, h, sectionFields, selectSections)
		if err != nil || list == nil || len(list) != 0 {
			t.Fatalf("queryAll of no rows = %#v, %v; want an empty, non-nil slice", list, err)
		}
		_, err = queryOne(ctx, h, sectionFields, selectSections+` LIMIT 1`)
		if !errors.Is(err, db.ErrNotFound) || db.KindOf(err) != db.KindNotFound {
			t.Errorf("queryOne of no row: error %v, want one matching db.ErrNotFound", err)
		}

		// queryAll reuses one value for every row: nullable columns must
		// not keep the previous row's value, nor share its pointer.
		at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		subtitles := []*string{ptrTo("a"), nil, ptrTo("c")}
		for i, sub := range subtitles {
			const ins = `INSERT INTO "AboutSection" ("id", "title", "subtitle", "description", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`
			if _, err := h.Exec(ctx, ins, string(rune('a'+i)), "t", nullable(sub), "d", at, at.Add(time.Duration(i)*time.Second)); err != nil {
				t.Fatal(err)
			}
		}
		list, err = queryAll(ctx, h, sectionFields, selectSections)
		if err != nil || len(list) != 3 {
			t.Fatalf("queryAll = %d rows, %v; want 3", len(list), err)
		}
		for i, sec := range list {
			want := subtitles[i]
			if (sec.Subtitle == nil) != (want == nil) || want != nil && *sec.Subtitle != *want {
				t.Errorf("row %d: subtitle %v, want %v", i, sec.Subtitle, want)
			}
			if sec.Image != nil {
				t.Errorf("row %d: image %q, want NULL", i, *sec.Image)
			}
			if !sec.UpdatedAt.Equal(at.Add(time.Duration(i) * time.Second)) {
				t.Errorf("row %d: updatedAt %v", i, sec.UpdatedAt)
			}
		}
		if list[0].Subtitle == list[2].Subtitle {
			t.Error("rows 0 and 2 share their subtitle pointer")
		}
		one, err := queryOne(ctx, h, sectionFields, selectSections+` LIMIT 1`)
		if err != nil || one.ID != "a" || one.Subtitle == nil || *one.Subtitle != "a" {
			t.Errorf("queryOne = %+v, %v; want section a", one, err)
		}
		n, err := queryOne(ctx, h, scalar[int], `SELECT COUNT(*) FROM "AboutSection"`)
		if err != nil || n != 3 {
			t.Errorf("queryOne(scalar) = %d, %v; want 3", n, err)
		}

		const setTitle = `UPDATE "AboutSection" SET "title" = ? WHERE "id" = ?`
		if err := execOne(ctx, h, setTitle, "new", "a"); err != nil {
			t.Errorf("execOne on one row: %v", err)
		}
		// The values the row holds already: MySQL changes nothing but
		// counts the matched row.
		if err := execOne(ctx, h, setTitle, "new", "a"); err != nil {
			t.Errorf("execOne writing the values a row holds: %v", err)
		}
		err = execOne(ctx, h, setTitle, "new", "no-such-id")
		if !errors.Is(err, db.ErrNotFound) || db.KindOf(err) != db.KindNotFound {
			t.Errorf("execOne on no row: error %v, want one matching db.ErrNotFound", err)
		}
		err = execOne(ctx, h, `UPDATE "AboutSection" SET "title" = ? WHERE "id" <> ?`, "many", "a")
		if err == nil || errors.Is(err, db.ErrNotFound) {
			t.Errorf("execOne on two rows: error %v, want one that does not match db.ErrNotFound", err)
		}
	})
}

func ptrTo[T any](v T) *T { return &v }
