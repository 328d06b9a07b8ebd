package scene

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func TestParsePaper(t *testing.T) {
	tests := []struct {
		in      string
		want    Paper
		wantErr string
	}{
		{"A4", A4, ""},
		{"a3", A3, ""},
		{" letter ", Letter, ""},
		{"B5", "", `unknown paper "B5" (valid: A4, A3, Letter)`},
		{"", "", `unknown paper "" (valid: A4, A3, Letter)`},
	}
	for _, tt := range tests {
		got, err := ParsePaper(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParsePaper(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePaper(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// boardLike is a scene with bands, lanes and steps like the board's.
func boardLike(lanes, steps int) *Scene {
	const left, top, colW, laneH = 150, 90, 170, 90
	s := &Scene{Width: left + colW*float32(steps), Height: top + laneH*float32(lanes), LeftBand: left, TopBand: top}
	for l := 0; l < lanes; l++ {
		s.Add(Item{Group: "lane:h" + string(rune('a'+l%26)), Box: &Box{Rect: Rect{0, top + laneH*float32(l), s.Width, laneH}}})
	}
	for st := 0; st < steps; st++ {
		s.Add(Item{Group: "step:s", Box: &Box{Rect: Rect{left + colW*float32(st), 0, colW, top}}})
	}
	s.Add(Item{Group: "card:c1", Box: &Box{Rect: Rect{left + 10, top + 10, 150, 60}}})
	return s
}

func TestPaginatePrintsTheBoardLegendOnlyOnABoard(t *testing.T) {
	board := boardLike(3, 4)
	other := &Scene{Width: 800, Height: 600}
	other.Add(Item{Group: "node:h1", Circle: &Circle{Center: Point{100, 100}, Radius: 10}})
	tests := []struct {
		name   string
		s      *Scene
		legend []LegendSection
		want   bool
	}{
		{"a board gets the default legend", board, nil, true},
		{"another view gets none", other, nil, false},
		{"an empty legend prints none on a board", board, []LegendSection{}, false},
		{"a given legend prints on any view", other, []LegendSection{{Title: "Roles", Entries: []LegendEntry{{Label: "lead"}}}}, true},
	}
	for _, tt := range tests {
		pages, err := Paginate(tt.s, PageSetup{Fit: true}, PageInfo{Legend: tt.legend})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(pageTexts(pages[0]), "Roles:"); got != tt.want {
			t.Errorf("%s: legend printed = %v", tt.name, got)
		}
	}
}

func pageTexts(p Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		if it.Text != nil {
			b.WriteString(strings.Join(it.Text.Lines, " ") + "\n")
		}
	}
	return b.String()
}

func TestPaginateFitsOnePage(t *testing.T) {
	s := boardLike(12, 20)
	pages, err := Paginate(s, PageSetup{Paper: A3, Landscape: true, Fit: true}, PageInfo{Title: "Zorgpad", Scenario: "As-is", Date: "2026-11-22"})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	p := pages[0]
	if pageAbs(p.Width-420*PtPerMM) > 0.1 || pageAbs(p.Height-297*PtPerMM) > 0.1 {
		t.Errorf("page is %g × %g pt, want A3 landscape", p.Width, p.Height)
	}
	v := p.Views[0]
	if v.Src != (Rect{0, 0, s.Width, s.Height}) {
		t.Errorf("the view shows %v, want the whole scene", v.Src)
	}
	m := float32(DefaultMarginMM) * PtPerMM
	if v.Dst.X < m || v.Dst.Y < m || v.Dst.X+v.Dst.W > p.Width-m+0.01 || v.Dst.Y+v.Dst.H > p.Height-m+0.01 {
		t.Errorf("the view %v leaves the margins of %g × %g", v.Dst, p.Width, p.Height)
	}
	txt := pageTexts(p)
	for _, want := range []string{"Zorgpad", "Scenario: As-is", "2026-11-22", "page 1 of 1", "Roles:", "lead", "Flows:", "Experience:"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the page lacks %q:\n%s", want, txt)
		}
	}
}

func TestPaginateTiles(t *testing.T) {
	tests := []struct {
		name  string
		s     *Scene
		setup PageSetup
	}{
		{"a board on A4 portrait at 100 %", boardLike(12, 20), PageSetup{Paper: A4}},
		{"a board on A3 landscape at 100 %", boardLike(40, 60), PageSetup{Paper: A3, Landscape: true}},
		{"a board on Letter landscape at 150 %", boardLike(3, 4), PageSetup{Paper: Letter, Landscape: true, ScalePct: 150}},
		{"a scene without bands at 50 %", &Scene{Width: 5000, Height: 3000}, PageSetup{Paper: A4, ScalePct: 50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.s
			pages, err := Paginate(s, tt.setup, PageInfo{Title: "T"})
			if err != nil {
				t.Fatal(err)
			}
			rows, cols := pages[0].Rows, pages[0].Cols
			if len(pages) != rows*cols || len(pages) < 2 {
				t.Fatalf("%d pages for %d × %d tiles", len(pages), rows, cols)
			}
			scale := (tt.setup.ScalePct + map[bool]float32{true: 100}[tt.setup.ScalePct == 0]) / 100
			ov := float32(OverlapMM) * PtPerMM / scale
			for i, p := range pages {
				if p.Number != i+1 || p.Count != len(pages) || p.Row != i/cols || p.Col != i%cols {
					t.Errorf("page %d says number %d of %d at %d,%d", i+1, p.Number, p.Count, p.Row, p.Col)
				}
				body := p.Views[0]
				if pageAbs(body.Scale-scale) > 1e-4 {
					t.Errorf("page %d is at scale %g", p.Number, body.Scale)
				}
				if s.LeftBand > 0 && s.TopBand > 0 && len(p.Views) != 4 {
					t.Errorf("page %d repeats %d views, want body, lane names, step names and corner", p.Number, len(p.Views))
				}
				// Neighbours overlap by at least 10 mm and leave no gap.
				if p.Col+1 < cols {
					next := pages[i+1].Views[0].Src
					if shared := body.Src.X + body.Src.W - next.X; shared < ov-0.01 {
						t.Errorf("page %d and the next share %g, want at least %g", p.Number, shared, ov)
					}
				} else if body.Src.X+body.Src.W < s.Width-0.01 {
					t.Errorf("the last column ends at %g of %g", body.Src.X+body.Src.W, s.Width)
				}
				if p.Row+1 < rows {
					next := pages[i+cols].Views[0].Src
					if shared := body.Src.Y + body.Src.H - next.Y; shared < ov-0.01 {
						t.Errorf("page %d and the one below share %g, want at least %g", p.Number, shared, ov)
					}
				} else if body.Src.Y+body.Src.H < s.Height-0.01 {
					t.Errorf("the last row ends at %g of %g", body.Src.Y+body.Src.H, s.Height)
				}
				for _, v := range p.Views {
					if v.Dst.X < 0 || v.Dst.Y < 0 || v.Dst.X+v.Dst.W > p.Width || v.Dst.Y+v.Dst.H > p.Height {
						t.Errorf("page %d: view %v runs off the paper", p.Number, v.Dst)
					}
				}
				txt := pageTexts(p)
				want := []string{"page " + itoa(p.Number) + " of " + itoa(len(pages)), "row " + RowName(p.Row) + ", column " + itoa(p.Col+1)}
				// The notes at the edges name the neighbouring sheets.
				if p.Col+1 < cols {
					want = append(want, "→ "+itoa(p.Number+1)+" ("+RowName(p.Row)+itoa(p.Col+2)+")")
				}
				if p.Row+1 < rows {
					want = append(want, "↓ "+itoa(p.Number+cols)+" ("+RowName(p.Row+1)+itoa(p.Col+1)+")")
				}
				if p.Col > 0 {
					want = append(want, "← "+itoa(p.Number-1)+" ("+RowName(p.Row)+itoa(p.Col)+")")
				}
				if p.Row > 0 {
					want = append(want, "↑ "+itoa(p.Number-cols)+" ("+RowName(p.Row-1)+itoa(p.Col+1)+")")
				}
				for _, w := range want {
					if !strings.Contains(txt, w) {
						t.Errorf("page %d lacks %q", p.Number, w)
					}
				}
			}
		})
	}
}

func TestPaginateStartsTilesAtLaneEdges(t *testing.T) {
	s := boardLike(12, 20)
	pages, err := Paginate(s, PageSetup{Paper: A4, Landscape: true}, PageInfo{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages[1:] {
		src := p.Views[0].Src
		if p.Row > 0 && int(src.Y-90)%90 != 0 {
			t.Errorf("page %d starts at y %g, inside a lane", p.Number, src.Y)
		}
		if p.Col > 0 && int(src.X-150)%170 != 0 {
			t.Errorf("page %d starts at x %g, inside a step", p.Number, src.X)
		}
	}
}

func TestPaginateRefuses(t *testing.T) {
	s := boardLike(40, 60)
	tests := []struct {
		name  string
		setup PageSetup
		want  string
	}{
		{"an unknown paper", PageSetup{Paper: "B5"}, `unknown paper "B5"`},
		{"a scale below 10 %", PageSetup{ScalePct: 5}, "scale 5 % is out of range 10..400"},
		{"a scale that takes too many pages", PageSetup{ScalePct: 400}, "would take"},
		{"margins that leave no room", PageSetup{MarginMM: 40, Paper: A4}, ""},
		{"a negative margin", PageSetup{MarginMM: -1}, "margin -1 mm is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Paginate(s, tt.setup, PageInfo{})
			if tt.want == "" {
				return // only must not panic
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRowName(t *testing.T) {
	for row, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 52: "BA"} {
		if got := RowName(row); got != want {
			t.Errorf("RowName(%d) = %q, want %q", row, got, want)
		}
	}
}

func pageAbs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPaginateTranslatesThePagePhrases(t *testing.T) {
	nl := map[string]string{"page %d of %d": "pagina %d van %d", "row %s, column %d": "rij %s, kolom %d",
		"Scenario: %s": "Scenario: %s", "landscape": "liggend", "Roles": "Rollen", "role.lead": "leidend"}
	tr := func(s string) string {
		if v, ok := nl[s]; ok {
			return v
		}
		return s
	}
	pages, err := Paginate(boardLike(12, 20), PageSetup{Paper: A4, Landscape: true}, PageInfo{Title: "Zorgpad", Translate: tr})
	if err != nil {
		t.Fatal(err)
	}
	txt := pageTexts(pages[1])
	for _, want := range []string{"pagina 2 van", "rij A, kolom 2", "A4 liggend, 100 %", "Rollen:", "leidend"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the page lacks %q:\n%s", want, txt)
		}
	}
}

// inkRect is where a furniture text's letters are on the page, measured in
// the printed font.
func inkRect(t *Text) Rect {
	var w float32
	for _, l := range t.Lines {
		w = max(w, MeasureText(l, t.Size, t.Bold))
	}
	x := t.X
	switch t.Align {
	case AlignCenter:
		x += (t.W - w) / 2
	case AlignRight:
		x += t.W - w
	}
	return Rect{x, t.Y, w, t.Size * 1.2 * float32(len(t.Lines))}
}

// dutchWords reads the app's Dutch translations, so the sheets are checked
// with the longer Dutch words too; nil when the file is not there.
func dutchWords(t *testing.T) func(string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "app", "translations", "nl.json"))
	if err != nil {
		t.Logf("no Dutch translations: %v", err)
		return nil
	}
	var nl map[string]string
	if err := json.Unmarshal(b, &nl); err != nil {
		t.Fatal(err)
	}
	return func(k string) string {
		if v, ok := nl[k]; ok {
			return v
		}
		return k
	}
}

func TestPageTextsNeverPrintOverEachOther(t *testing.T) {
	m := sample.Map()
	real := Board(m, m.Scenarios[0].ID, BoardOptions{})
	long := PageInfo{Title: strings.Repeat("Kwetsbare oudere: van ziekenhuis naar huis ", 3), Scenario: "Huidige situatie · richten · Regio Vechtdal (Overijssel)", Date: "2026-12-01"}
	scenes := []struct {
		name string
		s    *Scene
	}{{"the sample board", real}, {"a board of 12 lanes and 20 steps", boardLike(12, 20)}, {"a board of 40 lanes and 60 steps", boardLike(40, 60)}}
	for _, v := range analysisViews(t) { // the network, grid and roles, whose header names the view
		scenes = append(scenes, struct {
			name string
			s    *Scene
		}{v.name, v.s})
	}
	setups := []PageSetup{
		{Paper: A4}, {Paper: A4, Landscape: true}, {Paper: A3, Landscape: true}, {Paper: A3},
		{Paper: Letter, ScalePct: 150}, {Paper: A4, ScalePct: 40}, {Paper: A4, Fit: true},
	}
	for _, lang := range []struct {
		name string
		tr   func(string) string
	}{{"in English", nil}, {"in Dutch", dutchWords(t)}} {
		for _, sc := range scenes {
			for _, setup := range setups {
				info := long
				info.Translate = lang.tr
				pages, err := Paginate(sc.s, setup, info)
				if err != nil {
					if strings.Contains(err.Error(), "would take") {
						continue
					}
					t.Fatal(err)
				}
				for _, p := range pages {
					var inks []Rect
					var texts []string
					for _, it := range p.Items {
						if it.Text == nil {
							continue
						}
						r := inkRect(it.Text)
						if r.X < 0 || r.Y < 0 || r.X+r.W > p.Width || r.Y+r.H > p.Height {
							t.Errorf("%s %s on %s, page %d: %q runs off the paper", sc.name, lang.name, setup, p.Number, it.Text.Lines)
						}
						for k, o := range inks {
							// Shrunk a little: letters of one line may touch.
							in := Rect{o.X + 0.2, o.Y + 0.2, o.W - 0.4, o.H - 0.4}
							if in.Intersects(r) {
								t.Errorf("%s %s on %s, page %d: %q prints over %q", sc.name, lang.name, setup, p.Number, it.Text.Lines, texts[k])
							}
						}
						inks = append(inks, r)
						texts = append(texts, strings.Join(it.Text.Lines, " "))
					}
				}
			}
		}
	}
}

func TestPageSetupCheck(t *testing.T) {
	tests := []struct {
		name  string
		setup PageSetup
		want  string // "" when it prints
	}{
		{"accepts the defaults", PageSetup{}, ""},
		{"accepts 10 %", PageSetup{ScalePct: 10}, ""},
		{"accepts 400 %", PageSetup{ScalePct: 400}, ""},
		{"refuses 9 %", PageSetup{ScalePct: 9}, "scale 9 % is out of range 10..400"},
		{"refuses 401 %", PageSetup{ScalePct: 401}, "scale 401 % is out of range 10..400"},
		{"refuses a negative scale", PageSetup{ScalePct: -50}, "out of range 10..400"},
		{"ignores the scale when fitting", PageSetup{Fit: true, ScalePct: 5}, ""},
		{"refuses an unknown paper", PageSetup{Paper: "A5"}, `unknown paper "A5" (valid: A4, A3, Letter)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.setup.Check()
			if tt.want == "" {
				if err != nil {
					t.Errorf("error = %v", err)
				}
				return
			}
			var se *SetupError
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &se) {
				t.Fatalf("error = %v, want a SetupError saying %q", err, tt.want)
			}
			// The format is the translation key; the message fills it in.
			if fmt.Sprintf(se.Format, se.Args...) != err.Error() {
				t.Errorf("format %q with %v does not give %q", se.Format, se.Args, err)
			}
		})
	}
}

func TestWordIsNeverAKey(t *testing.T) {
	for _, key := range []string{"stage.richten", "criticality.high", "role.lead", "capital.social", "page %d of %d"} {
		w := Word(nil, key)
		if w == "" || (strings.Contains(key, ".") && w == key) {
			t.Errorf("Word(nil, %q) = %q", key, w)
		}
	}
	if w := Word(func(string) string { return "richten" }, "stage.richten"); w != "richten" {
		t.Errorf("a translator's word was replaced by %q", w)
	}
}

// TestLegendDrawsFlowsAsTheBoardDoes lays out a board with a flow of every
// kind and criticality and checks each line against the printed key.
func TestLegendDrawsFlowsAsTheBoardDoes(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	if len(sc.Flows) < len(model.FlowKinds)*len(model.Criticalities) {
		t.Fatalf("the sample has only %d flows", len(sc.Flows))
	}
	for i := range sc.Flows {
		sc.Flows[i].Kind = model.FlowKinds[i%len(model.FlowKinds)]
		sc.Flows[i].Criticality = model.Criticalities[(i/len(model.FlowKinds))%len(model.Criticalities)]
	}
	byLabel := map[string]LegendEntry{}
	var titles []string
	for _, sec := range DefaultLegend() {
		titles = append(titles, sec.Title)
		for _, e := range sec.Entries {
			byLabel[e.Label] = e
		}
	}
	for _, want := range []string{"Roles", "Capital", "Flows", "Criticality", "Experience"} {
		if !slices.Contains(titles, want) {
			t.Errorf("the legend has no %q section (it has %v)", want, titles)
		}
	}
	for _, c := range model.Capitals {
		if _, ok := byLabel["capital."+string(c)]; !ok {
			t.Errorf("the legend does not name the %s capital", c)
		}
	}
	s := Board(m, sc.ID, BoardOptions{})
	seen := map[string]bool{}
	for _, it := range s.Items {
		if it.Path == nil || !strings.HasPrefix(it.Group, "flow:") {
			continue
		}
		f := sc.Flow(model.ID(strings.TrimPrefix(it.Group, "flow:")))
		check := func(label string) {
			e, ok := byLabel[label]
			if !ok {
				t.Errorf("the legend has no entry %q", label)
				return
			}
			seen[label] = true
			if e.Stroke != it.Path.Stroke || e.StrokeWidth != it.Path.Width || e.Dashed != it.Path.Dashed {
				t.Errorf("flow %s (%s, %s) is drawn %v %g dashed=%v; the legend's %q shows %v %g dashed=%v",
					f.ID, f.Kind, f.Criticality, it.Path.Stroke, it.Path.Width, it.Path.Dashed, label, e.Stroke, e.StrokeWidth, e.Dashed)
			}
		}
		if f.Criticality == model.CriticalityNormal {
			check("flow." + string(f.Kind))
		}
		if f.Kind == model.FlowHandOff {
			check("criticality." + string(f.Criticality))
		}
	}
	for _, k := range model.FlowKinds {
		if !seen["flow."+string(k)] {
			t.Errorf("no %s flow of normal criticality was drawn to compare with", k)
		}
	}
}

func TestALegendSectionStaysOnOneRow(t *testing.T) {
	for _, tr := range []func(string) string{nil, dutchWords(t)} {
		for _, paper := range []PageSetup{{Paper: A4}, {Paper: A4, Landscape: true}, {Paper: A3, Landscape: true}} {
			pw, _ := paper.SizePt()
			width := pw - 2*DefaultMarginMM*PtPerMM
			legend := DefaultLegend()
			items, _ := layoutLegend(legend, width, func(k string) string { return Word(tr, k) })
			items = items[1:] // the rule
			for _, sec := range legend {
				title := items[0].Text
				items = items[1:]
				for _, e := range sec.Entries {
					if e.Swatch != SwatchWord {
						items = items[1:]
					}
					if text := items[0].Text; text.Y != title.Y+0.5 {
						t.Errorf("on %s the %q entry %q is on another row than its section", paper, sec.Title, text.Lines[0])
					}
					items = items[1:]
				}
			}
		}
	}
}
