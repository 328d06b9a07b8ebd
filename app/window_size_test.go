package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTheWindowOpensAtTheSizeItWasClosedAtOrFitsALaptop(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	if got := startWindowSize(p); got != defaultWindowSize {
		t.Fatalf("first start: %v, want %v", got, defaultWindowSize)
	}
	// A 1366 × 768 screen less a panel and a title bar leaves about 700.
	if defaultWindowSize.Width > 1366 || defaultWindowSize.Height > 700 {
		t.Errorf("default %v does not fit a 1366 × 768 laptop", defaultWindowSize)
	}
	rememberWindowSize(p, fyne.NewSize(1500, 900))
	if got := startWindowSize(p); got != fyne.NewSize(1500, 900) {
		t.Errorf("after closing at 1500 × 900: %v", got)
	}
	// A window closed while minimised reports a tiny size: keep the last good one.
	rememberWindowSize(p, fyne.NewSize(1, 1))
	if got := startWindowSize(p); got != fyne.NewSize(1500, 900) {
		t.Errorf("after closing minimised: %v", got)
	}
	p.SetFloat(prefWindowWidth, 100)
	if got := startWindowSize(p); got != defaultWindowSize {
		t.Errorf("a broken remembered size gives %v, want the default", got)
	}
}
