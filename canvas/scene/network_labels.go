package scene

// The English labels of the network, grid and roles views, in one place so
// they can later be routed through the translations.
var analysisLabels = struct {
	NetworkTitle, GridTitle, RolesTitle                       string
	Informal, Broker                                          string
	LegendLeader, LegendBroker, LegendRelation, LegendFlows   string
	LegendHigh, LegendBroken, LegendNegative, LegendCoalition string
	LegendGoodRelation, LegendRelationKind                    string
	Kinds                                                     map[string]string
	OtherKind                                                 string
	ManageClosely, KeepSatisfied, KeepInformed, Monitor       string
	Influence, Interest, NotAssessed                          string
	Attitudes                                                 [5]string
	Stakeholder                                               string
	Roles                                                     map[string]string
	NoLead, TwoLeads, InformedThenLeads                       string
	SizeBy                                                    string
}{
	NetworkTitle:       "Stakeholder network",
	GridTitle:          "Stakeholder grid: influence and interest",
	RolesTitle:         "Roles over time",
	Informal:           "L",
	Broker:             "B",
	LegendLeader:       "informal leader",
	LegendBroker:       "broker (high betweenness)",
	LegendRelation:     "neutral relationship",
	LegendGoodRelation: "good relationship",
	LegendRelationKind: "label: kind of relationship",
	LegendFlows:        "flows (width = number)",
	LegendHigh:         "high criticality",
	LegendBroken:       "breaks without the stakeholder",
	LegendNegative:     "strained relationship",
	LegendCoalition:    "coalition",
	Kinds: map[string]string{
		"organisation": "organisation", "professional": "professional", "patient": "patient",
		"carer": "informal carer", "funder": "funder", "government": "government",
	},
	OtherKind:     "other",
	ManageClosely: "Manage closely",
	KeepSatisfied: "Keep satisfied",
	KeepInformed:  "Keep informed",
	Monitor:       "Monitor",
	Influence:     "Influence",
	Interest:      "Interest",
	NotAssessed:   "Not assessed",
	Attitudes:     [5]string{"very negative", "negative", "neutral", "positive", "very positive"},
	Stakeholder:   "Stakeholder",
	Roles: map[string]string{
		"lead": "lead", "contributes": "contributes", "consulted": "consulted", "informed": "informed",
	},
	NoLead:            "no lead",
	TwoLeads:          "two leads",
	InformedThenLeads: "only informed, leads the next step",
	SizeBy:            "size",
}
