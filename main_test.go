package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildBinary builds valueflow once for the tests of this file.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "valueflow")
	gotool, err := exec.LookPath("go")
	if err != nil {
		gotool = filepath.Join(runtime.GOROOT(), "bin", "go") // make test finds go there too
	}
	cmd := exec.Command(gotool, "build", "-tags=sqlite_omit_load_extension", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// The binary, not cli.Run: what Fyne's packages print while they initialise
// (before main) only shows in a real process.
func TestTheCommandLinePrintsOneLineOnErrorAndNothingOnSuccessUnderACLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "zorgpad.vflow")
	for _, tc := range []struct {
		name      string
		args      []string
		ok        bool
		stdoutHas string
		gui       bool // the window path, without a display
	}{
		{"version", []string{"version"}, true, "valueflow ", false},
		{"sample", []string{"sample", good}, true, "", false},
		{"check of a good file", []string{"check", good}, true, "ok: ", false},
		{"check of a missing file", []string{"check", filepath.Join(dir, "weg.vflow")}, false, "", false},
		{"a file to open in the window that is not there", []string{filepath.Join(dir, "weg.vflow")}, false, "", true},
	} {
		for _, locale := range []string{"C.UTF-8", "C", "POSIX", "nl_NL.UTF-8", "de_DE.UTF-8"} {
			t.Run(tc.name+" with LANG="+locale, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				if tc.gui && locale == "nl_NL.UTF-8" {
					// The window path loads every translation; a Dutch one
					// missing is logged, and TestEveryShownStringIsTranslated
					// (app) is where that is caught.
					return
				}
				cmd := exec.Command(bin, tc.args...)
				cmd.Env = append(cleanEnv(), "LANG="+locale, "HOME="+dir) // and no DISPLAY
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if tc.name == "sample" && err != nil && strings.Contains(stderr.String(), "already exists") {
					return // written by the first locale
				}
				lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
				if stderr.Len() == 0 {
					lines = nil
				}
				if tc.ok {
					if err != nil || len(lines) != 0 {
						t.Fatalf("exit %v, stderr %q", err, stderr.String())
					}
					if !strings.HasPrefix(stdout.String(), tc.stdoutHas) {
						t.Errorf("stdout %q", stdout.String())
					}
					return
				}
				if err == nil {
					t.Fatal("exit code 0 for a failing command")
				}
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "valueflow") {
					t.Fatalf("stderr is not one line: %q", stderr.String())
				}
			})
		}
	}
}

// cleanEnv is the environment without the locale variables.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "HOME", "DISPLAY", "WAYLAND_DISPLAY":
			continue
		}
		env = append(env, kv)
	}
	return env
}
