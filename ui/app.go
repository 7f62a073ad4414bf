// Package ui is rebound's terminal interface: a root model that routes
// between the home, flow and summary screens, each a model of its own.
package ui

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
)

// Minimum comfortable size; below it the app shows one "too small" line.
const (
	MinWidth  = 60
	MinHeight = 20
)

// Options is what main hands the interface.
type Options struct {
	Store *coach.Store
	Flow  *content.Flow
	// Now is the clock; tests fix it.
	Now func() time.Time
	// NewSession starts straight in a new session instead of on home.
	NewSession bool
	// Theme is the colours: auto follows the terminal's background; dark
	// and light ignore it; none has no colour (see ParseTheme).
	Theme theme.Theme
	// DraftDelay is how long typing must pause before an unfinished answer
	// is saved as a draft; zero means DefaultDraftDelay, negative never.
	DraftDelay time.Duration
	// Bank is the practice question bank and the self-review rubric.
	Bank *content.Bank
	// Practice starts on the practice queue instead of on home, narrowed to
	// PracticeTag when that is set.
	Practice    bool
	PracticeTag string
	// Timer is a practice round's countdown: zero means DefaultTimer,
	// negative no timer.
	Timer time.Duration
	// Clock schedules the countdown's ticks; nil is the real clock. Tests
	// pass one they drive.
	Clock countdown.Clock
}

// DefaultDraftDelay bounds what a crash can lose: at most the typing of the
// last moment before it.
const DefaultDraftDelay = 800 * time.Millisecond

// deps is what every screen shares, given once. The root changes it, except
// the help model, whose full view the focused screen toggles.
type deps struct {
	flow   *content.Flow
	store  *coach.Store
	styles theme.Styles
	keys   keys.KeyMap
	help   help.Model
	now    func() time.Time
	// tips are the steps' tips rendered for the current width and theme.
	tips       map[string]string
	draftDelay time.Duration
	// unsaved holds, by ID, sessions whose last save failed: they stay
	// resumable from home, and main prints them on quit.
	unsaved map[string]*coach.Session
	// unsavedPractice is the same for practice rounds.
	unsavedPractice map[string]*coach.Practice
	// saving holds, by ID, what has a save still running: a quit that comes
	// before the save (esc, then q straight away) writes it synchronously,
	// since a command still running when the program ends never finishes.
	saving map[string]*inflight

	bank  *content.Bank
	timer time.Duration // a round's countdown; 0 is none
	clock countdown.Clock

	// settings are the data dir's (the name that signs the letters), read
	// at start; settingsErr is why they cannot be read or kept, and then
	// they are never written.
	settings    coach.Settings
	settingsErr error
}

// checkedMsg reports whether the data dir can be written, checked at start.
type checkedMsg struct{ err error }

// savedMsg reports a finished save of session (the live one, not the
// snapshot written), so that a failed save can keep it in memory.
type savedMsg struct {
	id      string
	session *coach.Session
	err     error
	at      time.Time
}

// savePractice returns a command that writes a snapshot of a practice
// round, as save does for a session. A round with nothing in it is not saved.
func (d *deps) savePractice(p *coach.Practice) tea.Cmd {
	if p.IsEmpty() {
		return nil
	}
	d.started(coach.PracticeKey(p.ID), &inflight{practice: p})
	snap, store, at := p.Clone(), d.store, d.now()
	return func() tea.Msg {
		return practiceSavedMsg{entry: p, err: store.SavePractice(snap), at: at}
	}
}

// inflight is a session or a practice round with saves running, and how
// many.
type inflight struct {
	n        int
	session  *coach.Session
	practice *coach.Practice
}

func (d *deps) started(id string, f *inflight) {
	if cur := d.saving[id]; cur != nil {
		f.n = cur.n
	}
	f.n++
	d.saving[id] = f
}

// finished is called as each save reports back.
func (d *deps) finished(id string) {
	if f := d.saving[id]; f != nil {
		if f.n--; f.n <= 0 {
			delete(d.saving, id)
		}
	}
}

