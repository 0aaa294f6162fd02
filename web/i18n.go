package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The languages of the pages: Turkish, the office's own, and English for
// visitors who ask for it. Text the office writes (content, settings) is
// shown as written, in whatever language it is; the catalogues below hold
// the pages' own words.
const (
	langTR = "tr"
	langEN = "en"
)

// langCookie remembers a language chosen with ?lang=.
const langCookie = "smmm_lang"

// catalogs holds the messages of each language by key; both have the same
// keys (TestCatalogsMatch).
var catalogs = map[string]map[string]string{langTR: messagesTR, langEN: messagesEN}

// pageLang decides the language of a page (chooseLang) and says it in
// Content-Language.
func (s *server) pageLang(w http.ResponseWriter, r *http.Request) string {
	lang := s.chooseLang(w, r)
	w.Header().Set("Content-Language", lang)
	return lang
}

// chooseLang picks ?lang=tr|en (remembered in a cookie for a year), else
// the cookie, else the first of tr and en that Accept-Language prefers,
// else Turkish.
func (s *server) chooseLang(w http.ResponseWriter, r *http.Request) string {
	w.Header().Add("Vary", "Accept-Language, Cookie")
	if l := r.URL.Query().Get("lang"); l == langTR || l == langEN {
		http.SetCookie(w, &http.Cookie{
			Name: langCookie, Value: l, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
			HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode,
		})
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == langTR || c.Value == langEN) {
		return c.Value
	}
	return acceptLanguage(r.Header.Get("Accept-Language"))
}

// acceptLanguage picks tr or en from an Accept-Language header by quality,
// the earlier entry winning a tie; Turkish when neither is acceptable.
func acceptLanguage(header string) string {
	best, bestQ := langTR, 0.0
	for part := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		if (primary == langTR || primary == langEN) && q > bestQ {
			best, bestQ = primary, q
		}
	}
	return best
}

// fieldMessages turns the domain's validation messages (English, for the
// API) into the page's language: each message is matched with its numbers
// taken out, and an unknown one reads as a generic "invalid value".
var fieldMessages = map[string]string{
	"is required":                                   "v_required",
	"must be valid UTF-8 text":                      "v_text",
	"must be at most # characters":                  "v_max_chars",
	"must be at most # bytes":                       "v_max_bytes",
	"is not a valid email address":                  "v_email",
	"must have at least # digits":                   "v_phone_digits",
	"must be at most # MB":                          "v_file_size",
	"must be a PDF, DOC or DOCX file":               "v_file_type",
	"may contain only digits, spaces and + ( ) - .": "v_phone_chars",
}

var number = regexp.MustCompile(`[0-9]+`)

// fieldMessage returns msg, a domain validation message, in lang.
func fieldMessage(lang, msg string) string {
	key, ok := fieldMessages[number.ReplaceAllString(msg, "#")]
	if !ok {
		key = "v_invalid"
	}
	return strings.ReplaceAll(catalogs[lang][key], "#", number.FindString(msg))
}

