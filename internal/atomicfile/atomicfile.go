// Package atomicfile names the hidden temporary file a whole-or-nothing
// write puts next to its target (written, synced, then renamed over the
// target), and clears away the ones an interrupted write left behind: a copy
// killed half-way (power cut, SIGKILL, a full disk the process did not
// survive) leaves ".NAME.123456.tmp" in the folder forever otherwise.
// storage (a map, Save As) and canvas/export (every export) share it.
package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StaleAfter is how old a temporary file must be before a new write to the
// same target removes it: one being written right now by another process
// (a second window, valueflow export) is young.
const StaleAfter = 10 * time.Minute

// Pattern is the os.CreateTemp pattern for a temporary file of target, in
// target's folder: ".NAME.*.tmp", hidden and named after what it becomes.
func Pattern(target string) string {
	return "." + filepath.Base(target) + ".*.tmp"
}

// journals are what SQLite may leave beside a temporary database.
var journals = []string{"", "-journal", "-wal", "-shm"}

// IsTemp reports whether name (a file name, not a path) is one of target's
// temporary files as Pattern and os.CreateTemp make them, or an SQLite
// journal of one: ".NAME." digits ".tmp", then nothing or "-journal",
// "-wal", "-shm". A temporary file of another target ("kaart.vflow" for the
// target "kaart") is not one.
func IsTemp(name, target string) bool {
	rest, ok := strings.CutPrefix(name, "."+filepath.Base(target)+".")
	if !ok {
		return false
	}
	i := strings.LastIndex(rest, ".tmp")
	if i <= 0 || strings.Trim(rest[:i], "0123456789") != "" {
		return false
	}
	for _, j := range journals {
		if rest[i+len(".tmp"):] == j {
			return true
		}
	}
	return false
}

// RemoveStale removes target's temporary files (and their journals) in
// target's folder that are older than StaleAfter. Only ordinary files are
// touched; what cannot be read or removed is left as it is, since the write
// that follows reports any real trouble with the folder itself.
func RemoveStale(target string) {
	dir := filepath.Dir(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsTemp(e.Name(), target) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
