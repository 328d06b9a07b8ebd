package analysis

import (
	"fmt"
	"sort"
	"strings"

	"valueflow/model"
)

func (x *index) stakeholderName(id model.ID) string {
	if i, ok := x.lane[id]; ok && x.m.Stakeholders[i].Name != "" {
		return x.m.Stakeholders[i].Name
	}
	return string(id)
}

// t translates a finding's format, or keeps it.
func (x *index) t(format string) string {
	if x.tr == nil {
		return format
	}
	return x.tr(format)
}

// kindWord is the user's word for a flow kind ("flow.referral" in the
// translations), or the kind itself in English.
func (x *index) kindWord(k model.FlowKind) string {
	if x.tr != nil {
		if w := x.tr("flow." + string(k)); w != "flow."+string(k) {
			return w
		}
	}
	return string(k)
}

func stepName(st *model.Step) string {
	if st.Name != "" {
		return st.Name
	}
	return string(st.ID)
}

// leads returns, per step in range, the lead cards in scenario order,
// leaving out the cards of stakeholder without (empty for none).
func (x *index) leads(without model.ID) map[model.ID][]*model.Contribution {
	l := map[model.ID][]*model.Contribution{}
	for _, c := range x.sc.Contributions {
		if x.card[c.ID] != nil && c.Role == model.RoleLead && c.Stakeholder != without {
			l[c.Step] = append(l[c.Step], c)
		}
	}
	return l
}

