package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"valueflow/model"
	"valueflow/model/sample"
)

func TestASaveThatFailsChangesNothingAndTheNextOneWorks(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := f.Map()
	sc := m.Scenarios[0]
	// Written by hand, past the model's checks: the second element refers
	// to a stakeholder that does not exist, so the transaction fails after
	// the first was already written.
	good := &model.Contribution{ID: "c-goed", Step: sc.Steps[0].ID, Stakeholder: m.Stakeholders[0].ID, Value: "goed", Role: model.RoleLead}
	bad := &model.Contribution{ID: "c-fout", Step: sc.Steps[0].ID, Stakeholder: "niemand", Value: "fout", Role: model.RoleLead}
	sc.Contributions = append(sc.Contributions, good, bad)
	err = f.Save(m, []model.Ref{
		{Kind: model.EntityContribution, Scenario: sc.ID, ID: good.ID},
		{Kind: model.EntityContribution, Scenario: sc.ID, ID: bad.ID},
	})
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), `cannot save "`+path+`"`) {
		t.Fatalf("got %v", err)
	}
	sc.Contributions = sc.Contributions[:len(sc.Contributions)-2]
	if got := reopenShared(t, f); !reflect.DeepEqual(got, sample.Map()) {
		t.Fatal("the failed save left something in the file")
	}
	ed := model.NewEditor(m, f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Daarna"})); err != nil {
		t.Fatal(err)
	}
	if got := reopenShared(t, f); got.Title != "Daarna" {
		t.Fatalf("title %q", got.Title)
	}
}

func TestAFullDiskRefusesTheEditAndKeepsTheLastGoodState(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var pages int
	f.conn.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages)
	// The file may not grow: as if the disk were full.
	if _, err := f.conn.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	before := f.Map().Clone()
	sc := f.Map().Scenarios[0]
	big := model.Step{ID: "s-groot", Name: "Groot", Description: strings.Repeat("veel tekst ", 40000)}
	err = ed.Do(model.AddStep(sc.ID, big, 0))
	want := `cannot save "` + path + `": the disk is full; the last change was not saved`
	if CodeOf(err) != DiskFull || err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	if !reflect.DeepEqual(f.Map(), before) {
		t.Fatal("the refused edit stayed in the map")
	}
	if _, ok := ed.CanUndo(); ok {
		t.Fatal("the refused edit is on the undo stack")
	}
	// Small edits still fit, and once there is room the big one works.
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Klein"})); err != nil {
		t.Fatal(err)
	}
	f.conn.ExecContext(ctx, "PRAGMA max_page_count = 1073741823")
	if err := ed.Do(model.AddStep(sc.ID, big, 0)); err != nil {
		t.Fatal(err)
	}
	want2 := f.Map().Clone()
	f.Close()
	if got := reopen(t, path); !reflect.DeepEqual(got, want2) {
		t.Fatal("the file differs from the map")
	}
}

func TestSaveAsOntoTheOpenFileItselfKeepsEditing(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Nog hier"})); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := reopen(t, path); got.Title != "Nog hier" {
		t.Fatalf("the edit after Save As onto itself was lost: title %q", got.Title)
	}
}

func TestSaveAsOntoAFileOpenInAnotherWindowIsRefused(t *testing.T) {
	a := create(t, sample.Map())
	b := filepath.Join(t.TempDir(), "ander.vflow")
	if err := Create(b, sample.Generate(sample.S)); err != nil {
		t.Fatal(err)
	}
	fa, err := Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Close()
	fb, err := Open(b)
	if err != nil {
		t.Fatal(err)
	}
	defer fb.Close()
	err = fa.SaveAs(b)
	want := `cannot save as "` + b + `": the file is open in another Valueflow window`
	if CodeOf(err) != Locked || err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	// The other window still saves into the file on disk.
	if err := model.NewEditor(fb.Map(), fb).Do(model.SetMapInfo(model.MapInfo{Title: "Van B"})); err != nil {
		t.Fatal(err)
	}
	fb.Close()
	if got := reopen(t, b); got.Title != "Van B" {
		t.Fatalf("title %q", got.Title)
	}
}

func TestOddFileNamesWork(t *testing.T) {
	for _, name := range []string{"Kaart #1 (versie 2) – é.vflow", "100% zorg?.vflow", "a:b&c=d.vflow"} {
		path := filepath.Join(t.TempDir(), name)
		if err := Create(path, sample.Map()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := Open(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := model.NewEditor(f.Map(), f).Do(model.SetMapInfo(model.MapInfo{Title: name})); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.Close()
		if got := reopen(t, path); got.Title != name {
			t.Fatalf("%s: title %q", name, got.Title)
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 || entries[0].Name() != name {
			t.Fatalf("%s: files %v", name, entries)
		}
	}
}

func TestSaveAsReplacesAnotherMapThatNobodyHasOpen(t *testing.T) {
	a := create(t, sample.Map())
	b := filepath.Join(t.TempDir(), "ander.vflow")
	if err := Create(b, sample.Generate(sample.S)); err != nil {
		t.Fatal(err)
	}
	fa, err := Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Close()
	if err := fa.SaveAs(b); err != nil {
		t.Fatal(err)
	}
	if got := reopen(t, b); !reflect.DeepEqual(got, fa.Map()) {
		t.Fatal("the replaced file does not hold the saved map")
	}
}

func TestReplaceWritesANewMapOverAnOldOneButNotOverAnOpenOne(t *testing.T) {
	path := create(t, sample.Map())
	small := sample.Generate(sample.S)
	if err := Replace(path, small); err != nil {
		t.Fatal(err)
	}
	if got := reopen(t, path); !reflect.DeepEqual(got, small) {
		t.Fatal("the file does not hold the new map")
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Another window editing it holds a lock only while it writes; hold one.
	if _, err := f.conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer f.conn.ExecContext(context.Background(), "ROLLBACK")
	if err := Replace(path, sample.Map()); CodeOf(err) != Locked {
		t.Fatalf("replacing a file in use gave %v, want the locked message", err)
	}
}

func TestANewWriteRemovesOldLeftoversOfAKilledOneButNotFreshOnes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kaart [1].vflow")
	old := filepath.Join(dir, ".kaart [1].vflow.123.tmp")
	oldJournal := old + "-journal"
	fresh := filepath.Join(dir, ".kaart [1].vflow.456.tmp")
	other := filepath.Join(dir, ".ander.vflow.789.tmp")
	for _, p := range []string{old, oldJournal, fresh, other} {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-time.Hour)
	for _, p := range []string{old, oldJournal, other} {
		os.Chtimes(p, long, long)
	}
	if err := Create(path, sample.Map()); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, oldJournal: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists=%v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
