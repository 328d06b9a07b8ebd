package export

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"valueflow/canvas/scene"
)

// svgTexts parses an SVG and returns its text, line by line, and its ids.
func svgTexts(t *testing.T, data []byte) (texts []string, ids map[string]bool) {
	t.Helper()
	ids = map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var cur strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not valid XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					if ids[a.Value] {
						t.Errorf("id %q appears twice", a.Value)
					}
					ids[a.Value] = true
				}
			}
			if tok.Name.Local == "tspan" {
				cur.Reset()
			}
		case xml.CharData:
			cur.Write(tok)
		case xml.EndElement:
			if tok.Name.Local == "tspan" {
				texts = append(texts, cur.String())
			}
		}
	}
	return texts, ids
}

func TestSVG(t *testing.T) {
	s, values := synthScene(5, 7)
	var buf bytes.Buffer
	if err := SVG(&buf, s); err != nil {
		t.Fatal(err)
	}
	texts, ids := svgTexts(t, buf.Bytes())
	all := strings.Join(texts, "\n")
	for _, v := range values {
		if !strings.Contains(all, v) {
			t.Errorf("the SVG lacks %q", v)
		}
	}
	for _, id := range []string{"lane-h0", "lane-h4", "card-c1", "step-s0", "flow-f1"} {
		if !ids[id] {
			t.Errorf("the SVG has no <g id=%q>", id)
		}
	}
	if ids["lane-h0-2"] {
		t.Errorf("lane h0 is split over two groups")
	}
	for id, class := range svgClasses(t, buf.Bytes()) {
		kind, _, _ := strings.Cut(id, "-")
		if class != kind {
			t.Errorf("<g id=%q> has class %q, want %q", id, class, kind)
		}
	}
}

// svgClasses returns the class of every <g> with an id.
func svgClasses(t *testing.T, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			var id, class string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "id":
					id = a.Value
				case "class":
					class = a.Value
				}
			}
			if id != "" {
				out[id] = class
			}
		}
	}
	return out
}

// pngDPI reads the resolution from a PNG's pHYs chunk; 0 when it has none.
func pngDPI(t *testing.T, data []byte) float32 {
	t.Helper()
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if typ == "pHYs" && n == 9 && data[i+16] == 1 {
			ppm := binary.BigEndian.Uint32(data[i+8:])
			if y := binary.BigEndian.Uint32(data[i+12:]); y != ppm {
				t.Errorf("pHYs has %d × %d pixels per metre", ppm, y)
			}
			if crc := binary.BigEndian.Uint32(data[i+8+n:]); crc != crc32.ChecksumIEEE(data[i+4:i+8+n]) {
				t.Errorf("the pHYs chunk has a wrong checksum")
			}
			return float32(math.Round(float64(ppm) * 0.0254))
		}
		if typ == "IDAT" {
			return 0 // pHYs must come before the image data
		}
		i += 12 + n
	}
	return 0
}

func TestSVGEscapesText(t *testing.T) {
	s := &scene.Scene{Width: 100, Height: 50}
	s.Add(scene.Item{Group: `card:"x"&<y>`, Text: &scene.Text{Rect: scene.Rect{W: 100, H: 20}, Size: 10, Color: scene.Color{A: 255},
		Lines: []string{`a < b & c > "d" 'e'` + "\x01\x0b", "Zoë’s café"}}})
	var buf bytes.Buffer
	if err := SVG(&buf, s); err != nil {
		t.Fatal(err)
	}
	texts, _ := svgTexts(t, buf.Bytes())
	if len(texts) != 2 || texts[0] != `a < b & c > "d" 'e'` || texts[1] != "Zoë’s café" {
		t.Errorf("texts = %q", texts)
	}
}

func TestPNG(t *testing.T) {
	s, _ := synthScene(3, 4)
	for _, dpi := range []float32{72, 96, 150} {
		var buf bytes.Buffer
		if err := PNG(&buf, s, dpi); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		w, h := PNGSize(s, dpi)
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Errorf("at %g dpi the image is %v, want %d × %d", dpi, img.Bounds().Size(), w, h)
		}
		var again bytes.Buffer
		PNG(&again, s, dpi)
		if got := pngDPI(t, again.Bytes()); got != dpi {
			t.Errorf("the PNG says it is %g dpi, want %g", got, dpi)
		}
		if wantW := int(s.Width*dpi/72 + 0.999); w != wantW {
			t.Errorf("at %g dpi the width is %d, want %d", dpi, w, wantW)
		}
	}
	if dir := os.Getenv("VALUEFLOW_KEEP"); dir != "" {
		WriteFile(filepath.Join(dir, "synth.png"), func(w io.Writer) error { return PNG(w, s, 100) })
		pages, _ := scene.Paginate(s, scene.PageSetup{Paper: scene.A4, Landscape: true, ScalePct: 150}, Meta{Title: "Synthetic", Scenario: "As-is"}.PageInfo())
		for _, p := range pages {
			WriteFile(filepath.Join(dir, fmt.Sprintf("synth-page-%d.png", p.Number)), func(w io.Writer) error { return PNGPage(w, s, p, 60) })
		}
	}
	if err := PNG(io.Discard, s, 5); err == nil {
		t.Error("5 dpi was accepted")
	}
}

func TestPNGPageHasThePaperSize(t *testing.T) {
	s, _ := synthScene(6, 8)
	pages, err := scene.Paginate(s, scene.PageSetup{Paper: scene.A4, Landscape: true}, scene.PageInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := PNGPage(&buf, s, pages[len(pages)-1], 100); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// A4 landscape at 100 dpi: 11.69 × 8.27 inch.
	if got := img.Bounds().Size(); got.X != 1170 || got.Y != 827 {
		t.Errorf("the page image is %v, want 1170 × 827", got)
	}
}
