// Package anonymise makes a copy of a map that can be shared outside the
// network: the names of persons (the patient, informal carers) are replaced
// by their kind wherever they stand, ids included, and free-text notes about
// them are dropped. Organisations and professional roles ("Huisarts") keep
// their names: they are what a network discusses, and lanes name roles, not
// people; a person's name in brackets after a role ("Wijkverpleegkundige
// (Anja de Vries)") goes, like every other name of a person.
package anonymise

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"valueflow/model"
)

// Map returns an anonymised copy of m; m itself is not changed. word turns a
// kind key ("kind.patient") into the user's word for it; nil gives English.
//
// Every text of the copy loses the names: the title, purpose, region and
// description, scenario names and notes, step names, timings, descriptions
// and pain points, card values and descriptions, flow labels, relationship
// kinds, coalition names and issues, and the other lanes' names and notes.
// A name counts as every capitalised word in a person's lane name ("Piet"
// and "Bakker" in "Piet Bakker", "Li" in "Mevrouw Li"), so "Piet vertelt"
// loses it too; the whole name becomes the person's kind, a part that names
// one person becomes that person's kind, a part that several persons share
// ("Bakker") becomes "…". Words of three letters or more go whatever their
// case ("BAKKER", "piet@…"); shorter ones only as they are written in the
// name, so "Bo" goes and the Dutch "bo" of a sentence stays.
//
// Ids go too: a person's id becomes its kind ("patient", "carer-2"), and an
// id holding a part of a person's name, in any case ("kring-piet"), has it
// replaced ("kring-patient"); every reference follows, so the copy is as
// valid as m. IDs says which id of m became which.
func Map(m *model.Map, word func(key string) string) *model.Map {
	return Maps(word, m)[0]
}

// Maps anonymises maps that are shown side by side (the two sides of a
// compare) as one: a person has the same word and the same new id in each,
// and the names of the persons of any of them leave all of them, so what
// matched between the originals still matches between the copies.
func Maps(word func(key string) string, ms ...*model.Map) []*model.Map {
	if word == nil {
		word = english
	}
	copies := make([]*model.Map, len(ms))
	for i, m := range ms {
		copies[i] = m.Clone()
	}
	ps := collectPersons(copies, word)
	sc := newScrubber(copies, ps)
	scrub := sc.build()
	for _, c := range copies {
		scrubMap(c, ps, scrub)
	}
	renameIDs(copies, ps, sc)
	return copies
}

// Text takes the names of the persons of ms out of a text that is shown
// with their anonymised copies (the name of a compare's side), as Maps
// takes them out of the maps' own texts.
func Text(word func(key string) string, text string, ms ...*model.Map) string {
	if word == nil {
		word = english
	}
	return newScrubber(ms, collectPersons(ms, word)).build()(text)
}

// newScrubber collects the names of the persons of ms.
func newScrubber(ms []*model.Map, ps *persons) *scrubber {
	sc := &scrubber{}
	for _, c := range ms {
		for _, s := range c.Stakeholders {
			switch {
			case isPerson(s.Kind):
				p := ps.of(s)
				sc.person(s.Name, p.word, p.id)
				sc.person(s.Organisation, p.word, p.id) // "Familie Bakker"
			case kindOf(s.Kind) == model.KindProfessional:
				// A role with a person in brackets: the role stays.
				if _, person, ok := bracketed(s.Name); ok && hasName(person) {
					sc.person(person, "…", "person")
				}
			}
		}
	}
	return sc
}

