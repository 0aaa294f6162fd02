package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// assetFiles are the stylesheets and scripts of the pages: plain files,
// written by hand, with no build step.
//
//go:embed assets/*.css assets/*.js
var assetFiles embed.FS

// asset is one static file as it is served: under a name that holds a
// digest of its bytes, so that it can be cached for a year and a new
// version gets a new URL.
type asset struct {
	name    string // the file's own name, such as "site.css"
	url     string // "/assets/site.0123456789ab.css"
	typ     string
	etag    string
	data    []byte
	gzipped []byte // data compressed once at start, sent to clients that accept gzip
}

// assets are the embedded static files, by their own name and by the name
// they are served under.
type assets struct {
	byName map[string]*asset
	byFile map[string]*asset // the last element of url
}

// loadAssets reads, fingerprints and compresses every file of fsys.
func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byFile: map[string]*asset{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		digest := hex.EncodeToString(sum[:6])
		name := path.Base(p)
		ext := path.Ext(name)
		file := strings.TrimSuffix(name, ext) + "." + digest + ext
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // the level is valid
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		typ := mime.TypeByExtension(ext)
		if typ == "" {
			typ = "application/octet-stream"
		}
		as := &asset{name: name, url: "/assets/" + file, typ: typ, etag: `"` + digest + `"`, data: data, gzipped: gz.Bytes()}
		a.byName[name], a.byFile[file] = as, as
		return nil
	})
	return a, err
}

// url returns the URL that serves the file named name ("site.css"); it
// panics on a name that is not embedded, which templates find at start.
func (a *assets) url(name string) string {
	as, ok := a.byName[name]
	if !ok {
		panic("web: no asset " + name)
	}
	return as.url
}

// handleAsset serves GET /assets/{file}: only fingerprinted names, cached
// for a year as immutable, gzip-compressed for clients that accept it.
func (s *server) handleAsset(w http.ResponseWriter, r *http.Request) error {
	as, ok := s.pages.assets.byFile[r.PathValue("file")]
	if !ok {
		return errNotFoundRoute
	}
	h := w.Header()
	h.Set("Content-Type", as.typ)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", as.etag)
	h.Add("Vary", "Accept-Encoding")
	if strings.Contains(r.Header.Get("If-None-Match"), as.etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	body := as.data
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = as.gzipped
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body) // the status is sent; an error means the client left
	}
	return nil
}

// acceptsGzip reports whether the client takes a gzip-encoded answer.
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
