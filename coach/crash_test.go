package coach

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Crash consistency: a child process saves a few sessions and practice
// rounds in a loop, printing an acknowledgement after each save returns, and
// is killed with SIGKILL at a random moment. Every kill lands on the same
// data dir, so each child starts from what the one before left. After each
// kill every file must decode, and hold the last acknowledged save or the
// one after it: never an older one (a completed save lost), never a mix.
//
//	REBOUND_CRASH_N=5000 go test -run TestCrashConsistency -v -timeout 30m ./coach
//
// A kill leaves the page cache to the kernel, so this checks the atomic
// rename, not the fsyncs: only a power cut tests those.

const (
	crashChildEnv = "REBOUND_CRASH_CHILD" // the data dir, set for the child only
	crashNEnv     = "REBOUND_CRASH_N"     // how many kills
	crashSeedEnv  = "REBOUND_CRASH_SEED"  // replays the kill times of a run
)

// The IDs the child saves under. They are fixed so that every child carries
// on from the files the one before it left.
var (
	crashSessionIDs  = []string{"crash-s0", "crash-s1", "crash-s2"}
	crashPracticeIDs = []string{"crash-p0", "crash-p1"}
)

// crashText is save k's long answer: its number, then filler whose letter
// and length change with k, so that a file cut short or holding the bytes of
// two saves shows. Files come out between about 1.5 and 7.5 KB.
func crashText(k int) string {
	return fmt.Sprintf("answer %d\n", k) + strings.Repeat(string(rune('a'+k%26)), 1000+(k*389)%6000)
}

// setCrashSession makes s hold save k, through the setters the app uses.
func setCrashSession(s *Session, k int, now time.Time) {
	s.Set(PromptCompany, Answer{Text: fmt.Sprintf("company %d", k)}, now)
	s.Set(PromptBalanced, Answer{Text: crashText(k)}, now)
}

// crashSessionK is the save a session holds, or false when its fields are
// not all from one save.
func crashSessionK(s *Session) (int, bool) {
	k, ok := numberAfter(s.Intake.Company, "company ")
	return k, ok && s.Answers[PromptBalanced].Text == crashText(k)
}

// setCrashPractice makes p hold save k, through the practice setters.
func setCrashPractice(p *Practice, k int, now time.Time) {
	p.SetAnswer(crashText(k), 0, false, now)
	p.SetReview(Review{WentWell: fmt.Sprintf("went well %d", k), Rating: 1 + k%5}, now)
}

// crashPracticeK is crashSessionK for a practice round.
func crashPracticeK(p *Practice) (int, bool) {
	k, ok := numberAfter(p.WentWell, "went well ")
	return k, ok && p.Answer == crashText(k) && p.Rating == 1+k%5
}

func numberAfter(s, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return 0, false
	}
	k, err := strconv.Atoi(rest)
	return k, err == nil && k > 0
}

// TestCrashChild is not a test: TestCrashConsistency runs the test binary
// again with this test selected and REBOUND_CRASH_CHILD set to a data dir.
// It saves until it is killed, printing "ack <kind> <id> <k>" after each
// save that returned nil.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		t.Skip("only run by TestCrashConsistency")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	st := NewStore(dir)
	now := time.Now()

	// Carry on from what is on disk, opened as the app opens it: the lock
	// and the read in one step (a killed child's lock file is left behind
	// for CleanLocks, and never stops the next child).
	st.CleanLocks()
	sessions := make([]*Session, len(crashSessionIDs))
	sessionK := make([]int, len(crashSessionIDs))
	for i, id := range crashSessionIDs {
		s, err := st.Edit(id)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s = NewSession(now)
			s.ID = id
			if err := st.Claim(s); err != nil {
				fail(err)
			}
		case err != nil:
			fail(err)
		default:
			k, ok := crashSessionK(s)
			if !ok {
				fail(fmt.Errorf("session %s holds no one save", id))
			}
			sessionK[i] = k
		}
		sessions[i] = s
	}
	practices := make([]*Practice, len(crashPracticeIDs))
	practiceK := make([]int, len(crashPracticeIDs))
	for i, id := range crashPracticeIDs {
		p, err := st.EditPractice(id)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			p = NewPractice(Question{Key: QuestionKey("Why did it crash?"), Text: "Why did it crash?", Source: FromUser}, 0, now)
			p.ID = id
			if err := st.ClaimPractice(p); err != nil {
				fail(err)
			}
		case err != nil:
			fail(err)
		default:
			k, ok := crashPracticeK(p)
			if !ok {
				fail(fmt.Errorf("practice %s holds no one save", id))
			}
			practiceK[i] = k
		}
		practices[i] = p
	}

	// os.Stdout is not buffered: each ack is one write, out before the next
	// save starts. The deadline keeps a child whose parent died from
	// saving forever.
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		for i, s := range sessions {
			k := sessionK[i] + 1
			setCrashSession(s, k, time.Now())
			if err := st.Save(s); err != nil {
				fail(err)
			}
			sessionK[i] = k
			fmt.Printf("ack session %s %d\n", s.ID, k)
		}
		for i, p := range practices {
			k := practiceK[i] + 1
			setCrashPractice(p, k, time.Now())
			if err := st.SavePractice(p); err != nil {
				fail(err)
			}
			practiceK[i] = k
			fmt.Printf("ack practice %s %d\n", p.ID, k)
		}
	}
	os.Exit(3)
}