// scrubMap replaces the names in every text of c.
func scrubMap(c *model.Map, ps *persons, scrub func(string) string) {
	for _, s := range c.Stakeholders {
		switch {
		case isPerson(s.Kind):
			s.Name, s.Organisation, s.Notes = ps.of(s).word, "", ""
		case kindOf(s.Kind) == model.KindProfessional:
			if role, person, ok := bracketed(s.Name); ok && hasName(person) {
				s.Name = role
			}
		}
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
}

// person is what stands for one patient or informal carer in the copies.
type person struct {
	word string   // "Patiënt", "Mantelzorger 2"
	id   model.ID // "patient", "carer-2"
}

// persons numbers the patients and carers of all maps by kind, in the order
// they first appear; one stakeholder id of one kind is one person.
type persons struct {
	byKey map[personKey]person
}

type personKey struct {
	id   model.ID
	kind model.StakeholderKind
}

func collectPersons(ms []*model.Map, word func(string) string) *persons {
	var order []personKey
	count := map[model.StakeholderKind]int{}
	seen := map[personKey]bool{}
	for _, m := range ms {
		for _, s := range m.Stakeholders {
			k := personKey{s.ID, kindOf(s.Kind)}
			if isPerson(s.Kind) && !seen[k] {
				seen[k] = true
				order = append(order, k)
				count[k.kind]++
			}
		}
	}
	ps := &persons{byKey: map[personKey]person{}}
	n := map[model.StakeholderKind]int{}
	for _, k := range order {
		n[k.kind]++
		p := person{word: capitalise(word("kind." + string(k.kind))), id: model.ID(k.kind)}
		if count[k.kind] > 1 {
			p.word = fmt.Sprintf("%s %d", p.word, n[k.kind])
			p.id = model.ID(fmt.Sprintf("%s-%d", k.kind, n[k.kind]))
		}
		ps.byKey[k] = p
	}
	return ps
}

func (ps *persons) of(s *model.Stakeholder) person { return ps.byKey[personKey{s.ID, kindOf(s.Kind)}] }

// isPersonID reports whether id is a person's in any of the maps.
func (ps *persons) idOf(id model.ID) (model.ID, bool) {
	for k, p := range ps.byKey {
		if k.id == id {
			return p.id, true
		}
	}
	return "", false
}

// renameIDs gives every person a new id and takes the names out of every
// other id, then points every reference of the copies at the new ids. A new
// id never equals an id that stays or another new one, so ids stay unique
// wherever they were.
func renameIDs(ms []*model.Map, ps *persons, sc *scrubber) {
	var all []model.ID
	seen := map[model.ID]bool{}
	for _, m := range ms {
		walkIDs(m, func(id *model.ID) {
			if !seen[*id] {
				seen[*id] = true
				all = append(all, *id)
			}
		})
	}
	wanted := map[model.ID]model.ID{}
	taken := map[model.ID]bool{}
	for _, id := range all {
		w := id
		if pid, ok := ps.idOf(id); ok {
			w = pid
		} else if id != "" {
			w = sc.scrubID(id)
		}
		if w == id {
			taken[id] = true
		} else {
			wanted[id] = w
		}
	}
	if len(wanted) == 0 {
		return
	}
	rename := map[model.ID]model.ID{}
	for _, id := range all {
		w, ok := wanted[id]
		if !ok {
			continue
		}
		c := w
		for n := 2; taken[c]; n++ {
			c = model.ID(fmt.Sprintf("%s-%d", w, n))
		}
		taken[c] = true
		rename[id] = c
	}
	for _, m := range ms {
		walkIDs(m, func(id *model.ID) {
			if n, ok := rename[*id]; ok {
				*id = n
			}
		})
		walkRefs(m, func(id *model.ID) {
			if n, ok := rename[*id]; ok {
				*id = n
			}
		})
	}
}

// walkIDs calls f with the id of every element of m, in a fixed order.
func walkIDs(m *model.Map, f func(*model.ID)) {
	for _, s := range m.Stakeholders {
		f(&s.ID)
	}
	for _, r := range m.Relationships {
		f(&r.ID)
	}
	for _, co := range m.Coalitions {
		f(&co.ID)
	}
	for _, sc := range m.Scenarios {
		f(&sc.ID)
		for _, st := range sc.Steps {
			f(&st.ID)
		}
		for _, k := range sc.Contributions {
			f(&k.ID)
		}
		for _, fl := range sc.Flows {
			f(&fl.ID)
		}
	}
}

// walkRefs calls f with every reference of m to another element.
func walkRefs(m *model.Map, f func(*model.ID)) {
	for _, r := range m.Relationships {
		f(&r.A)
		f(&r.B)
	}
	for _, co := range m.Coalitions {
		for i := range co.Members {
			f(&co.Members[i])
		}
	}
	for _, sc := range m.Scenarios {
		for _, k := range sc.Contributions {
			f(&k.Step)
			f(&k.Stakeholder)
		}
		for _, fl := range sc.Flows {
			f(&fl.From)
			f(&fl.To)
		}
	}
}

// IDs returns the id in c, an anonymised copy of m (or m itself), of each id
// of m, for a caller that holds ids of m (the scenario on the screen, the
// step range or the node positions of the network): Map keeps every list
// in its order, so the elements pair up. An id that is not in m is given
// back as it is.
func IDs(m, c *model.Map) func(model.ID) model.ID {
	if m == c {
		return func(id model.ID) model.ID { return id }
	}
	var a, b []model.ID
	walkIDs(m, func(id *model.ID) { a = append(a, *id) })
	walkIDs(c, func(id *model.ID) { b = append(b, *id) })
	to := make(map[model.ID]model.ID, len(a))
	for i := 0; i < len(a) && i < len(b); i++ {
		if _, ok := to[a[i]]; !ok {
			to[a[i]] = b[i]
		}
	}
	return func(id model.ID) model.ID {
		if n, ok := to[id]; ok {
			return n
		}
		return id
	}
}

// scrubber collects the names to take out of text, and what replaces each.
type scrubber struct {
	whole []namePart          // full names, longest first when built
	parts map[string][]string // a name's word of 3+ letters, lower case -> the replacements of every person it names
	short map[string][]string // a name's word of 1 or 2 letters, as written -> the same
	ids   map[string][]string // a name's word, lower case -> the new ids of every person it names
}

type namePart struct{ text, with string }

// person adds a person's name (a lane name or organisation), the word that
// stands for the person and the id that does.
func (s *scrubber) person(name, with string, id model.ID) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if s.parts == nil {
		s.parts, s.short, s.ids = map[string][]string{}, map[string][]string{}, map[string][]string{}
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
	add := func(m map[string][]string, k, v string) {
		if !contains(m[k], v) {
			m[k] = append(m[k], v)
		}
	}
	for _, w := range nameWords(name) {
		add(s.ids, strings.ToLower(w), string(id))
		if len([]rune(w)) < 3 {
			add(s.short, w, with)
			continue
		}
		w = strings.ToLower(w)
		add(s.parts, w, with)
		// Possessives: "Piets", "Piet's".
		if !strings.HasSuffix(w, "s") {
			add(s.parts, w+"s", with)
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
	if len(s.parts) == 0 && len(s.short) == 0 {
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
			t = replaceWords(t, re, whole[i].with)
		}
		return s.words(t)
	}
}

// replaceWords replaces what re matches in t where it stands as words of
// its own: "Bo Ek" in "Bo Ek belt", not in "Jumbo Eksel".
func replaceWords(t string, re *regexp.Regexp, with string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(t, -1) {
		before, _ := utf8.DecodeLastRuneInString(t[:m[0]])
		after, _ := utf8.DecodeRuneInString(t[m[1]:])
		if m[0] > 0 && isWordRune(before) || m[1] < len(t) && isWordRune(after) {
			continue
		}
		b.WriteString(t[last:m[0]])
		b.WriteString(with)
		last = m[1]
	}
	if last == 0 {
		return t
	}
	b.WriteString(t[last:])
	return b.String()
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
		if with, ok := s.parts[strings.ToLower(key)]; ok {
			b.WriteString(replacement(with))
		} else if with, ok := s.short[key]; ok {
			b.WriteString(replacement(with))
		} else {
			b.WriteString(w)
		}
		i = j
	}
	return b.String()
}

// scrubID replaces every part of a person's name in id, in any case, by the
// id of the person it names ("person" where it names several): "kring-piet"
// becomes "kring-patient". A part of three letters or more goes wherever it
// stands ("pietbakker"); a shorter one only as a word of the id ("mw-li").
// Where the parts of one name stand side by side one id remains:
// "piet-bakker-kaart" becomes "patient-kaart".
func (s *scrubber) scrubID(id model.ID) model.ID {
	if len(s.ids) == 0 {
		return id
	}
	r := []rune(string(id))
	low := []rune(strings.ToLower(string(id)))
	if len(low) != len(r) {
		low = r // a case change that alters the length: match as written
	}
	var b strings.Builder
	last := ""   // the last replacement written
	pending := 0 // where the separators after it start, in b's text
	for i := 0; i < len(r); {
		with, n := s.idPartAt(low, i)
		if n == 0 {
			if !isWordRune(r[i]) && last != "" {
				b.WriteRune(r[i]) // a separator after a replacement: kept unless another one of the same follows
			} else {
				last = ""
				b.WriteRune(r[i])
			}
			i++
			continue
		}
		if with == last {
			// "patient-patient": drop the separators and the repeat.
			text := b.String()
			b.Reset()
			b.WriteString(text[:pending])
		} else {
			b.WriteString(with)
			last = with
		}
		pending = b.Len()
		i += n
	}
	return model.ID(b.String())
}

// idPartAt returns what replaces the longest name part that starts at
// position i of the lower-case id, and its length in runes (0 for none).
func (s *scrubber) idPartAt(low []rune, i int) (string, int) {
	best, with := 0, ""
	for part, ids := range s.ids {
		p := []rune(part)
		if len(p) <= best || i+len(p) > len(low) || string(low[i:i+len(p)]) != part {
			continue
		}
		if len(p) < 3 && (i > 0 && isWordRune(low[i-1]) || i+len(p) < len(low) && isWordRune(low[i+len(p)])) {
			continue // a short part only as a word of its own
		}
		best, with = len(p), "person"
		if len(ids) == 1 {
			with = ids[0]
		}
	}
	return with, best
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
	"heer": true, "mrs": true, "mr": true, "ms": true, "mw": true, "miss": true, "dochter": true, "zoon": true, "partner": true,
	"moeder": true, "vader": true, "echtgenote": true, "echtgenoot": true, "buurvrouw": true, "buurman": true,
	"familie": true, "family": true, "daughter": true, "son": true, "wife": true, "husband": true,
	"van": true, "der": true, "den": true, "het": true, "ten": true, "ter": true, "the": true,
	// Short words that stand in names without naming anyone: particles
	// ("De Vries", "La Rivière") and the little words of a description
	// ("Patiënt En Partner").
	"de": true, "da": true, "di": true, "du": true, "la": true, "le": true, "'t": true, "t": true,
	"en": true, "of": true, "in": true, "op": true, "te": true, "is": true, "met": true, "and": true, "or": true,
}

// nameWords are the words of a name that can name the person elsewhere:
// capitalised, not a kind, form of address or particle. Initials ("J." in
// "J. Bakker") are not words of their own: they go with the whole name.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '-' }) {
		for _, part := range append([]string{w}, strings.Split(w, "-")...) {
			part = strings.Trim(part, "'-")
			rs := []rune(part)
			if len(rs) < 2 || !unicode.IsUpper(rs[0]) || notNames[strings.ToLower(part)] {
				continue
			}
			if len(rs) == 2 && unicode.IsUpper(rs[1]) {
				continue // "HA", "VO": an abbreviation, not a name
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

// isPerson says whether a lane of kind k stands for a person: a patient or
// an informal carer, however the kind is written (kindOf).
func isPerson(k model.StakeholderKind) bool {
	k = kindOf(k)
	return k == model.KindPatient || k == model.KindCarer
}

// kindOf is the app's kind that k names in English or Dutch, in any case,
// with or without accents, spaces, hyphens or underscores ("Patient",
// "PATIËNT", "Mantel-zorger", "informal carer"); any other kind is itself.
// A kind is free text, typed in the inspector or a spreadsheet, and a
// person whose kind is written otherwise must not keep a name.
func kindOf(k model.StakeholderKind) model.StakeholderKind {
	if known, ok := kindWords[foldKind(string(k))]; ok {
		return known
	}
	return k
}

var kindWords = map[string]model.StakeholderKind{
	"organisation": model.KindOrganisation, "organization": model.KindOrganisation, "organisatie": model.KindOrganisation,
	"professional": model.KindProfessional,
	"patient":      model.KindPatient, // also patiënt
	"carer":        model.KindCarer, "informalcarer": model.KindCarer, "mantelzorger": model.KindCarer,
	"funder": model.KindFunder, "financier": model.KindFunder,
	"government": model.KindGovernment, "overheid": model.KindGovernment,
}

// foldKind is a kind in lower case without accents and separators.
func foldKind(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), unicode.IsSpace(r), r == '-', r == '_', r == '.':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
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
