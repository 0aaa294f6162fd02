// Command smmm is the backend of the smmm-system website: it serves the JSON
// API behind the public pages, the contact form and the admin panel, and
// manages the database schema, the seed and users.
//
// Usage:
//
//	smmm [serve] [--no-migrate] [--host H] [--port P]
//	smmm migrate [up|status|down|handback]
//	smmm seed [--demo]
//	smmm user create --email E [--name N] [--role ADMIN|CLIENT]
//	smmm user passwd --email E
//	smmm doctor [--instances N]
//	smmm version
//	smmm help (or -h, --help)
//
// Configuration comes from the environment (see README.md); there are no
// configuration files. Every command that needs the database opens its pool
// the same way, through db.Shared. serve listens at once and waits, unready, until the
// database answers; migrate, seed and user give up after DB_STARTUP_TIMEOUT;
// doctor does not wait. Exit status: 0 done (help included), 1 failed, 2 wrong
// usage.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	err := run(context.Background(), os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	if code := exitCode(err); code != 0 {
		fmt.Fprintln(os.Stderr, "smmm:", err)
		os.Exit(code)
	}
}
