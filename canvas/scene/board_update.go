package scene

import "valueflow/model"

// Refocus shows another selection on a laid-out board, in place: every
// item's emphasis (the selected card's chain or lane bright, the rest
// dimmed, as BoardOptions.Selected and NoFocus say) and the outline of the
// selected element, as BoardLayout(m, scenario, opt) would draw them,
// without laying the board out again: what a click that selects costs on
// a large map. The board must be a layout of the map as it is now, with
// the same options apart from Selected and NoFocus. It reports false,
// changing nothing, when it cannot tell the scene is such a layout (a card
// the map has is not on it, or one it shows is gone); the caller then lays
// the board out.
//
// Which items carry the focus follows BoardLayout: every item of a card
// and of a flow (with its label), a lane's tinted band and a step's header
// box; the outline is on a card's frame, a flow's line, a lane's header box
// and a step's header box. TestRefocusDrawsWhatALayoutDraws holds the two
// to each other.
func Refocus(s *Scene, g *BoardGeometry, m *model.Map, scenario model.ID, opt BoardOptions) bool {
	sc := m.Scenario(scenario)
	if s == nil || g == nil || sc == nil || !sameCards(s, g, m, sc) {
		return false
	}
	whatIf := whatIfOf(m, sc, opt.Without)
	f := boardFocus(m, sc, opt, whatIf)
	for i := range s.Items {
		it := &s.Items[i]
		t := it.Target
		switch t.Kind {
		case model.EntityFlow:
			it.Emphasis = f.of(t)
			if it.Path != nil && (it.Path.Stroke == boardSelect) != (opt.Selected == t) {
				p := *it.Path
				st := flowLine(sc.Flow(t.ID), whatIf)
				p.Stroke, p.Width = st.Stroke, st.Width
				if opt.Selected == t {
					p.Stroke, p.Width = boardSelect, st.Width+selectedFlowWidth
				}
				it.Path = &p
			}
		case model.EntityStakeholder:
			if it.Box == nil {
				continue
			}
			if it.Box.Fill.A > 0 { // the tinted band
				it.Emphasis = f.of(t)
			} else if stroke := selectedStroke(opt.Selected, t); it.Box.Stroke != stroke { // the header
				b := *it.Box
				b.Stroke = stroke
				it.Box = &b
			}
		case model.EntityStep:
			if it.Box == nil || it.Box.Fill != boardHeader {
				continue
			}
			it.Emphasis = f.of(t)
			if (it.Box.Stroke == boardSelect) != (opt.Selected == t) {
				b := *it.Box
				b.Stroke, b.StrokeWidth = selectedStroke(opt.Selected, t), 2
				if whatIf != nil && whatIf.leaderless[t.ID] && b.Stroke.A == 0 {
					b.Stroke, b.StrokeWidth = flowBroken, 1.6
				}
				it.Box = &b
			}
		}
	}
	for id, span := range g.cardItems {
		t := Target{Kind: model.EntityContribution, ID: id}
		em := f.of(t)
		for k := span[0]; k < span[1]; k++ {
			s.Items[k].Emphasis = em
		}
		if frame := s.Items[span[0]].Box; frame != nil && (frame.Stroke == boardSelect) != (opt.Selected == t) {
			// The card's frame: painted again as the layout paints it.
			UpdateCard(s, g, m, scenario, id, opt)
		}
	}
	return true
}

// sameCards reports whether the board shows the cards of the map, each at
// the place the geometry says.
func sameCards(s *Scene, g *BoardGeometry, m *model.Map, sc *model.Scenario) bool {
	on := make(map[model.ID]bool, len(sc.Steps)+len(m.Stakeholders))
	for _, st := range sc.Steps {
		on[st.ID] = true
	}
	lanes := make(map[model.ID]bool, len(m.Stakeholders))
	for _, sh := range m.Stakeholders {
		lanes[sh.ID] = true
	}
	placed := 0
	for _, c := range sc.Contributions {
		if !on[c.Step] || !lanes[c.Stakeholder] {
			continue // not on the board
		}
		placed++
		span, ok := g.cardItems[c.ID]
		if !ok || span[0] < 0 || span[1] > len(s.Items) || span[0] >= span[1] {
			return false
		}
		if s.Items[span[0]].Target != (Target{Kind: model.EntityContribution, ID: c.ID}) {
			return false
		}
	}
	return placed == len(g.cardItems)
}

// boardFocus is the focus BoardLayout gives the board of sc with opt: the
// selection's chain or lane, narrowed by a coalition, with a what-if's
// cards dimmed whatever the focus.
func boardFocus(m *model.Map, sc *model.Scenario, opt BoardOptions, w *boardWhatIf) focus {
	f := focus{}
	if !opt.NoFocus {
		f = focusSet(m, sc, opt.Selected)
	}
	f = f.narrow(coalitionFocus(m, sc, opt.Coalition), opt.Selected)
	if w != nil {
		f.gone = map[Target]bool{}
		for _, c := range sc.CardsForStakeholder(w.out) {
			f.gone[Target{Kind: model.EntityContribution, ID: c.ID}] = true
		}
	}
	return f
}

// flowLine is the line of a flow when it is not selected.
func flowLine(f *model.Flow, w *boardWhatIf) LineStyle {
	if f == nil {
		return FlowStyle(model.FlowHandOff, model.CriticalityNormal)
	}
	if w != nil && w.broken[f.ID] {
		return BrokenFlowStyle(f.Criticality)
	}
	return FlowStyle(f.Kind, f.Criticality)
}
