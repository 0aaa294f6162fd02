package store

import (
	"context"
	"fmt"
	"time"

	"smmm"
	"smmm/db"
)

// aboutID is the id of a section this package creates. A fixed id makes two
// concurrent first writes collide on the primary key, so that exactly one
// section is created and the loser updates it instead. Sections adopted
// from the original system keep their own ids.
const aboutID = "about"

// maxAboutAttempts bounds the runs of PutAbout's transaction, the first
// included. A run that loses the race to create the section finds it the
// next time, but on MySQL concurrent writers of a missing section can also
// deadlock, and a victim that outlasts db's own transaction retries may lose
// again to the next writer. Five runs leave a margin for many concurrent
// first writes (TestPutAboutConcurrent runs eight) and still end a failure
// that persists.
const maxAboutAttempts = 5

// aboutRetry is PutAbout's retry: at most maxAboutAttempts runs, with short
// waits, since the race it resolves ends with the other writer's commit.
var aboutRetry = db.RetryPolicy{Attempts: maxAboutAttempts, Base: 5 * time.Millisecond, Cap: 50 * time.Millisecond}

// The stored section is the oldest one: the original system could create
// several, and all readers and writers must agree on which one counts.
const (
	aboutColumns = `s."id", s."title", s."subtitle", s."description", s."image", s."createdAt", s."updatedAt",
	f."id", f."icon", f."title", f."description", f."isActive", f."order"`
	aboutFrom  = ` FROM "AboutSection" s LEFT JOIN "AboutFeature" f ON f."sectionId" = s."id" WHERE s."id" = `
	aboutOrder = ` ORDER BY f."order", f."id"`
	// One statement reads the section and its features from one snapshot,
	// so a reader never sees the features of two different writes.
	selectAbout     = `SELECT ` + aboutColumns + aboutFrom + `(SELECT "id" FROM "AboutSection" ORDER BY "createdAt", "id" LIMIT 1)` + aboutOrder
	selectAboutByID = `SELECT ` + aboutColumns + aboutFrom + `?` + aboutOrder
)

// scanAbout reads the rows of selectAbout: one per feature, or one with NULL
// feature columns for a section without features.
func scanAbout(rows *db.Rows) (smmm.AboutSection, error) {
	var sec smmm.AboutSection
	found := false
	for rows.Next() {
		var (
			fID, fIcon, fTitle, fDesc *string
			fActive                   *bool
			fOrder                    *int64
		)
		if err := rows.Scan(&sec.ID, &sec.Title, &sec.Subtitle, &sec.Description, &sec.Image,
			scanTime{&sec.CreatedAt.Time}, scanTime{&sec.UpdatedAt.Time},
			&fID, &fIcon, &fTitle, &fDesc, &fActive, &fOrder); err != nil {
			return smmm.AboutSection{}, err
		}
		found = true
		if fID == nil {
			continue
		}
		f := smmm.AboutFeature{ID: *fID, SectionID: sec.ID, Icon: fIcon, IsActive: true}
		if fTitle != nil {
			f.Title = *fTitle
		}
		if fDesc != nil {
			f.Description = *fDesc
		}
		if fActive != nil {
			f.IsActive = *fActive
		}
		if fOrder != nil {
			f.Order = int(*fOrder)
		}
		sec.Features = append(sec.Features, f)
	}
	if err := rows.Close(); err != nil {
		return smmm.AboutSection{}, err
	}
	if !found {
		return smmm.AboutSection{}, db.ErrNotFound
	}
	if sec.Features == nil {
		sec.Features = []smmm.AboutFeature{}
	}
	return sec, nil
}

func about(ctx context.Context, q db.Querier) (smmm.AboutSection, error) {
	rows, err := q.Query(ctx, selectAbout)
	if err != nil {
		return smmm.AboutSection{}, err
	}
	defer rows.Close()
	return scanAbout(rows)
}

func aboutByID(ctx context.Context, q db.Querier, id string) (smmm.AboutSection, error) {
	rows, err := q.Query(ctx, selectAboutByID, id)
	if err != nil {
		return smmm.AboutSection{}, err
	}
	defer rows.Close()
	return scanAbout(rows)
}

// About returns the stored about section (the oldest, should there be
// several) with its features ordered by "order", then id. It returns an
// error matching db.ErrNotFound when no section is stored; the caller then
// shows smmm.DefaultAbout.
func (s *Store) About(ctx context.Context) (smmm.AboutSection, error) {
	sec, err := about(ctx, s.db)
	if err != nil {
		return smmm.AboutSection{}, fmt.Errorf("store: about: %w", err)
	}
	return sec, nil
}

