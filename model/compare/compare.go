// Package compare finds what differs between two scenarios: of one map (as-is
// against to-be) or of two maps (a snapshot against now). Elements are
// matched by id, and by name where ids differ, so a scenario built by hand
// next to another still compares element by element.
package compare

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"valueflow/model"
)

// Kind names the kind of element in a difference, as in the JSON format.
type Kind string

const (
	// Map is the map's own information (title, purpose, region,
	// description, stage): one element with the id MapID.
	Map          Kind = "map"
	Stakeholder  Kind = "stakeholder"
	Relationship Kind = "relationship"
	Coalition    Kind = "coalition"
	Step         Kind = "step"
	Contribution Kind = "contribution"
	Flow         Kind = "flow"
)

// MapID is the id of the one element of kind Map.
const MapID model.ID = "map"

// Kinds lists the kinds in the order a diff reports them.
var Kinds = []Kind{Map, Stakeholder, Relationship, Coalition, Step, Contribution, Flow}

// Item is an element only one side has.
type Item struct {
	Kind Kind     `json:"kind"`
	ID   model.ID `json:"id"`
	Name string   `json:"name"`
}

// Change is one field of an element both sides have whose value differs.
// ID is the element's id on the "to" side; FromID is its id on the "from"
// side when it was matched by name.
type Change struct {
	Kind   Kind     `json:"kind"`
	ID     model.ID `json:"id"`
	FromID model.ID `json:"-"`
	Field  string   `json:"field"`
	Before string   `json:"before"`
	After  string   `json:"after"`
}

// Counts are the number of added, removed and changed elements of one kind
// (an element with three changed fields counts once).
type Counts struct{ Added, Removed, Changed int }

// Diff is what changes from scenario a to scenario b.
type Diff struct {
	Added   []Item
	Removed []Item
	Changed []Change
	Counts  map[Kind]Counts
	// Match maps the id of each matched element on the "from" side to its id
	// on the "to" side, per kind; the compare board draws the union with it.
	Match map[Kind]map[model.ID]model.ID
}

