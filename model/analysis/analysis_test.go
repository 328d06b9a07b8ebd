package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"valueflow/app/translations"
	"valueflow/model"
	"valueflow/model/sample"
)

// relMap builds a map with one lane per name and one relationship per pair.
func relMap(names []string, pairs [][2]string) *model.Map {
	m := &model.Map{Scenarios: []*model.Scenario{{ID: "sc1", Name: "As-is"}}}
	for _, n := range names {
		m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: model.ID(n), Name: n})
	}
	for i, p := range pairs {
		m.Relationships = append(m.Relationships, &model.Relationship{ID: model.ID("r" + string(rune('0'+i))), A: model.ID(p[0]), B: model.ID(p[1])})
	}
	return m
}

func TestBetweennessMatchesHandComputedValues(t *testing.T) {
	type want struct {
		betweenness, closeness float64
		degree                 int
		broker                 bool
	}
	tests := []struct {
		name  string
		names []string
		pairs [][2]string
		want  map[string]want
	}{
		{
			// a-b-c-d: b lies on a–c and a–d, c on a–d and b–d.
			// closeness(b) = 3 / (1+1+2), closeness(a) = 3 / (1+2+3).
			name: "a path of four has its two inner nodes as brokers", names: []string{"a", "b", "c", "d"},
			pairs: [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}},
			want:  map[string]want{"a": {0, 0.5, 1, false}, "b": {2, 0.75, 2, true}, "c": {2, 0.75, 2, true}, "d": {0, 0.5, 1, false}},
		},
		{
			// The hub lies on all C(4,2) = 6 leaf pairs.
			name: "a star's hub lies on every leaf pair", names: []string{"hub", "l1", "l2", "l3", "l4"},
			pairs: [][2]string{{"hub", "l1"}, {"hub", "l2"}, {"hub", "l3"}, {"hub", "l4"}},
			want:  map[string]want{"hub": {6, 1, 4, true}, "l1": {0, 4.0 / 7, 1, false}},
		},
		{
			// Each opposite pair has two shortest paths, one via each other node.
			name: "a square gives each node half a pair", names: []string{"a", "b", "c", "d"},
			pairs: [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}},
			want:  map[string]want{"a": {0.5, 0.75, 2, true}, "c": {0.5, 0.75, 2, true}},
		},
		{
			// Two components: closeness is scaled within the component; the
			// isolated node gets 0.
			name: "an isolated node has no closeness and a triangle no broker", names: []string{"a", "b", "c", "z"},
			pairs: [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}},
			want:  map[string]want{"a": {0, 1, 2, false}, "z": {0, 0, 0, false}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Analyze(relMap(tc.names, tc.pairs), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for id, w := range tc.want {
				ms := r.Measure(model.ID(id))
				if ms == nil {
					t.Fatalf("no measure for %s", id)
				}
				if math.Abs(ms.Betweenness-w.betweenness) > 1e-9 || math.Abs(ms.Closeness-w.closeness) > 1e-9 ||
					ms.Degree != w.degree || ms.Broker != w.broker {
					t.Errorf("%s: got betweenness %v closeness %v degree %d broker %v, want %+v",
						id, ms.Betweenness, ms.Closeness, ms.Degree, ms.Broker, w)
				}
			}
		})
	}
}

