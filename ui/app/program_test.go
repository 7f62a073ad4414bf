package app

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/rebound-coach/rebound/coach"
)

// TestProgramSavesBeforeQuitting runs the model in a real Bubble Tea program,
// where commands run concurrently: ctrl+c must still write the answer being
// typed before the program ends, because the save is sequenced before Quit.
func TestProgramSavesBeforeQuitting(t *testing.T) {
	flow := testFlow(t)
	store := coach.NewStore(t.TempDir())
	m := New(Options{Store: store, Flow: flow, NewSession: true})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor := func(text string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second))
	}
	waitFor("How are you, right now?")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("How long have you got?")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("What happened")
	tm.Type("Umbrella Corp")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("Chemist")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	sessions, problems, err := store.List()
	if err != nil || len(problems) > 0 || len(sessions) != 1 {
		t.Fatalf("want one saved session; got %d, problems %v, err %v", len(sessions), problems, err)
	}
	s := sessions[0]
	if s.Intake.Company != "Umbrella Corp" || s.Drafts["intake.role"].Text != "Chemist" {
		t.Errorf("company %q, role draft %q: ctrl+c lost what was typed", s.Intake.Company, s.Drafts["intake.role"].Text)
	}
}
