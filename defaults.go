package smmm

import "strconv"

// The built-in content, in Turkish: the public site shows it while a
// collection is empty, as the original does, and `smmm seed --demo` stores
// it. Rows have ids "default-1", "default-2", ... and zero times.

// defaultRecords gives rows ids in order.
func defaultRecords[T any, P Content[T]](rows []T) []T {
	for i := range rows {
		*P(&rows[i]).Rec() = Record{ID: "default-" + strconv.Itoa(i+1)}
	}
	return rows
}

func ptr(s string) *string { return &s }

// DefaultSiteSettings are the settings shown while none are stored.
func DefaultSiteSettings() SiteSettings {
	return SiteSettings{
		SiteName:        "SMMM Ofisi",
		SiteDescription: ptr("Serbest muhasebeci mali müşavirlik: muhasebe, vergi ve danışmanlık hizmetleri."),
	}
}

// DefaultHeroSlides are the hero slides shown while none are stored.
func DefaultHeroSlides() []HeroSlide {
	return defaultRecords([]HeroSlide{
		{Title: "Mali Müşavirlikte Güvenilir Çözüm Ortağınız", Subtitle: "İşletmenizin muhasebe, vergi ve bordro süreçlerini zamanında ve eksiksiz yönetiyoruz.",
			ButtonText: ptr("Teklif Alın"), ButtonURL: ptr("/#teklif"), IsActive: true, Order: 0},
		{Title: "Dijital Muhasebe, Şeffaf Raporlama", Subtitle: "E-fatura, e-defter ve e-beyanname işlemlerinizi tek elden takip edin.",
			ButtonText: ptr("Hizmetlerimiz"), ButtonURL: ptr("/#hizmetler"), IsActive: true, Order: 1},
	})
}

// DefaultServices are the services shown while none are stored.
func DefaultServices() []Service {
	return defaultRecords([]Service{
		{Icon: ptr("Calculator"), Title: "Muhasebe ve Defter Tutma", Description: "Yasal defterlerinizin tutulması ve aylık mali tabloların hazırlanması.",
			Features: StringList{"Yevmiye ve kebir defterleri", "E-defter", "Aylık mizan"}, IsActive: true, Order: 0},
		{Icon: ptr("FileText"), Title: "Vergi Beyannameleri", Description: "KDV, muhtasar, geçici vergi ve yıllık gelir/kurumlar vergisi beyannameleri.",
			Features: StringList{"KDV beyannamesi", "Muhtasar ve prim hizmet", "Yıllık beyanname"}, IsActive: true, Order: 1},
		{Icon: ptr("Users"), Title: "Bordro ve SGK İşlemleri", Description: "Personel bordrolarının hazırlanması, SGK giriş-çıkış ve bildirgeleri.",
			Features: StringList{"Aylık bordro", "SGK bildirgeleri", "İşe giriş ve çıkış"}, IsActive: true, Order: 2},
		{Icon: ptr("Briefcase"), Title: "Şirket Kuruluşu", Description: "Şahıs, limited ve anonim şirket kuruluşunda baştan sona destek.",
			Features: StringList{"Ana sözleşme", "Vergi dairesi açılışı", "Ticaret sicil işlemleri"}, IsActive: true, Order: 3},
	})
}

// DefaultWorkflowSteps are the steps shown while none are stored.
func DefaultWorkflowSteps() []WorkflowStep {
	return defaultRecords([]WorkflowStep{
		{Icon: ptr("Phone"), Title: "Tanışma", Description: "İşletmenizi ve ihtiyaçlarınızı dinliyoruz.", Order: 0},
		{Icon: ptr("ClipboardList"), Title: "Analiz", Description: "Mevcut kayıtlarınızı ve yükümlülüklerinizi inceliyoruz.", Order: 1},
		{Icon: ptr("FileSignature"), Title: "Sözleşme", Description: "Kapsamı ve ücreti netleştirip hizmet sözleşmesini imzalıyoruz.", Order: 2},
		{Icon: ptr("CheckCircle"), Title: "Düzenli Hizmet", Description: "Her ay beyanname, bordro ve raporlarınızı zamanında teslim ediyoruz.", Order: 3},
	})
}

