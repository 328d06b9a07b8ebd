package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/xuri/excelize/v2"

	"valueflow/internal/atomicfile"
	"valueflow/model"
)

// numericColumns are the columns a workbook holds as numbers, by their
// English name; import reads them as numbers or as text.
var numericColumns = map[string]bool{"start_day": true, "duration_days": true, "wait_days": true, "experience": true,
	"carer_experience": true, "attitude": true, "influence": true, "interest": true, "quality": true}

// validationList is the drop-down offered for a column of a table in lang,
// or nil. The lists warn rather than refuse, since import also takes the
// other language's words and a lane's kind is free text.
func validationList(table, col, lang string) []string {
	switch {
	case col == "role":
		return roleWords.list(lang)
	case col == "capital":
		return capitalWords.list(lang)
	case col == "evidence":
		return evidenceWords.list(lang)
	case col == "criticality":
		return critWords.list(lang)
	case col == "kind" && table == "Flows":
		return flowWords.list(lang)
	case col == "kind" && table == "Stakeholders":
		return kindWords.list(lang)
	case col == "tangible" || col == "informal_leader":
		return []string{boolStr(true, lang), boolStr(false, lang)}
	}
	return nil
}

// WriteXLSX writes the map as a workbook with one sheet per table; lang is
// "nl" or "en" and chooses the sheet and column names and the words of
// the enumerated columns.
func WriteXLSX(w io.Writer, m *model.Map, lang string) error {
	if lang != "nl" {
		lang = "en"
	}
	f := excelize.NewFile()
	defer f.Close()
	data := rows(m, lang)
	for i, t := range tables {
		name := sheetName(t, lang)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		// The stream writer writes the worksheet it was given when it is
		// flushed, so the drop-downs go onto that worksheet before Flush.
		n := max(len(data[t.key])+1, 1000)
		for c, col := range t.cols {
			list := validationList(t.key, col.en, lang)
			if list == nil {
				continue
			}
			letter, _ := excelize.ColumnNumberToName(c + 1)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", letter, letter, n))
			if err := dv.SetDropList(list); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleWarning, "", "")
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
		for c := range t.cols {
			width := 18.0
			if t.cols[c].en == "description" || t.cols[c].en == "notes" || t.cols[c].en == "value" {
				width = 40
			}
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		h := header(t, lang)
		cells := make([]any, len(h))
		for c := range h {
			cells[c] = h[c]
		}
		if err := sw.SetRow("A1", cells); err != nil {
			return err
		}
		for r, row := range data[t.key] {
			cells := make([]any, len(row))
			for c := range row {
				cells[c] = row[c]
				if numericColumns[t.cols[c].en] {
					// A number, so Excel does not flag it as text; empty stays empty.
					cells[c] = nil
					if n, err := strconv.Atoi(row[c]); err == nil {
						cells[c] = n
					}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// ErrDiskFull is a CSV folder that did not fit on the disk; the files
// written are removed. The error WriteCSVDir returns is also
// syscall.ENOSPC, so callers that test for that say the same.
var ErrDiskFull = errors.New("the disk is full; nothing was written")

type diskFullError struct{ err error }

func (e diskFullError) Error() string        { return ErrDiskFull.Error() }
func (e diskFullError) Is(target error) bool { return target == ErrDiskFull }
func (e diskFullError) Unwrap() error        { return e.err }

// WriteCSVDir writes one CSV file per table into dir (created if missing):
// UTF-8, comma-separated, English headers. A file of the same name that is
// there is replaced, keeping its permissions; a new one is readable by
// everyone (0644), as every export. All files are written beside their
// names first and renamed into place only when every one is complete, so
// a failure while writing (a full disk) replaces none of them. Other files in dir stay, but a CSV
// file that import would read as one of the tables (a Dutch "Stappen.csv")
// is refused: the folder would not read back as the map. When the disk is
// full it removes what it wrote and returns ErrDiskFull.
func WriteCSVDir(dir string, m *model.Map) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := checkCSVDir(dir); err != nil {
		return err
	}
	type pending struct{ tmp, path string }
	var written []pending
	defer func() {
		if err != nil {
			for _, w := range written {
				os.Remove(w.tmp)
			}
		}
		if errors.Is(err, syscall.ENOSPC) {
			err = diskFullError{err}
		}
	}()
	data := rows(m, "en")
	for _, t := range tables {
		var b strings.Builder
		cw := csv.NewWriter(&b)
		if err := cw.Write(header(t, "en")); err != nil {
			return err
		}
		if err := cw.WriteAll(data[t.key]); err != nil {
			return err
		}
		path, mode, err := csvTarget(filepath.Join(dir, t.file))
		if err != nil {
			return err
		}
		tmp, err := writeTemp(path, []byte(b.String()), mode)
		if err != nil {
			return err
		}
		written = append(written, pending{tmp, path})
	}
	for i, w := range written {
		if err := os.Rename(w.tmp, w.path); err != nil {
			written = written[i:]
			return err
		}
	}
	return nil
}

// WriteError is a CSV folder or file that is not written: its message
// names it and says why.
type WriteError struct{ Path, Reason string }

func (e *WriteError) Error() string { return fmt.Sprintf("cannot write %q: %s", e.Path, e.Reason) }

// checkCSVDir refuses a folder holding a CSV file that import reads as a
// table but that export does not write.
func checkCSVDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	ours := map[string]bool{}
	for _, t := range tables {
		ours[t.file] = true
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || ours[n] || !strings.EqualFold(filepath.Ext(n), ".csv") {
			continue
		}
		if _, known := sheetAliases[norm(strings.TrimSuffix(n, filepath.Ext(n)))]; known {
			return &WriteError{dir, "it holds " + n + ", which an import would read too; move it away or choose another folder"}
		}
	}
	return nil
}

// csvTarget is where one CSV file goes, and its permissions: a link is
// followed; a folder, a device or a read-only file in its place is refused.
func csvTarget(path string) (string, os.FileMode, error) {
	target := path
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", 0, &WriteError{path, "it is a link to a file that does not exist"}
		}
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return target, 0o644, nil
	case err != nil:
		return "", 0, err
	case st.IsDir():
		return "", 0, &WriteError{path, "it is a folder"}
	case !st.Mode().IsRegular():
		return "", 0, &WriteError{path, "it is not an ordinary file (a device, a pipe or a socket)"}
	case st.Mode().Perm()&0o222 == 0:
		return "", 0, &WriteError{path, "the file is read-only"}
	}
	return target, st.Mode().Perm(), nil
}

// writeTemp writes data into a new file beside path, synced and with mode,
// and returns its name.
func writeTemp(path string, data []byte, mode os.FileMode) (string, error) {
	// An export killed half-way left its temporary file here; an old one
	// of the same file goes now (a young one may be another export's).
	atomicfile.RemoveStale(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), atomicfile.Pattern(path))
	if err != nil {
		return "", err
	}
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	// CreateTemp makes the file private; an export is an ordinary document.
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}
