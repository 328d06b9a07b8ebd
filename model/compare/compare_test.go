package compare_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/compare"
	"valueflow/model/sample"
)

// pair returns the sample map with a copy of its first scenario added, and
// both scenarios.
func pair(t testing.TB, m *model.Map) (*model.Scenario, *model.Scenario) {
	t.Helper()
	a := m.Scenarios[0]
	if err := model.AddScenario(a.ID, model.Scenario{ID: m.NewID("sc"), Name: "Gewenst"}).Do(m); err != nil {
		t.Fatal(err)
	}
	return a, m.Scenarios[len(m.Scenarios)-1]
}

func do(t *testing.T, m *model.Map, c model.Command) {
	t.Helper()
	if err := c.Do(m); err != nil {
		t.Fatal(err)
	}
}

// result is what a crafted pair should give.
type result struct {
	added, removed []compare.Item
	changed        []compare.Change
}

func TestCraftedPairs(t *testing.T) {
	tests := []struct {
		name string
		// edit changes the copy b of scenario a and says what the diff is.
		edit func(t *testing.T, m *model.Map, a, b *model.Scenario) result
	}{
		{"a copy is the same as its original", func(*testing.T, *model.Map, *model.Scenario, *model.Scenario) result { return result{} }},
		{"an added step is added", func(t *testing.T, m *model.Map, a, b *model.Scenario) result {
			do(t, m, model.AddStep(b.ID, model.Step{ID: "nieuw", Name: "Nazorg"}, 2))
			return result{added: []compare.Item{{Kind: compare.Step, ID: "nieuw", Name: "Nazorg"}}}
		}},
		{"a removed card is removed with its flows", func(t *testing.T, m *model.Map, a, b *model.Scenario) result {
			card := a.Contributions[3]
			do(t, m, model.DeleteContribution(b.ID, card.ID))
			r := result{removed: []compare.Item{{Kind: compare.Contribution, ID: card.ID, Name: card.Value}}}
			for _, f := range a.Flows {
				if f.From == card.ID || f.To == card.ID {
					r.removed = append(r.removed, compare.Item{Kind: compare.Flow, ID: f.ID, Name: f.Label})
				}
			}
			return r
		}},
		{"a changed role is one changed field", func(t *testing.T, m *model.Map, a, b *model.Scenario) result {
			c := *b.Contributions[0]
			before := c.Role
			c.Role = model.RoleInformed
			if before == model.RoleInformed {
				c.Role = model.RoleLead
			}
			do(t, m, model.UpdateContribution(b.ID, c))
			return result{changed: []compare.Change{{Kind: compare.Contribution, ID: c.ID, Field: "role", Before: string(before), After: string(c.Role)}}}
		}},
		{"a flow moved to another card changes its end", func(t *testing.T, m *model.Map, a, b *model.Scenario) result {
			f := *b.Flows[0]
			before := f.To
			for _, c := range b.Contributions {
				if c.ID != f.From && c.ID != f.To {
					f.To = c.ID
					break
				}
			}
			do(t, m, model.UpdateFlow(b.ID, f))
			return result{changed: []compare.Change{{Kind: compare.Flow, ID: f.ID, Field: "to", Before: string(before), After: string(f.To)}}}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := sample.Map()
			a, b := pair(t, m)
			want := tc.edit(t, m, a, b)
			d := compare.Compare(a, b, m, m)
			if !reflect.DeepEqual(d.Added, want.added) {
				t.Errorf("added: %+v, want %+v", d.Added, want.added)
			}
			if !reflect.DeepEqual(d.Removed, want.removed) {
				t.Errorf("removed: %+v, want %+v", d.Removed, want.removed)
			}
			if !reflect.DeepEqual(d.Changed, want.changed) {
				t.Errorf("changed: %+v, want %+v", d.Changed, want.changed)
			}
			for _, k := range compare.Kinds {
				var c compare.Counts
				for _, it := range want.added {
					if it.Kind == k {
						c.Added++
					}
				}
				for _, it := range want.removed {
					if it.Kind == k {
						c.Removed++
					}
				}
				for _, it := range want.changed {
					if it.Kind == k {
						c.Changed++
					}
				}
				if d.Counts[k] != c {
					t.Errorf("%s counts %+v, want %+v", k, d.Counts[k], c)
				}
			}
		})
	}
}

