package storage

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// crashImage returns a copy of a file and its rollback journal taken in the
// middle of a transaction that already wrote into the file: what a crash or
// power cut leaves behind.
func crashImage(t *testing.T) string {
	t.Helper()
	path := create(t, sample.Map())
	committed := sum(t, path)
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=DELETE&_sync=FULL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// A tiny cache makes SQLite spill changed pages into the file before
	// the commit, after syncing the journal.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range []string{"PRAGMA cache_size = 1", "UPDATE contributions SET value = value || ' (kapot)', description = hex(randomblob(400))"} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "crash.vflow")
	copyFile(t, path, out)
	journal, err := os.ReadFile(path + "-journal")
	if err != nil {
		t.Fatalf("no journal mid-transaction: %v", err)
	}
	if err := os.WriteFile(out+"-journal", journal, 0o644); err != nil {
		t.Fatal(err)
	}
	if sum(t, out) == committed {
		t.Fatal("the transaction did not reach the file before the commit; the image tests nothing")
	}
	return out
}

func TestAFileLeftByACrashOpensWithTheLastCommittedState(t *testing.T) {
	for _, open := range []struct {
		name string
		fn   func(string) (*File, error)
	}{{"for editing", Open}, {"read-only", OpenReadOnly}} {
		t.Run(open.name, func(t *testing.T) {
			path := crashImage(t)
			if !hotJournal(path) {
				t.Fatal("the image has no hot journal")
			}
			f, err := open.fn(path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f.Map(), sample.Map()) {
				t.Fatal("the map is not the last committed one")
			}
			f.Close()
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Fatal("the journal is still there")
			}
		})
	}
}

func TestAFileLeftByACrashWithoutWritePermissionGetsAClearMessage(t *testing.T) {
	path := crashImage(t)
	os.Chmod(path, 0o444)
	before := sum(t, path)
	_, err := OpenReadOnly(path)
	want := `cannot open "` + path + `": the file is read-only; use Save As to keep your changes in another file (a crash left an unfinished change that can only be undone where the file may be written)`
	if CodeOf(err) != ReadOnly || err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	if sum(t, path) != before {
		t.Fatal("the file changed")
	}
}

func TestAJournalLeftBetweenEditsIsNotMistakenForACrash(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := model.NewEditor(f.Map(), f).Do(model.SetMapInfo(model.MapInfo{Title: "x"})); err != nil {
		t.Fatal(err)
	}
	// Exclusive locking mode keeps the journal, header zeroed, between
	// transactions; a kill now would leave it behind.
	if _, err := os.Stat(path + "-journal"); err != nil {
		t.Skip("SQLite no longer keeps the journal between transactions")
	}
	if hotJournal(path) {
		t.Fatal("a finished transaction's journal counts as hot")
	}
}
