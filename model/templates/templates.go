// Package templates holds the built-in starting points for a new map: an
// empty map and Dutch care pathways with their steps and typical
// stakeholders, each marked as an example to adapt to the own region.
package templates

import (
	"fmt"
	"sort"
	"strings"

	"valueflow/model"
)

// Template is one starting point.
type Template struct {
	Name    string // command-line name, e.g. "diabetes"
	Title   string // Dutch title of the map
	Summary string // one line for lists
	build   func() *model.Map
}

// Map returns a fresh copy of the template's map.
func (t Template) Map() *model.Map { return t.build() }

// exampleNote marks every pathway template as an example, not a norm; the
// map's title carries exampleMark, so the board's corner and every printed
// page say it too.
const (
	exampleNote = "Voorbeeld om aan te passen: vervang stappen, stakeholders en bijdragen door wat in uw regio echt gebeurt."
	exampleMark = " (voorbeeld om aan te passen)"
)

// All lists the templates, the empty map first.
func All() []Template {
	return []Template{
		{"empty", "Nieuwe waardeflow", "an empty map with one scenario", empty},
		{"diabetes", "Diabetes type 2 – ketenzorg", "diabetes type 2 chain care from diagnosis to yearly control", diabetes},
		{"copd", "COPD – longaanval en herstel", "COPD exacerbation, hospital stay and recovery at home", copd},
		{"frail-elderly", "Kwetsbare oudere thuis", "frail elderly person living at home, from signal to stable support", frailElderly},
		{"youth-mental-health", "Jeugd-GGZ – van zorg naar herstel", "youth mental health from first signal to recovery at school", youthMentalHealth},
		{"stroke", "Acuut CVA – beroerteketen", "acute stroke from 112 call to life at home", stroke},
	}
}

// Names returns the template names in the order of All.
func Names() []string {
	var names []string
	for _, t := range All() {
		names = append(names, t.Name)
	}
	return names
}

// ByName finds a template; the error lists the valid names.
func ByName(name string) (Template, error) {
	for _, t := range All() {
		if strings.EqualFold(t.Name, name) {
			return t, nil
		}
	}
	valid := Names()
	sort.Strings(valid)
	return Template{}, fmt.Errorf("unknown template %q (valid: %s)", name, strings.Join(valid, ", "))
}

// builder assembles a template map with readable ids.
type builder struct {
	m  *model.Map
	sc *model.Scenario
	n  int
}

func newBuilder(title, purpose string, stage model.Stage) *builder {
	sc := &model.Scenario{ID: "sc1", Name: "Huidige situatie"}
	m := &model.Map{Title: title + exampleMark, Purpose: purpose, Description: exampleNote, Stage: stage, Scenarios: []*model.Scenario{sc}}
	return &builder{m: m, sc: sc}
}

func (b *builder) stakeholder(id, name string, kind model.StakeholderKind, org, colour string, attitude, influence, interest int) {
	b.m.Stakeholders = append(b.m.Stakeholders, &model.Stakeholder{
		ID: model.ID(id), Name: name, Kind: kind, Organisation: org, Colour: colour,
		Attitude: attitude, Influence: influence, Interest: interest,
	})
}

func (b *builder) step(id, name, timing string, start, duration, wait int) {
	b.sc.Steps = append(b.sc.Steps, &model.Step{
		ID: model.ID(id), Name: name, Timing: timing, StartDay: start, DurationDays: duration, WaitDays: wait,
	})
}

func (b *builder) card(step, stakeholder, value string, role model.Role, capital model.Capital) {
	b.n++
	b.sc.Contributions = append(b.sc.Contributions, &model.Contribution{
		ID: model.ID(fmt.Sprintf("c%d", b.n)), Step: model.ID(step), Stakeholder: model.ID(stakeholder),
		Value: value, Role: role, Capital: capital, Evidence: model.EvidenceAssumption,
	})
}

