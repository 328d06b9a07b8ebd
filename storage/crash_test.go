package storage

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"valueflow/model"
	"valueflow/model/sample"
)

var kills = flag.Int("kills", 10, "how many times TestKillDuringEdits kills the editing process")

// digest names a map's whole content; json follows the pointers, so two maps
// with the same content give the same digest. An empty list and no list are
// the same content (the file cannot tell them apart).
func digest(m *model.Map) string {
	m = m.Clone()
	m.Stakeholders, m.Relationships, m.Coalitions = nilIfEmpty(m.Stakeholders), nilIfEmpty(m.Relationships), nilIfEmpty(m.Coalitions)
	for _, c := range m.Coalitions {
		c.Members = nilIfEmpty(c.Members)
	}
	for _, sc := range m.Scenarios {
		sc.Steps, sc.Contributions, sc.Flows = nilIfEmpty(sc.Steps), nilIfEmpty(sc.Contributions), nilIfEmpty(sc.Flows)
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestHelperProcess is the other process of the tests below; it does nothing
// unless started by them.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("VALUEFLOW_STORAGE_HELPER")
	if mode == "" {
		t.Skip("only runs as a child of another test")
	}
	path := os.Getenv("VALUEFLOW_STORAGE_PATH")
	f, err := Open(path)
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(2)
	}
	switch mode {
	case "hold":
		// Keep the file open until the parent closes our stdin.
		fmt.Println("open")
		io.Copy(io.Discard, os.Stdin)
		f.Close()
		os.Exit(0)
	case "edit":
		seed, _ := strconv.ParseInt(os.Getenv("VALUEFLOW_STORAGE_SEED"), 10, 64)
		ed := model.NewEditor(f.Map(), announcingSaver{f})
		fmt.Println("open")
		r := rand.New(rand.NewSource(seed))
		for {
			if c := randomCommand(r, f.Map()); c != nil {
				ed.Do(c) // refused commands change nothing and write nothing
			}
		}
	}
	os.Exit(3)
}

// announcingSaver tells the parent what is about to be written and when it
// is durable; os.Stdout is unbuffered, so what Println returned from is in
// the pipe even if the process is killed the next instant.
type announcingSaver struct{ f *File }

func (s announcingSaver) Save(m *model.Map, touched []model.Ref) error {
	fmt.Println("pending", digest(m))
	err := s.f.Save(m, touched)
	if err == nil {
		fmt.Println("acked")
	} else {
		fmt.Println("failed", strings.ReplaceAll(err.Error(), "\n", " "))
	}
	return err
}

// randomCommand picks one edit like a user would make, on the first scenario.
func randomCommand(r *rand.Rand, m *model.Map) model.Command {
	sc := m.Scenarios[0]
	pickCard := func() *model.Contribution {
		if len(sc.Contributions) == 0 {
			return nil
		}
		return sc.Contributions[r.Intn(len(sc.Contributions))]
	}
	switch r.Intn(9) {
	case 0, 1:
		if c := pickCard(); c != nil {
			n := *c
			n.Value = fmt.Sprintf("waarde %d", r.Int())
			return model.UpdateContribution(sc.ID, n)
		}
	case 2:
		return model.AddContribution(sc.ID, model.Contribution{
			ID: m.NewID("c"), Step: sc.Steps[r.Intn(len(sc.Steps))].ID,
			Stakeholder: m.Stakeholders[r.Intn(len(m.Stakeholders))].ID,
			Value:       "nieuw", Role: model.RoleContributes,
		})
	case 3:
		if c := pickCard(); c != nil && len(sc.Contributions) > 10 {
			return model.DeleteContribution(sc.ID, c.ID)
		}
	case 4:
		a, b := pickCard(), pickCard()
		if a != nil && b != nil && a.ID != b.ID {
			return model.AddFlow(sc.ID, model.Flow{ID: m.NewID("f"), From: a.ID, To: b.ID, Kind: model.FlowInformation, Criticality: model.CriticalityNormal})
		}
	case 5:
		if len(sc.Flows) > 5 {
			return model.DeleteFlow(sc.ID, sc.Flows[r.Intn(len(sc.Flows))].ID)
		}
	case 6:
		if len(sc.Steps) < 20 {
			return model.AddStep(sc.ID, model.Step{ID: m.NewID("s"), Name: "Tussenstap", Experience: model.Int(r.Intn(5) - 2)}, r.Intn(len(sc.Steps)))
		}
		return model.DeleteStep(sc.ID, sc.Steps[r.Intn(len(sc.Steps))].ID)
	case 7:
		return model.MoveStakeholder(m.Stakeholders[r.Intn(len(m.Stakeholders))].ID, r.Intn(len(m.Stakeholders)))
	case 8:
		i := m.Info()
		i.Title = fmt.Sprintf("Titel %d", r.Intn(1000))
		return model.SetMapInfo(i)
	}
	return nil
}

