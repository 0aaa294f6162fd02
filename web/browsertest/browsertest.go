// Package browsertest drives a real browser, Debian's Chromium in headless
// mode, for the tests of the site's pages: it opens pages, records every
// console error, uncaught exception and Content-Security-Policy violation,
// runs axe-core's accessibility checks and measures sideways scrolling.
//
// Chromium is found on PATH (chromium, chromium-browser, google-chrome) or
// at $SMMM_TEST_CHROMIUM. When it is missing the test is skipped with a
// message, and fails when the CI variable is set: CI must run the browser
// tests (.ci/run installs Debian's chromium package).
//
// Each [New] starts one browser process for the test and closes it when
// the test ends; [Browser.Tab] opens a tab. Every action has a deadline.
package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ChromiumEnv names a Chromium executable to use instead of the one on PATH.
const ChromiumEnv = "SMMM_TEST_CHROMIUM"

// AxeVersion is the version of the vendored axe-core (axe/README.md).
const AxeVersion = "4.14.1"

//go:embed axe/axe.min.js
var axeSource string

// Timeout bounds every action of a tab (a navigation, a click, a check).
const Timeout = 30 * time.Second

// Browser is one headless Chromium process.
type Browser struct {
	ctx context.Context // the browser's; its tabs derive from it
}

// Exec finds the Chromium executable, or returns "".
func Exec() string {
	if p := os.Getenv(ChromiumEnv); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless Chromium for t, closed when t ends. It skips t when
// no Chromium is installed, and fails it under CI.
func New(t testing.TB) *Browser {
	t.Helper()
	path := Exec()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("no Chromium found (install Debian's chromium package or set %s); CI must run the browser tests", ChromiumEnv)
		}
		t.Skipf("no Chromium found (install Debian's chromium package or set %s); skipping browser tests", ChromiumEnv)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "tr-TR"),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		cancelAlloc()
	}
	// The first action starts the process and ties it to ctx itself, so it
	// cannot run under a shorter context: the deadline is kept here.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			stop()
			t.Fatalf("start Chromium (%s): %v", path, err)
		}
	case <-time.After(Timeout):
		stop()
		t.Fatalf("Chromium (%s) did not start within %s", path, Timeout)
	}
	t.Cleanup(stop)
	return &Browser{ctx: ctx}
}

// Tab is one browser tab with the problems it has recorded so far.
type Tab struct {
	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string // console errors, exceptions, CSP violations, in order
}

// Tab opens a new tab of width × height CSS pixels for t, closed when t
// ends. From its creation it records console errors, uncaught exceptions
// and CSP violations ([Tab.Problems]).
func (b *Browser) Tab(t testing.TB, width, height int64) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tab := &Tab{t: t, ctx: ctx}
	// Console opens the tab, tied to ctx, and subscribes before its first
	// page.
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return // the tab closed
			}
			tab.record(m)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(Timeout):
			t.Errorf("browsertest: the console reader did not stop within %s of the tab closing", Timeout)
		}
	})
	tab.Run(
		chromedp.EmulateViewport(width, height),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			// A securitypolicyviolation event is the page's own record of
			// a CSP violation; scripts added through the protocol are not
			// subject to the page's CSP.
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder})
			return err
		}),
	)
	return tab
}

