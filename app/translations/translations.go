// Package translations holds the app's phrases in English and Dutch: the
// JSON files next to this file, which scripts/translate.py writes and the
// GUI hands to Fyne's lang. This package reads them without Fyne, for the
// command line, so its pages and sheets say what the GUI says in the
// user's language. It must not import anything of the app.
package translations

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"
)

//go:embed en.json nl.json
var files embed.FS

var (
	mu     sync.Mutex
	loaded = map[string]map[string]string{}
)

// Languages are the languages there are phrases for.
var Languages = []string{"en", "nl"}

// Lookup returns the translator of lang ("en" or "nl"; any other gives
// English): the phrase of a key (the English text or a key such as
// "role.lead"), or the key itself where there is none, as Fyne's lang does.
func Lookup(lang string) func(key string) string {
	if lang != "nl" {
		lang = "en"
	}
	phrases := load(lang)
	return func(key string) string {
		if p, ok := phrases[key]; ok && p != "" {
			return p
		}
		return key
	}
}

func load(lang string) map[string]string {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := loaded[lang]; ok {
		return p
	}
	data, err := files.ReadFile(lang + ".json")
	if err != nil {
		panic(fmt.Sprintf("translations: %v", err)) // embedded: cannot happen
	}
	p := map[string]string{}
	if err := json.Unmarshal(data, &p); err != nil {
		panic(fmt.Sprintf("translations: %s.json: %v", lang, err))
	}
	loaded[lang] = p
	return p
}
