// Package sample builds the maps the app ships with: the realistic Dutch
// sample shown on first run, and generated maps of fixed sizes for tests and
// benchmarks. It only builds model values; it must not read or write files.
package sample

import "valueflow/model"

// ScenarioID is the id of the one scenario of the sample and of every
// generated map.
const ScenarioID model.ID = "sc1"

// ScenarioName is the name of that scenario (DESIGN.md: the as-is journey).
const ScenarioName = "Huidige situatie"

// Map returns the built-in sample: a frail elderly woman going home after a
// hospital stay, as a regional network maps it today. It is built fresh on
// every call, so callers may change it.
//
// The step "Evaluatie en nazorg" deliberately has no lead: nobody owns the
// follow-up after week 8, a gap the Insights view should find.
func Map() *model.Map {
	m := &model.Map{
		Title: "Kwetsbare oudere: van ziekenhuis naar huis",
		Purpose: "Stip op de horizon: elke kwetsbare oudere gaat veilig en goed voorbereid naar huis, " +
			"met één vast aanspreekpunt, een actuele medicatielijst bij iedereen en een mantelzorger die het volhoudt.",
		Region: "Regio Vechtdal (Overijssel)",
		Description: "Zo verloopt het nu voor mevrouw Jansen (84), die na een val met een heupfractuur wordt opgenomen " +
			"en na een week naar huis gaat, waar haar dochter de mantelzorg op zich neemt. " +
			"Opgehaald in interviews met patiënten, mantelzorgers en professionals van het netwerk ouderenzorg, " +
			"aangevuld met cijfers over heropnames.",
		Stage: model.StageAlign,
	}

	m.Stakeholders = []*model.Stakeholder{
		{ID: "sh1", Name: "Patiënt (mevrouw Jansen, 84)", Kind: model.KindPatient, Colour: "#E8A0BF",
			Attitude: 1, Influence: 2, Interest: 5,
			Notes: "Woont alleen in een huis met trap; wil zo snel mogelijk weer zelfstandig thuis zijn."},
		{ID: "sh2", Name: "Mantelzorger (dochter)", Kind: model.KindCarer, Colour: "#F6C28B",
			Attitude: 1, Influence: 2, Interest: 5,
			Notes: "Werkt vier dagen per week en woont twintig minuten verderop; dreigt overbelast te raken."},
		{ID: "sh3", Name: "Klinisch geriater", Kind: model.KindProfessional, Organisation: "Vechtdal Ziekenhuis", Colour: "#9AD0EC",
			Attitude: 1, Influence: 4, Interest: 3},
		{ID: "sh4", Name: "Transferverpleegkundige", Kind: model.KindProfessional, Organisation: "Vechtdal Ziekenhuis", Colour: "#5DADE2",
			Attitude: 2, Influence: 3, Interest: 5, InformalLeader: true,
			Notes: "Kent iedereen in de wijkverpleging bij naam; regelt veel via de telefoon buiten de formele route om."},
		{ID: "sh5", Name: "Huisarts", Kind: model.KindProfessional, Organisation: "Huisartsenpraktijk De Linde", Colour: "#A8D5BA",
			Attitude: 0, Influence: 5, Interest: 3,
			Notes: "Hoofdbehandelaar thuis, maar hoort vaak pas na dagen van de opname en het ontslag."},
		{ID: "sh6", Name: "Praktijkondersteuner ouderenzorg", Kind: model.KindProfessional, Organisation: "Huisartsenpraktijk De Linde", Colour: "#D4E79E",
			Attitude: 2, Influence: 3, Interest: 5, InformalLeader: true,
			Notes: "Verbindt huisarts, wijkverpleging en gemeente; zit het wijkoverleg voor."},
		{ID: "sh7", Name: "Apotheker", Kind: model.KindProfessional, Organisation: "Apotheek Het Vechtdal", Colour: "#B39DDB",
			Attitude: 1, Influence: 2, Interest: 3},
		{ID: "sh8", Name: "Wijkverpleegkundige", Kind: model.KindProfessional, Organisation: "Thuiszorg IJsseldelta", Colour: "#80CBC4",
			Attitude: 1, Influence: 3, Interest: 4},
		{ID: "sh9", Name: "Fysiotherapeut", Kind: model.KindProfessional, Organisation: "Fysiotherapie Aan de Vecht", Colour: "#FFE082",
			Attitude: 1, Influence: 2, Interest: 3},
		{ID: "sh10", Name: "Specialist ouderengeneeskunde", Kind: model.KindProfessional, Organisation: "Zorggroep De Vecht", Colour: "#CE93D8",
			Attitude: 1, Influence: 3, Interest: 3},
		{ID: "sh11", Name: "Casemanager kwetsbare ouderen", Kind: model.KindProfessional, Organisation: "Welzijn & Zorg Vechtdal", Colour: "#FFAB91",
			Attitude: 2, Influence: 2, Interest: 5},
		{ID: "sh12", Name: "Wmo-consulent", Kind: model.KindGovernment, Organisation: "Gemeente Vechtdal", Colour: "#BCAAA4",
			Attitude: 0, Influence: 3, Interest: 2},
		{ID: "sh13", Name: "Zorgverzekeraar", Kind: model.KindFunder, Organisation: "Zorgverzekeraar Noord-Oost", Colour: "#B0BEC5",
			Attitude: -1, Influence: 5, Interest: 2,
			Notes: "Contracteert wijkverpleging en fysiotherapie; wil heropnames omlaag, twijfelt aan de kosten van coördinatie."},
	}

	sc := &model.Scenario{ID: ScenarioID, Name: ScenarioName}
	m.Scenarios = []*model.Scenario{sc}
	sc.Steps = []*model.Step{
		{ID: "st1", Name: "Spoedopname na een val", Timing: "dag 1", StartDay: 0, DurationDays: 1,
			Description:     "Mevrouw Jansen valt thuis en komt via de huisartsenpost op de Spoedeisende Hulp; heupfractuur, opname op de afdeling geriatrie.",
			Experience:      model.Int(-2),
			CarerExperience: model.Int(-2),
			PainPoints:      "Medicatielijst onvolledig; de huisarts weet niet van de opname; de dochter moet alles drie keer vertellen."},
		{ID: "st2", Name: "Behandeling in het ziekenhuis", Timing: "dag 2–5", StartDay: 1, DurationDays: 4,
			Description:     "Operatie, pijnbestrijding en mobiliseren; geriatrische screening op delier, ondervoeding en valrisico.",
			Experience:      model.Int(-1),
			CarerExperience: model.Int(-1),
			PainPoints:      "Het ontslag wordt pas laat besproken; de mantelzorger zit niet bij het gesprek."},
		{ID: "st3", Name: "Ontslagplanning en transfer", Timing: "dag 4–6", StartDay: 3, DurationDays: 3,
			Description:     "Transferpunt regelt de zorg thuis: indicatie wijkverpleging, melding bij de gemeente, medicatieverificatie.",
			Experience:      model.Int(-1),
			CarerExperience: model.Int(-2),
			PainPoints:      "Wachten op de indicatie wijkverpleging en de Wmo; niemand houdt het overzicht over alle aanvragen."},
		{ID: "st4", Name: "Ontslag naar huis", Timing: "dag 7", StartDay: 6, DurationDays: 1, WaitDays: 1,
			Description:     "Vertrek met ontslagbrief, medicatie en overdracht; de dochter haalt haar moeder op.",
			Experience:      model.Int(0),
			CarerExperience: model.Int(-2),
			PainPoints:      "De medicatieoverdracht komt pas na twee dagen bij de huisarts; de douchestoel is nog niet geleverd."},
		{ID: "st5", Name: "Eerste week thuis", Timing: "week 2", StartDay: 7, DurationDays: 7,
			Description:     "Wijkverpleging komt dagelijks; de dochter regelt boodschappen en medicatie.",
			Experience:      model.Int(-1),
			CarerExperience: model.Int(-2),
			PainPoints:      "Valangst; onduidelijk wie 's avonds te bellen; de medicatie thuis wijkt af van de ziekenhuislijst."},
		{ID: "st6", Name: "Huisbezoek huisarts en POH", Timing: "week 2–3", StartDay: 10, DurationDays: 7, WaitDays: 3,
			Description:     "De praktijkondersteuner en de huisarts komen langs, maken een zorgplan en passen de medicatie aan.",
			Experience:      model.Int(1),
			CarerExperience: model.Int(0),
			PainPoints:      "Het huisbezoek komt pas op gang als de dochter zelf belt."},
		{ID: "st7", Name: "Herstel en revalidatie thuis", Timing: "week 2–6", StartDay: 14, DurationDays: 35,
			Description:     "Oefentherapie, valpreventie en weer zelf de dag indelen; waar nodig een consult van de specialist ouderengeneeskunde.",
			Experience:      model.Int(1),
			CarerExperience: model.Int(-1),
			PainPoints:      "Fysiotherapie start pas na tien dagen; onduidelijk wat de verzekering vergoedt."},
		{ID: "st8", Name: "Aanpassingen in huis (Wmo)", Timing: "week 3–8", StartDay: 21, DurationDays: 35, WaitDays: 14,
			Description:     "Keukentafelgesprek met de gemeente over een traplift, huishoudelijke hulp en ondersteuning van de mantelzorger.",
			Experience:      model.Int(-1),
			CarerExperience: model.Int(-1),
			PainPoints:      "Lange wachttijd voor de traplift; het keukentafelgesprek gaat zonder de casemanager."},
		{ID: "st9", Name: "Multidisciplinair overleg", Timing: "week 6", StartDay: 35, DurationDays: 1,
			Description:     "Huisarts, praktijkondersteuner, wijkverpleging, specialist ouderengeneeskunde en casemanager stemmen het vervolg af.",
			Experience:      model.Int(1),
			CarerExperience: model.Int(1),
			PainPoints:      "De mantelzorger hoort de afspraken pas achteraf."},
		{ID: "st10", Name: "Evaluatie en nazorg", Timing: "week 8–12", StartDay: 49, DurationDays: 28,
			Description: "Terugkijken op het herstel en voorkomen van een nieuwe val of heropname.",
			// Not asked in the interviews yet: the experience is left open on purpose.
			PainPoints: "Niemand is eigenaar van de nazorg; na week 8 is er geen vast moment om het herstel te evalueren."},
	}

	type card = model.Contribution
	const (
		lead  = model.RoleLead
		contr = model.RoleContributes
		cons  = model.RoleConsulted
		info  = model.RoleInformed
		eco   = model.CapitalEconomic
		soc   = model.CapitalSocial
		cult  = model.CapitalCultural
		itv   = model.EvidenceInterview
		data  = model.EvidenceData
		asm   = model.EvidenceAssumption
	)
	sc.Contributions = []*card{
		// st1 Spoedopname
		{ID: "c1", Step: "st1", Stakeholder: "sh3", Value: "Screening op kwetsbaarheid", Role: lead, Capital: cult, Tangible: true, Evidence: data,
			Description: "VMS-screening op delier, vallen, ondervoeding en fysiek functioneren binnen 24 uur."},
		{ID: "c2", Step: "st1", Stakeholder: "sh2", Value: "Voorgeschiedenis en thuissituatie vertellen", Role: contr, Capital: soc, Evidence: itv,
			Description: "De dochter neemt de medicijndoosjes mee en vertelt hoe haar moeder thuis functioneert."},
		{ID: "c3", Step: "st1", Stakeholder: "sh7", Value: "Actueel medicatieoverzicht leveren", Role: contr, Capital: cult, Tangible: true, Evidence: data,
			Description: "Het medicatieoverzicht uit het apotheeksysteem, via het landelijk schakelpunt."},
		{ID: "c4", Step: "st1", Stakeholder: "sh5", Value: "Bericht van opname", Role: info, Capital: cult, Evidence: itv,
			Description: "Komt nu vaak pas dagen later binnen, via de patiënt of de apotheek."},
		{ID: "c5", Step: "st1", Stakeholder: "sh1", Value: "Vertellen wat voor haar belangrijk is", Role: cons, Capital: soc, Evidence: itv,
			Description: "Wil weer zelf koken en naar de bridgeclub."},
		// st2 Behandeling
		{ID: "c6", Step: "st2", Stakeholder: "sh3", Value: "Behandeling en geriatrisch advies", Role: lead, Capital: cult, Tangible: true, Evidence: data,
			Description: "Medebehandeling door de klinisch geriater; advies over medicatie en delierpreventie."},
		{ID: "c7", Step: "st2", Stakeholder: "sh4", Value: "Ontslagplanning starten", Role: contr, Capital: eco, Evidence: asm,
			Description: "Zou op dag 2 moeten starten; in de praktijk pas op dag 4."},
		{ID: "c8", Step: "st2", Stakeholder: "sh2", Value: "Dagelijks bezoek en steun", Role: contr, Capital: soc, Evidence: itv},
		{ID: "c9", Step: "st2", Stakeholder: "sh1", Value: "Regie over eigen herstel", Role: cons, Capital: soc, Evidence: itv,
			Description: "Benoemt haar eigen doelen voor thuis: traplopen, douchen, boodschappen doen."},
		// st3 Ontslagplanning en transfer
		{ID: "c10", Step: "st3", Stakeholder: "sh4", Value: "Transfer regelen", Role: lead, Capital: eco, Tangible: true, Evidence: data,
			Description: "Zorgvraag in kaart, indicatie wijkverpleging aanvragen, melding bij de gemeente."},
		{ID: "c11", Step: "st3", Stakeholder: "sh8", Value: "Indicatiestelling wijkverpleging", Role: contr, Capital: eco, Tangible: true, Evidence: data},
		{ID: "c12", Step: "st3", Stakeholder: "sh12", Value: "Melding Wmo ontvangen", Role: info, Capital: eco, Tangible: true, Evidence: data,
			Description: "De formele aanvraag volgt pas na het ontslag."},
		{ID: "c13", Step: "st3", Stakeholder: "sh2", Value: "Meedenken over de thuissituatie", Role: cons, Capital: soc, Evidence: itv,
			Description: "Wat kan de dochter zelf, wat niet; wie heeft de sleutel."},
		{ID: "c14", Step: "st3", Stakeholder: "sh7", Value: "Medicatieverificatie bij ontslag", Role: contr, Capital: cult, Tangible: true, Evidence: data},
		// st4 Ontslag naar huis
		{ID: "c15", Step: "st4", Stakeholder: "sh4", Value: "Verpleegkundige overdracht naar wijkverpleging", Role: lead, Capital: cult, Tangible: true, Evidence: data,
			Description: "Digitale overdracht met zorgplan en aandachtspunten."},
		{ID: "c16", Step: "st4", Stakeholder: "sh3", Value: "Medicatieoverdracht naar huisarts", Role: contr, Capital: cult, Tangible: true, Evidence: data,
			Description: "Ontslagbrief met medicatiewijzigingen; gaat nu per post of via het portaal."},
		{ID: "c17", Step: "st4", Stakeholder: "sh7", Value: "Ontslagmedicatie klaarzetten en uitleggen", Role: contr, Capital: eco, Tangible: true, Evidence: data},
		{ID: "c18", Step: "st4", Stakeholder: "sh2", Value: "Vervoer naar huis en eerste opvang", Role: contr, Capital: soc, Evidence: itv},
		{ID: "c19", Step: "st4", Stakeholder: "sh5", Value: "Ontslagbrief ontvangen", Role: info, Capital: cult, Tangible: true, Evidence: data,
			Description: "Gemiddeld twee werkdagen na het ontslag."},
		// st5 Eerste week thuis
		{ID: "c20", Step: "st5", Stakeholder: "sh8", Value: "Dagelijkse zorg thuis en valrisico inschatten", Role: lead, Capital: eco, Tangible: true, Evidence: data},
		{ID: "c21", Step: "st5", Stakeholder: "sh2", Value: "Mantelzorg: boodschappen, medicatie, gezelschap", Role: contr, Capital: soc, Evidence: itv,
			Description: "Ongeveer twaalf uur per week naast haar werk."},
		{ID: "c22", Step: "st5", Stakeholder: "sh1", Value: "Weer zelf de dag indelen", Role: contr, Capital: soc, Evidence: itv},
		{ID: "c23", Step: "st5", Stakeholder: "sh11", Value: "Eerste huisbezoek casemanager", Role: contr, Capital: soc, Evidence: asm,
			Description: "Alleen als iemand de casemanager inschakelt; gebeurt nu bij ongeveer de helft."},
		// st6 Huisbezoek huisarts en POH
		{ID: "c24", Step: "st6", Stakeholder: "sh6", Value: "Huisbezoek en zorgplan kwetsbare oudere", Role: lead, Capital: cult, Tangible: true, Evidence: itv,
			Description: "Gestructureerd huisbezoek; doelen van mevrouw Jansen staan voorop."},
		{ID: "c25", Step: "st6", Stakeholder: "sh5", Value: "Medicatie aanpassen na ontslag", Role: contr, Capital: cult, Tangible: true, Evidence: data},
		{ID: "c26", Step: "st6", Stakeholder: "sh7", Value: "Medicatiebeoordeling met de huisarts", Role: contr, Capital: cult, Tangible: true, Evidence: data},
		{ID: "c27", Step: "st6", Stakeholder: "sh1", Value: "Eigen doelen in het zorgplan", Role: cons, Capital: soc, Evidence: itv},
		// st7 Herstel en revalidatie thuis
		{ID: "c28", Step: "st7", Stakeholder: "sh9", Value: "Oefentherapie en valpreventie thuis", Role: lead, Capital: eco, Evidence: data,
			Description: "Twee keer per week aan huis, daarna in de praktijk."},
		{ID: "c29", Step: "st7", Stakeholder: "sh10", Value: "Consult bij complexe problematiek", Role: cons, Capital: cult, Evidence: asm},
		{ID: "c30", Step: "st7", Stakeholder: "sh8", Value: "Zelfredzaamheid stimuleren", Role: contr, Capital: soc, Evidence: itv,
			Description: "Samen doen in plaats van overnemen."},
		{ID: "c31", Step: "st7", Stakeholder: "sh13", Value: "Vergoeding fysiotherapie en wijkverpleging", Role: contr, Capital: eco, Tangible: true, Evidence: data},
		{ID: "c32", Step: "st7", Stakeholder: "sh2", Value: "Oefeningen samen doen", Role: contr, Capital: soc, Evidence: itv},
		// st8 Aanpassingen in huis (Wmo)
		{ID: "c33", Step: "st8", Stakeholder: "sh12", Value: "Aanvraag Wmo-voorziening", Role: lead, Capital: eco, Tangible: true, Evidence: data,
			Description: "Keukentafelgesprek, beschikking traplift en huishoudelijke hulp."},
		{ID: "c34", Step: "st8", Stakeholder: "sh11", Value: "Ondersteunen bij de aanvraag", Role: contr, Capital: soc, Evidence: itv},
		{ID: "c35", Step: "st8", Stakeholder: "sh2", Value: "Respijtzorg en mantelzorgondersteuning", Role: cons, Capital: soc, Evidence: itv},
		{ID: "c36", Step: "st8", Stakeholder: "sh9", Value: "Advies over hulpmiddelen", Role: cons, Capital: cult, Evidence: asm},
		// st9 Multidisciplinair overleg
		{ID: "c37", Step: "st9", Stakeholder: "sh5", Value: "MDO ouderenzorg voorzitten", Role: lead, Capital: soc, Evidence: data},
		{ID: "c38", Step: "st9", Stakeholder: "sh6", Value: "Casus voorbereiden en afspraken vastleggen", Role: contr, Capital: cult, Tangible: true, Evidence: data},
		{ID: "c39", Step: "st9", Stakeholder: "sh8", Value: "Observaties van thuis inbrengen", Role: contr, Capital: cult, Evidence: itv},
		{ID: "c40", Step: "st9", Stakeholder: "sh10", Value: "Geriatrische expertise", Role: contr, Capital: cult, Evidence: itv},
		{ID: "c41", Step: "st9", Stakeholder: "sh11", Value: "Wensen van patiënt en mantelzorger inbrengen", Role: contr, Capital: soc, Evidence: itv},
		// st10 Evaluatie en nazorg: deliberately without a lead.
		{ID: "c42", Step: "st10", Stakeholder: "sh6", Value: "Telefonische evaluatie", Role: contr, Capital: soc, Evidence: asm,
			Description: "Gebeurt als er tijd is, niet structureel."},
		{ID: "c43", Step: "st10", Stakeholder: "sh2", Value: "Overbelasting signaleren", Role: contr, Capital: soc, Evidence: itv},
		{ID: "c44", Step: "st10", Stakeholder: "sh13", Value: "Cijfers over heropnames", Role: info, Capital: eco, Tangible: true, Evidence: data},
		{ID: "c45", Step: "st10", Stakeholder: "sh1", Value: "Terugblik op het herstel", Role: cons, Capital: soc, Evidence: itv},
	}

	type flow = model.Flow
	const (
		hand = model.FlowHandOff
		ref  = model.FlowReferral
		inf  = model.FlowInformation
		res  = model.FlowResource
		low  = model.CriticalityLow
		norm = model.CriticalityNormal
		high = model.CriticalityHigh
	)
	sc.Flows = []*flow{
		{ID: "f1", From: "c3", To: "c1", Kind: inf, Label: "Actueel medicatieoverzicht", Criticality: high},
		{ID: "f2", From: "c2", To: "c1", Kind: inf, Label: "Voorgeschiedenis en thuissituatie", Criticality: norm},
		{ID: "f3", From: "c1", To: "c6", Kind: hand, Label: "Uitkomst screening", Criticality: norm},
		{ID: "f4", From: "c6", To: "c7", Kind: inf, Label: "Verwachte ontslagdatum", Criticality: high},
		{ID: "f5", From: "c9", To: "c10", Kind: inf, Label: "Doelen voor thuis", Criticality: norm},
		{ID: "f6", From: "c7", To: "c10", Kind: hand, Label: "Ontslagplanning", Criticality: norm},
		{ID: "f7", From: "c10", To: "c11", Kind: ref, Label: "Aanvraag indicatie wijkverpleging", Criticality: high},
		{ID: "f8", From: "c10", To: "c12", Kind: ref, Label: "Melding Wmo", Criticality: norm},
		{ID: "f9", From: "c13", To: "c10", Kind: inf, Label: "Mogelijkheden thuis", Criticality: norm},
		{ID: "f10", From: "c14", To: "c17", Kind: inf, Label: "Geverifieerde medicatielijst", Criticality: high},
		{ID: "f11", From: "c10", To: "c15", Kind: hand, Label: "Transferdossier", Criticality: norm},
		{ID: "f12", From: "c15", To: "c20", Kind: hand, Label: "Verpleegkundige overdracht", Criticality: high},
		{ID: "f13", From: "c16", To: "c19", Kind: inf, Label: "Ontslagbrief en medicatieoverdracht", Criticality: high},
		{ID: "f14", From: "c17", To: "c21", Kind: res, Label: "Ontslagmedicatie", Criticality: norm},
		{ID: "f15", From: "c18", To: "c21", Kind: hand, Label: "Opvang thuis", Criticality: norm},
		{ID: "f16", From: "c11", To: "c20", Kind: ref, Label: "Indicatie wijkverpleging", Criticality: high},
		{ID: "f17", From: "c19", To: "c24", Kind: inf, Label: "Signaal voor huisbezoek", Criticality: high},
		{ID: "f18", From: "c20", To: "c24", Kind: inf, Label: "Valrisico en observaties", Criticality: norm},
		{ID: "f19", From: "c24", To: "c25", Kind: inf, Label: "Bevindingen huisbezoek", Criticality: norm},
		{ID: "f20", From: "c26", To: "c25", Kind: inf, Label: "Advies medicatiebeoordeling", Criticality: high},
		{ID: "f21", From: "c24", To: "c28", Kind: ref, Label: "Verwijzing fysiotherapie", Criticality: norm},
		{ID: "f22", From: "c23", To: "c34", Kind: hand, Label: "Casemanager pakt de aanvraag op", Criticality: norm},
		{ID: "f23", From: "c12", To: "c33", Kind: ref, Label: "Wmo-aanvraag", Criticality: high},
		{ID: "f24", From: "c34", To: "c33", Kind: inf, Label: "Situatie en wensen thuis", Criticality: norm},
		{ID: "f25", From: "c36", To: "c33", Kind: inf, Label: "Advies hulpmiddelen", Criticality: low},
		{ID: "f26", From: "c31", To: "c28", Kind: res, Label: "Vergoeding", Criticality: low},
		{ID: "f27", From: "c24", To: "c38", Kind: inf, Label: "Zorgplan", Criticality: norm},
		{ID: "f28", From: "c39", To: "c37", Kind: inf, Label: "Observaties thuis", Criticality: norm},
		{ID: "f29", From: "c40", To: "c37", Kind: inf, Label: "Geriatrisch advies", Criticality: norm},
		{ID: "f30", From: "c41", To: "c37", Kind: inf, Label: "Wensen patiënt en mantelzorger", Criticality: norm},
		{ID: "f31", From: "c37", To: "c42", Kind: hand, Label: "Afspraken voor de nazorg", Criticality: high},
		{ID: "f32", From: "c43", To: "c42", Kind: inf, Label: "Signaal overbelasting", Criticality: high},
		{ID: "f33", From: "c29", To: "c40", Kind: inf, Label: "Bevindingen consult", Criticality: low},
		{ID: "f34", From: "c27", To: "c24", Kind: inf, Label: "Eigen doelen", Criticality: norm},
		{ID: "f35", From: "c22", To: "c27", Kind: inf, Label: "Wat lukt al weer", Criticality: low},
	}

	m.Relationships = []*model.Relationship{
		{ID: "r1", A: "sh4", B: "sh8", Kind: "samenwerking", Quality: 1, Notes: "Vaste contactpersonen per wijk; korte lijnen."},
		{ID: "r2", A: "sh5", B: "sh3", Kind: "verwijzing", Quality: -1, Notes: "Overdracht komt laat; weinig direct contact."},
		{ID: "r3", A: "sh6", B: "sh8", Kind: "samenwerking", Quality: 2, Notes: "Wekelijks wijkoverleg."},
		{ID: "r4", A: "sh12", B: "sh11", Kind: "afstemming", Quality: 0, Notes: "Kennen elkaar, maar geen vaste afspraken."},
		{ID: "r5", A: "sh13", B: "sh8", Kind: "contractering", Quality: -1, Notes: "Discussie over de vergoeding van coördinatietijd."},
		{ID: "r6", A: "sh5", B: "sh7", Kind: "farmacotherapeutisch overleg", Quality: 1},
		{ID: "r7", A: "sh2", B: "sh11", Kind: "vertrouwen", Quality: 2, Notes: "De dochter belt de casemanager als eerste."},
	}
	m.Coalitions = []*model.Coalition{
		{ID: "co1", Name: "Warme overdracht", Issue: "Binnen 24 uur na ontslag een complete overdracht, met medicatie, bij huisarts en wijkverpleging.",
			Members: []model.ID{"sh4", "sh3", "sh5", "sh7", "sh8"}},
		{ID: "co2", Name: "Mantelzorg ontlasten", Issue: "De mantelzorger vanaf de opname betrekken en overbelasting op tijd signaleren.",
			Members: []model.ID{"sh2", "sh6", "sh11", "sh12"}},
	}
	return m
}
