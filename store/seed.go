package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"

	"smmm"
	"smmm/db"
)

// DefaultAdminEmail is the email of the admin Seed creates when no admin
// exists and SeedOptions.AdminEmail is empty.
const DefaultAdminEmail = "admin@smmm.local"

// SeedOptions configure Seed.
type SeedOptions struct {
	// AdminEmail and AdminPassword (ADMIN_EMAIL, ADMIN_PASSWORD) name an
	// ADMIN user to create unless a user with that email exists. When
	// AdminEmail is set it must be a valid address, and AdminPassword is
	// required.
	AdminEmail, AdminPassword string
	// Demo adds sample contact messages unless they are already stored,
	// and fills every empty content table with a demo office.
	Demo bool
	// Hash turns a password into the hash to store (bcrypt). It is required
	// whenever Seed has to create a user.
	Hash func(password string) (string, error)
	// GeneratePassword makes the password of the default admin; nil uses 26
	// random base-32 characters from crypto/rand.
	GeneratePassword func() string
}

// SeedReport says what Seed did.
type SeedReport struct {
	// AdminCreated is true when this call created the admin user.
	AdminCreated bool
	// AdminEmail is the email of the admin user Seed looked for or created;
	// empty when an ADMIN user already existed and no AdminEmail was given.
	AdminEmail string
	// GeneratedPassword is the generated password of a default admin this
	// call created, to be shown once; empty otherwise.
	GeneratedPassword string
	// AboutCreated is true when this call stored the default about section.
	AboutCreated bool
	// DemoMessages is the number of sample messages this call inserted.
	DemoMessages int
	// DemoContent is the number of demo content rows this call stored.
	DemoContent int
}

// Seed puts the data a fresh installation needs into the database. It is
// idempotent and safe to run concurrently from several processes:
//
//  1. With o.AdminEmail set, it creates that ADMIN user with the hash of
//     o.AdminPassword unless a user with that email exists (whose password
//     it never changes).
//  2. Otherwise, when no ADMIN user exists at all, it creates
//     DefaultAdminEmail with a generated password, reported once in
//     SeedReport.GeneratedPassword (unless that email is taken already).
//  3. When no about section is stored, it stores smmm.DefaultAbout().
//  4. With o.Demo, it inserts a few sample contact messages unless messages
//     from their senders exist already, and stores a demo office (the
//     built-in content, settings, quote requests, a job application) in
//     every content table that is empty.
//
// A user created concurrently by another Seed counts as existing, not as an
// error.
func (s *Store) Seed(ctx context.Context, o SeedOptions) (SeedReport, error) {
	var r SeedReport
	if err := s.seedAdmin(ctx, o, &r); err != nil {
		return r, fmt.Errorf("store: seed: %w", err)
	}
	_, created, err := s.putAbout(ctx, smmm.DefaultAbout(), true)
	if err != nil {
		return r, fmt.Errorf("store: seed: about: %w", err)
	}
	r.AboutCreated = created
	if o.Demo {
		if r.DemoMessages, err = s.seedDemo(ctx); err != nil {
			return r, fmt.Errorf("store: seed: demo messages: %w", err)
		}
		if r.DemoContent, err = s.seedContent(ctx); err != nil {
			return r, fmt.Errorf("store: seed: demo content: %w", err)
		}
	}
	return r, nil
}

func (s *Store) seedAdmin(ctx context.Context, o SeedOptions, r *SeedReport) error {
	email, password, generated := normalizeEmail(o.AdminEmail), o.AdminPassword, false
	if email == "" {
		ok, err := hasAdmin(ctx, s.db)
		if err != nil || ok {
			return err
		}
		email = DefaultAdminEmail
	} else if !smmm.ValidEmail(email) {
		return fmt.Errorf("admin email %q is not a valid email address", email)
	} else if password == "" {
		return errors.New("admin password is required with an admin email")
	}
	r.AdminEmail = email
	_, err := userByEmail(ctx, s.db, email)
	if err == nil || !errNoRows(err) {
		return err
	}
	if o.Hash == nil {
		return errors.New("no Hash function to create the admin user")
	}
	if password == "" {
		if o.GeneratePassword != nil {
			password = o.GeneratePassword()
		} else {
			password = rand.Text()
		}
		generated = true
	}
	hash, err := o.Hash(password)
	if err != nil {
		return fmt.Errorf("hash admin password: %w", err)
	}
	_, err = s.createUser(ctx, s.db, NewUser{Email: email, PasswordHash: hash, Role: smmm.RoleAdmin})
	switch {
	case db.KindOf(err) == db.KindConflict:
		return nil // another process created it first
	case err != nil:
		return fmt.Errorf("create admin %s: %w", email, err)
	}
	r.AdminCreated = true
	if generated {
		r.GeneratedPassword = password
	}
	return nil
}

