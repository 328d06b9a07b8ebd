package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"valueflow/model"
	"valueflow/storage"
)

// The sources whose text reaches the screen or the printed page: the app
// and every canvas package (whose words the command line prints too, through
// app/translations; its messages of its own are English).
var shownSources = []string{".", "../canvas", "../canvas/scene", "../canvas/export"}

type sourceFile struct {
	path string
	file *ast.File
	fset *token.FileSet
}

func parseShownSources(t *testing.T) []sourceFile {
	t.Helper()
	var out []sourceFile
	for _, dir := range shownSources {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, sourceFile{path: name, file: f, fset: fset})
		}
	}
	if len(out) < 20 {
		t.Fatalf("found only %d source files: the test runs in the wrong folder", len(out))
	}
	return out
}

func loadTranslationFile(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("translations", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]string{}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		case map[string]any: // a plural or Fyne's {"other": ...}
			if s, ok := v["other"].(string); ok {
				out[k] = s
			}
		}
	}
	return out
}

// callName is the name of the function a call calls: "T" for T(...),
// "NewLabel" for widget.NewLabel(...), "SetText" for l.SetText(...).
func callName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // tr[model.Capital]("capital."): a prefix, not a key
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + "[]"
		}
	}
	return ""
}

func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// translators are the functions that turn a key into the user's words:
// T and its kin in the app, the scene's word and tr, the analysis' x.t.
var translators = map[string]int{ // name: index of the key argument
	"T": 0, "Tf": 0, "T2": 0, "L": 0, "tr": 0, "word": 0, "Translate": 0, "t": 0, "Word": 1,
}

