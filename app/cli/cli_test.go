package cli

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// run calls the command line as main does and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != 0 {
		t.Fatalf("valueflow %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestSampleThenCheckPrintsTheSummaryLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "zorgpad.vflow")
	mustRun(t, "sample", path)
	out := mustRun(t, "check", path)
	re := regexp.MustCompile(`^ok: \d+ steps, \d+ stakeholders, \d+ contributions, \d+ flows, \d+ relationships, 1 scenario\n$`)
	if !re.MatchString(out) {
		t.Fatalf("check printed %q", out)
	}
}

func TestSampleSizesGiveTheDesignCounts(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ size, want string }{
		{"S", "ok: 6 steps, 4 stakeholders"},
		{"L", "ok: 60 steps, 40 stakeholders, 1200 contributions, 1000 flows, 300 relationships, 1 scenario"},
	} {
		path := filepath.Join(dir, tc.size+".vflow")
		mustRun(t, "sample", "--size", tc.size, path)
		if out := mustRun(t, "check", path); !strings.HasPrefix(out, tc.want) {
			t.Errorf("size %s: check printed %q, want prefix %q", tc.size, out, tc.want)
		}
	}
}

func TestJSONExportImportExportIsIdentical(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", a)
	j1 := filepath.Join(dir, "a.json")
	mustRun(t, "export", a, "--format", "json", "--out", j1)
	b := filepath.Join(dir, "b.vflow")
	mustRun(t, "import", j1, b)
	j2 := filepath.Join(dir, "b.json")
	mustRun(t, "export", b, "--format", "json", "--out", j2)
	if fileHash(t, j1) != fileHash(t, j2) {
		t.Fatal("export → import → export changed the JSON")
	}
	// Standard output gives the same bytes as the file.
	_, stdout, _ := run(t, "export", b, "--format", "json", "--out", "-")
	want, _ := os.ReadFile(j1)
	if stdout != string(want) {
		t.Fatal("--out - wrote something else than the file export")
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", a)
	j := filepath.Join(dir, "a.json")
	mustRun(t, "export", a, "--format", "json", "--out", j)
	out := filepath.Join(dir, "new.vflow")
	if got := mustRun(t, "import", j, out, "--dry-run"); !strings.Contains(got, "dry run") {
		t.Fatalf("dry run printed %q", got)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a dry run created the output file")
	}
}

func TestErrorsAreOneLineWithANonZeroExit(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.vflow")
	mustRun(t, "sample", good)
	text := filepath.Join(dir, "notes.vflow")
	os.WriteFile(text, []byte("dit is geen kaart\n"), 0o644)
	badJSON := filepath.Join(dir, "bad.json")
	os.WriteFile(badJSON, []byte(`{"title": "x", "colour": 3}`), 0o644)

	cases := []struct {
		name string
		args []string
		code int
		want string // part of the message
	}{
		{"unknown command", []string{"frobnicate"}, 1, `unknown command "frobnicate"`},
		{"check of a missing file", []string{"check", filepath.Join(dir, "nope.vflow")}, 1, "nope.vflow"},
		{"check of a text file", []string{"check", text}, 1, "notes.vflow"},
		{"export with an unknown format", []string{"export", good, "--format", "docx", "--out", "x"}, 1, "valid: json, pdf, svg, png, dot, xlsx, csv"},
		{"export with an unknown view", []string{"export", good, "--format", "json", "--view", "kanban", "--out", "x"}, 1, `unknown view "kanban"`},
		{"export without --out", []string{"export", good, "--format", "json"}, 1, "--out is required"},
		{"export of a missing scenario", []string{"export", good, "--format", "json", "--scenario", "Toekomst", "--out", "-"}, 1, `no scenario "Toekomst"`},
		{"sample onto an existing map", []string{"sample", good}, 1, "already exists"},
		{"sample of an unknown size", []string{"sample", "--size", "XXL", filepath.Join(dir, "x.vflow")}, 1, "XXL"},
		{"import of JSON with an unknown key", []string{"import", badJSON, filepath.Join(dir, "y.vflow")}, 1, "colour"},
		{"import of a missing input", []string{"import", filepath.Join(dir, "nope.json"), filepath.Join(dir, "z.vflow")}, 1, "no such file"},
		{"an unknown flag", []string{"check", "--fast", good}, 1, "fast"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := fileHash(t, good)
			code, _, errOut := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
				t.Errorf("stderr is not one line: %q", errOut)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q does not mention %q", errOut, tc.want)
			}
			if fileHash(t, good) != before {
				t.Error("the map file changed")
			}
		})
	}
	for _, p := range []string{"y.vflow", "z.vflow", "x.vflow"} {
		if _, err := os.Stat(filepath.Join(dir, p)); !os.IsNotExist(err) {
			t.Errorf("a failed command left %s behind", p)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	if out := mustRun(t, "version"); out != "valueflow "+Version+"\n" {
		t.Fatalf("version printed %q", out)
	}
	if out := mustRun(t, "--help"); !strings.Contains(out, "valueflow export FILE") {
		t.Fatalf("help printed %q", out)
	}
	if out := mustRun(t, "export", "--help"); !strings.Contains(out, "-format") {
		t.Fatalf("export --help printed %q", out)
	}
}

func TestAnonymisedExportHoldsNoPatientName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", path)
	_, plain, _ := run(t, "export", path, "--format", "json", "--out", "-")
	_, anon, _ := run(t, "export", path, "--format", "json", "--out", "-", "--anonymise")
	const name = "mevrouw Jansen"
	if !strings.Contains(plain, name) {
		t.Fatalf("the sample no longer names %q; pick another name for this test", name)
	}
	if strings.Contains(anon, name) {
		t.Fatal("the anonymised export still names the patient")
	}
}

func TestSpreadsheetsRoundTripThroughTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", a)
	mustRun(t, "export", a, "--format", "xlsx", "--out", filepath.Join(dir, "a.xlsx"))
	mustRun(t, "export", a, "--format", "csv", "--out", filepath.Join(dir, "csv"))
	ja := mustRun(t, "export", a, "--format", "json", "--out", "-")
	for _, in := range []string{"a.xlsx", "csv"} {
		out := filepath.Join(dir, in+".vflow")
		mustRun(t, "import", filepath.Join(dir, in), out)
		if got := mustRun(t, "export", out, "--format", "json", "--out", "-"); got != ja {
			t.Errorf("%s: export → import changed the map", in)
		}
	}
}

func TestAnImportWithProblemsPrintsTheReportAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", a)
	csvDir := filepath.Join(dir, "csv")
	mustRun(t, "export", a, "--format", "csv", "--out", csvDir)
	b, _ := os.ReadFile(filepath.Join(csvDir, "contributions.csv"))
	os.WriteFile(filepath.Join(csvDir, "contributions.csv"), []byte(strings.Replace(string(b), ",lead,", ",boss,", 1)), 0o644)
	out := filepath.Join(dir, "b.vflow")
	for _, args := range [][]string{{"import", csvDir, out}, {"import", csvDir, out, "--dry-run"}} {
		code, _, errOut := run(t, args...)
		if code != 1 || !strings.Contains(errOut, "boss") || !strings.Contains(errOut, "nothing was written") {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatal("an import with errors wrote a file")
		}
	}
}