// TestElementsWithOtherIdsAreMatchedByName rebuilds the copy with new ids
// everywhere: a scenario made by hand next to another compares the same.
func TestElementsWithOtherIdsAreMatchedByName(t *testing.T) {
	m := sample.Map()
	a, b := pair(t, m)
	rename := func(id model.ID) model.ID { return "x-" + id }
	for _, s := range b.Steps {
		s.ID = rename(s.ID)
	}
	for _, c := range b.Contributions {
		c.ID, c.Step = rename(c.ID), rename(c.Step)
	}
	for _, f := range b.Flows {
		f.ID, f.From, f.To = rename(f.ID), rename(f.From), rename(f.To)
	}
	b.Contributions[1].Role = model.RoleConsulted
	d := compare.Compare(a, b, m, m)
	if len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("added %+v removed %+v", d.Added, d.Removed)
	}
	want := []compare.Change{{Kind: compare.Contribution, ID: rename(a.Contributions[1].ID), FromID: a.Contributions[1].ID, Field: "role", Before: string(a.Contributions[1].Role), After: "consulted"}}
	if a.Contributions[1].Role == model.RoleConsulted {
		want = nil
	}
	if !reflect.DeepEqual(d.Changed, want) {
		t.Fatalf("changed %+v, want %+v", d.Changed, want)
	}
}

// renamedPair is a pair of scenarios of the sample whose second one has
// other ids for all its steps, cards and flows.
func renamedPair(t *testing.T, m *model.Map) (a, b *model.Scenario, rename func(model.ID) model.ID) {
	a, b = pair(t, m)
	rename = func(id model.ID) model.ID { return "x-" + id }
	for _, s := range b.Steps {
		s.ID = rename(s.ID)
	}
	for _, c := range b.Contributions {
		c.ID, c.Step = rename(c.ID), rename(c.Step)
	}
	for _, f := range b.Flows {
		f.ID, f.From, f.To = rename(f.ID), rename(f.From), rename(f.To)
	}
	return a, b, rename
}

func TestAFlowMovedToAnotherCardIsMatchedByItsOtherEndAndLabelWhereIdsDiffer(t *testing.T) {
	m := sample.Map()
	a, b, _ := renamedPair(t, m)
	var f *model.Flow
	for _, x := range b.Flows {
		if x.Label != "" {
			f = x
			break
		}
	}
	// Another card for its end, one no flow goes to yet.
	used := map[model.ID]bool{}
	for _, x := range b.Flows {
		used[x.To] = true
	}
	var to model.ID
	for _, c := range b.Contributions {
		if !used[c.ID] && c.ID != f.From {
			to = c.ID
			break
		}
	}
	before := f.To
	f.To = to
	d := compare.Compare(a, b, m, m)
	if len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("the moved flow is not matched: added %+v removed %+v", d.Added, d.Removed)
	}
	want := []compare.Change{{Kind: compare.Flow, ID: f.ID, FromID: model.ID(strings.TrimPrefix(string(f.ID), "x-")), Field: "to", Before: strings.TrimPrefix(string(before), "x-"), After: string(to)}}
	if !reflect.DeepEqual(d.Changed, want) {
		t.Fatalf("changed %+v, want %+v", d.Changed, want)
	}
}