// shownKeys are the literal keys handed to a translator in the shown sources
// and the analysis, and the English words the scene keeps for printing
// without a translator (those go through the translator too).
func shownKeys(t *testing.T) map[string]string {
	keys := map[string]string{} // key: where
	add := func(k, where string) {
		if hasWord(k) {
			keys[k] = where
		}
	}
	files := parseShownSources(t)
	fset := token.NewFileSet()
	findings, err := parser.ParseFile(fset, "../model/analysis/findings.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, sourceFile{path: "../model/analysis/findings.go", file: findings, fset: fset})
	for _, sf := range files {
		// The scene's tables of English words by key (boardWords, ...).
		wordTables := map[ast.Node]bool{}
		ast.Inspect(sf.file, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for i, name := range vs.Names {
					if strings.HasSuffix(name.Name, "Words") && i < len(vs.Values) {
						wordTables[vs.Values[i]] = true
					}
				}
			}
			return true
		})
		ast.Inspect(sf.file, func(n ast.Node) bool {
			where := func() string { return sf.fset.Position(n.Pos()).String() }
			switch n := n.(type) {
			case *ast.CallExpr:
				name := callName(n)
				if i, ok := translators[name]; ok && len(n.Args) > i {
					if k, ok := stringLit(n.Args[i]); ok {
						add(k, where())
					}
				}
				// canvas/export's errors keep their English format as the key.
				if name == "errorf" && strings.Contains(sf.path, "export") && len(n.Args) > 1 {
					if k, ok := stringLit(n.Args[1]); ok {
						add(k, where())
					}
				}
				if name == "Tn" && len(n.Args) >= 3 {
					for _, a := range n.Args[1:3] {
						if k, ok := stringLit(a); ok {
							add(k, where())
						}
					}
				}
			case *ast.CompositeLit:
				// Legend sections and entries carry keys; the scene's
				// English word tables are keyed by them; the analysis
				// labels hold English words that are their own keys.
				typ := typeName(n.Type)
				if typ == "LegendSection" || typ == "[]LegendEntry" {
					legendKeys(n, func(k string) { add(k, where()) })
					return false
				}
				for _, el := range n.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					field, _ := kv.Key.(*ast.Ident)
					switch {
					case typ == "LegendEntry" && field != nil && field.Name == "Label":
						if k, ok := stringLit(kv.Value); ok {
							add(k, where())
						}
					case wordTables[n]:
						if k, ok := stringLit(kv.Key); ok {
							add(k, where())
						}
					case typ == "labels" && field != nil && field.Name != "Informal" && field.Name != "Broker" && field.Name != "OtherKind" && field.Name != "Kinds" && field.Name != "Roles":
						if k, ok := stringLit(kv.Value); ok {
							add(k, where())
						}
						if cl, ok := kv.Value.(*ast.CompositeLit); ok {
							for _, e := range cl.Elts {
								if k, ok := stringLit(e); ok {
									add(k, where())
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	return keys
}

// legendKeys finds the Title and Label keys in a legend section or a list
// of entries (whose element types the literal leaves out).
func legendKeys(n ast.Node, add func(string)) {
	ast.Inspect(n, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && (id.Name == "Title" || id.Name == "Label") {
				if k, ok := stringLit(kv.Value); ok {
					add(k)
				}
			}
		}
		return true
	})
}

func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.MapType:
		k, v := typeName(e.Key), typeName(e.Value)
		return "map[" + k + "]" + v
	case *ast.ArrayType:
		return "[]" + typeName(e.Elt)
	}
	return ""
}

// TestEveryShownStringIsTranslated checks that every key handed to a
// translator in the app and the canvas packages, and every key made from
// model values, has an English and a Dutch translation, and that no Dutch
// text is the English one copied (apart from words both languages use).
func TestEveryShownStringIsTranslated(t *testing.T) {
	en, nl := loadTranslationFile(t, "en.json"), loadTranslationFile(t, "nl.json")
	keys := shownKeys(t)
	enumerated := func(prefix string, values ...string) {
		for _, v := range values {
			keys[prefix+v] = "model value"
		}
	}
	for _, r := range model.Roles {
		enumerated("role.", string(r))
	}
	for _, s := range model.Stages {
		enumerated("stage.", string(s))
	}
	enumerated("stage.", "none")
	for _, k := range model.StakeholderKinds {
		enumerated("kind.", string(k))
	}
	for _, k := range model.FlowKinds {
		enumerated("flow.", string(k))
	}
	for _, c := range model.Criticalities {
		enumerated("criticality.", string(c))
	}
	for _, c := range model.Capitals {
		enumerated("capital.", string(c))
	}
	for _, e := range model.Evidences {
		enumerated("evidence.", string(e))
	}
	for _, code := range []storage.ErrorCode{storage.NotFound, storage.IsDirectory, storage.Empty, storage.NotSQLite, storage.Corrupt,
		storage.NotValueflow, storage.TooNew, storage.BadSchema, storage.UnexpectedObjects, storage.BrokenReferences,
		storage.InvalidMap, storage.Locked, storage.ReadOnly, storage.DiskFull, storage.Exists, storage.IO} {
		enumerated("error.", string(code))
	}
	enumerated("error.", "disk-full-new")
	for k, where := range modelKeys(t) {
		keys[k] = where
	}
	for k, where := range jsonProblemKeys(t) {
		keys[k] = where
	}
	for _, f := range model.Fields {
		keys["problem.field."+f] = "model.Fields"
	}
	for _, k := range []string{"map", "scenario", "stakeholder", "step", "contribution", "flow", "relationship", "coalition"} {
		keys["entity."+k] = "model.EntityKind"
	}
	// Fyne's own words that our dialogs show (lang.L inside Fyne).
	for _, k := range fyneWords {
		keys[k] = "Fyne"
	}
	delete(keys, "other") // reserved in translation files; it goes by kind.other
	var missing []string
	for k, where := range keys {
		if _, ok := en[k]; !ok {
			missing = append(missing, "English translation missing for "+strconv.Quote(k)+" ("+where+")")
		}
		if _, ok := nl[k]; !ok {
			missing = append(missing, "Dutch translation missing for "+strconv.Quote(k)+" ("+where+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}
	for k, v := range nl {
		if e, ok := en[k]; ok && e == v && hasWord(v) && !sameInBothLanguages[v] {
			t.Errorf("the Dutch text of %q is the English one: %q", k, v)
		}
	}
}

// jsonProblemKeys are the formats of the JSON reader's problems, which the
// import report translates (app/json_report.go), and the words it puts in
// them, the JSON types kindOf names and wrongType wants, as "json.a string".
func jsonProblemKeys(t *testing.T) map[string]string {
	t.Helper()
	const name = "../storage/jsonmap/decode.go"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	add := func(n ast.Node, prefix string, e ast.Expr) {
		if k, ok := stringLit(e); ok {
			keys[prefix+k] = fset.Position(n.Pos()).String()
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch callName(n) {
			case "addf", "problem":
				if len(n.Args) > 0 {
					add(n, "", n.Args[0])
				}
			case "wrongType":
				if len(n.Args) > 1 {
					add(n, "json.", n.Args[1])
				}
			}
		case *ast.FuncDecl:
			if n.Name.Name == "kindOf" {
				ast.Inspect(n.Body, func(r ast.Node) bool {
					if ret, ok := r.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
						add(ret, "json.", ret.Results[0])
					}
					return true
				})
			}
		}
		return true
	})
	if len(keys) < 30 {
		t.Fatalf("found only %d JSON problems in %s: the test no longer reads the reader", len(keys), name)
	}
	return keys
}

// modelKeys are the keys of the model's problems (their English formats)
// and the labels of its commands, which the Edit menu shows after "Undo".
func modelKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	for _, name := range []string{"../model/validate.go", "../model/commands.go"} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			where := func() string { return fset.Position(n.Pos()).String() }
			switch n := n.(type) {
			case *ast.CallExpr:
				name := callName(n)
				at := map[string]int{"add": 2, "problemf": 2, "cascade": 0, "Batch": 0}
				if i, ok := at[name]; ok && len(n.Args) > i {
					if k, ok := stringLit(n.Args[i]); ok {
						keys[k] = where()
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && (id.Name == "label" || id.Name == "Key") {
					if k, ok := stringLit(n.Value); ok {
						keys[k] = where()
					}
				}
			case *ast.FuncDecl: // func (c *setMapInfo) Label() string { return "Edit map properties" }
				if n.Name.Name == "Label" && n.Body != nil && len(n.Body.List) == 1 {
					if r, ok := n.Body.List[0].(*ast.ReturnStmt); ok && len(r.Results) == 1 {
						if k, ok := stringLit(r.Results[0]); ok {
							keys[k] = where()
						}
					}
				}
			}
			return true
		})
	}
	if len(keys) < 30 {
		t.Fatalf("found only %d problem keys and command labels in the model", len(keys))
	}
	return keys
}

// fyneWords are the keys Fyne 2.7 looks up for its dialogs and entries.
var fyneWords = []string{"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
	"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save",
	"Select all", "Show Hidden Files", "Undo", "Yes", "file.name", "file.parent"}

// sameInBothLanguages are Dutch words spelled as the English ones.
var sameInBothLanguages = map[string]bool{
	"Stakeholder": true, "stakeholder": true, "stakeholders": true, "Stakeholders": true, "Scenario": true, "Scenario:": true,
	"Label": true, "data": true, "interview": true, "professional": true, "Help": true, "OK": true,
	"Stakeholder A": true, "Stakeholder B": true, "In": true, "Valueflow": true, "PDF": true, "SVG": true, "PNG": true,
	"JSON": true, "CSV": true, "XLSX": true, "DOT": true, "A4": true, "A3": true, "Letter": true, "Broker": true,
	"Scenario: %s": true, "%d stakeholders": true, "%d stakeholder": true, "Stakeholder:": true,
	"stakeholder A": true, "stakeholder B": true, "scenario": true, "id": true,
}

var fmtVerb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// hasWord reports whether s holds a letter outside its fmt verbs.
func hasWord(s string) bool {
	for _, r := range fmtVerb.ReplaceAllString(s, "") {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// screenCalls take text that is shown as it is given.
var screenCalls = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true, "NewCheck": true,
	"NewSelect": true, "NewSelectEntry": true, "NewRadioGroup": true, "NewCheckGroup": true, "NewHyperlink": true,
	"NewCard": true, "NewRichTextFromMarkdown": true, "NewRichTextWithText": true, "NewFormItem": true,
	"NewTabItem": true, "NewTabItemWithIcon": true, "NewMenu": true, "NewMenuItem": true, "NewMenuItemWithIcon": true,
	"ShowInformation": true, "NewInformation": true, "ShowConfirm": true, "NewConfirm": true, "NewCustom": true,
	"NewCustomConfirm": true, "NewCustomWithoutButtons": true, "NewForm": true, "ShowForm": true, "NewError": true,
	"ShowError": true, "showError": true, "SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetSubTitle": true,
	"NewAccordionItem": true, "errorf": true, "NewText": true, "Append": false, "SetOptions": true,
	"NewListWithData": false, "ShowFileOpen": false,
}

// screenFields are the fields whose text is shown as it is set.
var screenFields = map[string]bool{
	"Text": true, "Label": true, "PlaceHolder": true, "HintText": true, "SubmitText": true, "CancelText": true,
	"ConfirmText": true, "DismissText": true, "Title": true, "Subtitle": true, "Lines": true, "Options": true,
}

// literals walks an expression that becomes shown text and reports every
// string literal with a word in it that is not translated on the way.
func literals(e ast.Expr, report func(ast.Node, string)) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, ok := stringLit(e); ok && hasWord(s) && !sameInBothLanguages[s] && !properNames[s] {
			report(e, s)
		}
	case *ast.ParenExpr:
		literals(e.X, report)
	case *ast.BinaryExpr:
		literals(e.X, report)
		literals(e.Y, report)
	case *ast.CompositeLit: // []string{"A", "B"}, or a struct whose fields are seen elsewhere
		if _, ok := e.Type.(*ast.ArrayType); ok {
			for _, el := range e.Elts {
				literals(el, report)
			}
		}
	case *ast.CallExpr:
		name := callName(e)
		if _, ok := translators[name]; ok || name == "Tn" {
			return
		}
		switch name {
		case "Sprintf", "Errorf", "New", "Join", "Sprint", "Sprintln", "errorf", "TrimSpace", "ToUpper", "ToLower", "Title":
			for _, a := range e.Args {
				literals(a, report)
			}
		}
	}
}

