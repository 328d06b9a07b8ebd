package app

import (
	"path/filepath"
	"strings"

	"valueflow/model"
	"valueflow/storage"
)

// document is one open map: its file, the editor that saves every command to
// it, and the scenario shown.
type document struct {
	file     *storage.File
	editor   *model.Editor
	scenario model.ID
}

func openDocument(path string) (*document, error) {
	f, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	d := &document{file: f, editor: model.NewEditor(f.Map(), f)}
	d.scenario = f.Map().Scenarios[0].ID
	return d, nil
}

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
