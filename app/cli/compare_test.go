package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/storage"
)

type diffJSON struct {
	Added, Removed []struct{ Kind, ID, Name string }
	Changed        []struct{ Kind, ID, Field, Before, After string }
}

func TestExportCompareWritesTheDiffOfTwoScenariosAndOfASnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zorgpad.vflow")
	mustRun(t, "sample", path)
	f, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Map()
	asIs := m.Scenarios[0]
	if _, err := f.TakeSnapshot("Begin", ""); err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(m, f)
	if err := ed.Do(model.AddScenario(asIs.ID, model.Scenario{ID: "tobe", Name: "Gewenste situatie"})); err != nil {
		t.Fatal(err)
	}
	toBe := m.Scenario("tobe")
	card := *toBe.Contributions[0]
	card.Role = model.RoleInformed
	if err := ed.Do(model.UpdateContribution("tobe", card)); err != nil {
		t.Fatal(err)
	}
	if err := ed.Do(model.AddStep("tobe", model.Step{ID: "nazorg", Name: "Nazorg"}, -1)); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, from := range []string{asIs.Name, string(asIs.ID), "Begin", "#1", "begin:" + asIs.Name} {
		out := mustRun(t, "export", path, "--view", "compare", "--from", from, "--to", "Gewenste situatie", "--format", "json", "--out", "-")
		var d diffJSON
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("--from %s: %v in %s", from, err, out)
		}
		if len(d.Added) != 1 || d.Added[0].Kind != "step" || d.Added[0].ID != "nazorg" || len(d.Removed) != 0 {
			t.Errorf("--from %s: added %+v removed %+v", from, d.Added, d.Removed)
		}
		if len(d.Changed) != 1 || d.Changed[0].Field != "role" || d.Changed[0].ID != string(card.ID) || d.Changed[0].After != "informed" {
			t.Errorf("--from %s: changed %+v", from, d.Changed)
		}
	}

	// The drawn compare board, as every drawing format.
	dir := t.TempDir()
	for format, magic := range map[string]string{"pdf": "%PDF", "svg": "<?xml", "png": "\x89PNG"} {
		out := filepath.Join(dir, "vergelijk."+format)
		mustRun(t, "export", path, "--view", "compare", "--from", "Begin", "--to", "Gewenste situatie", "--format", format, "--out", out)
		b, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %v, starts with %q", format, err, b[:min(len(b), 8)])
		}
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "Nergens", "--to", "Gewenste situatie", "--format", "json"}, `no scenario or snapshot "Nergens"`},
		{[]string{"--to", "Gewenste situatie", "--format", "json"}, "needs --from and --to"},
		{[]string{"--from", "Begin", "--to", "Gewenste situatie", "--format", "dot"}, "cannot be written as dot"},
	} {
		code, _, errOut := run(t, append([]string{"export", path, "--view", "compare", "--out", "-"}, tc.args...)...)
		if code != 1 || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// compareFile is the sample map with a snapshot "Begin" of it, a second
// scenario "Gewenste situatie" and a third that shares the first one's name.
func compareFile(t *testing.T) (path string, asIs *model.Scenario) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "zorgpad.vflow")
	mustRun(t, "sample", path)
	f, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := f.Map()
	asIs = m.Scenarios[0]
	if _, err := f.TakeSnapshot("Begin", ""); err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(m, f)
	for _, sc := range []model.Scenario{{ID: "tobe", Name: "Gewenste situatie"}, {ID: "twin", Name: asIs.Name}} {
		if err := ed.Do(model.AddScenario(asIs.ID, sc)); err != nil {
			t.Fatal(err)
		}
	}
	return path, asIs
}

