package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestATemporaryFileIsKnownByItsTargetsNameOnly(t *testing.T) {
	for _, tc := range []struct {
		name, target string
		want         bool
	}{
		{".kaart.vflow.123.tmp", "kaart.vflow", true},
		{".kaart.vflow.123.tmp-journal", "kaart.vflow", true},
		{".kaart.vflow.4294967295.tmp-wal", "/some/dir/kaart.vflow", true},
		{".kaart [1].pdf.7.tmp", "kaart [1].pdf", true},
		{".kaart.vflow.123.tmp", "kaart", false},       // another target's temporary file
		{".kaart.vflow.123.tmp", "vflow", false},       // not a prefix
		{"kaart.vflow.123.tmp", "kaart.vflow", false},  // not hidden
		{".kaart.vflow.tmp", "kaart.vflow", false},     // no random part
		{".kaart.vflow.abc.tmp", "kaart.vflow", false}, // not ours: CreateTemp puts digits
		{".kaart.vflow.123.tmp.bak", "kaart.vflow", false},
		{".kaart.vflow.123.tmpx", "kaart.vflow", false},
		{".kaart.vflow.123", "kaart.vflow", false},
	} {
		if got := IsTemp(tc.name, tc.target); got != tc.want {
			t.Errorf("IsTemp(%q, %q) = %v, want %v", tc.name, tc.target, got, tc.want)
		}
	}
}

func TestThePatternMakesWhatIsTempKnows(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "netwerk [v2].pdf")
	f, err := os.CreateTemp(dir, Pattern(target))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if !IsTemp(filepath.Base(f.Name()), target) {
		t.Errorf("os.CreateTemp(%q) made %q, which IsTemp does not know", Pattern(target), filepath.Base(f.Name()))
	}
}

func TestRemoveStaleRemovesOnlyOldLeftoversOfTheSameTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "kaart [1].vflow")
	files := map[string]bool{ // name: still there afterwards
		".kaart [1].vflow.123.tmp":         false, // old: a killed write
		".kaart [1].vflow.123.tmp-journal": false,
		".kaart [1].vflow.456.tmp":         true, // fresh: a write in progress
		".kaart [1].vflow.old.tmp":         true, // not a name we make
		".ander.vflow.789.tmp":             true, // another target's
		"kaart [1].vflow":                  true, // the target itself
		".kaart [1].vflow.999.tmp.keep":    true,
	}
	long := time.Now().Add(-StaleAfter - time.Minute)
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		if name != ".kaart [1].vflow.456.tmp" {
			if err := os.Chtimes(p, long, long); err != nil {
				t.Fatal(err)
			}
		}
	}
	// An old folder named like a temporary file is not a file: left alone.
	folder := filepath.Join(dir, ".kaart [1].vflow.5.tmp")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(folder, long, long)
	files[".kaart [1].vflow.5.tmp"] = true

	RemoveStale(target)
	for name, stays := range files {
		if _, err := os.Lstat(filepath.Join(dir, name)); (err == nil) != stays {
			t.Errorf("%s: there=%v, want %v", name, err == nil, stays)
		}
	}
}