// handOff links the last card of one cell to the first card of another.
func (b *builder) handOff(fromCard, toCard int, kind model.FlowKind, label string) {
	b.sc.Flows = append(b.sc.Flows, &model.Flow{
		ID: model.ID(fmt.Sprintf("f%d", len(b.sc.Flows)+1)), From: model.ID(fmt.Sprintf("c%d", fromCard)),
		To: model.ID(fmt.Sprintf("c%d", toCard)), Kind: kind, Label: label, Criticality: model.CriticalityNormal,
	})
}

func empty() *model.Map {
	b := newBuilder("Nieuwe waardeflow", "", model.StageConnect)
	b.m.Title, b.m.Description = "Nieuwe waardeflow", "" // nothing in it to adapt
	return b.m
}

// Colours shared by the templates, one per kind of stakeholder.
const (
	colPatient  = "#e07a5f"
	colCarer    = "#f2a65a"
	colGP       = "#3d8bd4"
	colHospital = "#6c5ce7"
	colHome     = "#2a9d8f"
	colCity     = "#8ab17d"
	colInsurer  = "#7f8c8d"
	colOther    = "#b5838d"
)

func diabetes() *model.Map {
	b := newBuilder("Diabetes type 2 – ketenzorg", "Mensen met diabetes houden zelf regie en blijven zo lang mogelijk zonder complicaties.", model.StageAlign)
	b.stakeholder("patient", "Patiënt", model.KindPatient, "", colPatient, 1, 2, 5)
	b.stakeholder("huisarts", "Huisarts", model.KindProfessional, "Huisartsenpraktijk", colGP, 1, 4, 4)
	b.stakeholder("poh", "Praktijkondersteuner (POH)", model.KindProfessional, "Huisartsenpraktijk", colGP, 2, 3, 5)
	b.stakeholder("dietist", "Diëtist", model.KindProfessional, "Eerstelijns diëtistenpraktijk", colOther, 1, 2, 4)
	b.stakeholder("internist", "Internist", model.KindProfessional, "Ziekenhuis", colHospital, 0, 4, 3)
	b.stakeholder("zorggroep", "Zorggroep", model.KindOrganisation, "Zorggroep", colHome, 1, 4, 4)
	b.stakeholder("verzekeraar", "Zorgverzekeraar", model.KindFunder, "", colInsurer, 0, 5, 3)
	b.step("diag", "Diagnose", "week 0", 0, 7, 0)
	b.step("start", "Start behandeling en leefstijladvies", "week 1–4", 7, 21, 3)
	b.step("educ", "Educatie en zelfmanagement", "maand 2–3", 35, 60, 7)
	b.step("kwart", "Driemaandelijkse controle", "elk kwartaal", 95, 1, 0)
	b.step("jaar", "Jaarcontrole en oogonderzoek", "jaarlijks", 365, 7, 0)
	b.step("verw", "Verwijzing bij ontregeling", "zo nodig", 380, 30, 14)
	b.card("diag", "huisarts", "Diagnose en uitleg", model.RoleLead, model.CapitalCultural)
	b.card("start", "poh", "Behandelplan met patiënt", model.RoleLead, model.CapitalSocial)
	b.card("start", "dietist", "Voedingsadvies op maat", model.RoleContributes, model.CapitalCultural)
	b.card("educ", "patient", "Zelf meten en bijhouden", model.RoleLead, model.CapitalCultural)
	b.card("kwart", "poh", "Controle en bijsturen", model.RoleLead, model.CapitalEconomic)
	b.card("jaar", "huisarts", "Jaarcontrole", model.RoleLead, model.CapitalEconomic)
	b.card("verw", "internist", "Advies bij ontregeling", model.RoleConsulted, model.CapitalCultural)
	b.card("verw", "zorggroep", "Ketenafspraken en bekostiging", model.RoleInformed, model.CapitalEconomic)
	b.handOff(1, 2, model.FlowReferral, "start ketenzorg")
	b.handOff(2, 3, model.FlowReferral, "verwijzing diëtist")
	b.handOff(2, 4, model.FlowInformation, "meetdagboek")
	b.handOff(4, 5, model.FlowInformation, "meetwaarden")
	b.handOff(5, 6, model.FlowHandOff, "")
	b.handOff(6, 7, model.FlowReferral, "consult internist")
	return b.m
}

