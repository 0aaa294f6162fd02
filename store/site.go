package store

import (
	"bytes"
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"

	"smmm"
	"smmm/db"
)

// The site's content tables. Each is its columns and one fields function;
// content.go does the rest.
var (
	heroTable = (&table[smmm.HeroSlide, *smmm.HeroSlide]{
		name: "HeroSection", active: true,
		cols: []string{"title", "subtitle", "description", "buttonText", "buttonUrl", "image", "isActive", "order"},
		fields: func(h *smmm.HeroSlide) []any {
			return []any{&h.Title, &h.Subtitle, &h.Description, &h.ButtonText, &h.ButtonURL, &h.Image, &h.IsActive, &h.Order}
		},
	}).init()

	clientLogoTable = (&table[smmm.ClientLogo, *smmm.ClientLogo]{
		name: "ClientLogo", active: true,
		cols: []string{"name", "description", "url", "logo", "isActive", "order"},
		fields: func(l *smmm.ClientLogo) []any {
			return []any{&l.Name, &l.Description, &l.URL, &l.Logo, &l.IsActive, &l.Order}
		},
	}).init()

	serviceTable = (&table[smmm.Service, *smmm.Service]{
		name: "Service", active: true,
		cols: []string{"icon", "title", "description", "features", "isActive", "order"},
		fields: func(s *smmm.Service) []any {
			return []any{&s.Icon, &s.Title, &s.Description, jsonList{&s.Features}, &s.IsActive, &s.Order}
		},
	}).init()

	workflowTable = (&table[smmm.WorkflowStep, *smmm.WorkflowStep]{
		name: "WorkflowStep",
		cols: []string{"icon", "title", "description", "order"},
		fields: func(s *smmm.WorkflowStep) []any {
			return []any{&s.Icon, &s.Title, &s.Description, &s.Order}
		},
	}).init()

	testimonialTable = (&table[smmm.Testimonial, *smmm.Testimonial]{
		name: "Testimonial", active: true,
		cols: []string{"name", "position", "company", "content", "avatar", "rating", "isActive", "order"},
		fields: func(t *smmm.Testimonial) []any {
			return []any{&t.Name, &t.Position, &t.Company, &t.Content, &t.Avatar, &t.Rating, &t.IsActive, &t.Order}
		},
	}).init()

	teamTable = (&table[smmm.TeamMember, *smmm.TeamMember]{
		name: "TeamMember", active: true,
		cols: []string{"name", "position", "bio", "avatar", "email", "phone", "linkedinUrl", "isActive", "order"},
		fields: func(m *smmm.TeamMember) []any {
			return []any{&m.Name, &m.Position, &m.Bio, &m.Avatar, &m.Email, &m.Phone, &m.LinkedinURL, &m.IsActive, &m.Order}
		},
	}).init()

	pricingTable = (&table[smmm.PricingPlan, *smmm.PricingPlan]{
		name: "PricingPlan", active: true,
		cols: []string{"name", "price", "period", "description", "isPopular", "isActive", "order"},
		fields: func(p *smmm.PricingPlan) []any {
			return []any{&p.Name, &p.Price, &p.Period, &p.Description, &p.IsPopular, &p.IsActive, &p.Order}
		},
		after: writePricingFeatures,
		load:  loadPricingFeatures,
	}).init()

	faqCategoryTable = (&table[smmm.FAQCategory, *smmm.FAQCategory]{
		name:   "FAQCategory",
		cols:   []string{"name", "slug", "order"},
		fields: func(c *smmm.FAQCategory) []any { return []any{&c.Name, &c.Slug, &c.Order} },
	}).init()

	faqTable = (&table[smmm.FAQ, *smmm.FAQ]{
		name:   "FAQ",
		cols:   []string{"categoryId", "question", "answer", "order"},
		fields: func(f *smmm.FAQ) []any { return []any{&f.CategoryID, &f.Question, &f.Answer, &f.Order} },
		before: resolveFAQCategory,
		load:   loadFAQCategories,
	}).init()

	siteSettingsTable = (&table[smmm.SiteSettings, *smmm.SiteSettings]{
		name: "SiteSettings",
		cols: []string{"siteName", "siteDescription", "favicon", "brandIcon", "phone", "email", "address", "mapLatitude",
			"mapLongitude", "mapEmbedUrl", "facebookUrl", "twitterUrl", "linkedinUrl", "instagramUrl", "youtubeUrl"},
		fields: func(s *smmm.SiteSettings) []any {
			return []any{&s.SiteName, &s.SiteDescription, &s.Favicon, &s.BrandIcon, &s.Phone, &s.Email, &s.Address, &s.MapLatitude,
				&s.MapLongitude, &s.MapEmbedURL, &s.FacebookURL, &s.TwitterURL, &s.LinkedinURL, &s.InstagramURL, &s.YoutubeURL}
		},
	}).init()

	quoteTable = (&table[smmm.QuoteRequest, *smmm.QuoteRequest]{
		name: "QuoteRequest",
		cols: []string{"name", "email", "phone", "company", "serviceType", "message", "status"},
		fields: func(q *smmm.QuoteRequest) []any {
			return []any{&q.Name, &q.Email, &q.Phone, &q.Company, &q.ServiceType, &q.Message, &q.Status}
		},
	}).init()

	// Reading a job application gives only whether it has a CV (the
	// column holds "" instead of the data); JobApplicationCV reads the file.
	jobTable = (&table[smmm.JobApplication, *smmm.JobApplication]{
		name: "JobApplication",
		cols: []string{"name", "email", "phone", "position", "experience", "education", "coverLetter", "cvFileName",
			"cvFileData", "cvMimeType", "status"},
		fields: func(a *smmm.JobApplication) []any {
			return []any{&a.Name, &a.Email, &a.Phone, &a.Position, &a.Experience, &a.Education, &a.CoverLetter, &a.CVFileName,
				&a.CVFileData, &a.CVMimeType, &a.Status}
		},
		read: map[string]string{"cvFileData": `CASE WHEN "cvFileData" IS NULL THEN NULL ELSE '' END`},
	}).init()
)

