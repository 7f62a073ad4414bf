package common

import (
	"slices"
	"time"

	"github.com/rebound-coach/rebound/coach"
)

// PracticeData is what practice knows of the store: the questions that threw
// the user, the bank, and every round so far. The practice screen loads it;
// the round screen adds the round it saves, so the queue is up to date
// without reading the store again.
type PracticeData struct {
	Flagged []coach.Question
	Bank    []coach.Question
	Entries []*coach.Practice
	Tracks  map[string]*coach.Track
	// Unfinished is, by question key, a round left before its rating.
	Unfinished map[string]*coach.Practice
	Problems   []coach.Problem
	Err        error
	Loaded     bool
}

func (p *PracticeData) Replay() {
	p.Tracks = coach.Tracks(p.Entries)
	p.Unfinished = coach.Unfinished(p.Entries)
}

// Record keeps a round just saved (reviewed, or left unfinished): a new one
// is added, a changed one replaced, and the histories are replayed.
func (p *PracticeData) Record(e *coach.Practice) {
	i := slices.IndexFunc(p.Entries, func(x *coach.Practice) bool { return x.ID == e.ID })
	if i < 0 {
		p.Entries = append(p.Entries, e.Clone())
	} else {
		p.Entries[i] = e.Clone()
	}
	p.Replay()
}

func (p *PracticeData) Queue(tag string, now time.Time) []coach.Card {
	return coach.Queue(p.Flagged, p.Bank, p.Tracks, tag, now.Format(coach.DateLayout))
}

// RoundStart is what a round starts from, as the practice queue has it.
type RoundStart struct {
	Data  *PracticeData
	Prev  *coach.Practice // the unfinished round on the question, or nil
	Timer time.Duration   // the countdown chosen
	Tag   string          // the queue's, for the next question
}
