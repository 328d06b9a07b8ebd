package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"valueflow/model"
	"valueflow/storage/jsonmap"
)

// now is the clock snapshots are stamped with; tests replace it.
var now = time.Now

// TakeSnapshot stores a frozen copy of the map as it is now, in one durable
// transaction, and returns its description.
func (f *File) TakeSnapshot(name, note string) (model.SnapshotInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return model.SnapshotInfo{}, fmt.Errorf("a snapshot needs a name")
	}
	if f.readOnly {
		return model.SnapshotInfo{}, newError(ReadOnly, "save", f.path, nil)
	}
	var buf bytes.Buffer
	if err := jsonmap.Encode(&buf, f.m); err != nil {
		return model.SnapshotInfo{}, err
	}
	info := model.SnapshotInfo{Name: name, Time: now().Unix(), Note: note}
	err := f.write(func(ctx context.Context, c *sql.Conn) error {
		s, err := f.stmt(ctx, "INSERT INTO snapshots (name, time, note, map) VALUES (?, ?, ?, ?)")
		if err != nil {
			return err
		}
		res, err := s.ExecContext(ctx, info.Name, info.Time, info.Note, buf.String())
		if err != nil {
			return err
		}
		info.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.SnapshotInfo{}, err
	}
	return info, nil
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

// SnapshotMap returns the map frozen in snapshot id. It is decoded strictly
// and validated, as a snapshot in a mailed file is untrusted like the rest.
func (f *File) SnapshotMap(id int64) (*model.Map, error) {
	f.mu.Lock()
	if f.conn == nil {
		f.mu.Unlock()
		return nil, &Error{Code: IO, Op: "read", Path: f.path, Detail: "the file is closed"}
	}
	var text string
	err := f.conn.QueryRowContext(context.Background(), "SELECT map FROM snapshots WHERE id = ?", id).Scan(&text)
	f.mu.Unlock()
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("snapshot %d: %w", id, ErrNoSnapshot)
	}
	if err != nil {
		return nil, classify("read", f.path, err)
	}
	m, err := jsonmap.Decode(strings.NewReader(text))
	if err != nil {
		return nil, &Error{Code: InvalidMap, Op: "read", Path: f.path, Detail: fmt.Sprintf("snapshot %d: %v", id, err), Err: err}
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
