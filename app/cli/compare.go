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
// its snapshots, and the name printed for it.
type side struct {
	m    *model.Map
	sc   *model.Scenario
	name string
}

// checkCompareFlags refuses the flags that would be silently ignored:
// --from and --to outside the compare view, --scenario in it.
func checkCompareFlags(o exportOptions) error {
	if o.view == "compare" && o.scenario != "" {
		return usagef("--scenario is not used with --view compare: name both sides with --from and --to")
	}
	if o.view != "compare" && (o.from != "" || o.to != "") {
		return usagef("--from and --to are only used with --view compare (the %s view draws one scenario: choose it with --scenario)", o.view)
	}
	return nil
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
		// Both sides are anonymised as one, so they still match where
		// they did; the sides' names lose the names too.
		word, ms := userWords(), []*model.Map{a.m}
		if b.m != a.m {
			ms = append(ms, b.m)
		}
		cs := anonymise.Maps(word, ms...)
		ac, bc := cs[0], cs[len(cs)-1]
		a = side{ac, ac.Scenario(anonymise.IDs(a.m, ac)(a.sc.ID)), anonymise.Text(word, a.name, ms...)}
		b = side{bc, bc.Scenario(anonymise.IDs(b.m, bc)(b.sc.ID)), anonymise.Text(word, b.name, ms...)}
	}
	d := compare.Compare(a.sc, b.sc, a.m, b.m)
	if o.format == "json" {
		return func(w io.Writer) error { return compare.WriteJSON(w, d) }, nil
	}
	word := userWords()
	s, _ := scene.CompareBoard(a.sc, b.sc, a.m, b.m, d, scene.CompareOptions{FromName: a.name, ToName: b.name, Board: scene.BoardOptions{Translate: word}})
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
	meta := export.Meta{Title: b.m.Title, Author: "Valueflow", Scenario: a.name + " → " + b.name, Date: time.Now(), Legend: scene.CompareLegend(), Translate: word}
	if _, err := scene.Paginate(s, setup, meta.PageInfo()); err != nil {
		return nil, usageError{err.Error()}
	}
	return func(w io.Writer) error { return export.PDF(w, s, setup, meta) }, nil
}

// resolveSide finds NAME as a scenario of the map (by id, or by name), else
// as a snapshot (by name, or #ID): its first scenario, or SNAPSHOT:SCENARIO.
// A name that fits more than one of them is refused with the ids that tell
// them apart.
func resolveSide(f *storage.File, name string) (side, error) {
	m := f.Map()
	for _, sc := range m.Scenarios {
		if string(sc.ID) == name {
			return side{m, sc, sc.Name}, nil
		}
	}
	snaps, err := f.Snapshots()
	if err != nil {
		return side{}, err
	}
	var scenarios []*model.Scenario
	for _, sc := range m.Scenarios {
		if strings.EqualFold(sc.Name, name) {
			scenarios = append(scenarios, sc)
		}
	}
	snapName, scName, _ := strings.Cut(name, ":")
	var matches []model.SnapshotInfo
	for _, s := range snaps {
		if strings.EqualFold(s.Name, snapName) || snapName == "#"+strconv.FormatInt(s.ID, 10) {
			matches = append(matches, s)
		}
	}
	if len(scenarios)+len(matches) > 1 {
		var ids []string
		for _, sc := range scenarios {
			ids = append(ids, fmt.Sprintf("scenario %s", sc.ID))
		}
		for _, s := range matches {
			ids = append(ids, fmt.Sprintf("snapshot #%d", s.ID))
		}
		return side{}, fmt.Errorf("%q names %d scenarios or snapshots; give the one you mean by its id: %s", name, len(ids), strings.Join(ids, ", "))
	}
	if len(scenarios) == 1 {
		return side{m, scenarios[0], scenarios[0].Name}, nil
	}
	if len(matches) == 1 {
		s := matches[0]
		sm, err := f.SnapshotMap(s.ID)
		if err != nil {
			return side{}, err
		}
		sc := sm.Scenarios[0]
		if scName != "" {
			if sc, err = pickScenario(sm, scName); err != nil {
				return side{}, fmt.Errorf("snapshot %q: %v", s.Name, err)
			}
		}
		// The name printed on the pages, as the GUI's compare calls it.
		return side{sm, sc, fmt.Sprintf(userWords()("Snapshot %s: %s"), s.Name, sc.Name)}, nil
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

// findScenario finds a scenario of m by id, or else by name (ignoring
// case); a name that two scenarios share is refused with their ids.
func findScenario(m *model.Map, name string) (*model.Scenario, error) {
	var found []*model.Scenario
	for _, sc := range m.Scenarios {
		if string(sc.ID) == name {
			return sc, nil
		}
		if strings.EqualFold(sc.Name, name) {
			found = append(found, sc)
		}
	}
	switch len(found) {
	case 0:
		var names []string
		for _, sc := range m.Scenarios {
			names = append(names, fmt.Sprintf("%q", sc.Name))
		}
		return nil, fmt.Errorf("no scenario %q in the map (it has %s)", name, strings.Join(names, ", "))
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, sc := range found {
		ids[i] = string(sc.ID)
	}
	return nil, fmt.Errorf("%d scenarios are called %q; give the one you mean by its id: %s", len(found), name, strings.Join(ids, ", "))
}
