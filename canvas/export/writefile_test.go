package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
		if os.Geteuid() == 0 {
			t.Skip("root may write in any folder; the read-only file and the path under a file below refuse as root too")
		}
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		err := WriteFile(filepath.Join(ro, "x.pdf"), hello)
		if err == nil || !strings.Contains(err.Error(), "no permission") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("refuses a path under a file, even as root", func(t *testing.T) {
		file := filepath.Join(dir, "plain.txt")
		os.WriteFile(file, []byte("keep"), 0o644)
		err := WriteFile(filepath.Join(file, "x.pdf"), hello)
		if err == nil || !strings.Contains(err.Error(), "is not a folder") {
			t.Errorf("error = %v", err)
		}
		if b, _ := os.ReadFile(file); string(b) != "keep" {
			t.Errorf("the file now holds %q", b)
		}
	})
	t.Run("refuses a read-only file, even as root", func(t *testing.T) {
		path := filepath.Join(dir, "locked.pdf")
		os.WriteFile(path, []byte("old"), 0o444)
		err := WriteFile(path, hello)
		if err == nil || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("error = %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Errorf("the read-only file now holds %q", b)
		}
	})
	t.Run("keeps the permissions of a replaced file", func(t *testing.T) {
		path := filepath.Join(dir, "private.pdf")
		os.WriteFile(path, []byte("old"), 0o600)
		os.Chmod(path, 0o600)
		if err := WriteFile(path, hello); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("the file is now %v, want -rw-------", st.Mode())
		}
	})
	t.Run("writes through a link and keeps the link", func(t *testing.T) {
		real := filepath.Join(dir, "real.pdf")
		link := filepath.Join(dir, "link.pdf")
		os.WriteFile(real, []byte("old"), 0o644)
		if err := os.Symlink(real, link); err != nil {
			t.Skip(err)
		}
		if err := WriteFile(link, hello); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced by a file")
		}
		if b, _ := os.ReadFile(real); string(b) != "hello" {
			t.Errorf("the linked file holds %q", b)
		}
	})
	t.Run("refuses a link to nowhere", func(t *testing.T) {
		link := filepath.Join(dir, "dangling.pdf")
		os.Symlink(filepath.Join(dir, "gone", "x.pdf"), link)
		err := WriteFile(link, hello)
		if err == nil || !strings.Contains(err.Error(), "link to a file that does not exist") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("refuses a device and a pipe", func(t *testing.T) {
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skip(err)
		}
		paths := []string{fifo}
		// Only a real device: never risk replacing a /dev/full that some
		// other program has already turned into a file.
		if st, err := os.Stat("/dev/full"); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			paths = append(paths, "/dev/full")
		}
		for _, path := range paths {
			err := WriteFile(path, hello)
			if err == nil || !strings.Contains(err.Error(), "not an ordinary file") {
				t.Errorf("%s: error = %v", path, err)
			}
			if st, err := os.Stat(path); err != nil || st.Mode().IsRegular() {
				t.Errorf("%s was replaced: %v", path, err)
			}
		}
	})
	t.Run("says the disk is full in words the GUI can translate", func(t *testing.T) {
		path := filepath.Join(dir, "full.pdf")
		os.WriteFile(path, []byte("old"), 0o644)
		err := WriteFile(path, func(io.Writer) error { return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC} })
		var e *Error
		if !errors.As(err, &e) || e.Format != "cannot write %q: the disk is full; nothing was written" || !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("error = %#v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Errorf("the old file now holds %q", b)
		}
	})
}
