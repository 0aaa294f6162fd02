package main

import (
	"context"
	"fmt"

	"smmm/auth"
	"smmm/store"
)

// cmdSeed runs `smmm seed [--demo]`.
func cmdSeed(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("seed", e.stderr)
	demo := fs.Bool("demo", false, "also fill every empty content table with a demo office")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, done, err := e.connect(ctx, e.cfg.db)
	if err != nil {
		return err
	}
	defer done()
	return seed(ctx, e, store.New(d), *demo, nil)
}

// adminHash is the bcrypt hash of the admin password the seed may need,
// computed in the background while serve waits for the database and
// migrates, so that readiness does not wait for bcrypt's deliberate
// slowness. The password is ADMIN_PASSWORD, or a generated one.
type adminHash struct {
	password string
	done     chan struct{}
	hash     string
	err      error
}

func prepareAdminHash(cfg config) *adminHash {
	h := &adminHash{password: cfg.adminPassword, done: make(chan struct{})}
	if h.password == "" {
		h.password = auth.GeneratePassword()
	}
	go func() {
		defer close(h.done)
		h.hash, h.err = auth.HashPassword(h.password, cfg.bcryptCost)
	}()
	return h
}

// hashFor returns the prepared hash when p is the prepared password, and
// else hashes p at cost.
func (h *adminHash) hashFor(p string, cost int) (string, error) {
	if h == nil || p != h.password {
		return auth.HashPassword(p, cost)
	}
	<-h.done
	return h.hash, h.err
}

func (h *adminHash) generate() string {
	if h == nil {
		return auth.GeneratePassword()
	}
	return h.password
}

// seed runs the idempotent seed and prints what it did. A generated admin
// password is printed once, to stdout, never to the log.
func seed(ctx context.Context, e *env, st *store.Store, demo bool, pre *adminHash) error {
	rep, err := st.Seed(ctx, store.SeedOptions{
		AdminEmail:       e.cfg.adminEmail,
		AdminPassword:    e.cfg.adminPassword,
		Demo:             demo,
		Hash:             func(p string) (string, error) { return pre.hashFor(p, e.cfg.bcryptCost) },
		GeneratePassword: pre.generate,
	})
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if rep.AdminCreated {
		e.logger.Info("admin user created", "email", rep.AdminEmail)
	}
	if rep.GeneratedPassword != "" {
		fmt.Fprintf(e.stdout, "\nAdmin user created. Sign in with:\n  email:    %s\n  password: %s\nThis password is shown only once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own.\n\n",
			rep.AdminEmail, rep.GeneratedPassword)
	}
	if rep.AboutCreated {
		e.logger.Info("default about content stored")
	}
	if rep.DemoMessages > 0 {
		e.logger.Info("demo contact messages added", "count", rep.DemoMessages)
	}
	if rep.DemoContent > 0 {
		e.logger.Info("demo office content added", "rows", rep.DemoContent)
	}
	return nil
}