func TestACardWithAnotherValueIsMatchedWhenItIsAloneInItsCellWhereIdsDiffer(t *testing.T) {
	m := sample.Map()
	a, b, _ := renamedPair(t, m)
	// A card alone in its cell.
	count := map[[2]model.ID]int{}
	for _, c := range b.Contributions {
		count[[2]model.ID{c.Step, c.Stakeholder}]++
	}
	var c *model.Contribution
	for _, x := range b.Contributions {
		if count[[2]model.ID{x.Step, x.Stakeholder}] == 1 {
			c = x
			break
		}
	}
	old := c.Value
	c.Value = "Anders verwoord"
	d := compare.Compare(a, b, m, m)
	if len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("the reworded card is not matched: added %+v removed %+v", d.Added, d.Removed)
	}
	if len(d.Changed) != 1 || d.Changed[0].Field != "value" || d.Changed[0].Before != old || d.Changed[0].After != "Anders verwoord" {
		t.Fatalf("changed %+v, want the value %q → %q", d.Changed, old, "Anders verwoord")
	}
}

func TestStakeholdersAreComparedBetweenTwoMaps(t *testing.T) {
	before := sample.Map()
	after := before.Clone()
	s := *after.Stakeholders[0]
	s.Influence = s.Influence%5 + 1
	do(t, after, model.UpdateStakeholder(s))
	d := compare.Compare(before.Scenarios[0], after.Scenarios[0], before, after)
	if len(d.Changed) != 1 || d.Changed[0].Kind != compare.Stakeholder || d.Changed[0].Field != "influence" {
		t.Fatalf("changed %+v", d.Changed)
	}
}

func TestWriteJSONHasExactlyTheAgreedShape(t *testing.T) {
	m := sample.Map()
	a, b := pair(t, m)
	do(t, m, model.AddStep(b.ID, model.Step{ID: "nieuw", Name: "Nazorg"}, -1))
	var buf bytes.Buffer
	if err := compare.WriteJSON(&buf, compare.Compare(a, b, m, m)); err != nil {
		t.Fatal(err)
	}
	var got map[string][]map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["added"] == nil || got["removed"] == nil || got["changed"] == nil {
		t.Fatalf("keys: %s", buf.String())
	}
	if item := got["added"][0]; item["kind"] != "step" || item["id"] != "nieuw" {
		t.Fatalf("added: %v", item)
	}
	var empty bytes.Buffer
	compare.WriteJSON(&empty, compare.Compare(a, a, m, m))
	if want := "{\n  \"added\": [],\n  \"removed\": [],\n  \"changed\": []\n}\n"; empty.String() != want {
		t.Fatalf("an empty diff: %q", empty.String())
	}
}

func TestChangedItemsCarryKindIdFieldBeforeAfter(t *testing.T) {
	b, _ := json.Marshal(compare.Change{Kind: compare.Flow, ID: "f1", FromID: "old", Field: "to", Before: "c2", After: "c9"})
	if string(b) != `{"kind":"flow","id":"f1","field":"to","before":"c2","after":"c9"}` {
		t.Fatal(string(b))
	}
}

// BenchmarkCompareL compares two L scenarios, one a copy of the other with
// a changed card in every tenth and a moved flow in every tenth; the goal is
// at most 50 ms.
func BenchmarkCompareL(b *testing.B) {
	m := sample.Generate(sample.L)
	x, y := pair(b, m)
	for i, c := range y.Contributions {
		if i%10 == 0 {
			c.Role = model.RoleInformed
		}
	}
	for i, f := range y.Flows {
		if i%10 == 0 && f.To != y.Contributions[0].ID && f.From != y.Contributions[0].ID {
			f.To = y.Contributions[0].ID
		}
	}
	b.ResetTimer()
	var d *compare.Diff
	for i := 0; i < b.N; i++ {
		d = compare.Compare(x, y, m, m)
	}
	b.ReportMetric(float64(len(d.Changed)), "changes")
}

