package migrations

import (
	"context"
	"database/sql"
	"fmt"
)

// What the external tests need of the package's internals.

// OriginalTables are the tables of the original's init migration.
var OriginalTables = originalTables

// OwnTables are smmm's own tables, without the version table.
var OwnTables = ownTables

// OwnIndexNames returns the names of the indexes smmm adds to the
// original's tables on dialect.
func OwnIndexNames(dialect string) []string {
	var names []string
	for _, idx := range ownIndexes[dialect] {
		names = append(names, idx.name)
	}
	return names
}

// UpTo applies the embedded migrations of dialect up to and including
// version, without a lock, as an older smmm would have.
func UpTo(ctx context.Context, sqlDB *sql.DB, dialect string, version int64) error {
	d, err := lookupDialect(dialect)
	if err != nil {
		return err
	}
	p, err := newProvider(d, sqlDB, nil)
	if err != nil {
		return err
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		return fmt.Errorf("up to %d: %w", version, err)
	}
	return nil
}
