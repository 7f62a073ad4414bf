package plain

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// fixedNow is the clock of every test: a Friday afternoon.
var fixedNow = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	// Dates and times are printed in local time; make that the same on
	// every machine.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// result is what a run of plain mode did.
type result struct {
	code           int
	stdout, stderr string
}

// transcript is a result as its golden file holds it: the command, the exit
// code and both streams, with the temp dir written as $TMP and escape
// sequences made visible.
func transcript(args []string, r result, tmp string) string {
	clean := func(s string) string {
		s = strings.ReplaceAll(s, tmp, "$TMP")
		return strings.ReplaceAll(s, "\x1b", `\e`)
	}
	return fmt.Sprintf("$ rebound %s\nexit %d\n--- stdout\n%s--- stderr\n%s",
		strings.Join(args, " "), r.code, clean(r.stdout), clean(r.stderr))
}

// checkGolden compares got with testdata/<name>.golden, or rewrites it
// with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/plain -run '%s' -update to create it)", err, t.Name())
	}
	if want := string(b); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run with -update if the change is intended)", path, i+1, g, w)
			}
		}
	}
}

// fixture is coachtest.Fixture on the tests' clock: the hand-written
// sessions every test starts from, in a fresh data dir under tmp.
func fixture(t *testing.T) (tmp string, store *coach.Store) {
	t.Helper()
	return coachtest.Fixture(t, fixedNow)
}
