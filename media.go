package smmm

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
)

// Limits of the files the original stores in LONGTEXT columns as base64.
const (
	// MaxImageBytes is the largest image (image, logo, avatar, favicon,
	// brandIcon), decoded.
	MaxImageBytes = 2 << 20
	// MaxCVBytes is the largest CV of a job application, decoded.
	MaxCVBytes = 5 << 20
)

// File is a file held in a column the way the original holds it: base64
// text, with its type found from its bytes.
type File struct {
	// Type is the media type found from the bytes, such as "image/png".
	Type string
	// Data is the decoded content.
	Data []byte
}

// ParseDataURL decodes a base64 data: URL, such as the ones the original's
// admin panel stores in image columns. Any other text gives an error.
func ParseDataURL(s string) (File, error) {
	rest, ok := strings.CutPrefix(s, "data:")
	if !ok {
		return File{}, errors.New("is not a data: URL")
	}
	meta, data, ok := strings.Cut(rest, ",")
	if !ok || !strings.HasSuffix(meta, ";base64") {
		return File{}, errors.New("must be a base64 data: URL")
	}
	return ParseBase64(data)
}

// DataURLType names the type of the file in a base64 data: URL from its
// first bytes alone, "" when s is no such URL or the type is unknown. It is
// cheap on a URL of megabytes.
func DataURLType(s string) string {
	rest, ok := strings.CutPrefix(s, "data:")
	if !ok {
		return ""
	}
	meta, data, ok := strings.Cut(rest, ",")
	if !ok || !strings.HasSuffix(meta, ";base64") {
		return ""
	}
	head := data[:min(len(data), 64)]
	b, err := base64.StdEncoding.DecodeString(head[:len(head)/4*4])
	if err != nil {
		return ""
	}
	return SniffType(b)
}

// ParseBase64 decodes a file stored as plain base64, as a job
// application's CV is.
func ParseBase64(data string) (File, error) {
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return File{}, errors.New("has invalid base64 data")
	}
	return File{Type: SniffType(b), Data: b}, nil
}

// base64Len is the length of n bytes in base64, with room for a data: URL's
// header.
func base64Len(n int) int { return base64.StdEncoding.EncodedLen(n) + 100 }

// The types an image column accepts, by the first bytes of the file. SVG is
// not among them: it can carry scripts.
var imageMagic = []struct {
	prefix, typ string
}{
	{"\x89PNG\r\n\x1a\n", "image/png"},
	{"\xff\xd8\xff", "image/jpeg"},
	{"GIF87a", "image/gif"},
	{"GIF89a", "image/gif"},
	{"\x00\x00\x01\x00", "image/x-icon"},
}

// The types a CV accepts: PDF, the old Word format (OLE2) and DOCX (a ZIP
// holding word/).
var documentMagic = []struct {
	prefix, typ string
}{
	{"%PDF-", "application/pdf"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"},
}

// Media types of the files SniffType recognizes beyond the magic tables.
const (
	typeWebP = "image/webp"
	typeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// SniffType names the type of b from its bytes: one of the image types an
// image column accepts, a PDF, DOC or DOCX, or "" for anything else.
func SniffType(b []byte) string {
	for _, m := range imageMagic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return m.typ
		}
	}
	if len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" {
		return typeWebP
	}
	for _, m := range documentMagic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return m.typ
		}
	}
	// A DOCX is a ZIP whose entries include word/document.xml; the local
	// file headers name entries in the clear.
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) && bytes.Contains(b[:min(len(b), 64<<10)], []byte("word/")) {
		return typeDOCX
	}
	return ""
}

// IsImageType reports whether typ is a type an image column accepts.
func IsImageType(typ string) bool {
	if typ == typeWebP {
		return true
	}
	for _, m := range imageMagic {
		if m.typ == typ {
			return true
		}
	}
	return false
}

// IsDocumentType reports whether typ is a type a CV may have.
func IsDocumentType(typ string) bool {
	return typ == "application/pdf" || typ == "application/msword" || typ == typeDOCX
}

// image checks an image column: a base64 data: URL whose bytes are PNG,
// JPEG, WebP, GIF or ICO, up to MaxImageBytes, or an https URL.
func (c checker) image(field string, v *string, isRequired bool) {
	if v == nil {
		if isRequired {
			c.fail(field, "is required")
		}
		return
	}
	if msg := imageProblem(*v); msg != "" {
		c.fail(field, msg)
	}
}

func imageProblem(s string) string {
	if strings.HasPrefix(s, "https://") {
		if len(s) > MaxLinkLen || !webURL(s, true) {
			return "must be a valid https URL of at most " + strconv.Itoa(MaxLinkLen) + " characters"
		}
		return ""
	}
	if !strings.HasPrefix(s, "data:") {
		return "must be a data: URL of a PNG, JPEG, WebP, GIF or ICO image, or an https URL"
	}
	if len(s) > base64Len(MaxImageBytes) {
		return "must be at most " + sizeText(MaxImageBytes)
	}
	f, err := ParseDataURL(s)
	switch {
	case err != nil:
		return err.Error()
	case len(f.Data) > MaxImageBytes:
		return "must be at most " + sizeText(MaxImageBytes)
	case !IsImageType(f.Type):
		return "must be a PNG, JPEG, WebP, GIF or ICO image (SVG is not accepted)"
	}
	return ""
}

// sizeText writes a size in whole MB.
func sizeText(n int) string { return strconv.Itoa(n>>20) + " MB" }
