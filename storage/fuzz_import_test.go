package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"valueflow/model/sample"
	"valueflow/storage/jsonmap"
)

// FuzzImportJSON follows `valueflow import IN.json OUT.vflow`: whatever JSON
// the decoder accepts is written as a new file that opens and holds exactly
// that map; whatever it refuses gets a one-line message and writes nothing.
func FuzzImportJSON(f *testing.F) {
	var b bytes.Buffer
	jsonmap.Encode(&b, sample.Generate(sample.S))
	f.Add(b.Bytes())
	f.Add([]byte(`{"title": "Zorgpad", "stakeholders": [{"id": "h", "name": "Huisarts"}], "steps": [{"id": "s", "name": "Intake"}], "contributions": [{"id": "c", "step": "s", "stakeholder": "h", "value": "v", "role": "lead"}]}`))
	f.Add([]byte(`{"scenarios": [{"name": "A", "steps": [{"id": "s", "name": "x"}]}, {"name": "A"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := jsonmap.Decode(bytes.NewReader(data))
		if err != nil {
			return // FuzzDecode checks the messages
		}
		path := filepath.Join(t.TempDir(), "import.vflow")
		if err := Create(path, m); err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") {
				t.Fatalf("error should be one line: %q", msg)
			}
			if _, statErr := os.Lstat(path); statErr == nil {
				t.Fatalf("a refused import left a file behind: %v", err)
			}
			return
		}
		back := reopen(t, path)
		if !reflect.DeepEqual(back, m) {
			t.Fatalf("the file does not hold the imported map\n%s", data)
		}
	})
}
