package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/db"
	"smmm/store"
)

// CookieName is the name of the session cookie.
const CookieName = "smmm_session"

// Defaults of Options.
const (
	DefaultTTL          = 30 * 24 * time.Hour
	DefaultRefreshEvery = 24 * time.Hour
)

// Options configure Sessions. The zero value is usable: every field has a
// default.
type Options struct {
	// Secure marks the cookie Secure (HTTPS only); set it in production.
	// The cookie is Secure anyway on a TLS connection, and behind a trusted
	// proxy that reports X-Forwarded-Proto: https.
	Secure bool
	// KeepHashes turns off the upgrade of lower-cost password hashes at
	// login (on by default). Tests that sign in many times with cheap
	// hashes set it to stay fast.
	KeepHashes bool
	// TTL is how long a session lasts after it was created or last
	// refreshed (default DefaultTTL, 30 days).
	TTL time.Duration
	// RefreshEvery is how often at most a used session gets a new expiry
	// and cookie (default DefaultRefreshEvery, a day).
	RefreshEvery time.Duration
	// LoginLimit limits login attempts per email and per client address
	// (default DefaultLoginLimit); successful attempts are not counted.
	LoginLimit Limit
	// ContactLimit limits what Throttle("contact", ...) lets through per
	// client address (default DefaultContactLimit), for LimitContact.
	ContactLimit Limit
	// TrustedProxies are the proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed (TRUSTED_PROXIES); see ClientAddr.
	TrustedProxies []netip.Prefix
	// Now returns the current time; nil means smmm.Now. Tests set it.
	Now func() time.Time
	// Logger receives warnings (a failed purge or refresh); nil discards.
	// Nothing secret is ever logged: no password, token or cookie.
	Logger *slog.Logger
	// WriteError answers a refused or failed request: 401, 403 and 429
	// *smmm.Error values, a *ThrottledError, and database errors. Nil
	// writes a bare {"error","code"} JSON body; web.ErrorWriter formats it
	// like every other error of the site.
	WriteError func(w http.ResponseWriter, r *http.Request, err error)
}

// Sessions signs users in and out and finds the user of a request. Sessions
// live in the database ("Session" rows keyed by the SHA-256 of the cookie's
// token), so any number of instances serve the same users. It is safe for
// concurrent use.
type Sessions struct {
	store *store.Store
	opts  Options
}

