package templates

import (
	"strings"
	"testing"
)

func TestEveryTemplateIsAValidMapWithOneScenario(t *testing.T) {
	for _, tpl := range All() {
		t.Run(tpl.Name, func(t *testing.T) {
			m := tpl.Map()
			if err := m.Validate(); err != nil {
				t.Fatalf("template %s is not valid: %v", tpl.Name, err)
			}
			if len(m.Scenarios) != 1 {
				t.Fatalf("template %s has %d scenarios", tpl.Name, len(m.Scenarios))
			}
			if tpl.Name != "empty" {
				if len(m.Scenarios[0].Steps) < 5 || len(m.Stakeholders) < 5 {
					t.Errorf("template %s has %d steps and %d stakeholders; a pathway needs more", tpl.Name, len(m.Scenarios[0].Steps), len(m.Stakeholders))
				}
				if !strings.Contains(m.Description, "Voorbeeld") {
					t.Errorf("template %s is not marked as an example", tpl.Name)
				}
				// The title is what the board and the printed page show.
				if !strings.HasPrefix(m.Title, tpl.Title) || !strings.Contains(m.Title, "voorbeeld") {
					t.Errorf("template %s has the title %q, which does not say it is an example", tpl.Name, m.Title)
				}
			}
		})
	}
}

func TestTemplatesGiveFreshCopies(t *testing.T) {
	tpl, err := ByName("diabetes")
	if err != nil {
		t.Fatal(err)
	}
	a := tpl.Map()
	a.Stakeholders[0].Name = "changed"
	if b := tpl.Map(); b.Stakeholders[0].Name == "changed" {
		t.Fatal("a template shares its map between calls")
	}
}

func TestAnUnknownTemplateNamesTheValidOnes(t *testing.T) {
	_, err := ByName("astma")
	if err == nil || !strings.Contains(err.Error(), `unknown template "astma"`) || !strings.Contains(err.Error(), "copd") {
		t.Fatalf("got %v", err)
	}
}
