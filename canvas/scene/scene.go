// Package scene lays out every view of a map into a device-independent scene:
// boxes, texts, arrows, curves and pages in millimetre-free abstract units
// (1 unit = 1 point = 1/72 inch at 100 %). The screen widget and every
// exporter draw the same scene, so what is printed is what was seen.
// It must not import Fyne or any output format.
package scene

import "valueflow/model"

// Color is an sRGB colour with alpha.
type Color struct{ R, G, B, A uint8 }

// Hex parses "#rrggbb"; it returns def when s is not such a colour.
func Hex(s string, def Color) Color {
	if len(s) != 7 || s[0] != '#' {
		return def
	}
	var v [3]uint8
	for i := 0; i < 3; i++ {
		hi, ok1 := hexDigit(s[1+2*i])
		lo, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return def
		}
		v[i] = hi<<4 | lo
	}
	return Color{v[0], v[1], v[2], 255}
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Point is a position in scene units; Y grows downwards.
type Point struct{ X, Y float32 }

// Rect is an axis-aligned rectangle.
type Rect struct{ X, Y, W, H float32 }

// Contains reports whether p lies inside r.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// Intersects reports whether r and o overlap.
func (r Rect) Intersects(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Target says which model element a drawn item stands for, so the screen can
// select it and exporters can name it (SVG ids). Kind EntityMap with empty ID
// means decoration.
type Target struct {
	Kind model.EntityKind
	ID   model.ID
}

// Emphasis is how an item is shown in a focused view.
type Emphasis uint8

const (
	Normal Emphasis = iota
	Highlighted
	Dimmed
	Selected
)

// Align is horizontal text alignment.
type Align uint8

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Box is a filled and/or stroked rectangle with optional rounded corners.
type Box struct {
	Rect
	Fill        Color // A == 0: no fill
	Stroke      Color // A == 0: no stroke
	StrokeWidth float32
	Radius      float32
	Dashed      bool
}

// Text is one or more lines of text inside a rectangle. Lines are already
// wrapped by the layout (Lines), so every output shows the same line breaks.
type Text struct {
	Rect
	Lines  []string
	Size   float32 // font size in units
	Bold   bool
	Italic bool
	Color  Color
	Align  Align
}

// Path is a polyline or, when Smooth, a curve through its points.
type Path struct {
	Points   []Point
	Stroke   Color
	Width    float32
	Dashed   bool
	Smooth   bool
	ArrowEnd bool // draw an arrow head at the last point
	Closed   bool
	Fill     Color // used when Closed
}

// Circle is a dot or ring.
type Circle struct {
	Center      Point
	Radius      float32
	Fill        Color
	Stroke      Color
	StrokeWidth float32
}

// Item is one drawable element. Exactly one of Box, Text, Path, Circle is set.
// Items are drawn in slice order (later on top).
type Item struct {
	Target   Target
	Group    string // e.g. "lane:s3", "card:c12": exporters group by it (SVG <g>)
	Emphasis Emphasis
	Box      *Box
	Text     *Text
	Path     *Path
	Circle   *Circle
}

// Bounds returns the rectangle the item covers.
func (it Item) Bounds() Rect {
	switch {
	case it.Box != nil:
		return it.Box.Rect
	case it.Text != nil:
		return it.Text.Rect
	case it.Circle != nil:
		c := it.Circle
		return Rect{c.Center.X - c.Radius, c.Center.Y - c.Radius, 2 * c.Radius, 2 * c.Radius}
	case it.Path != nil && len(it.Path.Points) > 0:
		p := it.Path.Points
		minX, minY, maxX, maxY := p[0].X, p[0].Y, p[0].X, p[0].Y
		for _, q := range p[1:] {
			minX, maxX = min(minX, q.X), max(maxX, q.X)
			minY, maxY = min(minY, q.Y), max(maxY, q.Y)
		}
		return Rect{minX, minY, maxX - minX, maxY - minY}
	}
	return Rect{}
}

// Scene is a laid-out view: its size and items, plus the header bands that
// pagination repeats on every tile (lane names on the left, step names on top).
type Scene struct {
	Title  string
	Width  float32
	Height float32
	Items  []Item
	// Frozen bands (in scene units from the left and top edge) that a tiled
	// print repeats on each sheet; 0 when the view has none.
	LeftBand float32
	TopBand  float32
	// Background colour of the whole scene.
	Background Color
	// Print says how pagination puts the view on paper (page.go).
	Print PrintHints
}

// Add appends an item.
func (s *Scene) Add(it Item) { s.Items = append(s.Items, it) }

// Hit returns the topmost item with a non-decoration target at p, or false.
func (s *Scene) Hit(p Point) (Item, bool) {
	for i := len(s.Items) - 1; i >= 0; i-- {
		it := s.Items[i]
		if it.Target.ID == "" && it.Target.Kind == model.EntityMap {
			continue
		}
		if it.Bounds().Contains(p) {
			return it, true
		}
	}
	return Item{}, false
}
