package store_test

import (
	"context"
	"testing"

	"smmm"
	"smmm/db"
	"smmm/db/dbtest"
	"smmm/store"
)

// validRows fails for a stored row that its own validation refuses: demo
// content must be content an admin could have entered.
func validRows[T any, P smmm.Content[T]](t *testing.T, name string, c store.Collection[T, P]) int {
	t.Helper()
	rows, err := c.List(context.Background(), true)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for i := range rows {
		if problems := P(&rows[i]).Valid(); len(problems) > 0 {
			t.Errorf("demo %s %s is not valid: %v", name, P(&rows[i]).Rec().ID, problems)
		}
	}
	return len(rows)
}

func TestSeedDemoContent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d db.Dialect) {
		ctx := testContext(t)
		s := MustOpen(t, d)
		o := store.SeedOptions{Demo: true, Hash: testHash}
		r, err := s.Seed(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{
			"hero":         validRows(t, "hero", s.HeroSlides()),
			"services":     validRows(t, "services", s.Services()),
			"workflow":     validRows(t, "workflow", s.WorkflowSteps()),
			"pricing":      validRows(t, "pricing", s.PricingPlans()),
			"testimonials": validRows(t, "testimonials", s.Testimonials()),
			"team":         validRows(t, "team", s.TeamMembers()),
			"categories":   validRows(t, "categories", s.FAQCategories()),
			"faq":          validRows(t, "faq", s.FAQs()),
		}
		total := 0
		for name, n := range counts {
			if n == 0 {
				t.Errorf("seed --demo left %s empty", name)
			}
			total += n
		}
		settings, err := s.SiteSettings(ctx)
		if err != nil || settings.SiteName == smmm.DefaultSiteSettings().SiteName || len(settings.Valid()) > 0 {
			t.Errorf("demo settings = %+v, %v; want a named office that validates", settings, err)
		}
		quotes, _, err := s.QuoteRequests().List(ctx, store.InboxFilter{})
		if err != nil || len(quotes) == 0 {
			t.Errorf("demo quote requests = %d, %v", len(quotes), err)
		}
		apps, _, err := s.JobApplications().List(ctx, store.InboxFilter{})
		if err != nil || len(apps) == 0 || apps[0].CVFileData == nil {
			t.Fatalf("demo applications = %+v, %v; want one with a CV", apps, err)
		}
		if _, typ, _, err := s.JobApplicationCV(ctx, apps[0].ID); err != nil || typ != "application/pdf" {
			t.Errorf("demo CV type %q, %v", typ, err)
		}
		// The FAQ's categories were made once, not per question.
		if counts["categories"] != len(smmm.DefaultFAQCategories()) {
			t.Errorf("categories = %d, want %d", counts["categories"], len(smmm.DefaultFAQCategories()))
		}
		// Categories come with their questions and are not counted apart.
		if want := total - counts["categories"] + 1 + len(quotes) + len(apps); r.DemoContent != want {
			t.Errorf("DemoContent = %d, want %d", r.DemoContent, want)
		}

		// Again: nothing more.
		if r, err := s.Seed(ctx, o); err != nil || r.DemoContent != 0 {
			t.Errorf("second Seed stored %d demo rows, %v; want 0", r.DemoContent, err)
		}
		if n := validRows(t, "hero", s.HeroSlides()); n != counts["hero"] {
			t.Errorf("hero rows after a second seed = %d, want %d", n, counts["hero"])
		}
	})
}
