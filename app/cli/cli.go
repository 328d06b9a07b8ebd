// Package cli runs Valueflow's sub-commands for headless work and scripting:
// sample, check, import, export, version. It never starts the GUI and never
// imports Fyne, so it runs on machines without a display.
//
// Every command prints one line on stderr and returns a non-zero exit code on
// failure, and writes output files whole or not at all.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Version is the application version shown by `valueflow version`.
const Version = "0.1.0"

// usageError is a mistake in how the command was called (a flag, a value,
// the number of arguments); like every error it exits with code 1.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	summary string
	run     func(args []string, out io.Writer) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"sample":    {"write the built-in sample map, or a generated map of a size", runSample},
		"check":     {"check a map file and print what it holds", runCheck},
		"import":    {"make a map file from JSON, an XLSX workbook or a folder of CSV files", runImport},
		"export":    {"write a map as JSON, PDF, SVG, PNG, DOT, XLSX or CSV", runExport},
		"analyze":   {"print network measures and findings (gaps and risks)", runAnalyze},
		"templates": {"list the built-in templates", runTemplates},
		"new":       {"make a new map file from a template", runNew},
		"version":   {"print the version", runVersion},
		"help":      {"show this help", nil},
	}
}

// IsCommand reports whether name is a sub-command (or a help flag), so main
// knows not to start the GUI.
func IsCommand(name string) bool {
	if _, ok := commands[name]; ok {
		return true
	}
	switch name {
	case "-h", "-help", "--help", "-v", "-version", "--version":
		return true
	}
	return false
}

// Run runs the sub-command in args[0] with the rest as its arguments and
// returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stdout)
		return 0
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		printUsage(stdout)
		return 0
	case "-v", "-version", "--version":
		name = "version"
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "valueflow: unknown command %q (valid: %s)\n", name, strings.Join(commandNames(), ", "))
		return 1
	}
	err := cmd.run(args[1:], stdout)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var rep *reportError
	if errors.As(err, &rep) {
		for _, l := range rep.lines {
			fmt.Fprintln(stderr, l)
		}
	}
	fmt.Fprintf(stderr, "valueflow %s: %s\n", name, oneLine(err.Error()))
	return 1
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, `Valueflow — value-flow maps of integrated care.

Usage:
  valueflow [FILE]                                   open the GUI (a sample map on first run)
  valueflow sample [--size S|M|L|XL] OUT.vflow       the built-in sample, or a generated map of a size
  valueflow templates                                list the built-in templates
  valueflow new --template NAME OUT.vflow            a new map from a template
  valueflow check FILE                               check a map and print what it holds
  valueflow import IN.json|IN.xlsx|CSV-DIR OUT.vflow [--dry-run] [--accept-warnings]
  valueflow export FILE --format json|pdf|svg|png|dot|xlsx|csv --out OUT|-
                   [--view board|network|grid|roles|compare] [--scenario NAME] [--from A --to B]
                   [--paper A4|A3|Letter] [--landscape] [--fit | --scale PCT] (pdf)
                   [--dpi N] (png) [--anonymise]
  valueflow analyze FILE [--scenario NAME] [--steps FROM..TO] [--without STAKEHOLDER] [--format text|json]
  valueflow version

Run 'valueflow COMMAND --help' for the flags of one command.`)
}

// oneLine folds an error message onto one line, as the command line promises.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r", " ")
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// parse parses flags that may stand before, between or after the positional
// arguments ("sample OUT.vflow --size L" and "sample --size L OUT.vflow" both
// work) and returns the positional arguments.
//
// The flag package prints the usage on every mistake; here it is printed
// only when asked for with --help. A mistake is one line on stderr, and the
// usage never ends up in an output written to standard output.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// helpFlagSet makes a FlagSet whose --help prints the command's usage to out.
func helpFlagSet(name, usage string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: valueflow %s\n", usage)
		fs.SetOutput(out)
		fs.PrintDefaults()
	}
	return fs
}

// wantArgs checks the number of positional arguments.
func wantArgs(got []string, n int, usage string) error {
	if len(got) != n {
		return usagef("expected %d argument(s), got %d (usage: valueflow %s)", n, len(got), usage)
	}
	return nil
}
