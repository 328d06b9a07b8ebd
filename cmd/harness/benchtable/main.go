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

// A floor pair: the issue's goal for Name as a multiple of Floor.
type pair struct {
	name, floor string
	goal        float64 // ratio name/floor at most this
	limit       float64 // and name at most this many ns, when > 0
	issue       string
}

var pairs = []pair{
	{"EditCommit", "RawCommit", 1.5, 0, "3"},
	{"OpenL", "RawSelectL", 2, 0, "3"},
	{"ExportPDFL", "RawPDFL", 1.3, 1e9, "5"},
	{"BoardEditL", "BoardBuildL", 0.2, 8e6, "4"},
	{"GraphvizLayout60", "NativeNeato60", 2, 0, "6"},
	{"SnapshotL", "RawCopyL", 2, 0, "8"},
	{"ImportXLSXL", "ExcelizeReadAllL", 2, 0, "9"},
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

var sizes = []string{"S", "M", "L", "XL"}

// slopeGoal is issue 10's goal for the growth from L to XL.
const slopeGoal = 1.1

// A result line: BenchmarkName[/Sub][-P]  N  T ns/op ...
var line = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op`)

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
// suffix). A name seen twice (-count > 1) keeps the fastest run, the one
// least disturbed by other work on a shared machine.
func parse(r io.Reader) (map[string]float64, error) {
	out := map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := line.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		ns, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return nil, fmt.Errorf("bad figure in %q", sc.Text())
		}
		if old, ok := out[m[1]]; !ok || ns < old {
			out[m[1]] = ns
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
		fmt.Fprintf(w, "(slope = log(t_XL/t_L)/log 10; 1 is linear; goal ≤ %.1f)\n\n", slopeGoal)
	}
	printed := false
	for _, p := range pairs {
		a, okA := res[p.name]
		b, okB := res[p.floor]
		if !okA || !okB || b <= 0 {
			continue
		}
		if !printed {
			fmt.Fprintf(w, "%-34s %10s %10s %7s %7s  %s\n", "against its floor", "time", "floor", "ratio", "goal", "")
			printed = true
		}
		ratio := math.Round(a/b*100) / 100
		verdict := "ok"
		if ratio > p.goal || (p.limit > 0 && a > p.limit) {
			verdict = "OVER"
			bad++
		}
		goal := fmt.Sprintf("≤%.1f×", p.goal)
		if p.limit > 0 {
			goal += ", ≤" + human(p.limit)
		}
		fmt.Fprintf(w, "%-34s %10s %10s %6.2f× %7s  %s (issue %s)\n", p.name+" / "+p.floor, human(a), human(b), ratio, goal, verdict, p.issue)
	}
	for _, p := range pairs {
		_, okA := res[p.name]
		_, okB := res[p.floor]
		if okA != okB {
			missing := p.floor
			if !okA {
				missing = p.name
			}
			fmt.Fprintf(w, "%-34s missing Benchmark%s\n", p.name+" / "+p.floor, missing)
		}
	}
	return bad
}

type family struct{ bench, label string }

// familyRows lists the size families present: the known ones first, then
// any other XxxBySize in name order.
func familyRows(res map[string]float64) []family {
	has := map[string]bool{}
	for name := range res {
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