// HeroSlides is the home page's hero.
func (s *Store) HeroSlides() Collection[smmm.HeroSlide, *smmm.HeroSlide] {
	return Collection[smmm.HeroSlide, *smmm.HeroSlide]{s, heroTable}
}

// ClientLogos are the logos of the office's clients.
func (s *Store) ClientLogos() Collection[smmm.ClientLogo, *smmm.ClientLogo] {
	return Collection[smmm.ClientLogo, *smmm.ClientLogo]{s, clientLogoTable}
}

// Services are the services the office offers.
func (s *Store) Services() Collection[smmm.Service, *smmm.Service] {
	return Collection[smmm.Service, *smmm.Service]{s, serviceTable}
}

// WorkflowSteps are the steps of working with the office.
func (s *Store) WorkflowSteps() Collection[smmm.WorkflowStep, *smmm.WorkflowStep] {
	return Collection[smmm.WorkflowStep, *smmm.WorkflowStep]{s, workflowTable}
}

// Testimonials are clients' words about the office.
func (s *Store) Testimonials() Collection[smmm.Testimonial, *smmm.Testimonial] {
	return Collection[smmm.Testimonial, *smmm.Testimonial]{s, testimonialTable}
}

// TeamMembers are the people of the office.
func (s *Store) TeamMembers() Collection[smmm.TeamMember, *smmm.TeamMember] {
	return Collection[smmm.TeamMember, *smmm.TeamMember]{s, teamTable}
}

// PricingPlans are the price packages, each with its features.
func (s *Store) PricingPlans() Collection[smmm.PricingPlan, *smmm.PricingPlan] {
	return Collection[smmm.PricingPlan, *smmm.PricingPlan]{s, pricingTable}
}

// FAQCategories group the questions; deleting one deletes its questions.
func (s *Store) FAQCategories() Collection[smmm.FAQCategory, *smmm.FAQCategory] {
	return Collection[smmm.FAQCategory, *smmm.FAQCategory]{s, faqCategoryTable}
}

// FAQs are the questions, each read with its category.
func (s *Store) FAQs() Collection[smmm.FAQ, *smmm.FAQ] {
	return Collection[smmm.FAQ, *smmm.FAQ]{s, faqTable}
}

