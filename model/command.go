package model

import "fmt"

// EntityKind names the kind of element a Ref points at.
type EntityKind int

const (
	EntityMap EntityKind = iota
	EntityScenario
	EntityStakeholder
	EntityStep
	EntityContribution
	EntityFlow
	EntityRelationship
	EntityCoalition
)

func (k EntityKind) String() string {
	switch k {
	case EntityMap:
		return "map"
	case EntityScenario:
		return "scenario"
	case EntityStakeholder:
		return "stakeholder"
	case EntityStep:
		return "step"
	case EntityContribution:
		return "contribution"
	case EntityFlow:
		return "flow"
	case EntityRelationship:
		return "relationship"
	case EntityCoalition:
		return "coalition"
	}
	return fmt.Sprintf("EntityKind(%d)", int(k))
}

// Ref points at one element of a map. Scenario is set for steps,
// contributions and flows. Storage uses refs to write exactly what a command
// changed: an element that exists is written as it is now (with its position
// in its list), one that no longer exists is deleted.
type Ref struct {
	Kind     EntityKind
	Scenario ID
	ID       ID
}

// Command is one edit of a map. Do applies it (and may refuse with an error,
// leaving the map unchanged); Undo reverses a successful Do exactly.
// Touches lists every element whose stored form Do or Undo changes, including
// elements whose position in a list moves.
type Command interface {
	Do(m *Map) error
	Undo(m *Map)
	// Label is a short English phrase for the Edit menu ("Add card"); it is
	// also the translation key.
	Label() string
	Touches() []Ref
}

// Saver makes the effect of a command on the touched elements durable.
// storage.File implements it; tests use fakes.
type Saver interface {
	Save(m *Map, touched []Ref) error
}

// Editor applies commands to a map, keeps the undo and redo stacks and saves
// every change through its Saver the moment it is made. When saving fails the
// change is reversed in memory, so the map always equals what is on disk.
type Editor struct {
	Map   *Map
	Saver Saver // nil: changes stay in memory (read-only or unsaved maps)

	undo, redo []Command
	// OnChange, if set, is called after every successful Do, Undo or Redo.
	OnChange func(c Command)
}

// NewEditor returns an editor for m that saves through s.
func NewEditor(m *Map, s Saver) *Editor { return &Editor{Map: m, Saver: s} }

// Do applies c, saves it and puts it on the undo stack.
func (e *Editor) Do(c Command) error {
	if err := c.Do(e.Map); err != nil {
		return err
	}
	if err := e.save(c); err != nil {
		c.Undo(e.Map)
		return err
	}
	e.undo = append(e.undo, c)
	e.redo = nil
	e.changed(c)
	return nil
}

// Undo reverses the last command. It reports false when there is nothing to undo.
func (e *Editor) Undo() (Command, bool, error) {
	if len(e.undo) == 0 {
		return nil, false, nil
	}
	c := e.undo[len(e.undo)-1]
	c.Undo(e.Map)
	if err := e.save(c); err != nil {
		if redoErr := c.Do(e.Map); redoErr != nil {
			return c, true, fmt.Errorf("%w (and the map could not be restored: %v)", err, redoErr)
		}
		return c, true, err
	}
	e.undo = e.undo[:len(e.undo)-1]
	e.redo = append(e.redo, c)
	e.changed(c)
	return c, true, nil
}

// Redo applies the last undone command again.
func (e *Editor) Redo() (Command, bool, error) {
	if len(e.redo) == 0 {
		return nil, false, nil
	}
	c := e.redo[len(e.redo)-1]
	if err := c.Do(e.Map); err != nil {
		return c, true, err
	}
	if err := e.save(c); err != nil {
		c.Undo(e.Map)
		return c, true, err
	}
	e.redo = e.redo[:len(e.redo)-1]
	e.undo = append(e.undo, c)
	e.changed(c)
	return c, true, nil
}

// CanUndo reports whether Undo has something to do, with its label.
func (e *Editor) CanUndo() (string, bool) {
	if len(e.undo) == 0 {
		return "", false
	}
	return e.undo[len(e.undo)-1].Label(), true
}

// CanRedo reports whether Redo has something to do, with its label.
func (e *Editor) CanRedo() (string, bool) {
	if len(e.redo) == 0 {
		return "", false
	}
	return e.redo[len(e.redo)-1].Label(), true
}

// ClearHistory forgets the undo and redo stacks (after opening another file).
func (e *Editor) ClearHistory() { e.undo, e.redo = nil, nil }

func (e *Editor) save(c Command) error {
	if e.Saver == nil {
		return nil
	}
	return e.Saver.Save(e.Map, c.Touches())
}

func (e *Editor) changed(c Command) {
	if e.OnChange != nil {
		e.OnChange(c)
	}
}
