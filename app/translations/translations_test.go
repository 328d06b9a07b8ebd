package translations

import "testing"

func TestLookupGivesThePhraseOfTheLanguageAndTheKeyWhereThereIsNone(t *testing.T) {
	for _, tc := range []struct{ lang, key, want string }{
		{"nl", "kind.patient", "patiënt"},
		{"nl", "page %d of %d", "pagina %d van %d"},
		{"en", "kind.patient", "patient"},
		{"fr", "kind.carer", "informal carer"},
		{"nl", "no such phrase", "no such phrase"},
	} {
		if got := Lookup(tc.lang)(tc.key); got != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}
