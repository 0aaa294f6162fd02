package db

import (
	"strconv"
	"strings"
)

// Dialect names the SQL dialect a DB speaks. Store code writes SQL once with
// "?" placeholders and double-quoted identifiers; DB rewrites placeholders
// for PostgreSQL and runs MySQL sessions with ANSI_QUOTES, so the same text
// works on all three.
type Dialect uint8

// The dialects smmm supports.
const (
	SQLite Dialect = iota + 1
	Postgres
	MySQL
)

// String returns the dialect's short name: "sqlite", "postgres" or "mysql".
// These are also the directory names of the migrations.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	case MySQL:
		return "mysql"
	}
	return "unknown"
}

// rebindPostgres rewrites "?" to "$n", skipping quoted strings, quoted
// identifiers and comments so that a literal question mark stays as it is.
func rebindPostgres(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch c {
		case '\'', '"':
			j := i + 1
			for j < len(query) && query[j] != c {
				j++
			}
			if j >= len(query) {
				j = len(query) - 1
			}
			b.WriteString(query[i : j+1])
			i = j
		case '-':
			if i+1 < len(query) && query[i+1] == '-' {
				j := strings.IndexByte(query[i:], '\n')
				if j < 0 {
					b.WriteString(query[i:])
					return b.String()
				}
				b.WriteString(query[i : i+j])
				i += j - 1
				continue
			}
			b.WriteByte(c)
		case '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
