package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"valueflow/model"
)

// Size names a generated map size (DESIGN.md, command line).
type Size string

const (
	S  Size = "S"
	M  Size = "M"
	L  Size = "L"
	XL Size = "XL"
)

// Sizes lists the sizes from small to large.
var Sizes = []Size{S, M, L, XL}

// Counts is what a generated map of a size holds.
type Counts struct {
	Stakeholders, Steps, Contributions, Flows, Relationships, Coalitions int
}

// counts follow DESIGN.md: L is 40 lanes × 60 steps with 1,200 cards (half
// the cells), 1,000 flows and 300 relationships; XL is ten times L. S and M
// keep L's proportions: cards = half the cells, flows = 5/6 of the cards,
// relationships linking L's share (38 %) of the possible pairs of lanes
// (S: 3 of 6, M: 25 of 66), and about one coalition per 5 lanes.
var counts = map[Size]Counts{
	S:  {Stakeholders: 4, Steps: 6, Contributions: 12, Flows: 10, Relationships: 3, Coalitions: 1},
	M:  {Stakeholders: 12, Steps: 20, Contributions: 120, Flows: 100, Relationships: 25, Coalitions: 2},
	L:  {Stakeholders: 40, Steps: 60, Contributions: 1200, Flows: 1000, Relationships: 300, Coalitions: 8},
	XL: {Stakeholders: 400, Steps: 600, Contributions: 12000, Flows: 10000, Relationships: 3000, Coalitions: 80},
}

// CountsOf returns what Generate(size) holds; ok is false for an unknown size.
func CountsOf(size Size) (Counts, bool) {
	c, ok := counts[size]
	return c, ok
}

// ParseSize accepts S, M, L or XL in any case.
func ParseSize(s string) (Size, error) {
	z := Size(strings.ToUpper(strings.TrimSpace(s)))
	if _, ok := counts[z]; !ok {
		return "", fmt.Errorf("unknown size %q: use S, M, L or XL", s)
	}
	return z, nil
}

