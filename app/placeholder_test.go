package app

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
)

// renderedTexts is every text drawn in o and below it, the insides of the
// widgets' renderers included.
func renderedTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	deepWalk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fynecanvas.Text:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

// fyneSelectOne is what Fyne's Select says before a choice, in English only.
const fyneSelectOne = "(Select one)"

func assertNoEnglishPlaceholder(t *testing.T, where string, o fyne.CanvasObject) {
	t.Helper()
	if texts := renderedTexts(o); strings.Contains(texts, fyneSelectOne) {
		t.Errorf("%s shows Fyne's %q", where, fyneSelectOne)
	}
}

func TestNoChoiceShowsFynesEnglishPlaceholder(t *testing.T) {
	mw, _ := openSample(t)
	// Add flow: "To" starts empty.
	mw.addFlowDialog()
	assertNoEnglishPlaceholder(t, "the Add flow dialog", topOverlay(t, mw))
	if !strings.Contains(renderedTexts(topOverlay(t, mw)), T("(choose)")) {
		t.Errorf("the Add flow dialog's empty choice does not say %q", T("(choose)"))
	}
	for _, o := range mw.win.Canvas().Overlays().List() {
		o.Hide()
	}
	// Every form of the inspector.
	for _, tgt := range everyForm(mw) {
		mw.selectTarget(tgt)
		assertNoEnglishPlaceholder(t, "the inspector of "+tgt.Kind.String(), mw.inspector)
	}
	// The other dialogs with choices.
	for name, open := range map[string]func(){
		"Add card": mw.addCardDialog, "Add relationship": mw.addRelationshipDialog,
		"Preferences": mw.preferencesDialog,
	} {
		open()
		assertNoEnglishPlaceholder(t, "the "+name+" dialog", topOverlay(t, mw))
		for _, o := range mw.win.Canvas().Overlays().List() {
			o.Hide()
		}
	}
}

func TestTheNetworkOfAnEmptyMapShowsNoEnglishPlaceholder(t *testing.T) {
	empty := &model.Map{Title: "Leeg", Scenarios: []*model.Scenario{{ID: "s1", Name: "Huidige situatie"}}}
	mw := openMapAt(t, filepath.Join(t.TempDir(), "leeg.vflow"), empty)
	mw.tabs.SelectIndex(1)
	settle(mw.network)
	assertNoEnglishPlaceholder(t, "the network tab of an empty map", mw.tabs.Selected().Content)
}

// TestEverySelectIsMadeByTheAppsConstructors keeps Selects added later from
// showing Fyne's English placeholder: widget.NewSelect is called only in
// newSelect, a Select literal names its PlaceHolder, and newDialogSelect
// sets it.
func TestEverySelectIsMadeByTheAppsConstructors(t *testing.T) {
	if s := newDialogSelect(nil, nil); s.PlaceHolder != T("(choose)") {
		t.Errorf("newDialogSelect says %q", s.PlaceHolder)
	}
	for _, sf := range parseShownSources(t) {
		ast.Inspect(sf.file, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			where := sf.fset.Position(n.Pos())
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Name.Name == "newSelect" {
					return false
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewSelect" {
					t.Errorf("%s: widget.NewSelect shows Fyne's %q: call newSelect", where, fyneSelectOne)
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Select" {
					named := false
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "PlaceHolder" {
								named = true
							}
						}
					}
					if !named {
						t.Errorf("%s: a widget.Select without a PlaceHolder shows Fyne's %q", where, fyneSelectOne)
					}
				}
			}
			return true
		})
	}
}
