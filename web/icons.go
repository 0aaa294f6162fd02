package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"unicode"
)

// iconFiles are the vendored Lucide icons (see assets/vendor/lucide/README.md).
//
//go:embed assets/vendor/lucide/*.svg
var iconFiles embed.FS

// defaultIcon is shown for an icon name the site does not have.
const defaultIcon = "badge-check"

// icons are inline SVG elements by Lucide file name ("file-text"). Their
// stroke and fill come from the stylesheet's .icon rule, so that the
// markup carries no style.
type icons map[string]template.HTML

// loadIcons reads every icon of fsys and keeps the drawing of each: the
// inside of its <svg> element.
func loadIcons(fsys fs.FS) (icons, error) {
	out := icons{}
	files, err := fs.Glob(fsys, "*.svg")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		src := string(b)
		start := strings.Index(src, "<svg")
		open := strings.Index(src[max(start, 0):], ">")
		end := strings.LastIndex(src, "</svg>")
		if start < 0 || open < 0 || end < start+open {
			return nil, fmt.Errorf("web: icon %s is not an SVG element", f)
		}
		var inner strings.Builder
		for line := range strings.Lines(src[start+open+1 : end]) {
			inner.WriteString(strings.TrimSpace(line))
		}
		// The files are vendored, not user input: their markup is trusted.
		out[strings.TrimSuffix(path.Base(f), ".svg")] = template.HTML(`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">` + inner.String() + `</svg>`)
	}
	if _, ok := out[defaultIcon]; !ok {
		return nil, fmt.Errorf("web: the default icon %s is missing", defaultIcon)
	}
	return out, nil
}

// icon returns the icon stored under name, as the original names them
// ("FileText", "Building2"), or as Lucide's files do ("file-text"); an
// unknown or empty name gives the default icon.
func (ic icons) icon(name string) template.HTML {
	if svg, ok := ic[iconFile(name)]; ok {
		return svg
	}
	return ic[defaultIcon]
}

// iconFile turns "TrendingUp" into "trending-up" and "Building2" into
// "building-2"; a name already in kebab case stays as it is.
func iconFile(name string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range strings.TrimSpace(name) {
		switch {
		case unicode.IsUpper(r):
			if prev != 0 && prev != '-' {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsDigit(r):
			if prev != 0 && prev != '-' && !unicode.IsDigit(prev) {
				b.WriteByte('-')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
