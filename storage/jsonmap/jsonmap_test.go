package jsonmap

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func encode(t testing.TB, m *model.Map) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func decode(t testing.TB, data []byte) *model.Map {
	t.Helper()
	m, err := Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// twoScenarios is the sample with a to-be scenario copied from the as-is one.
func twoScenarios() *model.Map {
	m := sample.Map()
	asIs := m.Scenarios[0]
	toBe := &model.Scenario{ID: "sc2", Name: "Gewenste situatie", BasedOn: asIs.Name, Notes: "Warme overdracht binnen 24 uur."}
	for _, s := range asIs.Steps {
		c := *s
		toBe.Steps = append(toBe.Steps, &c)
	}
	for _, x := range asIs.Contributions {
		c := *x
		toBe.Contributions = append(toBe.Contributions, &c)
	}
	for _, f := range asIs.Flows[1:] {
		c := *f
		toBe.Flows = append(toBe.Flows, &c)
	}
	toBe.Steps[9].Experience = model.Int(1)
	m.Scenarios = append(m.Scenarios, toBe)
	return m
}

func TestRoundTripGivesBackTheSameMapAndBytes(t *testing.T) {
	maps := map[string]*model.Map{
		"the sample":                     sample.Map(),
		"an S map":                       sample.Generate(sample.S),
		"an M map":                       sample.Generate(sample.M),
		"an L map":                       sample.Generate(sample.L),
		"a map with two scenarios":       twoScenarios(),
		"an empty map with one scenario": {Title: "Leeg", Scenarios: []*model.Scenario{{ID: "sc1", Name: DefaultScenarioName}}},
	}
	renamed := sample.Map()
	renamed.Scenarios[0].Name = "As-is"
	maps["a one-scenario map under another name"] = renamed
	otherID := sample.Map()
	otherID.Scenarios[0].ID = "asis"
	maps["a one-scenario map with another scenario id"] = otherID

	if !testing.Short() {
		maps["an XL map"] = sample.Generate(sample.XL)
	}

	for name, m := range maps {
		t.Run(name, func(t *testing.T) {
			first := encode(t, m)
			back := decode(t, first)
			if !reflect.DeepEqual(back, m) {
				t.Fatalf("Encode → Decode changed the map:\n%s", diff(m, back))
			}
			if second := encode(t, back); !bytes.Equal(first, second) {
				t.Fatal("Encode → Decode → Encode changed the bytes")
			}
		})
	}
}

// diff names the first differing element, to keep failures readable.
func diff(a, b *model.Map) string {
	if len(a.Scenarios) != len(b.Scenarios) {
		return "scenario counts differ"
	}
	for i := range a.Scenarios {
		x, y := a.Scenarios[i], b.Scenarios[i]
		if x.ID != y.ID || x.Name != y.Name {
			return "scenario " + string(x.ID) + " vs " + string(y.ID)
		}
		for j := range x.Steps {
			if j < len(y.Steps) && !reflect.DeepEqual(x.Steps[j], y.Steps[j]) {
				return "step " + string(x.Steps[j].ID)
			}
		}
	}
	return "somewhere in the map"
}

func TestEncodeChoosesTheShortFormOnlyForTheOneAsIsScenario(t *testing.T) {
	short := string(encode(t, sample.Map()))
	if strings.Contains(short, `"scenarios"`) || !strings.Contains(short, `"steps"`) {
		t.Error("the sample should be written with top-level steps")
	}
	long := string(encode(t, twoScenarios()))
	if !strings.Contains(long, `"scenarios"`) || strings.Contains(long, "\n  \"steps\"") {
		t.Error("two scenarios should be written under scenarios")
	}
	if !strings.Contains(short, "Welzijn & Zorg") || !strings.Contains(short, "Patiënt") {
		t.Error("& and diacritics should be written as they are")
	}
}

func TestExperienceKeepsNullApartFromZero(t *testing.T) {
	doc := `{"steps": [
		{"id": "a", "name": "A", "experience": 0},
		{"id": "b", "name": "B", "experience": null},
		{"id": "c", "name": "C"},
		{"id": "d", "name": "D", "experience": -2, "carer_experience": 2}]}`
	m := decode(t, []byte(doc))
	st := m.Scenarios[0].Steps
	if st[0].Experience == nil || *st[0].Experience != 0 {
		t.Error("0 should stay a neutral experience")
	}
	if st[1].Experience != nil || st[2].Experience != nil || st[0].CarerExperience != nil {
		t.Error("null or left out should be no experience")
	}
	if *st[3].Experience != -2 || *st[3].CarerExperience != 2 {
		t.Error("values should be kept")
	}
	out := string(encode(t, m))
	if !strings.Contains(out, `"experience": 0`) || strings.Count(out, `"experience"`) != 2 {
		t.Errorf("0 should be written and nil left out:\n%s", out)
	}
}

func TestDecodeMakesUpMissingIDsThatCollideWithNothing(t *testing.T) {
	doc := `{
		"stakeholders": [{"id": "r1", "name": "Huisarts"}, {"id": "sc1", "name": "Apotheek"}],
		"relationships": [{"a": "r1", "b": "sc1"}, {"id": "r3", "a": "sc1", "b": "r1"}],
		"coalitions": [{"name": "Warme overdracht", "members": ["r1"]}],
		"steps": [{"id": "f1", "name": "Opname"}, {"id": "st2", "name": "Thuis"}],
		"contributions": [
			{"id": "c1", "step": "f1", "stakeholder": "r1", "value": "Verwijzing", "role": "lead"},
			{"id": "c2", "step": "st2", "stakeholder": "sc1", "value": "Zorg thuis", "role": "lead"}],
		"flows": [{"from": "c1", "to": "c2"}, {"id": "f2", "from": "c2", "to": "c1"}, {"from": "c2", "to": "c1"}]
	}`
	m := decode(t, []byte(doc))
	got := []model.ID{m.Relationships[0].ID, m.Coalitions[0].ID, m.Scenarios[0].Flows[0].ID, m.Scenarios[0].Flows[2].ID, m.Scenarios[0].ID}
	want := []model.ID{"r2", "co1", "f3", "f4", "sc2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("made-up ids %q, want %q", got, want)
	}
	if m.Scenarios[0].Name != DefaultScenarioName {
		t.Errorf("scenario name %q", m.Scenarios[0].Name)
	}
	if f := m.Scenarios[0].Flows[0]; f.Kind != model.FlowHandOff || f.Criticality != model.CriticalityNormal {
		t.Errorf("a flow without kind and criticality should be a normal hand-off, got %q, %q", f.Kind, f.Criticality)
	}
	// The made-up scenario id survives a round trip although it is not "sc1".
	again := decode(t, encode(t, m))
	if !reflect.DeepEqual(again, m) {
		t.Error("round trip changed the map")
	}
}

func TestDecodeAcceptsWholeNumbersWrittenAsFloats(t *testing.T) {
	m := decode(t, []byte(`{"stakeholders": [{"id": "a", "name": "A", "influence": 3.0, "interest": 2e0}]}`))
	if s := m.Stakeholders[0]; s.Influence != 3 || s.Interest != 2 {
		t.Errorf("got %d, %d", s.Influence, s.Interest)
	}
}

func TestDecodeRefusesBadInput(t *testing.T) {
	// Each input holds one problem; the message must name it exactly.
	const card = `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead"}`
	journey := func(steps, cards, flows string) string {
		return `{"stakeholders": [{"id": "sh1", "name": "Huisarts"}, {"id": "sh2", "name": "Apotheek"}],
			"steps": [` + steps + `], "contributions": [` + cards + `], "flows": [` + flows + `]}`
	}
	const st = `{"id": "st1", "name": "Opname"}`
	const two = card + `, {"id": "c2", "step": "st1", "stakeholder": "sh2", "role": "informed"}`
	tests := []struct {
		name, in, want string
	}{
		{"an empty input", ``, `the JSON is empty`},
		{"only spaces", " \n ", `the JSON is empty`},
		{"a syntax error", "{\n  \"title\": \"x\",\n  }", `invalid JSON at line 3, column 3: invalid character '}' looking for beginning of object key string`},
		{"a truncated document", "{\"title\": \"Zorg", `the JSON ends too early, at line 1, column 16`},
		{"data after the map", `{} {}`, `unexpected data after the map at line 1, column 4`},
		{"an array instead of an object", `[1, 2]`, `the map must be a JSON object, not an array`},
		{"an unknown top-level key", `{"titel": "x"}`, `unknown key "titel" at the top level`},
		{"a repeated key", `{"title": "a", "title": "b"}`, `key "title" appears twice at the top level`},
		{"a title of the wrong type", `{"title": 3}`, `title must be a string, not a number`},
		{"an unknown stage", `{"stage": "bouwen"}`, `stage "bouwen" is not one of verbinden, richten, produceren`},
		{"stakeholders not a list", `{"stakeholders": {}}`, `stakeholders must be an array, not an object`},
		{"a stakeholder not an object", `{"stakeholders": ["sh1"]}`, `stakeholders[0] must be an object, not a string`},
		{"an unknown stakeholder key", `{"stakeholders": [{"id": "sh1", "name": "a"}, {"id": "sh2", "name": "b"}, {"id": "sh3", "name": "c"}, {"id": "sh4", "name": "d", "colour2": "#ffffff"}]}`,
			`unknown key "colour2" in stakeholders[3]`},
		{"a stakeholder without id", `{"stakeholders": [{"name": "Huisarts"}]}`, `stakeholders[0]: id is missing`},
		{"a stakeholder with an empty id", `{"stakeholders": [{"id": "", "name": "Huisarts"}]}`, `stakeholders[0]: id is empty`},
		{"a numeric id", `{"stakeholders": [{"id": 7, "name": "Huisarts"}]}`, `stakeholders[0]: id must be a string, not a number`},
		{"a stakeholder without name", `{"stakeholders": [{"id": "sh1"}]}`, `stakeholders[0] ("sh1"): name is missing`},
		{"a duplicate stakeholder id", `{"stakeholders": [{"id": "sh1", "name": "a"}, {"id": "sh1", "name": "b"}]}`,
			`stakeholders[1] ("sh1"): duplicate id, also used by stakeholders[0]`},
		{"influence as text", `{"stakeholders": [{"id": "sh4", "name": "a", "influence": "hoog"}]}`,
			`stakeholders[0] ("sh4"): influence must be a whole number, not a string`},
		{"influence out of range", `{"stakeholders": [{"id": "h1", "name": "a", "influence": 7}]}`,
			`stakeholders[0] ("h1"): influence 7 is out of range 1..5`},
		{"a fractional interest", `{"stakeholders": [{"id": "h1", "name": "a", "interest": 2.5}]}`,
			`stakeholders[0] ("h1"): interest must be a whole number, not 2.5`},
		{"a huge attitude", `{"stakeholders": [{"id": "h1", "name": "a", "attitude": 1e400}]}`,
			`stakeholders[0] ("h1"): attitude 1e400 is out of range -2..2`},
		{"an attitude out of range", `{"stakeholders": [{"id": "h1", "name": "a", "attitude": -3}]}`,
			`stakeholders[0] ("h1"): attitude -3 is out of range -2..2`},
		{"informal_leader as text", `{"stakeholders": [{"id": "h1", "name": "a", "informal_leader": "ja"}]}`,
			`stakeholders[0] ("h1"): informal_leader must be true or false, not a string`},
		{"a colour that is no colour", `{"stakeholders": [{"id": "h1", "name": "a", "colour": "rood"}]}`,
			`stakeholders[0] ("h1"): colour "rood" is not of the form #rrggbb`},
		{"a relationship to a missing stakeholder", `{"stakeholders": [{"id": "sh1", "name": "a"}], "relationships": [{"id": "r1", "a": "sh1", "b": "sh9"}]}`,
			`relationships[0] ("r1"): stakeholder "sh9" (b) does not exist`},
		{"a relationship with itself", `{"stakeholders": [{"id": "sh1", "name": "a"}], "relationships": [{"a": "sh1", "b": "sh1"}]}`,
			`relationships[0]: a and b are the same stakeholder "sh1"`},
		{"a relationship without b", `{"stakeholders": [{"id": "sh1", "name": "a"}], "relationships": [{"a": "sh1"}]}`,
			`relationships[0]: b is missing`},
		{"a relationship quality out of range", `{"stakeholders": [{"id": "sh1", "name": "a"}, {"id": "sh2", "name": "b"}], "relationships": [{"a": "sh1", "b": "sh2", "quality": 3}]}`,
			`relationships[0]: quality 3 is out of range -2..2`},
		{"a duplicate relationship id", `{"stakeholders": [{"id": "sh1", "name": "a"}, {"id": "sh2", "name": "b"}], "relationships": [{"id": "r1", "a": "sh1", "b": "sh2"}, {"id": "r1", "a": "sh2", "b": "sh1"}]}`,
			`relationships[1] ("r1"): duplicate id, also used by relationships[0]`},
		{"a coalition member that does not exist", `{"stakeholders": [{"id": "sh1", "name": "a"}], "coalitions": [{"id": "co1", "name": "x", "members": ["sh1", "sh2"]}]}`,
			`coalitions[0] ("co1"): stakeholder "sh2" (members) does not exist`},
		{"a coalition member twice", `{"stakeholders": [{"id": "sh1", "name": "a"}], "coalitions": [{"id": "co1", "name": "x", "members": ["sh1", "sh1"]}]}`,
			`coalitions[0] ("co1"): stakeholder "sh1" is listed twice in members`},
		{"coalition members not a list", `{"coalitions": [{"id": "co1", "name": "x", "members": "sh1"}]}`,
			`coalitions[0] ("co1"): members must be an array, not a string`},
		{"a coalition member as a number", `{"coalitions": [{"id": "co1", "name": "x", "members": [1]}]}`,
			`coalitions[0] ("co1"): members[0] must be a string, not a number`},
		{"a step without name", journey(`{"id": "st1"}`, ``, ``), `steps[0] ("st1"): name is missing`},
		{"an experience out of range", journey(`{"id": "st1", "name": "a", "experience": 3}`, ``, ``),
			`steps[0] ("st1"): experience 3 is out of range -2..2`},
		{"a carer experience as text", journey(`{"id": "st1", "name": "a", "carer_experience": "slecht"}`, ``, ``),
			`steps[0] ("st1"): carer_experience must be a whole number, not a string`},
		{"negative waiting days", journey(`{"id": "st1", "name": "a", "wait_days": -1}`, ``, ``),
			`steps[0] ("st1"): wait_days -1 is out of range 0..100000`},
		{"a duplicate step id", journey(st+`, `+st, ``, ``), `steps[1] ("st1"): duplicate id, also used by steps[0]`},
		{"a card in a missing step", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead"}, {"id": "c2", "step": "st1", "stakeholder": "sh1", "role": "lead"}, {"id": "c3", "step": "st1", "stakeholder": "sh1", "role": "lead"}, {"id": "c4", "step": "st1", "stakeholder": "sh1", "role": "lead"}, {"id": "c5", "step": "st9", "stakeholder": "sh1", "role": "lead"}`, ``),
			`contributions[4] ("c5"): step "st9" does not exist`},
		{"a card of a missing stakeholder", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh7", "role": "lead"}`, ``),
			`contributions[0] ("c1"): stakeholder "sh7" does not exist`},
		{"a card without role", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1"}`, ``),
			`contributions[0] ("c1"): role is missing`},
		{"an unknown role", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "leidend"}`, ``),
			`contributions[0] ("c1"): role "leidend" is not one of lead, contributes, consulted, informed`},
		{"an unknown capital", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead", "capital": "financial"}`, ``),
			`contributions[0] ("c1"): capital "financial" is not one of economic, social, cultural`},
		{"an unknown evidence", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead", "evidence": "gevoel"}`, ``),
			`contributions[0] ("c1"): evidence "gevoel" is not one of interview, data, assumption`},
		{"tangible as a number", journey(st, `{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead", "tangible": 1}`, ``),
			`contributions[0] ("c1"): tangible must be true or false, not a number`},
		{"a duplicate card id", journey(st, card+`, `+card, ``), `contributions[1] ("c1"): duplicate id, also used by contributions[0]`},
		{"a flow from a card to itself", journey(st, two, `{"id": "f1", "from": "c1", "to": "c1"}`),
			`flows[0] ("f1"): from and to are the same card "c1"`},
		{"a flow to a missing card", journey(st, two, `{"from": "c1", "to": "c9"}`),
			`flows[0]: card "c9" (to) does not exist`},
		{"a flow without from", journey(st, two, `{"id": "f1", "to": "c2"}`), `flows[0] ("f1"): from is missing`},
		{"an unknown flow kind", journey(st, two, `{"from": "c1", "to": "c2", "kind": "overdracht"}`),
			`flows[0]: kind "overdracht" is not one of hand-off, referral, information, resource`},
		{"an unknown criticality", journey(st, two, `{"from": "c1", "to": "c2", "criticality": "urgent"}`),
			`flows[0]: criticality "urgent" is not one of low, normal, high`},
		{"a duplicate flow id", journey(st, two, `{"id": "f1", "from": "c1", "to": "c2"}, {"id": "f1", "from": "c2", "to": "c1"}`),
			`flows[1] ("f1"): duplicate id, also used by flows[0]`},
		{"an unknown flow key", journey(st, two, `{"from": "c1", "to": "c2", "weight": 3}`), `unknown key "weight" in flows[0]`},
		{"steps beside scenarios", `{"steps": [], "scenarios": [{"name": "x"}]}`,
			`"steps" cannot be used together with "scenarios": put them inside a scenario`},
		{"an empty scenario list", `{"scenarios": []}`, `scenarios is empty: leave it out or give at least one scenario`},
		{"a scenario without name", `{"scenarios": [{"id": "sc1"}]}`, `scenarios[0] ("sc1"): name is missing`},
		{"a duplicate scenario id", `{"scenarios": [{"id": "sc1", "name": "a"}, {"id": "sc1", "name": "b"}]}`,
			`scenarios[1] ("sc1"): duplicate id, also used by scenarios[0]`},
		{"an unknown key in a scenario step", `{"scenarios": [{"name": "a", "steps": [{"id": "st1", "name": "x", "duur": 3}]}]}`,
			`unknown key "duur" in scenarios[0].steps[0]`},
		{"a scenario card in a step of another scenario", `{"stakeholders": [{"id": "sh1", "name": "a"}], "scenarios": [
			{"name": "a", "steps": [{"id": "st1", "name": "x"}]},
			{"name": "b", "steps": [{"id": "st2", "name": "y"}], "contributions": [{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead"}]}]}`,
			`scenarios[1].contributions[0] ("c1"): step "st1" does not exist`},
		{"several problems", `{"title": 1, "region": 2, "stage": 3}`, `title must be a string, not a number (and 2 more problems)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Decode(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("accepted: %+v", m)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if m != nil {
				t.Error("a map came back with the error")
			}
		})
	}
}

func TestDecodeOfHandWrittenMinimalMap(t *testing.T) {
	m := decode(t, []byte(`{"title": "Diabetesketen"}`))
	if m.Title != "Diabetesketen" || len(m.Scenarios) != 1 || m.Scenarios[0].ID != "sc1" || m.Scenarios[0].Name != DefaultScenarioName {
		t.Errorf("got %+v %+v", m, m.Scenarios[0])
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, size := range []sample.Size{sample.L, sample.XL} {
		m := sample.Generate(size)
		b.Run(string(size), func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := Encode(&buf, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, size := range []sample.Size{sample.L, sample.XL} {
		data := encode(b, sample.Generate(size))
		b.Run(string(size), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				decode(b, data)
			}
		})
	}
}

func TestDecodeEndsWithTheModelsValidation(t *testing.T) {
	doc := `{"stakeholders": [{"id": "sh1", "name": "Huisarts"}],
		"steps": [{"id": "st1", "name": "Opname"}],
		"contributions": [{"id": "c1", "step": "st1", "stakeholder": "sh1", "role": "lead"}]}`
	_, err := Decode(strings.NewReader(doc))
	if err == nil || err.Error() != `contribution "c1": value is empty` {
		t.Errorf("got %v", err)
	}
}
