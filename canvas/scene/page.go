package scene

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pagination: a Scene is cut into printed pages here, once, so the PDF and
// the PNG page renderers (and the export preview) show the very same sheets.
// A page is described in points (1/72 inch) from its top-left corner: a few
// views that each show a window of the scene, plus page furniture (header,
// legend, crop marks) as ordinary scene items in page coordinates.

// Paper is a sheet size.
type Paper string

const (
	A4     Paper = "A4"
	A3     Paper = "A3"
	Letter Paper = "Letter"
)

// Papers lists the paper sizes the app prints on.
var Papers = []Paper{A4, A3, Letter}

// ParsePaper accepts a paper name in any case ("a3", "LETTER").
func ParsePaper(s string) (Paper, error) {
	for _, p := range Papers {
		if strings.EqualFold(strings.TrimSpace(s), string(p)) {
			return p, nil
		}
	}
	names := make([]string, len(Papers))
	for i, p := range Papers {
		names[i] = string(p)
	}
	return "", setupErrorf("unknown paper %q (valid: %s)", s, strings.Join(names, ", "))
}

// A SetupError is a page setup that cannot be printed. Format is an English
// phrase with fmt verbs, which is also its translation key, so the GUI can
// say it in the user's language: Tf(e.Format, e.Args...).
type SetupError struct {
	Format string
	Args   []any
}

