package model_test

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"valueflow/model"
)

// fakeSaver records what it was asked to save and fails when told to.
type fakeSaver struct {
	fail  bool
	saved [][]model.Ref
}

func (s *fakeSaver) Save(_ *model.Map, touched []model.Ref) error {
	if s.fail {
		return errors.New("disk full")
	}
	s.saved = append(s.saved, slices.Clone(touched))
	return nil
}

func TestEditorSavesWhatACommandTouches(t *testing.T) {
	m := smallMap()
	s := &fakeSaver{}
	ed := model.NewEditor(m, s)
	var changes []string
	ed.OnChange = func(c model.Command) { changes = append(changes, c.Label()) }
	c := model.DeleteStakeholder("h4")
	if err := ed.Do(c); err != nil {
		t.Fatal(err)
	}
	if len(s.saved) != 1 || !reflect.DeepEqual(s.saved[0], c.Touches()) {
		t.Fatalf("saved %v, want the command's touches", s.saved)
	}
	if label, ok := ed.CanUndo(); !ok || label != "Delete stakeholder" {
		t.Fatalf("can undo %q %v", label, ok)
	}
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	if label, ok := ed.CanRedo(); !ok || label != "Delete stakeholder" {
		t.Fatalf("can redo %q %v", label, ok)
	}
	if len(s.saved) != 2 || !reflect.DeepEqual(s.saved[1], c.Touches()) {
		t.Fatalf("undo saved %v", s.saved[1:])
	}
	if !slices.Equal(changes, []string{"Delete stakeholder", "Delete stakeholder"}) {
		t.Fatalf("OnChange saw %v", changes)
	}
}

func TestEditorDoesNotSaveARefusedCommand(t *testing.T) {
	s := &fakeSaver{}
	ed := model.NewEditor(smallMap(), s)
	if err := ed.Do(model.AddFlow("sc1", model.Flow{ID: "f9", From: "c1", To: "c1", Kind: model.FlowHandOff, Criticality: model.CriticalityLow})); err == nil {
		t.Fatal("accepted a loop")
	}
	if len(s.saved) != 0 {
		t.Fatal("a refused command was saved")
	}
	if _, ok := ed.CanUndo(); ok {
		t.Fatal("a refused command is on the undo stack")
	}
}

func TestEditorRollsBackWhenSavingFails(t *testing.T) {
	commands := []func() model.Command{
		func() model.Command { return model.DeleteStakeholder("h3") },
		func() model.Command { return model.AddStep("sc1", model.Step{ID: "s9", Name: "x"}, 0) },
		func() model.Command { return model.MoveStep("sc1", "s4", 0) },
		func() model.Command { return model.DeleteScenario("sc1") },
		func() model.Command {
			return model.Batch("Two", model.DeleteFlow("sc1", "f1"), model.UpdateScenario("sc2", "Nieuw", ""))
		},
	}
	for _, mk := range commands {
		c := mk()
		t.Run("doing "+c.Label(), func(t *testing.T) {
			m := smallMap()
			before := m.Clone()
			s := &fakeSaver{fail: true}
			ed := model.NewEditor(m, s)
			if err := ed.Do(c); err == nil || err.Error() != "disk full" {
				t.Fatalf("got %v", err)
			}
			if !reflect.DeepEqual(before, m) {
				t.Fatal("the map changed although saving failed")
			}
			if _, ok := ed.CanUndo(); ok {
				t.Fatal("a command that was not saved is on the undo stack")
			}
		})
		c = mk()
		t.Run("undoing "+c.Label(), func(t *testing.T) {
			m := smallMap()
			s := &fakeSaver{}
			ed := model.NewEditor(m, s)
			if err := ed.Do(c); err != nil {
				t.Fatal(err)
			}
			after := m.Clone()
			s.fail = true
			if _, ok, err := ed.Undo(); !ok || err == nil {
				t.Fatalf("undo: %v %v", ok, err)
			}
			if !reflect.DeepEqual(after, m) {
				t.Fatal("the map is not as saved after a failed undo")
			}
			if _, ok := ed.CanUndo(); !ok {
				t.Fatal("the command left the undo stack although undoing it failed")
			}
			if _, ok := ed.CanRedo(); ok {
				t.Fatal("a failed undo put the command on the redo stack")
			}
			// Once the disk works again, undo works.
			s.fail = false
			if _, _, err := ed.Undo(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(smallMap(), m) {
				t.Fatal("undo after recovery did not restore the start")
			}
		})
		c = mk()
		t.Run("redoing "+c.Label(), func(t *testing.T) {
			m := smallMap()
			s := &fakeSaver{}
			ed := model.NewEditor(m, s)
			if err := ed.Do(c); err != nil {
				t.Fatal(err)
			}
			if _, _, err := ed.Undo(); err != nil {
				t.Fatal(err)
			}
			s.fail = true
			if _, ok, err := ed.Redo(); !ok || err == nil {
				t.Fatalf("redo: %v %v", ok, err)
			}
			if !reflect.DeepEqual(smallMap(), m) {
				t.Fatal("the map changed although saving the redo failed")
			}
			if _, ok := ed.CanRedo(); !ok {
				t.Fatal("the command left the redo stack although redoing it failed")
			}
		})
	}
}

func TestANewEditClearsTheRedoStack(t *testing.T) {
	ed := model.NewEditor(smallMap(), nil)
	for _, c := range []model.Command{model.DeleteFlow("sc1", "f1"), model.DeleteFlow("sc1", "f2")} {
		if err := ed.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := ed.Do(model.DeleteFlow("sc1", "f3")); err != nil {
		t.Fatal(err)
	}
	if _, ok := ed.CanRedo(); ok {
		t.Fatal("redo is still possible after a new edit")
	}
	if _, ok, _ := ed.Redo(); ok {
		t.Fatal("Redo did something")
	}
	ed.ClearHistory()
	if _, ok, _ := ed.Undo(); ok {
		t.Fatal("Undo did something after ClearHistory")
	}
}
