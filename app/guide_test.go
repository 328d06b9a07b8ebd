package app

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	phrases "valueflow/app/translations"
)

var guideBold = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)

// TestTheGuideNamesWhatTheWindowHas: Help → Guide tells, in English and in
// Dutch, where each part of the method lives in the app; every menu path it
// names ("File → Export…") is an item of that menu, every "+ Step" a button
// of the toolbar, and every view of the tabs is named as its tab is titled.
// The window's labels are read in the tests' language and looked up in the
// other, so the test holds in whatever language it runs.
func TestTheGuideNamesWhatTheWindowHas(t *testing.T) {
	mw, _ := openSample(t)
	english := loadTranslationFile(t, "en.json")
	shown := phrases.Lookup("en")
	if T("File") == phrases.Lookup("nl")("File") {
		shown = phrases.Lookup("nl")
	}
	// A label as the window shows it -> its key: the English phrase itself
	// where several keys say the same (the window's labels are T("Network")).
	keyOf := map[string]string{}
	for k := range english {
		if prev, ok := keyOf[shown(k)]; !ok || english[k] == k && english[prev] != prev {
			keyOf[shown(k)] = k
		}
	}
	key := func(label string) string {
		if k, ok := keyOf[label]; ok {
			return k
		}
		t.Errorf("the window shows %q, which is no phrase of the translations", label)
		return label
	}
	var addButtons []string
	deepWalk(mw.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.ContentAddIcon().Name() {
			addButtons = append(addButtons, key(b.Text))
		}
	})
	if len(addButtons) < 3 {
		t.Fatalf("found %d add buttons on the toolbar: the test looks in the wrong place", len(addButtons))
	}
	for _, lang := range phrases.Languages {
		tr := phrases.Lookup(lang)
		guide := tr("guide.text")
		items := map[string][]string{}
		for _, menu := range mw.mainMenu.Items {
			for _, it := range menu.Items {
				if !it.IsSeparator {
					items[tr(key(menu.Label))] = append(items[tr(key(menu.Label))], tr(key(it.Label)))
				}
			}
		}
		adds := map[string]bool{}
		for _, k := range addButtons {
			adds[tr(k)] = true
		}
		paths, plus := 0, 0
		for _, m := range guideBold.FindAllStringSubmatch(guide, -1) {
			name := m[1]
			switch {
			case strings.Contains(name, " → "):
				paths++
				menu, item, _ := strings.Cut(name, " → ")
				item, _, _ = strings.Cut(item, " → ") // a submenu's item is not looked at
				names, ok := items[menu]
				if !ok {
					t.Errorf("%s: the guide names the menu %q in %q; the menus are %q", lang, menu, name, keys(items))
					continue
				}
				found := false
				for _, n := range names {
					found = found || n == item
				}
				if !found {
					t.Errorf("%s: the guide names %q, but the %s menu has %q", lang, name, menu, names)
				}
			case strings.HasPrefix(name, "+ "):
				plus++
				if !adds[strings.TrimPrefix(name, "+ ")] {
					t.Errorf("%s: the guide names the button %q, but the toolbar adds with %q", lang, name, keys(adds))
				}
			}
		}
		if paths < 3 || plus < 3 {
			t.Errorf("%s: the guide names %d menu paths and %d add buttons: the test no longer reads it", lang, paths, plus)
		}
		for _, tab := range mw.tabs.Items[1:] { // the board is the window itself
			if name := tr(key(tab.Text)); !strings.Contains(guide, "**"+name+"**") {
				t.Errorf("%s: the guide does not name the %q tab as it is titled", lang, name)
			}
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
