package db

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
)

// statement is what DB knows about one query text, computed once: the text
// to send (placeholders rewritten for PostgreSQL), a stable operation name,
// whether it only reads, and its running totals for the slow-query report.
type statement struct {
	sql        string // as sent to the driver
	op         string // "ContactMessage.select"
	normalized string // whitespace collapsed, literals replaced by ?
	readOnly   bool
	writes     bool // stores something: not read-only, not a PRAGMA

	count     atomic.Int64
	errors    atomic.Int64
	totalNano atomic.Int64
	maxNano   atomic.Int64
	lastSeen  atomic.Int64 // unix nanoseconds
}

func (s *statement) record(d time.Duration, failed bool, now time.Time) {
	s.count.Add(1)
	s.totalNano.Add(int64(d))
	if failed {
		s.errors.Add(1)
	}
	for {
		m := s.maxNano.Load()
		if int64(d) <= m || s.maxNano.CompareAndSwap(m, int64(d)) {
			break
		}
	}
	s.lastSeen.Store(now.UnixNano())
}

// statements caches statement values by query text. It is bounded: store
// queries are constants, but a caller building SQL from input must not be
// able to grow it without end; past the bound, statements are built per call
// and not tracked.
type statements struct {
	dialect Dialect
	m       sync.Map // string -> *statement
	n       atomic.Int64
}

const maxStatements = 2048

func (c *statements) get(query string) *statement {
	if v, ok := c.m.Load(query); ok {
		return v.(*statement)
	}
	s := newStatement(c.dialect, query)
	if c.n.Load() >= maxStatements {
		return s
	}
	v, loaded := c.m.LoadOrStore(query, s)
	if !loaded {
		c.n.Add(1)
	}
	return v.(*statement)
}

func (c *statements) all() []*statement {
	var out []*statement
	c.m.Range(func(_, v any) bool {
		out = append(out, v.(*statement))
		return true
	})
	return out
}

func newStatement(d Dialect, query string) *statement {
	s := &statement{sql: query, normalized: Normalize(query)}
	if d == Postgres {
		s.sql = rebindPostgres(query)
	}
	verb, table := verbAndTable(s.normalized)
	s.op = table + "." + verb
	if table == "" {
		s.op = verb
	}
	s.readOnly = isReadOnly(verb, s.normalized)
	s.writes = !s.readOnly && verb != "pragma"
	return s
}

// Normalize returns query with comments removed, whitespace collapsed and
// literal values (strings and numbers) replaced by "?", so that statements
// differing only in values group together and no value reaches a log.
func Normalize(query string) string {
	var b strings.Builder
	b.Grow(len(query))
	space := false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			for i < len(query) && query[i] != '\n' {
				i++
			}
			space = true
			continue
		case c == '/' && i+1 < len(query) && query[i+1] == '*':
			end := strings.Index(query[i+2:], "*/")
			if end < 0 {
				i = len(query)
			} else {
				i += end + 3
			}
			space = true
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case c == '\'':
			j := i + 1
			for j < len(query) {
				if query[j] == '\'' {
					if j+1 < len(query) && query[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			b.WriteByte('?')
			i = j
		case c == '"' || c == '`':
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				j = len(query) - i - 1
			}
			b.WriteString(query[i : i+j+2])
			i += j + 1
		case c == '$' && i+1 < len(query) && isDigit(query[i+1]):
			for i+1 < len(query) && isDigit(query[i+1]) {
				i++
			}
			b.WriteByte('?')
		case isDigit(c) && (b.Len() == 0 || !isIdent(lastByte(&b))):
			for i+1 < len(query) && (isDigit(query[i+1]) || query[i+1] == '.') {
				i++
			}
			b.WriteByte('?')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func lastByte(b *strings.Builder) byte { s := b.String(); return s[len(s)-1] }
func isDigit(c byte) bool              { return c >= '0' && c <= '9' }
func isIdent(c byte) bool              { return c == '_' || isDigit(c) || unicode.IsLetter(rune(c)) }

// verbAndTable returns the lower-case first keyword and the first table the
// statement names after FROM, INTO, UPDATE or TABLE.
func verbAndTable(norm string) (verb, table string) {
	fields := strings.Fields(norm)
	if len(fields) == 0 {
		return "empty", ""
	}
	verb = strings.ToLower(strings.Trim(fields[0], "("))
	var after string
	switch verb {
	case "select", "delete", "with":
		after = "from"
	case "insert", "replace":
		after = "into"
	case "update":
		if len(fields) > 1 {
			return verb, unquote(fields[1])
		}
		return verb, ""
	default:
		after = "table"
	}
	for i, f := range fields[:len(fields)-1] {
		if strings.EqualFold(f, after) {
			return verb, unquote(fields[i+1])
		}
	}
	return verb, ""
}

func unquote(s string) string {
	s = strings.TrimRight(s, "(),;")
	return strings.Trim(s, "\"`")
}

// isReadOnly reports whether a statement only reads: such statements may go
// to SQLite's reader connections and may be retried after a lost connection.
func isReadOnly(verb, norm string) bool {
	switch verb {
	case "select", "with", "show", "explain", "values":
	default:
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(norm), func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || r == '"' || r == '`')
	})
	for i, w := range words {
		switch w {
		case "insert", "update", "delete", "merge", "create", "drop", "alter", "truncate":
			return false
		case "for":
			if i+1 < len(words) && (words[i+1] == "update" || words[i+1] == "share" || words[i+1] == "no") {
				return false
			}
		}
	}
	return true
}