// Compare lists what differs from scenario a of map ma to scenario b of map
// mb. What belongs to the whole map (its information, stakeholders,
// relationships and coalitions) is compared only when the maps differ:
// scenarios of one map share it.
func Compare(a, b *model.Scenario, ma, mb *model.Map) *Diff {
	d := &Diff{Counts: map[Kind]Counts{}, Match: map[Kind]map[model.ID]model.ID{}}
	var lanes map[model.ID]model.ID
	if ma != mb && ma != nil && mb != nil {
		mapInfo(d, ma, mb)
		lanes = diffList(d, Stakeholder, ma.Stakeholders, mb.Stakeholders,
			func(s *model.Stakeholder) model.ID { return s.ID },
			func(s *model.Stakeholder) string { return s.Name },
			[]matchKey[*model.Stakeholder]{key(stakeholderName, stakeholderName)},
			func(x, y *model.Stakeholder, emit func(field, before, after string)) {
				str(emit, "name", x.Name, y.Name)
				str(emit, "kind", string(x.Kind), string(y.Kind))
				str(emit, "organisation", x.Organisation, y.Organisation)
				str(emit, "colour", x.Colour, y.Colour)
				num(emit, "attitude", x.Attitude, y.Attitude)
				num(emit, "influence", x.Influence, y.Influence)
				num(emit, "interest", x.Interest, y.Interest)
				flag(emit, "informal_leader", x.InformalLeader, y.InformalLeader)
				str(emit, "notes", x.Notes, y.Notes)
			})
		diffMapParts(d, ma, mb, lanes)
	} else if mb != nil {
		lanes = map[model.ID]model.ID{}
		for _, s := range mb.Stakeholders {
			lanes[s.ID] = s.ID
		}
		d.Match[Stakeholder] = lanes
	}
	steps := diffList(d, Step, a.Steps, b.Steps,
		func(s *model.Step) model.ID { return s.ID },
		func(s *model.Step) string { return s.Name },
		[]matchKey[*model.Step]{key(stepName, stepName)},
		func(x, y *model.Step, emit func(field, before, after string)) {
			str(emit, "name", x.Name, y.Name)
			str(emit, "timing", x.Timing, y.Timing)
			num(emit, "start_day", x.StartDay, y.StartDay)
			num(emit, "duration_days", x.DurationDays, y.DurationDays)
			num(emit, "wait_days", x.WaitDays, y.WaitDays)
			str(emit, "description", x.Description, y.Description)
			str(emit, "experience", optional(x.Experience), optional(y.Experience))
			str(emit, "carer_experience", optional(x.CarerExperience), optional(y.CarerExperience))
			str(emit, "pain_points", x.PainPoints, y.PainPoints)
		})
	cards := diffList(d, Contribution, a.Contributions, b.Contributions,
		func(c *model.Contribution) model.ID { return c.ID },
		func(c *model.Contribution) string { return c.Value },
		[]matchKey[*model.Contribution]{
			// A card is the same card when it adds the same value by the
			// same stakeholder at the same step,
			key(func(c *model.Contribution) string {
				return string(mapped(steps, c.Step)) + "\x00" + string(mapped(lanes, c.Stakeholder)) + "\x00" + c.Value
			}, func(c *model.Contribution) string {
				return string(c.Step) + "\x00" + string(c.Stakeholder) + "\x00" + c.Value
			}),
			// or, with its value reworded, when it is the only one left in
			// its cell on both sides.
			{a: func(c *model.Contribution) string {
				return string(mapped(steps, c.Step)) + "\x00" + string(mapped(lanes, c.Stakeholder))
			}, b: func(c *model.Contribution) string {
				return string(c.Step) + "\x00" + string(c.Stakeholder)
			}, unique: true},
		},
		func(x, y *model.Contribution, emit func(field, before, after string)) {
			ref(emit, "step", steps, x.Step, y.Step)
			ref(emit, "stakeholder", lanes, x.Stakeholder, y.Stakeholder)
			str(emit, "value", x.Value, y.Value)
			str(emit, "description", x.Description, y.Description)
			str(emit, "role", string(x.Role), string(y.Role))
			str(emit, "capital", string(x.Capital), string(y.Capital))
			flag(emit, "tangible", x.Tangible, y.Tangible)
			str(emit, "evidence", string(x.Evidence), string(y.Evidence))
		})
	diffList(d, Flow, a.Flows, b.Flows,
		func(f *model.Flow) model.ID { return f.ID },
		func(f *model.Flow) string { return f.Label },
		[]matchKey[*model.Flow]{
			// A flow is the same flow when it joins the same two cards,
			key(func(f *model.Flow) string {
				return string(mapped(cards, f.From)) + "\x00" + string(mapped(cards, f.To))
			}, func(f *model.Flow) string { return string(f.From) + "\x00" + string(f.To) }),
			// or, moved to another card at one end, when it keeps the
			// other end and its label, and no other flow left does.
			{a: func(f *model.Flow) string { return labelled(f, "from", mapped(cards, f.From)) },
				b: func(f *model.Flow) string { return labelled(f, "from", f.From) }, unique: true},
			{a: func(f *model.Flow) string { return labelled(f, "to", mapped(cards, f.To)) },
				b: func(f *model.Flow) string { return labelled(f, "to", f.To) }, unique: true},
		},
		func(x, y *model.Flow, emit func(field, before, after string)) {
			ref(emit, "from", cards, x.From, y.From)
			ref(emit, "to", cards, x.To, y.To)
			str(emit, "kind", string(x.Kind), string(y.Kind))
			str(emit, "label", x.Label, y.Label)
			str(emit, "criticality", string(x.Criticality), string(y.Criticality))
		})
	return d
}

// mapInfo records the changed fields of the map's own information.
func mapInfo(d *Diff, ma, mb *model.Map) {
	n := len(d.Changed)
	emit := func(field, before, after string) {
		d.Changed = append(d.Changed, Change{Kind: Map, ID: MapID, Field: field, Before: before, After: after})
	}
	str(emit, "title", ma.Title, mb.Title)
	str(emit, "purpose", ma.Purpose, mb.Purpose)
	str(emit, "region", ma.Region, mb.Region)
	str(emit, "description", ma.Description, mb.Description)
	str(emit, "stage", string(ma.Stage), string(mb.Stage))
	if len(d.Changed) > n {
		d.Counts[Map] = Counts{Changed: 1}
	}
}