// save returns a command that writes a snapshot of the session. The snapshot
// is taken now, so later changes cannot race with the write; the store drops
// a snapshot older than one already written. An untouched new session is not
// saved: opening and leaving at once leaves no file behind.
func (d *deps) save(s *coach.Session) tea.Cmd {
	if s.IsEmpty() {
		return nil
	}
	d.started(s.ID, &inflight{session: s})
	snap, store, at := s.Clone(), d.store, d.now()
	return func() tea.Msg {
		err := store.Save(snap)
		return savedMsg{id: snap.ID, session: s, err: err, at: at}
	}
}

type page int

const (
	stay page = iota // the zero exit: no change of screen
	homePage
	flowPage
	summaryPage
	historyPage
	sessionPage
	insightsPage
	practicePage
	roundPage
)

// exit is where a screen asks the root to go next. The root acts on it in
// the same Update, so keys typed straight after reach the new screen.
type exit struct {
	to page
	// session is the session to walk (flowPage) or show (sessionPage); id
	// names one to load for sessionPage instead.
	session *coach.Session
	id      string
	// prompt, with flowPage, edits that one answer and comes back.
	prompt string
	// deeper, with flowPage, walks the rest of a complete ten-minute
	// session: the session as it is on disk once locked, not as listed.
	deeper bool
	// panel opens the session page on a panel: the feedback form, or the
	// actions with action (an index) selected.
	panel  panel
	action int
	// note is shown in the header on arrival: "moved to the trash".
	note string
	// question is the question of a practice round (roundPage).
	question *coach.Question
	// readOnly opens the session page without the keys that change it,
	// with this sentence saying why (another copy of rebound has the
	// session open, or it cannot be locked).
	readOnly string
}

// screen is what the root asks of each page.
type screen interface {
	Update(tea.Msg) tea.Cmd
	View() string
	Title() string
	// Status is a short note for the right of the header ("copied").
	Status() string
	SetSize(w, h int)
	// leave returns, once, where the screen asked to go.
	leave() exit
	help.KeyMap
}

// exits is embedded by screens: goTo says where to, leave hands it over.
type exits struct{ next exit }

func (e *exits) goTo(x exit) { e.next = x }

func (e *exits) leave() exit {
	x := e.next
	e.next = exit{}
	return x
}

// Model is the root model.
type Model struct {
	deps     *deps
	page     page
	home     *homeScreen
	flow     *flowScreen
	summary  *summaryScreen
	history  *historyScreen
	session  *sessionScreen
	insights *insightsScreen
	practice *practiceScreen
	round    *roundScreen

	width, height int
	theme         theme.Theme // as asked for: auto follows the terminal
	isDark        bool
	tipsKey       markdown.Key // the key the current tips were rendered for
	saveErr       error
	lastSaved     time.Time
	chrome        string // what the screen sizes were computed for
	// held is the session whose lock this copy holds: the one open in the
	// flow, the summary or the session page (see coach/lock.go).
	held string
}

// New builds the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.DraftDelay == 0 {
		o.DraftDelay = DefaultDraftDelay
	}
	switch {
	case o.Timer == 0:
		o.Timer = countdown.Default
	case o.Timer < 0:
		o.Timer = 0
	}
	if o.Clock == nil {
		o.Clock = countdown.RealClock
	}
	d := &deps{
		flow:   o.Flow,
		store:  o.Store,
		styles: theme.NewStyles(true, false), // applyTheme sets the theme's
		keys:   keys.Default(),
		help:   help.New(),
		now:    o.Now,
		tips:   map[string]string{},

		unsaved:         map[string]*coach.Session{},
		unsavedPractice: map[string]*coach.Practice{},
		saving:          map[string]*inflight{},
		bank:            o.Bank,
		timer:           o.Timer,
		clock:           o.Clock,

		draftDelay: o.DraftDelay,
	}
	// Dark until the terminal answers: most terminals are dark, and one
	// that never answers is most often an old dark one.
	m := &Model{deps: d, theme: o.Theme, isDark: o.Theme != theme.Light, page: homePage}
	m.home = newHomeScreen(d)
	m.applyTheme()
	switch {
	case o.NewSession:
		m.open(exit{to: flowPage, session: coach.NewSession(o.Now())}, nil)
	case o.Practice:
		m.practice = newPracticeScreen(d, o.PracticeTag, d.timer)
		m.page = practicePage
	}
	return m
}

