// Package storage owns .vflow files: one SQLite database per map, with its
// own application id and schema version. It opens files defensively (they
// are mailed around and untrusted), migrates old ones after a backup copy,
// and writes every model command in its own durable transaction.
// It is the only package that speaks SQL; it must not import Fyne.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"

	"valueflow/model"
)

// ApplicationID marks a SQLite file as a Valueflow map ("VFlw").
const ApplicationID = 0x56466C77

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; migration i brings a file to
// user_version i+1.
var migrations = func() []string {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile("migrations/" + n)
		if err != nil {
			panic(err)
		}
		out[i] = string(b)
	}
	return out
}()

// SchemaVersion is the user_version this build writes.
var SchemaVersion = len(migrations)

const driverName = "sqlite3_valueflow"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		// Every connection gets these, so none is ever opened without them:
		// a file's triggers and views may not call functions with side
		// effects, no memory mapping of untrusted files, and page checks.
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			if on, err := setDefensive(c, 1); err != nil || !on {
				return fmt.Errorf("cannot switch on SQLite's defensive mode: %v", err)
			}
			_, err := c.Exec("PRAGMA trusted_schema=OFF; PRAGMA mmap_size=0; PRAGMA cell_size_check=ON;", nil)
			return err
		},
	})
}

// File is an open .vflow file with its map loaded. One connection writes;
// an exclusive lock keeps other processes out while it is open.
type File struct {
	path     string
	db       *sql.DB
	conn     *sql.Conn
	m        *model.Map
	readOnly bool
	// scratch is a folder holding an updated copy of an older file that was
	// opened read-only; it is removed on Close.
	scratch string

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// Path returns the file's path.
func (f *File) Path() string { return f.path }

// Map returns the map loaded from the file; the editor changes it and saves
// each change back through Save.
func (f *File) Map() *model.Map { return f.m }

// ReadOnly reports whether changes cannot be saved to this file.
func (f *File) ReadOnly() bool { return f.readOnly }

// Close releases the file and its lock.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stmts {
		s.Close()
	}
	f.stmts = nil
	if f.conn != nil {
		f.conn.Close()
		f.conn = nil
	}
	var err error
	if f.db != nil {
		err = f.db.Close()
		f.db = nil
	}
	if f.scratch != "" {
		os.RemoveAll(f.scratch)
		f.scratch = ""
	}
	return err
}

