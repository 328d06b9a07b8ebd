package scene

import (
	"strings"

	"valueflow/model"
)

// The lines under a lane's name, in small type.
const (
	laneSubSize = 7.5
	laneSubLine = laneSubSize * 1.2 // the line height every renderer uses
)

// laneSubtitle is what a lane header says under the stakeholder's name:
// its kind (after "drops out" in a what-if and "informal leader"), then,
// where the header has room for a line more, its organisation. Each line
// is cut to the header's width; an organisation that only repeats the
// name is left out.
func laneSubtitle(sh *model.Stakeholder, opt BoardOptions, out bool, width, room float32) []string {
	var words []string
	if out {
		words = append(words, opt.word("whatif.out"))
	}
	if sh.InformalLeader {
		words = append(words, opt.word("informal leader"))
	}
	if sh.Kind != "" {
		words = append(words, opt.word("kind."+string(sh.Kind)))
	}
	var lines []string
	if len(words) > 0 {
		lines = append(lines, Ellipsis(strings.Join(words, " · "), laneSubSize, width, false))
	}
	if org := sh.Organisation; org != "" && org != sh.Name && room >= float32(len(lines)+1)*laneSubLine {
		lines = append(lines, Ellipsis(org, laneSubSize, width, false))
	}
	return lines
}
