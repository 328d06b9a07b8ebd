package cli

import (
	"fmt"
	"io"
	"strings"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// drawingExporter lays out the chosen view into a scene and returns the writer
// for pdf, svg, png or dot: the same scene the screen shows, with the same
// words on it and on its pages in the user's language (userWords).
func drawingExporter(m *model.Map, sc *model.Scenario, o exportOptions) (func(io.Writer) error, error) {
	if o.format == "xlsx" {
		return xlsxExporter(m), nil
	}
	if o.format == "csv" {
		return func(io.Writer) error { return nil }, nil // written as a folder by runExport
	}
	if o.format == "dot" {
		return func(w io.Writer) error { return export.DOT(w, m, sc.ID) }, nil
	}
	word := userWords()
	s, err := viewScene(m, sc, o.view, word)
	if err != nil {
		return nil, err
	}
	switch o.format {
	case "svg":
		return func(w io.Writer) error { return export.SVG(w, s) }, nil
	case "png":
		return func(w io.Writer) error { return export.PNG(w, s, float32(o.dpi)) }, nil
	case "pdf":
		setup := o.setup
		meta := export.MapMeta(m, sc, word)
		// Paginate once here so a bad setup is reported before any file is made.
		if _, err := scene.Paginate(s, setup, meta.PageInfo()); err != nil {
			return nil, err
		}
		return func(w io.Writer) error { return export.PDF(w, s, setup, meta) }, nil
	}
	return nil, usagef("unknown format %q", o.format)
}

// viewScene lays out one view of the map in the words of word (the user's
// language, as the GUI draws it).
func viewScene(m *model.Map, sc *model.Scenario, view string, word func(string) string) (*scene.Scene, error) {
	scene.TranslateAnalysisLabels(word)
	switch strings.ToLower(view) {
	case "board":
		return scene.Board(m, sc.ID, scene.BoardOptions{Translate: word}), nil
	case "network":
		res, err := analysis.Analyze(m, analysis.Options{Scenario: sc.ID, Translate: word})
		if err != nil {
			return nil, err
		}
		return scene.Network(m, res, scene.NetworkOptions{Engine: scene.Neato}), nil
	case "grid":
		return scene.Grid(m, scene.GridOptions{}), nil
	case "roles":
		return scene.Roles(m, sc.ID), nil
	}
	return nil, fmt.Errorf("unknown view %q (valid: %s)", view, strings.Join(exportViews, ", "))
}