func dsn(path string, mode string, exclusive bool) string {
	q := url.Values{}
	q.Set("mode", mode)
	// journal_mode=DELETE is set by open after the checks: setting it here
	// would rewrite the header of a WAL-mode file before we know it is ours.
	q.Set("_sync", "FULL")
	q.Set("_txlock", "immediate")
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", "250")
	if exclusive {
		q.Set("_locking_mode", "EXCLUSIVE")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens a map for editing. A file the user may not write opens
// read-only (ReadOnly reports it); a file open elsewhere is refused.
func Open(path string) (*File, error) {
	if err := precheck(path); err != nil {
		return nil, err
	}
	if !writable(path) {
		return open(path, true)
	}
	return open(path, false)
}

// writable reports whether the user may change the file: write it and
// create its journal next to it. A file without any write bit counts as read-only even
// for root, who could write it anyway: the user marked it so.
func writable(path string) bool {
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm()&0o222 == 0 {
		return false
	}
	if w, err := os.OpenFile(path, os.O_RDWR, 0); err != nil {
		return false
	} else {
		w.Close()
	}
	return dirWritable(filepath.Dir(path))
}

// OpenReadOnly opens a map to read it (check, export); nothing is written.
func OpenReadOnly(path string) (*File, error) {
	if err := precheck(path); err != nil {
		return nil, err
	}
	if hotJournal(path) {
		// A crash left a half-written change and its journal. A read-only
		// connection cannot roll it back, so do that first, as opening for
		// editing would; it restores the last committed state.
		if !writable(path) {
			return nil, &Error{Code: ReadOnly, Op: "open", Path: path, Detail: "a crash left an unfinished change that can only be undone where the file may be written"}
		}
		f, err := open(path, false)
		if err != nil {
			return nil, err
		}
		f.Close()
	}
	if h, err := readHeader(path); err == nil && int(h.userVersion) < SchemaVersion {
		return openUpdatedCopy(path)
	}
	return open(path, true)
}

// openUpdatedCopy reads an older file without writing it: a copy in a
// scratch folder is brought to the current format and read from there, so
// check and export work on files that may not, or need not, be updated.
func openUpdatedCopy(path string) (*File, error) {
	dir, err := os.MkdirTemp("", "valueflow-read-*")
	if err != nil {
		return nil, newError(IO, "open", path, err)
	}
	copyPath := filepath.Join(dir, filepath.Base(path))
	if err := copyBytes(path, copyPath); err != nil {
		os.RemoveAll(dir)
		return nil, newError(IO, "open", path, err)
	}
	f, err := open(copyPath, false)
	if err != nil {
		os.RemoveAll(dir)
		return nil, relabel(err, "open", path)
	}
	f.path, f.readOnly, f.scratch = path, true, dir
	return f, nil
}

func copyBytes(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// header is what the first 100 bytes of a SQLite file say.
type header struct {
	pageSize      int64
	pages         int64
	userVersion   uint32
	applicationID uint32
	sizeValid     bool
}

// hotJournal reports whether a rollback journal with a valid header lies next
// to the file: a change a crash left unfinished. In exclusive locking mode
// SQLite keeps the journal between transactions with its header zeroed, so a
// journal that is merely there after a kill is not hot.
func hotJournal(path string) bool {
	j, err := os.Open(path + "-journal")
	if err != nil {
		return false
	}
	defer j.Close()
	magic := make([]byte, 8)
	if _, err := io.ReadFull(j, magic); err != nil {
		return false
	}
	return string(magic) == "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
}

// precheck looks at the file without SQLite, so nothing can be written to a
// file that turns out not to be ours.
func precheck(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return newError(NotFound, "open", path, err)
		}
		return newError(IO, "open", path, err)
	}
	if st.IsDir() {
		return newError(IsDirectory, "open", path, nil)
	}
	if st.Size() == 0 {
		return newError(Empty, "open", path, nil)
	}
	h, err := readHeader(path)
	if err != nil {
		return err
	}
	// The page count in the header is only valid when its version number
	// matches the change counter; a hot journal may be rolled back first.
	if h.sizeValid && !hotJournal(path) && st.Size() < h.pageSize*h.pages {
		return &Error{Code: Corrupt, Op: "open", Path: path, Detail: fmt.Sprintf("it is %d bytes, it should be %d", st.Size(), h.pageSize*h.pages)}
	}
	if h.applicationID != ApplicationID {
		return newError(NotValueflow, "open", path, nil)
	}
	if int(h.userVersion) > SchemaVersion {
		return &Error{Code: TooNew, Op: "open", Path: path, Detail: fmt.Sprintf("format version %d, this version reads up to %d", h.userVersion, SchemaVersion)}
	}
	// Every SQLite since 3.7.0 keeps the page count in the header valid and
	// equal to the file's length. A file of ours where it is stale or wrong
	// was changed by something else, and SQLite would rewrite the header on
	// the first write transaction: refuse it before anything is written.
	if !hotJournal(path) {
		if !h.sizeValid {
			return &Error{Code: Corrupt, Op: "open", Path: path, Detail: "its header does not hold a valid page count"}
		}
		if st.Size() != h.pageSize*h.pages {
			return &Error{Code: Corrupt, Op: "open", Path: path, Detail: fmt.Sprintf("it is %d bytes, its header says %d", st.Size(), h.pageSize*h.pages)}
		}
	}
	return nil
}

func readHeader(path string) (header, error) {
	var h header
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return h, newError(IO, "open", path, err)
		}
		return h, newError(IO, "open", path, err)
	}
	defer f.Close()
	b := make([]byte, 100)
	n, err := io.ReadFull(f, b)
	if !strings.HasPrefix(string(b[:n]), "SQLite format 3\x00"[:min(n, 16)]) || n < 16 {
		return h, newError(NotSQLite, "open", path, nil)
	}
	if err != nil {
		return h, &Error{Code: Corrupt, Op: "open", Path: path, Detail: "the file ends inside its header"}
	}
	ps := int64(binary.BigEndian.Uint16(b[16:18]))
	if ps == 1 {
		ps = 65536
	}
	h.pageSize = ps
	h.pages = int64(binary.BigEndian.Uint32(b[28:32]))
	h.userVersion = binary.BigEndian.Uint32(b[60:64])
	h.applicationID = binary.BigEndian.Uint32(b[68:72])
	h.sizeValid = h.pageSize >= 512 && h.pages > 0 && binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96])
	return h, nil
}

