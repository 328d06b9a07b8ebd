package app

import (
	"strings"
	"testing"

	phrases "valueflow/app/translations"
)

// TestEveryMenuThatATextNamesHasThatItem: where the guide or a message
// says "File → Export…", the File menu has an item of exactly that name,
// in English and in Dutch.
func TestEveryMenuThatATextNamesHasThatItem(t *testing.T) {
	mw, _ := openSample(t)
	if mw.mainMenu.Items[0].Label != "File" {
		t.Skipf("the tests run in another language (%q)", mw.mainMenu.Items[0].Label)
	}
	english := loadTranslationFile(t, "en.json")
	for _, lang := range phrases.Languages {
		tr := phrases.Lookup(lang)
		items := map[string][]string{} // a menu's name -> its items' names
		for _, menu := range mw.mainMenu.Items {
			for _, it := range menu.Items {
				if !it.IsSeparator {
					items[tr(menu.Label)] = append(items[tr(menu.Label)], tr(it.Label))
				}
			}
		}
		found := 0
		for key := range english {
			text := tr(key)
			for menu, names := range items {
				for rest := text; ; {
					i := strings.Index(rest, menu+" → ")
					if i < 0 {
						break
					}
					rest = rest[i+len(menu+" → "):]
					found++
					ok := false
					for _, n := range names {
						ok = ok || strings.HasPrefix(rest, n)
					}
					if !ok {
						t.Errorf("%s: %q names %s → %q…, but the menu has %q", lang, key, menu, rest[:min(len(rest), 30)], names)
					}
				}
			}
		}
		if found < 4 {
			t.Errorf("%s: only %d references to a menu found: the test looks in the wrong place", lang, found)
		}
	}
}
