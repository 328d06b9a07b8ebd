package app

import (
	"cmp"
	"slices"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// The keyboard's way to the flows: with a card selected, F selects its
// first flow and each F the next one (Shift+F the previous), the flows out
// of it first, then those into it, each in the order of the card at their
// other end. On a selected flow Enter edits its label in place, Delete
// removes it, Left or Up go to the card it comes from, Right or Down to
// the card it goes to, and F goes on through the flows of the card the
// walk began at.

// boardRune handles the characters typed on the board.
func (mw *mainWindow) boardRune(r rune) {
	switch r {
	case 'f':
		mw.cycleFlows(false)
	case 'F':
		mw.cycleFlows(true)
	}
}

// cardFlows lists the flows of a card in the order F walks them.
func (mw *mainWindow) cardFlows(card model.ID) []*model.Flow {
	m, sc := mw.doc.m(), mw.doc.current()
	in, out := sc.FlowsOf(card)
	place := func(id model.ID) [2]int {
		if c := sc.Contribution(id); c != nil {
			return [2]int{sc.StepIndex(c.Step), m.StakeholderIndex(c.Stakeholder)}
		}
		return [2]int{}
	}
	byOtherEnd := func(other func(*model.Flow) model.ID) func(a, b *model.Flow) int {
		return func(a, b *model.Flow) int {
			pa, pb := place(other(a)), place(other(b))
			return cmp.Or(cmp.Compare(pa[0], pb[0]), cmp.Compare(pa[1], pb[1]))
		}
	}
	out, in = slices.Clone(out), slices.Clone(in)
	slices.SortStableFunc(out, byOtherEnd(func(f *model.Flow) model.ID { return f.To }))
	slices.SortStableFunc(in, byOtherEnd(func(f *model.Flow) model.ID { return f.From }))
	return append(out, in...)
}

// cycleFlows selects the next (or previous) flow of the selected card, or
// of the card whose flows are being walked when a flow is selected.
func (mw *mainWindow) cycleFlows(backward bool) {
	sc := mw.doc.current()
	card := mw.sel.flowCard
	switch mw.selected.Kind {
	case model.EntityContribution:
		card = mw.selected.ID
	case model.EntityFlow:
		f := sc.Flow(mw.selected.ID)
		if f == nil {
			return
		}
		if card != f.From && card != f.To {
			card = f.From
		}
	default:
		mw.status.SetText(T("Select a card first: F then walks through its flows."))
		return
	}
	flows := mw.cardFlows(card)
	if len(flows) == 0 {
		mw.status.SetText(T("This card has no flows: Ctrl+Shift+F draws one from it."))
		return
	}
	i := slices.IndexFunc(flows, func(f *model.Flow) bool {
		return mw.selected.Kind == model.EntityFlow && f.ID == mw.selected.ID
	})
	switch {
	case i < 0 && backward:
		i = len(flows) - 1
	case i < 0:
		i = 0
	case backward:
		i = (i + len(flows) - 1) % len(flows)
	default:
		i = (i + 1) % len(flows)
	}
	mw.sel.flowCard = card // before it is shown: flowViewRect asks
	mw.selectAndShowTarget(scene.Target{Kind: model.EntityFlow, ID: flows[i].ID})
	mw.status.SetText(Tf("Flow %d of %d of this card: F goes to the next, Enter edits its label, the arrows go to its cards.", i+1, len(flows)))
}

// flowArrow goes from the selected flow to one of its cards: Left and Up
// to the card it comes from, Right and Down to the card it goes to.
func (mw *mainWindow) flowArrow(dx, dy int) {
	f := mw.doc.current().Flow(mw.selected.ID)
	if f == nil {
		return
	}
	if dx < 0 || dy < 0 {
		mw.selectAndShow(f.From)
	} else {
		mw.selectAndShow(f.To)
	}
}

// flowViewRect is the part of the board a selected flow needs in view:
// its line and its two cards; where that is larger than the view, its two
// cards; where even they are too far apart, the card at its other end from
// the one whose flows F walks (that one the user has just seen).
func (mw *mainWindow) flowViewRect(id model.ID) (scene.Rect, bool) {
	f := mw.doc.current().Flow(id)
	g := mw.board.Geometry()
	if f == nil || g == nil {
		return scene.Rect{}, false
	}
	from, ok1 := g.CardRect(f.From)
	to, ok2 := g.CardRect(f.To)
	if !ok1 || !ok2 {
		return scene.Rect{}, false
	}
	ends := union(from, to)
	whole := ends
	t := scene.Target{Kind: model.EntityFlow, ID: id}
	for _, it := range mw.scene.Items {
		if it.Target == t {
			whole = union(whole, it.Bounds())
		}
	}
	z, size := mw.board.Zoom(), mw.board.Size()
	fits := func(r scene.Rect) bool {
		return r.W <= size.Width/z-mw.scene.LeftBand-48 && r.H <= size.Height/z-mw.scene.TopBand-48
	}
	switch {
	case fits(whole):
		return whole, true
	case fits(ends):
		return ends, true
	case mw.sel.flowCard == f.To:
		return from, true
	}
	return to, true
}

func union(a, b scene.Rect) scene.Rect {
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return scene.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
