package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"valueflow/model"
)

// now is the clock snapshots are stamped with; tests replace it.
var now = time.Now

// snapshotTables are the live tables a snapshot copies, parents first.
var snapshotTables = []string{"map", "stakeholders", "relationships", "coalitions", "coalition_members", "scenarios", "steps", "contributions", "flows"}

// TakeSnapshot stores a frozen copy of the map as it is now (every edit is
// on disk the moment it is made, so the file's rows are the map) in one
// durable transaction, and returns its description.
func (f *File) TakeSnapshot(name, note string) (model.SnapshotInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return model.SnapshotInfo{}, ErrSnapshotName
	}
	if f.readOnly {
		return model.SnapshotInfo{}, newError(ReadOnly, "save", f.path, nil)
	}
	info := model.SnapshotInfo{Name: name, Time: now().Unix(), Note: note}
	err := f.write(func(ctx context.Context, c *sql.Conn) error {
		s, err := f.stmt(ctx, "INSERT INTO snapshots (name, time, note) VALUES (?, ?, ?)")
		if err != nil {
			return err
		}
		res, err := s.ExecContext(ctx, info.Name, info.Time, info.Note)
		if err != nil {
			return err
		}
		if info.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, t := range snapshotTables {
			// snapshot_T is the snapshot id followed by T's own columns in
			// order (migration 0002; the schema check on open holds it).
			s, err := f.stmt(ctx, "INSERT INTO snapshot_"+t+" SELECT ?, * FROM "+t)
			if err != nil {
				return err
			}
			if _, err := s.ExecContext(ctx, info.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.SnapshotInfo{}, err
	}
	return info, nil
}

// ErrSnapshotName refuses a snapshot without a name.
var ErrSnapshotName = errors.New("a snapshot needs a name")

// The snapshot taken before a format update is stored with these English
// words, which the sqlite3 tool and the command line show as they are;
// MigrationSnapshot recognises them so the GUI can say them in the user's
// language.
const (
	migrationName = "Before the update to format version %d"
	migrationNote = "taken automatically; the file had format version %d"
)

// migrationSnapshot describes the snapshot taken before moving a file from
// format version from to version to.
func migrationSnapshot(from, to int, at time.Time) model.SnapshotInfo {
	return model.SnapshotInfo{Name: fmt.Sprintf(migrationName, to), Time: at.Unix(), Note: fmt.Sprintf(migrationNote, from)}
}

// MigrationSnapshot reports whether s is the snapshot taken automatically
// before a format update, and the versions before (from) and after (to).
func MigrationSnapshot(s model.SnapshotInfo) (from, to int, ok bool) {
	if _, err := fmt.Sscanf(s.Name, migrationName, &to); err != nil || fmt.Sprintf(migrationName, to) != s.Name {
		return 0, 0, false
	}
	if _, err := fmt.Sscanf(s.Note, migrationNote, &from); err != nil || fmt.Sprintf(migrationNote, from) != s.Note {
		return 0, 0, false
	}
	return from, to, true
}

// snapshotInTx takes a snapshot inside a transaction that is already open
// (a migration's): the same rows TakeSnapshot copies.
func snapshotInTx(ctx context.Context, tx *sql.Tx, info model.SnapshotInfo) (int64, error) {
	res, err := tx.ExecContext(ctx, "INSERT INTO snapshots (name, time, note) VALUES (?, ?, ?)", info.Name, info.Time, info.Note)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, t := range snapshotTables {
		if _, err := tx.ExecContext(ctx, "INSERT INTO snapshot_"+t+" SELECT ?, * FROM "+t, id); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// Snapshots lists the file's snapshots, oldest first.
func (f *File) Snapshots() ([]model.SnapshotInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return nil, &Error{Code: IO, Op: "read", Path: f.path, Detail: "the file is closed"}
	}
	var out []model.SnapshotInfo
	err := each(context.Background(), f.conn, "SELECT id, name, time, note FROM snapshots ORDER BY time, id", func(r *sql.Rows) error {
		var s model.SnapshotInfo
		if err := r.Scan(&s.ID, &s.Name, &s.Time, &s.Note); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, classify("read", f.path, err)
	}
	return out, nil
}

// ErrNoSnapshot is returned (wrapped) for a snapshot id the file does not hold.
var ErrNoSnapshot = errors.New("no such snapshot")

// SnapshotMap returns the map frozen in snapshot id. It is validated like
// the live map on open: a snapshot in a mailed file is untrusted like the
// rest of it.
func (f *File) SnapshotMap(id int64) (*model.Map, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return nil, &Error{Code: IO, Op: "read", Path: f.path, Detail: "the file is closed"}
	}
	ctx := context.Background()
	var one int
	err := f.conn.QueryRowContext(ctx, "SELECT 1 FROM snapshots WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("snapshot %d: %w", id, ErrNoSnapshot)
	}
	if err != nil {
		return nil, classify("read", f.path, err)
	}
	m, err := loadFrom(ctx, f.conn, source{snapshot: id})
	if err != nil {
		return nil, classify("read", f.path, err)
	}
	if err := m.Validate(); err != nil {
		return nil, &Error{Code: InvalidMap, Op: "read", Path: f.path, Detail: fmt.Sprintf("snapshot %d: %v", id, err), Err: err}
	}
	return m, nil
}

// DeleteSnapshot removes snapshot id.
func (f *File) DeleteSnapshot(id int64) error {
	if f.readOnly {
		return newError(ReadOnly, "save", f.path, nil)
	}
	// The snapshot's rows go with it (ON DELETE CASCADE).
	return f.write(func(ctx context.Context, c *sql.Conn) error {
		s, err := f.stmt(ctx, "DELETE FROM snapshots WHERE id = ?")
		if err != nil {
			return err
		}
		res, err := s.ExecContext(ctx, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("snapshot %d: %w", id, ErrNoSnapshot)
		}
		return nil
	})
}

// write runs fn in one durable transaction on the file's connection, the
// same way Save does.
func (f *File) write(fn func(ctx context.Context, c *sql.Conn) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return &Error{Code: IO, Op: "save", Path: f.path, Detail: "the file is closed"}
	}
	ctx := context.Background()
	if _, err := f.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return classify("save", f.path, err)
	}
	if err := fn(ctx, f.conn); err != nil {
		f.conn.ExecContext(ctx, "ROLLBACK")
		if errors.Is(err, ErrNoSnapshot) {
			return err
		}
		return classify("save", f.path, err)
	}
	if _, err := f.conn.ExecContext(ctx, "COMMIT"); err != nil {
		f.conn.ExecContext(ctx, "ROLLBACK")
		return classify("save", f.path, err)
	}
	return nil
}