// Init asks the terminal for its background colour, unless the theme is
// chosen, and loads the sessions.
func (m *Model) Init() tea.Cmd {
	store := m.deps.store
	check := func() tea.Msg {
		store.Tidy() // what crashed copies left: temp files, lock files
		return checkedMsg{store.Check()}
	}
	cmds := []tea.Cmd{check, m.home.load(), loadSettings(store.Dir())}
	if !m.theme.Forced() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.practice != nil {
		cmds = append(cmds, m.practice.load())
	}
	if m.flow != nil {
		cmds = append(cmds, m.flow.Init())
	}
	return tea.Batch(cmds...)
}

func (m *Model) current() screen {
	switch m.page {
	case flowPage:
		return m.flow
	case summaryPage:
		return m.summary
	case historyPage:
		return m.history
	case sessionPage:
		return m.session
	case insightsPage:
		return m.insights
	case practicePage:
		return m.practice
	case roundPage:
		return m.round
	}
	return m.home
}

// Update routes: global keys and messages first, then the current screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.resize()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		if m.tooSmall() {
			return nil // nothing rendered would show: the next size that fits renders
		}
		return tea.Batch(m.renderTips(), m.renderDocs())
	case tea.BackgroundColorMsg:
		// A chosen theme is kept: it is chosen because the terminal's
		// answer is wrong, or to have no colour.
		if dark := msg.IsDark(); !m.theme.Forced() && dark != m.isDark {
			m.isDark = dark
			m.applyTheme()
			return tea.Batch(m.renderTips(), m.renderDocs())
		}
		return nil
	case markdown.TipsMsg:
		if msg.Key != m.tipsKey {
			return nil // rendered for a width or theme we have left
		}
		if msg.Err != nil {
			m.tipsKey = markdown.Key{} // try again at the next resize
		}
		m.deps.tips = msg.Tips
		if m.flow != nil {
			m.flow.setTips()
			m.flow.layout()
		}
		return nil
	case settingsMsg:
		if msg.err != nil {
			m.deps.settingsErr = msg.err
			if msg.saved && m.flow != nil {
				m.flow.status = "your name signs today's letters, but settings.json could not keep it"
			}
			return nil
		}
		if !msg.saved {
			m.deps.settings = msg.settings
		}
		return nil
	case checkedMsg:
		if msg.err != nil && m.saveErr == nil {
			m.saveErr = msg.err
		}
		return nil
	case savedMsg:
		m.deps.finished(msg.id)
		if msg.id != m.held && m.deps.saving[msg.id] == nil {
			m.deps.store.Unlock(msg.id) // its last save has landed
		}
		if msg.err != nil {
			m.saveErr = msg.err
			m.deps.unsaved[msg.id] = msg.session
		} else {
			m.saveErr, m.lastSaved = nil, msg.at
			delete(m.deps.unsaved, msg.id)
		}
		if m.flow != nil && m.flow.askedSave && msg.id == m.flow.session().ID {
			m.flow.askedSave = false
			if msg.err == nil {
				m.flow.status = "saved"
			}
		}
		if m.summary != nil {
			m.summary.saveErr = m.saveErr
		}
		return nil
	case practiceSavedMsg:
		key := coach.PracticeKey(msg.entry.ID)
		m.deps.finished(key)
		if key != m.held && m.deps.saving[key] == nil {
			m.deps.store.Unlock(key) // its last save has landed
		}
		if msg.err != nil {
			m.saveErr = msg.err
			m.deps.unsavedPractice[msg.entry.ID] = msg.entry
			return nil
		}
		m.saveErr = nil
		delete(m.deps.unsavedPractice, msg.entry.ID)
		if m.round != nil && m.round.entry.ID == msg.entry.ID {
			m.lastSaved = msg.at // "saved 15:04" is about the round on screen only
		}
		return nil
	case tea.SuspendMsg, tea.ResumeMsg:
		// Bubble Tea hands Update SuspendMsg once the process is back (at
		// once where it cannot suspend), then sends ResumeMsg, and draws
		// the whole screen again itself. Either carries on the countdown
		// that ctrl+z paused.
		if c := m.countdown(); c != nil {
			return c.Resume()
		}
		return nil
	case practiceLoadedMsg:
		if m.practice != nil {
			return m.practice.Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case m.page == homePage && key.Matches(msg, m.deps.keys.Enter):
			return m.follow(m.home.choose())
		case key.Matches(msg, m.deps.keys.Quit):
			return tea.Sequence(m.saveNow(), tea.Quit)
		case key.Matches(msg, m.deps.keys.Suspend):
			// The save runs to its end before tea.Suspend: the answer is on
			// disk before the process stops.
			if c := m.countdown(); c != nil {
				c.Suspend()
			}
			return tea.Sequence(m.saveNow(), tea.Suspend)
		}
	}
	return m.follow(m.current().Update(msg))
}

