package cli

import (
	"os"
	"testing"
)

// TestMain runs the tests in English whatever the locale of the machine:
// the command line writes pages and sheets in the user's language, and a
// test that wants Dutch says so with speak.
func TestMain(m *testing.M) {
	for _, v := range localeVariables {
		os.Unsetenv(v)
	}
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}

// localeVariables decide the language, in gettext's order.
var localeVariables = []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}

// speak sets the user's locale for one test: LANG alone, or the one
// variable named (LC_ALL=nl_NL.UTF-8 over LANG=en_US.UTF-8).
func speak(t *testing.T, variable, locale string) {
	t.Helper()
	for _, v := range localeVariables {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv(variable, locale)
}
