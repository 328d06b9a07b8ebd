package app

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
)

// TestACoalitionNeedsAName: Add coalition without a name, or with only
// spaces, says under the name that a coalition needs one while Add stays
// off; tapping it changes nothing and keeps the dialog with the issue and
// members typed; a name typed then adds the coalition with all of it.
func TestACoalitionNeedsAName(t *testing.T) {
	for _, typed := range []string{"", "   "} {
		t.Run("with "+strconv.Quote(typed), func(t *testing.T) {
			mw, _ := openSample(t)
			before := mw.doc.m().Clone()
			mw.addCoalitionDialog()
			form := topOverlay(t, mw)
			name := findDeep(t, form, func(e *formEntry) bool { return !e.MultiLine })
			issue := findDeep(t, form, func(e *formEntry) bool { return e.MultiLine })
			members := findDeep(t, form, func(*memberPicker) bool { return true })
			issue.SetText("Respijtzorg regelen")
			members.SetSelected([]string{members.Options[1], members.Options[2]})
			name.SetText(typed)
			add := findDeep(t, form, func(b *widget.Button) bool { return b.Text == T("Add") })
			if !add.Disabled() {
				t.Fatal("Add can be pressed without a name")
			}
			findDeep(t, form, func(c *fynecanvas.Text) bool { return c.Text == T("A coalition needs a name.") && c.Visible() })
			test.Tap(add)
			if !reflect.DeepEqual(mw.doc.m(), before) {
				t.Fatal("the map changed")
			}
			if mw.win.Canvas().Overlays().Top() != form {
				t.Fatal("the dialog closed, or another opened over it")
			}
			if issue.Text != "Respijtzorg regelen" || len(members.Selected) != 2 {
				t.Fatalf("lost what was typed: issue %q, members %v", issue.Text, members.Selected)
			}
			name.SetText(" Thuis ondersteunen ")
			if add.Disabled() {
				t.Fatal("Add stays off with a name")
			}
			test.Tap(add)
			cs := mw.doc.m().Coalitions
			if len(cs) != len(before.Coalitions)+1 {
				t.Fatalf("%d coalitions, want %d", len(cs), len(before.Coalitions)+1)
			}
			c := cs[len(cs)-1]
			want := []model.ID{before.Stakeholders[1].ID, before.Stakeholders[2].ID}
			if c.Name != "Thuis ondersteunen" || c.Issue != "Respijtzorg regelen" || !slices.Equal(c.Members, want) {
				t.Errorf("added %+v, want the name without spaces, the issue and members %v", c, want)
			}
		})
	}
}
