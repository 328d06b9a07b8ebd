// Package fulldisk gives tests a real, small file system to fill: make
// test and make stress mount a tmpfs of a few MB and pass it in
// VALUEFLOW_FULL_DIR (scripts/harness-fulldisk.sh). Only tests use it.
package fulldisk

import (
	"errors"
	"os"
	"syscall"
	"testing"
)

// Dir returns a new, empty folder on the small file system, removed when
// the test ends, or skips the test where there is none.
func Dir(t testing.TB) string {
	t.Helper()
	full := os.Getenv("VALUEFLOW_FULL_DIR")
	if full == "" {
		t.Skip("set VALUEFLOW_FULL_DIR to a small, empty file system (make stress mounts a tmpfs there)")
	}
	dir, err := os.MkdirTemp(full, "full")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// Fill writes path until the file system refuses more, down to the last
// 512 bytes that still fit.
func Fill(t testing.TB, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			break
		}
	}
	for {
		if _, err := f.Write(chunk[:512]); err != nil {
			break
		}
	}
}
