package storage

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// everyField builds a map in which every field of every element is set, with
// two scenarios and both nil and non-nil experiences.
func everyField() *model.Map {
	m := sample.Map()
	m.Title, m.Purpose, m.Region, m.Description, m.Stage = "Titel ë", "Stip op de horizon", "Regio Noord", "Beschrijving", model.StageAlign
	s := m.Stakeholders[0]
	s.Kind, s.Organisation, s.Colour, s.Attitude, s.Influence, s.Interest, s.InformalLeader, s.Notes = model.KindCarer, "Org", "#123abc", -2, 5, 1, true, "notities"
	m.Relationships[0].Kind, m.Relationships[0].Quality, m.Relationships[0].Notes = "samenwerking", -1, "stroef"
	sc := m.Scenarios[0]
	sc.BasedOn, sc.Notes = "Origineel", "aantekening"
	st := sc.Steps[0]
	st.Timing, st.StartDay, st.DurationDays, st.WaitDays, st.Description, st.PainPoints = "dag 1–2", 3, 4, 5, "omschrijving", "wachten"
	st.Experience, st.CarerExperience = model.Int(-2), nil
	sc.Steps[1].Experience, sc.Steps[1].CarerExperience = nil, model.Int(2)
	c := sc.Contributions[0]
	c.Description, c.Capital, c.Tangible, c.Evidence = "toelichting", model.CapitalCultural, true, model.EvidenceData
	f := sc.Flows[0]
	f.Kind, f.Label, f.Criticality = model.FlowResource, "label", model.CriticalityHigh
	second := sc.Clone()
	second.ID, second.Name, second.BasedOn = "sc-to-be", "Gewenste situatie", sc.Name
	second.Steps = second.Steps[:len(second.Steps)-1]
	kept := map[model.ID]bool{}
	for _, st := range second.Steps {
		kept[st.ID] = true
	}
	var cards []*model.Contribution
	for _, c := range second.Contributions {
		if kept[c.Step] {
			cards = append(cards, c)
		}
	}
	second.Contributions = cards
	keptCard := map[model.ID]bool{}
	for _, c := range cards {
		keptCard[c.ID] = true
	}
	var flows []*model.Flow
	for _, f := range second.Flows {
		if keptCard[f.From] && keptCard[f.To] {
			flows = append(flows, f)
		}
	}
	second.Flows = flows
	m.Scenarios = append(m.Scenarios, second)
	return m
}

func create(t testing.TB, m *model.Map) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kaart.vflow")
	if err := Create(path, m); err != nil {
		t.Fatal(err)
	}
	return path
}

func reopen(t testing.TB, path string) *model.Map {
	t.Helper()
	f, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.Map()
}

func TestEveryFieldSurvivesARoundTrip(t *testing.T) {
	m := everyField()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	path := create(t, m)
	got := reopen(t, path)
	if !reflect.DeepEqual(m, got) {
		t.Fatal("the map read back differs from the map written")
	}
}

