package web

import (
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestAdminCatalogs checks that both languages have the same admin words
// and that every key the admin templates and code name is there: the
// templates' .A "key", and the keys made from names (menus, labels,
// notices).
func TestAdminCatalogs(t *testing.T) {
	tr, en := slices.Sorted(maps.Keys(adminTR)), slices.Sorted(maps.Keys(adminEN))
	if !slices.Equal(tr, en) {
		t.Errorf("the admin catalogues differ:\ntr %v\nen %v", tr, en)
	}
	keys := map[string]bool{}
	tmplKey := regexp.MustCompile(`\.A "([a-zA-Z_0-9-]+)"`)
	err := fs.WalkDir(templateFiles, "templates/admin", func(p string, d fs.DirEntry, err error) error {
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
	goKey := regexp.MustCompile(`(?:\.A\(|"admin/[a-z]+", |, "|renderSigninProblem\()"((?:a|ok)_[a-z_]+)"`)
	for _, f := range []string{"admin.go", "admin_editor.go", "admin_inbox.go", "admin_users.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			if !strings.HasSuffix(m[1], "_") { // a prefix, completed below
				keys[m[1]] = true
			}
		}
	}
	for _, done := range []string{"saved", "moved", "deleted", "status", "signed_out", "user_added", "role", "password"} {
		keys["ok_"+done] = true
	}
	v := adminView{Lang: langTR, msgs: adminTR}
	for _, item := range v.Nav() {
		keys[item.Key] = true
	}
	for _, e := range adminEditors {
		for _, f := range e.fields {
			keys["af_"+f.Name] = true
		}
	}
	for _, fields := range [][]editField{settingsFields, aboutFields} {
		for _, f := range fields {
			keys["af_"+f.Name] = true
		}
	}
	for _, b := range adminInboxes {
		for _, f := range b.fields {
			keys["af_"+f] = true
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys: the patterns no longer match", len(keys))
	}
	for k := range keys {
		if _, ok := adminTR[k]; !ok {
			t.Errorf("admin message %q is used but not in the catalogues", k)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for next, want := range map[string]string{
		"":                       "/admin",
		"/admin":                 "/admin",
		"/admin/users":           "/admin/users",
		"/admin?lang=en":         "/admin?lang=en",
		"//evil.example/admin":   "/admin",
		"https://evil.example/":  "/admin",
		"/administrator":         "/admin",
		"/admin/\\evil":          "/admin",
		"/":                      "/admin",
		"/admin/x\r\nSet-Cookie": "/admin",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
}
