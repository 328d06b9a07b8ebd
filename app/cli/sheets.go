package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"valueflow/model"
	"valueflow/storage/sheet"
)

// readSheets imports a workbook or a CSV folder, printing the report's
// warnings; errors stop the import with the whole report in the message.
func readSheets(in string, report io.Writer) (*model.Map, error) {
	var (
		m   *model.Map
		rep *sheet.Report
		err error
	)
	if st, serr := os.Stat(in); serr == nil && st.IsDir() {
		m, rep, err = sheet.ReadCSVDir(in)
	} else {
		f, oerr := os.Open(in)
		if oerr != nil {
			return nil, fmt.Errorf("cannot read %q: %w", in, oerr)
		}
		defer f.Close()
		m, rep, err = sheet.ReadXLSX(f)
	}
	if rep != nil && !rep.OK() {
		lines := make([]string, 0, len(rep.Errors)+len(rep.Warnings))
		for _, e := range rep.Errors {
			lines = append(lines, "error: "+e.String())
		}
		for _, w := range rep.Warnings {
			lines = append(lines, "warning: "+w.String())
		}
		return nil, &reportError{summary: fmt.Sprintf("%s has %d problem(s); nothing was written", in, len(rep.Errors)), lines: lines}
	}
	if rep != nil {
		for _, w := range rep.Warnings {
			fmt.Fprintf(report, "warning: %s\n", w.String())
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	return m, nil
}

// reportError is an import that found problems: the command line prints
// every problem on its own line on stderr, then the summary line.
type reportError struct {
	summary string
	lines   []string
}

func (e *reportError) Error() string { return e.summary }

func xlsxExporter(m *model.Map) func(io.Writer) error {
	return func(w io.Writer) error { return sheet.WriteXLSX(w, m, "en") }
}

// writeCSVFolder writes the CSV files into a new folder next to dir and then
// renames it into place, so the folder appears whole or not at all. An
// existing folder is only replaced when it is empty.
func writeCSVFolder(dir string, m *model.Map) error {
	if entries, err := os.ReadDir(dir); err == nil {
		if len(entries) > 0 {
			return fmt.Errorf("cannot write %q: the folder exists and is not empty", dir)
		}
	} else if !os.IsNotExist(err) {
		return fmt.Errorf("cannot write %q: %w", dir, err)
	}
	parent := filepath.Dir(dir)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %q: %w", dir, err)
	}
	if err := sheet.WriteCSVDir(tmp, m); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("cannot write %q: %w", dir, err)
	}
	os.Remove(dir) // an empty folder that was there
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("cannot write %q: %w", dir, err)
	}
	return nil
}
