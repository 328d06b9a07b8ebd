// Valueflow draws and explores value-flow maps of integrated care.
//
// With a sub-command (sample, check, import, export, version) it works headless;
// otherwise it opens the GUI on the file given, the last file, or the sample.
package main

import (
	"fmt"
	"os"

	// Before Fyne's translations read the locale: LANG=C.UTF-8 would make
	// them log three errors on every command.
	_ "clocale"

	"valueflow/app"
	"valueflow/app/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	if len(args) > 1 {
		fmt.Fprintf(os.Stderr, "valueflow: expected at most one file to open, got %d arguments (see valueflow --help)\n", len(args))
		os.Exit(1)
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	if err := app.Run(path); err != nil {
		fmt.Fprintf(os.Stderr, "valueflow: %v\n", err)
		os.Exit(1)
	}
}
