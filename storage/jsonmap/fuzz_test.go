package jsonmap

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"valueflow/model/sample"
)

// FuzzDecode: no input makes Decode panic, and whatever it accepts survives
// Encode → Decode unchanged.
func FuzzDecode(f *testing.F) {
	// Small seeds: the fuzzer spends its time minimising large ones.
	var b bytes.Buffer
	Encode(&b, sample.Generate(sample.S))
	f.Add(b.Bytes())
	f.Add([]byte(`{"steps": [{"id": "a", "name": "A", "experience": null}], "flows": [{"from": "x", "to": "y"}]}`))
	f.Add([]byte(`{"title": "a\u00e9\"\\", "stakeholders": [{"id": "s", "name": "n", "influence": 2.0}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(bytes.NewReader(data))
		if err != nil {
			if m != nil {
				t.Fatal("map and error both returned")
			}
			if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
				t.Fatalf("error should be one line: %q", msg)
			}
			return
		}
		var out bytes.Buffer
		if err := Encode(&out, m); err != nil {
			t.Fatal(err)
		}
		back, err := Decode(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("own output refused: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(back, m) {
			t.Fatalf("round trip changed the map\n%s", out.Bytes())
		}
	})
}