// countdown is the countdown of the screen on show, a practice round's or
// a timed prompt's, or nil: ctrl+z pauses it for the time away.
func (m *Model) countdown() *countdown.Model {
	switch {
	case m.page == roundPage && m.round != nil:
		return &m.round.clock
	case m.page == flowPage && m.flow != nil:
		return &m.flow.clock
	}
	return nil
}

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
		m.home.status = e.note
		next = m.home.load()
	case flowPage:
		sess, note, gone := m.edit(e.session, e.session.ID)
		switch {
		case gone != "":
			m.page = from
			return m.open(exit{to: homePage, note: gone}, cmd)
		case note != "":
			m.page = from
			return m.open(exit{to: sessionPage, id: e.session.ID, readOnly: note}, cmd)
		}
		if e.deeper {
			if _, ok := coach.GoDeeper(m.deps.flow, sess, m.deps.now()); !ok {
				m.page = from
				return m.open(exit{to: sessionPage, id: sess.ID, note: "nothing left to ask in this session"}, cmd)
			}
		}
		m.lastSaved = time.Time{} // "saved 15:04" is about this session only
		m.flow = newFlowScreen(m.deps, sess, e.prompt)
		next = tea.Batch(m.flow.Init(), m.renderTips())
		if sess.IsEmpty() {
			next = tea.Batch(next, lastPlan(m.deps.store, sess.ID))
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
		m.history.status = e.note
		next = m.history.load()
	case sessionPage:
		m.flow = nil
		id := e.id
		if e.session != nil {
			id = e.session.ID
		}
		if e.readOnly == "" {
			sess, note, gone := m.edit(e.session, id)
			if gone != "" {
				m.page = from
				return m.open(exit{to: homePage, note: gone}, cmd)
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
		if e.session == nil || m.session == nil || m.session.id != e.session.ID {
			back := from
			if back != historyPage {
				back = homePage
			}
			m.session = newSessionScreen(m.deps, e, back)
		} else {
			m.session.changed() // back from editing an answer
		}
		m.resize()
		next = m.session.Init(m.renderKey())
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
		prev := m.practice.data.unfinished[e.question.Key]
		entry, note := m.editRound(prev, *e.question, m.practice.timer)
		if note != "" {
			m.round = nil
			m.page = practicePage
			m.practice.notice = note
			m.practice.refresh()
			break
		}
		m.lastSaved = time.Time{}
		m.round = newRoundScreen(m.deps, m.practice.data, entry, prev != nil, m.practice.tag)
		m.round.hintKey = m.renderKey()
		m.resize()
		next = m.round.Init()
	case stay:
		m.page = from
	}
	m.resize()
	return tea.Sequence(cmd, next)
}

// holdOnly makes key (a session ID, or coach.PracticeKey of a round) the one this
// window holds the lock of, letting go of the one it held before once its
// last save has landed, so that another copy never reads it before that
// save. It takes no new lock: edit and editRound do.
func (m *Model) holdOnly(key string) {
	if old := m.held; old != key {
		m.held = ""
		if old != "" && m.deps.saving[old] == nil {
			m.deps.store.Unlock(old)
		}
	}
	m.held = key
}

// edit opens session id for changes: sess itself when this window holds it
// already or it is new, or else the copy on disk at this moment (taking the
// lock and reading the file are one step, coach.Store.Edit). Otherwise note
// is why it is read-only here, or gone why it cannot be shown at all (its
// file has gone since home or Past sessions listed it).
func (m *Model) edit(sess *coach.Session, id string) (edited *coach.Session, note, gone string) {
	store := m.deps.store
	if sess != nil && store.Holds(sess) {
		m.holdOnly(id)
		return sess, "", ""
	}
	m.holdOnly("")
	if sess != nil {
		switch err := store.Claim(sess); {
		case err == nil:
			m.holdOnly(id)
			return sess, "", ""
		case errors.Is(err, coach.ErrGone):
			return nil, "", goneNote(err)
		case !errors.Is(err, coach.ErrExists):
			// A new session that cannot be locked (no data directory, or
			// no locks folder): it goes on in memory, and the banner says
			// why; on quit it is handed over.
			m.saveErr = err
			return sess, "", ""
		}
	}
	sess, err := store.Edit(id)
	if err == nil {
		m.holdOnly(id)
		return sess, "", ""
	}
	if note := coach.ReadOnly(err); note != "" {
		return nil, note, ""
	}
	return nil, "", goneNote(err)
}

// goneNote says why a session listed a moment ago cannot be opened.
func goneNote(err error) string {
	if errors.Is(err, coach.ErrGone) || errors.Is(err, fs.ErrNotExist) {
		return "That session is no longer on disk (deleted or moved away meanwhile)."
	}
	return "That session cannot be opened: " + coach.Inert(reason(err)) + "."
}

// editRound opens a practice round for changes: the unfinished round on q
// as it is on disk now, or a new one. note, when it cannot be, says why.
func (m *Model) editRound(prev *coach.Practice, q coach.Question, timer time.Duration) (*coach.Practice, string) {
	store := m.deps.store
	m.holdOnly("")
	if prev == nil {
		entry := coach.NewPractice(q, timer, m.deps.now())
		if err := store.ClaimPractice(entry); err != nil {
			if note := coach.ReadOnly(err); note != "" {
				return nil, note
			}
			m.saveErr = err // no data directory: the round goes on in memory
			return entry, ""
		}
		m.holdOnly(coach.PracticeKey(entry.ID))
		return entry, ""
	}
	entry, err := store.EditPractice(prev.ID)
	if err != nil {
		if note := coach.ReadOnly(err); note != "" {
			return nil, note
		}
		return nil, "That round cannot be carried on: " + coach.Inert(reason(err)) + "."
	}
	m.holdOnly(coach.PracticeKey(entry.ID))
	return entry, ""
}

// ExitFilter is a tea.WithFilter: when the program is about to end for any
// reason (a quit key, SIGTERM, SIGINT, a hung-up terminal), it writes the
// session on screen, unfinished answer included, before the program stops.
// The write is synchronous on purpose: no command runs after the quit. It
// does the same just before a suspend (ctrl+z), since a stopped process may
// never be continued: the shell can exit, or kill -9 it.
func ExitFilter(model tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg, tea.SuspendMsg:
		if m, ok := model.(*Model); ok {
			m.saveBeforeExit()
		}
	}
	return msg
}