func TestEveryCommandIsOnDiskAtOnce(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ed := model.NewEditor(f.Map(), f)
	r := rand.New(rand.NewSource(3))
	m := f.Map()
	sc := m.Scenarios[0]
	cmds := []func() model.Command{
		func() model.Command {
			return model.AddStep(sc.ID, model.Step{ID: m.NewID("st"), Name: "Nieuwe stap", Experience: model.Int(1)}, r.Intn(len(sc.Steps)))
		},
		func() model.Command { return model.MoveStakeholder(m.Stakeholders[0].ID, len(m.Stakeholders)-1) },
		func() model.Command {
			return model.AddContribution(sc.ID, model.Contribution{ID: m.NewID("c"), Step: sc.Steps[0].ID, Stakeholder: m.Stakeholders[1].ID, Value: "Nieuwe waarde", Role: model.RoleLead})
		},
		func() model.Command {
			return model.AddFlow(sc.ID, model.Flow{ID: m.NewID("f"), From: sc.Contributions[0].ID, To: sc.Contributions[len(sc.Contributions)-1].ID, Kind: model.FlowReferral, Criticality: model.CriticalityLow})
		},
		func() model.Command { return model.DeleteStakeholder(m.Stakeholders[r.Intn(len(m.Stakeholders))].ID) },
		func() model.Command { return model.DeleteStep(sc.ID, sc.Steps[r.Intn(len(sc.Steps))].ID) },
		func() model.Command {
			return model.AddScenario(sc.ID, model.Scenario{ID: m.NewID("sc"), Name: "Variant"})
		},
		func() model.Command {
			return model.SetMapInfo(model.MapInfo{Title: "Andere titel", Stage: model.StageProduce})
		},
		func() model.Command { return model.DeleteScenario(m.Scenarios[len(m.Scenarios)-1].ID) },
	}
	for round := 0; round < 3; round++ {
		for i, mk := range cmds {
			c := mk()
			if err := ed.Do(c); err != nil {
				t.Fatalf("round %d command %d (%s): %v", round, i, c.Label(), err)
			}
			if got := reopenShared(t, f); !reflect.DeepEqual(m, got) {
				t.Fatalf("after %s the file differs from the map", c.Label())
			}
		}
		for i := 0; i < 4; i++ {
			if _, _, err := ed.Undo(); err != nil {
				t.Fatal(err)
			}
			if got := reopenShared(t, f); !reflect.DeepEqual(m, got) {
				t.Fatalf("after undo %d the file differs from the map", i)
			}
		}
	}
}

