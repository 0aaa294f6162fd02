package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

func ptr[T any](v T) *T { return &v }

// aboutContent is the part of a section that PutAbout's input determines.
type aboutContent struct {
	Title, Description string
	Subtitle, Image    *string
	Features           []featureContent
}

type featureContent struct {
	Icon               *string
	Title, Description string
	IsActive           bool
	Order              int
}

func contentOf(sec smmm.AboutSection) aboutContent {
	c := aboutContent{Title: sec.Title, Description: sec.Description, Subtitle: sec.Subtitle, Image: sec.Image,
		Features: []featureContent{}}
	for _, f := range sec.Features {
		c.Features = append(c.Features, featureContent{f.Icon, f.Title, f.Description, f.IsActive, f.Order})
	}
	return c
}

// inputContent is what a section stored from the normalized input in must
// hold, features in display order (the inputs used here list them so).
func inputContent(in smmm.AboutInput) aboutContent {
	c := aboutContent{Title: in.Title, Description: in.Description, Subtitle: in.Subtitle, Image: in.Image,
		Features: []featureContent{}}
	for i, f := range in.Features {
		fc := featureContent{Icon: f.Icon, Title: f.Title, Description: f.Description, IsActive: true, Order: i}
		if f.IsActive != nil {
			fc.IsActive = *f.IsActive
		}
		if f.Order != nil {
			fc.Order = *f.Order
		}
		c.Features = append(c.Features, fc)
	}
	return c
}

// checkSection checks a section's invariants: UTC times, features that
// belong to it, ordered by order then id.
func checkSection(t *testing.T, sec smmm.AboutSection) {
	t.Helper()
	checkUTC(t, "section", sec.CreatedAt.Time, sec.UpdatedAt.Time)
	if sec.Features == nil {
		t.Error("Features is nil, want a non-nil slice")
	}
	for i, f := range sec.Features {
		if f.SectionID != sec.ID || f.ID == "" {
			t.Errorf("feature %d has id %q and section %q, want an id and section %q", i, f.ID, f.SectionID, sec.ID)
		}
		if i > 0 {
			p := sec.Features[i-1]
			if p.Order > f.Order || p.Order == f.Order && p.ID > f.ID {
				t.Errorf("features %d and %d are out of order: (%d, %s) before (%d, %s)", i-1, i, p.Order, p.ID, f.Order, f.ID)
			}
		}
	}
}

func TestAbout(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s, clock := MustOpenClock(t, d)

		if _, err := s.About(ctx); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("About on an empty database: error %v, want one matching db.ErrNotFound", err)
		}

		first := smmm.AboutInput{
			Title: "Hakkımızda", Description: "Açıklama", Image: ptr("https://example.com/ofis.jpg"),
			Features: []smmm.AboutFeatureInput{
				{Icon: ptr("Award"), Title: "Bir", Description: "Birinci", IsActive: ptr(true), Order: ptr(0)},
				{Title: "İki", Description: "İkinci", IsActive: ptr(false), Order: ptr(5)},
				{Icon: ptr("Users"), Title: "Üç", Description: "Üçüncü", IsActive: ptr(true), Order: ptr(9)},
			},
		}
		put, err := s.PutAbout(ctx, first)
		if err != nil {
			t.Fatalf("PutAbout: %v", err)
		}
		checkSection(t, put)
		if diff := cmp.Diff(inputContent(first), contentOf(put)); diff != "" {
			t.Errorf("PutAbout result differs from its input (-want +got):\n%s", diff)
		}
		if !put.CreatedAt.Equal(clockStart) || !put.UpdatedAt.Equal(clockStart) {
			t.Errorf("new section: createdAt %v, updatedAt %v; want both %v (the store's clock)", put.CreatedAt, put.UpdatedAt, clockStart)
		}
		got, err := s.About(ctx)
		if err != nil {
			t.Fatalf("About: %v", err)
		}
		if diff := cmp.Diff(put, got); diff != "" {
			t.Errorf("About differs from PutAbout's result (-put +got):\n%s", diff)
		}

		// Features given out of order come back in order; nil IsActive and
		// Order (input that skipped Normalize) mean true and the index.
		later := clock.Advance(time.Second)
		second := smmm.AboutInput{
			Title: "Biz kimiz", Subtitle: ptr("Alt başlık"), Description: "Yeni açıklama",
			Features: []smmm.AboutFeatureInput{
				{Title: "Sıfır", Description: "0"},
				{Title: "Bir", Description: "1"},
			},
		}
		put2, err := s.PutAbout(ctx, second)
		if err != nil {
			t.Fatalf("PutAbout again: %v", err)
		}
		checkSection(t, put2)
		if diff := cmp.Diff(inputContent(second), contentOf(put2)); diff != "" {
			t.Errorf("second PutAbout result differs from its input (-want +got):\n%s", diff)
		}
		if put2.ID != put.ID || !put2.CreatedAt.Equal(put.CreatedAt.Time) || !put2.UpdatedAt.Equal(later) {
			t.Errorf("second PutAbout = id %s, created %v, updated %v; want id %s, created %v, updated %v",
				put2.ID, put2.CreatedAt, put2.UpdatedAt, put.ID, put.CreatedAt, later)
		}
		if got, err := s.About(ctx); err != nil || !cmp.Equal(got, put2) {
			t.Errorf("About = %+v, %v; want %+v", got, err, put2)
		}

		none, err := s.PutAbout(ctx, smmm.AboutInput{Title: "Boş", Description: "Özelliksiz"})
		if err != nil {
			t.Fatalf("PutAbout without features: %v", err)
		}
		checkSection(t, none)
		if len(none.Features) != 0 {
			t.Errorf("PutAbout without features kept %d features", len(none.Features))
		}
		if n := MustCount(t, s, "AboutSection"); n != 1 {
			t.Errorf("%d sections stored, want 1", n)
		}
		if n := MustCount(t, s, "AboutFeature"); n != 0 {
			t.Errorf("%d features stored, want 0", n)
		}

		def := smmm.DefaultAbout()
		if _, err := s.PutAbout(ctx, def); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := s.ResetAbout(ctx); err != nil {
				t.Fatalf("ResetAbout: %v", err)
			}
		}
		if _, err := s.About(ctx); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("About after ResetAbout: error %v, want one matching db.ErrNotFound", err)
		}
		if n := MustCount(t, s, "AboutFeature"); n != 0 {
			t.Errorf("%d features left after ResetAbout, want 0", n)
		}
	})
}

