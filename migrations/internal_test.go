package migrations

import (
	"strings"
	"testing"
)

func TestMySQLLockName(t *testing.T) {
	long := strings.Repeat("d", 64)
	tests := []struct {
		name, database, want string
	}{
		{"short", "smmm", "smmm_migrations:smmm"},
		{"no database", "", "smmm_migrations:"},
	}
	for _, tt := range tests {
		got := mysqlLockName(tt.database)
		if got != tt.want {
			t.Errorf("%s: mysqlLockName(%q) = %q, want %q", tt.name, tt.database, got, tt.want)
		}
		if len(got) > 64 {
			t.Errorf("%s: mysqlLockName(%q) is %d characters, MySQL allows 64", tt.name, tt.database, len(got))
		}
	}
	got := mysqlLockName(long)
	if len(got) > 64 || !strings.HasPrefix(got, "smmm_migrations:") {
		t.Errorf("mysqlLockName(64 characters) = %q, want at most 64 characters starting with smmm_migrations:", got)
	}
	if got == mysqlLockName(strings.Repeat("d", 63)+"e") {
		t.Error("two long database names that differ at the end share a lock name")
	}
}
