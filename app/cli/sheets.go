package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"valueflow/app/translations"
	"valueflow/canvas/export"
	"valueflow/model"
	"valueflow/storage/sheet"
)

// importOptions are the flags of `valueflow import` that decide what a
// spreadsheet's report lets through.
type importOptions struct {
	dryRun         bool // write nothing in any case
	acceptWarnings bool // write the map despite warnings (errors always stop it)
}

// readSheets imports a workbook or a CSV folder. Errors stop the import
// with the whole report in the error. Warnings stop it too unless the user
// accepted them with --accept-warnings (or only looks, with --dry-run):
// nothing a sheet loses on the way in is written without the user knowing.
func readSheets(in string, report io.Writer, o importOptions) (*model.Map, error) {
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
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	lines := make([]string, 0, len(rep.Errors)+len(rep.Warnings))
	for _, e := range rep.Errors {
		lines = append(lines, "error: "+e.String())
	}
	for _, w := range rep.Warnings {
		lines = append(lines, "warning: "+w.String())
	}
	switch {
	case !rep.OK():
		return nil, &reportError{summary: fmt.Sprintf("%s has %s; nothing was written", in, count(len(rep.Errors), "error")), lines: lines}
	case len(rep.Warnings) > 0 && !o.acceptWarnings && !o.dryRun:
		return nil, &reportError{lines: lines,
			summary: fmt.Sprintf("%s has %s; nothing was written (check them, then run again with --accept-warnings to import anyway)", in, count(len(rep.Warnings), "warning"))}
	}
	for _, l := range lines {
		fmt.Fprintln(report, l)
	}
	if len(rep.Warnings) > 0 && o.dryRun && !o.acceptWarnings {
		fmt.Fprintf(report, "note: with %s the import writes the map only with --accept-warnings\n", count(len(rep.Warnings), "warning"))
	}
	return m, nil
}

// count is "1 warning" or "3 warnings".
func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// reportError is an import that found problems: the command line prints
// every problem on its own line on stderr, then the summary line.
type reportError struct {
	summary string
	lines   []string
}

func (e *reportError) Error() string { return e.summary }

// xlsxExporter writes a workbook with sheet and column names in the user's
// language, taken from the environment as the GUI does.
func xlsxExporter(m *model.Map) func(io.Writer) error {
	lang := sheetLanguage(os.Getenv)
	return func(w io.Writer) error { return sheet.WriteXLSX(w, m, lang) }
}

// userWords is the translator of the user's language (sheetLanguage): the
// words the GUI uses, for what the command line writes into a map's pages
// and copies.
func userWords() func(string) string { return translations.Lookup(sheetLanguage(os.Getenv)) }

// sheetLanguage is "nl" when the user's locale is Dutch and "en" otherwise,
// looked up as gettext does: LANGUAGE (its first entry), LC_ALL,
// LC_MESSAGES, LANG.
func sheetLanguage(getenv func(string) string) string {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		val := strings.TrimSpace(strings.SplitN(getenv(v), ":", 2)[0])
		if val == "" {
			continue
		}
		if l := strings.ToLower(val); l == "nl" || strings.HasPrefix(l, "nl_") || strings.HasPrefix(l, "nl-") || strings.HasPrefix(l, "nl.") {
			return "nl"
		}
		return "en"
	}
	return "en"
}

// writeCSVFolder writes the CSV files of m into the folder dir, as
// export.WriteFile writes a file: a new folder is written beside its name
// and renamed into place, so it appears whole or not at all, readable by
// everyone (0755, files 0644); an existing folder has its CSV files
// replaced, all of them or (when one cannot be written) none, and keeps
// its other files. A file in the place of the folder is refused.
func writeCSVFolder(dir string, m *model.Map) error {
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		if err := sheet.WriteCSVDir(dir, m); err != nil {
			return folderError(dir, err)
		}
		return nil
	case err == nil:
		return fmt.Errorf("cannot write %q: it is a file; a csv export writes a folder", dir)
	case !os.IsNotExist(err):
		return fmt.Errorf("cannot write %q: %w", dir, err)
	}
	parent := filepath.Dir(dir)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".*.tmp")
	if err != nil {
		return export.CannotCreate(dir, parent, err)
	}
	// MkdirTemp makes the folder private; an export is an ordinary folder.
	err = os.Chmod(tmp, 0o755)
	if err == nil {
		err = sheet.WriteCSVDir(tmp, m)
	}
	if err == nil {
		err = os.Rename(tmp, dir)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return folderError(dir, err)
	}
	return nil
}

// folderError is the one line for a CSV folder that could not be written;
// a full disk is said plainly, as for every other export.
func folderError(dir string, err error) error {
	var we *sheet.WriteError
	if errors.As(err, &we) { // says which file already
		return err
	}
	if errors.Is(err, sheet.ErrDiskFull) || errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("cannot write %q: %w", dir, sheet.ErrDiskFull)
	}
	return export.CannotWrite(dir, err) // the folder asked for, not the temporary one
}
