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
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"smmm"
	"smmm/db"
	"smmm/store"
)

// Defaults of Options.
const (
	DefaultTTL          = 30 * 24 * time.Hour
	DefaultRefreshEvery = 24 * time.Hour
)

// Options configure a Service. The zero value is usable: every field has a
// default.
type Options struct {
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
	// FormLimit limits the posts to each public form per client address
	// (default DefaultFormLimit), for Allow.
	FormLimit Limit
	// Now returns the current time; nil means smmm.Now. Tests set it.
	Now func() time.Time
	// Logger receives warnings (a failed purge or refresh); nil discards.
	// Nothing secret is ever logged: no password, token or cookie.
	Logger *slog.Logger
}

// Service signs users in and out, resolves session tokens to users and
// decides throttling. Sessions live in the database ("Session" rows keyed
// by the SHA-256 of the token), so any number of instances serve the same
// users. It knows nothing of HTTP: the caller carries the token (web puts
// it in a cookie). It is safe for concurrent use.
type Service struct {
	store *store.Store
	opts  Options
}

// New returns a Service over st with opts, defaults filled in.
func New(st *store.Store, opts Options) *Service {
	if opts.TTL <= 0 {
		opts.TTL = DefaultTTL
	}
	if opts.RefreshEvery <= 0 {
		opts.RefreshEvery = DefaultRefreshEvery
	}
	if opts.LoginLimit.N <= 0 || opts.LoginLimit.Window <= 0 {
		opts.LoginLimit = DefaultLoginLimit
	}
	if opts.FormLimit.N <= 0 || opts.FormLimit.Window <= 0 {
		opts.FormLimit = DefaultFormLimit
	}
	if opts.Now == nil {
		opts.Now = smmm.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Service{store: st, opts: opts}
}

// Errors of authentication. Their messages are safe to show.
var (
	// ErrMismatch is the answer to a wrong password, an unknown email and a
	// user without a password alike, so that a caller learns nothing about
	// which accounts exist.
	ErrMismatch error = &smmm.Error{Code: smmm.EUNAUTHORIZED, Message: "wrong email or password"}
	// ErrNoSession reports a token that names no valid session.
	ErrNoSession error = &smmm.Error{Code: smmm.EUNAUTHORIZED, Message: "sign in first"}
)

// Session is a signed-in user's session: the token its holder presents,
// its user, and when it ends.
type Session struct {
	Token   string
	User    smmm.User
	Expires time.Time
}

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

// Login checks a user's credentials and starts a session. clientAddr is
// the address the attempt came from.
//
// Attempts are counted per email and per client address before the
// password is checked, so that concurrent guesses cannot slip past the
// limit; an attempt past Options.LoginLimit gets a *ThrottledError without
// touching bcrypt. A successful login takes its attempt back and clears the
// email's count. An unknown email, a wrong password and a user without a
// password all give ErrMismatch after the same bcrypt work.
func (s *Service) Login(ctx context.Context, email, password, clientAddr string) (Session, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	now := s.opts.Now()
	emailKey, addrKey := loginEmailKey(email), loginAddrKey(clientAddr)
	l := s.opts.LoginLimit
	okEmail, waitEmail, err := s.store.Hit(ctx, emailKey, l.N, l.Window, now)
	if err != nil {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	okAddr, waitAddr, err := s.store.Hit(ctx, addrKey, l.N, l.Window, now)
	if err != nil {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	if !okEmail || !okAddr {
		return Session{}, throttled(max(waitEmail, waitAddr))
	}

	u, err := s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, db.ErrNotFound):
		checkDummy(password)
		return Session{}, ErrMismatch
	case err != nil:
		return Session{}, fmt.Errorf("auth: login: %w", err)
	case u.PasswordHash == "":
		checkDummy(password)
		return Session{}, ErrMismatch
	case !CheckPassword(u.PasswordHash, password):
		return Session{}, ErrMismatch
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
	expires := now.Add(s.opts.TTL).UTC().Truncate(time.Millisecond)
	if err := s.store.CreateSession(ctx, u.ID, hash, expires); err != nil {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	return Session{Token: token, User: u, Expires: expires}, nil
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
func (s *Service) Revoke(ctx context.Context, token string) error {
	if !validToken(token) {
		return nil
	}
	if err := s.store.DeleteSession(ctx, hashToken(token)); err != nil {
		return fmt.Errorf("auth: revoke session: %w", err)
	}
	return nil
}

// Resume returns the session of token. When the session was last
// refreshed more than Options.RefreshEvery ago, it is extended to a full
// TTL and refreshed is true: the holder should store the new expiry (web
// re-sets the cookie). A token that names no valid session gives
// ErrNoSession; a database failure is returned as such, so that it answers
// 503 rather than 401. A failed refresh is only logged: the session is
// still valid, and the next use tries again.
func (s *Service) Resume(ctx context.Context, token string) (sess Session, refreshed bool, err error) {
	if !validToken(token) {
		return Session{}, false, ErrNoSession
	}
	now := s.opts.Now()
	hash := hashToken(token)
	u, expires, err := s.store.SessionUser(ctx, hash, now)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return Session{}, false, ErrNoSession
	case err != nil:
		return Session{}, false, fmt.Errorf("auth: session: %w", err)
	}
	sess = Session{Token: token, User: u, Expires: expires}
	if last := expires.Add(-s.opts.TTL); now.Sub(last) < s.opts.RefreshEvery {
		return sess, false, nil
	}
	next := now.Add(s.opts.TTL).UTC().Truncate(time.Millisecond)
	if err := s.store.ExtendSession(ctx, hash, next); err != nil {
		s.opts.Logger.Warn("auth: refresh session", "err", err)
		return sess, false, nil
	}
	sess.Expires = next
	return sess, true, nil
}

// Allow counts one post to the public form named form from clientAddr and
// returns a *ThrottledError when that address is past Options.FormLimit in
// the current window. A database failure is returned as such.
func (s *Service) Allow(ctx context.Context, form, clientAddr string) error {
	l := s.opts.FormLimit
	ok, wait, err := s.store.Hit(ctx, limitKey(form, clientAddr), l.N, l.Window, s.opts.Now())
	switch {
	case err != nil:
		return fmt.Errorf("auth: %s limit: %w", form, err)
	case !ok:
		return throttled(wait)
	}
	return nil
}

// RunPurger deletes expired sessions and ended rate-limit windows at once
// and then every interval (an hour when every <= 0), until ctx ends. Start
// it once migrations are done. Failures are logged and retried at the next
// tick. Every instance may run one: purges are idempotent.
func (s *Service) RunPurger(ctx context.Context, every time.Duration) {
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
func (s *Service) Purge(ctx context.Context) {
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

// Now returns the current time by Options.Now: the clock that session
// expiries are measured against.
func (s *Service) Now() time.Time { return s.opts.Now() }
