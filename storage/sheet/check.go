package sheet

import (
	"strconv"
	"strings"

	"valueflow/model"
)

// check makes the model's own tests of values (names, ranges, colours) on
// the imported map, with the same English words, so that each problem has
// a key the GUI translates and points at its row and column.
func (p *parser) check(m *model.Map) {
	// Every message starts, as the model's do, with the kind and the id
	// (`step "s3"`); a translation may leave out the English kind.
	add := func(ref model.Ref, field, key string, args ...string) {
		p.fail(p.issueAt(ref, field, key, append([]string{ref.Kind.String(), strconv.Quote(string(ref.ID))}, args...)...))
	}
	empty := func(ref model.Ref, field, v string) {
		if strings.TrimSpace(v) == "" {
			add(ref, field, "empty", field)
		}
	}
	inRange := func(ref model.Ref, field string, v, lo, hi int) {
		if v < lo || v > hi {
			add(ref, field, "out-of-range", field, itoa(v), itoa(lo), itoa(hi))
		}
	}
	for _, s := range m.Stakeholders {
		ref := model.Ref{Kind: model.EntityStakeholder, ID: s.ID}
		empty(ref, "name", s.Name)
		inRange(ref, "attitude", s.Attitude, -2, 2)
		for _, a := range []struct {
			field string
			v     int
		}{{"influence", s.Influence}, {"interest", s.Interest}} {
			if a.v != 0 {
				inRange(ref, a.field, a.v, 1, 5)
			}
		}
		if !isColour(s.Colour) {
			add(ref, "colour", "bad-colour", strconv.Quote(s.Colour))
		}
	}
	for _, r := range m.Relationships {
		ref := model.Ref{Kind: model.EntityRelationship, ID: r.ID}
		if r.A == r.B && r.A != "" {
			add(ref, "b", "self-relationship")
		}
		inRange(ref, "quality", r.Quality, -2, 2)
	}
	for _, c := range m.Coalitions {
		ref := model.Ref{Kind: model.EntityCoalition, ID: c.ID}
		empty(ref, "name", c.Name)
		seen := map[model.ID]bool{}
		for _, id := range c.Members {
			if seen[id] {
				add(ref, "members", "member-twice", strconv.Quote(string(id)))
			}
			seen[id] = true
		}
	}
	for _, sc := range m.Scenarios {
		empty(model.Ref{Kind: model.EntityScenario, ID: sc.ID}, "name", sc.Name)
		for _, s := range sc.Steps {
			ref := model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: s.ID}
			empty(ref, "name", s.Name)
			for _, d := range []struct {
				field string
				v     int
			}{{"start day", s.StartDay}, {"duration", s.DurationDays}, {"waiting time", s.WaitDays}} {
				if d.v < 0 {
					add(ref, d.field, "negative", d.field, itoa(d.v))
				}
			}
			if s.Experience != nil {
				inRange(ref, "experience", *s.Experience, -2, 2)
			}
			if s.CarerExperience != nil {
				inRange(ref, "carer experience", *s.CarerExperience, -2, 2)
			}
		}
		for _, c := range sc.Contributions {
			empty(model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: c.ID}, "value", c.Value)
		}
		for _, f := range sc.Flows {
			if f.From == f.To && f.From != "" {
				add(model.Ref{Kind: model.EntityFlow, Scenario: sc.ID, ID: f.ID}, "to", "same-card")
			}
		}
	}
}

func isColour(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// modelFields maps the model's field names in its problems to the sheet's columns where they differ.
var modelFields = map[string]string{"start day": "start_day", "duration": "duration_days", "waiting time": "wait_days",
	"carer experience": "carer_experience"}

// issueAt places a problem with an element on the row and column it came from.
func (p *parser) issueAt(ref model.Ref, field, key string, args ...string) Issue {
	sheet := kindSheet[ref.Kind]
	iss := Issue{Sheet: p.name(sheet), Column: field, Row: p.at[ref], Key: key, Args: args}
	if p.sheet[sheet] != nil && field != "" {
		col := field
		if c, ok := modelFields[col]; ok {
			col = c
		}
		iss.Column = p.colName(sheet, col)
	}
	return iss
}

var kindSheet = map[model.EntityKind]string{model.EntityMap: "Map", model.EntityScenario: "Scenarios", model.EntityStakeholder: "Stakeholders",
	model.EntityStep: "Steps", model.EntityContribution: "Contributions", model.EntityFlow: "Flows",
	model.EntityRelationship: "Relationships", model.EntityCoalition: "Coalitions"}

// suggest returns the candidate closest to s (Damerau–Levenshtein, case-insensitive)
// when it is close enough to be a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := []rune(norm(s))
	if len(ls) > 200 {
		return ""
	}
	for _, c := range candidates {
		lc := []rune(norm(c))
		if len(lc) > 200 {
			continue
		}
		d := distance(ls, lc)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len(ls) / 3
	if limit < 1 {
		limit = 1
	}
	if bestD < 0 || bestD > limit || bestD == 0 && best == s {
		return ""
	}
	return best
}

// distance is the optimal-string-alignment Damerau–Levenshtein distance.
func distance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range b {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// stakeholderKind reads a lane's kind: the Dutch name of one of the app's
// kinds becomes that kind; anything else is kept as written.
func stakeholderKind(s string) model.StakeholderKind {
	n := norm(s)
	for i, nl := range kindWords.nl {
		if nl != kindWords.en[i] && n == norm(nl) {
			return model.StakeholderKind(kindWords.en[i])
		}
	}
	return model.StakeholderKind(s)
}
