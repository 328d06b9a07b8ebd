package model

import "fmt"

type replaceMap struct {
	next    *Map
	old     Map
	touched []Ref
}

// ReplaceMap swaps the whole content of the map for a copy of next: restoring
// a snapshot. It is one undoable command like any other edit, so a restore
// that was a mistake is one Undo away. Do refuses an invalid next.
func ReplaceMap(next *Map) Command { return &replaceMap{next: next} }

func (c *replaceMap) Do(m *Map) error {
	if c.next == nil {
		return fmt.Errorf("there is no map to restore")
	}
	if err := c.next.Validate(); err != nil {
		return err
	}
	c.old = *m
	*m = *c.next.Clone()
	if c.touched == nil {
		c.touched = unionRefs(allRefs(&c.old), allRefs(m))
	}
	return nil
}

func (c *replaceMap) Undo(m *Map)    { *m = c.old }
func (c *replaceMap) Label() string  { return "Restore snapshot" }
func (c *replaceMap) Touches() []Ref { return c.touched }

// allRefs lists the map itself and every element in it.
func allRefs(m *Map) []Ref {
	refs := []Ref{{Kind: EntityMap}}
	for _, s := range m.Stakeholders {
		refs = append(refs, Ref{Kind: EntityStakeholder, ID: s.ID})
	}
	for _, x := range m.Relationships {
		refs = append(refs, Ref{Kind: EntityRelationship, ID: x.ID})
	}
	for _, x := range m.Coalitions {
		refs = append(refs, Ref{Kind: EntityCoalition, ID: x.ID})
	}
	for _, sc := range m.Scenarios {
		refs = append(refs, scenarioRefs(sc)...)
	}
	return refs
}

// unionRefs lists each ref of a and b once: elements only in the old map are
// deleted by storage, the others written as they are now.
func unionRefs(a, b []Ref) []Ref {
	seen := make(map[Ref]bool, len(a)+len(b))
	out := make([]Ref, 0, len(a)+len(b))
	for _, list := range [][]Ref{a, b} {
		for _, r := range list {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}