func TestFlowsMakeDirectedEdgesPerPairAndRespectTheStepRange(t *testing.T) {
	m := relMap([]string{"a", "b", "c"}, nil)
	sc := m.Scenarios[0]
	sc.Steps = []*model.Step{{ID: "s1"}, {ID: "s2"}, {ID: "s3"}}
	sc.Contributions = []*model.Contribution{
		{ID: "ca1", Step: "s1", Stakeholder: "a"}, {ID: "cb1", Step: "s1", Stakeholder: "b"},
		{ID: "cb2", Step: "s2", Stakeholder: "b"}, {ID: "cc3", Step: "s3", Stakeholder: "c"},
	}
	sc.Flows = []*model.Flow{
		{ID: "f1", From: "ca1", To: "cb1"}, {ID: "f2", From: "ca1", To: "cb2", Criticality: model.CriticalityHigh},
		{ID: "f3", From: "cb1", To: "cb2"}, {ID: "f4", From: "cb2", To: "cc3"},
	}
	r, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.FlowEdges) != 2 || r.FlowEdges[0].From != "a" || r.FlowEdges[0].To != "b" ||
		!slices.Equal(r.FlowEdges[0].Flows, []model.ID{"f1", "f2"}) || !r.FlowEdges[0].High || r.FlowEdges[1].High {
		t.Errorf("flow edges: %+v", r.FlowEdges)
	}
	if b := r.Measure("b"); b.InDegree != 1 || b.OutDegree != 1 || b.Betweenness != 1 || b.Flows != 4 {
		t.Errorf("b: %+v", b)
	}
	r, err = Analyze(m, Options{FromStep: "s1", ToStep: "s2"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.FlowEdges) != 1 || r.Measure("c").Degree != 0 || r.Measure("b").Betweenness != 0 {
		t.Errorf("range s1..s2: edges %+v, c %+v", r.FlowEdges, r.Measure("c"))
	}
	if _, err := Analyze(m, Options{FromStep: "s3", ToStep: "s1"}); err == nil {
		t.Error("a reversed range is accepted")
	}
	if _, err := Analyze(m, Options{Without: "nobody"}); err == nil {
		t.Error("an unknown stakeholder is accepted")
	}
}

// craftedMap holds each finding kind exactly once; see the comments.
func craftedMap() *model.Map {
	m := &model.Map{
		Stakeholders: []*model.Stakeholder{
			// h1 is the only one at the first step: the single point of
			// failure, and the broker (h2–h1–h3) that is not marked.
			{ID: "h1", Name: "Nurse", Organisation: "Hospital", Influence: 3, Attitude: 1},
			// Influential and negative; only informed at s3, leads s4.
			{ID: "h2", Name: "GP", Organisation: "Practice", Influence: 5, Attitude: -1},
			{ID: "h3", Name: "Patient", Influence: 2, Attitude: 2},
			// Marked as informal leader but no broker; the coalition's only member.
			{ID: "h4", Name: "Insurer", Organisation: "Insurer", Influence: 2, InformalLeader: true},
		},
		Coalitions: []*model.Coalition{{ID: "co1", Name: "Money", Members: []model.ID{"h4"}}},
	}
	lead, contr, cons, info := model.RoleLead, model.RoleContributes, model.RoleConsulted, model.RoleInformed
	sc := &model.Scenario{ID: "sc1", Name: "As-is",
		Steps: []*model.Step{{ID: "s1", Name: "Admission"}, {ID: "s2", Name: "Treatment"}, {ID: "s3", Name: "Discharge"}, {ID: "s4", Name: "Home"}},
		Contributions: []*model.Contribution{
			{ID: "c1", Step: "s1", Stakeholder: "h1", Role: lead},
			{ID: "c2", Step: "s2", Stakeholder: "h1", Role: lead},
			{ID: "c3", Step: "s2", Stakeholder: "h3", Role: lead},  // s2: two leads
			{ID: "c4", Step: "s3", Stakeholder: "h3", Role: contr}, // s3: no lead
			{ID: "c5", Step: "s3", Stakeholder: "h2", Role: info},
			{ID: "c6", Step: "s4", Stakeholder: "h2", Role: lead},
			{ID: "c7", Step: "s4", Stakeholder: "h4", Role: cons, Value: "Pays"}, // no flow
			{ID: "c8", Step: "s4", Stakeholder: "h3", Role: contr},
		},
		Flows: []*model.Flow{
			{ID: "f1", From: "c1", To: "c2", Kind: model.FlowHandOff},
			{ID: "f2", From: "c2", To: "c5", Kind: model.FlowReferral}, // Hospital → Practice
			{ID: "f3", From: "c3", To: "c4", Kind: model.FlowInformation},
			{ID: "f4", From: "c5", To: "c6", Kind: model.FlowHandOff},
			{ID: "f5", From: "c2", To: "c3", Kind: model.FlowInformation},
			{ID: "f6", From: "c4", To: "c8", Kind: model.FlowHandOff},
		},
	}
	m.Scenarios = []*model.Scenario{sc}
	return m
}

