package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	phrases "valueflow/app/translations"
	"valueflow/storage/jsonmap"
)

// badJSON has one problem of each sort a hand-edited file tends to have.
const badJSON = `{"title": 1, "kleur": "rood", "stage": "bouwen",
 "stakeholders": [{"id": "sh1", "name": "Huisarts", "informal_leader": "ja", "colour": "groen"}],
 "steps": [{"id": "st1", "name": "Opname", "experience": 5}],
 "contributions": [{"id": "c1", "step": "st9", "stakeholder": "sh1", "role": "leidend"}]}`

// TestTheJSONImportReportIsInTheUsersLanguage: the report of a refused JSON
// file says each of the reader's problems in Dutch in the Dutch GUI, and in
// English just as the command line prints them.
func TestTheJSONImportReportIsInTheUsersLanguage(t *testing.T) {
	_, err := jsonmap.Decode(strings.NewReader(badJSON))
	var je *jsonmap.Error
	if !errors.As(err, &je) {
		t.Fatalf("Decode: %v", err)
	}
	en := jsonProblemLines(err, phrases.Lookup("en"))
	if strings.Join(en, "\n") != strings.Join(je.Problems, "\n") {
		t.Errorf("English GUI:\n%s\ncommand line:\n%s", strings.Join(en, "\n"), strings.Join(je.Problems, "\n"))
	}
	nl := jsonProblemLines(err, phrases.Lookup("nl"))
	want := []string{
		`onbekende sleutel "kleur" op het hoogste niveau`,
		"title moet tekst zijn, niet een getal",
		`stage "bouwen" is niet een van verbinden, richten, produceren`,
		`stakeholders[0] ("sh1"): colour "groen" heeft niet de vorm #rrggbb`,
		`stakeholders[0] ("sh1"): informal_leader moet true of false zijn, niet tekst`,
		`steps[0] ("st1"): experience 5 valt buiten het bereik -2..2`,
		`contributions[0] ("c1"): stap "st9" bestaat niet`,
		`contributions[0] ("c1"): role "leidend" is niet een van lead, contributes, consulted, informed`,
	}
	if strings.Join(nl, "\n") != strings.Join(want, "\n") {
		t.Errorf("Dutch GUI:\n%s\nwant:\n%s", strings.Join(nl, "\n"), strings.Join(want, "\n"))
	}
	for _, line := range nl {
		if strings.Contains(line, "%!") {
			t.Errorf("a verb is not filled in: %s", line)
		}
	}
}

// TestAJSONFileWithProblemsIsReportedThroughTheTranslations reads a bad file
// as the File menu's import does: every problem is one line of the report,
// said by the translations of the GUI's language.
func TestAJSONFileWithProblemsIsReportedThroughTheTranslations(t *testing.T) {
	loadTranslations()
	for _, tc := range []struct{ name, body string }{
		{"kaart.json", badJSON},
		{"leeg.json", ""},
		{"kapot.json", `{"title": "a",`},
	} {
		path := filepath.Join(t.TempDir(), tc.name)
		if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		m, rep, err := readImport(path)
		if err != nil || m != nil || rep == nil || rep.OK() {
			t.Fatalf("%s: map %v, report %+v, error %v", tc.name, m, rep, err)
		}
		_, derr := jsonmap.Decode(strings.NewReader(tc.body))
		var je *jsonmap.Error
		if !errors.As(derr, &je) || len(rep.Errors) != len(je.Details) {
			t.Fatalf("%s: %d lines in the report for %v", tc.name, len(rep.Errors), derr)
		}
		for i, issue := range rep.Errors {
			if got, want := issueText(issue, Tf), tc.name+": "+jsonProblemText(je.Details[i], T); got != want {
				t.Errorf("line %d reads %q, want %q", i+1, got, want)
			}
		}
	}
}
