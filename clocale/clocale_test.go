package clocale

import "testing"

func TestNormaliseSetsEnglishForACLocaleWithACodeset(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string // LANGUAGE afterwards
	}{
		{"C.UTF-8 in LANG", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"POSIX.utf8 in LC_ALL", map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "nl_NL.UTF-8"}, "en"},
		{"plain C needs nothing", map[string]string{"LANG": "C"}, ""},
		{"a Dutch system stays Dutch", map[string]string{"LANG": "nl_NL.UTF-8"}, ""},
		{"LC_ALL wins over a C LANG", map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, ""},
		{"nothing set", map[string]string{}, ""},
		{"a LANGUAGE of the user's stays", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "nl"}, "nl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			Normalise(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if env["LANGUAGE"] != tc.want {
				t.Errorf("LANGUAGE = %q, want %q", env["LANGUAGE"], tc.want)
			}
		})
	}
}
