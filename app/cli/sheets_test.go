package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"valueflow/internal/fulldisk"
)

func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tabellen")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.ReplaceAll(body, "\n", "\r\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The issue's own example: row 14 of a Dutch contributions sheet.
func TestADryRunNamesSheetRowAndColumnWithASuggestion(t *testing.T) {
	var cards strings.Builder
	cards.WriteString("\ufeffStap;Stakeholder;Waarde;Rol\n")
	for i := 2; i < 14; i++ {
		fmt.Fprintf(&cards, "Intake;Huisarts;Waarde %d;leidend\n", i)
	}
	cards.WriteString("Intake;Huisarst;Verwijzing;draagt bij\n")
	dir := writeFolder(t, map[string]string{
		"Stakeholders.csv": "\ufeffNaam;Soort\nHuisarts;professional\nGemeente, Wmo;overheid\n",
		"Stappen.csv":      "\ufeffNaam\nIntake\n",
		"Bijdragen.csv":    cards.String(),
	})
	code, out, errOut := run(t, "import", dir, "--dry-run")
	want := "error: Bijdragen row 14, column Stakeholder: 'Huisarst' not found — did you mean 'Huisarts'?\n" +
		"valueflow import: " + dir + " has 1 error; nothing was written\n"
	if code != 1 || out != "" || errOut != want {
		t.Fatalf("exit %d\nstdout %q\nstderr %q\nwant   %q", code, out, errOut, want)
	}
}

// Nothing a sheet loses on the way in is written without the user's
// word: warnings stop the import unless --accept-warnings is given.
func TestAnImportWithWarningsWritesOnlyWhenTheyAreAccepted(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		"stakeholders.csv": "name,telefoon\nHuisarts,0612345678\n",
	})
	warning := "warning: stakeholders row 1, column telefoon: unknown column, ignored\n"
	out := filepath.Join(t.TempDir(), "kaart.vflow")

	code, stdout, stderr := run(t, "import", dir, out)
	if code != 1 || stdout != "" || stderr != warning+"valueflow import: "+dir+
		" has 1 warning; nothing was written (check them, then run again with --accept-warnings to import anyway)\n" {
		t.Fatalf("without --accept-warnings: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("an import with warnings wrote the map without them being accepted")
	}

	code, stdout, stderr = run(t, "import", dir, "--dry-run")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, warning+"note: with 1 warning the import writes the map only with --accept-warnings\nok (dry run") {
		t.Fatalf("dry run: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	code, stdout, stderr = run(t, "import", dir, out, "--accept-warnings")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, warning+"wrote "+out) {
		t.Fatalf("with --accept-warnings: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := mustRun(t, "check", out); !strings.Contains(got, "1 stakeholder,") {
		t.Errorf("check: %s", got)
	}

	// Errors stop it even then.
	bad := writeFolder(t, map[string]string{"stakeholders.csv": "name,influence,telefoon\nHuisarts,veel,06\n"})
	code, _, stderr = run(t, "import", bad, filepath.Join(t.TempDir(), "b.vflow"), "--accept-warnings")
	if code != 1 || !strings.Contains(stderr, "'veel' is not a whole number") || !strings.Contains(stderr, "nothing was written") {
		t.Fatalf("errors with --accept-warnings: exit %d, stderr %q", code, stderr)
	}
}

func TestTheWorkbookLanguageFollowsTheUsersLocale(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "en"},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, "nl"},
		{map[string]string{"LANG": "nl_BE.UTF-8"}, "nl"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "nl_NL.UTF-8", "LC_ALL": "C"}, "en"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"}, "nl"},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "nl:en"}, "nl"},
		{map[string]string{"LANG": "nl_NL.UTF-8", "LANGUAGE": "en_GB:nl"}, "en"},
		{map[string]string{"LANG": "nld"}, "en"},
	}
	for _, c := range cases {
		if got := sheetLanguage(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}

	dir := t.TempDir()
	a := filepath.Join(dir, "a.vflow")
	mustRun(t, "sample", a)
	for _, lang := range []struct{ env, first string }{{"nl_NL.UTF-8", "Kaart"}, {"en_US.UTF-8", "Map"}} {
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
			t.Setenv(v, "")
		}
		t.Setenv("LANG", lang.env)
		out := filepath.Join(dir, lang.first+".xlsx")
		mustRun(t, "export", a, "--format", "xlsx", "--out", out)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.GetSheetList(); got[0] != lang.first {
			t.Errorf("LANG=%s: sheets %v", lang.env, got)
		}
		f.Close()
		// and it imports back
		mustRun(t, "import", out, filepath.Join(dir, lang.first+".vflow"))
	}
}

