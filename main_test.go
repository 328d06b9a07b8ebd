package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildBinary builds valueflow once for the tests of this file.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "valueflow")
	cmd := exec.Command("go", "build", "-tags=sqlite_omit_load_extension", "-o", bin, ".")
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
	}{
		{"version", []string{"version"}, true, "valueflow "},
		{"sample", []string{"sample", good}, true, ""},
		{"check of a good file", []string{"check", good}, true, "ok: "},
		{"check of a missing file", []string{"check", filepath.Join(dir, "weg.vflow")}, false, ""},
		{"a file to open in the window that is not there", []string{filepath.Join(dir, "weg.vflow")}, false, ""},
	} {
		for _, locale := range []string{"C.UTF-8", "C", "POSIX", "nl_NL.UTF-8", "de_DE.UTF-8"} {
			t.Run(tc.name+" with LANG="+locale, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				cmd := exec.Command(bin, tc.args...)
				cmd.Env = append(cleanEnv(), "LANG="+locale, "HOME="+dir)
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
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "HOME":
			continue
		}
		env = append(env, kv)
	}
	return env
}
