package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

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
		name := strings.TrimSpace(strings.TrimSuffix(n, filepath.Ext(n)))
		rows, cp1252, err := readCSV(data)
		if err != nil {
			// Reported with the other sheets' problems, if it is a table.
			iss := &Issue{Key: "not-csv", Args: []string{err.Error()}}
			var ce csvError
			if errors.As(err, &ce) {
				iss.Key, iss.Args = ce.key, nil
			}
			sheets = append(sheets, rawSheet{name: name, bad: iss})
			continue
		}
		sheets = append(sheets, rawSheet{name: name, rows: rows, cp1252: cp1252})
	}
	m, rep := parse(sheets)
	return m, rep, nil
}

// csvError is a CSV file that is not read at all, with the issue key saying why.
type csvError struct{ key string }

func (e csvError) Error() string { return messages[e.key] }

// readCSV reads one CSV file as Excel and other programs write it: UTF-8
// with or without a BOM, or else Windows-1252 (Dutch Excel's "CSV"), which
// it says; separated by commas, semicolons or tabs, whichever splits the
// first lines most evenly.
func readCSV(data []byte) (rows [][]string, cp1252 bool, err error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil, false, csvError{"utf16"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			return nil, false, fmt.Errorf("not Windows-1252 either: %v", err)
		}
		cp1252 = true
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rows, err = cr.ReadAll()
	if err != nil {
		return nil, false, err
	}
	return rows, cp1252, nil
}

// separator guesses the field separator from the first records. The
// header decides when the separator splits it and also splits most data
// rows (a comma inside a Dutch heading does not count); the widest such
// header wins. When no separator splits the header (one column), the one
// that keeps the rows as one column wins: "Gemeente, Wmo" in a semicolon
// file is not cut at its comma.
func separator(data []byte) rune {
	const sample = 50
	type rank struct {
		agree, split bool
		width        int
		exact        float64
	}
	better := func(a, b rank) bool {
		switch {
		case a.agree != b.agree:
			return a.agree
		case a.split != b.split:
			return a.split
		case a.width != b.width:
			return a.width > b.width
		}
		return a.exact > b.exact
	}
	best, bestRank := ',', rank{}
	for i, sep := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma = sep
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		cr.ReuseRecord = true
		width, records, wide, same := 0, 0, 0, 0
		for n := 0; n <= sample; n++ {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if n == 0 {
				width = len(rec)
				continue
			}
			records++
			if len(rec) > 1 {
				wide++
			}
			if len(rec) == width {
				same++
			}
		}
		r := rank{split: width > 1, width: width, exact: 1}
		if records > 0 {
			r.exact = float64(same) / float64(records)
		}
		r.agree = r.split && 2*wide >= records
		if i == 0 || better(r, bestRank) {
			best, bestRank = sep, r
		}
	}
	return best
}
