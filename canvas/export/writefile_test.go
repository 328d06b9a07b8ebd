package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	hello := func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }
	failing := func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return errors.New("disk full")
	}

	t.Run("writes a new file readable by everyone", func(t *testing.T) {
		path := filepath.Join(dir, "new.pdf")
		if err := WriteFile(path, hello); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		st, _ := os.Stat(path)
		if string(b) != "hello" || st.Mode().Perm() != 0o644 {
			t.Errorf("got %q with mode %v", b, st.Mode())
		}
	})
	t.Run("keeps the old file when writing fails", func(t *testing.T) {
		path := filepath.Join(dir, "old.pdf")
		os.WriteFile(path, []byte("old"), 0o644)
		err := WriteFile(path, failing)
		if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "old.pdf") {
			t.Errorf("error = %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Errorf("the old file now holds %q", b)
		}
	})
	t.Run("leaves no partial file behind", func(t *testing.T) {
		path := filepath.Join(dir, "partial.pdf")
		WriteFile(path, failing)
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a file appeared: %v", err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("a temporary file was left: %s", e.Name())
			}
		}
	})
	t.Run("replaces an existing file whole", func(t *testing.T) {
		path := filepath.Join(dir, "old.pdf")
		if err := WriteFile(path, hello); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != "hello" {
			t.Errorf("got %q", b)
		}
	})
	t.Run("says clearly that the folder does not exist", func(t *testing.T) {
		err := WriteFile(filepath.Join(dir, "nope", "x.pdf"), hello)
		if err == nil || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("says clearly that the path is a folder", func(t *testing.T) {
		err := WriteFile(dir, hello)
		if err == nil || !strings.Contains(err.Error(), "it is a folder") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("says clearly that the folder is not writable", func(t *testing.T) {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if os.Geteuid() == 0 {
			// Root may write anywhere but in the kernel's own folders.
			ro = "/sys"
			if _, err := os.Stat(ro); err != nil {
				t.Skip("root may write anywhere")
			}
		}
		err := WriteFile(filepath.Join(ro, "x.pdf"), hello)
		if err == nil || !strings.Contains(err.Error(), "no permission") {
			t.Errorf("error = %v", err)
		}
	})
}
