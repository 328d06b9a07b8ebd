// Package clocale runs before Fyne's translations initialise and turns a
// "C" or "POSIX" locale with a codeset (LANG=C.UTF-8, the default of many
// servers and containers) into plain English for the rest of the process.
//
// Fyne's lang package reads the locale in its init function and logs three
// "Fyne error: Error parsing user locale C" lines for C.UTF-8, before main
// runs, so every command-line call would print them. Package initialisation
// goes in import-path order among the packages that are ready, so this
// separate module (named "clocale", before "fyne.io") is initialised first
// when main imports it. It imports only os and must stay that way.
package clocale

import (
	"os"
	"strings"
)

func init() { Normalise(os.Getenv, os.Setenv) }

// Normalise looks at the variable that decides the language (LC_ALL, then
// LC_MESSAGES, then LANG, as gettext does) and, when it is C or POSIX with a
// codeset or modifier, sets LANGUAGE to English, which the locale library
// then reads instead (a LANGUAGE already set is read as it is). A plain "C" or "POSIX" already means no language.
func Normalise(get func(string) string, set func(string, string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := get(name)
		if v == "" {
			continue
		}
		if IsC(v) && v != "C" && v != "POSIX" && get("LANGUAGE") == "" {
			_ = set("LANGUAGE", "en")
		}
		return
	}
}

// IsC reports whether a locale name is the C or POSIX locale, with or
// without a codeset ("C.UTF-8") or modifier.
func IsC(v string) bool {
	for _, c := range []string{"C", "POSIX"} {
		if v == c || strings.HasPrefix(v, c+".") || strings.HasPrefix(v, c+"@") {
			return true
		}
	}
	return false
}
