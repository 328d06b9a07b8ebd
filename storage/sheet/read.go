package sheet

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	unorm "golang.org/x/text/unicode/norm"

	"valueflow/model"
)

// rawSheet is one table as read from a file: its name as the user wrote it and
// its rows (the first row is the header).
type rawSheet struct {
	name   string
	rows   [][]string
	cp1252 bool   // a CSV file that was not UTF-8 and was read as Windows-1252
	bad    *Issue // a file that could not be read at all, and why (its key and arguments)
}

// norm is the form in which names, headers and words are compared: NFC (a
// Mac or a web form may send "ï" as "i" plus a combining mark), lower case,
// separators as single spaces, without brackets, apostrophes and dots.
func norm(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	if !isASCII(s) {
		s = unorm.NFC.String(s)
	}
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '_' || r == '-' || unicode.IsSpace(r):
			b.WriteByte(' ')
		case r == '(' || r == ')' || r == '\'' || r == '.':
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

var sheetAliases = func() map[string]string {
	a := map[string]string{}
	for _, t := range tables {
		a[norm(t.key)] = t.key
		a[norm(t.nl)] = t.key
		a[norm(strings.TrimSuffix(t.file, ".csv"))] = t.key
	}
	return a
}()

func tableByKey(key string) table {
	for _, t := range tables {
		if t.key == key {
			return t
		}
	}
	return table{}
}

// tableOrder is each table's place in tables: the order of the report.
var tableOrder = func() map[string]int {
	o := map[string]int{}
	for i, t := range tables {
		o[t.key] = i
	}
	return o
}()

// sheetNames are the sheet names a misspelt one may have meant.
var sheetNames = func() []string {
	var names []string
	for _, t := range tables {
		names = append(names, t.key)
		if t.nl != t.key {
			names = append(names, t.nl)
		}
	}
	return names
}()

var ErrNoTables = errors.New("no known sheets found")

// extraColumnAliases are other headers people use for a column (normalised).
var extraColumnAliases = map[string]map[string]string{
	"Map": {"field": "key", "veld": "key", "eigenschap": "key", "property": "key"},
}

// parser holds the state of one import.
type parser struct {
	rep     *Report
	sheet   map[string]*rawSheet         // by canonical key
	lang    map[string]string            // "nl" or "en": the language each sheet is written in
	cols    map[string]map[string]int    // canonical column → index, per sheet
	used    map[string]bool              // every id written anywhere, in lower case, so generated ids never clash, not even in case
	next    map[string]int               // last number given per prefix, as jsonmap does, so generation stays linear
	at      map[model.Ref]int            // spreadsheet row of each entity (the first of an id), so the model's problems point at a row
	rowOf   map[any]int                  // spreadsheet row of each element read, by pointer
	votes   map[string][2]int            // Dutch-only and English-only headers per sheet
	heads   map[string]map[string]string // canonical column → header as written, per sheet
	asIs    string                       // the name of the one scenario a file without scenarios gets
	group   map[string]int               // where a sheet's issues are listed, by its name as written
	missing map[string]map[string]bool   // the required columns a sheet lacks, per sheet
	broken  map[string]bool              // the tables whose file could not be read
	unknown map[string][]unknownColumn   // headers not known, per sheet, reported once its language is known

	// What a row of an unknown scenario holds: left out of the map, still
	// checked, and not reported again where another row names it.
	lost                 *model.Scenario
	lostSteps, lostCards map[string]bool // ids as written and in lower case, names normalised
}

type unknownColumn struct {
	index  int
	header string
}

func newParser() *parser {
	return &parser{rep: &Report{}, sheet: map[string]*rawSheet{}, lang: map[string]string{}, cols: map[string]map[string]int{},
		heads: map[string]map[string]string{}, votes: map[string][2]int{}, used: map[string]bool{}, next: map[string]int{},
		at: map[model.Ref]int{}, rowOf: map[any]int{}, group: map[string]int{}, missing: map[string]map[string]bool{},
		broken: map[string]bool{}, unknown: map[string][]unknownColumn{}, lost: &model.Scenario{},
		lostSteps: map[string]bool{}, lostCards: map[string]bool{}}
}

// place sets where an issue is listed: the file as a whole first, then
// unknown sheets, then each table in the order of tables.
func (p *parser) place(i Issue) Issue {
	i.group = p.group[i.Sheet]
	return i
}

func (p *parser) warn(i Issue) { p.rep.Warnings = append(p.rep.Warnings, p.place(i)) }
func (p *parser) fail(i Issue) { p.rep.Errors = append(p.rep.Errors, p.place(i)) }

// sortReport lists the issues sheet by sheet, each sheet from its top row
// down and from left to right, so a dry run reads as one checklist however
// the issues were found.
func (p *parser) sortReport() {
	for _, list := range [][]Issue{p.rep.Errors, p.rep.Warnings} {
		sort.SliceStable(list, func(a, b int) bool {
			x, y := list[a], list[b]
			if x.group != y.group {
				return x.group < y.group
			}
			if x.Row != y.Row {
				return x.Row < y.Row
			}
			return x.col < y.col
		})
	}
}

func (p *parser) name(key string) string {
	if s := p.sheet[key]; s != nil {
		return s.name
	}
	return key
}

// setRow notes the row an element came from; the first row of an id is
// the one the model's problems with that id point at.
func (p *parser) setRow(ref model.Ref, v any, n int) {
	p.rowOf[v] = n
	if _, ok := p.at[ref]; !ok {
		p.at[ref] = n
	}
}

// unnamed says whether a table's elements cannot be found by name (its
// file was unreadable or its naming column is missing): a reference that
// finds nothing in it is then not reported, as its problem already is.
func (p *parser) unnamed(key, col string) bool { return p.broken[key] || p.missing[key][col] }

// colName is a column's name as the sheet's language writes it.
func (p *parser) colName(key, col string) string {
	for _, c := range tableByKey(key).cols {
		if c.en == col {
			if p.lang[key] == "nl" {
				return capitalise(c.nl)
			}
			return capitalise(strings.ReplaceAll(c.en, "_", " "))
		}
	}
	return col
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// row gives access to the cells of one data row by canonical column name.
type row struct {
	p     *parser
	sheet string
	n     int // spreadsheet row number
	cells []string
	idx   map[string]int
}

func (r row) get(col string) string {
	i, ok := r.idx[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// text returns a free-text cell as written, so that text with surrounding
// spaces round-trips; names, ids and words are trimmed by get instead.
func (r row) text(col string) string {
	i, ok := r.idx[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func (r row) issue(col, key string, args ...string) Issue {
	i := Issue{Sheet: r.p.name(r.sheet), Row: r.n, Column: r.p.colName(r.sheet, col), Key: key, Args: args}
	if c, ok := r.idx[col]; ok {
		i.col = c + 1
	}
	return i
}

// missing says whether the sheet lacks the required column col, which is
// reported once for the sheet rather than on every row.
func (r row) missing(col string) bool { return r.p.missing[r.sheet][col] }

func (r row) errorf(col, key string, args ...string) { r.p.fail(r.issue(col, key, args...)) }

func (r row) int(col string) int {
	s := r.get(col)
	if s == "" {
		return 0
	}
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int(f)
	}
	// Read as 0, which every range allows, so the value is not reported
	// again as out of range.
	r.errorf(col, "not-a-number", s)
	return 0
}

func (r row) optInt(col string) *int {
	if r.get(col) == "" {
		return nil
	}
	return model.Int(r.int(col))
}

func (r row) bool(col string) bool {
	s := norm(r.get(col))
	v, ok := boolWords[s]
	if !ok {
		r.errorf(col, "not-yes-no", r.get(col))
	}
	return v
}

// word reads an enumerated cell in either language; "" stays "".
func (r row) word(col string, w *words) string {
	raw := r.get(col)
	if raw == "" {
		return ""
	}
	if v, ok := w.accept[norm(raw)]; ok {
		return v
	}
	// The sheet's own language first, so a tie suggests its word.
	lang := r.p.lang[r.sheet]
	other := "nl"
	if lang == "nl" {
		other = "en"
	}
	iss := r.issue(col, w.key, raw)
	iss.Suggestion = suggest(norm(raw), append(append([]string{}, w.list(lang)...), w.list(other)...))
	iss.Valid = w.list(lang)
	r.p.fail(iss)
	return raw
}

// id returns the row's id, or a generated one when the cell is empty.
func (r row) id(prefix string) model.ID {
	if s := r.get("id"); s != "" {
		return model.ID(s)
	}
	return r.p.newID(prefix)
}

func (p *parser) newID(prefix string) model.ID {
	n := p.next[prefix]
	for {
		n++
		id := prefix + strconv.Itoa(n) // lower case, as the ids in used
		if !p.used[id] {
			p.used[id] = true
			p.next[prefix] = n
			return model.ID(id)
		}
	}
}

// readHeader maps a sheet's header to canonical columns, reporting unknown
// and doubled columns, and counts which language its headers are in.
func (p *parser) readHeader(key string) {
	s := p.sheet[key]
	idx, heads := map[string]int{}, map[string]string{}
	p.cols[key], p.heads[key] = idx, heads
	if s == nil || len(s.rows) == 0 {
		return
	}
	t := tableByKey(key)
	aliases := map[string]string{}
	nlOnly, enOnly := map[string]bool{}, map[string]bool{}
	for _, c := range t.cols {
		en, nl := norm(c.en), norm(c.nl)
		aliases[en], aliases[nl] = c.en, c.en
		if en != nl {
			enOnly[en], nlOnly[nl] = true, true
		}
	}
	for a, c := range extraColumnAliases[key] {
		aliases[a] = c
	}
	var votes [2]int
	for i, h := range s.rows[0] {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		n := norm(h)
		c, ok := aliases[n]
		if !ok {
			p.unknown[key] = append(p.unknown[key], unknownColumn{i, h})
			continue
		}
		if _, dup := idx[c]; dup {
			p.fail(Issue{Sheet: s.name, Row: 1, Column: h, Key: "column-twice", Args: []string{heads[c]}, col: i + 1})
			continue
		}
		idx[c], heads[c] = i, h
		if nlOnly[n] {
			votes[0]++
		} else if enOnly[n] {
			votes[1]++
		}
	}
	p.votes[key] = votes
}

// reportUnknownColumns warns of the columns readHeader did not know, with
// the column meant when one is close in either language, named as the
// sheet's language names it ("Rool" is "Rol" in a Dutch sheet, "Role" in
// an English one).
func (p *parser) reportUnknownColumns() {
	for _, t := range tables {
		list := p.unknown[t.key]
		if len(list) == 0 {
			continue
		}
		// The sheet's own language first, so that a tie is its column.
		var candidates, meant []string
		for _, lang := range []string{p.lang[t.key], map[string]string{"nl": "en", "en": "nl"}[p.lang[t.key]]} {
			for _, c := range t.cols {
				if lang == "nl" {
					candidates = append(candidates, c.nl)
				} else {
					candidates = append(candidates, c.en)
				}
				meant = append(meant, p.colName(t.key, c.en))
			}
		}
		for _, u := range list {
			iss := Issue{Sheet: p.sheet[t.key].name, Row: 1, Column: u.header, Key: "unknown-column", col: u.index + 1}
			if i := closest(u.header, candidates); i >= 0 {
				iss.Suggestion = meant[i]
			}
			p.warn(iss)
		}
	}
}

// decideLanguages says which language each sheet is written in: the one its
// name is in, else (Stakeholders is both) the one most of its headers are
// in, else the workbook's.
func (p *parser) decideLanguages() {
	nl, en := 0, 0
	var open []string
	for _, t := range tables {
		s := p.sheet[t.key]
		if s == nil {
			continue
		}
		n, dutch, english := norm(s.name), norm(t.nl), norm(t.key)
		v := p.votes[t.key]
		switch {
		case dutch != english && n == dutch:
			p.lang[t.key] = "nl"
		case dutch != english && (n == english || n == norm(strings.TrimSuffix(t.file, ".csv"))):
			p.lang[t.key] = "en"
		case v[0] > v[1]:
			p.lang[t.key] = "nl"
		case v[1] > v[0]:
			p.lang[t.key] = "en"
		default:
			open = append(open, t.key)
			continue
		}
		if p.lang[t.key] == "nl" {
			nl++
		} else {
			en++
		}
	}
	for _, key := range open {
		if nl > en {
			p.lang[key] = "nl"
		} else {
			p.lang[key] = "en"
		}
	}
	p.asIs = "As-is"
	if nl > en {
		p.asIs = "Huidige situatie"
	}
}

// rowsOf returns the data rows of a table, reporting missing required
// columns and values in columns without a heading.
func (p *parser) rowsOf(key string) []row {
	s := p.sheet[key]
	if s == nil || len(s.rows) == 0 {
		return nil
	}
	idx := p.cols[key]
	for _, c := range required[key] {
		if _, ok := idx[c]; !ok {
			p.fail(Issue{Sheet: s.name, Column: p.colName(key, c), Key: "column-missing"})
			if p.missing[key] == nil {
				p.missing[key] = map[string]bool{}
			}
			p.missing[key][c] = true
		}
	}
	header := s.rows[0]
	type stray struct {
		row, count int
		first      string
	}
	strays := map[int]*stray{}
	var out []row
	for i, cells := range s.rows[1:] {
		blank := true
		for j, c := range cells {
			if strings.TrimSpace(c) == "" {
				continue
			}
			blank = false
			if j >= len(header) || strings.TrimSpace(header[j]) == "" {
				if st := strays[j]; st != nil {
					st.count++
				} else {
					strays[j] = &stray{row: i + 2, count: 1, first: strings.TrimSpace(c)}
				}
			}
		}
		if blank {
			continue
		}
		out = append(out, row{p: p, sheet: key, n: i + 2, cells: cells, idx: idx})
	}
	cols := make([]int, 0, len(strays))
	for j := range strays {
		cols = append(cols, j)
	}
	sort.Ints(cols)
	for _, j := range cols {
		st := strays[j]
		letter, _ := excelize.ColumnNumberToName(j + 1)
		iss := Issue{Sheet: s.name, Row: st.row, Column: letter, Key: "no-heading", Args: []string{st.first}, col: j + 1}
		if st.count > 1 {
			iss.Key, iss.Args = "no-heading-more", []string{st.first, strconv.Itoa(st.count - 1)}
		}
		p.warn(iss)
	}
	return out
}