func open(path string, readOnly bool) (*File, error) {
	mode := "rw"
	if readOnly {
		mode = "ro"
	}
	db, err := sql.Open(driverName, dsn(path, mode, !readOnly))
	if err != nil {
		return nil, classify("open", path, err)
	}
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, classify("open", path, err)
	}
	f := &File{path: path, db: db, conn: conn, readOnly: readOnly, stmts: map[string]*sql.Stmt{}}
	fail := func(err error) (*File, error) {
		f.Close()
		return nil, classify("open", path, err)
	}
	if !readOnly {
		// Take the exclusive lock now and keep it (locking_mode=EXCLUSIVE):
		// a second window or process gets a clear "open elsewhere".
		if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE; COMMIT;"); err != nil {
			return fail(err)
		}
	}
	if err := checkIntegrity(ctx, conn, path); err != nil {
		return fail(err)
	}
	if err := refuseForeignObjects(ctx, conn, path); err != nil {
		return fail(err)
	}
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fail(err)
	}
	// The schema must be exactly what this version of the file should have
	// before anything is migrated or read: an odd file is refused untouched.
	if err := checkSchema(ctx, conn, path, version); err != nil {
		return fail(err)
	}
	if !readOnly {
		// Set only now: switching a WAL file to DELETE rewrites its header,
		// which must not happen to a file we refuse.
		if _, err := conn.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
			return fail(err)
		}
	}
	// References are checked before migrating, and the migrated map is
	// loaded and validated inside the migration's transaction: a bad old
	// file is refused untouched, not moved forward first.
	if err := checkForeignKeys(ctx, conn, path); err != nil {
		return fail(err)
	}
	if version < SchemaVersion {
		if readOnly {
			return fail(&Error{Code: ReadOnly, Op: "open", Path: path, Detail: fmt.Sprintf("it has format version %d and must be updated to %d, which needs write access", version, SchemaVersion)})
		}
		if err := migrate(ctx, conn, path, version, func(tx *sql.Tx) error {
			if err := checkSchema(ctx, tx, path, SchemaVersion); err != nil {
				return err
			}
			if err := checkForeignKeys(ctx, tx, path); err != nil {
				return err
			}
			m, err := load(ctx, tx)
			if err != nil {
				return err
			}
			if err := m.Validate(); err != nil {
				return &Error{Code: InvalidMap, Op: "open", Path: path, Detail: err.Error(), Err: err}
			}
			// The map as it was before the update stays in the file as a
			// snapshot (the backup copy is a separate file that may get lost).
			_, err = snapshotInTx(ctx, tx, migrationSnapshot(version, SchemaVersion, now()))
			return classifyNil("update", path, err)
		}); err != nil {
			return fail(err)
		}
	}
	m, err := load(ctx, conn)
	if err != nil {
		return fail(err)
	}
	if err := m.Validate(); err != nil {
		return fail(&Error{Code: InvalidMap, Op: "open", Path: path, Detail: err.Error(), Err: err})
	}
	f.m = m
	return f, nil
}

