package flow

import "github.com/rebound-coach/rebound/coach"

// What the root's tests read of the flow, through methods rather than
// fields (the root itself never needs them).

// Interlude is the note or question shown instead of a prompt, if any.
func (f *Page) Interlude() Interlude { return f.interlude }

// Walk is the session's walk: the prompt in focus is Walk().Prompt().
func (f *Page) Walk() *coach.Walk { return f.walk }

// Editing is the one prompt being edited from the session page, or "".
func (f *Page) Editing() string { return f.editing }

// DraftSeq counts keystrokes: a DraftTickMsg with this Seq saves a draft.
func (f *Page) DraftSeq() int { return f.draftSeq }

// Depth is the choice offered on the depth question: 0 ten minutes, 1 the
// whole session.
func (f *Page) Depth() int { return f.depth }