// cspRecorder keeps the page's CSP violations where Problems reads them.
const cspRecorder = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`

// record keeps a console message that is a problem: an error, an assertion
// that failed, an uncaught exception, an error of the browser's log.
func (tab *Tab) record(m chromedp.ConsoleMessage) {
	if m.Type != chromedp.ConsoleError && m.Type != chromedp.ConsoleException && m.Type != "assert" {
		return
	}
	problem := m.String()
	if m.Source != "" {
		problem += " (" + m.Source + ")"
	}
	if m.URL != "" {
		problem += fmt.Sprintf(" at %s:%d", m.URL, m.Line+1)
	}
	tab.mu.Lock()
	tab.problems = append(tab.problems, problem)
	tab.mu.Unlock()
}

// Run runs actions in the tab within [Timeout], failing the test on error.
func (tab *Tab) Run(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	if err := tab.RunErr(actions...); err != nil {
		tab.t.Fatal(err)
	}
}

// RunErr is [Tab.Run] returning the error instead.
func (tab *Tab) RunErr(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tab.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		return fmt.Errorf("browser: %w", err)
	}
	return nil
}

// Get runs one action that returns a value, within [Timeout], failing the
// test on error.
func Get[T any](tab *Tab, action chromedp.Action[T]) T {
	tab.t.Helper()
	v, err := GetErr(tab, action)
	if err != nil {
		tab.t.Fatal(err)
	}
	return v
}

// GetErr is [Get] returning the error instead.
func GetErr[T any](tab *Tab, action chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(tab.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		return v, fmt.Errorf("browser: %w", err)
	}
	return v, nil
}

// Navigate opens url and waits for the page to load.
func (tab *Tab) Navigate(url string) {
	tab.t.Helper()
	tab.Run(chromedp.Navigate(url))
}

// Problems returns the console errors, exceptions and CSP violations the
// tab has seen so far, the current page's recorded violations included.
func (tab *Tab) Problems() []string {
	tab.t.Helper()
	csp, err := GetErr(tab, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err != nil {
		tab.t.Fatalf("read CSP violations: %v", err)
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	out := append([]string(nil), tab.problems...)
	for _, v := range csp {
		out = append(out, "CSP: "+v)
	}
	return out
}

// NoProblems fails the test for every problem [Tab.Problems] returns,
// naming the page.
func (tab *Tab) NoProblems(page string) {
	tab.t.Helper()
	for _, p := range tab.Problems() {
		tab.t.Errorf("%s: %s", page, p)
	}
}

// Violation is one failed axe-core rule.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var where []string
	for i, n := range v.Nodes {
		if i == 3 {
			where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-3))
			break
		}
		where = append(where, fmt.Sprint(n.Target))
	}
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(where, ", "))
}

// Axe runs axe-core on the current page (WCAG 2.x A and AA rules and best
// practices) and returns its violations.
func (tab *Tab) Axe() []Violation {
	tab.t.Helper()
	tab.Run(chromedp.Evaluate[chromedp.Void](axeSource))
	text := Get(tab, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	var out []Violation
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		tab.t.Fatalf("axe result: %v", err)
	}
	return out
}

// NoSeriousAxeViolations fails the test for each serious or critical axe
// violation on the current page.
func (tab *Tab) NoSeriousAxeViolations(page string) {
	tab.t.Helper()
	for _, v := range tab.Axe() {
		if v.Impact == "serious" || v.Impact == "critical" {
			tab.t.Errorf("%s: axe: %s", page, v)
		}
	}
}

// Overflow returns how many CSS pixels the current page is wider than the
// viewport: more than 0 means it scrolls sideways.
func (tab *Tab) Overflow() int {
	tab.t.Helper()
	return Get(tab, chromedp.Evaluate[int](`Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0) - window.innerWidth`))
}

// Text returns the visible text of the first node matching selector.
func (tab *Tab) Text(selector string) string {
	tab.t.Helper()
	return Get(tab, chromedp.Text(chromedp.CSS(selector), chromedp.NodeVisible))
}

// Location returns the current page's URL.
func (tab *Tab) Location() string {
	tab.t.Helper()
	return Get(tab, chromedp.Location())
}

// Screenshot returns a PNG of the whole page.
func (tab *Tab) Screenshot() []byte {
	tab.t.Helper()
	return Get(tab, chromedp.FullScreenshot(100))
}

// Count returns how many nodes match the CSS selector.
func (tab *Tab) Count(selector string) int {
	tab.t.Helper()
	return Get(tab, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(selector)+`).length`))
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}