// demoMessages are the sample contact messages of `smmm seed --demo`. Their
// fixed ids make concurrent seeds insert each one once.
var demoMessages = []struct {
	id     string
	ago    time.Duration
	status smmm.Status
	in     smmm.NewContactMessage
}{
	{"demo-message-1", 2 * time.Hour, smmm.StatusNew, smmm.NewContactMessage{
		Name: "Ahmet Yılmaz", Email: "ahmet.yilmaz@example.com", Phone: "+90 532 111 22 33",
		Subject: "Şirket kuruluşu hakkında bilgi",
		Message: "Merhaba, bir limited şirket kurmayı düşünüyoruz. Kuruluş süreci, gerekli belgeler ve aylık muhasebe ücretiniz hakkında bilgi alabilir miyim?",
	}},
	{"demo-message-2", 26 * time.Hour, smmm.StatusNew, smmm.NewContactMessage{
		Name: "Elif Kaya", Email: "elif.kaya@example.com", Phone: "0 (212) 555 44 33",
		Subject: "E-fatura ve e-defter geçişi",
		Message: "İyi günler, cirom bu yıl e-fatura sınırını aştı. E-fatura ve e-defter geçişinde bize destek olabilir misiniz? Süreç ne kadar sürer?",
	}},
	{"demo-message-3", 3 * 24 * time.Hour, smmm.StatusPending, smmm.NewContactMessage{
		Name: "Mehmet Demir", Email: "mehmet.demir@example.com", Phone: "+90 505 222 33 44",
		Subject: "Yıllık gelir vergisi beyannamesi",
		Message: "Kira gelirim ve serbest meslek kazancım var. Yıllık gelir vergisi beyannamemi hazırlamanız için hangi belgeleri getirmem gerekiyor?",
	}},
	{"demo-message-4", 6 * 24 * time.Hour, smmm.StatusReplied, smmm.NewContactMessage{
		Name: "Zeynep Şahin", Email: "zeynep.sahin@example.com", Phone: "0 (216) 444 55 66",
		Subject: "Bordro ve SGK işlemleri",
		Message: "Sekiz çalışanlı bir kafemiz var. Bordro hazırlama ve SGK bildirgelerini sizin üstlenmeniz mümkün mü? Fiyat teklifi rica ederim.",
	}},
	{"demo-message-5", 10 * 24 * time.Hour, smmm.StatusResolved, smmm.NewContactMessage{
		Name: "Can Öztürk", Email: "can.ozturk@example.com", Phone: "+90 544 333 44 55",
		Subject: "Randevu talebi",
		Message: "Merhaba, işletmemin mali durumunu değerlendirmek için önümüzdeki hafta yüz yüze görüşmek istiyorum. Uygun olduğunuz bir gün var mı?",
	}},
}

// seedDemo inserts the demo messages unless one from their senders exists.
// It returns how many it inserted.
func (s *Store) seedDemo(ctx context.Context) (int, error) {
	count := `SELECT COUNT(*) FROM "ContactMessage" WHERE "email" IN (?` +
		strings.Repeat(", ?", len(demoMessages)-1) + `)`
	args := make([]any, len(demoMessages))
	for i, m := range demoMessages {
		args[i] = m.in.Email
	}
	n, err := queryOne(ctx, s.db, scalar[int], count, args...)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	now := s.now()
	inserted := 0
	for _, dm := range demoMessages {
		at := now.Add(-dm.ago)
		m := smmm.ContactMessage{
			ID: dm.id, Name: dm.in.Name, Email: dm.in.Email, Phone: dm.in.Phone, Subject: dm.in.Subject,
			Message: dm.in.Message, Status: dm.status, CreatedAt: smmm.Time{Time: at}, UpdatedAt: smmm.Time{Time: at},
		}
		err := insertContactMessage(ctx, s.db, m)
		switch {
		case db.KindOf(err) == db.KindConflict:
			// Another seed inserted it first.
		case err != nil:
			return inserted, err
		default:
			inserted++
		}
	}
	return inserted, nil
}
