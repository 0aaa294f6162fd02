package smmm

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestSniffType(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", "image/png"},
		{"jpeg", "\xff\xd8\xff\xdb", "image/jpeg"},
		{"gif87", "GIF87a...", "image/gif"},
		{"gif89", "GIF89a...", "image/gif"},
		{"webp", "RIFF\x00\x00\x00\x00WEBPVP8L", "image/webp"},
		{"riff but wav", "RIFF\x00\x00\x00\x00WAVEfmt ", ""},
		{"ico", "\x00\x00\x01\x00\x01\x00", "image/x-icon"},
		{"pdf", "%PDF-1.7\n", "application/pdf"},
		{"doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "application/msword"},
		{"docx", "PK\x03\x04....[Content_Types].xml....word/document.xml", typeDOCX},
		{"plain zip", "PK\x03\x04....other.txt", ""},
		{"svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`, ""},
		{"html", "<html><script>", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SniffType([]byte(tt.data)); got != tt.want {
				t.Errorf("SniffType = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestImageProblem(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	png := "\x89PNG\r\n\x1a\n"
	tests := []struct {
		name, v string
		ok      bool
	}{
		{"png data URL", "data:image/png;base64," + b64(png), true},
		{"declared type is not trusted", "data:image/gif;base64," + b64(png), true},
		{"no declared type", "data:;base64," + b64(png), true},
		{"https", "https://cdn.example.com/logo.png", true},
		{"https without host", "https:///x.png", false},
		{"https with user", "https://u:p@example.com/x.png", false},
		{"http", "http://example.com/x.png", false},
		{"javascript", "javascript:alert(1)", false},
		{"svg", "data:image/svg+xml;base64," + b64("<svg onload=alert(1)>"), false},
		{"svg declared as png", "data:image/png;base64," + b64("<svg onload=alert(1)>"), false},
		{"not base64 encoded", "data:image/png," + png, false},
		{"bad base64", "data:image/png;base64,!!!", false},
		{"too large", "data:image/png;base64," + b64(png+strings.Repeat("\x00", MaxImageBytes)), false},
		{"just fits", "data:image/png;base64," + b64(png+strings.Repeat("\x00", MaxImageBytes-len(png))), true},
		{"relative", "/uploads/a.png", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := imageProblem(tt.v); (msg == "") != tt.ok {
				t.Errorf("imageProblem = %q, want ok=%v", msg, tt.ok)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Vergi İşlemleri":          "vergi-islemleri",
		"  Şirket  Kuruluşu!  ":    "sirket-kurulusu",
		"IĞDIR ÇÖĞÜŞ":              "igdir-cogus",
		"E-Defter & E-Fatura 2025": "e-defter-e-fatura-2025",
		"???":                      "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStringList(t *testing.T) {
	tests := []struct {
		json string
		want StringList
	}{
		{`["a","b"]`, StringList{"a", "b"}},
		{`"[\"a\",\"b\"]"`, StringList{"a", "b"}},
		{`"a\n\n b \n"`, StringList{"a", "b"}},
		{`""`, StringList{}},
		{`null`, nil},
	}
	for _, tt := range tests {
		var got StringList
		if err := json.Unmarshal([]byte(tt.json), &got); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.json, err)
			continue
		}
		if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("Unmarshal(%s) = %#v, want %#v", tt.json, got, tt.want)
		}
	}
	var v struct{ F StringList }
	if err := json.Unmarshal([]byte(`{"F":5}`), &v); err == nil {
		t.Error("a number unmarshaled into a StringList")
	}
	if b, _ := json.Marshal(StringList(nil)); string(b) != "[]" {
		t.Errorf("nil list = %s, want []", b)
	}
}

func TestTextLimitIsBytes(t *testing.T) {
	c := checker{}
	c.text("ok", strings.Repeat("ş", MaxTextBytes/2)) // 65,534 bytes
	c.text("long", strings.Repeat("ş", MaxTextBytes/2+1))
	if _, bad := c["ok"]; bad {
		t.Errorf("65,534 bytes refused: %v", c)
	}
	if c["long"] == "" {
		t.Error("65,536 bytes accepted in a TEXT column")
	}
}