// Generate builds a valid map of the given size, the same one on every call
// (a fixed seed per size). Each step has exactly one lead card; flows never
// go from a card to itself, are never repeated and go forward in time except
// for about one in ten that stays within its step. An unknown size panics:
// callers parse sizes with ParseSize.
func Generate(size Size) *model.Map {
	n, ok := counts[size]
	if !ok {
		panic(fmt.Sprintf("sample.Generate: unknown size %q", size))
	}
	if n.Relationships > n.Stakeholders*(n.Stakeholders-1)/2 {
		panic("sample.Generate: more relationships than pairs of lanes") // the table above is wrong
	}
	seed := uint64(len(size))*1000003 + uint64(size[0])
	r := rand.New(rand.NewPCG(seed, 0x76616c7565666c6f)) // "valueflo"

	m := &model.Map{
		Title:       fmt.Sprintf("Gegenereerde kaart %s (%d × %d)", size, n.Stakeholders, n.Steps),
		Purpose:     "Testkaart van vaste grootte voor tests en metingen.",
		Region:      "Testregio",
		Description: "Automatisch gemaakt; elke keer dezelfde kaart voor deze grootte.",
		Stage:       model.StageProduce,
	}

	m.Stakeholders = make([]*model.Stakeholder, n.Stakeholders)
	shs := make([]model.Stakeholder, n.Stakeholders) // one allocation for all
	for i := range shs {
		role := genRoles[i%len(genRoles)]
		s := &shs[i]
		s.ID = model.ID(fmt.Sprintf("sh%d", i+1))
		s.Name = role.name
		if i >= len(genRoles) {
			s.Name = fmt.Sprintf("%s %d", role.name, i/len(genRoles)+1)
		}
		s.Kind = role.kind
		if role.org != "" {
			s.Organisation = fmt.Sprintf("%s %s", role.org, genPlaces[(i/len(genRoles))%len(genPlaces)])
		}
		s.Colour = pastel(i)
		s.Attitude = r.IntN(5) - 2
		s.Influence = 1 + r.IntN(5)
		s.Interest = 1 + r.IntN(5)
		s.InformalLeader = r.IntN(20) == 0
		m.Stakeholders[i] = s
	}

	sc := &model.Scenario{ID: ScenarioID, Name: ScenarioName}
	m.Scenarios = []*model.Scenario{sc}

	sc.Steps = make([]*model.Step, n.Steps)
	steps := make([]model.Step, n.Steps)
	day := 0
	for i := range steps {
		st := &steps[i]
		st.ID = model.ID(fmt.Sprintf("st%d", i+1))
		st.Name = genSteps[i%len(genSteps)]
		if i >= len(genSteps) {
			st.Name = fmt.Sprintf("%s %d", st.Name, i/len(genSteps)+1)
		}
		if i > 0 {
			st.WaitDays = r.IntN(4)
		}
		day += st.WaitDays
		st.StartDay = day
		st.DurationDays = 1 + r.IntN(7)
		day += st.DurationDays
		st.Timing = timing(st.StartDay, st.DurationDays)
		st.Description = fmt.Sprintf("Fase %d van het gegenereerde zorgpad.", i+1)
		st.Experience = model.Int(r.IntN(5) - 2)
		st.CarerExperience = model.Int(r.IntN(5) - 2)
		if *st.Experience < 0 {
			st.PainPoints = genPains[r.IntN(len(genPains))]
		}
		sc.Steps[i] = st
	}

	// Cards are spread evenly over the steps, each in a distinct lane of its
	// step, so every size has cards in every step and no cell piles up.
	sc.Contributions = make([]*model.Contribution, n.Contributions)
	cards := make([]model.Contribution, n.Contributions)
	stepOf := make([]int, n.Contributions) // card index → step index
	byStep := make([][]int, n.Steps)       // step index → card indices
	perStep := n.Contributions / n.Steps   // every size divides exactly
	lanes := make([]int, n.Stakeholders)
	for i := range lanes {
		lanes[i] = i
	}
	k := 0
	for s := 0; s < n.Steps; s++ {
		// A partial shuffle picks perStep distinct lanes.
		for j := 0; j < perStep; j++ {
			x := j + r.IntN(len(lanes)-j)
			lanes[j], lanes[x] = lanes[x], lanes[j]
		}
		for j := 0; j < perStep; j++ {
			c := &cards[k]
			c.ID = model.ID(fmt.Sprintf("c%d", k+1))
			c.Step = sc.Steps[s].ID
			c.Stakeholder = m.Stakeholders[lanes[j]].ID
			c.Value = genValues[r.IntN(len(genValues))]
			if j == 0 {
				c.Role = model.RoleLead
			} else {
				c.Role = model.Roles[1+r.IntN(len(model.Roles)-1)]
			}
			c.Capital = model.Capitals[r.IntN(len(model.Capitals))]
			c.Tangible = r.IntN(2) == 0
			c.Evidence = model.Evidences[r.IntN(len(model.Evidences))]
			if r.IntN(3) == 0 {
				c.Description = fmt.Sprintf("Bijdrage van %s in %s.", m.Stakeholders[lanes[j]].Name, strings.ToLower(sc.Steps[s].Name))
			}
			sc.Contributions[k] = c
			stepOf[k] = s
			byStep[s] = append(byStep[s], k)
			k++
		}
	}

	// Flows: from a card to a card one to three steps later, or (one in ten)
	// to another card of the same step. Pairs are never repeated.
	sc.Flows = make([]*model.Flow, n.Flows)
	flows := make([]model.Flow, n.Flows)
	seen := make(map[[2]int]bool, n.Flows)
	lastStepStart := byStep[n.Steps-1][0]
	for i := 0; i < n.Flows; {
		from := r.IntN(lastStepStart) // never a card of the last step
		s := stepOf[from]
		var to int
		if r.IntN(10) == 0 {
			to = byStep[s][r.IntN(perStep)]
		} else {
			t := s + 1 + r.IntN(3)
			if t >= n.Steps {
				t = n.Steps - 1
			}
			to = byStep[t][r.IntN(perStep)]
		}
		if to == from || seen[[2]int{from, to}] {
			continue
		}
		seen[[2]int{from, to}] = true
		f := &flows[i]
		f.ID = model.ID(fmt.Sprintf("f%d", i+1))
		f.From = cards[from].ID
		f.To = cards[to].ID
		f.Kind = model.FlowKinds[r.IntN(len(model.FlowKinds))]
		f.Label = genFlowLabels[f.Kind][r.IntN(len(genFlowLabels[f.Kind]))]
		f.Criticality = model.Criticalities[r.IntN(len(model.Criticalities))]
		sc.Flows[i] = f
		i++
	}

	// Relationships between distinct pairs of lanes, each pair at most once.
	m.Relationships = make([]*model.Relationship, n.Relationships)
	rels := make([]model.Relationship, n.Relationships)
	pairs := make(map[[2]int]bool, n.Relationships)
	for i := 0; i < n.Relationships; {
		a, b := r.IntN(n.Stakeholders), r.IntN(n.Stakeholders)
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if pairs[[2]int{a, b}] {
			continue
		}
		pairs[[2]int{a, b}] = true
		rl := &rels[i]
		rl.ID = model.ID(fmt.Sprintf("r%d", i+1))
		rl.A, rl.B = m.Stakeholders[a].ID, m.Stakeholders[b].ID
		rl.Kind = genRelKinds[r.IntN(len(genRelKinds))]
		rl.Quality = r.IntN(5) - 2
		m.Relationships[i] = rl
		i++
	}

	m.Coalitions = make([]*model.Coalition, n.Coalitions)
	for i := range m.Coalitions {
		size := 3 + r.IntN(3)
		if size > n.Stakeholders {
			size = n.Stakeholders
		}
		members := make([]model.ID, 0, size)
		for _, x := range r.Perm(n.Stakeholders)[:size] {
			members = append(members, m.Stakeholders[x].ID)
		}
		issue := genIssues[i%len(genIssues)]
		m.Coalitions[i] = &model.Coalition{
			ID:      model.ID(fmt.Sprintf("co%d", i+1)),
			Name:    fmt.Sprintf("Coalitie %d: %s", i+1, issue.name),
			Issue:   issue.issue,
			Members: members,
		}
	}
	return m
}

