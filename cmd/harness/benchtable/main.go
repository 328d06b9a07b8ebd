// Command benchtable reads `go test -bench` output on stdin (any number of
// packages and runs) and prints one table: each XxxBySize benchmark on S, M,
// L and XL with its growth from L to XL, and each benchmark against its
// floor. It is what `make bench` prints (issue 10, item 7).
//
// The growth is a slope on a log scale: XL is ten times L, so
// log(t_XL/t_L)/log(10) is 1 for linear growth, 2 for quadratic and 0 for a
// cost that does not depend on the size. The goal is at most 1.1.
//
// Usage: go test -run '^$' -bench . ./... | go run ./cmd/harness/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// A floor pair: the issue's goal for Name as a multiple of Floor. Names
// may carry their package ("canvas.BoardEditL") where two packages have a
// benchmark of the same name. With metric set, the ratio is the one Name
// reports itself (it times both sides in one loop, so a busy machine
// disturbs them alike) and Floor only names what it is against.
type pair struct {
	name, floor string
	goal        float64 // ratio name/floor at most this
	limit       float64 // and name at most this many ns, when > 0
	issue       string
	metric      string
	// With metric: the metrics that give the two sides' times, in units of
	// metricNs nanoseconds.
	timeMetric, floorMetric string
	metricNs                float64
}

var pairs = []pair{
	{name: "EditCommit", floor: "RawCommit", goal: 1.5, issue: "3"},
	{name: "OpenL", floor: "RawSelectL", goal: 2, issue: "3"},
	{name: "canvas.BoardEditL", floor: "canvas.BoardBuildL", goal: 0.2, limit: 8e6, issue: "4"},
	{name: "ExportPDFL", floor: "RawPDFL", goal: 1.3, limit: 1e9, issue: "5"},
	{name: "ExportVsRawPDFL", floor: "RawPDFL", goal: 1.3, limit: 1e9, issue: "5", metric: "export/raw", timeMetric: "ms-export/op", floorMetric: "ms-raw/op", metricNs: 1e6},
	{name: "GraphvizLayout60", floor: "NativeNeato60", goal: 2, issue: "6", metric: "x-native", timeMetric: "ms-ours", floorMetric: "ms-native", metricNs: 1e6},
	{name: "SnapshotVsRawCopyL", floor: "RawCopyL", goal: 2, issue: "7", metric: "ratio", timeMetric: "snapshot-µs/op", floorMetric: "rawcopy-µs/op", metricNs: 1e3},
	{name: "ImportXLSXL", floor: "ExcelizeReadAllL", goal: 2, issue: "8"},
}

// Figures with a goal of their own, not a floor.
var limits = []struct {
	name  string
	limit float64 // ns
	issue string
}{
	{"AnalyzeL", 50e6, "6"},
	{"CompareL", 50e6, "7"},
}

// The rows of the size table, in this order when present; any other
// XxxBySize benchmark follows under its own name.
var families = []struct{ bench, label string }{
	{"OpenBySize", "open"},
	{"EditCommitBySize", "edit commit"},
	{"BoardBuildBySize", "board build"},
	{"BoardEditBySize", "board edit"},
	{"ExportPDFBySize", "PDF export (fit)"},
	{"AnalyzeBySize", "measures"},
	{"SnapshotBySize", "snapshot"},
}

// A size family set against another of the same size, printed under the
// size table: each size's ratio, judged against goal from the size from on
// (issue 4's goal is for an L map; on S the widget's refresh alone costs
// more than building the tiny board, which is no news). The floor is the
// metric floorMetric that name reports itself, in ns, where it does (timed
// in the same benchmark, so a busy machine disturbs both sides alike), else
// the floor family's figure of the same size.
type sizeRatio struct {
	name, floor string // families
	floorMetric string
	label       string
	goal        float64
	from        string // the smallest size judged
	issue       string
}

var sizeRatios = []sizeRatio{
	{name: "BoardEditBySize", floor: "BoardBuildBySize", floorMetric: "ns/build", label: "board edit / build", goal: 0.2, from: "L", issue: "4"},
}

var sizes = []string{"S", "M", "L", "XL"}

// slopeGoal is issue 10's goal for the growth from L to XL.
const slopeGoal = 1.1

