package jsonmap

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"valueflow/model"
)

// Error lists every problem Decode found, each one English line naming the
// place in the document ("contributions[4] ("c5"): step "st9" does not exist").
// Details holds the same problems for a translation, in the same order.
type Error struct {
	Problems []string
	Details  []Problem
}

// A Problem is one line of an Error as its English format with fmt verbs,
// which is also its translation key, and its arguments. An argument of type
// Word is an English word to translate too ("a string"); the others (places
// in the document, keys, ids, values) are the document's own text.
type Problem struct {
	Format string
	Args   []any
}

func (p Problem) String() string { return fmt.Sprintf(p.Format, p.Args...) }

// Word is an English word in a problem: the JSON type of a value.
type Word string

// problem is an Error of one problem.
func problem(format string, args ...any) *Error {
	p := Problem{format, args}
	return &Error{Problems: []string{p.String()}, Details: []Problem{p}}
}

// Error returns the first problem, with a count of the others, so that a
// command line can print it on one line.
func (e *Error) Error() string {
	switch len(e.Problems) {
	case 0:
		return "invalid map"
	case 1:
		return e.Problems[0]
	case 2:
		return e.Problems[0] + " (and 1 more problem)"
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], len(e.Problems)-1)
}

// maxProblems keeps a hostile file from making a huge report.
const maxProblems = 200

// Decode reads one map in the JSON format, strictly: unknown or repeated keys,
// values of the wrong type or out of range, missing or duplicate ids and
// references to ids that do not exist are errors (an *Error naming each place).
// A document that passes is then checked with the model's own validation.
func Decode(r io.Reader) (*model.Map, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("cannot read the JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, syntaxProblem(data, err)
	}
	end := dec.InputOffset() // just past the map
	if _, err := dec.Token(); err != io.EOF {
		rest := end
		for ; rest < int64(len(data)); rest++ {
			if c := data[rest]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				break
			}
		}
		line, col := position(data, rest)
		return nil, problem("unexpected data after the map at line %d, column %d", line, col)
	}

	d := &decoder{}
	m := d.decodeMap(raw)
	if len(d.problems) > 0 {
		return nil, &Error{Problems: d.problems, Details: d.details}
	}
	// The model's validation is the last word on what a map may hold.
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