// ackWriter is the child's stdout. It keeps every byte and closes first when
// the first whole line is in.
type ackWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first chan struct{}
	seen  bool
}

func (w *ackWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.seen && bytes.IndexByte(w.buf.Bytes(), '\n') >= 0 {
		w.seen = true
		close(w.first)
	}
	return len(p), nil
}

// lastAcks reads the acks a child printed: the last k per "<kind>/<id>",
// and how many there were. Each id's acks must count up by one from base,
// which is what that id's file held when the child started. A line cut by
// the kill has no newline and is not an ack.
func (w *ackWriter) lastAcks(t *testing.T, base map[string]int) (map[string]int, int) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	last := map[string]int{}
	n := 0
	lines := strings.Split(w.buf.String(), "\n")
	for _, line := range lines[:len(lines)-1] {
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "ack" {
			continue // the test framework's own output
		}
		key := f[1] + "/" + f[2]
		k, err := strconv.Atoi(f[3])
		prev, ok := last[key]
		if !ok {
			prev = base[key]
		}
		if err != nil || k != prev+1 {
			t.Fatalf("child acked %q after k=%d: the harness is broken", line, prev)
		}
		last[key] = k
		n++
	}
	return last, n
}

// runCrashChild starts a child on dir, kills it wait after its first ack
// and returns what it printed.
func runCrashChild(t *testing.T, dir string, wait time.Duration) *ackWriter {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	out := &ackWriter{first: make(chan struct{})}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait() // the exit is judged from ProcessState below
		close(exited)
	}()
	select {
	case <-out.first:
	case <-exited:
		t.Fatalf("child exited before its first save: %v; stderr: %s", cmd.ProcessState, stderr.String())
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
		t.Fatalf("child made no save in 30 s; stderr: %s", stderr.String())
	}
	time.Sleep(wait)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	<-exited
	if cmd.ProcessState.Exited() {
		t.Fatalf("child exited by itself (%v) before the kill; stderr: %s", cmd.ProcessState, stderr.String())
	}
	return out
}

// crashOnDisk is what a check found in the data dir after a kill.
type crashOnDisk struct {
	k     map[string]int  // the save each "<kind>/<id>" file holds
	bad   []string        // files that cannot be used or hold no one save
	badK  map[string]bool // the "<kind>/<id>" of those files
	other []string        // files that should not be there
	temps []string        // temp files left by a killed save
}

// readCrashDir reads the data dir as the app does, through List and
// Practices, and lists what else is in it.
func readCrashDir(t *testing.T, st *Store) crashOnDisk {
	t.Helper()
	d := crashOnDisk{k: map[string]int{}, badK: map[string]bool{}}
	known := map[string]bool{}
	for _, id := range crashSessionIDs {
		known["sessions/"+id+".json"] = true
	}
	for _, id := range crashPracticeIDs {
		known["practice/"+id+".json"] = true
	}

	sessions, problems, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sessions {
		if !known["sessions/"+s.ID+".json"] {
			d.other = append(d.other, "List read a session "+s.ID)
			continue
		}
		if k, ok := crashSessionK(s); ok {
			d.k["session/"+s.ID] = k
		} else {
			d.bad = append(d.bad, s.ID+": fields from more than one save")
			d.badK["session/"+s.ID] = true
		}
	}
	practices, pproblems, err := st.Practices()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range practices {
		if !known["practice/"+p.ID+".json"] {
			d.other = append(d.other, "Practices read a round "+p.ID)
			continue
		}
		if k, ok := crashPracticeK(p); ok {
			d.k["practice/"+p.ID] = k
		} else {
			d.bad = append(d.bad, p.ID+": fields from more than one save")
			d.badK["practice/"+p.ID] = true
		}
	}
	for _, p := range problems {
		if strings.Contains(p.Path, ".tmp-") {
			d.other = append(d.other, "List read a temp file as a session: "+p.Path)
			continue
		}
		d.bad = append(d.bad, p.Error())
		d.badK["session/"+strings.TrimSuffix(filepath.Base(p.Path), ".json")] = true
	}
	for _, p := range pproblems {
		if strings.Contains(p.Path, ".tmp-") {
			d.other = append(d.other, "Practices read a temp file as a round: "+p.Path)
			continue
		}
		d.bad = append(d.bad, p.Error())
		d.badK["practice/"+strings.TrimSuffix(filepath.Base(p.Path), ".json")] = true
	}

	// Everything on disk is a known file or a temp file, and a temp file
	// is never taken for a session, not even by its name.
	for _, sub := range []string{"sessions", "practice"} {
		entries, err := os.ReadDir(filepath.Join(st.Dir(), sub))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		for _, e := range entries {
			rel := sub + "/" + e.Name()
			switch {
			case strings.Contains(e.Name(), ".tmp-"):
				d.temps = append(d.temps, filepath.Join(st.Dir(), rel))
			case !known[rel]:
				d.other = append(d.other, rel)
			}
		}
	}
	ids, err := st.IDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if !known["sessions/"+id+".json"] {
			d.other = append(d.other, "IDs listed "+id)
		}
	}
	top, err := os.ReadDir(st.Dir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range top {
		if e.Name() != "sessions" && e.Name() != "practice" && e.Name() != "locks" {
			d.other = append(d.other, e.Name())
		}
	}
	return d
}