// TestWhatBelongsToTheMapIsComparedBetweenTwoMaps: a snapshot against now
// reports changed map information, relationships and coalitions too, each
// with its JSON kind and counted; two scenarios of one map share them, so
// there they are never reported.
func TestWhatBelongsToTheMapIsComparedBetweenTwoMaps(t *testing.T) {
	before := sample.Map()
	if len(before.Relationships) < 3 || len(before.Coalitions) < 1 {
		t.Fatal("the sample map needs relationships and a coalition for this test")
	}
	after := before.Clone()
	after.Title = "Nieuwe titel"
	after.Stage = model.StageProduce
	if before.Stage == model.StageProduce {
		after.Stage = model.StageAlign
	}
	after.Relationships[0].Quality = -after.Relationships[0].Quality + 1 // always differs: q ≠ 1-q for integers
	gone := after.Relationships[1]
	after.Relationships = append(after.Relationships[:1], after.Relationships[2:]...)
	after.Relationships = append(after.Relationships, &model.Relationship{ID: "rnieuw", A: after.Stakeholders[0].ID, B: after.Stakeholders[1].ID, Kind: "nieuw verband"})
	co := after.Coalitions[0]
	co.Members = co.Members[:len(co.Members)-1]
	// The same relationship under another id, written the other way round,
	// is still the same relationship.
	r2 := after.Relationships[1]
	r2.ID, r2.A, r2.B = "x-"+r2.ID, r2.B, r2.A

	d := compare.Compare(before.Scenarios[0], after.Scenarios[0], before, after)
	changed := map[string]compare.Change{}
	for _, c := range d.Changed {
		changed[string(c.Kind)+"/"+c.Field] = c
	}
	for key, want := range map[string]compare.Change{
		"map/title":            {Kind: compare.Map, ID: compare.MapID, Field: "title", Before: before.Title, After: "Nieuwe titel"},
		"map/stage":            {Kind: compare.Map, ID: compare.MapID, Field: "stage", Before: string(before.Stage), After: string(after.Stage)},
		"relationship/quality": {Kind: compare.Relationship, ID: after.Relationships[0].ID, Field: "quality", Before: strconv.Itoa(before.Relationships[0].Quality), After: strconv.Itoa(after.Relationships[0].Quality)},
		"coalition/members":    {Kind: compare.Coalition, ID: co.ID, Field: "members"},
	} {
		got, ok := changed[key]
		if !ok {
			t.Errorf("no %s change in %+v", key, d.Changed)
			continue
		}
		if key == "coalition/members" {
			got.Before, got.After = "", ""
		}
		if got != want {
			t.Errorf("%s: %+v, want %+v", key, got, want)
		}
	}
	if _, ok := changed["relationship/a"]; ok {
		t.Errorf("a relationship written the other way round is reported as changed: %+v", d.Changed)
	}
	if !slices.Contains(d.Removed, compare.Item{Kind: compare.Relationship, ID: gone.ID, Name: before.Stakeholder(gone.A).Name + " – " + before.Stakeholder(gone.B).Name}) {
		t.Errorf("removed %+v lacks relationship %s", d.Removed, gone.ID)
	}
	if !slices.ContainsFunc(d.Added, func(it compare.Item) bool { return it.Kind == compare.Relationship && it.ID == "rnieuw" }) {
		t.Errorf("added %+v lacks the new relationship", d.Added)
	}
	for kind, want := range map[compare.Kind]compare.Counts{
		compare.Map:          {Changed: 1},
		compare.Relationship: {Added: 1, Removed: 1, Changed: 1},
		compare.Coalition:    {Changed: 1},
	} {
		if d.Counts[kind] != want {
			t.Errorf("%s counts %+v, want %+v", kind, d.Counts[kind], want)
		}
	}
	var buf bytes.Buffer
	if err := compare.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{`"kind": "map"`, `"kind": "relationship"`, `"kind": "coalition"`} {
		if !bytes.Contains(buf.Bytes(), []byte(kind)) {
			t.Errorf("the JSON lacks %s:\n%s", kind, buf.String())
		}
	}

	// Two scenarios of one map share all of it.
	m := before.Clone()
	a, b := pair(t, m)
	for _, c := range compare.Compare(a, b, m, m).Changed {
		t.Errorf("two scenarios of one map report a change of the map: %+v", c)
	}
}