func syntaxProblem(data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case err == io.EOF:
		return problem("the JSON is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(data, int64(len(data)))
		return problem("the JSON ends too early, at line %d, column %d", line, col)
	case errors.As(err, &se):
		// Offset is just past the offending byte.
		off := se.Offset - 1
		if off < 0 {
			off = 0
		}
		line, col := position(data, off)
		msg := strings.TrimPrefix(se.Error(), "json: ")
		return problem("invalid JSON at line %d, column %d: %s", line, col, msg)
	}
	return problem("invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}

type decoder struct {
	problems []string
	details  []Problem
}

func (d *decoder) addf(format string, args ...any) {
	if len(d.problems) < maxProblems {
		p := Problem{format, args}
		d.problems = append(d.problems, p.String())
		d.details = append(d.details, p)
	}
}

// object is one JSON object's members, checked against the keys allowed there.
type object struct {
	d      *decoder
	label  string // where it is, with its id once known: `stakeholders[3] ("sh4")`
	fields map[string]json.RawMessage
}

// prefix starts a message about a value of the object.
func (o *object) prefix() string {
	if o.label == "" {
		return ""
	}
	return o.label + ": "
}

// parseObject reads raw as an object whose keys must be in allowed. It
// returns nil (with a problem recorded) when raw is not an object.
func (d *decoder) parseObject(raw json.RawMessage, where string, allowed map[string]bool) *object {
	if t := kindOf(raw); t != "an object" {
		if where == "" {
			d.addf("the map must be a JSON object, not %s", t)
		} else {
			d.addf("%s must be an object, not %s", where, t)
		}
		return nil
	}
	o := &object{d: d, label: where, fields: make(map[string]json.RawMessage, len(allowed))}
	members(raw, func(key string, v json.RawMessage) {
		switch {
		case !allowed[key] && where == "":
			d.addf("unknown key %q at the top level", key)
		case !allowed[key]:
			d.addf("unknown key %q in %s", key, where)
		case o.fields[key] != nil && where == "":
			d.addf("key %q appears twice at the top level", key)
		case o.fields[key] != nil:
			d.addf("key %q appears twice in %s", key, where)
		default:
			o.fields[key] = v
		}
	})
	return o
}

// kindOf names the JSON type of a value for messages.
func kindOf(raw json.RawMessage) Word {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// get returns the raw value of key; null counts as left out.
func (o *object) get(key string) (json.RawMessage, bool) {
	v, ok := o.fields[key]
	if !ok || kindOf(v) == "null" {
		return nil, false
	}
	return v, true
}

func (o *object) wrongType(key string, want Word, v json.RawMessage) {
	o.d.addf("%s%s must be %s, not %s", o.prefix(), key, want, kindOf(v))
}

func (o *object) str(key string) (string, bool) {
	v, ok := o.get(key)
	if !ok {
		return "", false
	}
	if v[0] != '"' {
		o.wrongType(key, "a string", v)
		return "", true
	}
	return unquote(v), true
}

// unquote decodes a JSON string known to be valid, quickly when it needs no
// unescaping.
func unquote(v json.RawMessage) string {
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	json.Unmarshal(v, &s) // valid JSON: cannot fail
	return s
}

// required reads a string key that must be present.
func (o *object) required(key string) string {
	s, ok := o.str(key)
	if !ok {
		o.d.addf("%s%s is missing", o.prefix(), key)
	}
	return s
}

func (o *object) boolean(key string) bool {
	v, ok := o.get(key)
	if !ok {
		return false
	}
	switch string(v) {
	case "true":
		return true
	case "false":
		return false
	}
	o.wrongType(key, "true or false", v)
	return false
}

// integer reads a whole number in lo..hi; present is false when left out.
func (o *object) integer(key string, lo, hi int, rangeText string) (n int, present bool) {
	v, ok := o.get(key)
	if !ok {
		return 0, false
	}
	if kindOf(v) != "a number" {
		o.wrongType(key, "a whole number", v)
		return 0, true
	}
	i, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		// 3.0 and 1e2 are whole numbers too; 2.5 is not.
		f, ferr := strconv.ParseFloat(string(v), 64)
		switch {
		case ferr == nil && f != math.Trunc(f):
			o.d.addf("%s%s must be a whole number, not %s", o.prefix(), key, v)
			return 0, true
		case ferr != nil || math.Abs(f) > 1e15:
			o.d.addf("%s%s %s is out of range %s", o.prefix(), key, v, rangeText)
			return 0, true
		}
		i = int64(f)
	}
	if i < int64(lo) || i > int64(hi) {
		o.d.addf("%s%s %s is out of range %s", o.prefix(), key, v, rangeText)
		return 0, true
	}
	return int(i), true
}

// optional reads -2..2 where leaving out (or null) means "not filled in".
func (o *object) optional(key string) *int {
	n, ok := o.integer(key, -2, 2, "-2..2")
	if !ok {
		return nil
	}
	return model.Int(n)
}

// enum reads a string that must be empty or one of the allowed values.
func enum[T ~string](o *object, key string, allowed []T) T {
	s, _ := o.str(key)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if string(a) == s {
			return a
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	o.d.addf("%s%s %q is not one of %s", o.prefix(), key, s, strings.Join(names, ", "))
	return ""
}

// array reads a list; a missing or null list is empty.
func (d *decoder) array(raw json.RawMessage, where string) []json.RawMessage {
	if len(raw) == 0 || kindOf(raw) == "null" {
		return nil
	}
	if kindOf(raw) != "an array" {
		d.addf("%s must be an array, not %s", where, kindOf(raw))
		return nil
	}
	return elements(raw)
}

// identify reads the id of a list item and puts it in the object's label.
// needed says whether the format requires it (else it may be made up later).
func (o *object) identify(needed bool) model.ID {
	v, ok := o.get("id")
	if !ok {
		if needed {
			o.d.addf("%s: id is missing", o.label)
		}
		return ""
	}
	if v[0] != '"' {
		o.wrongType("id", "a string", v)
		return ""
	}
	id := unquote(v)
	if id == "" {
		o.d.addf("%s: id is empty", o.label)
		return ""
	}
	o.label = fmt.Sprintf("%s (%q)", o.label, id)
	return model.ID(id)
}

// idIndex remembers where each id of one kind was first seen.
type idIndex map[model.ID]string

func (d *decoder) register(idx idIndex, id model.ID, o *object, where string) {
	if id == "" {
		return
	}
	if first, dup := idx[id]; dup {
		d.addf("%s: duplicate id, also used by %s", o.label, first)
		return
	}
	idx[id] = where
}

var (
	topKeys          = keys("title", "purpose", "region", "description", "stage", "stakeholders", "relationships", "coalitions", "steps", "contributions", "flows", "scenarios")
	stakeholderKeys  = keys("id", "name", "kind", "organisation", "colour", "attitude", "influence", "interest", "informal_leader", "notes")
	relationshipKeys = keys("id", "a", "b", "kind", "quality", "notes")
	coalitionKeys    = keys("id", "name", "issue", "members")
	stepKeys         = keys("id", "name", "timing", "start_day", "duration_days", "wait_days", "description", "experience", "carer_experience", "pain_points")
	contributionKeys = keys("id", "step", "stakeholder", "value", "description", "role", "capital", "tangible", "evidence")
	flowKeys         = keys("id", "from", "to", "kind", "label", "criticality")
	scenarioKeys     = keys("id", "name", "based_on", "notes", "steps", "contributions", "flows")
)

func keys(names ...string) map[string]bool {
	k := make(map[string]bool, len(names))
	for _, n := range names {
		k[n] = true
	}
	return k
}

// maxDays bounds day counts: about 270 years, far beyond any journey, so a
// typo cannot make a board millions of pixels wide.
const maxDays = 100000

func (d *decoder) decodeMap(raw json.RawMessage) *model.Map {
	top := d.parseObject(raw, "", topKeys)
	if top == nil {
		return nil
	}
	m := &model.Map{}
	m.Title, _ = top.str("title")
	m.Purpose, _ = top.str("purpose")
	m.Region, _ = top.str("region")
	m.Description, _ = top.str("description")
	m.Stage = enum(top, "stage", model.Stages)

	// Ids left out are made up once every given id is known.
	used := make(map[model.ID]bool)
	var idless []*model.Flow

	// Stakeholders.
	shIdx := idIndex{}
	for i, item := range d.array(top.fields["stakeholders"], "stakeholders") {
		where := fmt.Sprintf("stakeholders[%d]", i)
		o := d.parseObject(item, where, stakeholderKeys)
		if o == nil {
			continue
		}
		s := &model.Stakeholder{ID: o.identify(true)}
		d.register(shIdx, s.ID, o, where)
		s.Name = o.required("name")
		kind, _ := o.str("kind")
		s.Kind = model.StakeholderKind(kind)
		s.Organisation, _ = o.str("organisation")
		s.Colour, _ = o.str("colour")
		if s.Colour != "" && !isColour(s.Colour) {
			d.addf("%scolour %q is not of the form #rrggbb", o.prefix(), s.Colour)
		}
		s.Attitude, _ = o.integer("attitude", -2, 2, "-2..2")
		// 0 means not assessed; DESIGN.md's range is 1..5.
		s.Influence, _ = o.integer("influence", 0, 5, "1..5")
		s.Interest, _ = o.integer("interest", 0, 5, "1..5")
		s.InformalLeader = o.boolean("informal_leader")
		s.Notes, _ = o.str("notes")
		m.Stakeholders = append(m.Stakeholders, s)
		used[s.ID] = true
	}
	stakeholder := func(o *object, key string) model.ID {
		id := model.ID(o.required(key))
		if id != "" {
			if _, ok := shIdx[id]; !ok {
				if key == "stakeholder" {
					d.addf("%sstakeholder %q does not exist", o.prefix(), id)
				} else {
					d.addf("%sstakeholder %q (%s) does not exist", o.prefix(), id, key)
				}
			}
		}
		return id
	}

	// Relationships.
	relIdx := idIndex{}
	for i, item := range d.array(top.fields["relationships"], "relationships") {
		where := fmt.Sprintf("relationships[%d]", i)
		o := d.parseObject(item, where, relationshipKeys)
		if o == nil {
			continue
		}
		r := &model.Relationship{ID: o.identify(false)}
		d.register(relIdx, r.ID, o, where)
		r.A = stakeholder(o, "a")
		r.B = stakeholder(o, "b")
		if r.A != "" && r.A == r.B {
			d.addf("%sa and b are the same stakeholder %q", o.prefix(), r.A)
		}
		r.Kind, _ = o.str("kind")
		r.Quality, _ = o.integer("quality", -2, 2, "-2..2")
		r.Notes, _ = o.str("notes")
		m.Relationships = append(m.Relationships, r)
		used[r.ID] = true
	}

	// Coalitions.
	coIdx := idIndex{}
	for i, item := range d.array(top.fields["coalitions"], "coalitions") {
		where := fmt.Sprintf("coalitions[%d]", i)
		o := d.parseObject(item, where, coalitionKeys)
		if o == nil {
			continue
		}
		c := &model.Coalition{ID: o.identify(false)}
		d.register(coIdx, c.ID, o, where)
		c.Name = o.required("name")
		c.Issue, _ = o.str("issue")
		seen := make(map[model.ID]bool)
		for j, mv := range d.array(o.fields["members"], o.prefix()+"members") {
			if mv[0] != '"' {
				d.addf("%smembers[%d] must be a string, not %s", o.prefix(), j, kindOf(mv))
				continue
			}
			id := model.ID(unquote(mv))
			if _, ok := shIdx[id]; !ok {
				d.addf("%sstakeholder %q (members) does not exist", o.prefix(), id)
			} else if seen[id] {
				d.addf("%sstakeholder %q is listed twice in members", o.prefix(), id)
			}
			seen[id] = true
			c.Members = append(c.Members, id)
		}
		m.Coalitions = append(m.Coalitions, c)
		used[c.ID] = true
	}

	// The journey: either scenarios, or the top-level lists as the one scenario.
	scRaw, hasScenarios := top.get("scenarios")
	if hasScenarios {
		for _, k := range []string{"steps", "contributions", "flows"} {
			if _, ok := top.get(k); ok {
				d.addf("%q cannot be used together with \"scenarios\": put them inside a scenario", k)
			}
		}
		items := d.array(scRaw, "scenarios")
		if len(items) == 0 && kindOf(scRaw) == "an array" {
			d.addf("scenarios is empty: leave it out or give at least one scenario")
		}
		scIdx := idIndex{}
		for i, item := range items {
			where := fmt.Sprintf("scenarios[%d]", i)
			o := d.parseObject(item, where, scenarioKeys)
			if o == nil {
				continue
			}
			sc := &model.Scenario{ID: o.identify(false)}
			d.register(scIdx, sc.ID, o, where)
			sc.Name = o.required("name")
			sc.BasedOn, _ = o.str("based_on")
			sc.Notes, _ = o.str("notes")
			d.decodeJourney(sc, o, where+".", stakeholder, used, &idless)
			m.Scenarios = append(m.Scenarios, sc)
			used[sc.ID] = true
		}
	} else {
		sc := &model.Scenario{Name: DefaultScenarioName}
		d.decodeJourney(sc, top, "", stakeholder, used, &idless)
		m.Scenarios = []*model.Scenario{sc}
	}

	// Make up the ids left out, in document order, so the same document always
	// gives the same ids; scenarios come last so that the one scenario of the
	// short form gets the id Encode expects (see topLevelScenario).
	ids := newIDMaker(used)
	for _, r := range m.Relationships {
		if r.ID == "" {
			r.ID = ids.make("r")
		}
	}
	for _, c := range m.Coalitions {
		if c.ID == "" {
			c.ID = ids.make("co")
		}
	}
	for _, f := range idless {
		f.ID = ids.make("f")
	}
	for _, sc := range m.Scenarios {
		if sc.ID == "" {
			sc.ID = ids.make("sc")
		}
	}
	return m
}

// decodeJourney reads the steps, contributions and flows of one scenario from
// o (a scenario object, or the top level) into sc.
func (d *decoder) decodeJourney(sc *model.Scenario, o *object, path string, stakeholder func(*object, string) model.ID, used map[model.ID]bool, idless *[]*model.Flow) {
	stepIdx := idIndex{}
	for i, item := range d.array(o.fields["steps"], path+"steps") {
		where := fmt.Sprintf("%ssteps[%d]", path, i)
		so := d.parseObject(item, where, stepKeys)
		if so == nil {
			continue
		}
		s := &model.Step{ID: so.identify(true)}
		d.register(stepIdx, s.ID, so, where)
		s.Name = so.required("name")
		s.Timing, _ = so.str("timing")
		s.StartDay, _ = so.integer("start_day", 0, maxDays, "0..100000")
		s.DurationDays, _ = so.integer("duration_days", 0, maxDays, "0..100000")
		s.WaitDays, _ = so.integer("wait_days", 0, maxDays, "0..100000")
		s.Description, _ = so.str("description")
		s.Experience = so.optional("experience")
		s.CarerExperience = so.optional("carer_experience")
		s.PainPoints, _ = so.str("pain_points")
		sc.Steps = append(sc.Steps, s)
		used[s.ID] = true
	}

	cardIdx := idIndex{}
	for i, item := range d.array(o.fields["contributions"], path+"contributions") {
		where := fmt.Sprintf("%scontributions[%d]", path, i)
		co := d.parseObject(item, where, contributionKeys)
		if co == nil {
			continue
		}
		c := &model.Contribution{ID: co.identify(true)}
		d.register(cardIdx, c.ID, co, where)
		c.Step = model.ID(co.required("step"))
		if _, ok := stepIdx[c.Step]; c.Step != "" && !ok {
			d.addf("%sstep %q does not exist", co.prefix(), c.Step)
		}
		c.Stakeholder = stakeholder(co, "stakeholder")
		c.Value, _ = co.str("value")
		c.Description, _ = co.str("description")
		if _, ok := co.get("role"); !ok {
			d.addf("%srole is missing", co.prefix())
		}
		c.Role = enum(co, "role", model.Roles)
		c.Capital = enum(co, "capital", model.Capitals)
		c.Tangible = co.boolean("tangible")
		c.Evidence = enum(co, "evidence", model.Evidences)
		sc.Contributions = append(sc.Contributions, c)
		used[c.ID] = true
	}

	flowIdx := idIndex{}
	for i, item := range d.array(o.fields["flows"], path+"flows") {
		where := fmt.Sprintf("%sflows[%d]", path, i)
		fo := d.parseObject(item, where, flowKeys)
		if fo == nil {
			continue
		}
		f := &model.Flow{ID: fo.identify(false)}
		d.register(flowIdx, f.ID, fo, where)
		card := func(key string) model.ID {
			id := model.ID(fo.required(key))
			if _, ok := cardIdx[id]; id != "" && !ok {
				d.addf("%scard %q (%s) does not exist", fo.prefix(), id, key)
			}
			return id
		}
		f.From = card("from")
		f.To = card("to")
		if f.From != "" && f.From == f.To {
			d.addf("%sfrom and to are the same card %q", fo.prefix(), f.From)
		}
		f.Kind = enum(fo, "kind", model.FlowKinds)
		f.Label, _ = fo.str("label")
		f.Criticality = enum(fo, "criticality", model.Criticalities)
		// The model needs both; a hand-written flow that leaves them out
		// means the plain case.
		if _, given := fo.get("kind"); !given {
			f.Kind = model.FlowHandOff
		}
		if _, given := fo.get("criticality"); !given {
			f.Criticality = model.CriticalityNormal
		}
		sc.Flows = append(sc.Flows, f)
		if f.ID == "" {
			*idless = append(*idless, f)
		}
		used[f.ID] = true
	}
}

// idMaker makes up ids not in used, counting up per prefix so that making
// thousands stays linear.
type idMaker struct {
	used map[model.ID]bool
	next map[string]int
}

func newIDMaker(used map[model.ID]bool) *idMaker {
	return &idMaker{used: used, next: make(map[string]int)}
}

func (g *idMaker) make(prefix string) model.ID {
	n := g.next[prefix]
	for {
		n++
		id := model.ID(prefix + strconv.Itoa(n))
		if !g.used[id] {
			g.used[id] = true
			g.next[prefix] = n
			return id
		}
	}
}

// freshID returns prefix followed by the smallest number not in used: the
// first id newIDMaker(used).make(prefix) would give.
func freshID(prefix string, used map[model.ID]bool) model.ID {
	for n := 1; ; n++ {
		id := model.ID(prefix + strconv.Itoa(n))
		if !used[id] {
			return id
		}
	}
}

func isColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
