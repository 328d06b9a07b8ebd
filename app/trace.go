package app

import (
	"fmt"
	"image"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// afterFirstFrame calls do once, on the painting goroutine, when the
// window's first frame has been painted. Call it after the window's content
// is set and before it is shown.
//
// How: a 1×1 transparent raster is laid over the content, last in the
// tree. Fyne's painter calls a raster's generator while it paints the
// frame, and paints objects in tree order, so the first call comes when
// everything else of the first frame has been drawn.
func afterFirstFrame(w fyne.Window, do func()) {
	var once sync.Once
	probe := fynecanvas.NewRaster(func(int, int) image.Image {
		once.Do(do)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(probe)))
}

// traceFirstFrame, when VALUEFLOW_TRACE=1, prints one line to stderr once
// the window's first frame has been painted:
//
//	valueflow-trace first-frame unix-ns=1764000000123456789
//
// make harness (cmd/harness/startup) reads it to measure the time from
// starting the program to its first drawn frame against a Fyne hello world
// that prints the same line (issues 4 and 10). Without the variable it does
// nothing.
func traceFirstFrame(w fyne.Window) {
	if os.Getenv("VALUEFLOW_TRACE") != "1" {
		return
	}
	afterFirstFrame(w, func() {
		fmt.Fprintf(os.Stderr, "valueflow-trace first-frame unix-ns=%d\n", time.Now().UnixNano())
	})
}

// releaseStartupMemory returns the garbage of starting up (reading the map,
// laying out the board, parsing fonts) to the operating system once the
// first frame is on screen. Go's scavenger would hand it back slowly; a
// desktop app that stays open all day should not hold its start-up peak.
// It runs off the painting goroutine, so the frame is not delayed.
func releaseStartupMemory(w fyne.Window) {
	afterFirstFrame(w, func() { go debug.FreeOSMemory() })
}
