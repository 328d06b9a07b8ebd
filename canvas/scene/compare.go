package scene

import (
	"cmp"
	"fmt"
	"slices"

	"valueflow/model"
	"valueflow/model/compare"
)

// The colours of a compare board: added green, removed red and dashed,
// changed amber, each on a light tint of itself so the card text stays
// readable in print.
var (
	CompareAdded   = Color{22, 128, 60, 255}
	CompareRemoved = Color{200, 30, 30, 255}
	CompareChanged = Color{214, 140, 0, 255}
)

// CompareStatus says what happened to an element between the two sides.
type CompareStatus uint8

const (
	Unchanged CompareStatus = iota
	Added
	Removed
	Changed
)

// CompareOptions are the board options of a compare board and the names of
// its two sides, printed in its summary bar.
type CompareOptions struct {
	Board    BoardOptions
	FromName string
	ToName   string
	// NoSummary leaves the summary bar out: the screen shows its own under
	// the board, in view however far the board is scrolled.
	NoSummary bool
}

// CompareBoard draws the union of scenario a (of map ma) and scenario b (of
// mb) as one journey board: b's elements, with those only a has put back in
// their place; added elements green, removed ones red and dashed, changed
// ones amber. A summary bar under the board counts them per kind. The
// statuses are returned by target for the inspector (before → after is in
// d.Changed).
func CompareBoard(a, b *model.Scenario, ma, mb *model.Map, d *compare.Diff, opt CompareOptions) (*Scene, map[Target]CompareStatus) {
	um, status := compareUnion(a, b, ma, mb, d)
	s := Board(um, um.Scenarios[0].ID, opt.Board)
	seen := map[Target]bool{}
	for i := range s.Items {
		it := &s.Items[i]
		st := status[it.Target]
		if st == Unchanged || it.Target.ID == "" {
			continue
		}
		if outline(it, seen) {
			paintStatus(it, st)
		}
	}
	if !opt.NoSummary {
		addSummary(s, d, opt)
	}
	if opt.FromName != "" || opt.ToName != "" {
		s.Title = opt.FromName + " → " + opt.ToName
	}
	return s, status
}

// ChangedPlace is an element of a compare board that was added, removed or
// changed, and the frame that shows it.
type ChangedPlace struct {
	Target Target
	Status CompareStatus
	Rect   Rect
}

// CompareChanges lists where the changed elements of a compare board s are
// drawn, in reading order: column by column from the left (the lanes'
// names first), from the top down within a column. The screen opens on the
// first and walks through them.
func CompareChanges(s *Scene, status map[Target]CompareStatus) []ChangedPlace {
	var places []ChangedPlace
	listed := map[Target]bool{}
	for _, it := range s.Items {
		st := status[it.Target]
		if st == Unchanged || it.Target.ID == "" || listed[it.Target] {
			continue
		}
		// The frame paintStatus stroked in the status colour (a step's
		// points on the curves are not its frame).
		c := statusColour[st]
		if (it.Box != nil && it.Box.Stroke == c) || (it.Path != nil && it.Path.Stroke == c) {
			listed[it.Target] = true
			places = append(places, ChangedPlace{Target: it.Target, Status: st, Rect: it.Bounds()})
		}
	}
	slices.SortStableFunc(places, func(a, b ChangedPlace) int {
		if a.Rect.X != b.Rect.X {
			return cmp.Compare(a.Rect.X, b.Rect.X)
		}
		return cmp.Compare(a.Rect.Y, b.Rect.Y)
	})
	return places
}