// New returns Sessions over st with opts, defaults filled in.
func New(st *store.Store, opts Options) *Sessions {
	if opts.TTL <= 0 {
		opts.TTL = DefaultTTL
	}
	if opts.RefreshEvery <= 0 {
		opts.RefreshEvery = DefaultRefreshEvery
	}
	if opts.LoginLimit.N <= 0 || opts.LoginLimit.Window <= 0 {
		opts.LoginLimit = DefaultLoginLimit
	}
	if opts.ContactLimit.N <= 0 || opts.ContactLimit.Window <= 0 {
		opts.ContactLimit = DefaultContactLimit
	}
	if opts.Now == nil {
		opts.Now = smmm.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.WriteError == nil {
		opts.WriteError = writeError
	}
	return &Sessions{store: st, opts: opts}
}

// Errors of authentication. Their messages are safe to show.
var (
	// ErrMismatch is the answer to a wrong password, an unknown email and a
	// user without a password alike, so that a caller learns nothing about
	// which accounts exist.
	ErrMismatch error = &smmm.Error{Code: smmm.EUNAUTHORIZED, Message: "wrong email or password"}
	// ErrNoSession reports a request without a valid session.
	ErrNoSession error = &smmm.Error{Code: smmm.EUNAUTHORIZED, Message: "sign in first"}
	// ErrCrossOrigin reports a state-changing request from another site.
	ErrCrossOrigin error = &smmm.Error{Code: smmm.EFORBIDDEN, Message: "cross-origin request refused"}
)

// ThrottledError reports a request refused by a rate limit. It unwraps to
// an *smmm.Error with code ETHROTTLED, so it answers 429 wherever that code
// does; RetryAfter tells how long the client should wait.
type ThrottledError struct {
	Err  *smmm.Error
	Wait time.Duration
}

func (e *ThrottledError) Error() string { return e.Err.Error() }

// Unwrap returns the *smmm.Error.
func (e *ThrottledError) Unwrap() error { return e.Err }

// RetryAfter returns how long until the limit lets the client through
// again, at least a second.
func (e *ThrottledError) RetryAfter() time.Duration { return max(e.Wait, time.Second) }

// RetryAfterSeconds returns RetryAfter in whole seconds, rounded up, for a
// Retry-After header.
func (e *ThrottledError) RetryAfterSeconds() int {
	return int(math.Ceil(e.RetryAfter().Seconds()))
}

func throttled(wait time.Duration) error {
	return &ThrottledError{Err: smmm.Errorf(smmm.ETHROTTLED, "too many attempts, try again later"), Wait: wait}
}

// Login checks a user's credentials and starts a session, returning the
// session's token (for the cookie, see SetCookie), its user and when it
// expires. clientAddr is the address the attempt came from (ClientAddr).
//
// Attempts are counted per email and per client address before the
// password is checked, so that concurrent guesses cannot slip past the
// limit; an attempt past Options.LoginLimit gets a *ThrottledError without
// touching bcrypt. A successful login takes its attempt back and clears the
// email's count. An unknown email, a wrong password and a user without a
// password all give ErrMismatch after the same bcrypt work.
func (s *Sessions) Login(ctx context.Context, email, password, clientAddr string) (token string, u smmm.User, expires time.Time, err error) {
	email = strings.ToLower(strings.TrimSpace(email))
	now := s.opts.Now()
	emailKey, addrKey := loginEmailKey(email), loginAddrKey(clientAddr)
	l := s.opts.LoginLimit
	okEmail, waitEmail, err := s.store.Hit(ctx, emailKey, l.N, l.Window, now)
	if err != nil {
		return "", smmm.User{}, time.Time{}, fmt.Errorf("auth: login: %w", err)
	}
	okAddr, waitAddr, err := s.store.Hit(ctx, addrKey, l.N, l.Window, now)
	if err != nil {
		return "", smmm.User{}, time.Time{}, fmt.Errorf("auth: login: %w", err)
	}
	if !okEmail || !okAddr {
		return "", smmm.User{}, time.Time{}, throttled(max(waitEmail, waitAddr))
	}

	u, err = s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, db.ErrNotFound):
		checkDummy(password)
		return "", smmm.User{}, time.Time{}, ErrMismatch
	case err != nil:
		return "", smmm.User{}, time.Time{}, fmt.Errorf("auth: login: %w", err)
	case u.PasswordHash == "":
		checkDummy(password)
		return "", smmm.User{}, time.Time{}, ErrMismatch
	case !CheckPassword(u.PasswordHash, password):
		return "", smmm.User{}, time.Time{}, ErrMismatch
	}

	// The login succeeded whatever happens to the counters; a failure here
	// only leaves an attempt counted until its window ends.
	if err := s.store.ResetRateLimit(ctx, emailKey); err != nil {
		s.opts.Logger.Warn("auth: clear login attempts", "err", err)
	}
	if err := s.store.RefundHit(ctx, addrKey); err != nil {
		s.opts.Logger.Warn("auth: take back login attempt", "err", err)
	}

	// Hashes of a lower cost (bcryptjs wrote cost 10) are upgraded while
	// the password is at hand, so that every user costs what the dummy
	// comparison for unknown emails costs, and guessing gets no cheaper.
	if !s.opts.KeepHashes && NeedsRehash(u.PasswordHash) {
		if h, err := HashPassword(password); err == nil {
			if err := s.store.SetPassword(ctx, u.ID, h); err != nil {
				s.opts.Logger.Warn("auth: upgrade password hash", "user_id", u.ID, "err", err)
			}
		}
	}

	token, hash := newToken()
	expires = now.Add(s.opts.TTL).UTC().Truncate(time.Millisecond)
	if err := s.store.CreateSession(ctx, u.ID, hash, expires); err != nil {
		return "", smmm.User{}, time.Time{}, fmt.Errorf("auth: login: %w", err)
	}
	return token, u, expires, nil
}