// QuoteRequests is the inbox of the quote form.
func (s *Store) QuoteRequests() Inbox[smmm.QuoteRequest, *smmm.QuoteRequest] {
	return Inbox[smmm.QuoteRequest, *smmm.QuoteRequest]{s, quoteTable}
}

// JobApplications is the inbox of the careers form. Its rows carry an
// empty CVFileData when they have a CV; JobApplicationCV reads it.
func (s *Store) JobApplications() Inbox[smmm.JobApplication, *smmm.JobApplication] {
	return Inbox[smmm.JobApplication, *smmm.JobApplication]{s, jobTable}
}

// JobApplicationCV returns the CV of an application: its file name, stored
// type and base64 data. An application without a CV, or none with id,
// gives an error matching db.ErrNotFound.
func (s *Store) JobApplicationCV(ctx context.Context, id string) (name, mimeType, data string, err error) {
	type cv struct{ name, mime, data string }
	const query = `SELECT "cvFileName", "cvMimeType", "cvFileData" FROM "JobApplication" WHERE "id" = ? AND "cvFileData" IS NOT NULL`
	v, err := queryOne(ctx, s.db, func(c *cv) []any { return []any{nullString{&c.name}, nullString{&c.mime}, &c.data} }, query, id)
	if err != nil {
		return "", "", "", fmt.Errorf("store: CV of job application %q: %w", id, err)
	}
	return v.name, v.mime, v.data, nil
}

// SiteSettings returns the stored settings (the oldest row, should the
// original have made several), or an error matching db.ErrNotFound.
func (s *Store) SiteSettings(ctx context.Context) (smmm.SiteSettings, error) {
	rows, err := siteSettingsTable.selectRows(ctx, s.db, ` ORDER BY "createdAt", "id" LIMIT 1`)
	switch {
	case err != nil:
		return smmm.SiteSettings{}, fmt.Errorf("store: site settings: %w", err)
	case len(rows) == 0:
		return smmm.SiteSettings{}, fmt.Errorf("store: site settings: %w", db.ErrNotFound)
	}
	return rows[0], nil
}

// PutSiteSettings lets patch change the stored settings, or the defaults
// when none are stored, and writes them, in one transaction. patch
// validates; it may run more than once.
func (s *Store) PutSiteSettings(ctx context.Context, patch func(*smmm.SiteSettings) error) (smmm.SiteSettings, error) {
	var out smmm.SiteSettings
	err := db.Retry(ctx, aboutRetry, func(_ int, err error) bool { return db.KindOf(err) == db.KindConflict }, func(ctx context.Context) error {
		return s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
			lock := ``
			if tx.Dialect() != db.SQLite {
				lock = ` FOR UPDATE`
			}
			rows, err := siteSettingsTable.selectRows(ctx, tx, ` ORDER BY "createdAt", "id" LIMIT 1`+lock)
			if err != nil {
				return err
			}
			var v smmm.SiteSettings
			if len(rows) == 1 {
				v = rows[0]
			} else {
				v.Defaults()
			}
			rec := v.Record
			if err := patch(&v); err != nil {
				return err
			}
			v.Record = rec
			if len(rows) == 0 {
				// A fixed id makes two first writes collide, so that one
				// row is made and the other run updates it.
				v.ID = siteSettingsID
				if err := siteSettingsTable.insert(ctx, s, tx, &v); err != nil {
					return err
				}
			} else if err := siteSettingsTable.update(ctx, s, tx, &v); err != nil {
				return err
			}
			out, err = siteSettingsTable.get(ctx, tx, v.ID, false)
			return err
		})
	})
	if err != nil {
		return out, fmt.Errorf("store: put site settings: %w", err)
	}
	return out, nil
}

// siteSettingsID is the id of the settings row smmm creates.
const siteSettingsID = "site-settings"

// ResetSiteSettings deletes the stored settings: the defaults show again.
func (s *Store) ResetSiteSettings(ctx context.Context) error {
	if _, err := s.db.Exec(ctx, `DELETE FROM "SiteSettings"`); err != nil {
		return fmt.Errorf("store: reset site settings: %w", err)
	}
	return nil
}

