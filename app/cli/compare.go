package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/model/compare"
	"valueflow/storage"
)

// side is one side of a compare: a scenario of the file's map or of one of
// its snapshots.
type side struct {
	m  *model.Map
	sc *model.Scenario
}

// compareFormats are the formats of the compare view.
var compareFormats = []string{"json", "pdf", "svg", "png"}

// compareExporter resolves --from and --to in the file at path and returns
// the writer of their diff: as JSON, or drawn as a compare board.
func compareExporter(path string, o exportOptions) (func(io.Writer) error, error) {
	if o.from == "" || o.to == "" {
		return nil, usagef("--view compare needs --from and --to (scenario names or ids, or snapshot names)")
	}
	if !contains(compareFormats, o.format) {
		return nil, usagef("--view compare cannot be written as %s (valid: %s)", o.format, strings.Join(compareFormats, ", "))
	}
	f, err := storage.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := resolveSide(f, o.from)
	if err != nil {
		return nil, err
	}
	b, err := resolveSide(f, o.to)
	if err != nil {
		return nil, err
	}
	if o.anonymise {
		// Anonymising one map twice gives the same names, so both sides
		// still match where they did.
		if a.m == b.m {
			am := anonymise.Map(a.m, nil)
			a = side{am, am.Scenario(a.sc.ID)}
			b = side{am, am.Scenario(b.sc.ID)}
		} else {
			am, bm := anonymise.Map(a.m, nil), anonymise.Map(b.m, nil)
			a = side{am, am.Scenario(a.sc.ID)}
			b = side{bm, bm.Scenario(b.sc.ID)}
		}
	}
	d := compare.Compare(a.sc, b.sc, a.m, b.m)
	if o.format == "json" {
		return func(w io.Writer) error { return compare.WriteJSON(w, d) }, nil
	}
	s, _ := scene.CompareBoard(a.sc, b.sc, a.m, b.m, d, scene.CompareOptions{FromName: o.from, ToName: o.to})
	switch o.format {
	case "svg":
		return func(w io.Writer) error { return export.SVG(w, s) }, nil
	case "png":
		return func(w io.Writer) error { return export.PNG(w, s, float32(o.dpi)) }, nil
	}
	paper, err := scene.ParsePaper(o.paper)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	setup := scene.PageSetup{Paper: paper, Landscape: o.landscape, Fit: o.fit, ScalePct: float32(o.scale)}
	// Both names and the compare legend go on every page.
	meta := export.Meta{Title: b.m.Title, Author: "Valueflow", Scenario: o.from + " → " + o.to, Date: time.Now(), Legend: scene.CompareLegend()}
	if _, err := scene.Paginate(s, setup, meta.PageInfo()); err != nil {
		return nil, usageError{err.Error()}
	}
	return func(w io.Writer) error { return export.PDF(w, s, setup, meta) }, nil
}

// resolveSide finds NAME as a scenario of the map (by name or id), else as a
// snapshot (by name, or #ID): its first scenario, or SNAPSHOT:SCENARIO.
func resolveSide(f *storage.File, name string) (side, error) {
	m := f.Map()
	for _, sc := range m.Scenarios {
		if strings.EqualFold(sc.Name, name) || string(sc.ID) == name {
			return side{m, sc}, nil
		}
	}
	snapName, scName, _ := strings.Cut(name, ":")
	snaps, err := f.Snapshots()
	if err != nil {
		return side{}, err
	}
	for _, s := range snaps {
		if !strings.EqualFold(s.Name, snapName) && snapName != "#"+strconv.FormatInt(s.ID, 10) {
			continue
		}
		sm, err := f.SnapshotMap(s.ID)
		if err != nil {
			return side{}, err
		}
		if scName == "" {
			return side{sm, sm.Scenarios[0]}, nil
		}
		sc, err := pickScenario(sm, scName)
		if err != nil {
			return side{}, fmt.Errorf("snapshot %q: %v", s.Name, err)
		}
		return side{sm, sc}, nil
	}
	var names []string
	for _, sc := range m.Scenarios {
		names = append(names, fmt.Sprintf("%q", sc.Name))
	}
	for _, s := range snaps {
		names = append(names, fmt.Sprintf("snapshot %q", s.Name))
	}
	return side{}, fmt.Errorf("no scenario or snapshot %q in the file (it has %s)", name, strings.Join(names, ", "))
}
