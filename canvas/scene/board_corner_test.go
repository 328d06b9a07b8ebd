package scene

import (
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// cornerTexts returns the texts in the board's top-left corner and the box
// each one's ink covers (its widest line, as aligned).
func cornerTexts(s *Scene) ([]*Text, []Rect) {
	var texts []*Text
	var inks []Rect
	for _, it := range s.Items {
		tx := it.Text
		if tx == nil || tx.X >= boardLaneHeader-8 || tx.Y >= s.TopBand {
			continue
		}
		var w float32
		for _, l := range tx.Lines {
			w = max(w, MeasureText(l, tx.Size, tx.Bold))
		}
		x := tx.X
		switch tx.Align {
		case AlignRight:
			x = tx.X + tx.W - w
		case AlignCenter:
			x = tx.X + (tx.W-w)/2
		}
		texts = append(texts, tx)
		inks = append(inks, Rect{x, tx.Y, w, float32(len(tx.Lines)) * tx.Size})
	}
	return texts, inks
}

func TestTheCornerSaysWhatTheBoardShows(t *testing.T) {
	long := sample.Map()
	long.Title = "Een heel lange titel van een kaart die over meer dan twee regels zou lopen als niemand hem afkapte"
	long.Region = "Een regio met een naam die veel langer is dan de hoek breed is"
	long.Purpose = strings.Repeat("Samen zorgen dat het goed gaat. ", 12)
	short := sample.Map()
	short.Purpose = "Veilig naar huis."
	tests := []struct {
		name string
		m    *model.Map
		opt  BoardOptions
		want []string // the start of a corner line, in order
	}{
		{"the sample names its map, scenario, stage, region and purpose", sample.Map(), BoardOptions{},
			[]string{"Kwetsbare oudere", "Huidige situatie · aligning", "Regio Vechtdal (Overijssel)", "Purpose: Stip op de horizon"}},
		{"on the time axis too", sample.Map(), BoardOptions{RealTime: true},
			[]string{"Kwetsbare oudere", "Huidige situatie", "Regio Vechtdal", "Purpose: Stip"}},
		{"a what-if names the stakeholder left out", sample.Map(), BoardOptions{Without: "sh8"},
			[]string{"Kwetsbare oudere", "Huidige situatie", "without Wijkverpleegkundige", "Regio Vechtdal", "Purpose:"}},
		{"a coalition filter names the coalition", sample.Map(), BoardOptions{Coalition: "co1", Without: "sh8", RealTime: true},
			[]string{"Kwetsbare oudere", "Huidige situatie", "Coalition: Warme overdracht", "without Wijkverpleegkundige", "Regio Vechtdal", "Purpose:"}},
		{"long words are cut to the corner", long, BoardOptions{Coalition: "co1"},
			[]string{"Een heel lange", "Huidige situatie", "Coalition:", "Een regio", "Purpose: Samen"}},
		{"a full corner leaves the purpose out rather than run into the lanes", long, BoardOptions{Coalition: "co1", Without: "sh8"},
			[]string{"Een heel lange", "Huidige situatie", "Coalition:", "without", "Een regio"}},
		{"a short purpose is shown whole", short, BoardOptions{},
			[]string{"Kwetsbare oudere", "Huidige situatie", "Regio Vechtdal", "Purpose: Veilig naar huis."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Board(tt.m, tt.m.Scenarios[0].ID, tt.opt)
			texts, inks := cornerTexts(s)
			var lines []string
			for _, tx := range texts {
				if tx.Y < boardStepHeader+boardAxisBand+8 || tx.Size == cornerSmall {
					lines = append(lines, strings.Join(tx.Lines, " "))
				}
			}
			k := 0
			for _, l := range lines {
				if k < len(tt.want) && strings.HasPrefix(l, tt.want[k]) {
					k++
				}
			}
			if k < len(tt.want) {
				t.Fatalf("the corner reads %q; missing %q", lines, tt.want[k])
			}
			for i, a := range inks {
				if a.X < 0 || a.X+a.W > boardLaneHeader+0.5 || a.Y+a.H > s.TopBand {
					t.Errorf("%q sticks out of the corner (%v)", texts[i].Lines, a)
				}
				for j := i + 1; j < len(inks); j++ {
					if a.Intersects(inks[j]) {
						t.Errorf("%q overlaps %q", texts[i].Lines, texts[j].Lines)
					}
				}
			}
			for _, tx := range texts {
				if tx.Size == cornerSmall && tx.Italic {
					whole := strings.Join(tx.Lines, " ")
					if cut := strings.HasSuffix(whole, "…"); cut != (len(tt.m.Purpose) > 100) {
						t.Errorf("the purpose reads %q (cut: %v) for a purpose of %d letters", whole, cut, len(tt.m.Purpose))
					}
				}
			}
		})
	}
}
