package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"valueflow/model"
)

// ReadXLSX imports a workbook. The map is nil when the report has errors.
func ReadXLSX(r io.Reader) (*model.Map, *Report, error) {
	// A mailed workbook is untrusted: bound how far its zip may expand.
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: 256 << 20})
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the workbook: %w", err)
	}
	defer f.Close()
	var sheets []rawSheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read sheet %q: %w", name, err)
		}
		sheets = append(sheets, rawSheet{name: strings.TrimSpace(name), rows: rows})
	}
	m, rep := parse(sheets)
	return m, rep, nil
}

// ReadCSVDir imports a folder of CSV files (one per table, named in English
// or Dutch). The map is nil when the report has errors.
func ReadCSVDir(dir string) (*model.Map, *Report, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var sheets []rawSheet
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, nil, err
		}
		rows, err := readCSV(data)
		name := strings.TrimSpace(strings.TrimSuffix(n, filepath.Ext(n)))
		if err != nil {
			rep := &Report{Errors: []Issue{{Sheet: name, Message: err.Error()}}}
			return nil, rep, nil
		}
		sheets = append(sheets, rawSheet{name: name, rows: rows})
	}
	m, rep := parse(sheets)
	return m, rep, nil
}

// readCSV reads one CSV file: with or without a UTF-8 BOM, comma- or
// semicolon-separated (whichever the header line has more of, outside quotes).
func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	line := data
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	commas, semis, quoted := 0, 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			commas++
		case c == ';' && !quoted:
			semis++
		}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if semis > commas {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("not readable as CSV: %v", err)
	}
	return rows, nil
}
