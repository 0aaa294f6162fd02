package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"smmm"
	"smmm/auth"
	"smmm/db"
	"smmm/store"
)

// cmdUser runs `smmm user create` and `smmm user passwd`. Passwords are
// read from stdin (one line) or, on a terminal, from a prompt without echo;
// never from argv, where other users of the machine could read them.
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "create":
			return cmdUserCreate(ctx, e, args[1:])
		case "passwd":
			return cmdUserPasswd(ctx, e, args[1:])
		}
	}
	return &usageError{"user: want 'user create --email E [--name N] [--role ADMIN|CLIENT]' or 'user passwd --email E'"}
}

// cmdUserCreate runs `smmm user create`.
func cmdUserCreate(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("user create", e.stderr)
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "display name")
	role := fs.String("role", string(smmm.RoleAdmin), "ADMIN or CLIENT")
	if err := parseFlags(fs, args); err != nil {
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

	hash, err := readNewPassword(e, "user create")
	if err != nil {
		return err
	}

	d, done, err := e.connect(ctx, e.cfg.db)
	if err != nil {
		return err
	}
	defer done()
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

// cmdUserPasswd runs `smmm user passwd`: it sets a user's password and
// ends the user's sessions, so that whoever knew the old password is
// signed out everywhere.
func cmdUserPasswd(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("user passwd", e.stderr)
	email := fs.String("email", "", "email address of the user (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	*email = strings.ToLower(strings.TrimSpace(*email))
	if !smmm.ValidEmail(*email) {
		return &usageError{fmt.Sprintf("user passwd: --email %q is not a valid email address", *email)}
	}

	d, done, err := e.connect(ctx, e.cfg.db)
	if err != nil {
		return err
	}
	defer done()
	st := store.New(d)
	// Look the user up first, so that a typo in --email fails before the
	// password is asked for.
	u, err := st.UserByEmail(ctx, *email)
	if err != nil {
		if errors.Is(err, db.ErrNotFound) {
			return fmt.Errorf("user passwd: no user with email %s", *email)
		}
		return err
	}
	hash, err := readNewPassword(e, "user passwd")
	if err != nil {
		return err
	}
	if err := st.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	n, err := st.DeleteUserSessions(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("user passwd: the password is changed, but ending the user's sessions failed: %w", err)
	}
	fmt.Fprintf(e.stdout, "changed the password of %s user %s (%d session(s) ended)\n", u.Role, u.Email, n)
	return nil
}

// readNewPassword reads a password, checks it and returns its bcrypt hash.
// cmd names the command in error messages.
func readNewPassword(e *env, cmd string) (string, error) {
	password, err := readPassword(e, cmd)
	if err != nil {
		return "", err
	}
	if msg := smmm.ValidPassword(password); msg != "" {
		return "", fmt.Errorf("%s: password %s", cmd, msg)
	}
	return auth.HashPassword(password, e.cfg.bcryptCost)
}

func readPassword(e *env, cmd string) (string, error) {
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
			return "", fmt.Errorf("%s: the passwords do not match", cmd)
		}
		return string(p), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", fmt.Errorf("%s: no password on stdin (pipe it in, e.g. printf '%%s\\n' \"$PW\" | smmm %s ...)", cmd, cmd)
	}
	return line, nil
}
