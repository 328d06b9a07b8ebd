package app

import (
	"fyne.io/fyne/v2"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
)

// viewExport returns the preference under which the export dialog of the
// view on the screen (named view, as its tab) remembers its settings, and
// the settings the dialog opens with. The board keeps the map's settings
// (start is nil). The network, grid and roles views each remember their
// own, since they print otherwise than the board: until they do, they
// start from the map's settings (paper, orientation, format) at 100 %, with
// "Fit on one page" as the view prints by default (scene.FitsByDefault): ticked
// for the network and the grid, which are one picture each, and for a
// roles matrix that stays readable on one sheet; a large one is tiled at
// 100 % with its names and step headers on every sheet.
func viewExport(mapKey, view string, m *model.Map, sc *model.Scenario) (key string, start func(fyne.Preferences) exportSettings) {
	var draw func() *scene.Scene
	switch view {
	case T("Network"):
		key = mapKey + ":network"
	case T("Stakeholder grid"):
		key = mapKey + ":grid"
	case T("Roles over time"):
		key = mapKey + ":roles"
		draw = func() *scene.Scene { return scene.Roles(m, sc.ID) }
	default:
		return mapKey, nil
	}
	return key, func(p fyne.Preferences) exportSettings {
		if p.String(key) != "" {
			return loadExportSettings(p, key)
		}
		// The board's scale is for the board: unticking Fit tiles at 100 %.
		set := loadExportSettings(p, mapKey)
		set.Fit, set.ScalePct = true, scene.DefaultScalePct
		if draw != nil {
			set.Fit = scene.FitsByDefault(draw(), set.setup(), export.MapMeta(m, sc, T).PageInfo())
		}
		return set
	}
}