// DefaultPricingPlans are the plans shown while none are stored.
func DefaultPricingPlans() []PricingPlan {
	features := func(texts ...string) []PricingFeature {
		out := make([]PricingFeature, len(texts))
		for i, t := range texts {
			out[i] = PricingFeature{ID: "default-feature-" + strconv.Itoa(i+1), Text: t, IsIncluded: true, Order: i}
		}
		return out
	}
	plans := defaultRecords([]PricingPlan{
		{Name: "Başlangıç", Price: "2.500", Period: "ay", Description: ptr("Yeni kurulan ve küçük işletmeler için"), IsActive: true, Order: 0,
			Features: features("Aylık beyannameler", "Temel muhasebe kayıtları", "E-posta desteği")},
		{Name: "Profesyonel", Price: "4.500", Period: "ay", Description: ptr("Büyüyen işletmeler için"), IsPopular: true, IsActive: true, Order: 1,
			Features: features("Başlangıç paketindeki her şey", "Bordro ve SGK işlemleri", "Aylık mali rapor", "Telefon desteği")},
		{Name: "Kurumsal", Price: "Özel Fiyat", Period: "", Description: ptr("Ölçeğinize göre hazırlanan çözüm"), IsActive: true, Order: 2,
			Features: features("Profesyonel paketteki her şey", "Özel müşteri temsilcisi", "Finansal analiz ve danışmanlık")},
	})
	for i := range plans {
		for j := range plans[i].Features {
			plans[i].Features[j].PlanID = plans[i].ID
		}
	}
	return plans
}

// DefaultTestimonials are the testimonials shown while none are stored.
func DefaultTestimonials() []Testimonial {
	return defaultRecords([]Testimonial{
		{Name: "Ayşe Demir", Position: "Kurucu", Company: ptr("Demir Tekstil"), Content: "Beyannamelerimiz hep zamanında; sorularımıza aynı gün yanıt alıyoruz.", Rating: 5, IsActive: true, Order: 0},
		{Name: "Mehmet Kaya", Position: "Genel Müdür", Company: ptr("Kaya Yazılım"), Content: "Şirket kuruluşundan bordroya kadar her adımda yanımızdaydılar.", Rating: 5, IsActive: true, Order: 1},
	})
}

// DefaultTeamMembers are the people shown while none are stored.
func DefaultTeamMembers() []TeamMember {
	return defaultRecords([]TeamMember{
		{Name: "Ofis Sahibi", Position: "Serbest Muhasebeci Mali Müşavir", Bio: ptr("Mali müşavirlik alanında uzun yıllara dayanan deneyim."), IsActive: true, Order: 0},
	})
}

// DefaultFAQs are the questions shown while none are stored, each with
// its category.
func DefaultFAQs() []FAQ {
	general := &FAQCategory{Record: Record{ID: "default-category-1"}, Name: "Genel", Slug: "genel", Order: 0}
	taxes := &FAQCategory{Record: Record{ID: "default-category-2"}, Name: "Vergi", Slug: "vergi", Order: 1}
	return defaultRecords([]FAQ{
		{CategoryID: general.ID, Category: general, Question: "Hangi belgeleri ne zaman teslim etmeliyim?", Answer: "Alış ve satış faturalarınızı her ayın ilk haftasında iletmeniz yeterlidir.", Order: 0},
		{CategoryID: general.ID, Category: general, Question: "Uzaktan çalışabiliyor muyuz?", Answer: "Evet; belgelerinizi e-posta ya da dijital arşiv üzerinden gönderebilirsiniz.", Order: 1},
		{CategoryID: taxes.ID, Category: taxes, Question: "KDV beyannamesi ne zaman verilir?", Answer: "Aylık KDV beyannamesi, izleyen ayın 28'i akşamına kadar verilir.", Order: 2},
	})
}

// DefaultFAQCategories are the categories of DefaultFAQs.
func DefaultFAQCategories() []FAQCategory {
	var out []FAQCategory
	seen := map[string]bool{}
	for _, f := range DefaultFAQs() {
		if !seen[f.CategoryID] {
			seen[f.CategoryID] = true
			out = append(out, *f.Category)
		}
	}
	return out
}
