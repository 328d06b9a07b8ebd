// Package export turns a scene into files people print and share: a tiled,
// print-ready PDF, SVG, PNG, and the model into Graphviz DOT. Every format is
// drawn from the same scene as the screen, so what is printed is what was
// seen. Writers take an io.Writer; WriteFile makes a file appear whole or
// not at all. The package draws; it does not lay out (canvas/scene does).
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"valueflow/canvas/scene"
	"valueflow/internal/atomicfile"
)

// Meta is what a printed document says about itself.
type Meta struct {
	Title    string // map title: PDF title and page header
	Author   string
	Scenario string // printed on every page
	Date     time.Time
	// Legend for the page foot; nil means scene.DefaultLegend() on a board
	// and none on the other views (see scene.PageInfo).
	Legend []scene.LegendSection
	// Translate turns the English page phrases into the user's language.
	Translate func(string) string
}

// PageInfo returns the header information pagination puts on every page.
func (m Meta) PageInfo() scene.PageInfo {
	d := m.Date
	if d.IsZero() {
		d = time.Now()
	}
	return scene.PageInfo{Title: m.Title, Scenario: m.Scenario, Date: d.Format("2006-01-02"), Legend: m.Legend, Translate: m.Translate}
}

// An Error is a file that could not be written or a drawing that cannot be
// made. Format is an English phrase with fmt verbs, which is also the GUI's
// translation key; an argument that is itself an error is translated the
// same way, so "cannot write %q: %v" with a full disk reads whole in Dutch.
type Error struct {
	Format string
	Args   []any
	Err    error // the cause, for errors.Is (a full disk, a cancelled export)
}

func (e *Error) Error() string { return fmt.Sprintf(e.Format, e.Args...) }
func (e *Error) Unwrap() error { return e.Err }

func errorf(cause error, format string, args ...any) error {
	return &Error{Format: format, Args: args, Err: cause}
}

// WriteFile writes a file through write so that it appears whole or not at
// all: into a temporary file next to path, synced, then renamed over path.
// On any error the temporary file is removed and path is left as it was;
// temporary files of path that a killed export left behind are removed once
// they are older than atomicfile.StaleAfter.
// It refuses what is not an ordinary document: a folder, a device, a pipe
// or socket, a read-only file. A symbolic link is followed, so the file it
// points to is replaced and the link stays. A replaced file keeps its
// permissions; a new one is readable by everyone.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteFileContext(context.Background(), path, write)
}

// WriteFileContext is WriteFile that a cancel stops at any moment before
// the rename, whatever write is doing: write's writer fails with ctx.Err()
// once ctx is cancelled (an encoder deep in a PNG or a workbook stops at its
// next write), and ctx is looked at again after the file is complete and
// synced, just before it replaces path. A cancelled write returns ctx.Err()
// itself and leaves path as it was and no temporary file.
func WriteFileContext(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	target, mode, err := writeTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	// An export killed half-way left its temporary file here; an old one
	// of the same target goes now (a young one may be another export's).
	atomicfile.RemoveStale(target)
	f, err := os.CreateTemp(dir, atomicfile.Pattern(target))
	if err != nil {
		return CannotCreate(path, dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	wrap := func(err error) error {
		if cerr := ctx.Err(); cerr != nil {
			// Whatever write made of it, the user cancelled.
			return cerr
		}
		return CannotWrite(path, err)
	}
	if err = write(ctxWriter{ctx, f}); err != nil {
		return wrap(err)
	}
	if err = f.Sync(); err != nil {
		return wrap(err)
	}
	if err = f.Close(); err != nil {
		return wrap(err)
	}
	// CreateTemp makes the file private; an export is an ordinary document.
	if err = os.Chmod(tmp, mode); err != nil {
		return wrap(err)
	}
	// The last moment a cancel keeps the old file: write may have ignored
	// ctx, and syncing a big file takes a while.
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = os.Rename(tmp, target); err != nil {
		return wrap(err)
	}
	return nil
}

// CannotCreate is the error for path when its temporary file (or folder)
// could not be made in the folder dir because of err: no permission, a full
// or read-only disk, a folder that makes no files (/proc), else as
// CannotWrite says it.
func CannotCreate(path, dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return errorf(err, "cannot write %q: no permission to write in the folder %q", path, dir)
	case errors.Is(err, syscall.ENOSPC):
		return errorf(err, "cannot write %q: the disk is full; nothing was written", path)
	case errors.Is(err, syscall.EROFS):
		return errorf(err, "cannot write %q: the folder %q is on a read-only disk", path, dir)
	case errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(dir); serr == nil && st.IsDir() {
			// The folder is there but makes no files: /proc, /sys.
			return errorf(err, "cannot write %q: the folder %q does not accept new files", path, dir)
		}
		return errorf(err, "cannot write %q: the folder %q does not exist", path, dir)
	}
	return CannotWrite(path, err)
}

// CannotWrite is the error for path, a file the user named, that could not
// be written because of err. It names path as the user typed it and says
// the reason in words, without the name of the temporary file the reason
// came from ("open /proc/.x.pdf.454303969.tmp: …") or the step that failed:
// a full disk, a name too long, a disk error. What is not an error of the
// file system (a drawing that cannot be made) is said as it is.
func CannotWrite(path string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return errorf(err, "cannot write %q: the disk is full; nothing was written", path)
	}
	return errorf(err, "cannot write %q: %v", path, ioReason(err))
}

