package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"valueflow/canvas/scene"
	"valueflow/internal/atomicfile"
	"valueflow/model/sample"
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

// An export killed half-way leaves its temporary file next to the output;
// the next export to the same file removes it once it is old (another
// export may be writing a young one), and leaves other files' alone.
func TestAnExportRemovesTheOldLeftoverOfAKilledOne(t *testing.T) {
	if os.Getenv("VALUEFLOW_KILLED_EXPORT") != "" {
		// The child: start an export and hang half-way until killed.
		WriteFile(os.Getenv("VALUEFLOW_KILLED_EXPORT"), func(w io.Writer) error {
			io.WriteString(w, "half a fi")
			time.Sleep(time.Minute)
			return nil
		})
		os.Exit(0)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kaart [1].pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAnExportRemovesTheOldLeftoverOfAKilledOne$")
	cmd.Env = append(os.Environ(), "VALUEFLOW_KILLED_EXPORT="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	leftover := ""
	for deadline := time.Now().Add(20 * time.Second); leftover == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b, _ := os.ReadFile(filepath.Join(dir, e.Name())); e.Name() != "kaart [1].pdf" && string(b) == "half a fi" {
				leftover = filepath.Join(dir, e.Name())
			}
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if leftover == "" {
		t.Fatal("the child export wrote no temporary file")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("the killed export changed the output: %q", b)
	}

	hello := func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }
	// Right after the kill the leftover is young: it could be another
	// export in progress, so it stays.
	if err := WriteFile(path, hello); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); err != nil {
		t.Fatalf("a young temporary file was removed: %v", err)
	}
	// Once old it goes; another output's old leftover and an old file of
	// the user's stay.
	other := filepath.Join(dir, ".kaart [1].pdf.bak")
	otherTarget := filepath.Join(dir, ".kaart.pdf.123.tmp")
	long := time.Now().Add(-atomicfile.StaleAfter - time.Minute)
	for _, p := range []string{leftover, other, otherTarget} {
		if p != leftover {
			os.WriteFile(p, []byte("keep"), 0o644)
		}
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(path, hello); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old leftover %s is still there: %v", filepath.Base(leftover), err)
	}
	for _, p := range []string{other, otherTarget} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "hello" {
		t.Errorf("the output holds %q", b)
	}
}

// cancelAtFirstWrite cancels the export when the encoder first writes,
// as a Cancel pressed while an image is being compressed, and passes the
// write on as an encoder that knows nothing of cancelling would.
type cancelAtFirstWrite struct {
	w      io.Writer
	cancel func()
}

func (c *cancelAtFirstWrite) Write(p []byte) (int, error) {
	c.cancel()
	return c.w.Write(p)
}

func TestACancelBeforeTheRenameKeepsTheOldFileAsItWas(t *testing.T) {
	s := scene.Board(sample.Map(), "", scene.BoardOptions{})
	tests := []struct {
		name  string
		write func(ctx context.Context, cancel func(), w io.Writer) error
	}{
		{"cancelled before anything is written", func(ctx context.Context, cancel func(), w io.Writer) error {
			_, err := io.WriteString(w, "a new print")
			return err
		}},
		{"cancelled half-way by a writer that goes on regardless", func(ctx context.Context, cancel func(), w io.Writer) error {
			io.WriteString(w, "half a new")
			cancel()
			io.WriteString(w, " print")
			return nil
		}},
		{"cancelled after the last byte, before the rename", func(ctx context.Context, cancel func(), w io.Writer) error {
			io.WriteString(w, "a whole new print")
			cancel()
			return nil
		}},
		{"cancelled while the PNG is being compressed and written", func(ctx context.Context, cancel func(), w io.Writer) error {
			return PNGProgress(ctx, &cancelAtFirstWrite{w, cancel}, s, 72, nil)
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "board.png")
			old := []byte("\x89PNG the print of last week")
			os.WriteFile(path, old, 0o640)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if i == 0 {
				cancel()
			}
			err := WriteFileContext(ctx, path, func(w io.Writer) error { return tt.write(ctx, cancel, w) })
			if !errors.Is(err, context.Canceled) || err.Error() != context.Canceled.Error() {
				t.Errorf("error = %v, want the cancel itself", err)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
				t.Errorf("the old file now holds %q", b)
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
				t.Errorf("the old file's mode changed to %v", st.Mode())
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("the folder holds %v, want only board.png", names)
			}
		})
	}
}

func TestPNGStopsWritingWhenCancelledWhileCompressing(t *testing.T) {
	s := scene.Board(sample.Generate(sample.M), "", scene.BoardOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var buf bytes.Buffer
	err := PNGProgress(ctx, &cancelAtFirstWrite{&buf, cancel}, s, 72, nil)
	if !errors.Is(err, context.Canceled) || err.Error() != context.Canceled.Error() {
		t.Errorf("error = %v, want the cancel itself", err)
	}
	// The signature went through before the cancel; the image did not.
	if buf.Len() > 64 {
		t.Errorf("%d bytes were written after the cancel", buf.Len())
	}
}

// TestAnUnwritableOutIsNamedAsTheUserTypedIt checks that the message names
// the file asked for and the reason in words, never the temporary file the
// export was being written into.
func TestAnUnwritableOutIsNamedAsTheUserTypedIt(t *testing.T) {
	dir := t.TempDir()
	hello := func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }
	tests := []struct {
		name  string
		path  string
		write func(io.Writer) error
		want  string
	}{
		{"a folder that makes no files", "/proc/x.pdf", hello, `cannot write "/proc/x.pdf": the folder "/proc" does not accept new files`},
		{"a name too long for the disk", filepath.Join(dir, strings.Repeat("a", 300)+".pdf"), hello, "the name is too long for its disk"},
		{"a disk error while the PNG is written", filepath.Join(dir, "board.png"), func(w io.Writer) error {
			return errorf(&fs.PathError{Op: "write", Path: filepath.Join(dir, ".board.png.123456.tmp"), Err: syscall.EIO}, "cannot write the PNG: %v",
				&fs.PathError{Op: "write", Path: filepath.Join(dir, ".board.png.123456.tmp"), Err: syscall.EIO})
		}, `cannot write "` + filepath.Join(dir, "board.png") + `": the disk reported a read or write error`},
		{"a quota used up", filepath.Join(dir, "board.svg"), func(w io.Writer) error {
			return &fs.PathError{Op: "write", Path: filepath.Join(dir, ".board.svg.1.tmp"), Err: syscall.EDQUOT}
		}, "the disk quota is used up; nothing was written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.HasPrefix(tt.path, "/proc/") {
				if st, err := os.Stat("/proc/self"); err != nil || !st.IsDir() {
					t.Skip("no /proc here")
				}
			}
			err := WriteFile(tt.path, tt.write)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `"`+tt.path+`"`) {
				t.Errorf("error %q, want %q and the path as given", err, tt.want)
			}
			if strings.Contains(err.Error(), ".tmp") {
				t.Errorf("error %q names the temporary file", err)
			}
			var ee *Error
			if !errors.As(err, &ee) {
				t.Errorf("error %T is not an export error the GUI translates", err)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}
