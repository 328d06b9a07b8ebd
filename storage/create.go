package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"valueflow/internal/atomicfile"
	"valueflow/model"
)

// Create writes m as a new .vflow file at path. The file appears whole or not
// at all: it is written next to path under a temporary name, synced, checked
// and then linked into place, and an existing file is never overwritten.
func Create(path string, m *model.Map) error {
	if err := m.Validate(); err != nil {
		return &Error{Code: InvalidMap, Op: "create", Path: path, Detail: err.Error(), Err: err}
	}
	if _, err := os.Lstat(path); err == nil {
		return newError(Exists, "create", path, nil)
	}
	return writeChecked(path, m, func(tmp string) error {
		// A hard link fails when path exists, where a rename would replace it.
		err := os.Link(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			return newError(Exists, "create", path, err)
		}
		if err != nil {
			if err := os.Rename(tmp, path); err != nil {
				return newError(IO, "create", path, err)
			}
		}
		return nil
	})
}

// Replace writes m as a new .vflow file at path like Create, but replaces a
// file that is there (the user confirmed it), unless another window has it
// open. The old file stays as it was until the new one is whole.
func Replace(path string, m *model.Map) error {
	if err := m.Validate(); err != nil {
		return &Error{Code: InvalidMap, Op: "create", Path: path, Detail: err.Error(), Err: err}
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return newError(IsDirectory, "create", path, nil)
		}
		if lockedElsewhere(path) {
			return newError(Locked, "create", path, nil)
		}
	}
	return writeChecked(path, m, func(tmp string) error {
		if err := os.Rename(tmp, path); err != nil {
			return newError(IO, "create", path, err)
		}
		return nil
	})
}

// writeChecked writes m to a temporary file next to path, checks it, and
// hands it to place to put it at path.
func writeChecked(path string, m *model.Map, place func(tmp string) error) error {
	tmp, err := tempPath(path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := writeNew(tmp, m); err != nil {
		return relabel(err, "create", path)
	}
	if err := verifyCopy(tmp); err != nil {
		return relabel(err, "create", path)
	}
	if err := place(tmp); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// SaveAs writes a copy of the file as it is now to path (replacing a file
// there, as the user confirmed in the dialog), checks the copy and renames it
// into place. The open file stays the one being edited.
func (f *File) SaveAs(path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return &Error{Code: IO, Op: "save as", Path: path, Detail: "the file is closed"}
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return newError(IsDirectory, "save as", path, nil)
		}
		// Renaming onto the open file would leave this connection writing
		// to the replaced, unlinked copy: every later edit would be lost.
		if own, err := os.Stat(f.path); err == nil && os.SameFile(st, own) {
			return nil
		}
		// The same for a file another window has open: it would go on
		// saving into a file nobody can reach any more.
		if lockedElsewhere(path) {
			return newError(Locked, "save as", path, nil)
		}
	}
	tmp, err := tempPath(path)
	if err != nil {
		return relabel(err, "save as", path)
	}
	defer os.Remove(tmp)
	if _, err := f.conn.ExecContext(context.Background(), "VACUUM INTO ?", tmp); err != nil {
		return classify("save as", path, err)
	}
	if err := syncFile(tmp); err != nil {
		return relabel(err, "save as", path)
	}
	if err := verifyCopy(tmp); err != nil {
		return relabel(err, "save as", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		return newError(IO, "save as", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// lockedElsewhere reports whether another connection holds a lock on the
// SQLite file at path; a file that is not a database is never locked.
func lockedElsewhere(path string) bool {
	db, err := sql.Open(driverName, dsn(path, "rw", false))
	if err != nil {
		return false
	}
	defer db.Close()
	if _, err = db.Exec("BEGIN IMMEDIATE; ROLLBACK;"); err == nil {
		return false
	}
	return CodeOf(classify("save as", path, err)) == Locked
}

// tempPath picks an unused name next to path; VACUUM INTO and SQLite want a
// file that does not exist yet.
func tempPath(path string) (string, error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return "", &Error{Code: IO, Op: "create", Path: path, Detail: fmt.Sprintf("the folder %q does not exist", dir)}
	}
	atomicfile.RemoveStale(path)
	f, err := os.CreateTemp(dir, atomicfile.Pattern(path))
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return "", &Error{Code: ReadOnly, Op: "create", Path: path, Detail: fmt.Sprintf("no permission to write in %q", dir), Err: err}
		}
		return "", newError(IO, "create", path, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return name, nil
}

// writeNew creates a database at path with the schema and the whole map.
func writeNew(path string, m *model.Map) error {
	db, err := sql.Open(driverName, dsn(path, "rwc", false))
	if err != nil {
		return classify("create", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return classify("create", path, err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return classify("create", path, err)
	}
	defer tx.Rollback()
	for _, mig := range migrations {
		if _, err := tx.ExecContext(ctx, mig); err != nil {
			return classify("create", path, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, SchemaVersion)); err != nil {
		return classify("create", path, err)
	}
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	w := &writer{ctx: ctx, idx: newIndex(m), exec: func(q string, args ...any) error {
		s, ok := stmts[q]
		if !ok {
			var err error
			if s, err = tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			stmts[q] = s
		}
		_, err := s.ExecContext(ctx, args...)
		return err
	}}
	if err := w.apply(m, allRefs(m)); err != nil {
		return classify("create", path, err)
	}
	return classifyNil("create", path, tx.Commit())
}

func classifyNil(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return classify(op, path, err)
}

// verifyCopy opens a freshly written file with every check Open makes.
func verifyCopy(path string) error {
	f, err := OpenReadOnly(path)
	if err != nil {
		return err
	}
	return f.Close()
}

func relabel(err error, op, path string) error {
	var se *Error
	if errors.As(err, &se) {
		c := *se
		c.Op, c.Path = op, path
		return &c
	}
	return newError(IO, op, path, err)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
