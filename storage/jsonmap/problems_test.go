package jsonmap

import (
	"errors"
	"strings"
	"testing"
)

// TestEveryProblemComesWithItsFormatForATranslation: the GUI says a
// refused document's problems in the user's language from Details, so each
// line of Problems has its Detail, in the same order, that reads the same
// in English, with the JSON types as Words.
func TestEveryProblemComesWithItsFormatForATranslation(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		formats  []string
		words    []Word
	}{
		{"an empty document", ``, []string{"the JSON is empty"}, nil},
		{"a document cut short", `{"title": "a"`, []string{"the JSON ends too early, at line %d, column %d"}, nil},
		{"a syntax error", `{"title": x}`, []string{"invalid JSON at line %d, column %d: %s"}, nil},
		{"data after the map", `{} {}`, []string{"unexpected data after the map at line %d, column %d"}, nil},
		{"wrong types and unknown keys", `{"title": 1, "kleur": 2, "stakeholders": [{"id": "sh1", "name": "a", "naam": "b", "informal_leader": "ja"}]}`,
			[]string{"unknown key %q at the top level", "%s%s must be %s, not %s", "unknown key %q in %s", "%s%s must be %s, not %s"},
			[]Word{"a string", "a number", "true or false", "a string"}},
		{"a key twice", `{"title": "a", "title": "b"}`, []string{"key %q appears twice at the top level"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Decode: %v, want an *Error", err)
			}
			if len(e.Details) != len(e.Problems) {
				t.Fatalf("%d problems, %d details", len(e.Problems), len(e.Details))
			}
			var formats []string
			var words []Word
			for i, d := range e.Details {
				if d.String() != e.Problems[i] {
					t.Errorf("detail %d reads %q, the problem %q", i, d.String(), e.Problems[i])
				}
				formats = append(formats, d.Format)
				for _, a := range d.Args {
					if w, ok := a.(Word); ok {
						words = append(words, w)
					}
				}
			}
			if strings.Join(formats, "|") != strings.Join(tc.formats, "|") {
				t.Errorf("formats %q, want %q", formats, tc.formats)
			}
			if len(words) != len(tc.words) {
				t.Errorf("words %q, want %q", words, tc.words)
			}
			for i := range min(len(words), len(tc.words)) {
				if words[i] != tc.words[i] {
					t.Errorf("words %q, want %q", words, tc.words)
					break
				}
			}
		})
	}
}