// findings fills r.Findings, grouped by kind in a fixed order.
func (x *index) findings(r *Result) {
	steps := x.sc.Steps[x.from : x.to+1]
	leads := x.leads("")

	// Steps without a lead, and steps with two or more leads.
	for _, st := range steps {
		if len(leads[st.ID]) == 0 {
			r.Findings = append(r.Findings, Finding{Kind: KindNoLead,
				Message: fmt.Sprintf(x.t("Step %q has no lead"), stepName(st)), Steps: []model.ID{st.ID}})
		}
	}
	for _, st := range steps {
		ls := leads[st.ID]
		if len(ls) < 2 {
			continue
		}
		f := Finding{Kind: KindTwoLeads, Steps: []model.ID{st.ID}}
		var names []string
		for _, c := range ls {
			f.Contributions = append(f.Contributions, c.ID)
			f.Stakeholders = appendUnique(f.Stakeholders, c.Stakeholder)
		}
		for _, s := range f.Stakeholders {
			names = append(names, x.stakeholderName(s))
		}
		f.Message = fmt.Sprintf(x.t("Step %q has %d leads: %s"), stepName(st), len(ls), x.join(names))
		r.Findings = append(r.Findings, f)
	}

	// Hand-offs and referrals between stakeholders of two different,
	// named organisations (a patient or carer has no organisation).
	for _, fl := range x.flows {
		if fl.Kind != model.FlowHandOff && fl.Kind != model.FlowReferral {
			continue
		}
		a, b := x.card[fl.From], x.card[fl.To]
		sa, sb := x.m.Stakeholders[x.lane[a.Stakeholder]], x.m.Stakeholders[x.lane[b.Stakeholder]]
		if sa.Organisation == "" || sb.Organisation == "" || sa.Organisation == sb.Organisation {
			continue
		}
		r.Findings = append(r.Findings, Finding{Kind: KindCrossOrganisation,
			Message: fmt.Sprintf(x.t("%s from %s (%s) to %s (%s) crosses organisations"),
				capitalise(x.kindWord(fl.Kind)), x.stakeholderName(sa.ID), sa.Organisation, x.stakeholderName(sb.ID), sb.Organisation),
			Steps:         appendUnique([]model.ID{a.Step}, b.Step),
			Stakeholders:  []model.ID{sa.ID, sb.ID},
			Contributions: []model.ID{a.ID, b.ID},
			Flows:         []model.ID{fl.ID}})
	}

	// Single points of failure: the journey's flows connect a card of the
	// first step in range to a card of the last step, and no longer do
	// without the stakeholder's cards. Only meaningful over two steps or more.
	// Only a stakeholder with a card on one connecting path can cut it;
	// trying just those keeps this linear in the map for a short path.
	if x.to > x.from {
		onPath := x.journeyPath("")
		for _, s := range x.m.Stakeholders {
			if !onPath[s.ID] || x.journeyPath(s.ID) != nil {
				continue
			}
			r.Findings = append(r.Findings, Finding{Kind: KindSinglePoint,
				Message: fmt.Sprintf(x.t("Without %s the journey's flows no longer run from %q to %q"),
					x.stakeholderName(s.ID), stepName(steps[0]), stepName(steps[len(steps)-1])),
				Stakeholders: []model.ID{s.ID}})
		}
	}

	// Cards that no flow in range reaches or leaves.
	touched := map[model.ID]bool{}
	for _, fl := range x.flows {
		touched[fl.From], touched[fl.To] = true, true
	}
	for _, c := range x.sc.Contributions {
		if x.card[c.ID] == nil || touched[c.ID] {
			continue
		}
		v := c.Value
		if v == "" {
			v = string(c.ID)
		}
		r.Findings = append(r.Findings, Finding{Kind: KindUnconnectedCard,
			Message:       fmt.Sprintf(x.t("Card %q of %s has no incoming or outgoing flow"), v, x.stakeholderName(c.Stakeholder)),
			Steps:         []model.ID{c.Step},
			Stakeholders:  []model.ID{c.Stakeholder},
			Contributions: []model.ID{c.ID}})
	}

	// Influential stakeholders (influence 4 or 5) with a negative attitude.
	for _, s := range x.m.Stakeholders {
		if s.Influence >= 4 && s.Attitude < 0 {
			r.Findings = append(r.Findings, Finding{Kind: KindNegativeInfluence,
				Message:      fmt.Sprintf(x.t("%s has high influence (%d) and a negative attitude (%d)"), x.stakeholderName(s.ID), s.Influence, s.Attitude),
				Stakeholders: []model.ID{s.ID}})
		}
	}

	// Coalitions none of whose members lead a step in range.
	leader := map[model.ID]bool{}
	for _, ls := range leads {
		for _, c := range ls {
			leader[c.Stakeholder] = true
		}
	}
	for _, co := range x.m.Coalitions {
		leadsSome := false
		for _, s := range co.Members {
			leadsSome = leadsSome || leader[s]
		}
		if leadsSome {
			continue
		}
		name := co.Name
		if name == "" {
			name = string(co.ID)
		}
		r.Findings = append(r.Findings, Finding{Kind: KindIdleCoalition,
			Message:      fmt.Sprintf(x.t("No member of coalition %q leads a step"), name),
			Stakeholders: append([]model.ID(nil), co.Members...)})
	}

	// A stakeholder only informed at a step and leading the next one, by
	// step and then lane; only the cells that hold cards are visited.
	type cell struct{ step, lane int }
	roles := map[cell][]*model.Contribution{}
	for _, c := range x.sc.Contributions {
		if x.card[c.ID] != nil {
			k := cell{x.stepAt[c.Step], x.lane[c.Stakeholder]}
			roles[k] = append(roles[k], c)
		}
	}
	informed := make([]cell, 0, len(roles))
	for k, here := range roles {
		only := k.step < x.to
		for _, c := range here {
			only = only && c.Role == model.RoleInformed
		}
		if only {
			informed = append(informed, k)
		}
	}
	sort.Slice(informed, func(i, j int) bool {
		a, b := informed[i], informed[j]
		return a.step < b.step || a.step == b.step && a.lane < b.lane
	})
	for _, k := range informed {
		var lead *model.Contribution
		for _, c := range roles[cell{k.step + 1, k.lane}] {
			if c.Role == model.RoleLead && lead == nil {
				lead = c
			}
		}
		if lead == nil {
			continue
		}
		s, here := x.m.Stakeholders[k.lane], roles[k]
		now, next := x.sc.Steps[k.step], x.sc.Steps[k.step+1]
		f := Finding{Kind: KindInformedThenLeads,
			Message: fmt.Sprintf(x.t("%s is only informed at %q but leads the next step %q"),
				x.stakeholderName(s.ID), stepName(now), stepName(next)),
			Steps: []model.ID{now.ID, next.ID}, Stakeholders: []model.ID{s.ID}}
		for _, c := range here {
			f.Contributions = append(f.Contributions, c.ID)
		}
		f.Contributions = append(f.Contributions, lead.ID)
		r.Findings = append(r.Findings, f)
	}

	// Brokers compared with the stakeholders marked as informal leaders.
	for _, ms := range r.Measures {
		if ms.Broker && !ms.InformalLeader {
			r.Findings = append(r.Findings, Finding{Kind: KindBrokerNotLeader,
				Message:      fmt.Sprintf(x.t("%s is a broker in the network (betweenness %.1f) but is not marked as an informal leader"), x.stakeholderName(ms.Stakeholder), ms.Betweenness),
				Stakeholders: []model.ID{ms.Stakeholder}})
		}
	}
	for _, ms := range r.Measures {
		if ms.InformalLeader && !ms.Broker {
			r.Findings = append(r.Findings, Finding{Kind: KindLeaderNotBroker,
				Message:      fmt.Sprintf(x.t("%s is marked as an informal leader but is not a broker in the network (betweenness %.1f)"), x.stakeholderName(ms.Stakeholder), ms.Betweenness),
				Stakeholders: []model.ID{ms.Stakeholder}})
		}
	}
}

