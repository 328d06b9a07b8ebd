package sheet

import (
	"strconv"
	"strings"

	"valueflow/model"
)

// check makes the model's own tests of values (names, ranges, colours) on
// the imported map, with the same English words, so that each problem has
// a key the GUI translates and points at its row and column. The elements
// of rows whose scenario was not found are checked too; a name left empty
// because its column is missing is not reported again.
func (p *parser) check(m *model.Map) {
	// Every message starts, as the model's do, with the kind and the id
	// (`step "s3"`); a translation may leave out the English kind.
	add := func(ref model.Ref, v any, field, key string, args ...string) {
		p.fail(p.issueAt(ref, v, field, key, append([]string{ref.Kind.String(), strconv.Quote(string(ref.ID))}, args...)...))
	}
	empty := func(ref model.Ref, v any, field, s string) {
		if strings.TrimSpace(s) == "" && !p.missing[kindSheet[ref.Kind]][field] {
			add(ref, v, field, "empty", field)
		}
	}
	inRange := func(ref model.Ref, v any, field string, n, lo, hi int) {
		if n < lo || n > hi {
			add(ref, v, field, "out-of-range", field, itoa(n), itoa(lo), itoa(hi))
		}
	}
	for _, s := range m.Stakeholders {
		ref := model.Ref{Kind: model.EntityStakeholder, ID: s.ID}
		empty(ref, s, "name", s.Name)
		inRange(ref, s, "attitude", s.Attitude, -2, 2)
		for _, a := range []struct {
			field string
			v     int
		}{{"influence", s.Influence}, {"interest", s.Interest}} {
			if a.v != 0 {
				inRange(ref, s, a.field, a.v, 1, 5)
			}
		}
		if !isColour(s.Colour) {
			add(ref, s, "colour", "bad-colour", strconv.Quote(s.Colour))
		}
	}
	for _, r := range m.Relationships {
		ref := model.Ref{Kind: model.EntityRelationship, ID: r.ID}
		if r.A == r.B && r.A != "" {
			add(ref, r, "b", "self-relationship")
		}
		inRange(ref, r, "quality", r.Quality, -2, 2)
	}
	for _, c := range m.Coalitions {
		ref := model.Ref{Kind: model.EntityCoalition, ID: c.ID}
		empty(ref, c, "name", c.Name)
		seen := map[model.ID]bool{}
		for _, id := range c.Members {
			if seen[id] {
				add(ref, c, "members", "member-twice", strconv.Quote(string(id)))
			}
			seen[id] = true
		}
	}
	all := m.Scenarios
	if p.lost != nil {
		all = append(all[:len(all):len(all)], p.lost)
	}
	for _, sc := range all {
		if sc != p.lost {
			empty(model.Ref{Kind: model.EntityScenario, ID: sc.ID}, sc, "name", sc.Name)
		}
		for _, s := range sc.Steps {
			ref := model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: s.ID}
			empty(ref, s, "name", s.Name)
			for _, d := range []struct {
				field string
				v     int
			}{{"start day", s.StartDay}, {"duration", s.DurationDays}, {"waiting time", s.WaitDays}} {
				if d.v < 0 {
					add(ref, s, d.field, "negative", d.field, itoa(d.v))
				}
			}
			if s.Experience != nil {
				inRange(ref, s, "experience", *s.Experience, -2, 2)
			}
			if s.CarerExperience != nil {
				inRange(ref, s, "carer experience", *s.CarerExperience, -2, 2)
			}
		}
		for _, c := range sc.Contributions {
			empty(model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: c.ID}, c, "value", c.Value)
		}
		for _, f := range sc.Flows {
			if f.From == f.To && f.From != "" {
				add(model.Ref{Kind: model.EntityFlow, Scenario: sc.ID, ID: f.ID}, f, "to", "same-card")
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

// issueAt places a problem with an element on the row and column it came
// from: the row of v, the element itself, when it is known, else the first
// row with the element's id.
func (p *parser) issueAt(ref model.Ref, v any, field, key string, args ...string) Issue {
	sheet := kindSheet[ref.Kind]
	row, ok := p.rowOf[v]
	if !ok {
		row = p.at[ref]
	}
	iss := Issue{Sheet: p.name(sheet), Column: field, Row: row, Key: key, Args: args}
	if p.sheet[sheet] != nil && field != "" {
		col := field
		if c, ok := modelFields[col]; ok {
			col = c
		}
		iss.Column = p.colName(sheet, col)
		if i, ok := p.cols[sheet][col]; ok {
			iss.col = i + 1
		}
	}
	return iss
}

var kindSheet = map[model.EntityKind]string{model.EntityMap: "Map", model.EntityScenario: "Scenarios", model.EntityStakeholder: "Stakeholders",
	model.EntityStep: "Steps", model.EntityContribution: "Contributions", model.EntityFlow: "Flows",
	model.EntityRelationship: "Relationships", model.EntityCoalition: "Coalitions"}

// suggest returns the candidate closest to s (Damerau–Levenshtein, case-insensitive)
// when it is close enough to be a likely typo, or "".
func suggest(s string, candidates []string) string {
	if i := closest(s, candidates); i >= 0 {
		return candidates[i]
	}
	return ""
}

// closest is the index of the candidate suggest would give, or -1; the
// first of equally close candidates wins.
func closest(s string, candidates []string) int {
	best, bestD := -1, -1
	ls := []rune(norm(s))
	if len(ls) > 200 {
		return -1
	}
	for i, c := range candidates {
		lc := []rune(norm(c))
		if len(lc) > 200 {
			continue
		}
		d := distance(ls, lc)
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	limit := len(ls) / 3
	if limit < 1 {
		limit = 1
	}
	if bestD < 0 || bestD > limit || bestD == 0 && candidates[best] == s {
		return -1
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

// stakeholderKind reads a lane's kind: one of the app's kinds in either
// language and any case becomes that kind; anything else is kept as written.
func stakeholderKind(s string) model.StakeholderKind {
	if k, ok := kindWords.accept[norm(s)]; ok {
		return model.StakeholderKind(k)
	}
	return model.StakeholderKind(s)
}
