// Package app is Valueflow's Fyne application: the window, menus, shortcuts,
// dialogs, the inspector and the views around the journey board. It talks to
// the model through model.Editor and to files through storage; it never
// writes to a database itself.
package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"valueflow/app/cli"
	"valueflow/icons"
	"valueflow/model/sample"
	"valueflow/storage"
)

const (
	appID      = "nl.valueflow.app"
	prefLast   = "last-file"
	sampleName = "Voorbeeld - Kwetsbare oudere van ziekenhuis naar huis.vflow"
)

var version = cli.Version

// Run opens the GUI on path; with an empty path on the last opened file, or
// on first run on a copy of the sample map in the documents folder.
func Run(path string) error {
	// A file named on the command line is read and checked on the other
	// core while the app and its window are made.
	var opened func() (*document, error)
	if path != "" {
		opened = openAhead(path)
	}
	a := fyneapp.NewWithID(appID)
	applyLanguage(a)
	loadTranslations()
	applyTheme(a)
	a.SetIcon(icons.AppIcon)
	if path == "" {
		var err error
		if path, err = startPath(a); err != nil {
			return err
		}
		opened = openAhead(path)
	}
	// The window is made while the map is read; without a screen making
	// it would panic, and a map that does not open should only be said.
	var w fyne.Window
	if hasScreen() {
		w = a.NewWindow("Valueflow")
	}
	doc, err := opened()
	if err != nil {
		// Started from a launcher nobody reads stderr: say it in a window.
		if w != nil {
			w.Close()
		}
		msg := storageMessage(err)
		showStartError(a, msg)
		return errors.New(msg)
	}
	if w == nil {
		w = a.NewWindow("Valueflow")
	}
	mw := newMainWindow(a, w, doc)
	mw.rememberRecent(path)
	w.SetCloseIntercept(func() {
		rememberWindowSize(a.Preferences(), w.Canvas().Size())
		mw.doc.close()
		w.Close()
	})
	w.SetOnDropped(mw.dropped)
	w.Resize(startWindowSize(a.Preferences()))
	releaseStartupMemory(w)
	traceFirstFrame(w)
	mw.welcome()
	w.ShowAndRun()
	return nil
}

// startPath is the last file that still opens, or the sample copy.
func startPath(a fyne.App) (string, error) {
	if last := a.Preferences().StringList(prefRecent); len(last) > 0 {
		for _, p := range last {
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
	}
	return sampleCopy()
}

// sampleCopy writes the built-in sample into the user's documents folder,
// once, and returns its path.
func sampleCopy() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your home folder: %w", err)
	}
	dir := filepath.Join(home, "Documents", "Valueflow")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, sampleName)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := storage.Create(path, sample.Map()); err != nil {
		return "", errors.New(storageMessage(err))
	}
	return path, nil
}

// showStartError shows why no map could be opened in a small window of its
// own and returns when the user closes it.
func showStartError(a fyne.App, msg string) {
	if !hasScreen() {
		return // no screen (ssh, a script): the message goes to stderr only; a window would panic
	}
	w := a.NewWindow("Valueflow")
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	// Nothing else is open: closing this window ends the program.
	w.SetOnClosed(a.Quit)
	quit := widget.NewButton(T("Close"), a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), nil, nil, text))
	w.Resize(fyne.NewSize(520, 160))
	w.CenterOnScreen()
	w.ShowAndRun()
}

// openAhead starts opening the map at path in the background and returns a
// function that waits for the result.
func openAhead(path string) func() (*document, error) {
	type result struct {
		doc *document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := openDocument(path)
		done <- result{doc, err}
	}()
	return func() (*document, error) {
		r := <-done
		return r.doc, r.err
	}
}

// hasScreen tells whether a window can be opened: on Linux without an X or
// Wayland display (ssh, a script) making one panics.
func hasScreen() bool {
	return runtime.GOOS != "linux" || os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