// timing writes a step's moment the way care professionals do: days in the
// first week, weeks after that.
func timing(start, duration int) string {
	end := start + duration - 1
	if end < 7 {
		if start == end {
			return fmt.Sprintf("dag %d", start+1)
		}
		return fmt.Sprintf("dag %d–%d", start+1, end+1)
	}
	ws, we := start/7+1, end/7+1
	if ws == we {
		return fmt.Sprintf("week %d", ws)
	}
	return fmt.Sprintf("week %d–%d", ws, we)
}

// pastel spreads hues by the golden angle so neighbouring lanes differ
// clearly, at a fixed light, soft saturation.
func pastel(i int) string {
	h := float64(i) * 137.508
	h -= 360 * float64(int(h/360))
	const s, l = 0.55, 0.78
	c := (1 - abs(2*l-1)) * s
	hp := h / 60
	x := c * (1 - abs(hp-2*float64(int(hp/2))-1))
	var r, g, b float64
	switch int(hp) {
	case 0:
		r, g, b = c, x, 0
	case 1:
		r, g, b = x, c, 0
	case 2:
		r, g, b = 0, c, x
	case 3:
		r, g, b = 0, x, c
	case 4:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	mm := l - c/2
	return fmt.Sprintf("#%02X%02X%02X", byte((r+mm)*255+0.5), byte((g+mm)*255+0.5), byte((b+mm)*255+0.5))
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var genRoles = []struct {
	name string
	kind model.StakeholderKind
	org  string
}{
	{"Patiënt", model.KindPatient, ""},
	{"Mantelzorger", model.KindCarer, ""},
	{"Huisarts", model.KindProfessional, "Huisartsenpraktijk"},
	{"Praktijkondersteuner", model.KindProfessional, "Huisartsenpraktijk"},
	{"Wijkverpleegkundige", model.KindProfessional, "Thuiszorg"},
	{"Transferverpleegkundige", model.KindProfessional, "Ziekenhuis"},
	{"Klinisch geriater", model.KindProfessional, "Ziekenhuis"},
	{"Specialist ouderengeneeskunde", model.KindProfessional, "Zorggroep"},
	{"Apotheker", model.KindProfessional, "Apotheek"},
	{"Fysiotherapeut", model.KindProfessional, "Fysiotherapie"},
	{"Ergotherapeut", model.KindProfessional, "Ergotherapie"},
	{"Casemanager", model.KindProfessional, "Welzijn & Zorg"},
	{"Wmo-consulent", model.KindGovernment, "Gemeente"},
	{"Sociaal werker", model.KindOrganisation, "Wijkteam"},
	{"Zorgverzekeraar", model.KindFunder, "Zorgverzekeraar"},
	{"Diëtist", model.KindProfessional, "Diëtistenpraktijk"},
	{"POH-GGZ", model.KindProfessional, "Huisartsenpraktijk"},
	{"Huisartsenpost", model.KindOrganisation, "Huisartsenpost"},
	{"Ambulancedienst", model.KindOrganisation, "Ambulancezorg"},
	{"Verpleeghuis", model.KindOrganisation, "Zorggroep"},
}

var genPlaces = []string{"Noord", "Zuid", "Oost", "West", "Centrum", "Vechtdal", "IJsseldelta", "Salland", "Twente", "Achterhoek"}

var genSteps = []string{
	"Signalering", "Verwijzing", "Intake", "Diagnostiek", "Opname", "Behandeling", "Ontslagplanning",
	"Overdracht", "Eerste week thuis", "Huisbezoek", "Revalidatie", "Aanpassingen in huis",
	"Multidisciplinair overleg", "Evaluatie", "Nazorg",
}

var genValues = []string{
	"Medicatieoverdracht naar huisarts", "Regie over eigen herstel", "Aanvraag Wmo-voorziening",
	"Zorgplan opstellen", "Valrisico inschatten", "Mantelzorg ondersteunen", "Warme overdracht",
	"Indicatie wijkverpleging", "Medicatiebeoordeling", "Huisbezoek", "Oefentherapie",
	"Hulpmiddelen regelen", "Casus bespreken in het MDO", "Vergoeding regelen", "Signaleren van overbelasting",
	"Voorlichting aan patiënt en naasten", "Eén aanspreekpunt", "Gegevens delen", "Zelfredzaamheid stimuleren",
	"Ontslagbrief", "Respijtzorg", "Geriatrisch advies", "Voedingsadvies", "Evaluatiegesprek",
}

var genPains = []string{
	"Lange wachttijd", "Informatie komt te laat", "Niemand houdt het overzicht", "Mantelzorger overbelast",
	"Medicatie niet afgestemd", "Onduidelijk wie te bellen", "Dubbele vragen aan de patiënt",
}

var genFlowLabels = map[model.FlowKind][]string{
	model.FlowHandOff:     {"Overdracht", "Warme overdracht", "Zorgplan", "Transferdossier"},
	model.FlowReferral:    {"Verwijzing", "Aanvraag indicatie", "Doorverwijzing", "Aanmelding"},
	model.FlowInformation: {"Medicatieoverzicht", "Observaties", "Ontslagbrief", "Advies", "Wensen van de patiënt"},
	model.FlowResource:    {"Vergoeding", "Hulpmiddel", "Medicatie", "Uren begeleiding"},
}

var genRelKinds = []string{"samenwerking", "verwijzing", "afstemming", "contractering", "vertrouwen", "overleg"}

var genIssues = []struct{ name, issue string }{
	{"Warme overdracht", "Binnen 24 uur een complete overdracht na ontslag."},
	{"Mantelzorg ontlasten", "Overbelasting van mantelzorgers op tijd signaleren."},
	{"Medicatieveiligheid", "Eén actuele medicatielijst bij iedereen."},
	{"Valpreventie", "Minder valincidenten en heropnames."},
	{"Eén aanspreekpunt", "Elke kwetsbare oudere weet wie te bellen."},
}
