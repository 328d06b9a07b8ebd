package scene

import (
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		width        float32
		maxLines     int
		wantLines    int
		wantEllipsis bool
	}{
		{"short text stays on one line", "Bericht van opname", 200, 0, 1, false},
		{"long text breaks between words", "Huisbezoek en zorgplan kwetsbare oudere met de praktijkondersteuner", 120, 0, 3, false},
		{"a word wider than the line is cut", "Wijkverpleegkundigeoverdrachtsformulier", 60, 0, 3, false},
		{"a newline starts a new line", "eerste\ntweede", 200, 0, 2, false},
		{"a limit ends the last line in an ellipsis", "Huisbezoek en zorgplan kwetsbare oudere met de praktijkondersteuner", 120, 2, 2, true},
		{"text within the limit has no ellipsis", "Bericht van opname", 200, 2, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := WrapTextMax(tt.text, 9, tt.width, false, tt.maxLines)
			if len(lines) != tt.wantLines {
				t.Fatalf("%d lines %q, want %d", len(lines), lines, tt.wantLines)
			}
			for _, l := range lines {
				if w := MeasureText(l, 9, false); w > tt.width {
					t.Errorf("line %q is %.1f wide, more than %.0f", l, w, tt.width)
				}
			}
			if got := strings.HasSuffix(lines[len(lines)-1], "…"); got != tt.wantEllipsis {
				t.Errorf("last line %q: ellipsis %v, want %v", lines[len(lines)-1], got, tt.wantEllipsis)
			}
		})
	}
}

func TestMeasureTextGrowsWithSizeBoldAndLength(t *testing.T) {
	a := MeasureText("Mantelzorger", 9, false)
	if a <= 0 || MeasureText("Mantelzorger", 18, false) <= a || MeasureText("Mantelzorger", 9, true) <= a || MeasureText("Mantelzorgers", 9, false) <= a {
		t.Fatal("width does not grow with size, weight and length")
	}
	if MeasureText("Patiënt", 9, false) <= MeasureText("Patint", 9, false) {
		t.Fatal("a letter with a diaeresis takes no room")
	}
	if MeasureText("日本", 9, false) <= 0 {
		t.Fatal("runes outside the Latin table take no room")
	}
}

func BenchmarkWrapCardText(b *testing.B) {
	for i := 0; i < b.N; i++ {
		WrapTextMax("Huisbezoek en zorgplan kwetsbare oudere met de praktijkondersteuner ouderenzorg", 9, 140, false, 4)
	}
}
