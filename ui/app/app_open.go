package app

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/pages/flow"
	"github.com/rebound-coach/rebound/ui/pages/history"
	"github.com/rebound-coach/rebound/ui/pages/insights"
	"github.com/rebound-coach/rebound/ui/pages/practice"
	"github.com/rebound-coach/rebound/ui/pages/round"
	"github.com/rebound-coach/rebound/ui/pages/session"
	"github.com/rebound-coach/rebound/ui/pages/summary"
)

// follow goes where the current screen asked to go, if anywhere; cmd is what
// its Update returned (a save, when leaving the flow).
func (m *Model) follow(cmd tea.Cmd) tea.Cmd {
	if e := m.current().Leave(); e.To != common.Stay {
		return m.open(e, cmd)
	}
	return cmd
}

// open switches to the screen an exit names. cmd, the leaving screen's last
// command (often a save), runs before anything that reads the store.
func (m *Model) open(e common.Exit, cmd tea.Cmd) tea.Cmd {
	from := m.page
	m.page, m.chrome = e.To, ""
	var next tea.Cmd
	switch e.To {
	case common.Home:
		m.holdOnly("")
		m.flow, m.summary, m.history, m.session, m.insights = nil, nil, nil, nil, nil
		m.practice, m.round = nil, nil
		m.home.Note(e.Note)
		next = m.home.Load()
	case common.Flow:
		var away *common.Exit
		if next, away = m.openFlow(e); away != nil {
			m.page = from
			return m.open(*away, cmd)
		}
	case common.Summary:
		m.summary = summary.New(m.deps, m.flow.Session(), m.saveErr)
		m.flow = nil
		m.resize()
		next = m.renderDocs()
	case common.History:
		m.holdOnly("")
		m.flow, m.session = nil, nil
		if m.history == nil {
			m.history = history.New(m.deps)
		}
		m.history.Note(e.Note)
		next = m.history.Load()
	case common.Session:
		var away *common.Exit
		if next, away = m.openSession(e, from); away != nil {
			m.page = from
			return m.open(*away, cmd)
		}
	case common.Insights:
		m.holdOnly("")
		m.insights = insights.New(m.deps)
		next = m.insights.Load()
	case common.Practice:
		m.holdOnly("")
		m.round = nil
		if m.practice == nil {
			m.practice = practice.New(m.deps, "", m.deps.Timer)
			next = m.practice.Load()
		} else {
			m.practice.Refresh()
		}
	case common.Round:
		next = m.openRound(e)
	case common.Stay:
		m.page = from
	}
	m.resize()
	return tea.Sequence(cmd, next)
}

// openFlow opens the flow on e's session, or says where to go instead
// (away): home when its file has gone, its page when another copy has it
// open or nothing is left to ask.
func (m *Model) openFlow(e common.Exit) (next tea.Cmd, away *common.Exit) {
	sess, note, gone := m.edit(e.Session, e.Session.ID)
	switch {
	case gone != "":
		return nil, &common.Exit{To: common.Home, Note: gone}
	case note != "":
		return nil, &common.Exit{To: common.Session, ID: e.Session.ID, ReadOnly: note}
	}
	if e.Deeper {
		if _, ok := coach.GoDeeper(m.deps.Flow, sess, m.deps.Now()); !ok {
			return nil, &common.Exit{To: common.Session, ID: sess.ID, Note: "nothing left to ask in this session"}
		}
	}
	m.lastSaved = time.Time{} // "saved 15:04" is about this session only
	m.flow = flow.New(m.deps, sess, e.Prompt)
	next = tea.Batch(m.flow.Init(), m.renderTips())
	if sess.IsEmpty() {
		next = tea.Batch(next, flow.LastPlan(m.deps.Store, sess.ID))
	}
	return next, nil
}

// openSession opens the page of e's session, for changes unless e says it
// is read-only or the lock says so; away is home when its file has gone.
// from is the screen left, where esc goes back to (Past sessions or home).
func (m *Model) openSession(e common.Exit, from common.Page) (next tea.Cmd, away *common.Exit) {
	m.flow = nil
	id := e.ID
	if e.Session != nil {
		id = e.Session.ID
	}
	if e.ReadOnly == "" {
		sess, note, gone := m.edit(e.Session, id)
		if gone != "" {
			return nil, &common.Exit{To: common.Home, Note: gone}
		}
		e.ReadOnly = note
		if sess != e.Session {
			e.Session, m.session = sess, nil // what is on disk now
		}
	}
	if e.ReadOnly != "" {
		m.holdOnly("")
		e.Session, m.session = nil, nil
	}
	if e.Session == nil || m.session == nil || !m.session.Shows(e.Session.ID) {
		back := from
		if back != common.History {
			back = common.Home
		}
		m.session = session.New(m.deps, e, back)
	} else {
		m.session.Changed() // back from editing an answer
	}
	m.resize()
	return m.session.Init(m.renderKey()), nil
}

// openRound starts or carries on a practice round on e's question, or,
// when another copy has that round open, stays on the queue and says so.
func (m *Model) openRound(e common.Exit) tea.Cmd {
	start := m.practice.RoundOf(*e.Question)
	entry, note := m.editRound(start.Prev, *e.Question, start.Timer)
	if note != "" {
		m.round = nil
		m.page = common.Practice
		m.practice.Note(note)
		m.practice.Refresh()
		return nil
	}
	m.lastSaved = time.Time{}
	m.round = round.New(m.deps, start, entry, m.renderKey())
	m.resize()
	return m.round.Init()
}
