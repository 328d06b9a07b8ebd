package export

import (
	"context"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"valueflow/canvas/scene"
)

// PDF writes the scene as a print-ready PDF: pages as setup asks (one page
// fitted, or tiles with repeated lane and step bands), vector shapes,
// selectable text in the embedded font, title and author metadata.
func PDF(w io.Writer, s *scene.Scene, setup scene.PageSetup, meta Meta) error {
	pages, err := scene.Paginate(s, setup, meta.PageInfo())
	if err != nil {
		return err
	}
	return PDFPages(w, s, pages, meta)
}

// PDFPages writes pages that scene.Paginate made from s.
func PDFPages(w io.Writer, s *scene.Scene, pages []scene.Page, meta Meta) error {
	return PDFProgress(context.Background(), w, s, pages, meta, nil)
}

// PDFProgress writes pages like PDFPages, calling progress (when not nil)
// after each page with the pages done and the total, and stopping with
// ctx.Err() when ctx is cancelled: the GUI's progress bar and Cancel button.
func PDFProgress(ctx context.Context, w io.Writer, s *scene.Scene, pages []scene.Page, meta Meta, progress func(done, total int)) error {
	if len(pages) == 0 {
		return errorf(nil, "nothing to print: no pages")
	}
	f := newPDF(pages[0].Width, pages[0].Height, meta, usesItalic(s.Items))
	r := &pdfRenderer{f: f, bg: s.Background}
	tr := meta.Translate
	if tr == nil {
		tr = func(s string) string { return s }
	}
	bounds := boundsOf(s.Items)
	var idx []int32
	for i := range pages {
		p := &pages[i]
		f.AddPageFormat("P", fpdf.SizeType{Wd: float64(p.Width), Ht: float64(p.Height)})
		r.reset()
		if len(pages) > 1 {
			// An outline entry per sheet lets a viewer jump to "row B, column 3".
			f.SetFont(fontFamily, "", 8)
			f.Bookmark(fmt.Sprintf(tr("page %d of %d"), p.Number, p.Count)+" · "+p.Position(tr), 0, 0)
		}
		for _, v := range p.Views {
			f.ClipRect(float64(v.Dst.X), float64(v.Dst.Y), float64(v.Dst.W), float64(v.Dst.H), false)
			r.reset()
			if p.Background.A > 0 && p.Background != white {
				r.setFill(p.Background)
				f.Rect(float64(v.Dst.X), float64(v.Dst.Y), float64(v.Dst.W), float64(v.Dst.H), "F")
			}
			idx = cull(bounds, v.Src, idx)
			for _, k := range idx {
				r.item(&s.Items[k], v)
			}
			f.ClipEnd()
			r.reset()
		}
		page := scene.View{Src: scene.Rect{W: p.Width, H: p.Height}, Dst: scene.Rect{W: p.Width, H: p.Height}, Scale: 1}
		for k := range p.Items {
			r.item(&p.Items[k], page)
		}
		if err := f.Error(); err != nil {
			return errorf(err, "cannot draw page %d: %v", p.Number, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(pages))
		}
	}
	if err := f.Output(w); err != nil {
		return errorf(err, "cannot write the PDF: %v", err)
	}
	return nil
}

var white = scene.Color{R: 255, G: 255, B: 255, A: 255}

// newPDF makes a document in points with the embedded fonts and metadata.
func newPDF(w, h float32, meta Meta, italic bool) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: float64(w), Ht: float64(h)}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	if italic {
		// Parsing a font costs time and memory; most boards have no italics.
		f.AddUTF8FontFromBytes(fontFamily, "I", fontItalic)
	}
	title := meta.Title
	if meta.Scenario != "" {
		title += " — " + meta.Scenario
	}
	f.SetTitle(title, true)
	f.SetAuthor(meta.Author, true)
	f.SetCreator("Valueflow", true)
	if !meta.Date.IsZero() {
		f.SetCreationDate(meta.Date)
		f.SetModificationDate(meta.Date)
	}
	return f
}

