// Package anonymise makes a copy of a map that can be shared outside the
// network: the names of persons (the patient, informal carers) are replaced
// by their kind wherever they stand, and free-text notes about them are
// dropped. Organisations and professional roles ("Huisarts") keep their
// names: they are what a network discusses, and lanes name roles, not people;
// a person's name in brackets after a role ("Wijkverpleegkundige (Anja de
// Vries)") goes, like every other name of a person.
package anonymise

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"valueflow/model"
)

// Map returns an anonymised copy of m; m itself is not changed. word turns a
// kind key ("kind.patient") into the user's word for it; nil gives English.
//
// Every text of the copy loses the names: the title, purpose, region and
// description, scenario names and notes, step names, timings, descriptions
// and pain points, card values and descriptions, flow labels, relationship
// kinds, coalition names and issues, and the other lanes' names and notes.
// A name counts as every capitalised word of three letters or more in a
// person's lane name ("Piet" and "Bakker" in "Piet Bakker"), so "Piet
// vertelt" loses it too; the whole name becomes the person's kind, a part
// that names one person becomes that person's kind, a part that several
// persons share ("Bakker") becomes "…".
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
	var sc scrubber
	seen := map[model.StakeholderKind]int{}
	for _, s := range c.Stakeholders {
		switch {
		case isPerson(s.Kind):
			seen[s.Kind]++
			name := capitalise(word("kind." + string(s.Kind)))
			if count[s.Kind] > 1 {
				name = fmt.Sprintf("%s %d", name, seen[s.Kind])
			}
			sc.person(s.Name, name)
			sc.person(s.Organisation, name) // "Familie Bakker"
			s.Name, s.Organisation, s.Notes = name, "", ""
		case s.Kind == model.KindProfessional:
			// A role with a person in brackets: the role stays.
			if role, person, ok := bracketed(s.Name); ok && hasName(person) {
				sc.person(person, "…")
				s.Name = role
			}
		}
	}
	scrub := sc.build()
	for _, s := range c.Stakeholders {
		if !isPerson(s.Kind) {
			s.Name, s.Organisation, s.Notes = scrub(s.Name), scrub(s.Organisation), scrub(s.Notes)
		}
	}
	c.Title, c.Purpose, c.Region, c.Description = scrub(c.Title), scrub(c.Purpose), scrub(c.Region), scrub(c.Description)
	for _, x := range c.Scenarios {
		x.Name, x.BasedOn, x.Notes = scrub(x.Name), scrub(x.BasedOn), scrub(x.Notes)
		for _, st := range x.Steps {
			st.Name, st.Timing, st.Description, st.PainPoints = scrub(st.Name), scrub(st.Timing), scrub(st.Description), scrub(st.PainPoints)
		}
		for _, k := range x.Contributions {
			k.Value, k.Description = scrub(k.Value), scrub(k.Description)
		}
		for _, f := range x.Flows {
			f.Label = scrub(f.Label)
		}
	}
	for _, r := range c.Relationships {
		r.Kind, r.Notes = scrub(r.Kind), ""
	}
	for _, co := range c.Coalitions {
		co.Name, co.Issue = scrub(co.Name), scrub(co.Issue)
	}
	return c
}

// scrubber collects the names to take out of text, and what replaces each.
type scrubber struct {
	whole []namePart          // full names, longest first when built
	parts map[string][]string // a name's word -> the replacements of every person it names
}

type namePart struct{ text, with string }

