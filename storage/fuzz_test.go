package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// FuzzOpen mutates the bytes of a valid file: whatever comes in, Open gives
// a map that passes validation or one clear *Error, and a refused file keeps
// its bytes. Run: go test -tags sqlite_omit_load_extension ./storage -run '^$' -fuzz FuzzOpen -fuzztime 30s
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	for i, m := range []*model.Map{sample.Generate(sample.S), sample.Map()} {
		path := filepath.Join(dir, "seed"+string(rune('a'+i))+".vflow")
		if err := Create(path, m); err != nil {
			f.Fatal(err)
		}
		// Small pages make a small seed: the fuzzer mutates large inputs
		// very slowly (a 100 KB seed ran a few inputs a minute).
		db, err := sql.Open("sqlite3", "file:"+path)
		if err != nil {
			f.Fatal(err)
		}
		if _, err := db.Exec("PRAGMA page_size = 512; VACUUM"); err != nil {
			f.Fatal(err)
		}
		db.Close()
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.vflow")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, open := range []func(string) (*File, error){OpenReadOnly, Open} {
			file, err := open(path)
			if err == nil {
				if verr := file.Map().Validate(); verr != nil {
					t.Fatalf("an invalid map was opened: %v", verr)
				}
				file.Close()
				continue
			}
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("not a storage error: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("the message is not one line: %q", err)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, data) {
				t.Fatalf("the refused file changed (%s)", err)
			}
		}
	})
}
