package scene

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/model/sample"
)

// printedView is one of the analysis views of a map, as it is exported.
type printedView struct {
	name string
	s    *Scene
}

var (
	viewsOnce sync.Once
	views     []printedView
)

// analysisViews lays out the network, grid and roles of the sample and of
// an L map once for the tests of this file.
func analysisViews(t *testing.T) []printedView {
	t.Helper()
	viewsOnce.Do(func() {
		for _, mp := range []struct {
			name string
			m    *model.Map
		}{{"sample", sample.Map()}, {"L", sample.Generate(sample.L)}} {
			sc := mp.m.Scenarios[0].ID
			res, err := analysis.Analyze(mp.m, analysis.Options{Scenario: sc})
			if err != nil {
				panic(err)
			}
			views = append(views,
				printedView{"the network of the " + mp.name, Network(mp.m, res, NetworkOptions{Engine: Neato})},
				printedView{"the grid of the " + mp.name, Grid(mp.m, GridOptions{})},
				printedView{"the roles of the " + mp.name, Roles(mp.m, sc)})
		}
	})
	return views
}

// papers are the sheets the views are checked on, each at the view's own
// default, fitted, and tiled at 100 %.
var printSetups = func() []PageSetup {
	var out []PageSetup
	for _, paper := range []PageSetup{{Paper: A4, Landscape: true}, {Paper: A3}, {Paper: A4}} {
		for _, how := range []PageSetup{{}, {Fit: true}, {ScalePct: 100}} {
			p := paper
			p.Fit, p.ScalePct = how.Fit, how.ScalePct
			out = append(out, p)
		}
	}
	return out
}()

func setupName(ps PageSetup) string {
	if !ps.Fit && ps.ScalePct == 0 {
		return ps.String() + " (the view's default)"
	}
	return ps.String()
}

func TestTheNetworkAndGridPrintOnOnePageUnlessAScaleIsAsked(t *testing.T) {
	for _, v := range analysisViews(t) {
		for _, setup := range []PageSetup{{Paper: A4, Landscape: true}, {Paper: A3}, {Paper: A4}} {
			pages, err := Paginate(v.s, setup, PageInfo{})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case strings.Contains(v.name, "roles"):
				continue // TestTheRolesMatrixFitsWhenItStaysReadable
			case len(pages) != 1:
				t.Errorf("%s on %s by default: %d pages, want it fitted on one", v.name, setup, len(pages))
			}
		}
	}
	m := sample.Map()
	board := Board(m, m.Scenarios[0].ID, BoardOptions{})
	if pages, _ := Paginate(board, PageSetup{Paper: A4, Landscape: true}, PageInfo{}); len(pages) < 2 || pages[0].Views[0].Scale != 1 {
		t.Errorf("the board is no longer tiled at 100 %% by default: %d pages", len(pages))
	}
	// A scale asked for is what is printed (within MaxSliverShrink).
	net := analysisViews(t)[3].s // the L map's network
	pages, err := Paginate(net, PageSetup{Paper: A4, Landscape: true, ScalePct: 200}, PageInfo{})
	if err != nil {
		t.Fatal(err)
	}
	if scale := pages[0].Views[0].Scale; len(pages) < 4 || scale < 2*(1-MaxSliverShrink) || scale > 2 {
		t.Errorf("the L network at 200 %%: %d pages at scale %g", len(pages), scale)
	}
}

func TestTheRolesMatrixFitsWhenItStaysReadable(t *testing.T) {
	vs := analysisViews(t)
	small, large := vs[2].s, vs[5].s
	for _, tt := range []struct {
		name     string
		s        *Scene
		setup    PageSetup
		fits     bool
		minPages int
	}{
		{"the sample on A4 landscape", small, PageSetup{Paper: A4, Landscape: true}, true, 1},
		{"the sample on A3 portrait", small, PageSetup{Paper: A3}, true, 1},
		{"the L map on A4 landscape", large, PageSetup{Paper: A4, Landscape: true}, false, 9},
		{"the L map on A3 portrait", large, PageSetup{Paper: A3}, false, 6},
	} {
		pages, err := Paginate(tt.s, tt.setup, PageInfo{})
		if err != nil {
			t.Fatal(err)
		}
		if got := FitsByDefault(tt.s, tt.setup, PageInfo{}); got != tt.fits {
			t.Errorf("%s: FitsByDefault = %v", tt.name, got)
		}
		scale := pages[0].Views[0].Scale
		switch {
		case tt.fits && (len(pages) != 1 || scale < ReadableFit):
			t.Errorf("%s: %d pages at %g, want one page at %g or more", tt.name, len(pages), scale, ReadableFit)
		case !tt.fits && (scale != 1 || len(pages) < tt.minPages):
			t.Errorf("%s: %d pages at %g, want it tiled at 100 %%", tt.name, len(pages), scale)
		}
	}
}

