// Command startup measures, under Xvfb, how long a program takes from being
// started to its first drawn frame and how much resident memory it holds
// once its window is up, for a Fyne hello world and for Valueflow opening a
// file, started the same way, and prints both and the difference
// (issue 4: first frame ≤ 150 ms more than hello world; issue 10: memory
// within 60 MB of it).
//
// Both programs print "valueflow-trace first-frame unix-ns=N" on stderr when
// VALUEFLOW_TRACE=1 (app/trace.go, cmd/harness/hello). Each is started once
// to warm caches (Graphviz's compiled WebAssembly, fonts, the page cache),
// then -runs times, alternating; the table shows medians and the range.
//
// Usage: startup -hello bin/harness-hello -app bin/valueflow -file L.vflow
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	helloBin = flag.String("hello", "bin/harness-hello", "the Fyne hello-world program")
	appBin   = flag.String("app", "bin/valueflow", "the Valueflow program")
	file     = flag.String("file", "", "the map Valueflow opens (e.g. an L map)")
	runs     = flag.Int("runs", 5, "measured starts of each program")
	settle   = flag.Duration("settle", 2*time.Second, "wait after the first frame before reading VmRSS")
	timeout  = flag.Duration("timeout", 30*time.Second, "longest wait for a first frame")
	screen   = flag.String("screen", "1600x1000x24", "Xvfb screen")
	frameMax = flag.Duration("frame-goal", 150*time.Millisecond, "allowed extra time to first frame")
	memMax   = flag.Int("mem-goal", 60, "allowed extra resident memory, MB")
	verbose  = flag.Bool("v", false, "print every start")
	lang     = flag.String("lang", "en_US.UTF-8", "LANG and LC_ALL of both programs")
)

// A sample is one start of one program.
type sample struct {
	frame   time.Duration // start → first drawn frame
	rss, hw int64         // VmRSS and VmHWM in kB after settling
}

func main() {
	flag.Parse()
	if *file == "" {
		fatalf("give the map to open with -file")
	}
	display, stopX, err := startXvfb(*screen)
	if err != nil {
		fatalf("%v", err)
	}
	defer stopX()
	home, err := os.MkdirTemp("", "harness-home")
	if err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(home)

	progs := []struct {
		name string
		args []string
	}{
		{"hello world", []string{*helloBin}},
		{"valueflow " + filepath.Base(*file), []string{*appBin, *file}},
	}
	results := make([][]sample, len(progs))
	for i := -1; i < *runs; i++ { // i = -1: warm-up, not counted
		for p, prog := range progs {
			s, err := measure(prog.args, display, home)
			if err != nil {
				stopX()
				fatalf("%s: %v", prog.name, err)
			}
			if *verbose {
				fmt.Fprintf(os.Stderr, "run %d %-22s first frame %4.0f ms  VmRSS %6.1f MB\n", i, prog.name, ms(s.frame), mb(s.rss))
			}
			if i >= 0 {
				results[p] = append(results[p], s)
			}
		}
	}

	fmt.Printf("%-22s %14s %22s %14s %14s\n", "program", "first frame", "(min..max)", "VmRSS", "VmHWM")
	med := make([]sample, len(progs))
	for p, prog := range progs {
		rs := results[p]
		med[p] = sample{
			frame: time.Duration(median(rs, func(s sample) float64 { return float64(s.frame) })),
			rss:   int64(median(rs, func(s sample) float64 { return float64(s.rss) })),
			hw:    int64(median(rs, func(s sample) float64 { return float64(s.hw) })),
		}
		lo, hi := spread(rs)
		fmt.Printf("%-22s %11.0f ms %22s %11.1f MB %11.1f MB\n", prog.name, ms(med[p].frame),
			fmt.Sprintf("(%.0f..%.0f ms)", ms(lo), ms(hi)), mb(med[p].rss), mb(med[p].hw))
	}
	dFrame := med[1].frame - med[0].frame
	dRSS := mb(med[1].rss - med[0].rss)
	fmt.Printf("%-22s %11.0f ms %22s %11.1f MB %11.1f MB\n", "difference", ms(dFrame), "", dRSS, mb(med[1].hw-med[0].hw))
	fmt.Printf("first frame: %+.0f ms over hello world (goal ≤ %.0f ms): %s\n", ms(dFrame), ms(*frameMax), verdict(dFrame <= *frameMax))
	fmt.Printf("memory:      %+.1f MB over hello world (goal ≤ %d MB): %s\n", dRSS, *memMax, verdict(dRSS <= float64(*memMax)))
	fmt.Printf("(medians of %d starts each after one warm-up; VmRSS read %s after the first frame)\n", *runs, *settle)
}

// measure starts args with the trace on and returns its sample; it stops
// the process it started.
func measure(args []string, display, home string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "LANG="+*lang, "LC_ALL="+*lang, "VALUEFLOW_TRACE=1")
	cmd.Stdout = io.Discard
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return sample{}, err
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	frame := make(chan int64, 1)
	var tail []string
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "valueflow-trace first-frame unix-ns="); ok {
				n, _ := strconv.ParseInt(v, 10, 64)
				frame <- n
				continue
			}
			if len(tail) < 5 {
				tail = append(tail, line)
			}
		}
		close(frame)
	}()
	var s sample
	select {
	case n, ok := <-frame:
		if !ok {
			return s, fmt.Errorf("exited before its first frame: %s", strings.Join(tail, " | "))
		}
		s.frame = time.Unix(0, n).Sub(t0)
	case <-time.After(*timeout):
		return s, fmt.Errorf("no first-frame trace within %s (does it call traceFirstFrame? see app/trace.go)", *timeout)
	}
	time.Sleep(*settle)
	s.rss, s.hw, err = memory(cmd.Process.Pid)
	return s, err
}

// memory reads VmRSS and VmHWM (peak) of pid in kB.
func memory(pid int) (rss, hwm int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			rss, _ = strconv.ParseInt(f[1], 10, 64)
		case "VmHWM:":
			hwm, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	if rss == 0 {
		return 0, 0, errors.New("no VmRSS in /proc status")
	}
	return rss, hwm, nil
}

// startXvfb starts a virtual X server on a free display (Xvfb -displayfd
// picks it) and returns the display and how to stop it.
func startXvfb(screen string) (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("cannot start Xvfb (apt-get install xvfb): %w", err)
	}
	w.Close()
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cmd.Process.Kill()
			cmd.Wait()
		}
	}
	select {
	case d := <-got:
		if d == "" {
			stop()
			return "", nil, errors.New("Xvfb did not report a display")
		}
		return ":" + d, stop, nil
	case <-time.After(10 * time.Second):
		stop()
		return "", nil, errors.New("Xvfb did not start within 10 s")
	}
}

func median(rs []sample, f func(sample) float64) float64 {
	v := make([]float64, len(rs))
	for i, s := range rs {
		v[i] = f(s)
	}
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func spread(rs []sample) (lo, hi time.Duration) {
	lo, hi = rs[0].frame, rs[0].frame
	for _, s := range rs {
		lo, hi = min(lo, s.frame), max(hi, s.frame)
	}
	return lo, hi
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
func mb(kb int64) float64        { return float64(kb) / 1024 }

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "OVER"
}

func fatalf(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "harness: "+format+"\n", a...)
	os.Exit(1)
}