// ioReason is why the file system refused, without the paths: a phrase
// (translated in the GUI) for the common causes, the system's own words
// for the others, or err itself when the file system did not refuse.
func ioReason(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case syscall.ENAMETOOLONG:
			return errorf(errno, "the name is too long for its disk")
		case syscall.EDQUOT:
			return errorf(errno, "the disk quota is used up; nothing was written")
		case syscall.EFBIG:
			return errorf(errno, "the file would be too big for its disk")
		case syscall.EIO:
			return errorf(errno, "the disk reported a read or write error")
		case syscall.EACCES, syscall.EPERM:
			return errorf(errno, "no permission")
		}
		return errno
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// ctxWriter fails with ctx.Err() once ctx is cancelled: a writer that
// knows nothing of cancelling stops at its next write.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// writeTarget checks where path may be written: the file a symbolic link
// points to, or path itself; and the permissions the new file gets.
func writeTarget(path string) (string, fs.FileMode, error) {
	target := path
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", 0, errorf(err, "cannot write %q: it is a link to a file that does not exist", path)
		}
		target = real
	}
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", 0, errorf(err, "cannot write %q: the folder %q does not exist", path, dir)
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return "", 0, errorf(err, "cannot write %q: %q is not a folder", path, dir)
		}
		return "", 0, CannotWrite(path, err)
	} else if !st.IsDir() {
		return "", 0, errorf(nil, "cannot write %q: %q is not a folder", path, dir)
	}
	st, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return target, 0o644, nil
	}
	if err != nil {
		return "", 0, CannotWrite(path, err)
	}
	switch {
	case st.IsDir():
		return "", 0, errorf(nil, "cannot write %q: it is a folder", path)
	case !st.Mode().IsRegular():
		return "", 0, errorf(nil, "cannot write %q: it is not an ordinary file (a device, a pipe or a socket)", path)
	case st.Mode().Perm()&0o222 == 0:
		// Even root, who could, should not replace a file marked read-only.
		return "", 0, errorf(fs.ErrPermission, "cannot write %q: the file is read-only", path)
	}
	// Opening for writing without truncating changes nothing, and says
	// whether this user may change the file at all.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return "", 0, errorf(err, "cannot write %q: the file is read-only", path)
		}
		return "", 0, CannotWrite(path, err)
	}
	f.Close()
	return target, st.Mode().Perm(), nil
}

// Text metrics shared by every format, so line breaks and baselines agree:
// lines are lineHeight × size apart and the first baseline lies ascent ×
// size below the top of the text rectangle.
const (
	lineHeight = 1.2
	ascent     = 0.95
)

// baseline returns the y of line i of t.
func baseline(t *scene.Text, i int) float32 {
	return t.Y + t.Size*(ascent+lineHeight*float32(i))
}

// dimmed fades a colour toward bg, for items shown as Dimmed.
func dimmed(c, bg scene.Color) scene.Color {
	if bg.A == 0 {
		bg = scene.Color{R: 255, G: 255, B: 255, A: 255}
	}
	mix := func(a, b uint8) uint8 { return uint8((int(a)*35 + int(b)*65) / 100) }
	return scene.Color{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: c.A}
}

// segment is one piece of a path: a line (C1 == C2 == From) or a cubic.
type segment struct {
	From, C1, C2, To scene.Point
	Curve            bool
}

