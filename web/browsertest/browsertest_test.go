package browsertest_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"smmm/web/browsertest"
)

const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

// pages are small documents, each with one kind of problem or none.
var pages = map[string]string{
	"/clean": `<!doctype html><html lang="tr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Temiz</title>
<link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Merhaba</h1><p>Bir paragraf.</p></main><script src="/ok.js"></script></body></html>`,
	"/inline-script": `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Satır içi</title></head>
<body><main><h1>Başlık</h1><script>document.title = 'x'</script></main></body></html>`,
	"/console-error": `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Hata</title></head>
<body><main><h1>Başlık</h1></main><script src="/error.js"></script></body></html>`,
	"/inaccessible": `<!doctype html><html><head><meta charset="utf-8"><title>Erişilemez</title></head>
<body><main><h1>Başlık</h1><img src="/pixel.png"><form><input type="text" name="q"></form></main></body></html>`,
	"/wide": `<!doctype html><html lang="tr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Geniş</title>
<link rel="stylesheet" href="/site.css"></head><body><main><h1>Başlık</h1><div class="wide">geniş</div></main></body></html>`,
}

var assets = map[string]string{
	"/site.css": "body{margin:0;font-family:sans-serif} .wide{width:900px}",
	"/ok.js":    "document.body.dataset.ok = '1';",
	"/error.js": "console.error('something broke');",
}

func site() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if html, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(html))
			return
		}
		if body, ok := assets[r.URL.Path]; ok {
			ct := "text/css"
			if strings.HasSuffix(r.URL.Path, ".js") {
				ct = "text/javascript"
			}
			w.Header().Set("Content-Type", ct)
			w.Write([]byte(body))
			return
		}
		if r.URL.Path == "/favicon.ico" {
			// Chromium asks for it on its own; no icon is no problem.
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.URL.Path == "/pixel.png" {
			w.Header().Set("Content-Type", "image/png")
			w.Write(onePixelPNG)
			return
		}
		http.NotFound(w, r)
	})
}

var onePixelPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// TestBrowser checks that the harness sees each kind of problem, and sees
// none on a clean page: a harness that found nothing anywhere would pass
// every page test.
func TestBrowser(t *testing.T) {
	srv := httptest.NewServer(site())
	defer srv.Close()
	b := browsertest.New(t)

	cases := []struct {
		path        string
		problem     string // a problem must contain this; "" means none at all
		axeSerious  bool
		overflowing bool
	}{
		{path: "/clean"},
		{path: "/inline-script", problem: "script-src"},
		{path: "/console-error", problem: "something broke"},
		{path: "/inaccessible", axeSerious: true},
		{path: "/wide", overflowing: true},
	}
	for _, tc := range cases {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			tab := b.Tab(t, 375, 800)
			tab.Navigate(srv.URL + tc.path)
			problems := tab.Problems()
			switch {
			case tc.problem == "" && len(problems) > 0:
				t.Errorf("problems on a page without any: %q", problems)
			case tc.problem != "" && !strings.Contains(strings.Join(problems, "\n"), tc.problem):
				t.Errorf("problems = %q, want one mentioning %q", problems, tc.problem)
			}
			serious := 0
			for _, v := range tab.Axe() {
				if v.Impact == "serious" || v.Impact == "critical" {
					serious++
				}
			}
			if got := serious > 0; got != tc.axeSerious {
				t.Errorf("serious axe violations = %d, want any: %v", serious, tc.axeSerious)
			}
			if got := tab.Overflow() > 0; got != tc.overflowing {
				t.Errorf("overflow = %d px, want sideways scrolling: %v", tab.Overflow(), tc.overflowing)
			}
		})
	}

	t.Run("clean page ran its script", func(t *testing.T) {
		tab := b.Tab(t, 1024, 768)
		tab.Navigate(srv.URL + "/clean")
		if got := tab.Count(`body[data-ok="1"]`); got != 1 {
			t.Errorf("the page's own script did not run (CSP 'self' must allow it)")
		}
		tab.NoProblems("/clean")
		tab.NoSeriousAxeViolations("/clean")
		if got := tab.Text("h1"); got != "Merhaba" {
			t.Errorf("h1 = %q, want Merhaba", got)
		}
		if got := tab.Location(); got != srv.URL+"/clean" {
			t.Errorf("location = %q, want %s/clean", got, srv.URL)
		}
		if png := tab.Screenshot(); len(png) < 8 || string(png[1:4]) != "PNG" {
			t.Errorf("screenshot is not a PNG")
		}
	})
}