// compareUnion builds the map the compare board lays out and the status of
// each of its elements.
func compareUnion(a, b *model.Scenario, ma, mb *model.Map, d *compare.Diff) (*model.Map, map[Target]CompareStatus) {
	um := &model.Map{Title: mb.Title, Purpose: mb.Purpose, Region: mb.Region, Description: mb.Description, Stage: mb.Stage}
	cp := mb.Clone()
	um.Stakeholders, um.Relationships, um.Coalitions = cp.Stakeholders, cp.Relationships, cp.Coalitions
	u := b.Clone()
	um.Scenarios = []*model.Scenario{u}

	status := map[Target]CompareStatus{}
	kindOf := map[compare.Kind]model.EntityKind{
		compare.Stakeholder: model.EntityStakeholder, compare.Step: model.EntityStep,
		compare.Contribution: model.EntityContribution, compare.Flow: model.EntityFlow,
	}
	removed := map[Target]bool{}
	for _, it := range d.Added {
		status[Target{kindOf[it.Kind], it.ID}] = Added
	}
	for _, it := range d.Changed {
		status[Target{kindOf[it.Kind], it.ID}] = Changed
	}
	for _, it := range d.Removed {
		t := Target{kindOf[it.Kind], it.ID}
		status[t], removed[t] = Removed, true
	}
	to := func(k compare.Kind, id model.ID) model.ID {
		if m, ok := d.Match[k][id]; ok {
			return m
		}
		return id // a removed element keeps its own id in the union
	}
	// Removed lanes and steps go back after the nearest element before them
	// that both sides have.
	for i, s := range ma.Stakeholders {
		if !removed[Target{model.EntityStakeholder, s.ID}] {
			continue
		}
		at := 0
		if i > 0 {
			at = um.StakeholderIndex(to(compare.Stakeholder, ma.Stakeholders[i-1].ID)) + 1
		}
		c := *s
		um.Stakeholders = slices.Insert(um.Stakeholders, at, &c)
	}
	for i, s := range a.Steps {
		if !removed[Target{model.EntityStep, s.ID}] {
			continue
		}
		at := 0
		if i > 0 {
			at = u.StepIndex(to(compare.Step, a.Steps[i-1].ID)) + 1
		}
		c := *s
		u.Steps = slices.Insert(u.Steps, at, &c)
	}
	for _, c := range a.Contributions {
		if removed[Target{model.EntityContribution, c.ID}] {
			x := *c
			x.Step, x.Stakeholder = to(compare.Step, c.Step), to(compare.Stakeholder, c.Stakeholder)
			u.Contributions = append(u.Contributions, &x)
		}
	}
	for _, f := range a.Flows {
		if removed[Target{model.EntityFlow, f.ID}] {
			x := *f
			x.From, x.To = to(compare.Contribution, f.From), to(compare.Contribution, f.To)
			u.Flows = append(u.Flows, &x)
		}
	}
	return um, status
}

// outline reports whether it is the item that frames its element: the one
// a status colours. The rest of the element (a card's role bar and badge, a
// lane's own colour, a pain marker) keeps its meaning. seen records the
// elements whose frame has gone by.
func outline(it *Item, seen map[Target]bool) bool {
	switch {
	case it.Box != nil:
		switch it.Target.Kind {
		case model.EntityContribution:
			// A card's first box is its body; its role bar and badge follow.
			first := !seen[it.Target]
			seen[it.Target] = true
			return first
		case model.EntityStep:
			return it.Box.Fill == boardHeader
		case model.EntityStakeholder:
			return it.Box.Fill.A == 0 // the frame of the lane's name
		}
		return false
	case it.Path != nil:
		return it.Target.Kind == model.EntityFlow
	case it.Circle != nil:
		return it.Target.Kind == model.EntityStep // the step's points on the curves
	}
	return false
}

// paintStatus strokes an element's frame in the colour of its status,
// dashed when removed, over a light tint of that colour where it is filled.
func paintStatus(it *Item, st CompareStatus) {
	c := statusColour[st]
	switch {
	case it.Box != nil:
		it.Box.Stroke = c
		it.Box.StrokeWidth = max(it.Box.StrokeWidth, 2)
		if it.Box.Fill.A != 0 {
			it.Box.Fill = tint(c, 0.15)
		}
		it.Box.Dashed = st == Removed
	case it.Path != nil:
		it.Path.Stroke = c
		it.Path.Width = max(it.Path.Width, 1.8)
		// An information flow stays dashed whatever happened to it.
		it.Path.Dashed = it.Path.Dashed || st == Removed
	case it.Circle != nil:
		it.Circle.Stroke = c
	}
}

var statusColour = map[CompareStatus]Color{Added: CompareAdded, Removed: CompareRemoved, Changed: CompareChanged}

// compareWords are the English words of the compare board, for output
// without a translator (the command line).
var compareWords = map[string]string{
	"compare.kind.map": "map", "compare.kind.stakeholder": "stakeholders", "compare.kind.relationship": "relationships",
	"compare.kind.coalition": "coalitions", "compare.kind.step": "steps", "compare.kind.contribution": "contributions",
	"compare.kind.flow": "flows",
}