// PutAbout stores in as the about section in one transaction: it updates the
// stored section (or creates one) and replaces all its features with
// in.Features. It returns the section as stored. Concurrent calls are
// serialized: the result is always exactly one call's input, never a mix.
// Normalize and validate in first; a feature whose IsActive or Order is nil
// gets true or its index.
func (s *Store) PutAbout(ctx context.Context, in smmm.AboutInput) (smmm.AboutSection, error) {
	sec, _, err := s.putAbout(ctx, in, false)
	if err != nil {
		return smmm.AboutSection{}, fmt.Errorf("store: put about: %w", err)
	}
	return sec, nil
}

// putAbout writes in as the section. With onlyIfMissing it leaves an
// existing section alone and reports created=false.
func (s *Store) putAbout(ctx context.Context, in smmm.AboutInput, onlyIfMissing bool) (sec smmm.AboutSection, created bool, err error) {
	// A conflict means another transaction created the section first; a
	// serialization failure that outlasted db's own retries is MySQL
	// resolving the same race as a deadlock. Both succeed next time.
	again := func(_ int, err error) bool {
		k := db.KindOf(err)
		return k == db.KindConflict || k == db.KindSerialization
	}
	err = db.Retry(ctx, aboutRetry, again, func(ctx context.Context) error {
		return s.db.Tx(ctx, db.TxOptions{}, func(tx *db.Tx) error {
			created = false
			now := s.now()
			id, err := lockAboutSection(ctx, tx)
			switch {
			case err == nil && onlyIfMissing:
				return nil
			case err == nil:
				if err := updateAboutSection(ctx, tx, id, in, now); err != nil {
					return err
				}
			case errNoRows(err):
				id = aboutID
				if err := insertAboutSection(ctx, tx, id, in, now); err != nil {
					return err
				}
				created = true
			default:
				return err
			}
			if err := s.replaceAboutFeatures(ctx, tx, id, in.Features, now); err != nil {
				return err
			}
			sec, err = aboutByID(ctx, tx, id)
			return err
		})
	})
	if err != nil {
		return smmm.AboutSection{}, false, err
	}
	return sec, created, nil
}

// lockAboutSection returns the id of the stored section, locked until the
// transaction ends, or an error matching db.ErrNotFound. SQLite needs no
// row lock: its transactions take the database's write lock when they
// begin.
func lockAboutSection(ctx context.Context, tx *db.Tx) (string, error) {
	const query = `SELECT "id" FROM "AboutSection" ORDER BY "createdAt", "id" LIMIT 1`
	const forUpdate = query + ` FOR UPDATE`
	q := forUpdate
	if tx.Dialect() == db.SQLite {
		q = query
	}
	return queryOne(ctx, tx, scalar[string], q)
}

func insertAboutSection(ctx context.Context, q db.Querier, id string, in smmm.AboutInput, now time.Time) error {
	const query = `INSERT INTO "AboutSection" ("id", "title", "subtitle", "description", "image", "createdAt", "updatedAt")
	VALUES (?, ?, ?, ?, ?, ?, ?)`
	_, err := q.Exec(ctx, query, id, in.Title, nullable(in.Subtitle), in.Description, nullable(in.Image), now, now)
	return err
}

func updateAboutSection(ctx context.Context, q db.Querier, id string, in smmm.AboutInput, now time.Time) error {
	const query = `UPDATE "AboutSection" SET "title" = ?, "subtitle" = ?, "description" = ?, "image" = ?, "updatedAt" = ?
	WHERE "id" = ?`
	_, err := q.Exec(ctx, query, in.Title, nullable(in.Subtitle), in.Description, nullable(in.Image), now, id)
	return err
}

// replaceAboutFeatures deletes the section's features and inserts fs, with
// ids made at now.
func (s *Store) replaceAboutFeatures(ctx context.Context, q db.Querier, sectionID string, fs []smmm.AboutFeatureInput, now time.Time) error {
	const del = `DELETE FROM "AboutFeature" WHERE "sectionId" = ?`
	if _, err := q.Exec(ctx, del, sectionID); err != nil {
		return err
	}
	const ins = `INSERT INTO "AboutFeature" ("id", "sectionId", "icon", "title", "description", "isActive", "order")
	VALUES (?, ?, ?, ?, ?, ?, ?)`
	for i, f := range fs {
		active := f.IsActive == nil || *f.IsActive
		order := i
		if f.Order != nil {
			order = *f.Order
		}
		if _, err := q.Exec(ctx, ins, s.ids.next(now), sectionID, nullable(f.Icon), f.Title, f.Description, active, order); err != nil {
			return err
		}
	}
	return nil
}

// ResetAbout deletes every stored section and, by the foreign key's cascade,
// their features, in one statement; About then reports not found and the
// site shows smmm.DefaultAbout.
func (s *Store) ResetAbout(ctx context.Context) error {
	const query = `DELETE FROM "AboutSection"`
	if _, err := s.db.Exec(ctx, query); err != nil {
		return fmt.Errorf("store: reset about: %w", err)
	}
	return nil
}

// nullable turns a nil *string into SQL NULL.
func nullable(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
