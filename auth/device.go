package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"smmm"
)

// DeviceTTL is how long a device token is good for after the login that
// issued it. Every successful login issues a new one.
const DeviceTTL = 180 * 24 * time.Hour

// A device token marks a browser that signed in to an account before
// (OWASP, "Slow down online guessing attacks with device cookies"). Its
// login attempts are throttled on their own, so that an attacker who
// exhausts the account's budget from elsewhere does not lock its user out.
//
// The token is ID.ISSUED.NONCE.MAC: the account's id (base64url), the Unix
// second it was issued, 128 random bits, and an HMAC-SHA256 of the three
// under a key derived from the account's password hash. That key is
// secret (the hash never leaves the server), shared by every instance
// through the database, survives restarts, and changes with the password,
// which revokes every device token of the account at once. The token
// grants nothing but a throttling budget of its own: the password is
// still required.

// newDevice returns a device token for u, issued at now, and its expiry.
func newDevice(u smmm.User, now time.Time) (string, time.Time) {
	var nonce [16]byte
	rand.Read(nonce[:])
	payload := base64.RawURLEncoding.EncodeToString([]byte(u.ID)) + "." +
		strconv.FormatInt(now.Unix(), 10) + "." + base64.RawURLEncoding.EncodeToString(nonce[:])
	return payload + "." + deviceMAC(u.PasswordHash, payload), now.Add(DeviceTTL)
}

// validDevice reports whether token is a device token of u, issued no
// more than DeviceTTL before now, signed with u's current password hash.
func validDevice(token string, u smmm.User, now time.Time) bool {
	if token == "" || len(token) > 512 || u.PasswordHash == "" {
		return false
	}
	i := strings.LastIndexByte(token, '.')
	if i < 0 {
		return false
	}
	payload, mac := token[:i], token[i+1:]
	if !hmac.Equal([]byte(mac), []byte(deviceMAC(u.PasswordHash, payload))) {
		return false
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 3 {
		return false
	}
	id, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil || string(id) != u.ID {
		return false
	}
	issued, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return false
	}
	age := now.Sub(time.Unix(issued, 0))
	return age >= -time.Minute && age <= DeviceTTL
}

// deviceMAC is the base64url HMAC-SHA256 of payload under the device key
// of an account with password hash hash.
func deviceMAC(hash, payload string) string {
	key := sha256.Sum256([]byte("smmm device token v1\x00" + hash))
	m := hmac.New(sha256.New, key[:])
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// loginDeviceKey is the rate-limit key of a device token's attempts.
func loginDeviceKey(token string) string { return "login:device:" + hashToken(token) }