// diffMapParts compares the relationships and coalitions of two maps, with
// the stakeholders they refer to matched by lanes.
func diffMapParts(d *Diff, ma, mb *model.Map, lanes map[model.ID]model.ID) {
	laneName := func(m *model.Map, id model.ID) string {
		if s := m.Stakeholder(id); s != nil {
			return s.Name
		}
		return string(id)
	}
	// A relationship is the same relationship when it joins the same two
	// stakeholders (either way round) with the same kind.
	pairKey := func(a, b model.ID, kind string) string {
		if b < a {
			a, b = b, a
		}
		return string(a) + "\x00" + string(b) + "\x00" + kind
	}
	nameOf := func(m *model.Map) func(r *model.Relationship) string {
		return func(r *model.Relationship) string {
			return laneName(m, r.A) + " – " + laneName(m, r.B)
		}
	}
	// Removed items are named from the "from" map, the rest from the "to"
	// map: diffList calls name with elements of either side, so it tells
	// them apart by identity.
	from := make(map[*model.Relationship]bool, len(ma.Relationships))
	for _, r := range ma.Relationships {
		from[r] = true
	}
	diffList(d, Relationship, ma.Relationships, mb.Relationships,
		func(r *model.Relationship) model.ID { return r.ID },
		func(r *model.Relationship) string {
			if from[r] {
				return nameOf(ma)(r)
			}
			return nameOf(mb)(r)
		},
		[]matchKey[*model.Relationship]{key(func(r *model.Relationship) string {
			return pairKey(mapped(lanes, r.A), mapped(lanes, r.B), r.Kind)
		}, func(r *model.Relationship) string { return pairKey(r.A, r.B, r.Kind) })},
		func(x, y *model.Relationship, emit func(field, before, after string)) {
			// A relation has no direction: B–A is A–B.
			if xa, xb := mapped(lanes, x.A), mapped(lanes, x.B); !(xa == y.B && xb == y.A) {
				ref(emit, "a", lanes, x.A, y.A)
				ref(emit, "b", lanes, x.B, y.B)
			}
			str(emit, "kind", x.Kind, y.Kind)
			num(emit, "quality", x.Quality, y.Quality)
			str(emit, "notes", x.Notes, y.Notes)
		})
	diffList(d, Coalition, ma.Coalitions, mb.Coalitions,
		func(c *model.Coalition) model.ID { return c.ID },
		func(c *model.Coalition) string { return c.Name },
		[]matchKey[*model.Coalition]{key(coalitionName, coalitionName)},
		func(x, y *model.Coalition, emit func(field, before, after string)) {
			str(emit, "name", x.Name, y.Name)
			str(emit, "issue", x.Issue, y.Issue)
			members(emit, lanes, x.Members, y.Members)
		})
}

// members compares two member lists as sets (their order means nothing);
// before and after are the ids, comma-separated, in list order.
func members(emit func(string, string, string), lanes map[model.ID]model.ID, x, y []model.ID) {
	in := make(map[model.ID]bool, len(y))
	for _, id := range y {
		in[id] = true
	}
	same := len(x) == len(y)
	for _, id := range x {
		same = same && in[mapped(lanes, id)]
	}
	if !same {
		emit("members", joinIDs(x), joinIDs(y))
	}
}