// crashKills is how many kills TestCrashConsistency makes: REBOUND_CRASH_N,
// else 200 (as CI runs it; about 9 s, 21 s under the race detector, where a
// child takes three times as long to start), or 50 with -short.
func crashKills(t *testing.T) int {
	if s := os.Getenv(crashNEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a whole number of kills", crashNEnv, s)
		}
		return n
	}
	if testing.Short() {
		return 50
	}
	return 200
}

// crashTally is what TestCrashConsistency counts, for its figure line.
type crashTally struct {
	kills, acked, lost, unreadable, unexpected, temps int
}

func (c crashTally) String() string {
	return fmt.Sprintf("N=%d kills, %d saves acknowledged, %d lost, %d unreadable, %d unexpected (%d temp files left by kills)",
		c.kills, c.acked, c.lost, c.unreadable, c.unexpected, c.temps)
}

func TestCrashConsistency(t *testing.T) {
	n := crashKills(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", crashSeedEnv, s, err)
		}
	}
	t.Logf("seed %d (%s=%d replays the kill times)", seed, crashSeedEnv, seed)
	rng := rand.New(rand.NewPCG(seed, seed))

	dir := t.TempDir()
	st := NewStore(dir)
	var keys []string
	for _, id := range crashSessionIDs {
		keys = append(keys, "session/"+id)
	}
	for _, id := range crashPracticeIDs {
		keys = append(keys, "practice/"+id)
	}
	base := map[string]int{} // the save each file held before the kill, 0 for none
	var tally crashTally
	start := time.Now()
	// The figure line is logged however the test ends, failures included.
	defer func() { t.Logf("crash consistency: %v; %v", tally, time.Since(start).Round(time.Millisecond)) }()

	for kill := 1; kill <= n; kill++ {
		wait := time.Duration(rng.Int64N(int64(30*time.Millisecond) + 1))
		out := runCrashChild(t, dir, wait)
		tally.kills = kill
		last, count := out.lastAcks(t, base)
		tally.acked += count

		d := readCrashDir(t, st)
		for _, b := range d.bad {
			t.Errorf("kill %d (%v after the first ack): unreadable: %s", kill, wait, b)
		}
		for _, o := range d.other {
			t.Errorf("kill %d: unexpected: %s", kill, o)
		}
		tally.unreadable += len(d.bad)
		tally.unexpected += len(d.other)
		for _, key := range keys {
			want, ok := last[key]
			if !ok {
				want = base[key]
			}
			checkCrashFile(t, kill, key, want, d, &tally)
		}
		if t.Failed() {
			t.FailNow() // the next child could not carry on from these files
		}
		base = d.k

		// A temp file is old news once its save was killed: make it look
		// ten minutes old and check that List and Practices clear it.
		tally.temps += len(d.temps)
		if len(d.temps) > 0 {
			old := time.Now().Add(-staleTempAge - time.Minute)
			for _, p := range d.temps {
				if err := os.Chtimes(p, old, old); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, err := st.List(); err != nil {
				t.Fatal(err)
			}
			if _, _, err := st.Practices(); err != nil {
				t.Fatal(err)
			}
			if left := readCrashDir(t, st).temps; len(left) > 0 {
				t.Fatalf("kill %d: stale temp files not removed by List and Practices: %q", kill, left)
			}
		}
	}
}

// checkCrashFile checks one file after a kill: it must hold want, the last
// save acknowledged for it (or what it held before, when the child
// acknowledged none), or the save after, which may have landed before its
// ack was printed.
func checkCrashFile(t *testing.T, kill int, key string, want int, d crashOnDisk, tally *crashTally) {
	t.Helper()
	got, there := d.k[key]
	switch {
	case d.badK[key]:
		// counted as unreadable already
	case !there && want == 0:
		// never saved: the child was killed before its first save of it
	case !there:
		t.Errorf("kill %d: %s: the file is gone; save %d was acknowledged", kill, key, want)
		tally.lost++
	case got < want:
		t.Errorf("kill %d: %s holds save %d; save %d was acknowledged", kill, key, got, want)
		tally.lost++
	case got > want+1:
		t.Errorf("kill %d: %s holds save %d; the last acknowledged was %d, so at most %d was possible", kill, key, got, want, want+1)
		tally.unexpected++
	}
}
