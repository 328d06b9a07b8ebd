package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"valueflow/model"
)

// lists offered as drop-downs in the workbook, by canonical column name.
func validationList(col string) []string {
	var vs []string
	add := func(xs ...string) { vs = append(vs, xs...) }
	switch col {
	case "role":
		for _, r := range model.Roles {
			add(string(r))
		}
	case "capital":
		for _, c := range model.Capitals {
			add(string(c))
		}
	case "evidence":
		for _, e := range model.Evidences {
			add(string(e))
		}
	case "criticality":
		for _, c := range model.Criticalities {
			add(string(c))
		}
	default:
		return nil
	}
	return vs
}

// WriteXLSX writes the map as a workbook with one sheet per table; lang is
// "nl" or "en" and chooses the sheet and column names.
func WriteXLSX(w io.Writer, m *model.Map, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	data := rows(m)
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
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		n := len(data[t.key]) + 1
		if n < 1000 {
			n = 1000
		}
		for c, col := range t.cols {
			list := validationList(col.en)
			if col.en == "kind" && t.key == "Flows" {
				for _, k := range model.FlowKinds {
					list = append(list, string(k))
				}
			}
			if col.en == "kind" && t.key == "Stakeholders" {
				// Free text is allowed for a lane's kind, so this list only offers the usual ones.
				for _, k := range model.StakeholderKinds {
					list = append(list, string(k))
				}
			}
			if list == nil {
				continue
			}
			letter, _ := excelize.ColumnNumberToName(c + 1)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", letter, letter, n))
			if err := dv.SetDropList(list); err != nil {
				return err
			}
			// A hand-typed Dutch word is accepted on import, so warn rather than refuse.
			dv.SetError(excelize.DataValidationErrorStyleWarning, "", "")
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
	}
	return f.Write(w)
}

// WriteCSVDir writes one CSV file per table into dir (created if missing):
// UTF-8, comma-separated, English headers.
func WriteCSVDir(dir string, m *model.Map) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data := rows(m)
	for _, t := range tables {
		var b strings.Builder
		cw := csv.NewWriter(&b)
		if err := cw.Write(header(t, "en")); err != nil {
			return err
		}
		if err := cw.WriteAll(data[t.key]); err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(dir, t.file), []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