func TestCraftedMapHasEachFindingKindExactlyOnce(t *testing.T) {
	r, err := Analyze(craftedMap(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Finding{
		KindNoLead:            {Steps: []model.ID{"s3"}},
		KindTwoLeads:          {Steps: []model.ID{"s2"}, Stakeholders: []model.ID{"h1", "h3"}, Contributions: []model.ID{"c2", "c3"}},
		KindCrossOrganisation: {Steps: []model.ID{"s2", "s3"}, Stakeholders: []model.ID{"h1", "h2"}, Contributions: []model.ID{"c2", "c5"}, Flows: []model.ID{"f2"}},
		KindSinglePoint:       {Stakeholders: []model.ID{"h1"}},
		KindUnconnectedCard:   {Steps: []model.ID{"s4"}, Stakeholders: []model.ID{"h4"}, Contributions: []model.ID{"c7"}},
		KindNegativeInfluence: {Stakeholders: []model.ID{"h2"}},
		KindIdleCoalition:     {Stakeholders: []model.ID{"h4"}},
		KindInformedThenLeads: {Steps: []model.ID{"s3", "s4"}, Stakeholders: []model.ID{"h2"}, Contributions: []model.ID{"c5", "c6"}},
		KindBrokerNotLeader:   {Stakeholders: []model.ID{"h1"}},
		KindLeaderNotBroker:   {Stakeholders: []model.ID{"h4"}},
	}
	got := map[string]int{}
	for _, f := range r.Findings {
		got[f.Kind]++
		w, ok := want[f.Kind]
		if !ok {
			t.Errorf("unexpected finding %s: %s", f.Kind, f.Message)
			continue
		}
		if !slices.Equal(f.Steps, w.Steps) || !slices.Equal(f.Stakeholders, w.Stakeholders) ||
			!slices.Equal(f.Contributions, w.Contributions) || !slices.Equal(f.Flows, w.Flows) {
			t.Errorf("%s points at %v %v %v %v, want %v %v %v %v", f.Kind, f.Steps, f.Stakeholders, f.Contributions, f.Flows,
				w.Steps, w.Stakeholders, w.Contributions, w.Flows)
		}
		if f.Message == "" {
			t.Errorf("%s has no message", f.Kind)
		}
	}
	for k := range want {
		if got[k] != 1 {
			t.Errorf("%s found %d times, want once", k, got[k])
		}
	}
}

func TestWithoutTheTransferNurseBreaksHerFlowsAndLeavesHerStepsLeaderless(t *testing.T) {
	m := sample.Map()
	r, err := Analyze(m, Options{Without: "sh4"})
	if err != nil {
		t.Fatal(err)
	}
	// sh4 has cards c7, c10 and c15 and leads st3 and st4 alone.
	if want := []model.ID{"f4", "f5", "f6", "f7", "f8", "f9", "f11", "f12"}; !slices.Equal(r.Broken, want) {
		t.Errorf("broken flows %v, want %v", r.Broken, want)
	}
	if want := []model.ID{"st3", "st4"}; !slices.Equal(r.Leaderless, want) {
		t.Errorf("leaderless steps %v, want %v", r.Leaderless, want)
	}
	if !reflect.DeepEqual(m, sample.Map()) {
		t.Error("the what-if changed the map")
	}
	// Someone who leads nothing alone leaves no step leaderless.
	r, err = Analyze(m, Options{Without: "sh2"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Leaderless) != 0 || len(r.Broken) == 0 {
		t.Errorf("without the carer: leaderless %v, broken %v", r.Leaderless, r.Broken)
	}
}

func TestSampleFindingsIncludeTheDeliberateGaps(t *testing.T) {
	r, err := Analyze(sample.Map(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var noLead, negative bool
	for _, f := range r.Findings {
		noLead = noLead || f.Kind == KindNoLead && slices.Equal(f.Steps, []model.ID{"st10"})
		negative = negative || f.Kind == KindNegativeInfluence && slices.Equal(f.Stakeholders, []model.ID{"sh13"})
	}
	if !noLead || !negative {
		t.Errorf("missing the leaderless st10 (%v) or the insurer (%v)", noLead, negative)
	}
}

func TestJSONHasExactlyTheAgreedKeys(t *testing.T) {
	r, err := Analyze(craftedMap(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var out map[string][]map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	keys := func(o map[string]any) []string {
		var k []string
		for s := range o {
			k = append(k, s)
		}
		slices.Sort(k)
		return k
	}
	if len(out) != 2 || len(out["measures"]) != 4 || len(out["findings"]) != len(r.Findings) {
		t.Fatalf("top level: %s", buf.String())
	}
	if k := keys(out["measures"][0]); !slices.Equal(k, []string{"betweenness", "broker", "closeness", "degree", "stakeholder"}) {
		t.Errorf("measure keys %v", k)
	}
	for _, f := range out["findings"] {
		if k := keys(f); !slices.Equal(k, []string{"contributions", "kind", "message", "stakeholders", "steps"}) {
			t.Errorf("finding keys %v", k)
		}
		if f["steps"] == nil {
			t.Errorf("steps is null in %v", f)
		}
	}
	// A what-if is in the measures and findings, not beside them.
	buf.Reset()
	r, _ = Analyze(craftedMap(), Options{Without: "h1", Drop: true})
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out = nil
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || len(out["measures"]) != 3 || len(out["findings"]) != len(r.Findings) {
		t.Fatalf("top level with a what-if: %s", buf.String())
	}
}

// TestDroppingAStakeholderAnalysesTheMapWithoutIt: with Drop, the nurse
// (the crafted map's single point of failure, the only lead of the first
// step and one of the two of the second) is gone from the measures and the
// network; the findings open with the journey cut and each of her three
// flows broken, pointing at both of its cards; her step has no lead and
// says so with her name and card; the step she led with the patient no
// longer has two leads; nothing else names her; the map is unchanged.
func TestDroppingAStakeholderAnalysesTheMapWithoutIt(t *testing.T) {
	m := craftedMap()
	r, err := Analyze(m, Options{Without: "h1", Drop: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, craftedMap()) {
		t.Fatal("the what-if changed the map")
	}
	var measured []model.ID
	for _, ms := range r.Measures {
		measured = append(measured, ms.Stakeholder)
	}
	if !slices.Equal(measured, []model.ID{"h2", "h3", "h4"}) {
		t.Errorf("measures of %v, want h2 h3 h4", measured)
	}
	for _, e := range append(r.Relations, r.FlowEdges...) {
		if e.From == "h1" || e.To == "h1" {
			t.Errorf("the network keeps an edge %s–%s", e.From, e.To)
		}
	}
	if !slices.Equal(r.Broken, []model.ID{"f1", "f2", "f5"}) || !slices.Equal(r.Leaderless, []model.ID{"s1"}) || !r.JourneyCut {
		t.Errorf("broken %v, leaderless %v, cut %v", r.Broken, r.Leaderless, r.JourneyCut)
	}
	want := []Finding{
		{Kind: KindJourneyCut, Message: `Without Nurse the journey's flows no longer run from "Admission" to "Home"`, Steps: []model.ID{"s1", "s4"}, Stakeholders: []model.ID{"h1"}},
		{Kind: KindBrokenFlow, Message: "Without Nurse the hand-off from Nurse to Nurse breaks", Steps: []model.ID{"s1", "s2"}, Stakeholders: []model.ID{"h1"}, Contributions: []model.ID{"c1", "c2"}, Flows: []model.ID{"f1"}},
		{Kind: KindBrokenFlow, Message: "Without Nurse the referral from Nurse to GP breaks", Steps: []model.ID{"s2", "s3"}, Stakeholders: []model.ID{"h1", "h2"}, Contributions: []model.ID{"c2", "c5"}, Flows: []model.ID{"f2"}},
		{Kind: KindBrokenFlow, Message: "Without Nurse the information from Nurse to Patient breaks", Steps: []model.ID{"s2"}, Stakeholders: []model.ID{"h1", "h3"}, Contributions: []model.ID{"c2", "c3"}, Flows: []model.ID{"f5"}},
		{Kind: KindNoLead, Message: `Without Nurse step "Admission" has no lead`, Steps: []model.ID{"s1"}, Stakeholders: []model.ID{"h1"}, Contributions: []model.ID{"c1"}},
		{Kind: KindNoLead, Message: `Step "Discharge" has no lead`, Steps: []model.ID{"s3"}},
	}
	if len(r.Findings) < len(want) || !reflect.DeepEqual(r.Findings[:len(want)], want) {
		t.Fatalf("findings start\n%+v\nwant\n%+v", r.Findings[:min(len(want), len(r.Findings))], want)
	}
	for _, f := range r.Findings[len(want):] {
		if f.Kind == KindTwoLeads || f.Kind == KindSinglePoint || slices.Contains(f.Stakeholders, "h1") || strings.Contains(f.Message, "Nurse") {
			t.Errorf("a finding of the whole map: %s: %s", f.Kind, f.Message)
		}
	}
	// Without Drop the map is analysed whole, as the network view draws it.
	whole, _ := Analyze(m, Options{Without: "h1"})
	if whole.Measure("h1") == nil || !slices.Equal(whole.Broken, r.Broken) {
		t.Errorf("without Drop: measure of h1 %v, broken %v", whole.Measure("h1"), whole.Broken)
	}
}

// TestListsOfNamesAreInTheUsersLanguage: the leads of a step are listed
// "A, B and C" in English and "A, B en C" in Dutch.
func TestListsOfNamesAreInTheUsersLanguage(t *testing.T) {
	m := craftedMap()
	sc := m.Scenarios[0]
	sc.Contributions = append(sc.Contributions, &model.Contribution{ID: "c9", Step: "s2", Stakeholder: "h2", Role: model.RoleLead})
	for _, tc := range []struct {
		lang, want string
	}{
		{"en", `Step "Treatment" has 3 leads: Nurse, Patient and GP`},
		{"nl", `Stap "Treatment" heeft 3 leidende partijen: Nurse, Patient en GP`},
	} {
		r, err := Analyze(m, Options{Translate: translations.Lookup(tc.lang)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range r.Findings {
			if f.Kind == KindTwoLeads {
				got = append(got, f.Message)
			}
		}
		if !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestTextNamesTheStakeholdersAndListsReadably: the text gives the
// scenario and its steps, a row per stakeholder with its id and name, a
// what-if in words and the findings one per line, without Go's [a b c];
// in Dutch every word of it is Dutch.
func TestTextNamesTheStakeholdersAndListsReadably(t *testing.T) {
	r, err := Analyze(craftedMap(), Options{Without: "h1", Drop: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`Scenario "As-is", steps 1. Admission to 4. Home` + "\n",
			"Without Nurse (h1): 3 flows break, 1 step loses its lead and the journey is cut\n",
			"\nid  Stakeholder  Degree  In  Out  Flows  Betweenness  Closeness  Broker  Informal leader\n",
			"\nh2  GP  ", "\nh4  Insurer  ",
			"\n" + fmt.Sprint(len(r.Findings)) + " findings\n- Without Nurse the journey's flows",
			"\n- Without Nurse the referral from Nurse to GP breaks\n",
		}},
		{"nl", []string{
			`Scenario "As-is", stappen 1. Admission t/m 4. Home` + "\n",
			"Zonder Nurse (h1): 3 overdrachten vallen weg, 1 stap verliest zijn leiding en de patiëntreis is onderbroken\n",
			"\nid  Stakeholder  Verbindingen  In  Uit  Overdrachten  Tussenpositie  Nabijheid  Makelaar  Informele leider\n",
			"bevindingen\n- Zonder Nurse lopen de overdrachten",
		}},
	} {
		rl, _ := Analyze(craftedMap(), Options{Without: "h1", Drop: true, Translate: translations.Lookup(tc.lang)})
		var buf bytes.Buffer
		if err := WriteText(&buf, craftedMap(), rl, translations.Lookup(tc.lang)); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		// The table pads its columns; compare with single gaps of two.
		squeezed := regexp.MustCompile(` {2,}`).ReplaceAllString(out, "  ")
		for _, w := range tc.want {
			if !strings.Contains(squeezed, w) {
				t.Errorf("%s: no %q in\n%s", tc.lang, w, out)
			}
		}
		if strings.Contains(out, "[") || strings.Contains(out, "h1 ") && !strings.Contains(out, "(h1)") {
			t.Errorf("%s: a Go list or a bare id:\n%s", tc.lang, out)
		}
		if strings.Contains(out, "\nh1 ") {
			t.Errorf("%s: the stakeholder left out has a row:\n%s", tc.lang, out)
		}
	}
	nl := translations.Lookup("nl")
	for _, w := range TextWords {
		if nl(w) == w && w != "In" && w != "Stakeholder" {
			t.Errorf("%q has no Dutch phrase", w)
		}
	}
}

func BenchmarkAnalyzeL(b *testing.B) {
	m := sample.Generate(sample.L)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(m, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnalyzeXL(b *testing.B) {
	if testing.Short() {
		b.Skip("XL")
	}
	m := sample.Generate(sample.XL)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(m, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
