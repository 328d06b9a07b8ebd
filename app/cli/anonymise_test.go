package cli

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage"
)

// bakkerFile writes the sample with a patient and a carer named without
// brackets, Piet and Els Bakker, in every text field of the map.
func bakkerFile(t *testing.T, dir string) string {
	t.Helper()
	m := sample.Map()
	m.Stakeholders = append(m.Stakeholders,
		&model.Stakeholder{ID: "piet", Name: "Piet Bakker", Kind: model.KindPatient, Organisation: "Familie Bakker", Notes: "Piet woont alleen"},
		&model.Stakeholder{ID: "els", Name: "Els Bakker", Kind: model.KindCarer, Organisation: "Bakker thuis"},
	)
	m.Title, m.Purpose, m.Region = "Zorgpad Piet Bakker", "Piet blijft thuis wonen met Els", "Wijk van Els Bakker"
	m.Description = "Piet vertelt; Els vult aan."
	sc := m.Scenarios[0]
	sc.Name, sc.Notes = "Zoals Piet het beleeft", "Gesprek met Els"
	st := sc.Steps[0]
	st.Name, st.Timing, st.Description, st.PainPoints = "Piet valt", "dag 1 (Els is er)", "Els belt 112", "Piet wacht lang"
	sc.Contributions[0].Value, sc.Contributions[0].Description = "Els regelt vervoer", "voor Piet"
	sc.Contributions = append(sc.Contributions, &model.Contribution{ID: "cp", Step: st.ID, Stakeholder: "piet", Value: "Piet vertelt zijn verhaal", Role: model.RoleLead})
	sc.Flows[0].Label = "Els belt"
	m.Relationships = append(m.Relationships, &model.Relationship{ID: "rb", A: "piet", B: "els", Kind: "Piet is de vader van Els", Quality: 1})
	m.Coalitions = append(m.Coalitions, &model.Coalition{ID: "cb", Name: "Kring rond Piet", Issue: "Els ontlasten", Members: []model.ID{"piet", "els"}})
	path := filepath.Join(dir, "bakker.vflow")
	if err := storage.Create(path, m); err != nil {
		t.Fatal(err)
	}
	return path
}

// exportedText runs an export to a file or folder and returns the text in it.
func exportedText(t *testing.T, out, format string) string {
	t.Helper()
	switch format {
	case "csv":
		var b strings.Builder
		files, _ := filepath.Glob(filepath.Join(out, "*"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			b.Write(data)
		}
		return b.String()
	case "xlsx":
		z, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		var b strings.Builder
		for _, f := range z.File {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			r.Close()
			b.Write(data)
		}
		return b.String()
	case "pdf":
		txt, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Skipf("pdftotext: %v", err)
		}
		return string(txt)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// hoogeveenJSON is a map as it comes in from another program: the persons'
// names in their ids and in the ids of what is theirs, in both scenarios,
// and persons with names of one or two letters. The GUI's test reads it too.
const hoogeveenJSON = "../../model/anonymise/testdata/hoogeveen.json"

// hoogeveenFile imports hoogeveenJSON as the command line does.
func hoogeveenFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "hoogeveen.vflow")
	mustRun(t, "import", hoogeveenJSON, path)
	return path
}

// nameFinder finds a part of a person's name or id in an export, in any
// case. A part of six letters or more is found wherever it stands
// ("GERRIT", "gerrithoogeveen"); a shorter one as a word of its own, as
// "els" stands in "labels" and "li" in "kliniek" without naming anyone.
func nameFinder(parts ...string) *regexp.Regexp {
	var alts []string
	for _, p := range parts {
		q := regexp.QuoteMeta(p)
		if len([]rune(p)) < 6 {
			q = `(?:^|[^\pL])` + q + `(?:[^\pL]|$)`
		}
		alts = append(alts, q)
	}
	return regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
}

func TestAnonymisedExportsHoldNoPartOfAPersonsNameOrIdInAnyFormatOrCase(t *testing.T) {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "en_US.UTF-8")
	dir := t.TempDir()
	maps := []struct {
		name, path string
		names      *regexp.Regexp
		shown      string // what the plain export shows, so the test proves something
	}{
		{"piet bakker", bakkerFile(t, dir), nameFinder("Piet", "Bakker", "Els"), "piet"},
		{"gerrit hoogeveen", hoogeveenFile(t, dir), nameFinder("Gerrit", "Hoogeveen", "Wilhelmina", "Li", "Bo", "Ek"), "gerrit-hoogeveen"},
	}
	for _, mp := range maps {
		for _, tc := range []struct{ format, view string }{
			{"json", "board"}, {"csv", "board"}, {"xlsx", "board"}, {"dot", "board"},
			{"svg", "board"}, {"svg", "network"}, {"svg", "grid"}, {"svg", "roles"},
			{"pdf", "board"}, {"pdf", "network"}, {"pdf", "roles"},
			{"json", "compare"}, {"svg", "compare"},
		} {
			t.Run(mp.name+" as "+tc.format+" of the "+tc.view, func(t *testing.T) {
				ext := tc.format
				if tc.format == "csv" {
					ext = "d"
				}
				base := filepath.Join(dir, strings.ReplaceAll(mp.name, " ", "-")+"-"+tc.view)
				args := []string{"export", mp.path, "--format", tc.format, "--view", tc.view}
				if tc.format == "pdf" {
					args = append(args, "--fit") // the page flags are for pdf only
				}
				if tc.view == "compare" {
					if mp.name == "piet bakker" {
						t.Skip("the map has one scenario")
					}
					args = append(args, "--from", "Huidige situatie", "--to", "Zoals Wilhelmina het wil")
				}
				mustRun(t, append(args, "--out", base+"-plain."+ext)...)
				mustRun(t, append(args, "--out", base+"-anon."+ext, "--anonymise")...)
				plain, anon := exportedText(t, base+"-plain."+ext, tc.format), exportedText(t, base+"-anon."+ext, tc.format)
				if !mp.names.MatchString(plain) {
					t.Fatalf("the plain export shows no name at all, so it proves nothing")
				}
				if tc.format != "pdf" && tc.view != "compare" && !strings.Contains(strings.ToLower(plain), mp.shown) {
					t.Fatalf("the plain export does not hold %q, so it proves nothing", mp.shown)
				}
				for _, loc := range mp.names.FindAllStringIndex(anon, 5) {
					t.Errorf("the anonymised export holds %q: …%s…", anon[loc[0]:loc[1]], anon[max(0, loc[0]-50):min(len(anon), loc[1]+50)])
				}
			})
		}
	}
}

func TestTheWordsForPersonsFollowTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	path := hoogeveenFile(t, dir)
	for _, tc := range []struct{ lang, patient, carer string }{
		{"nl_NL.UTF-8", "Patiënt 1", "Mantelzorger 1"},
		{"en_US.UTF-8", "Patient 1", "Informal carer 1"},
	} {
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
			t.Setenv(v, "")
		}
		t.Setenv("LANG", tc.lang)
		out := mustRun(t, "export", path, "--format", "json", "--out", "-", "--anonymise")
		for _, want := range []string{
			`"id": "patient-1"`, `"name": "` + tc.patient + `"`, `"name": "` + tc.carer + `"`,
			`"value": "` + tc.patient + ` vertelt"`, `"members": [`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("LANG=%s: the export lacks %s:\n%s", tc.lang, want, out)
			}
		}
		// The scenario is still found by the name the user knows.
		mustRun(t, "export", path, "--format", "svg", "--scenario", "Zoals Wilhelmina het wil", "--out", filepath.Join(dir, "s.svg"), "--anonymise")
	}
}
