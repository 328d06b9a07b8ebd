package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportedPagesSpeakTheUsersLanguage: the pages of every drawn view say
// their page words, titles and legends in the language of the locale, as
// the GUI's export does, whichever variable sets it.
func TestExportedPagesSpeakTheUsersLanguage(t *testing.T) {
	path, _ := compareFile(t)
	views := []struct {
		view           string
		args           []string
		dutch, english []string
	}{
		{"board", nil,
			[]string{"pagina 1 van", "rij A, kolom 1", "A4 staand, 60 %", "Rollen:", "leidend", "Urgentie:", "overdracht", "Beleving:", "patiënt", "−2 … +2"},
			[]string{"page 1 of", "row A, column 1", "A4 portrait, 60 %", "Roles:", "lead", "Criticality:", "hand-off", "Experience:", "patient"}},
		{"network", nil,
			[]string{"pagina 1 van", "Stakeholdernetwerk", "makelaar (hoge tussenpositie)"},
			[]string{"page 1 of", "Stakeholder network", "broker (high betweenness)"}},
		{"grid", nil,
			[]string{"pagina 1 van", "Stakeholderraster: invloed en belang", "Nauw betrekken"},
			[]string{"page 1 of", "Stakeholder grid: influence and interest", "Manage closely"}},
		{"roles", nil,
			[]string{"pagina 1 van", "Rollen in de tijd", "geen leiding"},
			[]string{"page 1 of", "Roles over time", "no lead"}},
		{"compare", []string{"--from", "#1", "--to", "tobe"},
			[]string{"pagina 1 van", "rij A, kolom 1", "Momentopname Begin:", "Vergelijken:", "toegevoegd", "gewijzigd"},
			[]string{"page 1 of", "row A, column 1", "Snapshot Begin:", "Compare:", "added", "changed"}},
	}
	locales := []struct {
		name, variable, locale string
		dutch                  bool
	}{
		{"LANG=nl_NL.UTF-8", "LANG", "nl_NL.UTF-8", true},
		{"LC_ALL=nl_NL.UTF-8", "LC_ALL", "nl_NL.UTF-8", true},
		{"LC_MESSAGES=nl_BE.UTF-8", "LC_MESSAGES", "nl_BE.UTF-8", true},
		{"LANG=en_US.UTF-8", "LANG", "en_US.UTF-8", false},
		{"LANG=de_DE.UTF-8", "LANG", "de_DE.UTF-8", false},
	}
	for _, l := range locales {
		for _, v := range views {
			t.Run(l.name+"/"+v.view, func(t *testing.T) {
				speak(t, l.variable, l.locale)
				out := filepath.Join(t.TempDir(), v.view+".pdf")
				args := append([]string{"export", path, "--view", v.view, "--format", "pdf", "--scale", "60", "--out", out}, v.args...)
				mustRun(t, args...)
				text := pdfText(t, out)
				want, wrong := v.english, v.dutch
				if l.dutch {
					want, wrong = v.dutch, v.english
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("the pages lack %q; they begin: %.300s", w, text)
					}
				}
				// The words of the other language, where they differ.
				if strings.Contains(text, wrong[0]) {
					t.Errorf("the pages say %q; they begin: %.300s", wrong[0], text)
				}
			})
		}
	}
}

// TestExportedDrawingsSpeakTheUsersLanguage: an SVG or PNG of a view
// carries its words in the user's language.
func TestExportedDrawingsSpeakTheUsersLanguage(t *testing.T) {
	path := sampleMap(t)
	for _, tc := range []struct {
		view, dutch, english string
	}{
		{"network", "Stakeholdernetwerk", "Stakeholder network"},
		{"grid", "Nauw betrekken", "Manage closely"},
		{"roles", "Rollen in de tijd", "Roles over time"},
	} {
		for _, nl := range []bool{true, false} {
			locale, want, wrong := "en_US.UTF-8", tc.english, tc.dutch
			if nl {
				locale, want, wrong = "nl_NL.UTF-8", tc.dutch, tc.english
			}
			speak(t, "LANG", locale)
			svg := mustRun(t, "export", path, "--view", tc.view, "--format", "svg", "--out", "-")
			if !strings.Contains(svg, want) || strings.Contains(svg, wrong) {
				t.Errorf("%s under %s: the SVG does not say %q, or says %q", tc.view, locale, want, wrong)
			}
		}
	}
	// A PNG is drawn from the same scene: the board's differs between the
	// languages only by its words.
	pngs := map[string]string{}
	for _, locale := range []string{"nl_NL.UTF-8", "en_US.UTF-8"} {
		speak(t, "LANG", locale)
		pngs[locale] = mustRun(t, "export", path, "--format", "png", "--dpi", "30", "--out", "-")
	}
	if pngs["nl_NL.UTF-8"] == pngs["en_US.UTF-8"] {
		t.Error("the board's PNG is the same in Dutch and English")
	}
}
