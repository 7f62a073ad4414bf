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
// command (often a save), runs before anything that reads the store. The
// flow, a session's page and a round open once their lock is back (see
// lock): the screen left stays on show until then.
func (m *Model) open(e common.Exit, cmd tea.Cmd) tea.Cmd {
	from := m.page
	m.page, m.chrome = e.To, ""
	var next tea.Cmd
	switch e.To {
	case common.Home:
		next = m.holdOnly("")
		m.flow, m.summary, m.history, m.session, m.insights = nil, nil, nil, nil, nil
		m.practice, m.round = nil, nil
		m.home.Note(e.Note)
		next = tea.Batch(next, m.home.Load())
	case common.Flow:
		m.page = from
		next = m.lock(lockedMsg{e: e, from: from}, m.keep(e.Session), func(store *coach.Store) locked {
			return editSession(store, e.Session, e.Session.ID)
		})
	case common.Summary:
		m.summary = summary.New(m.deps, m.flow.Session(), m.saveErr)
		m.flow = nil
		m.resize()
		next = m.renderDocs()
	case common.History:
		next = m.holdOnly("")
		m.flow, m.session = nil, nil
		if m.history == nil {
			m.history = history.New(m.deps)
		}
		m.history.Note(e.Note)
		next = tea.Batch(next, m.history.Load())
	case common.Session:
		m.page = from
		next = m.openSession(e, from)
	case common.Insights:
		next = m.holdOnly("")
		m.insights = insights.New(m.deps)
		next = tea.Batch(next, m.insights.Load())
	case common.Practice:
		next = m.holdOnly("")
		m.round = nil
		if m.practice == nil {
			m.practice = practice.New(m.deps, "", m.deps.Timer)
			next = tea.Batch(next, m.practice.Load())
		} else {
			m.practice.Refresh()
		}
	case common.Round:
		m.page = from
		start, q, now := m.practice.RoundOf(*e.Question), *e.Question, m.deps.Now()
		next = m.lock(lockedMsg{e: e, from: from, start: start}, "", func(store *coach.Store) locked {
			return editRound(store, start.Prev, q, start.Timer, now)
		})
	case common.Stay:
		m.page = from
	}
	m.resize()
	return tea.Sequence(cmd, next)
}

// keep is the lock held now that opening sess goes on holding: its own,
// when it is the session this window holds (the flow, its summary and its
// page hand one session from one to the next).
func (m *Model) keep(sess *coach.Session) string {
	if sess != nil && sess.ID == m.held {
		return m.held
	}
	return ""
}

// showFlow opens the flow on the session a lock came back for, or goes
// where it must instead: home when its file has gone, its page when
// another copy has it open or nothing is left to ask.
func (m *Model) showFlow(e common.Exit, got locked) tea.Cmd {
	switch {
	case got.gone != "":
		return m.open(common.Exit{To: common.Home, Note: got.gone}, nil)
	case got.note != "":
		return m.open(common.Exit{To: common.Session, ID: e.Session.ID, ReadOnly: got.note}, nil)
	}
	sess := got.session
	if e.Deeper {
		if _, ok := coach.GoDeeper(m.deps.Flow, sess, m.deps.Now()); !ok {
			return m.open(common.Exit{To: common.Session, ID: sess.ID, Note: "nothing left to ask in this session"}, nil)
		}
	}
	m.page, m.chrome = common.Flow, ""
	m.lastSaved = time.Time{} // "saved 15:04" is about this session only
	m.flow = flow.New(m.deps, sess, e.Prompt)
	m.resize()
	next := tea.Batch(m.flow.Init(), m.renderTips())
	if sess.IsEmpty() {
		next = tea.Batch(next, flow.LastPlan(m.deps.Store, sess.ID))
	}
	return next
}

// openSession opens the page of e's session: for changes once its lock is
// back, unless e says it is read-only.
func (m *Model) openSession(e common.Exit, from common.Page) tea.Cmd {
	if e.ReadOnly != "" {
		release := m.holdOnly("")
		return tea.Batch(release, m.showSession(e, from, locked{note: e.ReadOnly}))
	}
	id := e.ID
	if e.Session != nil {
		id = e.Session.ID
	}
	return m.lock(lockedMsg{e: e, from: from}, m.keep(e.Session), func(store *coach.Store) locked {
		return editSession(store, e.Session, id)
	})
}

// showSession shows the page of e's session as the lock found it (got):
// read-only when got says why, or home when its file has gone. from is the
// screen left, where esc goes back to (Past sessions or home).
func (m *Model) showSession(e common.Exit, from common.Page, got locked) tea.Cmd {
	if got.gone != "" {
		return m.open(common.Exit{To: common.Home, Note: got.gone}, nil)
	}
	m.page, m.chrome, m.flow = common.Session, "", nil
	e.ReadOnly = got.note
	if got.session != e.Session {
		e.Session, m.session = got.session, nil // what is on disk now
	}
	if e.ReadOnly != "" {
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
	return m.session.Init(m.renderKey())
}

// showRound starts or carries on a practice round as its lock found it, or,
// when another copy has that round open, stays on the queue and says so.
func (m *Model) showRound(start common.RoundStart, got locked) tea.Cmd {
	if got.note != "" {
		m.round = nil
		m.page = common.Practice
		m.practice.Note(got.note)
		m.practice.Refresh()
		return nil
	}
	m.page, m.chrome = common.Round, ""
	m.lastSaved = time.Time{}
	m.round = round.New(m.deps, start, got.round, m.renderKey())
	m.resize()
	return m.round.Init()
}
