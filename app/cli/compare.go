package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

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

// compareExporter resolves --from and --to in the file at path and returns
// the writer of their diff. Only JSON is written for now: a compare drawing
// needs the compare board scene, which does not exist yet.
func compareExporter(path string, o exportOptions) (func(io.Writer) error, error) {
	if o.from == "" || o.to == "" {
		return nil, usagef("--view compare needs --from and --to (scenario names or ids, or snapshot names)")
	}
	if o.format != "json" {
		return nil, usagef("--view compare is written as json only (valid: json)")
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
	return func(w io.Writer) error { return compare.WriteJSON(w, d) }, nil
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
