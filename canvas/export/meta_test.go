package export

import (
	"strings"
	"testing"

	"valueflow/model/sample"
)

func TestALongPurposeIsPrintedNotLeftOut(t *testing.T) {
	m := sample.Map()
	m.Purpose = strings.Repeat("Elke kwetsbare oudere gaat veilig naar huis, met één vast aanspreekpunt. ", 3)
	meta := MapMeta(m, m.Scenarios[0], nil)
	if !strings.HasPrefix(meta.Title, m.Title+" — Elke kwetsbare oudere") {
		t.Fatalf("the printed title is %q", meta.Title)
	}
}
