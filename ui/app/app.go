// Package app is rebound's terminal interface: the one tea.Model. It routes
// between the pages (ui/pages/<screen>), saves what they hand it, draws the
// header and footer around them, and holds the lock of what is open.
package app

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/pages/flow"
	"github.com/rebound-coach/rebound/ui/pages/history"
	"github.com/rebound-coach/rebound/ui/pages/home"
	"github.com/rebound-coach/rebound/ui/pages/insights"
	"github.com/rebound-coach/rebound/ui/pages/practice"
	"github.com/rebound-coach/rebound/ui/pages/round"
	"github.com/rebound-coach/rebound/ui/pages/session"
	"github.com/rebound-coach/rebound/ui/pages/summary"
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

// Model is the root model.
type Model struct {
	deps     *common.Context
	saves    *saver
	help     help.Model // the footer; its full view is the page's to ask for
	page     common.Page
	home     *home.Page
	flow     *flow.Page
	summary  *summary.Page
	history  *history.Page
	session  *session.Page
	insights *insights.Page
	practice *practice.Page
	round    *round.Page

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
	// locks takes and lets go of locks in order, in commands; opening is
	// whether a screen waits for one, and waiting the keys typed meanwhile.
	locks   *locks
	opening bool
	waiting []tea.Msg
	// starting is what New began and Init hands Bubble Tea: the lock of
	// the session `rebound new` starts.
	starting tea.Cmd
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
	saves := newSaver(o.Store, o.Now)
	d := &common.Context{
		Flow:   o.Flow,
		Store:  o.Store,
		Styles: theme.NewStyles(true, false), // applyTheme sets the theme's
		Keys:   keys.Default(),
		Now:    o.Now,
		Tips:   map[string]string{},

		Unsaved: map[string]*coach.Session{},
		Saver:   saves,
		Bank:    o.Bank,
		Timer:   o.Timer,
		Clock:   o.Clock,

		DraftDelay: o.DraftDelay,
	}
	// Dark until the terminal answers: most terminals are dark, and one
	// that never answers is most often an old dark one.
	m := &Model{deps: d, saves: saves, locks: &locks{}, help: help.New(), theme: o.Theme, isDark: o.Theme != theme.Light, page: common.Home}
	m.home = home.New(d)
	m.applyTheme()
	switch {
	case o.NewSession:
		m.starting = m.open(common.Exit{To: common.Flow, Session: coach.NewSession(o.Now())}, nil)
	case o.Practice:
		m.practice = practice.New(d, o.PracticeTag, d.Timer)
		m.page = common.Practice
	}
	return m
}

// Init asks the terminal for its background colour, unless the theme is
// chosen, loads the sessions and takes the lock of the session New started.
func (m *Model) Init() tea.Cmd {
	store := m.deps.Store
	// Tidying removes lock files: it runs in the lock queue, after the
	// lock New asked for.
	check := m.locks.do(func() tea.Msg {
		store.Tidy() // what crashed copies left: temp files, lock files
		return checkedMsg{store.Check()}
	})
	cmds := []tea.Cmd{m.starting, check, m.home.Load(), common.LoadSettings(store.Dir())}
	if !m.theme.Forced() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.practice != nil {
		cmds = append(cmds, m.practice.Load())
	}
	return tea.Batch(cmds...)
}

// openPage is a page that is open, by its name.
type openPage struct {
	id     common.Page
	screen common.Screen
}

// openPages is the one list of the pages open now, the one on show among them:
// the root keeps the ones a user comes back to (Past sessions and practice
// keep their place). Home is always open. A page not open is left out
// rather than held as a nil pointer in an interface, which would not be nil.
func (m *Model) openPages() []openPage {
	out := []openPage{{common.Home, m.home}}
	add := func(id common.Page, isOpen bool, s common.Screen) {
		if isOpen {
			out = append(out, openPage{id, s})
		}
	}
	add(common.Flow, m.flow != nil, m.flow)
	add(common.Summary, m.summary != nil, m.summary)
	add(common.History, m.history != nil, m.history)
	add(common.Session, m.session != nil, m.session)
	add(common.Insights, m.insights != nil, m.insights)
	add(common.Practice, m.practice != nil, m.practice)
	add(common.Round, m.round != nil, m.round)
	return out
}

// pages are the open pages' screens.
func (m *Model) pages() []common.Screen {
	var out []common.Screen
	for _, p := range m.openPages() {
		out = append(out, p.screen)
	}
	return out
}

