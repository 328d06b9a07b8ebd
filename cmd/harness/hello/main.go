// Command hello is the Fyne hello-world window that make harness starts
// next to Valueflow to compare start-up time and memory (issues 4 and 10):
// one label, the same window size as Valueflow, and with VALUEFLOW_TRACE=1
// the same first-frame line on stderr as app/trace.go prints.
package main

import (
	"fmt"
	"image"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("nl.valueflow.harness.hello")
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello Fyne!"))
	traceFirstFrame(w)
	w.Resize(fyne.NewSize(1280, 680)) // the size the app opens at on a first start
	w.ShowAndRun()
}

// traceFirstFrame is app/trace.go's, copied so this program does not link
// Valueflow (that would count Valueflow's start-up in the baseline).
func traceFirstFrame(w fyne.Window) {
	if os.Getenv("VALUEFLOW_TRACE") != "1" {
		return
	}
	var once sync.Once
	probe := fynecanvas.NewRaster(func(int, int) image.Image {
		once.Do(func() {
			fmt.Fprintf(os.Stderr, "valueflow-trace first-frame unix-ns=%d\n", time.Now().UnixNano())
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(probe)))
}
