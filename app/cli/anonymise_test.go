package cli

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

func TestAnonymisedExportsHoldNoPartOfAPersonsNameInAnyFormat(t *testing.T) {
	dir := t.TempDir()
	path := bakkerFile(t, dir)
	for _, tc := range []struct{ format, view string }{
		{"json", "board"}, {"csv", "board"}, {"xlsx", "board"}, {"dot", "board"},
		{"svg", "board"}, {"svg", "network"}, {"svg", "grid"}, {"svg", "roles"},
		{"pdf", "board"}, {"pdf", "network"}, {"pdf", "roles"},
	} {
		t.Run(tc.format+" of the "+tc.view, func(t *testing.T) {
			ext := tc.format
			if tc.format == "csv" {
				ext = "d"
			}
			plainOut := filepath.Join(dir, tc.view+"-plain."+ext)
			anonOut := filepath.Join(dir, tc.view+"-anon."+ext)
			mustRun(t, "export", path, "--format", tc.format, "--view", tc.view, "--out", plainOut, "--fit")
			mustRun(t, "export", path, "--format", tc.format, "--view", tc.view, "--out", anonOut, "--fit", "--anonymise")
			plain, anon := exportedText(t, plainOut, tc.format), exportedText(t, anonOut, tc.format)
			if !strings.Contains(plain, "Piet") {
				t.Fatalf("the plain export does not show Piet at all, so it proves nothing")
			}
			for _, name := range []string{"Piet", "Bakker", "Els "} {
				if i := strings.Index(anon, name); i >= 0 {
					t.Errorf("the anonymised export holds %q: …%s…", name, anon[max(0, i-50):min(len(anon), i+50)])
				}
			}
		})
	}
}