func checkIntegrity(ctx context.Context, conn *sql.Conn, path string) error {
	rows, err := conn.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		return classify("open", path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify("open", path, err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify("open", path, err)
	}
	if len(problems) > 0 {
		return &Error{Code: Corrupt, Op: "open", Path: path, Detail: "SQLite reports: " + firstProblem(problems[0])}
	}
	return nil
}

// firstProblem is the first line of one quick_check row: a row can hold
// several lines ("*** in database main ***\nTree 26 page 70: ..."), and
// an error message is one line (found by FuzzOpen).
func firstProblem(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "***") {
			return l
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}

// refuseForeignObjects refuses any trigger or view: we never create them, so
// one in a file was put there by someone else and must never run.
func refuseForeignObjects(ctx context.Context, conn *sql.Conn, path string) error {
	rows, err := conn.QueryContext(ctx, "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY type, name")
	if err != nil {
		return classify("open", path, err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			return classify("open", path, err)
		}
		found = append(found, fmt.Sprintf("%s %q", typ, name))
	}
	if len(found) > 0 {
		return &Error{Code: UnexpectedObjects, Op: "open", Path: path, Detail: listSome(found, 3)}
	}
	return rows.Err()
}

var (
	schemaMu    sync.Mutex
	schemaCache = map[string]map[string]string{}
)

// listSome joins the first n items and counts the rest, so a file with
// hundreds of odd objects still gives a one-line message.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// expectedSchema is the schema the first version migrations create, read
// from an in-memory database once per version (keyed by the migrations' text
// so a test that adds a migration gets its own).
func expectedSchema(version int) (map[string]string, error) {
	key := strings.Join(migrations[:version], "\x00")
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[key]; ok {
		return s, nil
	}
	db, err := sql.Open(driverName, "file::memory:?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, m := range migrations[:version] {
		if _, err := db.Exec(m); err != nil {
			return nil, err
		}
	}
	s, err := readSchema(context.Background(), db)
	if err != nil {
		return nil, err
	}
	schemaCache[key] = s
	return s, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func readSchema(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, err
		}
		out[typ+" "+name] = strings.Join(strings.Fields(text), " ")
	}
	return out, rows.Err()
}

func checkSchema(ctx context.Context, conn querier, path string, version int) error {
	want, err := expectedSchema(version)
	if err != nil {
		return classify("open", path, err)
	}
	got, err := readSchema(ctx, conn)
	if err != nil {
		return classify("open", path, err)
	}
	var extra, missing, changed []string
	for k, v := range got {
		w, ok := want[k]
		switch {
		case !ok:
			extra = append(extra, k)
		case w != v:
			changed = append(changed, k)
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	sort.Strings(changed)
	if len(extra) > 0 {
		return &Error{Code: UnexpectedObjects, Op: "open", Path: path, Detail: listSome(extra, 3)}
	}
	if len(missing) > 0 {
		return &Error{Code: BadSchema, Op: "open", Path: path, Detail: "missing " + listSome(missing, 3)}
	}
	if len(changed) > 0 {
		return &Error{Code: BadSchema, Op: "open", Path: path, Detail: "changed " + listSome(changed, 3)}
	}
	return nil
}

func checkForeignKeys(ctx context.Context, conn querier, path string) error {
	rows, err := conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return classify("open", path, err)
	}
	defer rows.Close()
	var n int
	var first string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return classify("open", path, err)
		}
		if n == 0 {
			first = fmt.Sprintf("a row of %s points to a missing row of %s", table, parent)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return classify("open", path, err)
	}
	if n > 0 {
		return &Error{Code: BrokenReferences, Op: "open", Path: path, Detail: fmt.Sprintf("%d found; %s", n, first)}
	}
	return nil
}

// migrate brings an older file to SchemaVersion in one transaction, after
// copying the file to PATH.before-vN.bak so nothing can be lost.
func migrate(ctx context.Context, conn *sql.Conn, path string, from int, verify func(*sql.Tx) error) error {
	backup := path + ".before-v" + strconv.Itoa(SchemaVersion) + ".bak"
	if _, err := os.Stat(backup); err == nil {
		backup = fmt.Sprintf("%s.before-v%d.%d.bak", path, SchemaVersion, os.Getpid())
	}
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", backup); err != nil {
		return &Error{Code: IO, Op: "update", Path: path, Detail: "could not make the backup copy " + backup, Err: err}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return classify("update", path, err)
	}
	defer tx.Rollback()
	for v := from; v < SchemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return &Error{Code: BadSchema, Op: "update", Path: path, Detail: fmt.Sprintf("migration to version %d failed: %v", v+1, err), Err: err}
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return classify("update", path, err)
	}
	// The migrated file must be one we would open, or nothing is committed.
	if err := verify(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return classify("update", path, err)
	}
	return nil
}
