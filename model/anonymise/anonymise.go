// Package anonymise makes a copy of a map that can be shared outside the
// network: the names of persons (the patient, informal carers) are replaced
// by their kind wherever they stand, and free-text notes about them are
// dropped. Organisations and professional roles ("Huisarts") keep their
// names: they are what a network discusses, and lanes name roles, not people.
package anonymise

import (
	"fmt"
	"strings"
	"unicode"

	"valueflow/model"
)

// Map returns an anonymised copy of m; m itself is not changed. word turns a
// kind key ("kind.patient") into the user's word for it; nil gives English.
func Map(m *model.Map, word func(key string) string) *model.Map {
	if word == nil {
		word = english
	}
	c := m.Clone()
	count := map[model.StakeholderKind]int{}
	for _, s := range c.Stakeholders {
		if isPerson(s.Kind) {
			count[s.Kind]++
		}
	}
	seen := map[model.StakeholderKind]int{}
	var names []string
	for _, s := range c.Stakeholders {
		if !isPerson(s.Kind) {
			continue
		}
		seen[s.Kind]++
		name := capitalise(word("kind." + string(s.Kind)))
		if count[s.Kind] > 1 {
			name = fmt.Sprintf("%s %d", name, seen[s.Kind])
		}
		names = append(names, nameParts(s.Name)...)
		s.Name = name
		s.Notes = ""
	}
	// A person's name can stand in text elsewhere ("Patiënt (mevrouw
	// Jansen, 84)"): such text loses the name too.
	for _, sc := range c.Scenarios {
		for _, st := range sc.Steps {
			st.Description = scrub(st.Description, names)
			st.PainPoints = scrub(st.PainPoints, names)
		}
		for _, x := range sc.Contributions {
			x.Value = scrub(x.Value, names)
			x.Description = scrub(x.Description, names)
		}
		for _, f := range sc.Flows {
			f.Label = scrub(f.Label, names)
		}
	}
	c.Description = scrub(c.Description, names)
	for _, r := range c.Relationships {
		r.Notes = ""
	}
	return c
}

// nameParts are the pieces of a lane name that can name a person elsewhere:
// the whole name, the parts in brackets that hold a capital ("mevrouw
// Jansen" in "Patiënt (mevrouw Jansen, 84)"), and the capitalised words in
// them ("Jansen"), longest first so the whole name goes before its parts.
func nameParts(name string) []string {
	parts := []string{name}
	if i, j := strings.Index(name, "("), strings.LastIndex(name, ")"); i >= 0 && j > i {
		for _, p := range strings.Split(name[i+1:j], ",") {
			p = strings.TrimSpace(p)
			if p == strings.ToLower(p) {
				continue // "dochter", "84": a relation or an age, not a name
			}
			parts = append(parts, p)
			for _, w := range strings.Fields(p) {
				if r := []rune(w); len(r) > 2 && unicode.IsUpper(r[0]) {
					parts = append(parts, w)
				}
			}
		}
	}
	return parts
}

func isPerson(k model.StakeholderKind) bool {
	return k == model.KindPatient || k == model.KindCarer
}

func scrub(text string, names []string) string {
	for _, n := range names {
		if len(n) >= 3 {
			text = strings.ReplaceAll(text, n, "…")
		}
	}
	return text
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

var englishKinds = map[string]string{
	"kind.patient": "patient", "kind.carer": "informal carer",
}

func english(key string) string {
	if w, ok := englishKinds[key]; ok {
		return w
	}
	return key
}
