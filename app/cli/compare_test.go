package cli

import (
	"encoding/json"
	"os"
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