// current is the page on show: home, should the one named not be open.
func (m *Model) current() common.Screen {
	for _, p := range m.openPages() {
		if p.id == m.page {
			return p.screen
		}
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
	if m.hold(msg) {
		return nil
	}
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
		return m.onTips(msg)
	case common.SettingsMsg:
		return m.onSettings(msg)
	case checkedMsg:
		if msg.err != nil && m.saveErr == nil {
			m.saveErr = msg.err
		}
		return nil
	case savedMsg:
		return m.onSaved(msg)
	case practiceSavedMsg:
		return m.onPracticeSaved(msg)
	case tea.SuspendMsg, tea.ResumeMsg:
		// Bubble Tea hands Update SuspendMsg once the process is back (at
		// once where it cannot suspend), then sends ResumeMsg, and draws
		// the whole screen again itself. Either carries on the countdown
		// that ctrl+z paused.
		if t, ok := m.current().(common.Timed); ok {
			return t.Resume()
		}
		return nil
	case practice.LoadedMsg:
		if m.practice != nil {
			return m.practice.Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case lockedMsg:
		return m.onLocked(msg)
	}
	return m.follow(m.current().Update(msg))
}

// hold keeps a key or a paste for the screen being opened, while its lock
// is on its way; a quit goes through at once.
func (m *Model) hold(msg tea.Msg) bool {
	if !m.opening {
		return false
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, m.deps.Keys.Quit) {
			return false
		}
	case tea.PasteMsg:
	default:
		return false
	}
	m.waiting = append(m.waiting, msg)
	return true
}

// onTips takes the message when a render of the tips came back.
func (m *Model) onTips(msg markdown.TipsMsg) tea.Cmd {
	if msg.Key != m.tipsKey {
		return nil // rendered for a width or theme we have left
	}
	if msg.Err != nil {
		m.tipsKey = markdown.Key{} // try again at the next resize
	}
	m.deps.Tips = msg.Tips
	if m.flow != nil {
		m.flow.SetTips()
		m.flow.Layout()
	}
	return nil
}

// onSettings takes the message when the settings were read, or a save of
// them ended.
func (m *Model) onSettings(msg common.SettingsMsg) tea.Cmd {
	if msg.Err != nil {
		m.deps.SettingsErr = msg.Err
		if msg.Saved && m.flow != nil {
			m.flow.Note("your name signs today's letters, but settings.json could not keep it")
		}
		return nil
	}
	if !msg.Saved {
		m.deps.Settings = msg.Settings
	}
	return nil
}

// onSaved takes the message when a session save ended.
func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	m.saves.finished(msg.id)
	var release tea.Cmd
	if msg.id != m.held && m.saves.saving[msg.id] == nil {
		release = m.locks.unlock(m.deps.Store, msg.id) // its last save has landed
	}
	if msg.err != nil {
		m.saveErr = msg.err
		m.deps.Unsaved[msg.id] = msg.session
	} else {
		m.saveErr, m.lastSaved = nil, msg.at
		delete(m.deps.Unsaved, msg.id)
	}
	for _, p := range m.pages() {
		if w, ok := p.(common.SaveWatcher); ok {
			w.Saved(msg.id, msg.err)
		}
	}
	return release
}

// onPracticeSaved takes the message when a practice round save ended.
func (m *Model) onPracticeSaved(msg practiceSavedMsg) tea.Cmd {
	key := coach.PracticeKey(msg.entry.ID)
	m.saves.finished(key)
	var release tea.Cmd
	if key != m.held && m.saves.saving[key] == nil {
		release = m.locks.unlock(m.deps.Store, key) // its last save has landed
	}
	if msg.err != nil {
		m.saveErr = msg.err
		m.saves.unsavedPractice[msg.entry.ID] = msg.entry
		return release
	}
	m.saveErr = nil
	delete(m.saves.unsavedPractice, msg.entry.ID)
	if m.round != nil && m.round.Shows(msg.entry.ID) {
		m.lastSaved = msg.at // "saved 15:04" is about the round on screen only
	}
	return release
}

// onKey takes a key: the global keys first, then the screen on show.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.page == common.Home && key.Matches(msg, m.deps.Keys.Enter):
		return m.follow(m.home.Choose())
	case key.Matches(msg, m.deps.Keys.Quit):
		return tea.Sequence(m.saveNow(), tea.Quit)
	case key.Matches(msg, m.deps.Keys.Suspend):
		// The save runs to its end before tea.Suspend: the answer is on
		// disk before the process stops.
		if t, ok := m.current().(common.Timed); ok {
			t.Suspend()
		}
		return tea.Sequence(m.saveNow(), tea.Suspend)
	}
	return m.follow(m.current().Update(msg))
}