// journeyPath follows the flows in range forwards, leaving out the cards
// of stakeholder without, from the cards of the first step in range. When
// it reaches a card of the last step it returns the stakeholders of the
// cards on one such path (fewest flows); else nil, the journey is cut.
func (x *index) journeyPath(without model.ID) map[model.ID]bool {
	first, last := x.sc.Steps[x.from].ID, x.sc.Steps[x.to].ID
	next := map[model.ID][]model.ID{}
	for _, f := range x.flows {
		if x.card[f.From].Stakeholder == without || x.card[f.To].Stakeholder == without {
			continue
		}
		next[f.From] = append(next[f.From], f.To)
	}
	came := map[model.ID]model.ID{} // card → the card it was reached from ("" for a start)
	var queue []model.ID
	for _, c := range x.sc.Contributions {
		if cc := x.card[c.ID]; cc != nil && cc.Step == first && cc.Stakeholder != without {
			came[c.ID] = ""
			queue = append(queue, c.ID)
		}
	}
	for head := 0; head < len(queue); head++ {
		c := queue[head]
		if x.card[c].Step == last {
			on := map[model.ID]bool{}
			for ; c != ""; c = came[c] {
				on[x.card[c].Stakeholder] = true
			}
			return on
		}
		for _, d := range next[c] {
			if _, seen := came[d]; !seen {
				came[d] = c
				queue = append(queue, d)
			}
		}
	}
	return nil
}

// whatIf fills the what-if part of r for stakeholder s.
func (x *index) whatIf(r *Result, s model.ID) {
	r.Without = s
	for _, f := range x.flows {
		if x.card[f.From].Stakeholder == s || x.card[f.To].Stakeholder == s {
			r.Broken = append(r.Broken, f.ID)
		}
	}
	before, after := x.leads(""), x.leads(s)
	for _, st := range x.sc.Steps[x.from : x.to+1] {
		if len(before[st.ID]) > 0 && len(after[st.ID]) == 0 {
			r.Leaderless = append(r.Leaderless, st.ID)
		}
	}
	r.JourneyCut = x.to > x.from && x.journeyPath("") != nil && x.journeyPath(s) == nil
}

func appendUnique(ids []model.ID, id model.ID) []model.ID {
	for _, v := range ids {
		if v == id {
			return ids
		}
	}
	return append(ids, id)
}

// join lists names as a sentence does in the user's language: "A, B and
// C" ("A, B en C").
func (x *index) join(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return fmt.Sprintf(x.t("%s and %s"), strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// whatIfFindings are the findings of what breaks without r.Without (r's
// what-if filled in by whatIf): the journey cut, then each flow that breaks.
func (x *index) whatIfFindings(r *Result) []Finding {
	var out []Finding
	gone := x.stakeholderName(r.Without)
	if r.JourneyCut {
		first, last := x.sc.Steps[x.from], x.sc.Steps[x.to]
		out = append(out, Finding{Kind: KindJourneyCut,
			Message:      fmt.Sprintf(x.t("Without %s the journey's flows no longer run from %q to %q"), gone, stepName(first), stepName(last)),
			Steps:        []model.ID{first.ID, last.ID},
			Stakeholders: []model.ID{r.Without}})
	}
	broken := make(map[model.ID]bool, len(r.Broken))
	for _, id := range r.Broken {
		broken[id] = true
	}
	for _, fl := range x.flows {
		if !broken[fl.ID] {
			continue
		}
		a, b := x.card[fl.From], x.card[fl.To]
		msg := fmt.Sprintf(x.t("Without %s the %s from %s to %s breaks"), gone, x.kindWord(fl.Kind), x.stakeholderName(a.Stakeholder), x.stakeholderName(b.Stakeholder))
		if fl.Label != "" {
			msg = fmt.Sprintf(x.t("Without %s the %s %q from %s to %s breaks"), gone, x.kindWord(fl.Kind), fl.Label, x.stakeholderName(a.Stakeholder), x.stakeholderName(b.Stakeholder))
		}
		out = append(out, Finding{Kind: KindBrokenFlow, Message: msg,
			Steps:         appendUnique([]model.ID{a.Step}, b.Step),
			Stakeholders:  appendUnique([]model.ID{a.Stakeholder}, b.Stakeholder),
			Contributions: appendUnique([]model.ID{a.ID}, b.ID),
			Flows:         []model.ID{fl.ID}})
	}
	return out
}

// nameLostLeads words the findings of the steps that have no lead only
// because r.Without dropped out: they name it and point at its lead cards.
func (x *index) nameLostLeads(r *Result) {
	lost := map[model.ID]bool{}
	for _, id := range r.Leaderless {
		lost[id] = true
	}
	leads := x.leads("")
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Kind != KindNoLead || len(f.Steps) != 1 || !lost[f.Steps[0]] {
			continue
		}
		st := x.sc.Step(f.Steps[0])
		f.Message = fmt.Sprintf(x.t("Without %s step %q has no lead"), x.stakeholderName(r.Without), stepName(st))
		f.Stakeholders = []model.ID{r.Without}
		f.Contributions = nil
		for _, c := range leads[st.ID] {
			f.Contributions = append(f.Contributions, c.ID)
		}
	}
}