var messagesTR = map[string]string{
	"skip":             "İçeriğe geç",
	"menu":             "Menü",
	"home":             "Ana Sayfa",
	"nav_services":     "Hizmetler",
	"nav_about":        "Hakkımızda",
	"nav_pricing":      "Fiyatlar",
	"nav_faq":          "SSS",
	"nav_careers":      "Kariyer",
	"nav_contact":      "İletişim",
	"nav_quote":        "Teklif Alın",
	"lang_other":       "English",
	"lang_other_short": "EN",

	"services_title":     "Hizmetlerimiz",
	"services_lead":      "İşletmenizin bütün mali ihtiyaçları için kapsamlı çözümler.",
	"workflow_title":     "Nasıl Çalışıyoruz",
	"workflow_lead":      "İlk görüşmeden düzenli hizmete, her adım açık ve planlı.",
	"pricing_title":      "Fiyatlandırma",
	"pricing_lead":       "İşletmenizin büyüklüğüne uygun, şeffaf paketler.",
	"pricing_popular":    "En çok tercih edilen",
	"pricing_choose":     "Teklif isteyin",
	"pricing_excluded":   "dahil değil",
	"testimonials_title": "Müşterilerimiz Ne Diyor",
	"rating":             "5 üzerinden # puan",
	"team_title":         "Ekibimiz",
	"team_lead":          "İşinizi yakından tanıyan, alanında deneyimli bir ekip.",
	"clients_title":      "Referanslarımız",
	"faq_title":          "Sıkça Sorulan Sorular",
	"faq_lead":           "Aklınıza takılan soruların yanıtları.",
	"faq_all":            "Bütün soruları görün",
	"quote_cta_title":    "İşletmenize özel teklif alın",
	"quote_cta_text":     "Birkaç bilgi bırakın, ihtiyacınıza uygun teklifi size iletelim.",
	"contact_title":      "İletişim",
	"contact_lead":       "Sorularınız için bize yazın ya da arayın; en kısa sürede dönüş yapalım.",
	"contact_details":    "İletişim Bilgileri",
	"map_link":           "Haritada görüntüle",
	"follow":             "Bizi takip edin",
	"rights":             "Bütün hakları saklıdır.",

	"quote_title":  "Teklif Alın",
	"quote_lead":   "İşletmenizi ve ihtiyacınızı kısaca anlatın; size özel teklifimizi iletelim.",
	"career_title": "Kariyer",
	"career_lead":  "Ekibimize katılmak ister misiniz? Başvurunuzu özgeçmişinizle birlikte gönderin.",
	"desc_contact": "Telefon, e-posta ve adres bilgilerimiz; iletişim formuyla bize yazın.",
	"desc_quote":   "Muhasebe, vergi ve danışmanlık hizmetleri için size özel teklif isteyin.",
	"desc_career":  "Mali müşavirlik ofisimizdeki açık pozisyonlara başvurun.",
	"desc_faq":     "Muhasebe, vergi ve ofisimizin çalışma şekli üzerine sık sorulan sorular.",

	"f_name":         "Ad Soyad",
	"f_email":        "E-posta",
	"f_phone":        "Telefon",
	"f_subject":      "Konu",
	"f_message":      "Mesajınız",
	"f_company":      "Firma adı",
	"f_serviceType":  "İlgilendiğiniz hizmet",
	"f_position":     "Başvurduğunuz pozisyon",
	"f_experience":   "Deneyim",
	"f_education":    "Eğitim durumu",
	"f_coverLetter":  "Ön yazı",
	"f_cv":           "Özgeçmiş (PDF, DOC ya da DOCX, en fazla 5 MB)",
	"f_website":      "Bu alanı boş bırakın",
	"choose":         "Seçiniz",
	"other":          "Diğer",
	"send":           "Gönder",
	"required_note":  "* ile işaretli alanlar zorunludur.",
	"form_errors":    "Lütfen işaretli alanları düzeltin.",
	"form_again":     "Formun süresi doldu. Bilgileriniz duruyor; lütfen yeniden gönderin.",
	"sent_contact":   "Teşekkürler, mesajınız alındı. En kısa sürede size dönüş yapacağız.",
	"sent_quote":     "Teşekkürler, teklif talebiniz alındı. Size kısa sürede ulaşacağız.",
	"sent_job":       "Teşekkürler, başvurunuz alındı. Uygun bir pozisyon olduğunda sizinle iletişime geçeceğiz.",
	"send_another":   "Yeni bir form gönderin",
	"exp_0":          "1 yıldan az",
	"exp_1":          "1-3 yıl",
	"exp_3":          "3-5 yıl",
	"exp_5":          "5 yıldan fazla",
	"edu_high":       "Lise",
	"edu_assoc":      "Ön lisans",
	"edu_bachelor":   "Lisans",
	"edu_master":     "Yüksek lisans",
	"edu_phd":        "Doktora",
	"pos_accountant": "Muhasebe uzmanı",
	"pos_assistant":  "Muhasebe yardımcısı",
	"pos_intern":     "Stajyer",

	"v_required":     "Bu alan zorunludur.",
	"v_text":         "Geçerli bir metin girin.",
	"v_max_chars":    "En fazla # karakter girebilirsiniz.",
	"v_max_bytes":    "Metin çok uzun.",
	"v_email":        "Geçerli bir e-posta adresi girin.",
	"v_phone_digits": "Telefon numarası en az # rakam içermeli.",
	"v_phone_chars":  "Yalnızca rakam, boşluk ve + ( ) - . kullanabilirsiniz.",
	"v_file_size":    "Dosya en fazla # MB olabilir.",
	"v_file_type":    "Lütfen PDF, DOC ya da DOCX dosyası yükleyin.",
	"v_invalid":      "Bu değer geçersiz.",

	"err_title_400": "Geçersiz istek",
	"err_text_400":  "İsteğiniz işlenemedi. Lütfen bilgileri kontrol edip yeniden deneyin.",
	"err_title_403": "İzin verilmedi",
	"err_text_403":  "Bu işlem için izniniz yok.",
	"err_title_404": "Sayfa bulunamadı",
	"err_text_404":  "Aradığınız sayfa yok ya da taşınmış.",
	"err_title_413": "Dosya çok büyük",
	"err_text_413":  "Gönderdiğiniz dosya izin verilen boyutu aşıyor.",
	"err_title_429": "Çok fazla deneme",
	"err_text_429":  "Kısa sürede çok fazla form gönderildi. Lütfen biraz bekleyip yeniden deneyin.",
	"err_title_500": "Bir sorun oluştu",
	"err_text_500":  "Beklenmeyen bir hata oluştu. Lütfen daha sonra yeniden deneyin.",
	"err_title_503": "Hizmet geçici olarak kullanılamıyor",
	"err_text_503":  "Sitemiz şu an yanıt veremiyor. Lütfen birkaç dakika sonra yeniden deneyin.",
	"err_title_504": "Yanıt gecikti",
	"err_text_504":  "İsteğiniz zamanında yanıtlanamadı. Lütfen yeniden deneyin.",
	"back_home":     "Ana sayfaya dönün",
	"request_id":    "İstek numarası",
}

