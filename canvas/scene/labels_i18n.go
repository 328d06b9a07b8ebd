package scene

import (
	"maps"
	"sync"
)

var labelsMu sync.Mutex

// englishLabels are the analysis views' words as written, kept so that the
// labels are always translated from English: a second call (another
// language, a test) does not look up words already translated.
var englishLabels = analysisLabels

// TranslateAnalysisLabels puts the network, grid and roles views' words
// through tr (the English word is the key); nil gives English. The GUI
// calls it once at start and the command line before it draws a view, in
// the user's language, before any view is laid out.
func TranslateAnalysisLabels(tr func(string) string) {
	labelsMu.Lock()
	defer labelsMu.Unlock()
	l := englishLabels
	l.Kinds, l.Roles = maps.Clone(englishLabels.Kinds), maps.Clone(englishLabels.Roles)
	if tr == nil {
		analysisLabels = l
		return
	}
	for _, s := range []*string{
		&l.NetworkTitle, &l.GridTitle, &l.RolesTitle, &l.LegendLeader, &l.LegendBroker, &l.LegendRelation,
		&l.LegendFlows, &l.LegendHigh, &l.LegendBroken, &l.LegendNegative, &l.LegendCoalition,
		&l.LegendGoodRelation, &l.LegendRelationKind,
		&l.ManageClosely, &l.KeepSatisfied, &l.KeepInformed, &l.Monitor, &l.Influence, &l.Interest,
		&l.NotAssessed, &l.Stakeholder, &l.NoLead, &l.TwoLeads, &l.InformedThenLeads, &l.SizeBy,
	} {
		*s = tr(*s)
	}
	// "other" is a reserved word of the translation files, so its key differs.
	if w := tr("kind.other"); w != "kind.other" {
		l.OtherKind = w
	}
	for i := range l.Attitudes {
		l.Attitudes[i] = tr(l.Attitudes[i])
	}
	for k, v := range l.Kinds {
		l.Kinds[k] = tr("kind." + k)
		if l.Kinds[k] == "kind."+k {
			l.Kinds[k] = v
		}
	}
	for k, v := range l.Roles {
		l.Roles[k] = tr("role." + k)
		if l.Roles[k] == "role."+k {
			l.Roles[k] = v
		}
	}
	analysisLabels = l
}
