package canvas

import (
	"slices"
	"testing"

	"valueflow/model"
)

func TestTypedCharactersGoToTheAppButSpaceAndAPickKeepThem(t *testing.T) {
	b, _ := tinyBoard(t)
	var got []rune
	b.OnTypedRune = func(r rune) { got = append(got, r) }
	b.OnConnect = func(from, to model.ID) {}
	for _, r := range "fF " {
		b.TypedRune(r)
	}
	if want := []rune("fF"); !slices.Equal(got, want) {
		t.Fatalf("the app got %q, want %q (Space pans, it is not passed on)", string(got), string(want))
	}
	got = nil
	if !b.PickFlowTarget("c1") {
		t.Fatal("no flow target to pick from c1")
	}
	b.TypedRune('f')
	if len(got) != 0 {
		t.Errorf("while a flow target is picked the app got %q", string(got))
	}
}
