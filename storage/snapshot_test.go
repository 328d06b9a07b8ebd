package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage/jsonmap"
)

// TestAVersion1FileIsMigratedAndKeepsItsContent opens a file written by the
// foundation's version (testdata/v1-sample.vflow, kept as it was written) and
// checks it is moved forward after a backup copy, with the same map.
func TestAVersion1FileIsMigratedAndKeepsItsContent(t *testing.T) {
	path := copyFile(t, filepath.Join("testdata", "v1-sample.vflow"), filepath.Join(t.TempDir(), "oud.vflow"))
	if h, _ := readHeader(path); h.userVersion != 1 {
		t.Fatalf("the test file has user_version %d, want 1", h.userVersion)
	}
	jf, err := os.Open(filepath.Join("testdata", "v1-sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := jsonmap.Decode(jf)
	jf.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the migrated file", want, f.Map())
	if len(f.Map().Scenarios) != 2 {
		t.Fatalf("%d scenarios, want 2", len(f.Map().Scenarios))
	}
	// The update took a snapshot of the map as it was.
	list, err := f.Snapshots()
	if err != nil || len(list) != 1 || !strings.Contains(list[0].Name, "Before the update") {
		t.Fatalf("snapshots after migrating: %+v, %v", list, err)
	}
	if from, to, ok := MigrationSnapshot(list[0]); !ok || from != 1 || to != SchemaVersion {
		t.Fatalf("the update's snapshot %+v is not recognised: %d → %d, %v", list[0], from, to, ok)
	}
	before, err := f.SnapshotMap(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the snapshot taken before the update", want, before)
	if _, err := f.TakeSnapshot("Na de update", ""); err != nil {
		t.Fatalf("a snapshot in the migrated file: %v", err)
	}
	f.Close()
	if h, _ := readHeader(path); int(h.userVersion) != SchemaVersion || h.applicationID != ApplicationID {
		t.Fatalf("after migrating: user_version %d, application_id %x", h.userVersion, h.applicationID)
	}
	backup := path + fmt.Sprintf(".before-v%d.bak", SchemaVersion)
	if h, err := readHeader(backup); err != nil || h.userVersion != 1 {
		t.Fatalf("backup copy: user_version %d, %v", h.userVersion, err)
	}
	sameContent(t, "the file reopened after migrating", want, reopen(t, path))
}

func TestSnapshotsAreTakenListedReadAndDeleted(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	defer func(saved func() time.Time) { now = saved }(now)
	clock := int64(1_800_000_000)
	now = func() time.Time { clock += 60; return time.Unix(clock, 0) }

	first, err := f.TakeSnapshot("Voor de sessie", "zoals besproken op 3 maart")
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	sc := f.Map().Scenarios[0]
	card := *sc.Contributions[0]
	card.Value = "anders"
	if err := ed.Do(model.UpdateContribution(sc.ID, card)); err != nil {
		t.Fatal(err)
	}
	second, err := f.TakeSnapshot("  Na de sessie ", "")
	if err != nil {
		t.Fatal(err)
	}
	if second.Name != "Na de sessie" || second.Time != first.Time+60 || second.ID == first.ID {
		t.Fatalf("second snapshot: %+v (first %+v)", second, first)
	}
	list, err := f.Snapshots()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0] != first || list[1] != second {
		t.Fatalf("list: %+v", list)
	}
	m1, err := f.SnapshotMap(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the first snapshot", sample.Map(), m1)
	m2, err := f.SnapshotMap(second.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the second snapshot", f.Map(), m2)

	if err := f.DeleteSnapshot(first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.SnapshotMap(first.ID); !errors.Is(err, ErrNoSnapshot) {
		t.Fatalf("reading a deleted snapshot: %v", err)
	}
	if err := f.DeleteSnapshot(first.ID); !errors.Is(err, ErrNoSnapshot) {
		t.Fatalf("deleting it again: %v", err)
	}
	if _, err := f.TakeSnapshot(" ", ""); err == nil {
		t.Fatal("a snapshot without a name was taken")
	}
	f.Close()

	// Snapshots are in the file, and a read-only file lists them but takes none.
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if list, err := ro.Snapshots(); err != nil || len(list) != 1 || list[0] != second {
		t.Fatalf("after reopening: %+v, %v", list, err)
	}
	if _, err := ro.TakeSnapshot("x", ""); CodeOf(err) != ReadOnly {
		t.Fatalf("a read-only file took a snapshot: %v", err)
	}
	if err := ro.DeleteSnapshot(second.ID); CodeOf(err) != ReadOnly {
		t.Fatalf("a read-only file deleted a snapshot: %v", err)
	}
}

// TestRestoringASnapshotIsSavedAndUndone restores through the editor (the
// GUI's path): the file holds the snapshot's map, and after Undo the map of
// before, each time read back from disk.
func TestRestoringASnapshotIsSavedAndUndone(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := f.TakeSnapshot("Begin", "")
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	m := f.Map()
	// Change a bit of everything: a new scenario, a deleted stakeholder, a renamed map.
	if err := ed.Do(model.AddScenario(m.Scenarios[0].ID, model.Scenario{ID: m.NewID("sc"), Name: "Gewenst"})); err != nil {
		t.Fatal(err)
	}
	if err := ed.Do(model.DeleteStakeholder(m.Stakeholders[1].ID)); err != nil {
		t.Fatal(err)
	}
	info := m.Info()
	info.Title = "Nieuwe titel"
	if err := ed.Do(model.SetMapInfo(info)); err != nil {
		t.Fatal(err)
	}
	edited := m.Clone()
	old, err := f.SnapshotMap(snap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := ed.Do(model.ReplaceMap(old)); err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the map after restoring", sample.Map(), m)
	sameContent(t, "the file after restoring", sample.Map(), reopenShared(t, f))
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	sameContent(t, "the file after undoing the restore", edited, reopenShared(t, f))
}

func snapshotFile(b *testing.B) (*File, func()) {
	path := lFile(b)
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return f, func() { f.Close() }
}

// BenchmarkSnapshotL takes a snapshot of an open L map: encoding it and one
// durable insert.
func BenchmarkSnapshotL(b *testing.B) {
	f, done := snapshotFile(b)
	defer done()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.TakeSnapshot(fmt.Sprintf("snapshot %d", i), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawCopyL is its floor: copying every row of the map's tables into
// scratch tables with plain SQL, in one durable transaction, on the same
// kind of file with the same pragmas.
func BenchmarkRawCopyL(b *testing.B) {
	path := lFile(b)
	db, err := sql.Open(driverName, dsn(path, "rw", true))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tables := []string{"map", "stakeholders", "relationships", "coalitions", "coalition_members", "scenarios", "steps", "contributions", "flows"}
	for _, t := range tables {
		if _, err := db.Exec(fmt.Sprintf("CREATE TABLE copy_%s AS SELECT 0 AS copy, * FROM %s WHERE 0", t, t)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range tables {
			if _, err := tx.Exec(fmt.Sprintf("INSERT INTO copy_%s SELECT ?, * FROM %s", t, t), i); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEveryFieldSurvivesASnapshot checks that the snapshot tables line up
// with the live ones column by column, and that deleting a snapshot leaves
// none of its rows.
func TestEveryFieldSurvivesASnapshot(t *testing.T) {
	m := everyField()
	path := create(t, m)
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.TakeSnapshot("Alles", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.SnapshotMap(snap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, got) {
		sameContent(t, "the snapshot", m, got)
		t.Fatal("the snapshot differs from the map")
	}
	if err := f.DeleteSnapshot(snap.ID); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, table := range snapshotTables {
		if n := countRows(t, path, "snapshot_"+table); n != 0 {
			t.Errorf("%d rows left in snapshot_%s", n, table)
		}
	}
}

// TestABadVersion1FileIsRefusedWithoutBeingMigrated: a file that would be
// refused anyway is refused as it is, not moved forward first (found by
// FuzzOpen).
func TestABadVersion1FileIsRefusedWithoutBeingMigrated(t *testing.T) {
	for _, tc := range []struct {
		name, sql string
		code      ErrorCode
	}{
		{"a reference that points nowhere", "PRAGMA foreign_keys = OFF; UPDATE relationships SET a = 'nobody' WHERE rowid = 1", BrokenReferences},
		{"an invalid map", "UPDATE steps SET name = '' WHERE rowid = 1", InvalidMap},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, filepath.Join("testdata", "v1-sample.vflow"), filepath.Join(t.TempDir(), "oud.vflow"))
			sqliteExec(t, path, tc.sql)
			before := sum(t, path)
			_, err := Open(path)
			if CodeOf(err) != tc.code {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if sum(t, path) != before {
				t.Fatal("the refused file changed")
			}
		})
	}
}

// BenchmarkSnapshotVsRawCopyL alternates a snapshot and the raw copy of the
// same L map, each on its own file, and reports both times and their ratio:
// on a shared, busy machine the two separate benchmarks drift apart.
func BenchmarkSnapshotVsRawCopyL(b *testing.B) {
	f, done := snapshotFile(b)
	defer done()
	path := lFile(b)
	db, err := sql.Open(driverName, dsn(path, "rw", true))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, t := range snapshotTables {
		if _, err := db.Exec(fmt.Sprintf("CREATE TABLE copy_%s AS SELECT 0 AS copy, * FROM %s WHERE 0", t, t)); err != nil {
			b.Fatal(err)
		}
	}
	var snap, raw time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := f.TakeSnapshot(fmt.Sprintf("snapshot %d", i), ""); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range snapshotTables {
			if _, err := tx.Exec(fmt.Sprintf("INSERT INTO copy_%s SELECT ?, * FROM %s", t, t), i); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		snap += t1.Sub(t0)
		raw += time.Since(t1)
	}
	b.ReportMetric(float64(snap.Microseconds())/float64(b.N), "snapshot-µs/op")
	b.ReportMetric(float64(raw.Microseconds())/float64(b.N), "rawcopy-µs/op")
	b.ReportMetric(float64(snap)/float64(raw), "ratio")
}

// TestOnlyTheUpdatesOwnSnapshotIsRecognised: the GUI translates the name
// and note of the snapshot taken before a format update, and of no other.
func TestOnlyTheUpdatesOwnSnapshotIsRecognised(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    model.SnapshotInfo
		ok   bool
	}{
		{"the update's own", migrationSnapshot(2, 3, time.Unix(0, 0)), true},
		{"another name", model.SnapshotInfo{Name: "Voor de sessie", Note: "taken automatically; the file had format version 2"}, false},
		{"a longer name", model.SnapshotInfo{Name: "Before the update to format version 3 (copy)", Note: "taken automatically; the file had format version 2"}, false},
		{"another note", model.SnapshotInfo{Name: "Before the update to format version 3", Note: "mijn eigen"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to, ok := MigrationSnapshot(tc.s)
			if ok != tc.ok || (ok && (from != 2 || to != 3)) {
				t.Errorf("got %d → %d, %v; want %v", from, to, ok, tc.ok)
			}
		})
	}
}

func TestASnapshotWithoutANameIsRefused(t *testing.T) {
	f, err := Open(create(t, sample.Map()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.TakeSnapshot("  ", "een notitie"); !errors.Is(err, ErrSnapshotName) {
		t.Fatalf("got %v, want ErrSnapshotName", err)
	}
	if list, _ := f.Snapshots(); len(list) != 0 {
		t.Fatalf("a snapshot was stored: %+v", list)
	}
}
