// Command screenshots makes the README's pictures: it serves smmm in this
// process over a fresh SQLite database filled by seed --demo, signs in as
// an ADMIN in Debian's Chromium (headless, through chromedp) and saves PNGs
// of the first screen of the home page, the admin dashboard, a content
// list and its editor.
//
//	go run ./tools/screenshots [-out docs/screenshots] [-width 1280]
//
// Chromium is found on PATH (chromium, chromium-browser, google-chrome) or
// at $SMMM_TEST_CHROMIUM, as the browser tests find it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"smmm/auth"
	"smmm/db"
	"smmm/migrations"
	"smmm/store"
	"smmm/web"
	"smmm/web/browsertest"
)

const (
	adminEmail    = "admin@example.com"
	adminPassword = "screenshots only"
)

func main() {
	out := flag.String("out", "docs/screenshots", "directory for the PNG files")
	width := flag.Int64("width", 1280, "viewport width in CSS pixels")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := run(ctx, *out, *width); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, width int64) error {
	chromium := browsertest.Exec()
	if chromium == "" {
		return errors.New("no Chromium found: install Debian's chromium package or set " + browsertest.ChromiumEnv)
	}
	dir, err := os.MkdirTemp("", "smmm-screenshots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	base, stop, err := serve(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return err
	}
	defer stop()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.Flag("headless", "new"), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", "tr-TR"), chromedp.WindowSize(int(width), 900))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				return err
			}
			path := filepath.Join(out, name+".png")
			fmt.Println("wrote", path)
			return os.WriteFile(path, png, 0o644)
		})
	}
	return chromedp.Do(bctx,
		chromedp.EmulateViewport(width, 900),
		chromedp.Navigate(base+"/?lang=tr"),
		shot("home"),
		chromedp.Navigate(base+"/auth/signin"),
		chromedp.SendKeys(chromedp.CSS("#email"), adminEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), adminPassword),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitReady(chromedp.CSS("#db")),
		shot("dashboard"),
		chromedp.Navigate(base+"/admin/content/services"),
		chromedp.WaitReady(chromedp.CSS(".rows")),
		shot("editor-list"),
		chromedp.Click(chromedp.CSS(".rowitem .rowtitle")),
		chromedp.WaitReady(chromedp.CSS("#f-title")),
		shot("editor"),
	)
}

// serve starts smmm on a loopback port over a new SQLite database at path,
// seeded with the demo content and an ADMIN whose password this tool
// types. It returns the base URL and a function that stops it.
func serve(ctx context.Context, path string) (string, func(), error) {
	cfg, err := db.ParseURL("file:"+path, db.Development)
	if err != nil {
		return "", nil, err
	}
	pool, err := db.Open(ctx, cfg, db.Options{})
	if err != nil {
		return "", nil, err
	}
	if _, err := migrations.Up(ctx, pool.SQL(), pool.Dialect().String(), nil); err != nil {
		return "", nil, fmt.Errorf("migrate: %w", err)
	}
	st := store.New(pool)
	logger := slog.New(slog.DiscardHandler)
	svc := auth.New(st, auth.Options{Logger: logger})
	if _, err := st.Seed(ctx, store.SeedOptions{AdminEmail: adminEmail, AdminPassword: adminPassword, Demo: true, Hash: svc.HashPassword}); err != nil {
		return "", nil, err
	}
	h := web.NewServer(web.Config{Logger: logger, DB: pool, Store: st, Auth: svc})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }() // ends with Shutdown below
	stop := func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		_ = pool.Close(sctx)
	}
	return "http://" + ln.Addr().String(), stop, nil
}