func copd() *model.Map {
	b := newBuilder("COPD – longaanval en herstel", "Minder longaanvallen en sneller weer thuis, met een actieplan dat iedereen kent.", model.StageConnect)
	b.stakeholder("patient", "Patiënt", model.KindPatient, "", colPatient, 0, 2, 5)
	b.stakeholder("mantelzorger", "Mantelzorger", model.KindCarer, "", colCarer, 1, 1, 5)
	b.stakeholder("huisarts", "Huisarts", model.KindProfessional, "Huisartsenpraktijk", colGP, 1, 4, 4)
	b.stakeholder("longarts", "Longarts", model.KindProfessional, "Ziekenhuis", colHospital, 1, 4, 3)
	b.stakeholder("longverpl", "Longverpleegkundige", model.KindProfessional, "Ziekenhuis", colHospital, 2, 3, 5)
	b.stakeholder("fysio", "Fysiotherapeut", model.KindProfessional, "Eerstelijns praktijk", colOther, 1, 2, 4)
	b.stakeholder("wijk", "Wijkverpleging", model.KindOrganisation, "Thuiszorgorganisatie", colHome, 1, 3, 4)
	b.step("signaal", "Eerste signalen longaanval", "dag 0", 0, 1, 0)
	b.step("opname", "Opname ziekenhuis", "dag 1–5", 1, 5, 0)
	b.step("ontslag", "Ontslag en overdracht", "dag 5", 6, 1, 0)
	b.step("herstel", "Herstel thuis", "week 2–6", 7, 35, 2)
	b.step("revalidatie", "Longrevalidatie", "week 4–12", 28, 60, 14)
	b.step("nazorg", "Nazorg en actieplan", "maand 3", 90, 7, 0)
	b.card("signaal", "patient", "Herkent klachten volgens actieplan", model.RoleLead, model.CapitalCultural)
	b.card("opname", "longarts", "Behandeling longaanval", model.RoleLead, model.CapitalEconomic)
	b.card("ontslag", "longverpl", "Overdracht naar huisarts en wijk", model.RoleLead, model.CapitalSocial)
	b.card("herstel", "wijk", "Begeleiding thuis", model.RoleLead, model.CapitalSocial)
	b.card("herstel", "mantelzorger", "Dagelijkse steun", model.RoleContributes, model.CapitalSocial)
	b.card("revalidatie", "fysio", "Conditietraining", model.RoleLead, model.CapitalEconomic)
	b.card("nazorg", "huisarts", "Actieplan bijstellen", model.RoleLead, model.CapitalCultural)
	b.handOff(1, 2, model.FlowReferral, "spoedverwijzing")
	b.handOff(2, 3, model.FlowHandOff, "")
	b.handOff(3, 4, model.FlowInformation, "overdracht")
	b.handOff(4, 6, model.FlowReferral, "verwijzing fysiotherapie")
	b.handOff(6, 7, model.FlowInformation, "verslag revalidatie")
	return b.m
}