// pathSegments turns a path into lines or, for Smooth paths, a Catmull-Rom
// curve through its points as cubic Béziers.
func pathSegments(p *scene.Path, out []segment) []segment {
	pts := p.Points
	n := len(pts)
	out = out[:0]
	if n < 2 {
		return out
	}
	if !p.Smooth || n == 2 {
		for i := 1; i < n; i++ {
			out = append(out, segment{From: pts[i-1], C1: pts[i-1], C2: pts[i], To: pts[i]})
		}
		if p.Closed {
			out = append(out, segment{From: pts[n-1], C1: pts[n-1], C2: pts[0], To: pts[0]})
		}
		return out
	}
	at := func(i int) scene.Point {
		if p.Closed {
			return pts[(i+n)%n]
		}
		return pts[max(0, min(n-1, i))]
	}
	last := n - 1
	if p.Closed {
		last = n
	}
	for i := 0; i < last; i++ {
		p0, p1, p2, p3 := at(i-1), at(i), at(i+1), at(i+2)
		c1 := scene.Point{X: p1.X + (p2.X-p0.X)/6, Y: p1.Y + (p2.Y-p0.Y)/6}
		c2 := scene.Point{X: p2.X - (p3.X-p1.X)/6, Y: p2.Y - (p3.Y-p1.Y)/6}
		out = append(out, segment{From: p1, C1: c1, C2: c2, To: p2, Curve: true})
	}
	return out
}

// arrowHead returns the tip and the two back corners of the arrow head at
// the end of segs for a line of width w, and shortens the last segment so a
// thick line does not poke through the tip.
func arrowHead(segs []segment, w float32) (tip, left, right scene.Point, ok bool) {
	if len(segs) == 0 {
		return
	}
	last := &segs[len(segs)-1]
	tip = last.To
	from := last.C2
	if from == tip {
		from = last.C1
	}
	if from == tip {
		from = last.From
	}
	dx, dy := float64(tip.X-from.X), float64(tip.Y-from.Y)
	d := math.Hypot(dx, dy)
	if d == 0 {
		return
	}
	ux, uy := float32(dx/d), float32(dy/d)
	l := arrowLength(w)
	hw := l * 0.45
	bx, by := tip.X-ux*l, tip.Y-uy*l
	left = scene.Point{X: bx - uy*hw, Y: by + ux*hw}
	right = scene.Point{X: bx + uy*hw, Y: by - ux*hw}
	// End the line inside the head.
	back := scene.Point{X: tip.X - ux*l*0.7, Y: tip.Y - uy*l*0.7}
	if !last.Curve {
		last.C2 = back
	} else {
		last.C2 = scene.Point{X: last.C2.X - ux*l*0.7, Y: last.C2.Y - uy*l*0.7}
	}
	last.To = back
	return tip, left, right, true
}

func arrowLength(w float32) float32 { return 4 + 2.5*max(w, 0.5) }

// dashPattern returns the dash and gap lengths for a line of width w.
func dashPattern(w float32) (dash, gap float32) {
	w = max(w, 0.75)
	return 4 * w, 3 * w
}

// cull returns, in drawing order, the indices of the items whose bounds
// meet r. Bounds are precomputed once per scene (see boundsOf).
func cull(bounds []scene.Rect, r scene.Rect, out []int32) []int32 {
	out = out[:0]
	x1, y1 := r.X+r.W, r.Y+r.H
	for i, b := range bounds {
		if b.X <= x1 && r.X <= b.X+b.W && b.Y <= y1 && r.Y <= b.Y+b.H {
			out = append(out, int32(i))
		}
	}
	return out
}

// boundsOf returns every item's bounds grown by what strokes, arrow heads
// and overhanging text can add.
func boundsOf(items []scene.Item) []scene.Rect {
	out := make([]scene.Rect, len(items))
	for i, it := range items {
		b := it.Bounds()
		pad := float32(1)
		switch {
		case it.Path != nil:
			pad += it.Path.Width + arrowLength(it.Path.Width)
			if it.Path.Smooth {
				// A Catmull-Rom curve can swing a little outside its points.
				pad += 0.15 * max(b.W, b.H)
			}
		case it.Box != nil:
			pad += it.Box.StrokeWidth
		case it.Circle != nil:
			pad += it.Circle.StrokeWidth
		case it.Text != nil:
			// Lines may run below their rectangle; descenders a little more.
			b.H = max(b.H, it.Text.Size*lineHeight*float32(len(it.Text.Lines)))
			pad += it.Text.Size * 0.3
		}
		out[i] = scene.Rect{X: b.X - pad, Y: b.Y - pad, W: b.W + 2*pad, H: b.H + 2*pad}
	}
	return out
}