// writePricingFeatures replaces a plan's features with p.Features, in
// their order, with new ids.
func writePricingFeatures(ctx context.Context, s *Store, tx *db.Tx, p *smmm.PricingPlan) error {
	if _, err := tx.Exec(ctx, `DELETE FROM "PricingFeature" WHERE "planId" = ?`, p.ID); err != nil {
		return err
	}
	now := s.now()
	const ins = `INSERT INTO "PricingFeature" ("id", "planId", "text", "isIncluded", "order") VALUES (?, ?, ?, ?, ?)`
	for i, f := range p.Features {
		if _, err := tx.Exec(ctx, ins, s.ids.next(now), p.ID, f.Text, f.IsIncluded, i); err != nil {
			return err
		}
	}
	return nil
}

// loadPricingFeatures reads the features of plans in one query.
func loadPricingFeatures(ctx context.Context, q db.Querier, plans []smmm.PricingPlan) error {
	fields := func(f *smmm.PricingFeature) []any { return []any{&f.ID, &f.PlanID, &f.Text, &f.IsIncluded, &f.Order} }
	const query = `SELECT "id", "planId", "text", "isIncluded", "order" FROM "PricingFeature" ORDER BY "planId", "order", "id"`
	features, err := queryAll(ctx, q, fields, query)
	if err != nil {
		return err
	}
	byPlan := map[string][]smmm.PricingFeature{}
	for _, f := range features {
		byPlan[f.PlanID] = append(byPlan[f.PlanID], f)
	}
	for i := range plans {
		plans[i].Features = byPlan[plans[i].ID]
		if plans[i].Features == nil {
			plans[i].Features = []smmm.PricingFeature{}
		}
	}
	return nil
}

// resolveFAQCategory gives a question that came with a category instead of
// a categoryId the id of the category with that slug, creating it first
// when there is none.
func resolveFAQCategory(ctx context.Context, s *Store, tx *db.Tx, f *smmm.FAQ) error {
	if f.CategoryID != "" {
		n, err := queryOne(ctx, tx, scalar[int], `SELECT COUNT(*) FROM "FAQCategory" WHERE "id" = ?`, f.CategoryID)
		if err == nil && n == 0 {
			err = smmm.Invalid(map[string]string{"categoryId": "names no category"})
		}
		return err
	}
	if f.Category == nil {
		return nil
	}
	existing, err := faqCategoryTable.selectRows(ctx, tx, ` WHERE "slug" = ?`, f.Category.Slug)
	if err != nil {
		return err
	}
	if len(existing) == 1 {
		f.CategoryID = existing[0].ID
		return nil
	}
	c := *f.Category
	c.Record = smmm.Record{}
	if err := faqCategoryTable.insert(ctx, s, tx, &c); err != nil {
		return err
	}
	f.CategoryID = c.ID
	return nil
}

// loadFAQCategories reads the categories of questions in one query.
func loadFAQCategories(ctx context.Context, q db.Querier, faqs []smmm.FAQ) error {
	cats, err := faqCategoryTable.selectRows(ctx, q, ``)
	if err != nil {
		return err
	}
	byID := map[string]*smmm.FAQCategory{}
	for i := range cats {
		byID[cats[i].ID] = &cats[i]
	}
	for i := range faqs {
		faqs[i].Category = byID[faqs[i].CategoryID]
	}
	return nil
}

// jsonList stores a smmm.StringList as the JSON text of an array, as the
// original stores Service.features: nil is NULL. Reading accepts any text
// (smmm.ParseStringList), so that a row the original wrote is served as it
// is.
type jsonList struct{ p *smmm.StringList }

func (j jsonList) Value() (driver.Value, error) {
	if *j.p == nil {
		return nil, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as JSON.stringify writes it
	if err := enc.Encode([]string(*j.p)); err != nil {
		return nil, err
	}
	return string(bytes.TrimRight(b.Bytes(), "\n")), nil
}

func (j jsonList) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*j.p = nil
	case string:
		*j.p = smmm.ParseStringList(v)
	case []byte:
		*j.p = smmm.ParseStringList(string(v))
	default:
		return errors.New("store: cannot scan a list from " + fmt.Sprintf("%T", src))
	}
	return nil
}