// loginEmailKey is the rate-limit key of an email. The email is hashed: the
// table then holds no addresses, nor a password typed into the email field.
func loginEmailKey(email string) string { return "login:email:" + hashToken(email) }

// loginAddrKey is the rate-limit key of a client address.
func loginAddrKey(addr string) string { return limitKey("login", addr) }

// limitKey is the rate-limit key of a client address for a named limit.
// Addresses that would not fit the column are hashed.
func limitKey(name, addr string) string {
	if addr == "" {
		addr = "unknown"
	}
	k := name + ":ip:" + addr
	if len(k) > store.MaxRateLimitKeyLen {
		k = name + ":ip#" + hashToken(addr)
	}
	return k
}

// dummyHash is a bcrypt hash at BcryptCost of a random password that was
// thrown away. Logins of unknown emails and of users without a password
// are compared against it, so that they answer no faster than a wrong
// password. Its password being unknown does not matter: such logins fail
// whatever the comparison says.
var dummyHash = []byte("$2a$12$.pHbo9jlrKs.6frdpGXfQulIPNGS9gvvvfLUxpzG71ZpS4jiGe8Wq")

// checkDummy spends the time of a bcrypt comparison at BcryptCost.
func checkDummy(password string) {
	_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
}

// newToken returns a random 256-bit session token, base64url without
// padding, and the hex SHA-256 that is stored in its place.
func newToken() (token, hash string) {
	var b [32]byte
	rand.Read(b[:])
	token = base64.RawURLEncoding.EncodeToString(b[:])
	return token, hashToken(token)
}

