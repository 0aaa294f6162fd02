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

// BcryptCost is the work factor of new password hashes. 12 takes about a
// quarter of a second on current hardware: slow for a guesser, tolerable
// for a login.
const BcryptCost = 12

// HashPassword returns the bcrypt hash of password. It refuses passwords
// that smmm.ValidPassword rejects, so bcrypt never truncates one silently.
func HashPassword(password string) (string, error) {
	if msg := smmm.ValidPassword(password); msg != "" {
		return "", smmm.Invalid(map[string]string{"password": msg})
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), BcryptCost)
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

// NeedsRehash reports whether hash is a bcrypt hash of a lower cost than
// BcryptCost, to be replaced at the next successful login.
func NeedsRehash(hash string) bool {
	cost, err := bcrypt.Cost([]byte(hash))
	return err == nil && cost < BcryptCost
}