// person adds a person's name (a lane name or organisation) and the word
// that stands for the person.
func (s *scrubber) person(name, with string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if s.parts == nil {
		s.parts = map[string][]string{}
	}
	if hasName(name) {
		s.whole = append(s.whole, namePart{name, with})
	}
	// "Patiënt (mevrouw Jansen, 84)": "mevrouw Jansen" stands for her too.
	if _, inside, ok := bracketed(name); ok {
		for _, p := range strings.Split(inside, ",") {
			if p = strings.TrimSpace(p); hasName(p) {
				s.whole = append(s.whole, namePart{p, with})
			}
		}
	}
	for _, w := range nameWords(name) {
		if !contains(s.parts[w], with) {
			s.parts[w] = append(s.parts[w], with)
		}
		// Possessives: "Piets", "Piet's".
		if !strings.HasSuffix(w, "s") && !contains(s.parts[w+"s"], with) {
			s.parts[w+"s"] = append(s.parts[w+"s"], with)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// build returns the function that scrubs one text.
func (s *scrubber) build() func(string) string {
	if len(s.parts) == 0 {
		return func(t string) string { return t }
	}
	// Longest names first, so "Els Bakker" goes before "Els".
	var whole []namePart
	for _, p := range s.whole {
		if len(strings.Fields(p.text)) > 1 {
			whole = append(whole, p)
		}
	}
	for i := 1; i < len(whole); i++ {
		for j := i; j > 0 && len(whole[j].text) > len(whole[j-1].text); j-- {
			whole[j], whole[j-1] = whole[j-1], whole[j]
		}
	}
	res := make([]*regexp.Regexp, len(whole))
	for i, p := range whole {
		res[i] = regexp.MustCompile(`(?i)` + regexp.QuoteMeta(p.text))
	}
	return func(t string) string {
		if t == "" {
			return t
		}
		for i, re := range res {
			t = re.ReplaceAllLiteralString(t, whole[i].with)
		}
		return s.words(t)
	}
}

// words replaces each word of t that is a part of a person's name.
func (s *scrubber) words(t string) string {
	var b strings.Builder
	r := []rune(t)
	for i := 0; i < len(r); {
		if !isWordRune(r[i]) {
			b.WriteRune(r[i])
			i++
			continue
		}
		j := i
		for j < len(r) && (isWordRune(r[j]) || r[j] == '\'' && j+1 < len(r) && unicode.IsLetter(r[j+1])) {
			j++
		}
		w := string(r[i:j])
		key := strings.TrimSuffix(w, "'s")
		if with, ok := s.parts[key]; ok {
			b.WriteString(replacement(with))
		} else if with, ok := s.parts[upperFirst(strings.ToLower(key))]; ok && key == strings.ToUpper(key) && len(key) > 1 {
			b.WriteString(replacement(with)) // BAKKER
		} else {
			b.WriteString(w)
		}
		i = j
	}
	return b.String()
}

func replacement(with []string) string {
	if len(with) == 1 {
		return with[0]
	}
	return "…"
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// notNames are capitalised words in a person's lane name that are not their
// name: kinds, forms of address, relations, and Dutch name particles.
var notNames = map[string]bool{
	"patiënt": true, "patient": true, "cliënt": true, "client": true, "mantelzorger": true, "mantelzorgers": true,
	"informal": true, "informele": true, "carer": true, "mevrouw": true, "meneer": true, "mevr": true, "dhr": true,
	"heer": true, "mrs": true, "mr": true, "miss": true, "dochter": true, "zoon": true, "partner": true,
	"moeder": true, "vader": true, "echtgenote": true, "echtgenoot": true, "buurvrouw": true, "buurman": true,
	"familie": true, "family": true, "daughter": true, "son": true, "wife": true, "husband": true,
	"van": true, "der": true, "den": true, "het": true, "ten": true, "ter": true, "the": true,
}

// nameWords are the words of a name that can name the person elsewhere:
// capitalised, of three letters or more, not a kind or form of address.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '-' }) {
		for _, part := range append([]string{w}, strings.Split(w, "-")...) {
			part = strings.Trim(part, "'-")
			rs := []rune(part)
			if len(rs) < 3 || !unicode.IsUpper(rs[0]) || notNames[strings.ToLower(part)] {
				continue
			}
			if strings.ContainsRune(part, '-') {
				continue // the pieces of "Jansen-Bakker" are added on their own
			}
			out = append(out, part)
		}
	}
	return out
}

// hasName reports whether text holds a word that can be a name.
func hasName(text string) bool { return len(nameWords(text)) > 0 }

// bracketed splits "Wijkverpleegkundige (Anja de Vries)" into the role and
// what stands in the brackets.
func bracketed(name string) (role, inside string, ok bool) {
	i, j := strings.Index(name, "("), strings.LastIndex(name, ")")
	if i < 0 || j < i {
		return name, "", false
	}
	role = strings.TrimSpace(name[:i] + name[j+1:])
	if role == "" {
		return name, "", false
	}
	return role, name[i+1 : j], true
}

func isPerson(k model.StakeholderKind) bool {
	return k == model.KindPatient || k == model.KindCarer
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func upperFirst(s string) string { return capitalise(s) }

var englishKinds = map[string]string{
	"kind.patient": "patient", "kind.carer": "informal carer",
}

func english(key string) string {
	if w, ok := englishKinds[key]; ok {
		return w
	}
	return key
}