func (m *Model) saveBeforeExit() {
	sessions := map[string]*coach.Session{}
	rounds := map[string]*coach.Practice{}
	for id, f := range m.deps.saving {
		if f.session != nil {
			sessions[id] = f.session
		} else {
			rounds[id] = f.practice
		}
	}
	if p := m.pendingPractice(); p != nil {
		rounds[coach.PracticeKey(p.ID)] = p
	}
	if s := m.pending(); s != nil {
		sessions[s.ID] = s
	}
	// The store drops a snapshot older than one already written, so one
	// whose save did finish after all is not written back over it.
	for _, p := range rounds {
		if p.IsEmpty() {
			continue
		}
		if err := m.deps.store.SavePractice(p.Clone()); err != nil {
			m.deps.unsavedPractice[p.ID] = p
		}
	}
	for _, s := range sessions {
		if s.IsEmpty() {
			continue
		}
		if err := m.deps.store.Save(s.Clone()); err != nil {
			m.deps.unsaved[s.ID] = s
		}
	}
}

// pendingPractice is the practice round on screen, with what is typed in
// it, or nil.
func (m *Model) pendingPractice() *coach.Practice {
	if m.page == roundPage {
		return m.round.pending()
	}
	return nil
}

// pending keeps what is typed but not yet stored (an unfinished answer, a
// feedback form) in the session on screen, and returns that session: the
// one to save before a quit or a suspend. It is nil on screens that hold no
// session.
func (m *Model) pending() *coach.Session {
	switch m.page {
	case flowPage:
		m.flow.captureDraft()
		return m.flow.session()
	case sessionPage:
		return m.session.capture()
	}
	return nil
}

