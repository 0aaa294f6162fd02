package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// cmdUser runs `smmm user create`. The password is read from stdin (one
// line) or, on a terminal, from a prompt without echo; never from argv,
// where other users of the machine could read it.
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return &usageError{"user: want 'user create --email E [--name N] [--role ADMIN|CLIENT]'"}
	}
	fs := newFlagSet("user create", e.stderr)
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "display name")
	role := fs.String("role", string(smmm.RoleAdmin), "ADMIN or CLIENT")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	*email = strings.ToLower(strings.TrimSpace(*email))
	if !smmm.ValidEmail(*email) {
		return &usageError{fmt.Sprintf("user create: --email %q is not a valid email address", *email)}
	}
	r := smmm.Role(strings.ToUpper(*role))
	if !r.Valid() {
		return &usageError{fmt.Sprintf("user create: --role %q: want ADMIN or CLIENT", *role)}
	}

	password, err := readPassword(e)
	if err != nil {
		return err
	}
	if msg := smmm.ValidPassword(password); msg != "" {
		return fmt.Errorf("user create: password %s", msg)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}

	d, err := e.openDB(ctx, e.cfg.db)
	if err != nil {
		return err
	}
	defer e.closeDB(d, 5*time.Second)
	if err := e.waitForDB(ctx, d); err != nil {
		return err
	}
	nu := store.NewUser{Email: *email, PasswordHash: hash, Role: r}
	if n := strings.TrimSpace(*name); n != "" {
		nu.Name = &n
	}
	u, err := store.New(d).CreateUser(ctx, nu)
	if err != nil {
		if db.KindOf(err) == db.KindConflict {
			return fmt.Errorf("user create: a user with email %s already exists", *email)
		}
		return err
	}
	fmt.Fprintf(e.stdout, "created %s user %s (id %s)\n", u.Role, u.Email, u.ID)
	return nil
}

func readPassword(e *env) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Password: ")
		p, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(e.stderr, "Repeat password: ")
		again, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(p) != string(again) {
			return "", errors.New("user create: the passwords do not match")
		}
		return string(p), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("user create: no password on stdin (pipe it in, e.g. printf '%s\\n' \"$PW\" | smmm user create ...)")
	}
	return line, nil
}