// hashToken returns the hex SHA-256 of s.
func hashToken(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// validToken reports whether t has the shape of a token made by newToken,
// so that junk cookies cost no query.
func validToken(t string) bool {
	if len(t) != 43 {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Revoke ends the session of token. An unknown token is not an error.
func (s *Sessions) Revoke(ctx context.Context, token string) error {
	if !validToken(token) {
		return nil
	}
	if err := s.store.DeleteSession(ctx, hashToken(token)); err != nil {
		return fmt.Errorf("auth: revoke session: %w", err)
	}
	return nil
}

// Logout ends the session of r's cookie, if any, and expires the cookie.
func (s *Sessions) Logout(w http.ResponseWriter, r *http.Request) error {
	s.ClearCookie(w, r)
	c, err := r.Cookie(CookieName)
	if err != nil {
		return nil
	}
	return s.Revoke(r.Context(), c.Value)
}

// SetCookie sets the session cookie of token, expiring with the session:
// HttpOnly, SameSite=Lax, Path=/, and Secure in production or over HTTPS.
func (s *Sessions) SetCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    token,
		Path:     "/",
		Expires:  expires.UTC(),
		MaxAge:   max(int(expires.Sub(s.opts.Now()).Seconds()), 1),
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// ClearCookie tells the browser to drop the session cookie.
func (s *Sessions) ClearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    "",
		Path:     "/",
		Expires:  time.Unix(0, 0).UTC(),
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *Sessions) secure(r *http.Request) bool {
	if s.opts.Secure || r.TLS != nil {
		return true
	}
	return s.viaTrustedProxy(r) && strings.EqualFold(lastHop(r.Header.Get("X-Forwarded-Proto")), "https")
}

// lastHop returns the last entry of a comma-separated forwarding header:
// the one the nearest proxy wrote.
func lastHop(v string) string {
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}

// session is what a request's cookie resolved to: a user, or why not.
type session struct {
	user    smmm.User
	expires time.Time
	err     error // ErrNoSession or a database error
}

// lookup resolves r's cookie without changing anything.
func (s *Sessions) lookup(r *http.Request) (sess session, token string) {
	c, err := r.Cookie(CookieName)
	if err != nil || !validToken(c.Value) {
		return session{err: ErrNoSession}, ""
	}
	u, expires, err := s.store.SessionUser(r.Context(), hashToken(c.Value), s.opts.Now())
	switch {
	case errors.Is(err, db.ErrNotFound):
		return session{err: ErrNoSession}, c.Value
	case err != nil:
		return session{err: fmt.Errorf("auth: session: %w", err)}, c.Value
	}
	return session{user: u, expires: expires}, c.Value
}

// load resolves r's session and, when it was last refreshed more than
// RefreshEvery ago, extends it to a full TTL and re-sets the cookie on w. A
// cookie that names no session is cleared.
func (s *Sessions) load(w http.ResponseWriter, r *http.Request) session {
	sess, token := s.lookup(r)
	if errors.Is(sess.err, ErrNoSession) && token != "" {
		s.ClearCookie(w, r)
	}
	if sess.err != nil {
		return sess
	}
	now := s.opts.Now()
	if refreshed := sess.expires.Add(-s.opts.TTL); now.Sub(refreshed) >= s.opts.RefreshEvery {
		expires := now.Add(s.opts.TTL).UTC().Truncate(time.Millisecond)
		if err := s.store.ExtendSession(r.Context(), hashToken(token), expires); err != nil {
			// The session is still valid; the next request tries again.
			s.opts.Logger.Warn("auth: refresh session", "err", err)
		} else {
			sess.expires = expires
			s.SetCookie(w, r, token, expires)
		}
	}
	return sess
}

// UserFromRequest returns the user of r's session and when the session
// expires; ok is false when r has no valid session or it could not be
// read. It uses what Middleware or RequireRole loaded, if they ran, and
// never refreshes the session.
func (s *Sessions) UserFromRequest(r *http.Request) (u smmm.User, expires time.Time, ok bool) {
	sess, loaded := r.Context().Value(sessionKey).(*session)
	if !loaded {
		l, _ := s.lookup(r)
		sess = &l
	}
	if sess.err != nil {
		return smmm.User{}, time.Time{}, false
	}
	return sess.user, sess.expires, true
}

// Load returns the user of r's session and when it expires, refreshing the
// session as Middleware does. It uses what Middleware or RequireRole
// loaded, if they ran. Without a valid session it returns ErrNoSession;
// a database failure is returned as such, so that it answers 503 rather
// than 401.
func (s *Sessions) Load(w http.ResponseWriter, r *http.Request) (smmm.User, time.Time, error) {
	sess, loaded := r.Context().Value(sessionKey).(*session)
	if !loaded {
		l := s.load(w, r)
		sess = &l
	}
	return sess.user, sess.expires, sess.err
}

// RunPurger deletes expired sessions and ended rate-limit windows at once
// and then every interval (an hour when every <= 0), until ctx ends. Start
// it once migrations are done. Failures are logged and retried at the next
// tick. Every instance may run one: purges are idempotent.
func (s *Sessions) RunPurger(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Hour
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.Purge(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Purge deletes expired sessions and ended rate-limit windows once,
// logging what it did.
func (s *Sessions) Purge(ctx context.Context) {
	now := s.opts.Now()
	if n, err := s.store.PurgeExpiredSessions(ctx, now); err != nil {
		if ctx.Err() == nil {
			s.opts.Logger.Warn("auth: purge expired sessions", "err", err)
		}
	} else if n > 0 {
		s.opts.Logger.Info("auth: purged expired sessions", "count", n)
	}
	if n, err := s.store.PurgeRateLimits(ctx, now); err != nil {
		if ctx.Err() == nil {
			s.opts.Logger.Warn("auth: purge rate limits", "err", err)
		}
	} else if n > 0 {
		s.opts.Logger.Debug("auth: purged rate limits", "count", n)
	}
}