func (e *SetupError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

func setupErrorf(format string, args ...any) error { return &SetupError{Format: format, Args: args} }

// SizeMM returns the portrait width and height in millimetres.
func (p Paper) SizeMM() (w, h float32, ok bool) {
	switch p {
	case A4:
		return 210, 297, true
	case A3:
		return 297, 420, true
	case Letter:
		return 215.9, 279.4, true
	}
	return 0, 0, false
}

// pageWords are the English words of the page furniture whose keys are
// not English text themselves (the board's own words are in boardWords).
var pageWords = map[string]string{
	"criticality.low": "low", "criticality.normal": "normal", "criticality.high": "high",
	"kind.other": "other",
}

// Word returns the user's word for a key of the board or the printed page
// ("stage.richten", "role.lead", "page %d of %d") through tr, and the
// English word where tr is nil or does not know the key: never the key
// itself, and never another language than the rest of the sheet. A text
// without a letter ("−2 … +2") reads the same in every language: it is not
// a key, and tr is not asked (Fyne's lang logs every key it does not know).
func Word(tr func(string) string, key string) string {
	if !hasLetter(key) {
		return key
	}
	w := BoardOptions{Translate: tr}.word(key)
	if w == key {
		if e, ok := pageWords[key]; ok {
			return e
		}
	}
	return w
}

// hasLetter reports whether s has a letter outside its fmt verbs.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) { // a verb such as %d: its letter is no word
			i++
			for i < len(s) && strings.IndexByte("+-# 0123456789.*[]", s[i]) >= 0 {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// PtPerMM converts millimetres to points.
const PtPerMM = 72 / 25.4

// Defaults of a PageSetup whose fields are left zero.
const (
	DefaultMarginMM = 10
	DefaultScalePct = 100
	// OverlapMM is how much neighbouring tiles share, so sheets can be
	// trimmed and glued without losing anything.
	OverlapMM = 10
	// MaxFitScale is how much "fit to page" may enlarge a small scene.
	MaxFitScale = 2
	// MaxPages refuses a scale that would print a stack of paper by mistake.
	MaxPages = 999
	// MinScalePct and MaxScalePct bound the tiling scale, in percent.
	MinScalePct = 10
	MaxScalePct = 400
)

// PageSetup is how a scene goes onto paper.
type PageSetup struct {
	Paper     Paper // empty means A4
	Landscape bool
	MarginMM  float32 // 0 means DefaultMarginMM
	// Fit scales the scene onto one page; otherwise it is tiled at ScalePct.
	Fit bool
	// ScalePct 0 (and no Fit) asks for the view's own default
	// (Scene.Print.Default): the board tiles at 100 %, a network or grid
	// fits on one page.
	ScalePct float32
}

// PrintDefault is how a view prints when the user asks for neither "fit
// to page" nor a scale.
type PrintDefault uint8

const (
	// TileByDefault tiles the view at 100 % (the board: lanes and steps
	// repeat on every sheet).
	TileByDefault PrintDefault = iota
	// FitByDefault fits the view on one page: it is one picture (the
	// network, the grid), which a cut only spoils.
	FitByDefault
	// FitWhenReadable fits the view on one page when that prints it at
	// ReadableFit of its size or larger, and tiles it at 100 % otherwise
	// (the roles matrix: a small map on one sheet, an L map tiled by rows
	// and columns with its names and step headers on each).
	FitWhenReadable
)

// MaxSliverShrink is how much smaller than asked a picture (FitByDefault)
// is tiled to save a row or column of sheets that would hold only a sliver
// of it.
const MaxSliverShrink = 0.15

// ReadableFit is the smallest scale FitWhenReadable fits a view at: its
// 8-point texts print at 5.6 points, still readable at arm's length.
const ReadableFit = 0.7

// PrintHints say how pagination puts a view on paper. The zero value
// prints the whole scene, tiled at 100 % unless asked to fit (the board).
type PrintHints struct {
	Default PrintDefault
	// Area is the part of the scene pages print (zero: all of it). A view
	// leaves its own title out, which the page header says (Heading), and
	// its own legend, which the page prints at its foot (Legend), wrapped
	// to the sheet's width and on every sheet.
	Area Rect
	// Heading names the view in the page header, in the user's words
	// ("Stakeholder network"); empty for the board.
	Heading string
	// Legend is printed at the foot of every page when PageInfo gives
	// none; like DefaultLegend its texts are keys or English words.
	Legend []LegendSection
	// CutsX and CutsY are where tiles preferably begin besides the
	// "step:" and "lane:" boxes: the columns and rows of a matrix, so a
	// sheet starts with a whole one.
	CutsX, CutsY []float32
}

// area is the printed part of s.
func (h PrintHints) area(s *Scene) Rect {
	if h.Area.W > 0 && h.Area.H > 0 {
		return h.Area
	}
	return Rect{0, 0, max(s.Width, 1), max(s.Height, 1)}
}

// Check reports whether the setup can print at all (paper, margins, scale),
// before any scene is laid out: the one place the ranges are checked, for
// the command line and the export dialog alike.
func (ps PageSetup) Check() error {
	_, err := ps.normalized()
	return err
}

// normalized fills in defaults and checks the values.
func (ps PageSetup) normalized() (PageSetup, error) {
	if ps.Paper == "" {
		ps.Paper = A4
	}
	if _, _, ok := ps.Paper.SizeMM(); !ok {
		_, err := ParsePaper(string(ps.Paper))
		return ps, err
	}
	if ps.MarginMM == 0 {
		ps.MarginMM = DefaultMarginMM
	}
	if ps.MarginMM < 0 || ps.MarginMM > 40 || math.IsNaN(float64(ps.MarginMM)) {
		return ps, setupErrorf("margin %g mm is out of range 0..40", ps.MarginMM)
	}
	if ps.ScalePct == 0 {
		ps.ScalePct = DefaultScalePct
	}
	if !ps.Fit && !(ps.ScalePct >= MinScalePct && ps.ScalePct <= MaxScalePct) {
		return ps, setupErrorf("scale %g %% is out of range 10..400", ps.ScalePct)
	}
	return ps, nil
}

// SizePt returns the page width and height in points, orientation applied.
func (ps PageSetup) SizePt() (w, h float32) {
	p := ps.Paper
	if p == "" {
		p = A4
	}
	wm, hm, _ := p.SizeMM()
	if ps.Landscape {
		wm, hm = hm, wm
	}
	return wm * PtPerMM, hm * PtPerMM
}

// String describes the setup for a page header: "A3 landscape, 100 %".
func (ps PageSetup) String() string { return ps.describe(func(s string) string { return s }) }

// Describe is String in the user's language: tr translates "portrait",
// "landscape" and "fit to page" (nil leaves them in English).
func (ps PageSetup) Describe(tr func(string) string) string {
	return ps.describe(func(key string) string { return Word(tr, key) })
}

func (ps PageSetup) describe(tr func(string) string) string {
	if ps.Paper == "" {
		ps.Paper = A4
	}
	if ps.ScalePct == 0 {
		ps.ScalePct = DefaultScalePct
	}
	o := tr("portrait")
	if ps.Landscape {
		o = tr("landscape")
	}
	if ps.Fit {
		return fmt.Sprintf("%s %s, %s", ps.Paper, o, tr("fit to page"))
	}
	return fmt.Sprintf("%s %s, %g %%", ps.Paper, o, math.Round(float64(ps.ScalePct)))
}

// View shows the scene window Src in the page rectangle Dst, scaled by
// Scale (Dst = Src × Scale). Renderers clip to Dst.
type View struct {
	Src   Rect
	Dst   Rect
	Scale float32
}

// ToPage maps a scene point into page coordinates.
func (v View) ToPage(p Point) Point {
	return Point{v.Dst.X + (p.X-v.Src.X)*v.Scale, v.Dst.Y + (p.Y-v.Src.Y)*v.Scale}
}

// Page is one printed sheet.
type Page struct {
	Number, Count int // 1-based page number and the number of pages
	Row, Col      int // 0-based position in the tile grid
	Rows, Cols    int
	Width, Height float32 // points
	// Background is painted under the views (the scene's background).
	Background Color
	// Views are drawn first, in order: body, then repeated bands.
	Views []View
	// Items is the page furniture in page points, drawn over the views.
	Items []Item
}

// RowName returns the letter of a 0-based tile row: A, B, …, Z, AA, AB, …
func RowName(row int) string {
	s := ""
	for row >= 0 {
		s = string(rune('A'+row%26)) + s
		row = row/26 - 1
	}
	return s
}

// Position names the page's place in the grid: "row B, column 3".
func (p Page) Position(tr func(string) string) string {
	return fmt.Sprintf(tr("row %s, column %d"), RowName(p.Row), p.Col+1)
}

// LegendSwatch is how a legend entry is drawn.
type LegendSwatch uint8

const (
	SwatchBox   LegendSwatch = iota // a small card
	SwatchLine                      // a short arrow, for flow kinds
	SwatchDot                       // a dot, for the experience scale
	SwatchCurve                     // a short line without a head, for the experience curves
	SwatchWord                      // no sample: the label itself, in Stroke, as cards print it
	SwatchBadge                     // a dot with a letter (Mark) in it, as the network marks a node
)

// LegendEntry is one sample with its label.
type LegendEntry struct {
	Label       string
	Swatch      LegendSwatch
	Fill        Color
	Stroke      Color
	StrokeWidth float32
	Dashed      bool
	Mark        string // the letter of a SwatchBadge
}

// LegendSection is a titled group of entries ("Roles").
type LegendSection struct {
	Title   string
	Entries []LegendEntry
}

// PageInfo is what every page says about the map.
type PageInfo struct {
	Title    string
	Scenario string
	Date     string // already formatted
	// Legend printed at the foot of every page. nil means DefaultLegend()
	// for a board (a scene with "card:" groups) and none for other views,
	// which carry their own; an empty non-nil legend prints none.
	Legend []LegendSection
	// Translate turns the English page phrases into the user's language;
	// nil leaves them in English. The keys: "page %d of %d", "row %s, column
	// %d", "Scenario: %s", "Untitled map", "portrait", "landscape", "fit to
	// page", and the legend's section titles and labels.
	Translate func(string) string
}

// Colours of the page furniture.
var (
	pageInk   = Color{40, 40, 40, 255}
	pageMuted = Color{110, 110, 110, 255}
	pageRule  = Color{170, 170, 170, 255}
	pageMark  = Color{0, 0, 0, 255}
)

// Sizes of the page furniture in points.
const (
	headerTitleSize = 11
	headerSmallSize = 7.5
	headerHeight    = 28
	legendTitleSize = 7
	legendTextSize  = 6.5
	legendRowHeight = 11
	furnitureGap    = 12 // between header / legend and the body; crop marks and neighbour notes live here
	markLength      = 6
)

// measureFurniture measures page text in the font every format prints
// it in, so notes and legend entries are placed by their real widths.
func measureFurniture(s string, size float32, bold bool) float32 { return MeasureText(s, size, bold) }

// sheetPlan is how a scene goes onto the sheets of a setup, before it is
// cut: the setup with the view's default settled, the page's parts and
// the scale that fits the printed area on one page.
type sheetPlan struct {
	setup             PageSetup
	tr                func(string) string
	inner, body, area Rect
	legend            []Item // at the origin
	legendH, fitScale float32
}

func plan(s *Scene, setup PageSetup, info PageInfo) (sheetPlan, error) {
	ps, err := setup.normalized()
	if err != nil {
		return sheetPlan{}, err
	}
	// The legend's labels are keys ("role.lead"): a translator that does
	// not know one leaves the English word, never the key.
	tr := func(key string) string { return Word(info.Translate, key) }
	legend := info.Legend
	if legend == nil {
		if hasCards(s) {
			legend = DefaultLegend()
		} else {
			legend = s.Print.Legend
		}
	}
	pw, ph := ps.SizePt()
	m := ps.MarginMM * PtPerMM
	inner := Rect{m, m, pw - 2*m, ph - 2*m}

	legendItems, legendH := layoutLegend(legend, inner.W, tr)
	body := Rect{inner.X, inner.Y + headerHeight + furnitureGap, inner.W, inner.H - headerHeight - 2*furnitureGap - legendH}
	if legendH == 0 {
		body.H += furnitureGap
	}
	if body.W < 50 || body.H < 50 {
		return sheetPlan{}, setupErrorf("the margins leave no room to print on %s", ps.describe(tr))
	}
	area := s.Print.area(s)
	// Shrink as needed; enlarge a small map too, but not beyond
	// MaxFitScale, where cards start to look like posters.
	fitScale := min(body.W/area.W, body.H/area.H, MaxFitScale)
	if !setup.Fit && setup.ScalePct == 0 { // the view's own default
		switch s.Print.Default {
		case FitByDefault:
			ps.Fit = true
		case FitWhenReadable:
			ps.Fit = fitScale >= ReadableFit
		}
	}
	return sheetPlan{setup: ps, tr: tr, inner: inner, body: body, area: area, legend: legendItems, legendH: legendH, fitScale: fitScale}, nil
}

// FitsByDefault reports whether the view's own default (PageSetup.ScalePct
// 0) fits s on one page of setup's paper: always for a network or a grid,
// for the roles matrix where it stays readable, never for the board. The
// export dialog starts with "Fit on one page" ticked when it does.
func FitsByDefault(s *Scene, setup PageSetup, info PageInfo) bool {
	setup.Fit, setup.ScalePct = false, 0
	sh, err := plan(s, setup, info)
	return err == nil && sh.setup.Fit
}

// Paginate cuts the scene into pages as setup asks.
func Paginate(s *Scene, setup PageSetup, info PageInfo) ([]Page, error) {
	sh, err := plan(s, setup, info)
	if err != nil {
		return nil, err
	}
	ps, tr, inner, body, area := sh.setup, sh.tr, sh.inner, sh.body, sh.area
	legendItems, legendH := sh.legend, sh.legendH
	pw, ph := ps.SizePt()

	var pages []Page
	if ps.Fit {
		scale := sh.fitScale
		dst := Rect{body.X + (body.W-area.W*scale)/2, body.Y, area.W * scale, area.H * scale}
		pages = []Page{{Rows: 1, Cols: 1, Views: []View{{Src: area, Dst: dst, Scale: scale}}}}
		ps.ScalePct = scale * 100
	} else {
		scale := ps.ScalePct / 100
		pages, err = tile(s, area, body, scale)
		if err != nil {
			return nil, err
		}
		// A picture (the network, the grid) comes out a little smaller
		// rather than with a row or column of sheets that holds only a
		// sliver of it; the header says the scale printed.
		if s.Print.Default == FitByDefault && len(pages) > 1 {
			for f := float32(0.99); f >= 1-MaxSliverShrink; f -= 0.01 {
				if fewer, err := tile(s, area, body, scale*f); err == nil && len(fewer) < len(pages) {
					pages, ps.ScalePct = fewer, ps.ScalePct*f
					break
				}
			}
		}
	}

	// The legend is the same on every page: its items are shared.
	for k, it := range legendItems {
		legendItems[k] = offsetItem(it, inner.X, inner.Y+inner.H-legendH)
	}
	// Number every page first: the marks name the neighbouring pages.
	for i := range pages {
		pages[i].Number, pages[i].Count = i+1, len(pages)
	}
	for i := range pages {
		p := &pages[i]
		p.Width, p.Height = pw, ph
		p.Background = s.Background
		p.Items = header(p, info, s.Print.Heading, ps, inner, tr)
		p.Items = append(p.Items, legendItems...)
		p.Items = append(p.Items, marks(p, pages, body)...)
	}
	return pages, nil
}

// hasCards reports whether the scene is a board: it has card groups.
func hasCards(s *Scene) bool {
	for i := range s.Items {
		if strings.HasPrefix(s.Items[i].Group, "card:") {
			return true
		}
	}
	return false
}

// tile cuts the printed area of the scene into a grid of overlapping tiles
// at scale, repeating the scene's left and top bands on every tile.
func tile(s *Scene, area Rect, body Rect, scale float32) ([]Page, error) {
	// The bands as far as they lie in the printed area.
	lb, tb := s.LeftBand-area.X, s.TopBand-area.Y
	// A band wider than 40 % of the sheet would leave too little room for
	// the map itself: then it is printed once, as part of the content.
	if lb*scale > 0.4*body.W || s.LeftBand <= 0 || lb < 0 {
		lb = 0
	}
	if tb*scale > 0.4*body.H || s.TopBand <= 0 || tb < 0 {
		tb = 0
	}
	lw, th := lb*scale, tb*scale
	bw, bh := (body.W-lw)/scale, (body.H-th)/scale // tile body in scene units
	ov := float32(OverlapMM) * PtPerMM / scale
	ovx, ovy := min(ov, bw/4), min(ov, bh/4)

	xs := starts(area.X+lb, area.X+area.W, bw, ovx, cuts(edges(s, "step:", true), s.Print.CutsX))
	ys := starts(area.Y+tb, area.Y+area.H, bh, ovy, cuts(edges(s, "lane:", false), s.Print.CutsY))
	rows, cols := len(ys), len(xs)
	if rows*cols > MaxPages {
		return nil, setupErrorf("printing at %g %% would take %d pages (at most %d): choose a smaller scale or fit to page", math.Round(float64(scale*100)), rows*cols, MaxPages)
	}
	pages := make([]Page, 0, rows*cols)
	for r, sy := range ys {
		h := min(bh, area.Y+area.H-sy)
		for c, sx := range xs {
			w := min(bw, area.X+area.W-sx)
			p := Page{Row: r, Col: c, Rows: rows, Cols: cols}
			p.Views = append(p.Views, View{Src: Rect{sx, sy, w, h}, Dst: Rect{body.X + lw, body.Y + th, w * scale, h * scale}, Scale: scale})
			if lb > 0 {
				p.Views = append(p.Views, View{Src: Rect{area.X, sy, lb, h}, Dst: Rect{body.X, body.Y + th, lw, h * scale}, Scale: scale})
			}
			if tb > 0 {
				p.Views = append(p.Views, View{Src: Rect{sx, area.Y, w, tb}, Dst: Rect{body.X + lw, body.Y, w * scale, th}, Scale: scale})
			}
			if lb > 0 && tb > 0 {
				p.Views = append(p.Views, View{Src: Rect{area.X, area.Y, lb, tb}, Dst: Rect{body.X, body.Y, lw, th}, Scale: scale})
			}
			pages = append(pages, p)
		}
	}
	return pages, nil
}

// cuts merges two sorted lists of preferred tile starts.
func cuts(a, b []float32) []float32 {
	if len(b) == 0 {
		return a
	}
	out := append(append([]float32(nil), a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// starts returns where each tile begins along one axis: tiles of length per
// cover from..end and overlap by at least ov. A tile preferably begins at a
// lane or step edge (from edges) in its predecessor's second half, so a
// sheet starts with a whole lane or step instead of half a card.
func starts(from, end, per, ov float32, edges []float32) []float32 {
	out := []float32{from}
	cur := from
	for cur+per < end-0.01 {
		next := cur + per - ov
		for i := len(edges) - 1; i >= 0; i-- {
			if e := edges[i]; e <= next && e > cur+per/2 {
				next = e
				break
			}
		}
		out = append(out, next)
		cur = next
	}
	return out
}

// edges returns the sorted leading edges (left for steps, top for lanes) of
// the boxes in groups with prefix ("lane:s3", "step:s2").
func edges(s *Scene, prefix string, left bool) []float32 {
	var out []float32
	for _, it := range s.Items {
		if it.Box == nil || !strings.HasPrefix(it.Group, prefix) {
			continue
		}
		if left {
			out = append(out, it.Box.X)
		} else {
			out = append(out, it.Box.Y)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// printed returns the page area the views cover.
func printed(p *Page) Rect {
	r := p.Views[0].Dst
	for _, v := range p.Views[1:] {
		x0, y0 := min(r.X, v.Dst.X), min(r.Y, v.Dst.Y)
		x1, y1 := max(r.X+r.W, v.Dst.X+v.Dst.W), max(r.Y+r.H, v.Dst.Y+v.Dst.H)
		r = Rect{x0, y0, x1 - x0, y1 - y0}
	}
	return r
}

func textItem(r Rect, s string, size float32, bold bool, c Color, a Align) Item {
	return Item{Group: "page", Text: &Text{Rect: r, Lines: []string{s}, Size: size, Bold: bold, Color: c, Align: a}}
}

func lineItem(c Color, w float32, dashed bool, pts ...Point) Item {
	return Item{Group: "page", Path: &Path{Points: pts, Stroke: c, Width: w, Dashed: dashed}}
}

// header lays out the title block: the view's heading and the map's title,
// and the scenario, on the left; page number, grid position and a small map
// of the tiles on the right. The left texts are shortened with an ellipsis
// where they would run into the right.
func header(p *Page, info PageInfo, heading string, ps PageSetup, inner Rect, tr func(string) string) []Item {
	var items []Item
	right := fmt.Sprintf(tr("page %d of %d"), p.Number, p.Count)
	rw := measureFurniture(right, headerTitleSize, true)
	var mini []Item
	miniW := float32(0)
	if p.Count > 1 {
		// A tiny overview of the grid with this sheet filled in, so people
		// lay the sheets out on a table without counting.
		cell := min(float32(7), 60/float32(max(p.Cols, p.Rows)))
		cell = max(cell, 2)
		miniW = cell*float32(p.Cols) + 6
		x0 := inner.X + inner.W - cell*float32(p.Cols)
		y0 := inner.Y + max(0, (headerHeight-4-cell*float32(p.Rows))/2)
		for r := 0; r < p.Rows; r++ {
			for c := 0; c < p.Cols; c++ {
				b := &Box{Rect: Rect{x0 + float32(c)*cell, y0 + float32(r)*cell, cell, cell}, Stroke: pageRule, StrokeWidth: 0.4}
				if r == p.Row && c == p.Col {
					b.Fill = pageInk
				}
				mini = append(mini, Item{Group: "page", Box: b})
			}
		}
	}
	textRight := inner.X + inner.W - miniW
	items = append(items,
		textItem(Rect{textRight - rw - 4, inner.Y, rw + 4, 14}, right, headerTitleSize, true, pageInk, AlignRight))
	sub := ps.describe(tr)
	if p.Count > 1 {
		sub = p.Position(tr) + " · " + sub
	}
	sw := measureFurniture(sub, headerSmallSize, false)
	items = append(items, textItem(Rect{textRight - sw - 4, inner.Y + 15, sw + 4, 10}, sub, headerSmallSize, false, pageMuted, AlignRight))

	title := info.Title
	if title == "" {
		title = tr("Untitled map")
	}
	// The view's name first: shortened, the map's title loses its end,
	// and a sheet on the table still says what it shows.
	if heading != "" {
		title = heading + " — " + title
	}
	const gap = 12
	titleW := max(textRight-rw-4-gap-inner.X, 20)
	items = append(items, textItem(Rect{inner.X, inner.Y, titleW, 14}, Ellipsis(title, headerTitleSize, titleW, true), headerTitleSize, true, pageInk, AlignLeft))
	var parts []string
	if info.Scenario != "" {
		parts = append(parts, fmt.Sprintf(tr("Scenario: %s"), info.Scenario))
	}
	if info.Date != "" {
		parts = append(parts, info.Date)
	}
	if len(parts) > 0 {
		lineW := max(textRight-sw-4-gap-inner.X, 20)
		line := Ellipsis(strings.Join(parts, " · "), headerSmallSize, lineW, false)
		items = append(items, textItem(Rect{inner.X, inner.Y + 15, lineW, 10}, line, headerSmallSize, false, pageMuted, AlignLeft))
	}
	items = append(items, mini...)
	y := inner.Y + headerHeight
	items = append(items, lineItem(pageRule, 0.5, false, Point{inner.X, y}, Point{inner.X + inner.W, y}))
	return items
}

// Neighbour notes: small text in the gap under the printed area.
const (
	noteSize = 6
	noteGap  = 10 // at least this much paper between two notes
)

// marks draws crop marks at the corners of the printed area and, on every
// side that continues on another sheet, alignment ticks where the shared
// strip begins and ends. One line of notes under the printed area names the
// neighbouring sheets: the left one at the left, up and down in the middle,
// the right one at the right. On a narrow tile the notes are pushed apart
// within the page's body width, so they never print over each other.
func marks(p *Page, pages []Page, body Rect) []Item {
	r := printed(p)
	x0, y0, x1, y1 := r.X, r.Y, r.X+r.W, r.Y+r.H
	const g, l = 2, markLength
	items := []Item{
		lineItem(pageMark, 0.3, false, Point{x0 - g - l, y0}, Point{x0 - g, y0}),
		lineItem(pageMark, 0.3, false, Point{x0, y0 - g - l}, Point{x0, y0 - g}),
		lineItem(pageMark, 0.3, false, Point{x1 + g, y0}, Point{x1 + g + l, y0}),
		lineItem(pageMark, 0.3, false, Point{x1, y0 - g - l}, Point{x1, y0 - g}),
		lineItem(pageMark, 0.3, false, Point{x0 - g - l, y1}, Point{x0 - g, y1}),
		lineItem(pageMark, 0.3, false, Point{x0, y1 + g}, Point{x0, y1 + g + l}),
		lineItem(pageMark, 0.3, false, Point{x1 + g, y1}, Point{x1 + g + l, y1}),
		lineItem(pageMark, 0.3, false, Point{x1, y1 + g}, Point{x1, y1 + g + l}),
	}
	if p.Count == 1 {
		return items
	}
	view := p.Views[0]
	neighbour := func(r, c int) *Page {
		if r < 0 || c < 0 || r >= p.Rows || c >= p.Cols {
			return nil
		}
		return &pages[r*p.Cols+c]
	}
	label := func(n *Page) string { return fmt.Sprintf("%d (%s%d)", n.Number, RowName(n.Row), n.Col+1) }
	tickX := func(x float32) {
		items = append(items,
			lineItem(pageMark, 0.5, false, Point{x, y0 - g - l}, Point{x, y0 - g}),
			lineItem(pageMark, 0.5, false, Point{x, y1 + g}, Point{x, y1 + g + l}))
	}
	tickY := func(y float32) {
		items = append(items,
			lineItem(pageMark, 0.5, false, Point{x0 - g - l, y}, Point{x0 - g, y}),
			lineItem(pageMark, 0.5, false, Point{x1 + g, y}, Point{x1 + g + l, y}))
	}
	// The ticks: where the previous tile's window ends on this sheet, and
	// where the next one's starts. The notes for left and right want to sit
	// just inside the shared strips: ending at the first tick, starting
	// after the second.
	type note struct {
		text string
		x, w float32
	}
	var notes []note
	add := func(text string, x func(w float32) float32) {
		w := measureFurniture(text, noteSize, false)
		notes = append(notes, note{text, x(w), w})
	}
	if n := neighbour(p.Row, p.Col-1); n != nil {
		x := view.Dst.X + (n.Views[0].Src.X+n.Views[0].Src.W-view.Src.X)*view.Scale
		tickX(x)
		add("← "+label(n), func(w float32) float32 { return max(x0+2, x-2-w) })
	}
	var vert []string
	if n := neighbour(p.Row-1, p.Col); n != nil {
		tickY(view.Dst.Y + (n.Views[0].Src.Y+n.Views[0].Src.H-view.Src.Y)*view.Scale)
		vert = append(vert, "↑ "+label(n))
	}
	if n := neighbour(p.Row+1, p.Col); n != nil {
		tickY(view.Dst.Y + (n.Views[0].Src.Y-view.Src.Y)*view.Scale)
		vert = append(vert, "↓ "+label(n))
	}
	if len(vert) > 0 {
		add(strings.Join(vert, "   "), func(w float32) float32 { return x0 + r.W/2 - w/2 })
	}
	if n := neighbour(p.Row, p.Col+1); n != nil {
		x := view.Dst.X + (n.Views[0].Src.X-view.Src.X)*view.Scale
		tickX(x)
		add("→ "+label(n), func(w float32) float32 { return min(x+2, x1-2-w) })
	}

	// Where they would overlap (a narrow tile, strips wider than the
	// tile's middle), push them right past each other, then back left from
	// the edge of the body.
	lo, hi := body.X, body.X+body.W
	for i := range notes {
		notes[i].x = max(notes[i].x, lo)
		if i > 0 {
			notes[i].x = max(notes[i].x, notes[i-1].x+notes[i-1].w+noteGap)
		}
	}
	for i := len(notes) - 1; i >= 0; i-- {
		notes[i].x = min(notes[i].x, hi-notes[i].w)
		if i+1 < len(notes) {
			notes[i].x = min(notes[i].x, notes[i+1].x-noteGap-notes[i].w)
		}
	}
	for _, n := range notes {
		items = append(items, textItem(Rect{n.x, y1 + g + 0.5, n.w + 1, 8}, n.text, noteSize, false, pageMuted, AlignLeft))
	}
	return items
}

// offsetItem moves a furniture item by dx, dy.
func offsetItem(it Item, dx, dy float32) Item {
	switch {
	case it.Box != nil:
		b := *it.Box
		b.X, b.Y = b.X+dx, b.Y+dy
		it.Box = &b
	case it.Text != nil:
		t := *it.Text
		t.X, t.Y = t.X+dx, t.Y+dy
		it.Text = &t
	case it.Circle != nil:
		c := *it.Circle
		c.Center.X, c.Center.Y = c.Center.X+dx, c.Center.Y+dy
		it.Circle = &c
	case it.Path != nil:
		pa := *it.Path
		pa.Points = make([]Point, len(it.Path.Points))
		for i, q := range it.Path.Points {
			pa.Points[i] = Point{q.X + dx, q.Y + dy}
		}
		it.Path = &pa
	}
	return it
}

// layoutLegend flows the legend sections left to right in rows within
// width, at the origin; it returns the items and their height (0 for none).
func layoutLegend(legend []LegendSection, width float32, tr func(string) string) ([]Item, float32) {
	if len(legend) == 0 {
		return nil, 0
	}
	var items []Item
	const sw, gap, entryGap, secGap = 14, 3, 8, 14
	entryWidth := func(e LegendEntry, label string) float32 {
		w := measureFurniture(label, legendTextSize, false)
		if e.Swatch != SwatchWord {
			w += sw + gap
		}
		return w
	}
	x, y := float32(0), float32(2)
	for _, sec := range legend {
		title := tr(sec.Title) + ":"
		tw := measureFurniture(title, legendTitleSize, true) + gap + 2
		// A section goes on one row where it fits on one, so the key reads
		// as one line per section; only a section wider than the page
		// wraps its entries, under its first one.
		whole := tw
		for k, e := range sec.Entries {
			if k > 0 {
				whole += entryGap
			}
			whole += entryWidth(e, tr(e.Label))
		}
		if x > 0 && x+whole > width {
			x, y = 0, y+legendRowHeight
		}
		items = append(items, textItem(Rect{x, y, tw, legendRowHeight}, title, legendTitleSize, true, pageInk, AlignLeft))
		x += tw
		start := x
		for k, e := range sec.Entries {
			label := tr(e.Label)
			ew := entryWidth(e, label)
			if k > 0 && x+ew > width {
				x, y = start, y+legendRowHeight
			}
			ink, tx := pageInk, x+sw+gap
			if e.Swatch == SwatchWord {
				ink, tx = e.Stroke, x
			} else {
				items = append(items, swatch(e, Rect{x, y + 1, sw, 7})...)
			}
			items = append(items, textItem(Rect{tx, y + 0.5, x + ew - tx + 1, legendRowHeight}, label, legendTextSize, false, ink, AlignLeft))
			x += ew + entryGap
		}
		x += secGap - entryGap
	}
	h := y + legendRowHeight
	rule := lineItem(pageRule, 0.5, false, Point{0, 0}, Point{width, 0})
	return append([]Item{rule}, items...), h
}

func swatch(e LegendEntry, r Rect) []Item {
	sw := e.StrokeWidth
	if sw == 0 {
		sw = 0.8
	}
	switch e.Swatch {
	case SwatchLine, SwatchCurve:
		y := r.Y + r.H/2
		return []Item{{Group: "page", Path: &Path{Points: []Point{{r.X, y}, {r.X + r.W, y}}, Stroke: e.Stroke, Width: sw, Dashed: e.Dashed, ArrowEnd: e.Swatch == SwatchLine}}}
	case SwatchDot:
		d := min(r.W, r.H)
		return []Item{{Group: "page", Circle: &Circle{Center: Point{r.X + r.W/2, r.Y + r.H/2}, Radius: d / 2, Fill: e.Fill, Stroke: e.Stroke, StrokeWidth: sw}}}
	case SwatchWord:
		return nil
	case SwatchBadge:
		d := min(r.W, r.H) + 2
		c := Point{r.X + d/2, r.Y + r.H/2}
		return []Item{
			{Group: "page", Circle: &Circle{Center: c, Radius: d / 2, Fill: e.Fill, Stroke: e.Stroke, StrokeWidth: sw}},
			{Group: "page", Text: &Text{Rect: Rect{c.X - d/2, c.Y - d*0.38, d, d}, Lines: []string{e.Mark}, Size: d * 0.62, Bold: true, Color: white, Align: AlignCenter}},
		}
	}
	return []Item{{Group: "page", Box: &Box{Rect: r, Fill: e.Fill, Stroke: e.Stroke, StrokeWidth: sw, Radius: 1.5, Dashed: e.Dashed}}}
}

// itemsBounds is the box around items grown by pad on every side, within
// the scene; zero when there are none.
func itemsBounds(s *Scene, items []Item, pad float32) Rect {
	if len(items) == 0 {
		return Rect{}
	}
	r := items[0].Bounds()
	for _, it := range items[1:] {
		b := it.Bounds()
		x0, y0 := min(r.X, b.X), min(r.Y, b.Y)
		x1, y1 := max(r.X+r.W, b.X+b.W), max(r.Y+r.H, b.Y+b.H)
		r = Rect{x0, y0, x1 - x0, y1 - y0}
	}
	x0, y0 := max(r.X-pad, 0), max(r.Y-pad, 0)
	x1, y1 := min(r.X+r.W+pad, s.Width), min(r.Y+r.H+pad, s.Height)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}