// properNames are shown as they are in every language.
var properNames = map[string]bool{"Valueflow": true, "English": true, "Nederlands": true}

// scanLiterals reports every literal of f that reaches the screen.
func scanLiterals(f *ast.File, fset *token.FileSet, src []byte, inApp bool, report func(ast.Node, string)) {
	seen := map[token.Pos]bool{}
	lines := strings.Split(string(src), "\n")
	once := report
	report = func(n ast.Node, s string) {
		line := fset.Position(n.Pos()).Line
		if seen[n.Pos()] || line <= len(lines) && strings.Contains(lines[line-1], "never shown") {
			return
		}
		seen[n.Pos()] = true
		once(n, s)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			// errorf is the app's error shown as it is; canvas/export's
			// errorf keeps a key and its arguments for the GUI to translate.
			if name := callName(n); screenCalls[name] && (name != "errorf" || inApp) {
				for _, a := range n.Args {
					literals(a, report)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && screenFields[sel.Sel.Name] && i < len(n.Rhs) {
					literals(n.Rhs[i], report)
				}
			}
		case *ast.CompositeLit:
			switch typeName(n.Type) {
			case "LegendSection", "LegendEntry", "[]LegendEntry": // keys, translated when printed
				return false
			}
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && screenFields[id.Name] {
						literals(kv.Value, report)
					}
				}
			}
		}
		return true
	})
}