// TestAboutAdopted covers sections written by the original system: random
// ids and possibly more than one section.
func TestAboutAdopted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		old, newer := store.NewID(), store.NewID()
		at := smmm.Now().Add(-time.Hour)
		for i, id := range []string{newer, old} {
			created := at.Add(time.Duration(1-i) * time.Minute)
			if _, err := s.DB().Exec(ctx, `INSERT INTO "AboutSection" ("id", "title", "description", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
				id, "Section "+id, "Desc", created, created); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DB().Exec(ctx, `INSERT INTO "AboutFeature" ("id", "sectionId", "title", "description", "isActive", "order") VALUES (?, ?, ?, ?, ?, ?)`,
				store.NewID(), id, "F", "D", true, 0); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.About(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != old || len(got.Features) != 1 || !got.CreatedAt.Equal(at) {
			t.Errorf("About = %s created %v with %d features; want the oldest, %s created %v with 1", got.ID, got.CreatedAt, len(got.Features), old, at)
		}
		put, err := s.PutAbout(ctx, smmm.DefaultAbout())
		if err != nil {
			t.Fatal(err)
		}
		if put.ID != old {
			t.Errorf("PutAbout wrote section %s, want the oldest, %s", put.ID, old)
		}
		if n := MustCount(t, s, "AboutSection"); n != 2 {
			t.Errorf("%d sections after PutAbout, want the 2 there were", n)
		}
		if diff := cmp.Diff(inputContent(smmm.DefaultAbout()), contentOf(put)); diff != "" {
			t.Errorf("PutAbout result differs from its input (-want +got):\n%s", diff)
		}
	})
}

// TestPutAboutConcurrent runs PutAbout from several goroutines, starting
// with no section, while others read: every read and the final state must be
// exactly one of the inputs, with one section.
func TestPutAboutConcurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)

		const writers, readers = 8, 2
		inputs := make([]smmm.AboutInput, writers)
		want := map[string]aboutContent{}
		for i := range inputs {
			in := smmm.AboutInput{Title: fmt.Sprintf("Başlık %d", i), Description: fmt.Sprintf("Açıklama %d", i)}
			for j := range i%4 + 1 {
				in.Features = append(in.Features, smmm.AboutFeatureInput{
					Title: fmt.Sprintf("Özellik %d.%d", i, j), Description: "…", Icon: ptr("Shield"),
				})
			}
			in.Normalize()
			inputs[i] = in
			want[in.Title] = inputContent(in)
		}

		// Each round starts without a section, so that the writers also race
		// to create it.
		for round := range 3 {
			if err := s.ResetAbout(ctx); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, writers+readers*10)
			start := make(chan struct{})
			for _, in := range inputs {
				wg.Go(func() {
					<-start
					if _, err := s.PutAbout(ctx, in); err != nil {
						errs <- err
					}
				})
			}
			for range readers {
				wg.Go(func() {
					<-start
					for range 10 {
						sec, err := s.About(ctx)
						if errors.Is(err, db.ErrNotFound) {
							continue
						}
						if err != nil {
							errs <- err
							continue
						}
						if !cmp.Equal(contentOf(sec), want[sec.Title]) {
							errs <- fmt.Errorf("About read a mix: %+v", contentOf(sec))
						}
					}
				})
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}

			got, err := s.About(ctx)
			if err != nil {
				t.Fatal(err)
			}
			checkSection(t, got)
			if diff := cmp.Diff(want[got.Title], contentOf(got)); diff != "" {
				t.Errorf("final section is not exactly one input (-input +got):\n%s", diff)
			}
			if n := MustCount(t, s, "AboutSection"); n != 1 {
				t.Errorf("%d sections stored, want 1", n)
			}
			if n := MustCount(t, s, "AboutFeature"); n != len(got.Features) {
				t.Errorf("%d features stored, want %d", n, len(got.Features))
			}
			if t.Failed() {
				t.Fatalf("round %d failed", round)
			}
		}
	})
}