// Unsaved returns the sessions whose last save failed, so that main can hand
// them to the user instead of losing them.
func (m *Model) Unsaved() []*coach.Session {
	var out []*coach.Session
	for _, s := range m.deps.unsaved {
		if !s.IsEmpty() {
			out = append(out, s)
		}
	}
	return out
}

// UnsavedPractice returns the practice rounds whose last save failed.
func (m *Model) UnsavedPractice() []*coach.Practice {
	var out []*coach.Practice
	for _, p := range m.deps.unsavedPractice {
		if !p.IsEmpty() {
			out = append(out, p)
		}
	}
	return out
}

// saveNow keeps the unfinished answer as a draft and saves, before a quit or
// a suspend.
func (m *Model) saveNow() tea.Cmd {
	if p := m.pendingPractice(); p != nil {
		if m.saveErr != nil {
			m.deps.unsavedPractice[p.ID] = p
		}
		return m.deps.savePractice(p)
	}
	s := m.pending()
	if s == nil {
		return nil
	}
	if m.saveErr != nil { // likely to fail again: keep it in memory now
		m.deps.unsaved[s.ID] = s
	}
	return m.deps.save(s)
}

func (m *Model) applyTheme() {
	m.deps.styles = theme.NewStyles(m.isDark, m.theme == theme.None)
	m.deps.help.Styles = m.deps.styles.Help
	// The lists copied their styles when made: give them the new ones.
	if m.history != nil {
		styleList(&m.history.list, &m.deps.styles, true)
	}
	if m.practice != nil {
		styleList(&m.practice.list, &m.deps.styles, false)
	}
}

// renderTips starts rendering the tips for the current width and theme,
// unless they are rendered already or no session is open to show them: a
// resize on any other screen costs no Glamour render.
func (m *Model) renderTips() tea.Cmd {
	k := m.renderKey()
	if m.flow == nil || k == m.tipsKey || k.Width < 1 {
		return nil
	}
	m.tipsKey = k
	md := map[string]string{}
	for _, s := range m.deps.flow.Sections {
		if s.Tip != "" {
			md[s.ID] = s.Tip
		}
	}
	return markdown.Tips(k, md)
}

// renderDocs renders, for the current width and theme, the screens that
// show a Glamour document.
func (m *Model) renderDocs() tea.Cmd {
	var cmds []tea.Cmd
	if m.summary != nil {
		cmds = append(cmds, m.summary.render(m.renderKey()))
	}
	if m.session != nil {
		cmds = append(cmds, m.session.render(m.renderKey()))
	}
	if m.insights != nil {
		m.insights.redraw()
	}
	if m.round != nil {
		cmds = append(cmds, m.round.render(m.renderKey()))
	}
	return tea.Batch(cmds...)
}

// renderKey is what a Glamour render for the current screen depends on.
// Text is never wider than MaxTextWidth, so widening a wide terminal
// renders nothing again.
func (m *Model) renderKey() markdown.Key {
	return markdown.Key{Width: min(m.contentWidth(), theme.MaxTextWidth), Dark: m.isDark, NoColor: m.deps.styles.NoColor}
}

// tooSmall reports whether the terminal is below the minimum size, where
// the whole view is one "too small" line.
func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// contentWidth is the width inside the one-column margin on each side.
func (m *Model) contentWidth() int { return m.width - 2 }

