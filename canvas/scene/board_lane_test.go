package scene

import (
	"reflect"
	"testing"

	"valueflow/model"
)

// laneHeaderLines are the lines of text a lane's header shows, in order,
// with the header's box.
func laneHeaderLines(t *testing.T, s *Scene, lane model.ID) ([]string, Rect) {
	t.Helper()
	var lines []string
	var head Rect
	target := Target{Kind: model.EntityStakeholder, ID: lane}
	for _, it := range s.Items {
		if it.Target != target {
			continue
		}
		if it.Box != nil && it.Box.X > 0 && head.W == 0 {
			head = it.Box.Rect // the header; the lane's band starts at 0
		}
		if it.Text != nil {
			lines = append(lines, it.Text.Lines...)
		}
	}
	return lines, head
}

func TestALaneHeaderSaysNameKindAndOrganisation(t *testing.T) {
	one := func(sh model.Stakeholder) *model.Map {
		return &model.Map{
			Stakeholders: []*model.Stakeholder{&sh},
			Scenarios: []*model.Scenario{{ID: "sc", Steps: []*model.Step{{ID: "s1", Name: "Opname"}},
				Contributions: []*model.Contribution{{ID: "c1", Step: "s1", Stakeholder: sh.ID, Value: "Zorgt", Role: model.RoleLead}}}},
		}
	}
	long := "Huisartsenpraktijk De Linde en Gezondheidscentrum Ommen-Noord"
	for _, tc := range []struct {
		name string
		sh   model.Stakeholder
		opt  BoardOptions
		want []string
	}{
		{"a professional of an organisation",
			model.Stakeholder{ID: "h", Name: "Huisarts", Kind: model.KindProfessional, Organisation: "Huisartsenpraktijk De Linde"},
			BoardOptions{}, []string{"Huisarts", "professional", "Huisartsenpraktijk De Linde"}},
		{"a stakeholder without an organisation",
			model.Stakeholder{ID: "p", Name: "Mevrouw Jansen", Kind: model.KindPatient},
			BoardOptions{}, []string{"Mevrouw Jansen", "patient"}},
		{"an informal leader, in Dutch",
			model.Stakeholder{ID: "w", Name: "Wijkverpleegkundige", Kind: model.KindProfessional, Organisation: "Thuiszorg Salland", InformalLeader: true},
			BoardOptions{Translate: func(k string) string {
				return map[string]string{"informal leader": "informele leider", "kind.professional": "professional"}[k]
			}}, []string{"Wijkverpleegkundige", "informele leider · professional", "Thuiszorg Salland"}},
		{"an organisation named as itself",
			model.Stakeholder{ID: "o", Name: "Huisartsenpost", Kind: model.KindOrganisation, Organisation: "Huisartsenpost"},
			BoardOptions{}, []string{"Huisartsenpost", "organisation"}},
		{"a stakeholder dropped out in a what-if",
			model.Stakeholder{ID: "a", Name: "Apotheker", Kind: model.KindProfessional, Organisation: "Apotheek Het Vechtdal"},
			BoardOptions{Without: "a"}, []string{"Apotheker", "drops out · professional", "Apotheek Het Vechtdal"}},
		{"a name of two lines",
			model.Stakeholder{ID: "t", Name: "Praktijkondersteuner ouderenzorg van de huisarts", Kind: model.KindProfessional, Organisation: "De Linde"},
			BoardOptions{}, nil},
		{"an organisation too long for the header",
			model.Stakeholder{ID: "l", Name: "Huisarts", Kind: model.KindProfessional, Organisation: long},
			BoardOptions{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Board(one(tc.sh), "sc", tc.opt)
			got, head := laneHeaderLines(t, s, tc.sh.ID)
			if tc.want != nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("the header says %q, want %q", got, tc.want)
			}
			if len(got) < 3 {
				if tc.want == nil {
					t.Errorf("the header says %q: no organisation, though a lane of one card has room for it", got)
				}
			}
			// Every line stays inside the header, across and down.
			for _, it := range s.Items {
				if it.Target.ID != tc.sh.ID || it.Text == nil {
					continue
				}
				r := it.Text.Rect
				if r.Y+r.H > head.Y+head.H+0.5 {
					t.Errorf("%q ends at %.1f, below the header's %.1f", it.Text.Lines, r.Y+r.H, head.Y+head.H)
				}
				for _, line := range it.Text.Lines {
					if w := MeasureText(line, it.Text.Size, it.Text.Bold); w > head.W+0.5 {
						t.Errorf("%q is %.0f wide in a header of %.0f", line, w, head.W)
					}
				}
			}
		})
	}
}
