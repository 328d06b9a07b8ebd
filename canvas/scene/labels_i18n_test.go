package scene

import "testing"

// dutch is a translator that knows a few words, as the GUI's would.
func dutch(key string) string {
	if w, ok := map[string]string{"Stakeholder network": "Stakeholdernetwerk", "role.lead": "leidend", "neutral": "neutraal"}[key]; ok {
		return w
	}
	return key
}

func TestAnalysisLabelsAreTranslatedFromEnglishEachTime(t *testing.T) {
	t.Cleanup(func() { TranslateAnalysisLabels(nil) })
	for _, step := range []struct {
		name        string
		tr          func(string) string
		title, lead string
		neutralAtt  string
	}{
		{"in Dutch", dutch, "Stakeholdernetwerk", "leidend", "neutraal"},
		{"in Dutch again", dutch, "Stakeholdernetwerk", "leidend", "neutraal"},
		{"back in English", nil, "Stakeholder network", "lead", "neutral"},
		{"with a translator that knows nothing", func(k string) string { return k }, "Stakeholder network", "lead", "neutral"},
	} {
		TranslateAnalysisLabels(step.tr)
		l := analysisLabels
		if l.NetworkTitle != step.title || l.Roles["lead"] != step.lead || l.Attitudes[2] != step.neutralAtt {
			t.Errorf("%s: the labels read %q, %q, %q; want %q, %q, %q", step.name, l.NetworkTitle, l.Roles["lead"], l.Attitudes[2], step.title, step.lead, step.neutralAtt)
		}
	}
	if englishLabels.Roles["lead"] != "lead" {
		t.Errorf("translating changed the English words: role lead is %q", englishLabels.Roles["lead"])
	}
}

func TestWordDoesNotAskForATextWithoutLetters(t *testing.T) {
	for _, tc := range []struct {
		key, want string
		asks      bool
	}{
		{"−2 … +2", "−2 … +2", false},
		{"%d / %d", "%d / %d", false},
		{"page %d of %d", "pagina %d van %d", true},
		{"role.lead", "leidend", true},
	} {
		var asked []string
		tr := func(k string) string {
			asked = append(asked, k)
			return map[string]string{"page %d of %d": "pagina %d van %d", "role.lead": "leidend"}[k]
		}
		got := Word(tr, tc.key)
		if got != tc.want {
			t.Errorf("Word(%q) = %q, want %q", tc.key, got, tc.want)
		}
		if tc.asks != (len(asked) > 0) {
			t.Errorf("Word(%q) asked the translator for %q; want asked: %v", tc.key, asked, tc.asks)
		}
	}
}
