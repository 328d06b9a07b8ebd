package analysis

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"valueflow/app/translations"
	"valueflow/model"
	"valueflow/model/sample"
)

// randomLanes is a network of n nodes with about m random links, some
// nodes left alone, so it has groups of many sizes.
func randomLanes(r *rand.Rand, n, m int) *lanes {
	g := newLanes(n)
	for i := 0; i < m; i++ {
		g.link(r.IntN(n), r.IntN(n))
	}
	return g
}

func TestSearchesFromEveryMemberGiveGonumsMeasures(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + r.IntN(60)
		g := randomLanes(r, n, r.IntN(3*n))
		groups := components(g)
		wantBet, wantClo := exactCentrality(g, groups)
		bet, clo, est := searchCentrality(g, groups, n)
		if est != (Estimate{}) {
			t.Fatalf("trial %d: searched from every member but estimate %+v", trial, est)
		}
		for i := 0; i < n; i++ {
			if math.Abs(bet[i]-wantBet[i]) > 1e-9 || math.Abs(clo[i]-wantClo[i]) > 1e-12 {
				t.Fatalf("trial %d (%d nodes), node %d: betweenness %v closeness %v, gonum %v %v",
					trial, n, i, bet[i], clo[i], wantBet[i], wantClo[i])
			}
		}
	}
}

func TestOnlyGroupsLargerThanTheLimitAreEstimated(t *testing.T) {
	// A group of 150 (a ring with chords) and a separate group of 30.
	g := newLanes(180)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 150; i++ {
		g.link(i, (i+1)%150)
		g.link(i, r.IntN(150))
	}
	for i := 150; i < 180; i++ {
		g.link(i, 150+(i-149)%30)
		g.link(i, 150+r.IntN(30))
	}
	groups := components(g)
	wantBet, wantClo := exactCentrality(g, groups)
	bet, clo, est := searchCentrality(g, groups, 40)
	if est != (Estimate{Pivots: 40, Stakeholders: 150}) {
		t.Fatalf("estimate %+v, want 40 pivots for the 150", est)
	}
	for i := 150; i < 180; i++ {
		if math.Abs(bet[i]-wantBet[i]) > 1e-9 || math.Abs(clo[i]-wantClo[i]) > 1e-12 {
			t.Errorf("node %d of the small group: %v %v, exact %v %v", i, bet[i], clo[i], wantBet[i], wantClo[i])
		}
	}
	again, _, _ := searchCentrality(g, groups, 40)
	if !reflect.DeepEqual(again, bet) {
		t.Error("two estimates of the same network differ")
	}
}

// networkOf rebuilds the network an analysis was made on from its edges.
func networkOf(m *model.Map, r *Result) *lanes {
	lane := map[model.ID]int{}
	for i, s := range m.Stakeholders {
		lane[s.ID] = i
	}
	g := newLanes(len(m.Stakeholders))
	for _, e := range append(append([]Edge(nil), r.Relations...), r.FlowEdges...) {
		g.link(lane[e.From], lane[e.To])
	}
	return g
}

func TestAnXLMapsMeasuresAreEstimatedCloseToTheExactOnes(t *testing.T) {
	if testing.Short() {
		t.Skip("exact measures of an XL map take a second")
	}
	m := sample.Generate(sample.XL)
	res, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Estimate != (Estimate{Pivots: ExactUpTo, Stakeholders: 400}) {
		t.Fatalf("estimate %+v, want %d pivots of 400", res.Estimate, ExactUpTo)
	}
	g := networkOf(m, res)
	exactBet, exactClo := exactCentrality(g, components(g))
	for i, ms := range res.Measures {
		if ms.Degree != g.degree(i) {
			t.Fatalf("the rebuilt network is not the analysed one: %s degree %d, rebuilt %d", ms.Stakeholder, ms.Degree, g.degree(i))
		}
	}

	// Closeness: 1 / mean distance, which pivots estimate within a few per cent.
	worstClo := 0.0
	for i, ms := range res.Measures {
		worstClo = max(worstClo, math.Abs(ms.Closeness-exactClo[i])/exactClo[i])
	}
	// Betweenness: what users read off it is who ranks high; the exact top
	// quartile is found again, and the total is about right.
	rank := func(b []float64) []int {
		idx := make([]int, len(b))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, c int) bool { return b[idx[a]] > b[idx[c]] })
		return idx
	}
	est := make([]float64, len(res.Measures))
	sumEst, sumExact := 0.0, 0.0
	for i, ms := range res.Measures {
		est[i] = ms.Betweenness
		sumEst += ms.Betweenness
		sumExact += exactBet[i]
	}
	q := len(est) / 4
	top := map[int]bool{}
	for _, i := range rank(exactBet)[:q] {
		top[i] = true
	}
	found := 0
	for _, i := range rank(est)[:q] {
		if top[i] {
			found++
		}
	}
	t.Logf("closeness worst error %.1f %%; top quartile %d of %d found; betweenness total %.0f, exact %.0f",
		100*worstClo, found, q, sumEst, sumExact)
	if worstClo > 0.05 {
		t.Errorf("closeness off by up to %.1f %%, want within 5 %%", 100*worstClo)
	}
	if found < q*3/4 {
		t.Errorf("the estimate's top quartile holds %d of the exact top %d, want 75 %%", found, q)
	}
	if math.Abs(sumEst-sumExact)/sumExact > 0.05 {
		t.Errorf("betweenness sums to %.0f, exact %.0f", sumEst, sumExact)
	}
}

func TestAnLMapsMeasuresAreExact(t *testing.T) {
	res, err := Analyze(sample.Generate(sample.L), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Estimate != (Estimate{}) {
		t.Errorf("an L map (40 stakeholders) is estimated: %+v", res.Estimate)
	}
}

// TestTheTextSaysWhenTheMeasuresAreEstimated: a reader of an XL map's
// measures learns that they are estimates and from how many searches, in
// their language; an L map's text says nothing of the kind.
func TestTheTextSaysWhenTheMeasuresAreEstimated(t *testing.T) {
	for _, tc := range []struct {
		size sample.Size
		lang string
		want string
	}{
		{sample.XL, "en", "\nBetweenness and closeness are estimated from 200 of 400 stakeholders (exact for up to 200 connected stakeholders).\n"},
		{sample.XL, "nl", "\nTussenpositie en nabijheid zijn geschat uit 200 van de 400 stakeholders (exact tot 200 onderling verbonden stakeholders).\n"},
		{sample.L, "en", ""},
	} {
		m := sample.Generate(tc.size)
		tr := translations.Lookup(tc.lang)
		res, err := Analyze(m, Options{Translate: tr})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteText(&buf, m, res, tr); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		switch {
		case tc.want != "" && !strings.Contains(out, tc.want):
			t.Errorf("%s %s: no %q after the table", tc.size, tc.lang, tc.want)
		case tc.want == "" && strings.Contains(out, "estimated"):
			t.Errorf("%s: exact measures called estimated", tc.size)
		}
	}
}