func helper(t *testing.T, mode, path string, seed int) (*exec.Cmd, io.WriteCloser, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "VALUEFLOW_STORAGE_HELPER="+mode, "VALUEFLOW_STORAGE_PATH="+path, "VALUEFLOW_STORAGE_SEED="+strconv.Itoa(seed))
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "open" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the helper did not open the file: %q", sc.Text())
	}
	return cmd, in, sc
}

func TestAFileOpenInAnotherProcessIsRefusedAndThatProcessKeepsIt(t *testing.T) {
	path := create(t, sample.Map())
	cmd, in, _ := helper(t, "hold", path, 0)
	defer cmd.Process.Kill()
	for _, open := range []func(string) (*File, error){Open, OpenReadOnly} {
		f, err := open(path)
		if err == nil {
			f.Close()
			t.Fatal("the file opened twice")
		}
		want := `cannot open "` + path + `": the file is open in another Valueflow window`
		if CodeOf(err) != Locked || err.Error() != want {
			t.Fatalf("got %q, want %q", err, want)
		}
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the other process: %v", err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatalf("after the other process closed it: %v", err)
	}
	f.Close()
}

// TestKillDuringEdits is issue 10's crash loop: a child process edits the
// file as the GUI does and is killed at random moments; every time the file
// must open, pass integrity_check and hold every acknowledged edit (only the
// one in flight may be lost).
func TestKillDuringEdits(t *testing.T) {
	path := create(t, sample.Map())
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	corrupt, lostMax, edits := 0, 0, 0
	for k := 0; k < *kills; k++ {
		f, err := OpenReadOnly(path)
		if err != nil {
			t.Fatalf("before kill %d: %v", k, err)
		}
		acked := []string{digest(f.Map())}
		f.Close()
		pending := ""
		cmd, in, out := helper(t, "edit", path, r.Int())
		var mu sync.Mutex
		done := make(chan struct{})
		go func() {
			defer close(done)
			for out.Scan() {
				line := out.Text()
				mu.Lock()
				switch {
				case strings.HasPrefix(line, "pending "):
					pending = strings.TrimPrefix(line, "pending ")
				case line == "acked":
					acked, pending = append(acked, pending), ""
				case strings.HasPrefix(line, "failed "):
					pending = ""
					t.Errorf("a save failed in the child: %s", line)
				}
				mu.Unlock()
			}
		}()
		time.Sleep(time.Duration(5+r.Intn(150)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		in.Close()
		<-done
		edits += len(acked) - 1

		f, err = Open(path)
		if err != nil {
			corrupt++
			t.Errorf("kill %d: the file does not open: %v", k, err)
			break
		}
		var check string
		f.conn.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&check)
		got := digest(f.Map())
		f.Close()
		if check != "ok" {
			corrupt++
			t.Errorf("kill %d: integrity_check says %q", k, check)
		}
		lost := -1
		switch {
		case pending != "" && got == pending:
			lost = 0 // the edit in flight was committed just before the kill
		default:
			for i := len(acked) - 1; i >= 0; i-- {
				if acked[i] == got {
					lost = len(acked) - 1 - i
					if pending != "" {
						lost++ // the one in flight
					}
					break
				}
			}
		}
		if lost < 0 {
			corrupt++
			t.Errorf("kill %d: the file holds a state the editor never acknowledged", k)
			continue
		}
		lostMax = max(lostMax, lost)
		if lost > 1 {
			t.Errorf("kill %d: %d edits lost", k, lost)
		}
	}
	fmt.Printf("kills=%d corrupt=%d lost_max=%d (edits acknowledged: %d)\n", *kills, corrupt, lostMax, edits)
}