func frailElderly() *model.Map {
	b := newBuilder("Kwetsbare oudere thuis", "Ouderen wonen veilig thuis met zorg die op elkaar aansluit.", model.StageConnect)
	b.stakeholder("oudere", "Oudere", model.KindPatient, "", colPatient, 0, 2, 5)
	b.stakeholder("mantelzorger", "Mantelzorger", model.KindCarer, "", colCarer, 1, 2, 5)
	b.stakeholder("huisarts", "Huisarts", model.KindProfessional, "Huisartsenpraktijk", colGP, 1, 4, 4)
	b.stakeholder("so", "Specialist ouderengeneeskunde", model.KindProfessional, "VVT-organisatie", colHome, 2, 3, 4)
	b.stakeholder("wijk", "Wijkverpleegkundige", model.KindProfessional, "Thuiszorgorganisatie", colHome, 2, 3, 5)
	b.stakeholder("wmo", "Wmo-consulent", model.KindGovernment, "Gemeente", colCity, 0, 3, 3)
	b.stakeholder("welzijn", "Welzijnswerker", model.KindOrganisation, "Welzijnsorganisatie", colCity, 1, 2, 4)
	b.step("signaal", "Signaal van kwetsbaarheid", "week 0", 0, 7, 0)
	b.step("gesprek", "Huisbezoek en gesprek", "week 1–2", 7, 14, 5)
	b.step("plan", "Gezamenlijk zorgplan", "week 3", 21, 7, 3)
	b.step("ondersteuning", "Ondersteuning thuis", "maand 1–6", 30, 150, 10)
	b.step("evaluatie", "Evaluatie", "maand 6", 180, 7, 0)
	b.card("signaal", "mantelzorger", "Merkt achteruitgang op", model.RoleContributes, model.CapitalSocial)
	b.card("signaal", "huisarts", "Signaleert kwetsbaarheid", model.RoleLead, model.CapitalCultural)
	b.card("gesprek", "wijk", "Huisbezoek: wat is belangrijk?", model.RoleLead, model.CapitalSocial)
	b.card("plan", "huisarts", "Zorgplan met oudere en mantelzorger", model.RoleLead, model.CapitalSocial)
	b.card("plan", "so", "Advies bij complexe zorg", model.RoleConsulted, model.CapitalCultural)
	b.card("ondersteuning", "wmo", "Hulp bij het huishouden", model.RoleContributes, model.CapitalEconomic)
	b.card("ondersteuning", "welzijn", "Dagbesteding en contact", model.RoleContributes, model.CapitalSocial)
	b.card("ondersteuning", "wijk", "Persoonlijke verzorging", model.RoleLead, model.CapitalEconomic)
	b.card("evaluatie", "huisarts", "Evaluatie zorgplan", model.RoleLead, model.CapitalCultural)
	b.handOff(1, 2, model.FlowInformation, "zorgen gedeeld")
	b.handOff(2, 3, model.FlowReferral, "")
	b.handOff(3, 4, model.FlowInformation, "")
	b.handOff(4, 6, model.FlowReferral, "melding Wmo")
	b.handOff(4, 8, model.FlowHandOff, "")
	b.handOff(8, 9, model.FlowInformation, "rapportage")
	return b.m
}