func TestACSVFolderThatDoesNotFitSaysTheDiskIsFull(t *testing.T) {
	err := folderError("/media/usb/kaart", &os.PathError{Op: "write", Path: "/media/usb/.kaart.123.tmp/steps.csv", Err: syscall.ENOSPC})
	if want := `cannot write "/media/usb/kaart": the disk is full; nothing was written`; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// On a real full disk (make stress mounts a small tmpfs and passes it in
// VALUEFLOW_FULL_DIR) a CSV export fails with one plain line and leaves
// nothing behind.
func TestACSVExportOntoARealFullDiskLeavesNothingBehind(t *testing.T) {
	dir := fulldisk.Dir(t)
	src := filepath.Join(t.TempDir(), "kaart.vflow")
	mustRun(t, "sample", "--size", "M", src)
	fulldisk.Fill(t, filepath.Join(dir, "vulling"))
	out := filepath.Join(dir, "kaart")
	code, _, stderr := run(t, "export", src, "--format", "csv", "--out", out)
	want := fmt.Sprintf("valueflow export: cannot write %q: the disk is full; nothing was written\n", out)
	if code != 1 || stderr != want {
		t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "vulling" {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

// csvFiles reads every file of a folder (not its folders).
func csvFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			files[e.Name()] = "(folder)"
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// A CSV export is written as an XLSX one: a new folder appears whole and
// readable by everyone, as a new file does; an existing folder has its CSV
// files replaced, as an existing workbook is, all of them or none, and
// keeps its other files and the permissions of the files it replaces.
func TestACSVExportIsWrittenAndReplacedAsAWorkbookIs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.vflow"), filepath.Join(dir, "b.vflow")
	mustRun(t, "sample", a)
	mustRun(t, "sample", "--size", "S", b)
	out := filepath.Join(dir, "kaart")
	mustRun(t, "export", a, "--format", "csv", "--out", out)
	if got := perm(t, out); got != 0o755 {
		t.Errorf("the new folder has mode %o, want 755", got)
	}
	first := csvFiles(t, out)
	if len(first) != 8 {
		t.Fatalf("the folder holds %d files, want the 8 tables", len(first))
	}
	for name := range first {
		if got := perm(t, filepath.Join(out, name)); got != 0o644 {
			t.Errorf("%s has mode %o, want 644", name, got)
		}
	}
	xlsx := filepath.Join(dir, "kaart.xlsx")
	mustRun(t, "export", a, "--format", "xlsx", "--out", xlsx)
	if got := perm(t, xlsx); got != 0o644 {
		t.Errorf("the workbook has mode %o, want 644", got)
	}

	// Exported again, into the same places, from another map.
	if err := os.WriteFile(filepath.Join(out, "notities.txt"), []byte("mijn aantekeningen"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(out, "steps.csv"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, xlsx)
	mustRun(t, "export", b, "--format", "xlsx", "--out", xlsx)
	if fileHash(t, xlsx) == before {
		t.Error("the workbook was not replaced")
	}
	mustRun(t, "export", b, "--format", "csv", "--out", out)
	fresh := filepath.Join(dir, "vers")
	mustRun(t, "export", b, "--format", "csv", "--out", fresh)
	got, want := csvFiles(t, out), csvFiles(t, fresh)
	if got["notities.txt"] != "mijn aantekeningen" {
		t.Errorf("the other file in the folder is now %q", got["notities.txt"])
	}
	delete(got, "notities.txt")
	if len(got) != len(want) {
		t.Errorf("the folder holds %d tables, want %d", len(got), len(want))
	}
	for name, body := range want {
		if got[name] != body {
			t.Errorf("%s is not the new map's", name)
		}
	}
	if got := perm(t, filepath.Join(out, "steps.csv")); got != 0o600 {
		t.Errorf("the replaced steps.csv has mode %o, want the 600 it had", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

func TestACSVExportThatCannotReplaceAFolderChangesNothing(t *testing.T) {
	src := filepath.Join(t.TempDir(), "a.vflow")
	mustRun(t, "sample", src)
	cases := []struct {
		name    string
		prepare func(t *testing.T, folder string) // folder is an export with two tables of its own
		out     string                            // --out, in the folder's parent
		named   string                            // what the message names, in the same parent
	}{
		{"a file where the folder would go", func(t *testing.T, folder string) {
			if err := os.WriteFile(filepath.Join(folder, "..", "kaart.csv"), []byte("id,name\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "kaart.csv", "cannot write %q: it is a file; a csv export writes a folder"},
		{"a read-only table", func(t *testing.T, folder string) {
			// The last table written: the ones before it are not replaced either.
			if err := os.Chmod(filepath.Join(folder, "coalitions.csv"), 0o444); err != nil {
				t.Fatal(err)
			}
		}, "kaart", "cannot write %q: the file is read-only"},
		{"a table the export does not write", func(t *testing.T, folder string) {
			if err := os.WriteFile(filepath.Join(folder, "Stappen.csv"), []byte("Naam\nIntake\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "kaart", "cannot write %q: it holds Stappen.csv, which an import would read too; move it away or choose another folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			folder := filepath.Join(dir, "kaart")
			mustRun(t, "export", src, "--format", "csv", "--out", folder)
			// Another map's tables, so that replacing them shows.
			for _, f := range []string{"map.csv", "steps.csv"} {
				if err := os.WriteFile(filepath.Join(folder, f), []byte("eigen\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c.prepare(t, folder)
			before := csvFiles(t, dir)
			inside := csvFiles(t, folder)
			out := filepath.Join(dir, c.out)
			named := out
			if c.name == "a read-only table" {
				named = filepath.Join(folder, "coalitions.csv")
			}
			code, _, stderr := run(t, "export", src, "--format", "csv", "--out", out)
			if want := "valueflow export: " + fmt.Sprintf(c.named, named) + "\n"; code != 1 || stderr != want {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
			}
			for what, files := range map[string]map[string]string{dir: before, folder: inside} {
				after := csvFiles(t, what)
				if len(after) != len(files) {
					t.Errorf("%s held %d files and holds %d", what, len(files), len(after))
				}
				for name, body := range files {
					if after[name] != body {
						t.Errorf("%s was changed", name)
					}
				}
			}
		})
	}
}
