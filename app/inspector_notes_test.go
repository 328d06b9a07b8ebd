package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// inspectorPane is the pane of fixed width the inspector's forms are
// scrolled in.
func inspectorPane(t *testing.T, mw *mainWindow) *fyne.Container {
	t.Helper()
	var pane *fyne.Container
	walkRendered(mw.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			if _, fixed := c.Layout.(fixedWidth); fixed {
				pane = c
			}
		}
	})
	if pane == nil {
		t.Fatal("the window has no inspector pane")
	}
	return pane
}

// noteOf is the wrapped note under the inspector field whose entry is e.
func noteOf(t *testing.T, mw *mainWindow, e *formEntry) *notedField {
	t.Helper()
	var found *notedField
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if n, ok := o.(*notedField); ok {
			var inner *formEntry
			switch f := n.field.(type) {
			case *formEntry:
				inner = f
			case *numberEntry:
				inner = f.formEntry
			case *colourField:
				inner = f.entry
			}
			if inner == e {
				found = n
			}
		}
	})
	if found == nil {
		t.Fatal("the field has no note under it")
	}
	return found
}

// TestAProblemWrapsUnderItsFieldInsideTheInspector: a message beside a
// field (a bad number, an empty name, a colour that is not one) is written
// under the field, wrapped to the inspector's width; the form asks for no
// more width than before, so the pane and Apply stay where they were.
func TestAProblemWrapsUnderItsFieldInsideTheInspector(t *testing.T) {
	mw, _ := openSample(t)
	m, sc := mw.doc.m(), mw.doc.current()
	step, lane := sc.Steps[0], m.Stakeholders[0]
	long := "drie dagen na de opname op de afdeling geriatrie, of zo"
	for _, tc := range []struct {
		name   string
		target scene.Target
		field  string // the text the field holds
		typed  string
		want   string
	}{
		{"a start day that is not a number", scene.Target{Kind: model.EntityStep, ID: step.ID}, strconv.Itoa(step.StartDay), long,
			`Start day: "` + long + `" is not a whole number`},
		{"an empty step name", scene.Target{Kind: model.EntityStep, ID: step.ID}, step.Name, "", "Name is empty"},
		{"a colour that is not one", scene.Target{Kind: model.EntityStakeholder, ID: lane.ID}, lane.Colour, long,
			`Colour "` + long + `" is not of the form #rrggbb`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw.selectTarget(tc.target)
			pane := inspectorPane(t, mw)
			paneWidth := pane.Size().Width
			if paneWidth <= 0 {
				t.Fatal("the inspector pane has no width")
			}
			before := mw.inspector.MinSize().Width
			if before > paneWidth {
				t.Fatalf("the form asks for %.0f, wider than its pane (%.0f) before any message", before, paneWidth)
			}
			e := findEntry(t, mw.inspector, tc.field)
			note := noteOf(t, mw, e)
			e.SetText(tc.typed)
			if note.Note() != tc.want || !note.note.Visible() || !strings.Contains(note.note.String(), tc.want) {
				t.Fatalf("under the field: %q (shown %v), want %q", note.note.String(), note.note.Visible(), tc.want)
			}
			if after := mw.inspector.MinSize().Width; after != before {
				t.Errorf("with the message the form asks for %.0f wide, before it %.0f (pane %.0f)", after, before, paneWidth)
			}
			if got := pane.MinSize().Width; got != paneWidth {
				t.Errorf("the pane asks for %.0f, it is %.0f wide", got, paneWidth)
			}
			// Laid out at the pane's width, a message longer than a line
			// takes several lines there.
			mw.inspector.Resize(fyne.NewSize(paneWidth, mw.inspector.MinSize().Height))
			line := fyne.MeasureText("Mg", theme.CaptionTextSize(), fyne.TextStyle{}).Height
			width := note.note.Size().Width
			if width > paneWidth {
				t.Errorf("the note is %.0f wide in a pane of %.0f", width, paneWidth)
			}
			oneLine := fyne.MeasureText(tc.want, theme.CaptionTextSize(), fyne.TextStyle{}).Width
			if h := note.note.MinSize().Height; oneLine > width && h < 2*line {
				t.Errorf("a message %.0f long in a note %.0f wide takes %.0f high: not wrapped", oneLine, width, h)
			}
			// Put right, the message goes and Apply takes the form again.
			e.SetText(tc.field)
			if note.Note() != "" && note.Note() != note.hint {
				t.Errorf("fixed, the field still says %q", note.Note())
			}
			if form := findForm(mw.inspector); form.Validate() != nil {
				t.Errorf("fixed, the form still refuses: %v", form.Validate())
			}
		})
	}
}

// TestAHintIsWrittenUnderItsFieldAndKeptUntilAProblem: the hints of the
// forms (the map's purpose, a step's timing, a lane's colour) are wrapped
// under their fields too, and come back when a problem is put right.
func TestAHintIsWrittenUnderItsFieldAndKeptUntilAProblem(t *testing.T) {
	mw, _ := openSample(t)
	colour := laneColourField(t, mw)
	note := noteOf(t, mw, colour.entry)
	hint := T("e.g. #3d8bd4, or choose one")
	if note.Note() != hint || note.note.String() != hint {
		t.Fatalf("under the colour: %q, want the hint %q", note.note.String(), hint)
	}
	colour.entry.SetText("blauw")
	if want := `Colour "blauw" is not of the form #rrggbb`; note.note.String() != want {
		t.Errorf("under the colour: %q, want %q", note.note.String(), want)
	}
	colour.entry.SetText("#3d8bd4")
	if note.note.String() != hint {
		t.Errorf("put right, under the colour: %q, want the hint back", note.note.String())
	}
	// The map's properties, with nothing selected: the longest hints.
	mw.selectTarget(scene.Target{})
	pane := inspectorPane(t, mw)
	if got, w := mw.inspector.MinSize().Width, pane.Size().Width; got > w {
		t.Errorf("the map's properties ask for %.0f in a pane of %.0f", got, w)
	}
	var hints []string
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if n, ok := o.(*notedField); ok && n.hint != "" {
			hints = append(hints, n.note.String())
		}
	})
	if want := T("The point on the horizon the network works towards"); !strings.Contains(strings.Join(hints, "|"), want) {
		t.Errorf("the map's hints are %q, missing %q", hints, want)
	}
}
