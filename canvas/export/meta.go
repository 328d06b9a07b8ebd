package export

import (
	"strings"
	"time"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// MapMeta is what every printed page of a map's view says about it: the
// title, and with the scenario the network stage and the region, so a sheet
// on the table shows which map, which version and which network it is.
// word translates "stage.richten" and the like; nil prints English, like
// the board drawn without a translator.
func MapMeta(m *model.Map, sc *model.Scenario, word func(string) string) Meta {
	parts := []string{sc.Name}
	if m.Stage != model.StageNone {
		parts = append(parts, scene.Word(word, "stage."+string(m.Stage)))
	}
	if m.Region != "" {
		parts = append(parts, m.Region)
	}
	title := m.Title
	if m.Purpose != "" { // a long one is shortened with an ellipsis by the page header, not left out
		title += " — " + m.Purpose
	}
	return Meta{Title: title, Author: "Valueflow", Scenario: strings.Join(parts, " · "), Date: time.Now(), Translate: word}
}