// TestComparePagesNameBothSides: the printed pages and the summary bar
// carry the scenarios' names (a snapshot as "Snapshot NAME: scenario"),
// not what was typed after --from and --to.
func TestComparePagesNameBothSides(t *testing.T) {
	path, asIs := compareFile(t)
	want := "Snapshot Begin: " + asIs.Name + " → Gewenste situatie"
	svg := mustRun(t, "export", path, "--view", "compare", "--from", "#1", "--to", "tobe", "--format", "svg", "--out", "-")
	if !strings.Contains(svg, want) {
		t.Errorf("the SVG lacks %q", want)
	}
	if strings.Contains(svg, "#1 →") || strings.Contains(svg, "→ tobe") {
		t.Error("the SVG prints the raw --from or --to text")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	pdf := filepath.Join(t.TempDir(), "vergelijk.pdf")
	mustRun(t, "export", path, "--view", "compare", "--from", "#1", "--to", "tobe", "--format", "pdf", "--scale", "60", "--out", pdf)
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages at 60 %%: the test wants several", len(pages))
	}
	for i, pg := range pages {
		flat := strings.Join(strings.Fields(pg), " ")
		if !strings.Contains(flat, want) {
			t.Errorf("page %d lacks %q:\n%s", i+1, want, flat)
		}
		for _, w := range []string{"added", "removed", "changed"} {
			if !strings.Contains(flat, w) {
				t.Errorf("page %d lacks the legend entry %q", i+1, w)
			}
		}
	}
}

// TestCompareFlagsThatWouldBeIgnoredAreRefused: every flag given is used,
// or the command says why not, in one line.
func TestCompareFlagsThatWouldBeIgnoredAreRefused(t *testing.T) {
	path, asIs := compareFile(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"--from without the compare view", []string{"--from", "Begin", "--format", "json"}, "--from and --to are only used with --view compare"},
		{"--to without the compare view", []string{"--view", "board", "--to", "tobe", "--format", "svg"}, "--from and --to are only used with --view compare"},
		{"--scenario with the compare view", []string{"--view", "compare", "--scenario", "tobe", "--from", "Begin", "--to", "tobe", "--format", "json"}, "--scenario is not used with --view compare"},
		{"a name two scenarios share, for --scenario", []string{"--scenario", asIs.Name, "--format", "svg"}, "2 scenarios are called " + `"` + asIs.Name + `"; give the one you mean by its id: ` + string(asIs.ID) + ", twin"},
		{"a name two scenarios share, for --from", []string{"--view", "compare", "--from", asIs.Name, "--to", "tobe", "--format", "json"}, "names 2 scenarios or snapshots; give the one you mean by its id: scenario " + string(asIs.ID) + ", scenario twin"},
		{"a scenario the snapshot does not have", []string{"--view", "compare", "--from", "Begin:Nergens", "--to", "tobe", "--format", "json"}, `snapshot "Begin": no scenario "Nergens"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"export", path, "--out", "-"}, tc.args...)...)
			if code == 0 || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 || out != "" {
				t.Errorf("exit %d, stdout %d bytes, stderr %q, want %q", code, len(out), errOut, tc.want)
			}
		})
	}
	// The ids that the message offers work.
	for _, id := range []string{string(asIs.ID), "twin"} {
		mustRun(t, "export", path, "--scenario", id, "--format", "svg", "--out", "-")
		mustRun(t, "export", path, "--view", "compare", "--from", id, "--to", "tobe", "--format", "json", "--out", "-")
	}
}

// TestASnapshotNameTwoSnapshotsShareIsRefused: automatic snapshots often
// share a name; #ID tells them apart.
func TestASnapshotNameTwoSnapshotsShareIsRefused(t *testing.T) {
	path, _ := compareFile(t)
	f, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.TakeSnapshot("begin", "nog een"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, errOut := run(t, "export", path, "--view", "compare", "--from", "Begin", "--to", "tobe", "--format", "json", "--out", "-")
	if want := "give the one you mean by its id: snapshot #1, snapshot #2"; code == 0 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
	mustRun(t, "export", path, "--view", "compare", "--from", "#2", "--to", "tobe", "--format", "json", "--out", "-")
}
