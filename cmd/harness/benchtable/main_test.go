package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: valueflow/storage
BenchmarkRawCommit-2             	     500	   1500000 ns/op
BenchmarkEditCommit-2            	     500	   1800000 ns/op
BenchmarkOpenBySize/S-2          	    1000	     10000 ns/op
BenchmarkOpenBySize/L-2          	     100	  10000000 ns/op
BenchmarkOpenBySize/L-2          	     100	  12000000 ns/op
BenchmarkOpenBySize/XL-2         	       3	 100000000 ns/op	  5 B/op
BenchmarkBoardBuildBySize/L      	      10	  10000000 ns/op
BenchmarkBoardBuildBySize/XL     	       1	1000000000 ns/op
BenchmarkOddBySize/L-2           	      10	  10000000 ns/op
PASS
`

func TestTheTableShowsSlopesAndRatios(t *testing.T) {
	res, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if res["OpenBySize/L"] != 10000000 {
		t.Errorf("a repeated benchmark keeps its fastest run, got %v", res["OpenBySize/L"])
	}
	var b strings.Builder
	bad := write(&b, res)
	out := b.String()
	for _, want := range []string{
		"open", "1.00 ok", // 10 ms → 100 ms: linear
		"board build", "2.00 OVER", // 10 ms → 1 s: quadratic
		"Odd",
		"EditCommit / RawCommit", "1.20×", "≤1.5×",
		"OpenL / RawSelectL", // neither present: not listed
	} {
		if want == "OpenL / RawSelectL" {
			if strings.Contains(out, want) {
				t.Errorf("a pair without figures is listed:\n%s", out)
			}
			continue
		}
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if bad != 1 {
		t.Errorf("%d figures over their goal, want 1:\n%s", bad, out)
	}
}

func TestDurationsKeepThreeDigits(t *testing.T) {
	for ns, want := range map[float64]string{12: "12 ns", 1500: "1.5 µs", 2.5e6: "2.50 ms", 3e9: "3.00 s"} {
		if got := human(ns); got != want {
			t.Errorf("human(%v) = %q, want %q", ns, got, want)
		}
	}
}

const twoPackages = `pkg: valueflow/canvas/scene
BenchmarkBoardBuildL-2   	     200	   5000000 ns/op
pkg: valueflow/canvas
BenchmarkBoardBuildL-2   	     200	   6000000 ns/op
BenchmarkBoardEditL-2    	    2000	    900000 ns/op
pkg: valueflow/storage
BenchmarkSnapshotVsRawCopyL-2 	      30	  40000000 ns/op	  20000 snapshot-µs/op	  8000 rawcopy-µs/op	  2.500 ratio
pkg: valueflow/model/analysis
BenchmarkAnalyzeL-2      	     100	  12000000 ns/op
`

func TestPairsUseTheirPackageAndReportedRatios(t *testing.T) {
	res, err := parse(strings.NewReader(twoPackages))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	bad := write(&b, res)
	out := b.String()
	for _, want := range []string{
		"canvas.BoardEditL / canvas.BoardBuildL", "0.15×", // against canvas's 6 ms, not scene's 5 ms
		"SnapshotVsRawCopyL / RawCopyL", "20.00 ms", "8.00 ms", "2.50×", "OVER (issue 7)",
		"AnalyzeL", "12.00 ms", "≤50.00 ms  ok (issue 6)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if bad != 1 {
		t.Errorf("%d figures over their goal, want 1 (the snapshot):\n%s", bad, out)
	}
}

func TestBoardEditIsSetAgainstTheBuildOfTheSameSize(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		want        []string
		lacks       string
		bad         int
	}{
		{
			name: "within the goal from L on, S over it unjudged",
			input: `pkg: valueflow/canvas/scene
BenchmarkBoardBuildBySize/S-2   	 1000	    100000 ns/op
BenchmarkBoardBuildBySize/L-2   	  100	  10000000 ns/op
BenchmarkBoardBuildBySize/XL-2  	   10	 100000000 ns/op
pkg: valueflow/canvas
BenchmarkBoardEditBySize/S-2    	 1000	    200000 ns/op
BenchmarkBoardEditBySize/L-2    	 1000	   1000000 ns/op
BenchmarkBoardEditBySize/XL-2   	  100	   2000000 ns/op
`,
			want: []string{"board edit", "0.30 ok", "board edit / build", "2.00×", "0.10×", "0.02×", "≤0.2× from L: ok (issue 4)"},
		},
		{
			name: "over the goal at XL",
			input: `BenchmarkBoardBuildBySize/L-2   	  100	  10000000 ns/op
BenchmarkBoardBuildBySize/XL-2  	   10	 100000000 ns/op
BenchmarkBoardEditBySize/L-2    	 1000	   1000000 ns/op
BenchmarkBoardEditBySize/XL-2   	  100	  30000000 ns/op
`,
			want: []string{"board edit / build", "0.10×", "0.30×", "OVER (issue 4)", "1.48 OVER"},
			bad:  2, // the ratio at XL and the edit's slope
		},
		{
			name: "the build the edit benchmark timed itself comes before the other package's",
			input: `pkg: valueflow/canvas/scene
BenchmarkBoardBuildBySize/L-2   	  100	  10000000 ns/op
BenchmarkBoardBuildBySize/XL-2  	   10	 100000000 ns/op
pkg: valueflow/canvas
BenchmarkBoardEditBySize/L-2    	 1000	   1000000 ns/op	  56479 B/op	  1058 allocs/op	  20000000 ns/build
BenchmarkBoardEditBySize/XL-2   	  100	  10000000 ns/op	  53379 B/op	   283 allocs/op	 250000000 ns/build
`,
			want: []string{"board edit / build", "0.05×", "0.04×", "≤0.2× from L: ok", "the build timed in BenchmarkBoardEditBySize itself, as ns/build"},
		},
		{
			name:  "no build figures: no ratio row",
			input: "BenchmarkBoardEditBySize/L-2 	 1000	   1000000 ns/op\n",
			lacks: "board edit / build",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := parse(strings.NewReader(tc.input))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			bad := write(&b, res)
			out := b.String()
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("the table lacks %q:\n%s", want, out)
				}
			}
			if tc.lacks != "" && strings.Contains(out, tc.lacks) {
				t.Errorf("the table has %q:\n%s", tc.lacks, out)
			}
			if bad != tc.bad {
				t.Errorf("%d figures over their goal, want %d:\n%s", bad, tc.bad, out)
			}
		})
	}
}
