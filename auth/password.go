// Package auth holds smmm's authentication: bcrypt passwords, database
// sessions behind an HttpOnly cookie, roles (RequireRole), cross-origin
// protection, client addresses behind trusted proxies, and throttling of
// logins and the contact form with counters in the database. It calls store
// for data and holds no SQL; it never logs a password, token or cookie.
package auth

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/bcrypt"

	"smmm"
)

// DefaultBcryptCost is the work factor of new password hashes when
// Options.BcryptCost is 0 (BCRYPT_COST unset). 12 takes about a quarter of
// a second on current hardware: slow for a guesser, tolerable for a login.
const DefaultBcryptCost = 12

// MinBcryptCost and MaxBcryptCost bound Options.BcryptCost. The minimum is
// bcrypt's own, for tests; anything above 16 makes a login take many
// seconds.
const (
	MinBcryptCost = bcrypt.MinCost
	MaxBcryptCost = 16
)

// ValidBcryptCost reports whether cost is from MinBcryptCost to
// MaxBcryptCost.
func ValidBcryptCost(cost int) bool { return cost >= MinBcryptCost && cost <= MaxBcryptCost }

// HashPassword returns the bcrypt hash of password at cost (0 means
// DefaultBcryptCost). It refuses passwords that smmm.ValidPassword
// rejects, so bcrypt never truncates one silently.
func HashPassword(password string, cost int) (string, error) {
	if msg := smmm.ValidPassword(password); msg != "" {
		return "", smmm.Invalid(map[string]string{"password": msg})
	}
	if cost == 0 {
		cost = DefaultBcryptCost
	}
	if !ValidBcryptCost(cost) {
		return "", fmt.Errorf("auth: hash password: bcrypt cost %d is not from %d to %d", cost, MinBcryptCost, MaxBcryptCost)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
	if err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	return string(h), nil
}

// CheckPassword reports whether password matches hash. It accepts the
// $2a$, $2b$ and $2y$ hashes that bcryptjs and other libraries write, so
// users of the original system keep their passwords.
func CheckPassword(hash, password string) bool {
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	return err == nil
}

// GeneratePassword returns a random 20-character password from an alphabet
// without look-alike characters, for the first admin user.
func GeneratePassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	rand.Read(b)
	for i := range b {
		// 256 is not a multiple of len(alphabet); the bias is a fraction of
		// a bit over 20 characters and harmless for a one-time password.
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// NeedsRehash reports whether hash is a bcrypt hash of another cost than
// cost (0 means DefaultBcryptCost), to be replaced at the next successful
// login. Lower costs (bcryptjs wrote 10) are raised; higher ones are
// lowered too, so that every account costs what a failed login is padded
// to (see Service.Login) and answers in the same time.
func NeedsRehash(hash string, cost int) bool {
	if cost == 0 {
		cost = DefaultBcryptCost
	}
	c, err := bcrypt.Cost([]byte(hash))
	return err == nil && c != cost
}
