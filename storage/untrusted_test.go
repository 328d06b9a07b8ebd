package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"

	"valueflow/model"
	"valueflow/model/sample"
)

// copyFile copies a test file byte for byte.
func copyFile(t *testing.T, from, to string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// countRows reads a table with a plain connection, not through Open.
func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEveryConnectionRunsInDefensiveMode(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = f.conn.Raw(func(dc any) error {
		on, err := setDefensive(dc.(*sqlite3.SQLiteConn), -1)
		if err == nil && !on {
			t.Error("defensive mode is off")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// What defensive mode is for: SQL may not rewrite the schema by hand.
	ctx := context.Background()
	f.conn.ExecContext(ctx, "PRAGMA writable_schema = ON")
	if _, err := f.conn.ExecContext(ctx, "UPDATE sqlite_schema SET sql = 'CREATE TABLE map (x)' WHERE name = 'map'"); err == nil {
		t.Fatal("the schema table could be written")
	}
}

func TestEveryConnectionDistrustsTheSchemaAndMapsNoMemory(t *testing.T) {
	path := create(t, sample.Map())
	for name, open := range map[string]func(string) (*File, error){"read-write": Open, "read-only": OpenReadOnly} {
		f, err := open(path)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for pragma, want := range map[string]int{"trusted_schema": 0, "mmap_size": 0, "cell_size_check": 1} {
			var got int
			if err := f.conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s connection: PRAGMA %s = %d, want %d", name, pragma, got, want)
			}
		}
		// Extension loading is compiled out (sqlite_omit_load_extension):
		// the SQL function does not exist at all.
		if _, err := f.conn.ExecContext(ctx, "SELECT load_extension('/tmp/x.so')"); err == nil || !strings.Contains(err.Error(), "no such function") {
			t.Errorf("%s connection: load_extension gave %v, want no such function", name, err)
		}
		f.Close()
	}
}

func TestTriggersThatWriteElsewhereNeverRun(t *testing.T) {
	good := create(t, sample.Map())
	dir := t.TempDir()
	// A file someone mailed: a table to collect what the triggers grab, and
	// triggers on every kind of change to every table we write.
	path := copyFile(t, good, filepath.Join(dir, "gemaild.vflow"))
	stmts := []string{"CREATE TABLE loot (what TEXT)"}
	for _, table := range []string{"map", "stakeholders", "relationships", "coalitions", "coalition_members", "scenarios", "steps", "contributions", "flows"} {
		for _, ev := range []string{"INSERT", "UPDATE", "DELETE"} {
			stmts = append(stmts, "CREATE TRIGGER grab_"+table+"_"+strings.ToLower(ev)+" AFTER "+ev+" ON "+table+
				" BEGIN INSERT INTO loot VALUES ('"+table+" "+ev+"'); END")
		}
	}
	sqliteExec(t, path, stmts...)
	before := sum(t, path)
	for _, open := range []func(string) (*File, error){Open, OpenReadOnly} {
		f, err := open(path)
		if err == nil {
			f.Close()
			t.Fatal("a file with triggers was opened")
		}
		want := `cannot open "` + path + `": the file contains unexpected database objects (trigger "grab_coalition_members_delete", trigger "grab_coalition_members_insert", trigger "grab_coalition_members_update" and 24 more)`
		if CodeOf(err) != UnexpectedObjects || err.Error() != want {
			t.Fatalf("got %q, want %q", err, want)
		}
	}
	if sum(t, path) != before {
		t.Fatal("the refused file changed")
	}
	if n := countRows(t, path, "loot"); n != 0 {
		t.Fatalf("the triggers ran %d times", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("files next to the refused one: %v", entries)
	}
}

func TestAWALModeFileThatIsRefusedKeepsItsBytes(t *testing.T) {
	good := create(t, sample.Map())
	path := copyFile(t, good, filepath.Join(t.TempDir(), "wal.vflow"))
	sqliteExec(t, path, "PRAGMA journal_mode = WAL", "CREATE VIEW v AS SELECT 1")
	before := sum(t, path)
	_, err := Open(path)
	if CodeOf(err) != UnexpectedObjects {
		t.Fatalf("got %v", err)
	}
	if sum(t, path) != before {
		t.Fatal("the refused WAL file changed (its journal mode was switched before the checks)")
	}
}

func TestAWALModeFileOfOursOpensAndIsSwitchedToARollbackJournal(t *testing.T) {
	good := create(t, sample.Map())
	path := copyFile(t, good, filepath.Join(t.TempDir(), "wal.vflow"))
	sqliteExec(t, path, "PRAGMA journal_mode = WAL")
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Na WAL"})); err != nil {
		t.Fatal(err)
	}
	var mode string
	f.conn.QueryRowContext(context.Background(), "PRAGMA journal_mode").Scan(&mode)
	f.Close()
	if mode != "delete" {
		t.Fatalf("journal mode %q", mode)
	}
	if got := reopen(t, path); got.Title != "Na WAL" {
		t.Fatalf("title %q", got.Title)
	}
}

func TestAFileWithoutWritePermissionOpensReadOnly(t *testing.T) {
	path := create(t, sample.Map())
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !f.ReadOnly() {
		t.Fatal("a file without write permission opened for writing")
	}
	if !reflect.DeepEqual(f.Map(), sample.Map()) {
		t.Fatal("the read-only map differs from what was written")
	}
	ed := model.NewEditor(f.Map(), f)
	err = ed.Do(model.SetMapInfo(model.MapInfo{Title: "x"}))
	want := `cannot save "` + path + `": the file is read-only; use Save As to keep your changes in another file`
	if CodeOf(err) != ReadOnly || err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	// Save As still works: it is how the user keeps changes.
	copyPath := filepath.Join(t.TempDir(), "kopie.vflow")
	if err := f.SaveAs(copyPath); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(reopen(t, copyPath), sample.Map()) {
		t.Fatal("the copy differs")
	}
	if sum(t, path) != before {
		t.Fatal("the read-only file changed")
	}
}

// withMigration adds a migration for the duration of a test, as the next
// release would.
func withMigration(t *testing.T, sql string) {
	t.Helper()
	saved, savedVersion := migrations, SchemaVersion
	migrations = append(append([]string(nil), migrations...), sql)
	SchemaVersion = len(migrations)
	t.Cleanup(func() { migrations, SchemaVersion = saved, savedVersion })
}

func TestAnOlderFileIsMigratedAfterABackupCopy(t *testing.T) {
	path := create(t, sample.Map())
	withMigration(t, "CREATE TABLE later_notes (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT")
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Map(), sample.Map()) {
		t.Fatal("the migrated map differs")
	}
	f.Close()
	h, _ := readHeader(path)
	if int(h.userVersion) != SchemaVersion || h.applicationID != ApplicationID {
		t.Fatalf("after migrating: user_version %d, application_id %x", h.userVersion, h.applicationID)
	}
	backup := path + fmt.Sprintf(".before-v%d.bak", SchemaVersion)
	hb, err := readHeader(backup)
	if err != nil {
		t.Fatalf("no backup copy: %v", err)
	}
	if int(hb.userVersion) != SchemaVersion-1 || hb.applicationID != ApplicationID {
		t.Fatalf("the backup has user_version %d, application_id %x", hb.userVersion, hb.applicationID)
	}
	if n := countRows(t, path, "later_notes"); n != 0 {
		t.Fatalf("%d later_notes", n)
	}
	// Opening again migrates nothing and makes no second backup.
	f, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 2 {
		t.Fatalf("files: %v", entries)
	}
}

func TestAFailingMigrationLeavesTheFileAsItWas(t *testing.T) {
	path := create(t, sample.Map())
	before := sum(t, path)
	withMigration(t, "CREATE TABLE later_notes (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE map (x TEXT)")
	_, err := Open(path)
	if CodeOf(err) != BadSchema || !strings.Contains(err.Error(), fmt.Sprintf("migration to version %d failed", SchemaVersion)) {
		t.Fatalf("got %v", err)
	}
	if sum(t, path) != before {
		t.Fatal("the file changed")
	}
	if _, err := os.Stat(path + fmt.Sprintf(".before-v%d.bak", SchemaVersion)); err != nil {
		t.Fatal("the backup copy is gone")
	}
}

func TestAnOlderFileWithAnOddSchemaIsRefusedBeforeMigrating(t *testing.T) {
	good := create(t, sample.Map())
	path := copyFile(t, good, filepath.Join(t.TempDir(), "odd.vflow"))
	sqliteExec(t, path, "CREATE TABLE later_notes (x TEXT)")
	before := sum(t, path)
	withMigration(t, "CREATE TABLE later_notes (id INTEGER PRIMARY KEY) STRICT")
	_, err := Open(path)
	if CodeOf(err) != UnexpectedObjects || !strings.Contains(err.Error(), "table later_notes") {
		t.Fatalf("got %v", err)
	}
	if sum(t, path) != before {
		t.Fatal("the file changed")
	}
	if _, err := os.Stat(path + fmt.Sprintf(".before-v%d.bak", SchemaVersion)); err == nil {
		t.Fatal("a backup was made of a refused file")
	}
}

// An older file opened read-only (check, export) is read through an updated
// copy: it opens, and the file itself is not migrated.
func TestAnOlderFileOpenedReadOnlyIsNotMigrated(t *testing.T) {
	path := create(t, sample.Map())
	before := sum(t, path)
	withMigration(t, "CREATE TABLE later_notes (id INTEGER PRIMARY KEY) STRICT")
	f, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("got %v", err)
	}
	if !f.ReadOnly() {
		t.Fatal("an older file opened read-only can be edited")
	}
	f.Close()
	if sum(t, path) != before {
		t.Fatal("the file changed")
	}
	if _, err := os.Stat(path + fmt.Sprintf(".before-v%d.bak", SchemaVersion)); err == nil {
		t.Fatal("a backup was made next to a file that was only read")
	}
}