// A result line: BenchmarkName[/Sub][-P]  N  T ns/op [V unit]...
var line = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op(.*)$`)

// A metric after ns/op: "1.57 ratio", "129.7 MB-alloc/op".
var metric = regexp.MustCompile(`([0-9.]+) (\S+)`)

// pkgLine names the package of the results that follow it.
var pkgLine = regexp.MustCompile(`^pkg: \S+?/(\S+)$`)

func main() {
	results, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(results) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	if bad := write(os.Stdout, results); bad > 0 {
		// The table is the product; a figure over its goal is news, not an
		// error of the tool, so the exit code stays 0 unless asked.
		if os.Getenv("BENCH_STRICT") == "1" {
			os.Exit(1)
		}
	}
}

// parse returns ns/op by benchmark name (without "Benchmark" and the -P
// suffix), both plain and with its package ("canvas.BoardEditL"), and each
// reported metric as name#unit. A name seen twice (-count > 1) keeps the
// fastest run, the one least disturbed by other work on a shared machine,
// and the metrics of that run.
func parse(r io.Reader) (map[string]float64, error) {
	out := map[string]float64{}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if m := pkgLine.FindStringSubmatch(text); m != nil {
			pkg = m[1]
			continue
		}
		m := line.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		ns, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return nil, fmt.Errorf("bad figure in %q", sc.Text())
		}
		names := []string{m[1]}
		if pkg != "" {
			names = append(names, pkg+"."+m[1])
		}
		for _, name := range names {
			if old, ok := out[name]; ok && ns >= old {
				continue
			}
			out[name] = ns
			for _, mm := range metric.FindAllStringSubmatch(m[3], -1) {
				if v, err := strconv.ParseFloat(mm[1], 64); err == nil {
					out[name+"#"+mm[2]] = v
				}
			}
		}
	}
	return out, sc.Err()
}

// write prints the table and returns how many figures miss their goal.
func write(w io.Writer, res map[string]float64) int {
	bad := 0
	rows := familyRows(res)
	if len(rows) > 0 {
		fmt.Fprintf(w, "%-18s %10s %10s %10s %10s  %-12s\n", "by size", "S", "M", "L", "XL", "slope L→XL")
		for _, f := range rows {
			fmt.Fprintf(w, "%-18s", f.label)
			for _, s := range sizes {
				if ns, ok := res[f.bench+"/"+s]; ok {
					fmt.Fprintf(w, " %10s", human(ns))
				} else {
					fmt.Fprintf(w, " %10s", "-")
				}
			}
			l, okL := res[f.bench+"/L"]
			xl, okXL := res[f.bench+"/XL"]
			if okL && okXL && l > 0 {
				// Judged as printed: a slope shown as 1.10 is within 1.1.
				slope := math.Round(math.Log(xl/l)/math.Log(10)*100) / 100
				verdict := "ok"
				if slope > slopeGoal {
					verdict = "OVER"
					bad++
				}
				fmt.Fprintf(w, "  %5.2f %s", slope, verdict)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "(slope = log(t_XL/t_L)/log 10; 1 is linear; goal ≤ %.1f)\n", slopeGoal)
		bad += writeSizeRatios(w, res)
		fmt.Fprintln(w)
	}
	printed := false
	header := func() {
		if !printed {
			fmt.Fprintf(w, "%-40s %10s %10s %7s %7s  %s\n", "against its floor", "time", "floor", "ratio", "goal", "")
			printed = true
		}
	}
	for _, p := range pairs {
		a, okA := res[p.name]
		b, okB := res[p.floor]
		ratio, okR := 0.0, okA && okB && b > 0
		if okR {
			ratio = a / b
		}
		if p.metric != "" {
			// Both sides were timed in the benchmark's own loop.
			ratio, okR = res[p.name+"#"+p.metric]
			a, _ = res[p.name+"#"+p.timeMetric]
			b, okB = res[p.name+"#"+p.floorMetric]
			a, b = a*p.metricNs, b*p.metricNs
		}
		if !okA || !okR {
			continue
		}
		header()
		ratio = math.Round(ratio*100) / 100
		verdict := "ok"
		if ratio > p.goal || (p.limit > 0 && a > p.limit) {
			verdict = "OVER"
			bad++
		}
		goal := fmt.Sprintf("≤%.1f×", p.goal)
		if p.limit > 0 {
			goal += ", ≤" + human(p.limit)
		}
		floor := "-"
		if okB {
			floor = human(b)
		}
		fmt.Fprintf(w, "%-40s %10s %10s %6.2f× %7s  %s (issue %s)\n", p.name+" / "+p.floor, human(a), floor, ratio, goal, verdict, p.issue)
	}
	for _, l := range limits {
		a, ok := res[l.name]
		if !ok {
			continue
		}
		header()
		verdict := "ok"
		if a > l.limit {
			verdict = "OVER"
			bad++
		}
		fmt.Fprintf(w, "%-40s %10s %10s %7s %7s  %s (issue %s)\n", l.name, human(a), "-", "-", "≤"+human(l.limit), verdict, l.issue)
	}
	for _, p := range pairs {
		_, okA := res[p.name]
		_, okB := res[p.floor]
		if p.metric != "" {
			if _, okM := res[p.name+"#"+p.metric]; okA && !okM {
				fmt.Fprintf(w, "%-40s missing the %s metric of Benchmark%s\n", p.name+" / "+p.floor, p.metric, p.name)
			}
			continue
		}
		if okA != okB {
			missing := p.floor
			if !okA {
				missing = p.name
			}
			fmt.Fprintf(w, "%-40s missing Benchmark%s\n", p.name+" / "+p.floor, missing)
		}
	}
	return bad
}

// writeSizeRatios prints each size ratio whose two families both have a
// figure, one column a size as in the size table, and returns how many
// judged sizes miss the goal.
func writeSizeRatios(w io.Writer, res map[string]float64) int {
	bad := 0
	for _, r := range sizeRatios {
		judged, over, shown, own := 0, 0, false, 0
		cells := make([]string, len(sizes))
		for i, s := range sizes {
			cells[i] = "-"
			a, okA := res[r.name+"/"+s]
			b, okB := res[r.name+"/"+s+"#"+r.floorMetric]
			if okB && r.floorMetric != "" {
				own++
			} else {
				b, okB = res[r.floor+"/"+s]
			}
			if !okA || !okB || b <= 0 {
				continue
			}
			ratio := math.Round(a/b*100) / 100
			cells[i] = fmt.Sprintf("%.2f×", ratio)
			shown = true
			if sizeIndex(s) >= sizeIndex(r.from) {
				judged++
				if ratio > r.goal {
					over++
				}
			}
		}
		if !shown {
			continue
		}
		fmt.Fprintf(w, "%-18s", r.label)
		for _, c := range cells {
			fmt.Fprintf(w, " %10s", c)
		}
		verdict := "ok"
		switch {
		case judged == 0:
			verdict = "not judged"
		case over > 0:
			verdict = "OVER"
			bad += over
		}
		fmt.Fprintf(w, "  ≤%.1f× from %s: %s (issue %s)\n", r.goal, r.from, verdict, r.issue)
		if own > 0 {
			fmt.Fprintf(w, "(%s: the build timed in Benchmark%s itself, as %s)\n", r.label, r.name, r.floorMetric)
		}
	}
	return bad
}

// sizeIndex is a size's place from small to large, -1 if unknown.
func sizeIndex(size string) int {
	for i, s := range sizes {
		if s == size {
			return i
		}
	}
	return -1
}

type family struct{ bench, label string }

// familyRows lists the size families present: the known ones first, then
// any other XxxBySize in name order.
func familyRows(res map[string]float64) []family {
	has := map[string]bool{}
	for name := range res {
		// Package-qualified names and metrics repeat the plain figures.
		if strings.ContainsAny(name, ".#") {
			continue
		}
		if i := strings.LastIndex(name, "/"); i > 0 && strings.HasSuffix(name[:i], "BySize") {
			has[name[:i]] = true
		}
	}
	var rows []family
	for _, f := range families {
		if has[f.bench] {
			rows = append(rows, family{f.bench, f.label})
			delete(has, f.bench)
		}
	}
	var rest []string
	for b := range has {
		rest = append(rest, b)
	}
	sort.Strings(rest)
	for _, b := range rest {
		rows = append(rows, family{b, strings.TrimSuffix(b, "BySize")})
	}
	return rows
}

// human writes a duration in ns with a unit that keeps three digits.
func human(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