func usesItalic(items []scene.Item) bool {
	for i := range items {
		if t := items[i].Text; t != nil && t.Italic && !t.Bold {
			return true
		}
	}
	return false
}

// pdfRenderer draws scene items with fpdf, remembering the graphics state
// it set so an unchanged colour, width or font is not written again.
type pdfRenderer struct {
	f  *fpdf.Fpdf
	bg scene.Color

	// ok says which remembered values are still in force in the PDF.
	ok                 struct{ fill, stroke, width, dash, text, font bool }
	fill, stroke, text scene.Color
	width              float32
	dash               float32 // 0: solid
	alpha              uint8
	fontStyle          string
	fontSize           float32
	segs               []segment
}

// reset forgets the state: ClipEnd makes the PDF restore its own, and a new
// page starts from the defaults. Alpha is only ever changed inside a clip or
// on a page, both of which start opaque, so it restarts at 255.
func (r *pdfRenderer) reset() {
	r.ok = struct{ fill, stroke, width, dash, text, font bool }{}
	r.alpha = 255
}

func (r *pdfRenderer) setFill(c scene.Color) {
	if !r.ok.fill || r.fill != c {
		r.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		r.fill, r.ok.fill = c, true
	}
	r.setAlpha(c.A)
}

func (r *pdfRenderer) setStroke(c scene.Color, w float32, dashed bool) {
	if !r.ok.stroke || r.stroke != c {
		r.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
		r.stroke, r.ok.stroke = c, true
	}
	if !r.ok.width || r.width != w {
		r.f.SetLineWidth(float64(w))
		r.width, r.ok.width = w, true
	}
	var d float32
	if dashed {
		d = w
	}
	if !r.ok.dash || r.dash != d {
		if dashed {
			dash, gap := dashPattern(w)
			r.f.SetDashPattern([]float64{float64(dash), float64(gap)}, 0)
		} else {
			r.f.SetDashPattern(nil, 0)
		}
		r.dash, r.ok.dash = d, true
	}
	r.setAlpha(c.A)
}

func (r *pdfRenderer) setAlpha(a uint8) {
	if r.alpha != a {
		r.f.SetAlpha(float64(a)/255, "Normal")
		r.alpha = a
	}
}

func (r *pdfRenderer) color(c scene.Color, e scene.Emphasis) scene.Color {
	if e == scene.Dimmed {
		return dimmed(c, r.bg)
	}
	return c
}

// item draws one item through view v.
func (r *pdfRenderer) item(it *scene.Item, v scene.View) {
	f := r.f
	k := v.Scale
	switch {
	case it.Box != nil:
		b := it.Box
		p := v.ToPage(scene.Point{X: b.X, Y: b.Y})
		x, y, w, h := float64(p.X), float64(p.Y), float64(b.W*k), float64(b.H*k)
		shape := func(style string) {
			if b.Radius > 0 {
				rad := float64(min(b.Radius, b.W/2, b.H/2) * k)
				f.RoundedRect(x, y, w, h, rad, "1234", style)
			} else {
				f.Rect(x, y, w, h, style)
			}
		}
		r.paint(r.color(b.Fill, it.Emphasis), r.color(b.Stroke, it.Emphasis), b.StrokeWidth*k, b.Dashed, shape)
	case it.Text != nil:
		r.drawText(it.Text, v, it.Emphasis)
	case it.Circle != nil:
		c := it.Circle
		p := v.ToPage(c.Center)
		r.paint(r.color(c.Fill, it.Emphasis), r.color(c.Stroke, it.Emphasis), c.StrokeWidth*k, false, func(style string) {
			f.Circle(float64(p.X), float64(p.Y), float64(c.Radius*k), style)
		})
	case it.Path != nil:
		r.drawPath(it.Path, v, it.Emphasis)
	}
}

