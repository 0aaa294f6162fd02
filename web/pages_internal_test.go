package web

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"smmm"
)

func TestCatalogsMatch(t *testing.T) {
	tr, en := slices.Sorted(maps.Keys(messagesTR)), slices.Sorted(maps.Keys(messagesEN))
	if !slices.Equal(tr, en) {
		for _, k := range tr {
			if _, ok := messagesEN[k]; !ok {
				t.Errorf("%q is in Turkish only", k)
			}
		}
		for _, k := range en {
			if _, ok := messagesTR[k]; !ok {
				t.Errorf("%q is in English only", k)
			}
		}
	}
	for lang, msgs := range catalogs {
		for k, v := range msgs {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q is empty", lang, k)
			}
		}
	}
}

// TestTemplateKeys finds every message key the templates and the Go code
// of the pages name, and checks that the catalogues have it.
func TestTemplateKeys(t *testing.T) {
	keys := map[string]bool{}
	tmplKey := regexp.MustCompile(`\.T[n]? "([a-z_0-9]+)"`)
	err := fs.WalkDir(templateFiles, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFiles, p)
		for _, m := range tmplKey.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*formSpec{contactForm, quoteForm, jobForm} {
		keys[f.titleKey], keys[f.descKey], keys[f.sentKey] = true, true, true
		p := page{Lang: langTR, msgs: messagesTR}
		for _, fs := range f.fields(&p, defaultContent()) {
			keys["f_"+fs.Name] = true
			for _, o := range fs.Options {
				if o.Label == "" || strings.Contains(o.Label, "_") {
					t.Errorf("%s: option %q has no message", f.name, o.Value)
				}
			}
		}
	}
	for _, k := range []string{"form_errors", "form_again", "send", "send_another", "required_note", "f_website"} {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(fieldMessages)) {
		keys[fieldMessages[k]] = true
	}
	for _, status := range []string{"400", "403", "404", "413", "429", "500", "503", "504"} {
		keys["err_title_"+status], keys["err_text_"+status] = true, true
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys: the pattern no longer matches the templates", len(keys))
	}
	for k := range keys {
		if _, ok := messagesTR[k]; !ok {
			t.Errorf("message %q is used but not in the catalogues", k)
		}
	}
}

func TestFieldMessage(t *testing.T) {
	// Every message the domain gives a form field has a translation.
	var msgs []string
	for _, v := range []interface{ Valid() map[string]string }{
		&smmm.NewContactMessage{Email: "x", Phone: "a", Name: strings.Repeat("ş", 200)},
		&smmm.NewContactMessage{Phone: "12"},
		&smmm.QuoteRequest{Status: "NEW"},
	} {
		msgs = append(msgs, slices.Collect(maps.Values(v.Valid()))...)
	}
	data := "UEsDBA=="
	app := &smmm.JobApplication{Status: "NEW", CVFileData: &data}
	msgs = append(msgs, slices.Collect(maps.Values(app.Valid()))...)
	msgs = append(msgs, "must be at most 5 MB")
	for _, m := range msgs {
		if got := fieldMessage(langTR, m); got == messagesTR["v_invalid"] || strings.Contains(got, "#") {
			t.Errorf("%q reads %q in Turkish", m, got)
		}
	}
	for _, tt := range []struct{ lang, msg, want string }{
		{langTR, "must be at most 191 characters", "En fazla 191 karakter girebilirsiniz."},
		{langEN, "must have at least 5 digits", "The phone number needs at least 5 digits."},
		{langTR, "something new", "Bu değer geçersiz."},
	} {
		if got := fieldMessage(tt.lang, tt.msg); got != tt.want {
			t.Errorf("fieldMessage(%s, %q) = %q, want %q", tt.lang, tt.msg, got, tt.want)
		}
	}
}

func TestAcceptLanguage(t *testing.T) {
	for _, tt := range []struct{ header, want string }{
		{"", "tr"},
		{"en", "en"},
		{"EN-gb", "en"},
		{"tr-TR, en;q=0.9", "tr"},
		{"en;q=0.5, tr;q=0.5", "en"},
		{"en;q=0, tr;q=0.1", "tr"},
		{"en;q=0", "tr"},
		{"en;q=x, fr", "tr"},
		{"fr, de, en;q=0.1", "en"},
	} {
		if got := acceptLanguage(tt.header); got != tt.want {
			t.Errorf("acceptLanguage(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestIcons(t *testing.T) {
	ic, err := loadIcons(mustSub(t, iconFiles, "assets/vendor/lucide"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, file string }{
		{"Award", "award"}, {"FileText", "file-text"}, {"TrendingUp", "trending-up"}, {"Building2", "building-2"},
		{"CheckCircle", "check-circle"}, {"file-text", "file-text"}, {" Shield ", "shield"},
	} {
		if got := iconFile(tt.name); got != tt.file {
			t.Errorf("iconFile(%q) = %q, want %q", tt.name, got, tt.file)
		}
		if ic.icon(tt.name) == ic[defaultIcon] && tt.file != defaultIcon {
			t.Errorf("icon %q falls back to the default", tt.name)
		}
	}
	// The names the built-in content and the original store are all here.
	var names []string
	for _, v := range smmm.DefaultServices() {
		names = append(names, *v.Icon)
	}
	for _, v := range smmm.DefaultWorkflowSteps() {
		names = append(names, *v.Icon)
	}
	for _, v := range smmm.DefaultAbout().Features {
		names = append(names, *v.Icon)
	}
	names = append(names, "Calculator", "Users", "Target", "Clock", "Heart", "Handshake", "Lightbulb", "Zap", "Globe", "Star", "Briefcase")
	for _, n := range names {
		if ic.icon(n) == ic[defaultIcon] {
			t.Errorf("icon %q is not vendored", n)
		}
	}
	if got := ic.icon("NoSuchIcon"); got != ic[defaultIcon] || got == "" {
		t.Error("an unknown icon does not fall back to the default")
	}
	svg := string(ic.icon("Award"))
	if !strings.HasPrefix(svg, `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path`) || strings.Contains(svg, "style") || strings.Contains(svg, "<!--") {
		t.Errorf("the Award icon renders as %s", svg)
	}
}

func mustSub(t *testing.T, fsys fs.FS, dir string) fs.FS {
	t.Helper()
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func TestLinkHref(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/teklif", "/teklif"},
		{"/#hizmetler", "/#hizmetler"},
		{"#iletisim", "#iletisim"},
		{"https://ofis.example/a?b=c", "https://ofis.example/a?b=c"},
		{"http://ofis.example", "http://ofis.example"},
		{"//evil.example", ""},
		{"/\\evil.example", ""},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data:text/html,x", ""},
		{"https://user:pw@ofis.example", ""},
		{"mailto:a@b.example", ""},
		{"", ""},
	} {
		if got := linkHref(tt.in); got != tt.want {
			t.Errorf("linkHref(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"/media/hero/1/image?v=1", "/media/hero/1/image?v=1"},
		{"https://cdn.example/a.png", ""},
		{"data:image/svg+xml;base64,PHN2Zz4=", ""},
	} {
		if got := imageSrc(&tt.in); got != tt.want {
			t.Errorf("imageSrc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The vendored icons are all from the version the README names, with its
// licence beside them.
func TestVendoredIcons(t *testing.T) {
	const header = "<!-- @license lucide-static v1.87.0 - ISC -->"
	files, err := fs.Glob(iconFiles, "assets/vendor/lucide/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no icons: %v", err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(iconFiles, f)
		if err != nil || !strings.HasPrefix(string(b), header) {
			t.Errorf("%s does not start with %s", f, header)
		}
	}
}