func youthMentalHealth() *model.Map {
	b := newBuilder("Jeugd-GGZ – van zorg naar herstel", "Jongeren krijgen snel passende hulp, dichtbij huis en school.", model.StageConnect)
	b.stakeholder("jongere", "Jongere", model.KindPatient, "", colPatient, 0, 2, 5)
	b.stakeholder("ouders", "Ouders", model.KindCarer, "", colCarer, 1, 3, 5)
	b.stakeholder("school", "Mentor en zorgcoördinator", model.KindOrganisation, "School", colOther, 1, 2, 4)
	b.stakeholder("huisarts", "Huisarts / POH-GGZ", model.KindProfessional, "Huisartsenpraktijk", colGP, 1, 3, 4)
	b.stakeholder("wijkteam", "Wijkteam jeugd", model.KindGovernment, "Gemeente", colCity, 1, 4, 4)
	b.stakeholder("ggz", "Jeugd-GGZ-aanbieder", model.KindOrganisation, "GGZ-instelling", colHospital, 0, 4, 3)
	b.step("signaal", "Eerste zorgen", "week 0", 0, 7, 0)
	b.step("gesprek", "Gesprek en vraagverheldering", "week 1–3", 7, 14, 7)
	b.step("wachten", "Verwijzing en wachttijd", "week 4–12", 21, 56, 14)
	b.step("behandeling", "Behandeling", "maand 3–9", 90, 180, 0)
	b.step("herstel", "Terug naar school en herstel", "maand 9–12", 270, 90, 0)
	b.card("signaal", "school", "Signaleert verzuim en somberheid", model.RoleLead, model.CapitalSocial)
	b.card("gesprek", "huisarts", "Vraagverheldering", model.RoleLead, model.CapitalCultural)
	b.card("gesprek", "wijkteam", "Gezinsgesprek", model.RoleContributes, model.CapitalSocial)
	b.card("wachten", "ouders", "Overbruggen van de wachttijd", model.RoleContributes, model.CapitalSocial)
	b.card("behandeling", "ggz", "Behandeling", model.RoleLead, model.CapitalCultural)
	b.card("herstel", "school", "Aangepast lesprogramma", model.RoleLead, model.CapitalSocial)
	b.handOff(1, 2, model.FlowReferral, "")
	b.handOff(2, 5, model.FlowReferral, "verwijzing")
	b.handOff(3, 4, model.FlowInformation, "")
	b.handOff(5, 6, model.FlowHandOff, "terugkeerplan")
	return b.m
}

func stroke() *model.Map {
	b := newBuilder("Acuut CVA – beroerteketen", "Elke minuut telt: snelle behandeling en een goede terugkeer naar huis.", model.StageProduce)
	b.stakeholder("patient", "Patiënt", model.KindPatient, "", colPatient, 0, 1, 5)
	b.stakeholder("naaste", "Naaste", model.KindCarer, "", colCarer, 1, 2, 5)
	b.stakeholder("ambulance", "Ambulancedienst", model.KindOrganisation, "RAV", colOther, 1, 3, 4)
	b.stakeholder("neuroloog", "Neuroloog", model.KindProfessional, "Ziekenhuis", colHospital, 1, 5, 4)
	b.stakeholder("revalidatie", "Revalidatiearts", model.KindProfessional, "Revalidatiecentrum", colHome, 1, 3, 4)
	b.stakeholder("huisarts", "Huisarts", model.KindProfessional, "Huisartsenpraktijk", colGP, 1, 3, 3)
	b.step("alarm", "112-melding", "minuut 0", 0, 1, 0)
	b.step("acuut", "Acute behandeling", "uur 0–4", 0, 1, 0)
	b.step("unit", "Stroke unit", "dag 1–5", 1, 5, 0)
	b.step("revalidatie", "Revalidatie", "week 2–12", 7, 80, 3)
	b.step("thuis", "Thuis en nazorg", "maand 3–12", 90, 270, 0)
	b.card("alarm", "naaste", "Herkent beroerte en belt 112", model.RoleLead, model.CapitalCultural)
	b.card("acuut", "ambulance", "Snel vervoer naar stroke-centrum", model.RoleContributes, model.CapitalEconomic)
	b.card("acuut", "neuroloog", "Trombolyse of trombectomie", model.RoleLead, model.CapitalEconomic)
	b.card("unit", "neuroloog", "Bewaking en diagnostiek", model.RoleLead, model.CapitalCultural)
	b.card("revalidatie", "revalidatie", "Revalidatieprogramma", model.RoleLead, model.CapitalSocial)
	b.card("thuis", "huisarts", "Nazorg en secundaire preventie", model.RoleLead, model.CapitalCultural)
	b.handOff(1, 2, model.FlowHandOff, "")
	b.handOff(2, 3, model.FlowHandOff, "vooraankondiging")
	b.handOff(3, 4, model.FlowHandOff, "")
	b.handOff(4, 5, model.FlowReferral, "indicatie revalidatie")
	b.handOff(5, 6, model.FlowInformation, "ontslagbrief")
	return b.m
}