// joinIDs writes a list of ids as the before or after of a "members"
// change.
func joinIDs(ids []model.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// matchKey is one way to match elements whose ids differ: a of a "from"
// element, with its references already mapped to "to" ids, equals b of the
// "to" element it matches ("" matches nothing). A unique key matches only
// where one element on each side has it (a guess that must not pick one of
// several).
type matchKey[T any] struct {
	a, b   func(T) string
	unique bool
}

// key is a matchKey that pairs elements in list order where several share it.
func key[T any](a, b func(T) string) matchKey[T] { return matchKey[T]{a: a, b: b} }

// diffList matches the elements of two lists by id, then the rest by each
// of keys in turn,
// records added, removed and changed ones and returns the match (from-id to
// to-id). Items come in list order: removed ones in a's, the rest in b's.
func diffList[T any](d *Diff, kind Kind, as, bs []T, id func(T) model.ID, name func(T) string, keys []matchKey[T], fields func(x, y T, emit func(field, before, after string))) map[model.ID]model.ID {
	byID := make(map[model.ID]int, len(bs))
	for i, y := range bs {
		byID[id(y)] = i
	}
	matchOf := make([]int, len(as)) // index in bs, or -1
	taken := make([]bool, len(bs))
	for i, x := range as {
		matchOf[i] = -1
		if j, ok := byID[id(x)]; ok {
			matchOf[i], taken[j] = j, true
		}
	}
	// Keys are computed after every id match, and only for the leftovers,
	// one kind of key after the other.
	for _, key := range keys {
		byKey := map[string][]int{}
		for j, y := range bs {
			if !taken[j] {
				if k := key.b(y); k != "" {
					byKey[k] = append(byKey[k], j)
				}
			}
		}
		if len(byKey) == 0 {
			continue
		}
		var fromKey map[string]int // leftovers of as per key, for unique keys
		if key.unique {
			fromKey = map[string]int{}
			for i, x := range as {
				if matchOf[i] < 0 {
					if k := key.a(x); k != "" {
						fromKey[k]++
					}
				}
			}
		}
		for i, x := range as {
			if matchOf[i] >= 0 {
				continue
			}
			k := key.a(x)
			js := byKey[k]
			if k == "" || len(js) == 0 || key.unique && (len(js) > 1 || fromKey[k] > 1) {
				continue
			}
			matchOf[i], taken[js[0]] = js[0], true
			byKey[k] = js[1:]
		}
	}
	match := make(map[model.ID]model.ID, len(as))
	c := d.Counts[kind]
	changedAt := make([][]Change, len(bs))
	for i, x := range as {
		j := matchOf[i]
		if j < 0 {
			d.Removed = append(d.Removed, Item{Kind: kind, ID: id(x), Name: name(x)})
			c.Removed++
			continue
		}
		y := bs[j]
		match[id(x)] = id(y)
		var from model.ID
		if id(x) != id(y) {
			from = id(x)
		}
		fields(x, y, func(field, before, after string) {
			changedAt[j] = append(changedAt[j], Change{Kind: kind, ID: id(y), FromID: from, Field: field, Before: before, After: after})
		})
	}
	for j, y := range bs {
		if !taken[j] {
			d.Added = append(d.Added, Item{Kind: kind, ID: id(y), Name: name(y)})
			c.Added++
		} else if len(changedAt[j]) > 0 {
			d.Changed = append(d.Changed, changedAt[j]...)
			c.Changed++
		}
	}
	d.Counts[kind] = c
	d.Match[kind] = match
	return match
}

// mapped gives the "to" id of a "from" element, or a marker that matches
// nothing when it has none.
func mapped(m map[model.ID]model.ID, id model.ID) model.ID {
	if to, ok := m[id]; ok {
		return to
	}
	return "\x01" + id
}

func str(emit func(string, string, string), field, x, y string) {
	if x != y {
		emit(field, x, y)
	}
}

func num(emit func(string, string, string), field string, x, y int) {
	if x != y {
		emit(field, strconv.Itoa(x), strconv.Itoa(y))
	}
}

func flag(emit func(string, string, string), field string, x, y bool) {
	if x != y {
		emit(field, strconv.FormatBool(x), strconv.FormatBool(y))
	}
}

// ref compares a reference: it changed when the element it points at on the
// "from" side is not the one it points at on the "to" side.
func ref(emit func(string, string, string), field string, m map[model.ID]model.ID, x, y model.ID) {
	if mapped(m, x) != y {
		emit(field, string(x), string(y))
	}
}

func optional(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// Empty reports whether the two sides are the same.
func (d *Diff) Empty() bool { return len(d.Added)+len(d.Removed)+len(d.Changed) == 0 }

// WriteJSON writes the diff as {"added": [...], "removed": [...],
// "changed": [...]}, with empty lists as [] rather than null.
func WriteJSON(w io.Writer, d *Diff) error {
	out := struct {
		Added   []Item   `json:"added"`
		Removed []Item   `json:"removed"`
		Changed []Change `json:"changed"`
	}{nonNil(d.Added), nonNil(d.Removed), nonNil(d.Changed)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func stakeholderName(s *model.Stakeholder) string { return s.Name }
func stepName(s *model.Step) string               { return s.Name }
func coalitionName(c *model.Coalition) string     { return c.Name }

// labelled keys a flow by one of its ends and its label; a flow without a
// label has no such key.
func labelled(f *model.Flow, end string, card model.ID) string {
	if f.Label == "" {
		return ""
	}
	return end + "\x00" + string(card) + "\x00" + f.Label
}
