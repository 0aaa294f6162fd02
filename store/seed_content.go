package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"

	"smmm"
	"smmm/db"
)

// seedContent stores the demo office of `smmm seed --demo`: the built-in
// content in every collection that is empty, demo site settings unless
// settings are stored, and a few quote requests and job applications. Rows
// get fixed ids ("demo-<table>-<n>"), so that concurrent seeds store each
// once. It returns how many rows it stored.
func (s *Store) seedContent(ctx context.Context) (int, error) {
	total := 0
	add := func(n int, err error) error {
		total += n
		return err
	}
	faqs := smmm.DefaultFAQs()
	for i := range faqs {
		faqs[i].CategoryID = "" // found by its slug, or made, with the question
	}
	quotes, jobs := demoForms()
	for _, step := range []func() error{
		func() error { return add(seedRows(ctx, s, heroTable, smmm.DefaultHeroSlides())) },
		func() error { return add(seedRows(ctx, s, serviceTable, smmm.DefaultServices())) },
		func() error { return add(seedRows(ctx, s, workflowTable, smmm.DefaultWorkflowSteps())) },
		func() error { return add(seedRows(ctx, s, pricingTable, smmm.DefaultPricingPlans())) },
		func() error { return add(seedRows(ctx, s, testimonialTable, smmm.DefaultTestimonials())) },
		func() error { return add(seedRows(ctx, s, teamTable, demoTeam())) },
		func() error { return add(seedRows(ctx, s, faqTable, faqs)) },
		func() error { return add(seedRows(ctx, s, siteSettingsTable, []smmm.SiteSettings{demoSiteSettings()})) },
		func() error { return add(seedRows(ctx, s, quoteTable, quotes)) },
		func() error { return add(seedRows(ctx, s, jobTable, jobs)) },
	} {
		if err := step(); err != nil {
			return total, err
		}
	}
	return total, nil
}

// seedRows stores rows in t, in one transaction, when t is empty; a
// concurrent seed that stored them first counts as done.
func seedRows[T any, P smmm.Content[T]](ctx context.Context, s *Store, t *table[T, P], rows []T) (int, error) {
	empty, err := Collection[T, P]{s, t}.Empty(ctx)
	if err != nil || !empty {
		return 0, err
	}
	err = s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
		for i := range rows {
			*P(&rows[i]).Rec() = smmm.Record{ID: "demo-" + t.name + "-" + strconv.Itoa(i+1)}
			if err := t.insert(ctx, s, tx, &rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case db.KindOf(err) == db.KindConflict:
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("%s: %w", t.name, err)
	}
	return len(rows), nil
}

func demoSiteSettings() smmm.SiteSettings {
	p := func(s string) *string { return &s }
	return smmm.SiteSettings{
		SiteName:        "Yıldız Mali Müşavirlik",
		SiteDescription: p("İstanbul Kadıköy'de 2008'den beri işletmelere muhasebe, vergi ve bordro hizmeti veren serbest muhasebeci mali müşavirlik ofisi."),
		Phone:           p("+90 216 555 12 34"),
		Email:           p("iletisim@yildizmusavirlik.example"),
		Address:         p("Caferağa Mah. Moda Cad. No: 12 Daire: 4, 34710 Kadıköy / İstanbul"),
		MapLatitude:     p("40.9869"),
		MapLongitude:    p("29.0253"),
		LinkedinURL:     p("https://www.linkedin.com/company/yildiz-mali-musavirlik-example"),
		InstagramURL:    p("https://www.instagram.com/yildizmusavirlik.example"),
	}
}

func demoTeam() []smmm.TeamMember {
	p := func(s string) *string { return &s }
	return []smmm.TeamMember{
		{Name: "Selin Yıldız", Position: "SMMM, Kurucu Ortak", Bio: p("2008'den beri serbest muhasebeci mali müşavir; şirket kuruluşu ve vergi planlaması."),
			Email: p("selin@yildizmusavirlik.example"), IsActive: true, Order: 0},
		{Name: "Burak Aydın", Position: "SMMM", Bio: p("Bordro, SGK ve teşvik uygulamaları."), Email: p("burak@yildizmusavirlik.example"), IsActive: true, Order: 1},
		{Name: "Deniz Arslan", Position: "Muhasebe Uzmanı", Bio: p("E-fatura, e-defter ve aylık beyannameler."), IsActive: true, Order: 2},
	}
}

// demoCV is a minimal PDF, the CV of the demo application.
const demoCV = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

func demoForms() ([]smmm.QuoteRequest, []smmm.JobApplication) {
	p := func(s string) *string { return &s }
	quotes := []smmm.QuoteRequest{
		{Name: "Hakan Çelik", Email: "hakan.celik@example.com", Phone: "+90 532 444 55 66", Company: "Çelik Gıda Ltd. Şti.",
			ServiceType: "Muhasebe ve Defter Tutma", Message: p("12 çalışanlı bir gıda toptancısıyız; aylık muhasebe ve bordro için teklif rica ederiz."), Status: "NEW"},
		{Name: "Ece Polat", Email: "ece.polat@example.com", Phone: "0 (216) 333 22 11", Company: "Polat Tasarım",
			ServiceType: "Şirket Kuruluşu", Status: "CONTACTED"},
	}
	jobs := []smmm.JobApplication{
		{Name: "Mert Koç", Email: "mert.koc@example.com", Phone: "+90 555 777 88 99", Position: "Stajyer Muhasebeci",
			Experience: "1 yıl", Education: "İşletme Lisans", CoverLetter: p("Ofisinizde SMMM stajımı yapmak istiyorum."),
			CVFileName: p("mert-koc-ozgecmis.pdf"), CVFileData: p(base64.StdEncoding.EncodeToString([]byte(demoCV))),
			CVMimeType: p("application/pdf"), Status: "NEW"},
	}
	return quotes, jobs
}
