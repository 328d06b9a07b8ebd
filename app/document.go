package app

import (
	"path/filepath"
	"strings"

	"valueflow/model"
	"valueflow/storage"
)

// document is one open map: its file, the editor that saves every command to
// it, how the last save went, and the scenario shown.
type document struct {
	file     *storage.File
	editor   *model.Editor
	saves    *saveWatch
	scenario model.ID
}

func openDocument(path string) (*document, error) {
	f, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	saves := &saveWatch{file: f}
	d := &document{file: f, editor: model.NewEditor(f.Map(), saves), saves: saves}
	d.scenario = f.Map().Scenarios[0].ID
	return d, nil
}

// saveWatch stands between the editor and the file and remembers how the
// last save went, so the window can say the map is not being saved (a full
// disk, a file that can no longer be written) until a save succeeds again.
// Every save passes here, whichever part of the window made the edit.
type saveWatch struct {
	file *storage.File
	err  error
	// onSave, if set, is called after each save with its outcome in err.
	// The editor has not yet taken a refused edit back out of the map.
	onSave func()
}

func (s *saveWatch) Save(m *model.Map, touched []model.Ref) error {
	s.err = s.file.Save(m, touched)
	if s.onSave != nil {
		s.onSave()
	}
	return s.err
}

// saveError is why the last save failed, or nil when it succeeded (or
// nothing was saved yet).
func (d *document) saveError() error { return d.saves.err }

func (d *document) m() *model.Map { return d.editor.Map }

// current returns the scenario on the board, falling back to the first one
// when it was deleted.
func (d *document) current() *model.Scenario {
	if sc := d.m().Scenario(d.scenario); sc != nil {
		return sc
	}
	d.scenario = d.m().Scenarios[0].ID
	return d.m().Scenarios[0]
}

func (d *document) close() {
	if d != nil && d.file != nil {
		d.file.Close()
	}
}

func baseName(path string) string { return filepath.Base(path) }

// withExtension adds .vflow when the user typed a name without it.
func withExtension(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".vflow") {
		return path
	}
	return path + ".vflow"
}
