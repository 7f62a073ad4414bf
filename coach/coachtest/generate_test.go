package coachtest

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
)

var genNow = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

func TestGenerateIsDeterministic(t *testing.T) {
	a := Generate(200, 42, genNow)
	b := Generate(200, 42, genNow)
	if len(a) != 200 || len(b) != 200 {
		t.Fatalf("Generate made %d and %d sessions, want 200", len(a), len(b))
	}
	if !reflect.DeepEqual(a, b) {
		for i := range a {
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Fatalf("session %d differs between two runs with the same seed:\n%+v\n%+v", i, a[i], b[i])
			}
		}
	}
	// A longer run starts with the same sessions.
	if c := Generate(300, 42, genNow); !reflect.DeepEqual(c[:200], a) {
		t.Error("Generate(300) does not start with Generate(200)")
	}
	other := Generate(200, 43, genNow)
	same := 0
	for i := range a {
		if a[i].ID == other[i].ID {
			same++
		}
	}
	if same != 0 {
		t.Errorf("seeds 42 and 43 give %d sessions with the same ID", same)
	}
}

func TestGenerateIsRealistic(t *testing.T) {
	sessions := Generate(500, 7, genNow)
	ids := map[string]bool{}
	var complete, laterThanCreated int
	for _, s := range sessions {
		if ids[s.ID] {
			t.Errorf("ID %s twice", s.ID)
		}
		ids[s.ID] = true
		if s.CreatedAt.After(genNow) || s.CreatedAt.Before(genNow.AddDate(-2, 0, -1)) {
			t.Errorf("%s: created %v, not in the two years before %v", s.ID, s.CreatedAt, genNow)
		}
		if s.UpdatedAt.Before(s.CreatedAt) || s.UpdatedAt.After(genNow) || s.UpdatedAt.Sub(s.CreatedAt) >= 90*time.Minute {
			t.Errorf("%s: created %v, updated %v", s.ID, s.CreatedAt, s.UpdatedAt)
		}
		if s.UpdatedAt.After(s.CreatedAt) {
			laterThanCreated++
		}
		if s.Status == coach.Complete {
			complete++
		}
		if s.Intake.Company == "" || len(s.Actions) == 0 || len(s.Answers) == 0 || s.MoodBefore == nil {
			t.Errorf("%s is missing parts: %+v", s.ID, s)
		}
	}
	if complete != 450 {
		t.Errorf("%d of 500 sessions complete, want 450 (one in ten stopped half way)", complete)
	}
	// A session lasts a while: most were last changed after they began.
	if laterThanCreated < 400 {
		t.Errorf("only %d of 500 sessions were updated after they were created", laterThanCreated)
	}
}

func TestWrite(t *testing.T) {
	st := coach.NewStore(t.TempDir())
	sessions := Generate(50, 1, genNow)
	if err := Write(st, sessions); err != nil {
		t.Fatal(err)
	}
	for _, want := range sessions {
		got, err := st.Load(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Compare what is stored: rev, the store's change counter, differs.
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("%s loads as\n%s\nwant\n%s", want.ID, g, w)
		}
		info, err := os.Stat(st.Path(want.ID))
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().Equal(want.UpdatedAt) {
			t.Errorf("%s: file dated %v, want its UpdatedAt %v", want.ID, info.ModTime(), want.UpdatedAt)
		}
		if info.Size() < 2000 || info.Size() > 6000 {
			t.Errorf("%s: %d bytes, want about 3 KB", want.ID, info.Size())
		}
	}
	list, problems, err := st.List()
	if err != nil || len(problems) != 0 || len(list) != len(sessions) {
		t.Errorf("List = %d sessions, %v, %v; want %d", len(list), problems, err, len(sessions))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