// TestNoLiteralTextReachesTheScreen fails when a widget, menu, dialog,
// error shown in a dialog or scene text is given a literal instead of a
// translated string, in the app or in the canvas packages.
func TestNoLiteralTextReachesTheScreen(t *testing.T) {
	for _, sf := range parseShownSources(t) {
		src, err := os.ReadFile(sf.path)
		if err != nil {
			t.Fatal(err)
		}
		scanLiterals(sf.file, sf.fset, src, filepath.Dir(sf.path) == ".", func(n ast.Node, s string) {
			t.Errorf("%s shows a literal: %q", sf.fset.Position(n.Pos()), s)
		})
	}
}

// TestTheLiteralCheckCatchesEveryWayTextReachesTheScreen feeds the check
// the ways an untranslated text has slipped in before.
func TestTheLiteralCheckCatchesEveryWayTextReachesTheScreen(t *testing.T) {
	src := `package x
func f() {
	dialog.NewConfirm("Delete it?", "Really", nil, w)
	widget.NewSelect([]string{"Light", "Dark"}, nil)
	l.SetText(fmt.Sprintf("%d steps", n))
	_ = &fyne.MenuItem{Label: "Open"}
	e.PlaceHolder = "Type here"
	widget.NewRichTextFromMarkdown("# Guide")
	dialog.ShowError(errors.New("it broke"), w)
	w.SetTitle("Valueflow map " + name)
	widget.NewHyperlink("website", u)
	widget.NewCard("Title", "sub", nil)
	widget.NewLabel(` + "`raw text`" + `)
	mw.showError(errorf("bad value"))
	_ = Text{Lines: []string{"drawn"}}
	widget.NewLabel(T("fine"))
	widget.NewLabel(Tf("%d fine", n))
	widget.NewLabel("Valueflow")
	widget.NewLabel("—")
	widget.NewLabel(fmt.Sprintf("%s: %d", T("x"), n))
	_ = LegendEntry{Label: "role.lead"}
	_ = LegendSection{Title: "Roles", Entries: []LegendEntry{{Label: "patient"}}}
	widget.NewLabel("Praktijkondersteuner") // never shown: it sizes a column
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	scanLiterals(f, fset, []byte(src), true, func(_ ast.Node, s string) { found = append(found, s) })
	want := []string{"Delete it?", "Really", "Light", "Dark", "%d steps", "Open", "Type here", "# Guide", "it broke",
		"Valueflow map ", "website", "Title", "sub", "raw text", "bad value", "drawn"}
	if strings.Join(found, "|") != strings.Join(want, "|") {
		t.Errorf("the check found\n %q\nwant\n %q", found, want)
	}
}