// contentGroups are the groups of what a view shows (not its title, key or
// furniture): a stakeholder, a relationship or flow, a coalition, a grid
// quadrant, a role cell, a row or a column of the roles.
func isContent(it Item) bool {
	for _, p := range []string{"stakeholder:", "relationship:", "flows:", "coalition:", "quadrant", "role:", "lane:", "step:"} {
		if strings.HasPrefix(it.Group, p) {
			return true
		}
	}
	return false
}

// TestEverySheetShowsPartOfTheViewAndItsWholeKey: no page of the network,
// grid or roles holds only the rest of a legend (the key is printed at the
// foot of every page, wrapped to its width, and never cut by a tile), every
// page's drawing shows part of the view, and the view's own title, which
// the header says, is not printed in the drawing again.
func TestEverySheetShowsPartOfTheViewAndItsWholeKey(t *testing.T) {
	nl := dutchWords(t)
	for _, v := range analysisViews(t) {
		title := v.s.Items[0].Text.Lines[0]
		for _, setup := range printSetups {
			for _, tr := range []func(string) string{nil, nl} {
				pages, err := Paginate(v.s, setup, PageInfo{Title: "Kwetsbare oudere: van ziekenhuis naar huis", Translate: tr})
				if err != nil {
					t.Fatalf("%s on %s: %v", v.name, setupName(setup), err)
				}
				for _, p := range pages {
					where := fmt.Sprintf("%s on %s, page %d of %d", v.name, setupName(setup), p.Number, p.Count)
					if tr != nil {
						where += " in Dutch"
					}
					body := p.Views[0]
					var content int
					for _, it := range v.s.Items {
						b := it.Bounds()
						if isContent(it) && b.Intersects(body.Src) {
							content++
						}
						for _, view := range p.Views {
							if !b.Intersects(view.Src) {
								continue
							}
							if it.Group == "legend" {
								t.Errorf("%s: the view's own key (%v) is printed in the drawing", where, b)
							}
							if it.Text != nil && it.Text.Lines[0] == title {
								t.Errorf("%s: the view's title is printed in the drawing", where)
							}
						}
					}
					if content == 0 {
						t.Errorf("%s: the drawing area shows nothing of the view (%v)", where, body.Src)
					}
					texts := pageTexts(p)
					if len(v.s.Print.Legend) == 0 {
						t.Fatalf("%s has no key to print", v.name)
					}
					for _, sec := range v.s.Print.Legend {
						if !strings.Contains(texts, Word(tr, sec.Title)+":") {
							t.Errorf("%s: the key lacks its section %q", where, sec.Title)
						}
						for _, e := range sec.Entries {
							if !strings.Contains(texts, Word(tr, e.Label)) {
								t.Errorf("%s: the key lacks %q", where, e.Label)
							}
						}
					}
					if strings.Contains(texts, "kind.") || strings.Contains(texts, "role.") {
						t.Errorf("%s: the key prints a key instead of its word:\n%s", where, texts)
					}
					if !strings.Contains(texts, v.s.Print.Heading+" — Kwetsbare oudere") {
						t.Errorf("%s: the header does not name the view %q:\n%s", where, v.s.Print.Heading, texts)
					}
					// The key stays within the sheet's margins, in rows.
					m := float32(DefaultMarginMM) * PtPerMM
					for _, it := range p.Items {
						if it.Group == "page" && it.Text != nil {
							if r := inkRect(it.Text); r.X < m-0.5 || r.X+r.W > p.Width-m+0.5 {
								t.Errorf("%s: %q runs into the margin (%g..%g of %g)", where, it.Text.Lines, r.X, r.X+r.W, p.Width)
							}
						}
					}
				}
			}
		}
	}
}

