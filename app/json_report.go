package app

import (
	"errors"
	"fmt"

	"valueflow/model"
	"valueflow/storage/jsonmap"
	"valueflow/storage/sheet"
)

// jsonReport is the import report of a JSON document the reader refused,
// name being its file: each problem on a line of its own in the user's
// language, as the spreadsheets' reports are.
func jsonReport(name string, err error) *sheet.Report {
	rep := &sheet.Report{}
	for _, line := range jsonProblemLines(err, T) {
		rep.Errors = append(rep.Errors, sheet.Issue{Sheet: name, Key: "text", Args: []string{line}})
	}
	return rep
}

// jsonProblemLines says the problems of a refused JSON document through tr
// (T, or another language's translator in tests): the reader's own, or the
// model's when the document reads well but the map it holds is not valid.
func jsonProblemLines(err error, tr func(string) string) []string {
	var je *jsonmap.Error
	if errors.As(err, &je) && len(je.Details) > 0 {
		lines := make([]string, len(je.Details))
		for i, p := range je.Details {
			lines[i] = jsonProblemText(p, tr)
		}
		return lines
	}
	var ps model.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = problemMessage(nil, p)
		}
		return lines
	}
	return []string{errorMessage(nil, err)}
}

// jsonProblemText is one problem of the JSON reader in tr's words: its
// format is the key, and the JSON types in it are words ("json.a string");
// the places, keys, ids and values stay as the document writes them.
func jsonProblemText(p jsonmap.Problem, tr func(string) string) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		if w, ok := a.(jsonmap.Word); ok {
			a = tr("json." + string(w))
		}
		args[i] = a
	}
	return fmt.Sprintf(tr(p.Format), args...)
}