func (o CompareOptions) word(key string) string {
	if o.Board.Translate != nil {
		if w := o.Board.Translate(key); w != "" && w != key {
			return w
		}
	}
	if w, ok := compareWords[key]; ok {
		return w
	}
	return o.Board.word(key)
}

// addSummary puts a box under the lane names: both names, the counts per
// kind (a line each) and the compare legend. It sits in the board's left
// band, which a tiled print repeats on every sheet, so each sheet of the
// last row has the whole of it (a bar across the board was cut off after
// the first column of sheets).
func addSummary(s *Scene, d *compare.Diff, opt CompareOptions) {
	const pad, gap = 8, 8
	w := s.Width
	if s.LeftBand > 0 && s.LeftBand < w {
		w = s.LeftBand
	}
	inner := w - 2*pad
	ink := Color{40, 40, 40, 255}
	y := s.Height + gap
	top := y + pad
	var items []Item
	text := func(lines []string, size float32, bold bool) {
		h := float32(len(lines)) * size * 1.25
		items = append(items, Item{Group: "compare-summary", Text: &Text{Rect: Rect{X: pad, Y: top, W: inner, H: h}, Lines: lines, Size: size, Bold: bold, Color: ink}})
		top += h
	}
	if opt.FromName != "" || opt.ToName != "" {
		text(WrapText(opt.FromName+" → "+opt.ToName, 10, inner, true), 10, true)
		top += 2
	}
	var counts []string
	for _, k := range compare.Kinds {
		if c := d.Counts[k]; c != (compare.Counts{}) {
			counts = append(counts, WrapText(fmt.Sprintf("%s: +%d −%d ~%d", opt.word("compare.kind."+string(k)), c.Added, c.Removed, c.Changed), 9, inner, false)...)
		}
	}
	if d.Empty() {
		counts = WrapText(opt.word("no differences"), 9, inner, false)
	}
	text(counts, 9, false)
	// The legend, its entries side by side as far as they fit.
	top += 4
	x := float32(pad)
	for _, e := range []struct {
		label string
		c     Color
		dash  bool
	}{{"added", CompareAdded, false}, {"removed", CompareRemoved, true}, {"changed", CompareChanged, false}} {
		label := opt.word(e.label)
		lw := MeasureText(label, 8, false)
		if x > pad && x+20+lw > pad+inner {
			x, top = pad, top+14
		}
		items = append(items,
			Item{Group: "compare-summary", Box: &Box{Rect: Rect{X: x, Y: top + 1, W: 16, H: 9}, Fill: tint(e.c, 0.15), Stroke: e.c, StrokeWidth: 1.5, Dashed: e.dash}},
			Item{Group: "compare-summary", Text: &Text{Rect: Rect{X: x + 20, Y: top, W: lw + 2, H: 11}, Lines: []string{label}, Size: 8, Color: ink}})
		x += 20 + lw + 10
	}
	top += 11 + pad
	s.Height = top
	s.Add(Item{Group: "compare-summary", Box: &Box{Rect: Rect{X: 0, Y: y, W: w, H: top - y}, Fill: Color{246, 246, 246, 255}, Stroke: Color{170, 170, 170, 255}, StrokeWidth: 0.6}})
	for _, it := range items {
		s.Add(it)
	}
}

// CompareLegend is the board legend with the compare colours added, for the
// foot of every printed page.
func CompareLegend() []LegendSection {
	sec := LegendSection{Title: "Compare", Entries: []LegendEntry{
		{Label: "added", Swatch: SwatchBox, Fill: tint(CompareAdded, 0.15), Stroke: CompareAdded, StrokeWidth: 1.5},
		{Label: "removed", Swatch: SwatchBox, Fill: tint(CompareRemoved, 0.15), Stroke: CompareRemoved, StrokeWidth: 1.5, Dashed: true},
		{Label: "changed", Swatch: SwatchBox, Fill: tint(CompareChanged, 0.15), Stroke: CompareChanged, StrokeWidth: 1.5},
	}}
	return append([]LegendSection{sec}, DefaultLegend()...)
}
