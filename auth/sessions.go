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
	// LoginLimit limits login attempts per account (per email when none
	// has it) and per client address, and those of a browser with a device
	// token on their own (default DefaultLoginLimit); successful attempts
	// are not counted. See Login.
	LoginLimit Limit
	// FormLimit limits the posts to each public form per client address
	// (default DefaultFormLimit), for Allow.
	FormLimit Limit
	// BcryptCost is the work factor of new password hashes, from
	// MinBcryptCost to MaxBcryptCost (0 means DefaultBcryptCost; BCRYPT_COST).
	// Hashes of another cost are replaced at the next successful login
	// (unless KeepHashes), and every failed login costs what a comparison
	// at this cost does.
	BcryptCost int
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
	if !ValidBcryptCost(opts.BcryptCost) {
		opts.BcryptCost = DefaultBcryptCost
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
// its user, and when it ends. Login also returns a device token (Device,
// valid until DeviceExpires) for the client to keep across sessions and
// present at its next logins; see Login.
type Session struct {
	Token   string
	User    smmm.User
	Expires time.Time

	Device        string
	DeviceExpires time.Time
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
// the address the attempt came from; device is the device token the client
// got at an earlier successful login ("" for none).
//
// Emails are compared exactly, after trimming and lower-casing: another
// spelling that the database's collation would match (MySQL matches "ç@x"
// to "c@x") is an unknown email.
//
// Attempts are counted before the password is checked, so that concurrent
// guesses cannot slip past the limit; an attempt past Options.LoginLimit
// gets a *ThrottledError without touching bcrypt. An attempt with a valid
// device token of the account is counted against that token only: a
// browser that signed in before is throttled on its own, and failures
// from elsewhere do not lock its user out (OWASP's device cookies). Any
// other attempt counts against the account (the email when no account has
// it), whatever its spelling, and against clientAddr. A successful login
// takes its attempt back, clears the count it was made under, and returns
// a new device token.
//
// An unknown email, a wrong password and a user without a password all
// give ErrMismatch, after the same bcrypt work: one comparison at
// Options.BcryptCost, or the comparison of a cheaper hash padded with
// bcrypt work to that cost.
func (s *Service) Login(ctx context.Context, email, password, clientAddr, device string) (Session, error) {
	now := s.opts.Now()
	u, err := s.store.UserByEmail(ctx, email)
	found := err == nil
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}

	var keys []string
	switch {
	case found && validDevice(device, u, now):
		keys = []string{loginDeviceKey(device)}
	case found:
		keys = []string{loginUserKey(u.ID), loginAddrKey(clientAddr)}
	default:
		keys = []string{loginEmailKey(strings.ToLower(strings.TrimSpace(email))), loginAddrKey(clientAddr)}
	}
	l := s.opts.LoginLimit
	var wait time.Duration
	allowed := true
	for _, k := range keys {
		ok, w, err := s.store.Hit(ctx, k, l.N, l.Window, now)
		if err != nil {
			return Session{}, fmt.Errorf("auth: login: %w", err)
		}
		allowed, wait = allowed && ok, max(wait, w)
	}
	if !allowed {
		return Session{}, throttled(wait)
	}

	if !found || u.PasswordHash == "" {
		spendBcrypt(s.opts.BcryptCost)
		return Session{}, ErrMismatch
	}
	if !CheckPassword(u.PasswordHash, password) {
		padFailure(u.PasswordHash, s.opts.BcryptCost)
		return Session{}, ErrMismatch
	}

	// The login succeeded whatever happens to the counters; a failure here
	// only leaves an attempt counted until its window ends.
	if err := s.store.ResetRateLimit(ctx, keys[0]); err != nil {
		s.opts.Logger.Warn("auth: clear login attempts", "err", err)
	}
	if len(keys) > 1 {
		if err := s.store.RefundHit(ctx, keys[1]); err != nil {
			s.opts.Logger.Warn("auth: take back login attempt", "err", err)
		}
	}

	// Hashes of another cost (bcryptjs wrote cost 10) are replaced while
	// the password is at hand, so that every user costs what the padding
	// of failed logins costs, and guessing gets no cheaper.
	if !s.opts.KeepHashes && NeedsRehash(u.PasswordHash, s.opts.BcryptCost) {
		if h, err := HashPassword(password, s.opts.BcryptCost); err == nil {
			if err := s.store.SetPassword(ctx, u.ID, h); err != nil {
				s.opts.Logger.Warn("auth: upgrade password hash", "user_id", u.ID, "err", err)
			} else {
				u.PasswordHash = h // the device token is signed with the hash in force
			}
		}
	}

	token, hash := newToken()
	expires := now.Add(s.opts.TTL).UTC().Truncate(time.Millisecond)
	if err := s.store.CreateSession(ctx, u.ID, hash, expires); err != nil {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	dev, devExpires := newDevice(u, now)
	return Session{Token: token, User: u, Expires: expires, Device: dev, DeviceExpires: devExpires}, nil
}

// spendBcrypt spends the time of a bcrypt comparison at cost: hashing a
// fixed password at that cost runs the same key setup.
func spendBcrypt(cost int) {
	_, _ = bcrypt.GenerateFromPassword([]byte("smmm: a failed login"), cost)
}

// padFailure makes a failed comparison against hash cost what one at cost
// does. bcrypt's work doubles with each cost step, so a hash of cost c < cost
// is padded with one run at each cost from c to cost-1: 2^c + (2^c + ... +
// 2^(cost-1)) = 2^cost. A hash that is not bcrypt took no time, and gets a
// full run. A costlier hash cannot be made cheaper: NeedsRehash lowers it
// at the next successful login.
func padFailure(hash string, cost int) {
	c, err := bcrypt.Cost([]byte(hash))
	if err != nil {
		spendBcrypt(cost)
		return
	}
	for ; c < cost; c++ {
		spendBcrypt(c)
	}
}

// loginEmailKey is the rate-limit key of an email that no account has. The
// email is hashed: the table then holds no addresses, nor a password typed
// into the email field.
func loginEmailKey(email string) string { return "login:email:" + hashToken(email) }

// loginUserKey is the rate-limit key of an account, whatever spelling of
// its email an attempt used.
func loginUserKey(id string) string { return "login:user:" + hashToken(id) }

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

// HashPassword hashes a new password at the service's bcrypt cost
// (Options.BcryptCost).
func (s *Service) HashPassword(password string) (string, error) {
	return HashPassword(password, s.opts.BcryptCost)
}
