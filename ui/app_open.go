package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
)

// follow goes where the current screen asked to go, if anywhere; cmd is what
// its Update returned (a save, when leaving the flow).
func (m *Model) follow(cmd tea.Cmd) tea.Cmd {
	if e := m.current().leave(); e.to != stay {
		return m.open(e, cmd)
	}
	return cmd
}

// open switches to the screen an exit names. cmd, the leaving screen's last
// command (often a save), runs before anything that reads the store.
func (m *Model) open(e exit, cmd tea.Cmd) tea.Cmd {
	from := m.page
	m.page, m.chrome = e.to, ""
	var next tea.Cmd
	switch e.to {
	case homePage:
		m.holdOnly("")
		m.flow, m.summary, m.history, m.session, m.insights = nil, nil, nil, nil, nil
		m.practice, m.round = nil, nil
		m.home.Note(e.note)
		next = m.home.load()
	case flowPage:
		var away *exit
		if next, away = m.openFlow(e); away != nil {
			m.page = from
			return m.open(*away, cmd)
		}
	case summaryPage:
		m.summary = newSummaryScreen(m.deps, m.flow.session(), m.saveErr)
		m.flow = nil
		m.resize()
		next = m.renderDocs()
	case historyPage:
		m.holdOnly("")
		m.flow, m.session = nil, nil
		if m.history == nil {
			m.history = newHistoryScreen(m.deps)
		}
		m.history.Note(e.note)
		next = m.history.load()
	case sessionPage:
		var away *exit
		if next, away = m.openSession(e, from); away != nil {
			m.page = from
			return m.open(*away, cmd)
		}
	case insightsPage:
		m.holdOnly("")
		m.insights = newInsightsScreen(m.deps)
		next = m.insights.load()
	case practicePage:
		m.holdOnly("")
		m.round = nil
		if m.practice == nil {
			m.practice = newPracticeScreen(m.deps, "", m.deps.timer)
			next = m.practice.load()
		} else {
			m.practice.refresh()
		}
	case roundPage:
		next = m.openRound(e)
	case stay:
		m.page = from
	}
	m.resize()
	return tea.Sequence(cmd, next)
}

// openFlow opens the flow on e's session, or says where to go instead
// (away): home when its file has gone, its page when another copy has it
// open or nothing is left to ask.
func (m *Model) openFlow(e exit) (next tea.Cmd, away *exit) {
	sess, note, gone := m.edit(e.session, e.session.ID)
	switch {
	case gone != "":
		return nil, &exit{to: homePage, note: gone}
	case note != "":
		return nil, &exit{to: sessionPage, id: e.session.ID, readOnly: note}
	}
	if e.deeper {
		if _, ok := coach.GoDeeper(m.deps.flow, sess, m.deps.now()); !ok {
			return nil, &exit{to: sessionPage, id: sess.ID, note: "nothing left to ask in this session"}
		}
	}
	m.lastSaved = time.Time{} // "saved 15:04" is about this session only
	m.flow = newFlowScreen(m.deps, sess, e.prompt)
	next = tea.Batch(m.flow.Init(), m.renderTips())
	if sess.IsEmpty() {
		next = tea.Batch(next, lastPlan(m.deps.store, sess.ID))
	}
	return next, nil
}

// openSession opens the page of e's session, for changes unless e says it
// is read-only or the lock says so; away is home when its file has gone.
// from is the screen left, where esc goes back to (Past sessions or home).
func (m *Model) openSession(e exit, from page) (next tea.Cmd, away *exit) {
	m.flow = nil
	id := e.id
	if e.session != nil {
		id = e.session.ID
	}
	if e.readOnly == "" {
		sess, note, gone := m.edit(e.session, id)
		if gone != "" {
			return nil, &exit{to: homePage, note: gone}
		}
		e.readOnly = note
		if sess != e.session {
			e.session, m.session = sess, nil // what is on disk now
		}
	}
	if e.readOnly != "" {
		m.holdOnly("")
		e.session, m.session = nil, nil
	}
	if e.session == nil || m.session == nil || !m.session.shows(e.session.ID) {
		back := from
		if back != historyPage {
			back = homePage
		}
		m.session = newSessionScreen(m.deps, e, back)
	} else {
		m.session.changed() // back from editing an answer
	}
	m.resize()
	return m.session.Init(m.renderKey()), nil
}

// openRound starts or carries on a practice round on e's question, or,
// when another copy has that round open, stays on the queue and says so.
func (m *Model) openRound(e exit) tea.Cmd {
	start := m.practice.roundOf(*e.question)
	entry, note := m.editRound(start.prev, *e.question, start.timer)
	if note != "" {
		m.round = nil
		m.page = practicePage
		m.practice.Note(note)
		m.practice.refresh()
		return nil
	}
	m.lastSaved = time.Time{}
	m.round = newRoundScreen(m.deps, start, entry, m.renderKey())
	m.resize()
	return m.round.Init()
}
