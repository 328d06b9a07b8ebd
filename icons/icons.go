// Package icons holds the bundled application icon.
package icons

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed valueflow.png
var appIconPNG []byte

// AppIcon is Valueflow's application icon (lanes with cards and a flow).
var AppIcon = fyne.NewStaticResource("valueflow.png", appIconPNG)