// TestARepeatedBandPrintsEachTextOnce: on a tiled sheet the roles' names
// and step headers are repeated; a text that runs across the corner and
// the band beside it printed two halves of itself side by side (the
// title read "Kwetsbare oudere: van zie situatie"). Every text is drawn in
// one view of a page at most, and the texts of the step header band (its
// step names, timings and marks, the row names) never print over each
// other.
func TestARepeatedBandPrintsEachTextOnce(t *testing.T) {
	for _, v := range analysisViews(t) {
		for _, setup := range printSetups {
			pages, err := Paginate(v.s, setup, PageInfo{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				where := fmt.Sprintf("%s on %s, page %d of %d", v.name, setupName(setup), p.Number, p.Count)
				var inks []Rect
				var words []string
				for _, it := range v.s.Items {
					if it.Text == nil {
						continue
					}
					ink := inkRect(it.Text)
					in := 0
					for k, view := range p.Views {
						if !ink.Intersects(view.Src) {
							continue
						}
						in++
						if k == 0 {
							continue // the body: its texts are the view's own, cut at the tile's edge
						}
						// On the page, within the band.
						a, b := view.ToPage(Point{ink.X, ink.Y}), view.ToPage(Point{ink.X + ink.W, ink.Y + ink.H})
						r := Rect{max(a.X, view.Dst.X), max(a.Y, view.Dst.Y), 0, 0}
						r.W, r.H = min(b.X, view.Dst.X+view.Dst.W)-r.X, min(b.Y, view.Dst.Y+view.Dst.H)-r.Y
						for j, o := range inks {
							if (Rect{o.X + 0.2, o.Y + 0.2, o.W - 0.4, o.H - 0.4}).Intersects(r) {
								t.Errorf("%s: %q prints over %q in the repeated band", where, it.Text.Lines, words[j])
							}
						}
						inks = append(inks, r)
						words = append(words, strings.Join(it.Text.Lines, " "))
					}
					if in > 1 {
						t.Errorf("%s: %q is printed in %d views side by side", where, it.Text.Lines, in)
					}
				}
			}
		}
	}
}

// TestTheNetworkKeyIsInViewUnderItsTitle: the key of the network stands
// between the title and the drawing, where a window of any size shows it
// (at the foot it was under the fold of a laptop's screen).
func TestTheNetworkKeyIsInViewUnderItsTitle(t *testing.T) {
	for _, v := range analysisViews(t) {
		if !strings.Contains(v.name, "network") {
			continue
		}
		var keyBottom, nodesTop float32 = 0, v.s.Height
		keys := 0
		for _, it := range v.s.Items {
			b := it.Bounds()
			switch {
			case it.Group == "legend":
				keys++
				keyBottom = max(keyBottom, b.Y+b.H)
				if b.X+b.W > v.s.Width {
					t.Errorf("%s: the key runs off the drawing at %g of %g", v.name, b.X+b.W, v.s.Width)
				}
			case isContent(it):
				nodesTop = min(nodesTop, b.Y)
			}
		}
		if keys == 0 || keyBottom > nodesTop || keyBottom > 120 {
			t.Errorf("%s: the key (%d items) ends at %g, the drawing begins at %g", v.name, keys, keyBottom, nodesTop)
		}
	}
}

// TestAPictureTiledAtAScaleHasNoSliverSheets: the network and the grid
// tiled at a scale come out up to MaxSliverShrink smaller rather than with
// a row or column of sheets holding a sliver of the picture (the L
// network at 100 % on A4 landscape left 2 cm of it on a second sheet).
func TestAPictureTiledAtAScaleHasNoSliverSheets(t *testing.T) {
	for _, v := range analysisViews(t) {
		if v.s.Print.Default != FitByDefault {
			continue
		}
		for _, paper := range []PageSetup{{Paper: A4, Landscape: true}, {Paper: A3}, {Paper: A4}} {
			for _, pct := range []float32{100, 150, 200, 300} {
				setup := paper
				setup.ScalePct = pct
				pages, err := Paginate(v.s, setup, PageInfo{})
				if err != nil {
					t.Fatal(err)
				}
				body := pages[0].Views[0]
				if scale := body.Scale * 100; scale < pct*(1-MaxSliverShrink)-0.01 || scale > pct+0.01 {
					t.Errorf("%s on %s printed at %g %%", v.name, setup, scale)
				}
				if len(pages) == 1 {
					continue
				}
				for _, p := range pages {
					d := p.Views[0].Dst
					if d.W < 0.1*body.Dst.W || d.H < 0.1*body.Dst.H {
						t.Errorf("%s on %s: page %d of %d holds a sliver of %g × %g of a %g × %g tile", v.name, setup, p.Number, p.Count, d.W, d.H, body.Dst.W, body.Dst.H)
					}
				}
			}
		}
	}
	net := analysisViews(t)[3].s // the L network
	pages, _ := Paginate(net, PageSetup{Paper: A4, Landscape: true, ScalePct: 100}, PageInfo{})
	if len(pages) != 1 || !strings.Contains(pageTexts(pages[0]), "A4 landscape, 9") && !strings.Contains(pageTexts(pages[0]), "A4 landscape, 8") {
		t.Errorf("the L network at 100 %% on A4 landscape: %d pages, header %q", len(pages), pageTexts(pages[0]))
	}
}