// resize gives the current screen the room left by the header, the save
// error and the help footer, when any of them changed.
func (m *Model) resize() {
	if m.tooSmall() {
		return // only the "too small" line shows: the screens keep their last size
	}
	banner := m.banner()
	chrome := strings.Join([]string{strconv.Itoa(m.width), strconv.Itoa(m.height), strconv.Itoa(int(m.page)), banner,
		m.deps.help.View(m.current())}, "|")
	if chrome == m.chrome {
		return
	}
	m.chrome = chrome
	m.deps.help.SetWidth(m.contentWidth())
	h := m.height - 2 - lipgloss.Height(m.footer())
	if banner != "" {
		h -= lipgloss.Height(banner)
	}
	m.current().SetSize(m.contentWidth(), max(0, h))
}

// banner is the one sentence shown while saving fails.
func (m *Model) banner() string {
	if m.saveErr == nil {
		return ""
	}
	then := "your answers are kept in memory for now, and the summary can copy them as markdown."
	if m.page == practicePage || m.page == roundPage {
		then = "your practice is kept in memory for now, and printed when you quit so you can keep it."
	}
	return m.deps.styles.Error.Width(max(1, m.contentWidth())).Render(saveProblem(m.deps.store.Dir(), m.saveErr, then))
}

// saveProblem says in one sentence why saving failed and, in then, what
// happens now. Without a data directory at all, the reason says why.
func saveProblem(dir string, err error, then string) string {
	if dir == "" {
		return coach.Inert("Can't save: " + strings.TrimSuffix(reason(err), ".") + "; " + then)
	}
	return coach.Inert("Can't save to " + dir + " (" + reason(err) + "): " + then)
}

// reason is the heart of a file error, "permission denied", without the
// path and operation the sentence around it already gives.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (m *Model) footer() string {
	return m.deps.help.View(m.current())
}

// View draws the current screen under a header with the progress line.
func (m *Model) View() tea.View {
	v := tea.NewView(m.view())
	v.AltScreen = true
	v.WindowTitle = "rebound"
	return v
}

func (m *Model) view() string {
	if m.tooSmall() {
		return tooSmall(m.width, m.height)
	}
	st := &m.deps.styles
	header := st.Title.Render("rebound")
	if t := m.current().Title(); t != "" {
		header += st.Muted.Render(" · ") + st.Progress.Render(t)
	}
	note := m.current().Status()
	if note == "" && (m.page == flowPage || m.page == roundPage) && !m.lastSaved.IsZero() && m.saveErr == nil {
		note = "saved " + m.lastSaved.Local().Format("15:04")
	}
	if note != "" {
		note = st.Status.Render(note)
		if gap := m.contentWidth() - lipgloss.Width(header) - lipgloss.Width(note); gap > 1 {
			header += strings.Repeat(" ", gap) + note
		}
	}
	body := header + "\n\n" + m.current().View()
	if b := m.banner(); b != "" {
		body += "\n" + b
	}
	return fitScreen(body, m.footer(), m.width, m.height)
}

// fitScreen pads the body so the footer sits on the bottom row, indents
// every line by one column and cuts anything that would overflow. It works
// line by line: a lipgloss render of the whole screen on every frame costs
// more than the rest of the frame.
func fitScreen(body, footer string, w, h int) string {
	foot := strings.Split(footer, "\n")
	lines := strings.Split(body, "\n")
	room := max(0, h-len(foot))
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		l = " " + l
		if len(l) > w && ansi.StringWidth(l) > w { // byte length bounds the width
			l = ansi.Truncate(l, w, "")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// tooSmall is the whole view below the minimum size: the longest wording
// that fits in h rows once wrapped, down to "Too small", cut to the terminal.
func tooSmall(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	need := strconv.Itoa(MinWidth) + "×" + strconv.Itoa(MinHeight)
	var lines []string
	for _, msg := range []string{
		"Terminal too small: rebound needs " + need + ", this is " + strconv.Itoa(w) + "×" + strconv.Itoa(h) + ".",
		"Terminal too small: needs " + need + ".",
		"Too small",
	} {
		lines = strings.Split(lipgloss.Wrap(msg, w, " "), "\n")
		if len(lines) <= h {
			break
		}
	}
	lines = lines[:min(len(lines), h)]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