var messagesEN = map[string]string{
	"skip":             "Skip to content",
	"menu":             "Menu",
	"home":             "Home",
	"nav_services":     "Services",
	"nav_about":        "About",
	"nav_pricing":      "Pricing",
	"nav_faq":          "FAQ",
	"nav_careers":      "Careers",
	"nav_contact":      "Contact",
	"nav_quote":        "Get a quote",
	"lang_other":       "Türkçe",
	"lang_other_short": "TR",

	"services_title":     "Our Services",
	"services_lead":      "Complete solutions for every financial need of your business.",
	"workflow_title":     "How We Work",
	"workflow_lead":      "From the first meeting to regular service, every step is clear and planned.",
	"pricing_title":      "Pricing",
	"pricing_lead":       "Transparent packages that fit the size of your business.",
	"pricing_popular":    "Most popular",
	"pricing_choose":     "Ask for a quote",
	"pricing_excluded":   "not included",
	"testimonials_title": "What Our Clients Say",
	"rating":             "Rated # out of 5",
	"team_title":         "Our Team",
	"team_lead":          "An experienced team that knows your business closely.",
	"clients_title":      "Our Clients",
	"faq_title":          "Frequently Asked Questions",
	"faq_lead":           "Answers to the questions you may have.",
	"faq_all":            "See all questions",
	"quote_cta_title":    "Get a quote for your business",
	"quote_cta_text":     "Leave a few details and we will send you an offer that fits your needs.",
	"contact_title":      "Contact",
	"contact_lead":       "Write to us or call with your questions; we will get back to you soon.",
	"contact_details":    "Contact Details",
	"map_link":           "View on the map",
	"follow":             "Follow us",
	"rights":             "All rights reserved.",

	"quote_title":  "Get a Quote",
	"quote_lead":   "Tell us briefly about your business and what you need; we will send you our offer.",
	"career_title": "Careers",
	"career_lead":  "Would you like to join our team? Send your application with your CV.",
	"desc_contact": "Our phone, email and address; write to us with the contact form.",
	"desc_quote":   "Ask for a quote for accounting, tax and advisory services.",
	"desc_career":  "Apply for open positions at our accounting office.",
	"desc_faq":     "Frequently asked questions about accounting, taxes and how our office works.",

	"f_name":         "Full name",
	"f_email":        "Email",
	"f_phone":        "Phone",
	"f_subject":      "Subject",
	"f_message":      "Your message",
	"f_company":      "Company name",
	"f_serviceType":  "Service you are interested in",
	"f_position":     "Position you apply for",
	"f_experience":   "Experience",
	"f_education":    "Education",
	"f_coverLetter":  "Cover letter",
	"f_cv":           "CV (PDF, DOC or DOCX, at most 5 MB)",
	"f_website":      "Leave this field empty",
	"choose":         "Please choose",
	"other":          "Other",
	"send":           "Send",
	"required_note":  "Fields marked * are required.",
	"form_errors":    "Please correct the marked fields.",
	"form_again":     "The form has expired. Your details are kept; please send it again.",
	"sent_contact":   "Thank you, we received your message. We will get back to you soon.",
	"sent_quote":     "Thank you, we received your quote request. We will contact you shortly.",
	"sent_job":       "Thank you, we received your application. We will contact you when a suitable position opens.",
	"send_another":   "Send another form",
	"exp_0":          "Less than 1 year",
	"exp_1":          "1-3 years",
	"exp_3":          "3-5 years",
	"exp_5":          "More than 5 years",
	"edu_high":       "High school",
	"edu_assoc":      "Associate degree",
	"edu_bachelor":   "Bachelor's degree",
	"edu_master":     "Master's degree",
	"edu_phd":        "Doctorate",
	"pos_accountant": "Accountant",
	"pos_assistant":  "Accounting assistant",
	"pos_intern":     "Intern",

	"v_required":     "This field is required.",
	"v_text":         "Please enter valid text.",
	"v_max_chars":    "Please enter at most # characters.",
	"v_max_bytes":    "The text is too long.",
	"v_email":        "Please enter a valid email address.",
	"v_phone_digits": "The phone number needs at least # digits.",
	"v_phone_chars":  "Use only digits, spaces and + ( ) - .",
	"v_file_size":    "The file may be at most # MB.",
	"v_file_type":    "Please upload a PDF, DOC or DOCX file.",
	"v_invalid":      "This value is not valid.",

	"err_title_400": "Bad request",
	"err_text_400":  "Your request could not be processed. Please check the details and try again.",
	"err_title_403": "Not allowed",
	"err_text_403":  "You are not allowed to do this.",
	"err_title_404": "Page not found",
	"err_text_404":  "The page you are looking for does not exist or has moved.",
	"err_title_413": "File too large",
	"err_text_413":  "The file you sent is larger than allowed.",
	"err_title_429": "Too many attempts",
	"err_text_429":  "Too many forms were sent in a short time. Please wait a little and try again.",
	"err_title_500": "Something went wrong",
	"err_text_500":  "An unexpected error occurred. Please try again later.",
	"err_title_503": "Temporarily unavailable",
	"err_text_503":  "Our site cannot answer right now. Please try again in a few minutes.",
	"err_title_504": "The answer took too long",
	"err_text_504":  "Your request could not be answered in time. Please try again.",
	"back_home":     "Back to the home page",
	"request_id":    "Request id",
}