// paint fills and/or strokes the shape that shape draws with the given
// fpdf style. PDF has one transparency for both, so a translucent fill with
// an opaque outline (a coalition hull) is painted in two passes.
func (r *pdfRenderer) paint(fill, stroke scene.Color, width float32, dashed bool, shape func(style string)) {
	doFill := fill.A > 0
	doStroke := stroke.A > 0 && width > 0
	switch {
	case doFill && doStroke && fill.A != stroke.A:
		r.setFill(fill)
		shape("F")
		r.setStroke(stroke, width, dashed)
		shape("D")
	case doFill && doStroke:
		r.setFill(fill)
		r.setStroke(stroke, width, dashed)
		shape("DF")
	case doFill:
		r.setFill(fill)
		shape("F")
	case doStroke:
		r.setStroke(stroke, width, dashed)
		shape("D")
	}
}

func (r *pdfRenderer) drawPath(pa *scene.Path, v scene.View, e scene.Emphasis) {
	f := r.f
	r.segs = pathSegments(pa, r.segs)
	if len(r.segs) == 0 {
		return
	}
	stroke := r.color(pa.Stroke, e)
	w := pa.Width * v.Scale
	var tip, left, right scene.Point
	arrow := false
	if pa.ArrowEnd && !pa.Closed {
		tip, left, right, arrow = arrowHead(r.segs, pa.Width)
	}
	var fill scene.Color
	if pa.Closed {
		fill = r.color(pa.Fill, e)
	}
	r.paint(fill, stroke, w, pa.Dashed, func(style string) {
		p0 := v.ToPage(r.segs[0].From)
		f.MoveTo(float64(p0.X), float64(p0.Y))
		for _, sg := range r.segs {
			to := v.ToPage(sg.To)
			if sg.Curve {
				c1, c2 := v.ToPage(sg.C1), v.ToPage(sg.C2)
				f.CurveBezierCubicTo(float64(c1.X), float64(c1.Y), float64(c2.X), float64(c2.Y), float64(to.X), float64(to.Y))
			} else {
				f.LineTo(float64(to.X), float64(to.Y))
			}
		}
		if pa.Closed {
			f.ClosePath()
		}
		f.DrawPath(style)
	})
	if arrow && stroke.A > 0 {
		r.setFill(stroke)
		if pa.Dashed {
			r.setStroke(stroke, w, false)
		}
		t, a, b := v.ToPage(tip), v.ToPage(left), v.ToPage(right)
		f.MoveTo(float64(t.X), float64(t.Y))
		f.LineTo(float64(a.X), float64(a.Y))
		f.LineTo(float64(b.X), float64(b.Y))
		f.ClosePath()
		f.DrawPath("F")
	}
}

func (r *pdfRenderer) drawText(t *scene.Text, v scene.View, e scene.Emphasis) {
	if len(t.Lines) == 0 || t.Color.A == 0 || t.Size <= 0 {
		return
	}
	f := r.f
	style := ""
	switch {
	case t.Bold:
		style = "B"
	case t.Italic:
		style = "I"
	}
	size := t.Size * v.Scale
	if !r.ok.font || r.fontStyle != style || r.fontSize != size {
		f.SetFont(fontFamily, style, float64(size))
		r.fontStyle, r.fontSize, r.ok.font = style, size, true
	}
	c := r.color(t.Color, e)
	if !r.ok.text || r.text != c {
		f.SetTextColor(int(c.R), int(c.G), int(c.B))
		r.text, r.ok.text = c, true
	}
	if !r.ok.fill {
		// fpdf leaves the text colour out when it equals the fill colour it
		// believes in; after a ClipEnd the PDF may have another one.
		f.SetFillColor(int(r.fill.R), int(r.fill.G), int(r.fill.B))
		r.ok.fill = true
	}
	r.setAlpha(c.A)
	for i, line := range t.Lines {
		if line == "" {
			continue
		}
		x := t.X
		if t.Align != scene.AlignLeft {
			lw := float32(f.GetStringWidth(line)) / v.Scale
			if t.Align == scene.AlignCenter {
				x += (t.W - lw) / 2
			} else {
				x += t.W - lw
			}
		}
		p := v.ToPage(scene.Point{X: x, Y: baseline(t, i)})
		f.Text(float64(p.X), float64(p.Y), line)
	}
}