// reopenShared reads the file back through the open connection: the lock
// keeps other connections out while it is open.
func reopenShared(t *testing.T, f *File) *model.Map {
	t.Helper()
	got, err := load(t.Context(), f.conn)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestAClosedFileReopensWithEveryChange(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(f.Map(), f)
	st := *f.Map().Scenarios[0].Steps[2]
	st.Name = "Hernoemd ✓"
	if err := ed.Do(model.UpdateStep(f.Map().Scenarios[0].ID, st)); err != nil {
		t.Fatal(err)
	}
	want := f.Map().Clone()
	f.Close()
	if got := reopen(t, path); !reflect.DeepEqual(want, got) {
		t.Fatal("the change is not in the file after closing")
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func sqliteExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestBrokenFilesAreRefusedAndLeftAsTheyWere(t *testing.T) {
	good := create(t, sample.Map())
	goodBytes, _ := os.ReadFile(good)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	copyGood := func(name string, stmts ...string) string {
		p := write(name, goodBytes)
		sqliteExec(t, p, stmts...)
		return p
	}
	random := make([]byte, 8192)
	rand.New(rand.NewSource(1)).Read(random)
	damaged := append([]byte(nil), goodBytes...)
	// Break the b-tree page headers of every page after the first: the
	// header still says "SQLite", the pages no longer hold tables.
	for page := 4096; page+12 < len(damaged); page += 4096 {
		for i := page; i < page+12; i++ {
			damaged[i] ^= 0x5a
		}
	}
	cases := []struct {
		name string
		path string
		code ErrorCode
		want string
	}{
		{"an empty file", write("empty.vflow", nil), Empty, "the file is empty"},
		{"random bytes", write("random.vflow", random), NotSQLite, "not a Valueflow map"},
		{"a text file renamed", write("notes.vflow", []byte("Agenda netwerkoverleg\n1. Opening\n")), NotSQLite, "not a Valueflow map"},
		{"another program's database", func() string {
			p := filepath.Join(dir, "other.vflow")
			sqliteExec(t, p, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')")
			return p
		}(), NotValueflow, "another program's database"},
		{"a newer file", copyGood("newer.vflow", "PRAGMA user_version = 99"), TooNew, "newer version"},
		{"a directory", func() string { p := filepath.Join(dir, "folder.vflow"); os.Mkdir(p, 0o755); return p }(), IsDirectory, "folder"},
		{"a truncated file", write("truncated.vflow", goodBytes[:len(goodBytes)/2]), Corrupt, "damaged or incomplete"},
		{"a damaged page", write("damaged.vflow", damaged), Corrupt, "damaged"},
		{"foreign keys pointing nowhere", copyGood("dangling.vflow", "PRAGMA foreign_keys = OFF", "UPDATE contributions SET stakeholder_id = 'ghost' WHERE rowid = 1"), BrokenReferences, "point nowhere"},
		{"a file with a trigger", copyGood("trigger.vflow",
			"CREATE TABLE loot (x TEXT)",
			"CREATE TRIGGER steal AFTER UPDATE ON steps BEGIN INSERT INTO loot VALUES (new.name); END"), UnexpectedObjects, `trigger "steal"`},
		{"a file with a view", copyGood("view.vflow", "CREATE VIEW v AS SELECT 1"), UnexpectedObjects, `view "v"`},
		{"a file with an extra table", copyGood("extra.vflow", "CREATE TABLE extra (x)"), UnexpectedObjects, "table extra"},
		{"a file with a missing column", copyGood("column.vflow", "ALTER TABLE flows DROP COLUMN label"), BadSchema, "flows"},
		{"a file with an invalid value", copyGood("invalid.vflow", "UPDATE contributions SET role = 'boss' WHERE rowid = 1"), InvalidMap, `role "boss" is not valid`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before [32]byte
			if !strings.HasSuffix(tc.name, "directory") {
				before = sum(t, tc.path)
			}
			for _, open := range []func(string) (*File, error){Open, OpenReadOnly} {
				f, err := open(tc.path)
				if err == nil {
					f.Close()
					t.Fatal("the file was opened")
				}
				if CodeOf(err) != tc.code || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %q (code %q), want code %q with %q", err, CodeOf(err), tc.code, tc.want)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("the message is not one line: %q", err)
				}
			}
			if !strings.HasSuffix(tc.name, "directory") && sum(t, tc.path) != before {
				t.Fatal("the refused file changed")
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "loot")); err == nil {
		t.Fatal("unexpected file")
	}
}

func TestAMissingPathIsRefusedAndNoFileIsCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nergens.vflow")
	_, err := Open(path)
	if CodeOf(err) != NotFound || !strings.Contains(err.Error(), `cannot open "`+path+`": the file does not exist`) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("opening a missing path created a file")
	}
}

func TestASecondOpenOfTheSameFileIsRefused(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, open := range []func(string) (*File, error){Open, OpenReadOnly} {
		_, err := open(path)
		if CodeOf(err) != Locked || !strings.Contains(err.Error(), "open in another Valueflow window") {
			t.Fatalf("got %v", err)
		}
	}
	// The first one keeps working.
	ed := model.NewEditor(f.Map(), f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Nog steeds van mij"})); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := reopen(t, path); got.Title != "Nog steeds van mij" {
		t.Fatalf("title %q", got.Title)
	}
}

func TestSaveAsWritesACheckedCopy(t *testing.T) {
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ed := model.NewEditor(f.Map(), f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Kopie"})); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(filepath.Dir(path), "kopie.vflow")
	if err := f.SaveAs(copyPath); err != nil {
		t.Fatal(err)
	}
	if got := reopen(t, copyPath); !reflect.DeepEqual(got, f.Map()) {
		t.Fatal("the copy differs from the map")
	}
	if err := f.SaveAs(filepath.Join(t.TempDir(), "missing", "x.vflow")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("got %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("a temporary file was left: %s", e.Name())
		}
	}
}

func TestCreateNeverOverwrites(t *testing.T) {
	path := create(t, sample.Map())
	before := sum(t, path)
	err := Create(path, sample.Map())
	if CodeOf(err) != Exists {
		t.Fatalf("got %v", err)
	}
	if sum(t, path) != before {
		t.Fatal("the existing file changed")
	}
}

func TestTheFileCarriesOurMarks(t *testing.T) {
	path := create(t, sample.Map())
	h, err := readHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	if h.applicationID != ApplicationID || int(h.userVersion) != SchemaVersion {
		t.Fatalf("application id %x, user version %d", h.applicationID, h.userVersion)
	}
}

func TestAFileOpenedReadOnlyRefusesToSave(t *testing.T) {
	path := create(t, sample.Map())
	before := sum(t, path)
	f, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = model.NewEditor(f.Map(), f).Do(model.SetMapInfo(model.MapInfo{Title: "x"}))
	if CodeOf(err) != ReadOnly || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("got %v", err)
	}
	if f.Map().Title == "x" {
		t.Fatal("the refused change stayed in the map")
	}
	if sum(t, path) != before {
		t.Fatal("the file changed")
	}
}
