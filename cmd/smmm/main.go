// Command smmm is the backend of the smmm-system website: it serves the
// public API and the admin panel, and manages its database schema.
//
// Usage:
//
//	smmm [serve] [--no-migrate] [--host H] [--port P]
//	smmm migrate [up|status|down]
//	smmm seed [--demo]
//	smmm user create --email E [--name N] [--role ADMIN|CLIENT]
//	smmm doctor
//	smmm version
//
// Configuration comes from the environment (see README.md).
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
