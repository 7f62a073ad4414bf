// Package practice is the practice queue: the questions to practise next,
// those that threw the user first.
package practice

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// LoadedMsg carries what a practice load read.
type LoadedMsg struct {
	flagged  []coach.Question
	entries  []*coach.Practice
	problems []coach.Problem
	err      error
}

// loadPractice reads the sessions' flagged questions and every practice
// round, in a command.
func loadPractice(store *coach.Store, bank []coach.Question) tea.Cmd {
	return func() tea.Msg {
		sums, problems, err := store.Summaries()
		entries, pproblems, perr := store.Practices()
		if err == nil {
			err = perr
		}
		return LoadedMsg{flagged: coach.FlaggedQuestions(sums, bank), entries: entries,
			problems: append(problems, pproblems...), err: err}
	}
}

// set keeps what a load read in p.
func (msg LoadedMsg) set(p *common.PracticeData) {
	p.Flagged, p.Entries, p.Problems, p.Err, p.Loaded = msg.flagged, msg.entries, msg.problems, msg.err, true
	p.Replay()
}

// Item is one question in the queue list; unfinished marks a round on
// it left before its rating, which enter carries on.
type Item struct {
	Card       coach.Card
	unfinished bool
}

func (c Item) FilterValue() string { return c.Card.Question.Text }

// Page is the queue: the questions to practise, the questions that
// threw the user first, and how practice is going. Enter starts a round.
type Page struct {
	deps *common.Context
	data *common.PracticeData
	list list.Model
	// tag narrows the queue to one tag of the bank; "" is everything.
	tag string
	// timer is the countdown of the next round; 0 is none.
	timer time.Duration
	// own is the line for a question of the user's own, while it is open.
	own           *textinput.Model
	width, height int
	status        string
	// notice is a sentence too long for the header line (why a round is
	// read-only here), shown under the queue until the next key.
	notice string
	common.Exits
}

func New(d *common.Context, tag string, timer time.Duration) *Page {
	l := common.NewList(cardDelegate{Rows: common.Rows{Lines: 1, Gap: 0}, deps: d})
	l.SetShowStatusBar(false)
	l.SetFilteringEnabled(false)
	l.Paginator.Type = paginator.Arabic // "3/12", never a row of dots
	common.StyleList(&l, &d.Styles, false)
	return &Page{deps: d, data: &common.PracticeData{Bank: coach.BankQuestions(d.Bank)}, list: l, tag: tag, timer: timer}
}

func (p *Page) Load() tea.Cmd { return loadPractice(p.deps.Store, p.data.Bank) }

// Refresh rebuilds the queue from the data and selects its first question:
// what to practise next.
func (p *Page) Refresh() {
	cards := p.data.Queue(p.tag, p.deps.Now())
	items := make([]list.Item, len(cards))
	for i, c := range cards {
		items[i] = Item{Card: c, unfinished: p.data.Unfinished[c.Question.Key] != nil}
	}
	p.list.SetItems(items)
	p.list.Select(0)
	p.SetSize(p.width, p.height)
}

func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case LoadedMsg:
		msg.set(p.data)
		p.Refresh()
		return nil
	case tea.PasteMsg:
		if p.own != nil {
			return field.UpdateInput(p.own, msg)
		}
		return nil
	case tea.KeyPressMsg:
		p.status = ""
		if p.notice != "" {
			p.notice = ""
			p.SetSize(p.width, p.height)
		}
		if p.own != nil {
			return p.ownKey(msg)
		}
		k := p.deps.Keys
		switch {
		case key.Matches(msg, k.Enter):
			if it, ok := p.list.SelectedItem().(Item); ok {
				q := it.Card.Question
				p.GoTo(common.Exit{To: common.Round, Question: &q})
			}
			return nil
		case key.Matches(msg, k.Own):
			in := field.NewInput(&p.deps.Styles, "", "type the question, then enter")
			in.SetWidth(max(10, min(p.width, theme.MaxTextWidth)-18))
			p.own = &in
			p.SetSize(p.width, p.height)
			return p.own.Focus()
		case key.Matches(msg, k.Tag):
			p.tag = p.nextTag(+1)
			p.Refresh()
			return nil
		case key.Matches(msg, k.TagBack):
			p.tag = p.nextTag(-1)
			p.Refresh()
			return nil
		case key.Matches(msg, k.Timer):
			p.timer = nextTimer(p.timer)
			p.status = "timer: " + timerLabel(p.timer)
			return nil
		case key.Matches(msg, k.Home):
			p.GoTo(common.Exit{To: common.Home})
			return nil
		case key.Matches(msg, k.QuitHome):
			return tea.Quit
		}
	}
	var cmd tea.Cmd
	p.list, cmd = p.list.Update(msg)
	return cmd
}

// ownKey handles a key while the user types a question of their own.
func (p *Page) ownKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.deps.Keys.Home):
		p.own = nil
		p.SetSize(p.width, p.height)
		return nil
	case key.Matches(msg, p.deps.Keys.Enter):
		text := strings.TrimSpace(coach.Raw(p.own.Value()))
		if text == "" {
			return nil
		}
		p.own = nil
		q := coach.OwnQuestion(text, p.data.Bank)
		p.GoTo(common.Exit{To: common.Round, Question: &q})
		return nil
	}
	return field.UpdateInput(p.own, msg) // a typed bidi control becomes a stand-in, as in every field
}

// nextTag steps through "all" and the bank's tags.
func (p *Page) nextTag(dir int) string {
	tags := []string{""}
	if p.deps.Bank != nil {
		for _, t := range p.deps.Bank.Tags {
			tags = append(tags, t.ID)
		}
	}
	i := max(0, slices.Index(tags, p.tag))
	return tags[(i+dir+len(tags))%len(tags)]
}

// timerSteps are the countdowns t cycles through.
var timerSteps = []time.Duration{time.Minute, 90 * time.Second, countdown.Default, 3 * time.Minute, 0}

func nextTimer(d time.Duration) time.Duration {
	i := slices.Index(timerSteps, d)
	return timerSteps[(i+1)%len(timerSteps)]
}

func timerLabel(d time.Duration) string {
	if d <= 0 {
		return "off"
	}
	return countdown.Clocked(d)
}

// tagTitle is "all questions" or the tag's title.
func (p *Page) tagTitle() string {
	if p.tag == "" {
		return "all questions"
	}
	if p.deps.Bank != nil {
		if t, ok := p.deps.Bank.Tag(p.tag); ok {
			return t.Title
		}
	}
	return p.tag
}

func (p *Page) Title() string  { return "Practice" }
func (p *Page) Status() string { return p.status }

func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	if w <= 0 {
		return
	}
	p.list.SetSize(min(w, theme.MaxTextWidth), max(1, h-lipgloss.Height(p.header())-1-lipgloss.Height(p.notes())))
}

// header is the progress, the settings and, while open, the line for a
// question of one's own.
func (p *Page) header() string {
	st := &p.deps.Styles
	w := max(1, min(p.width, theme.MaxTextWidth))
	if !p.data.Loaded {
		return st.Muted.Render("Reading your practice…")
	}
	progress := coach.ComputeProgress(p.data.Flagged, p.data.Tracks)
	lines := []string{st.Intro.Width(w).Render(progress.Sentence())}
	settings := fmt.Sprintf("Queue: %s · %s · timer %s", p.tagTitle(), coach.Plural(len(p.list.Items()), "question"), timerLabel(p.timer))
	lines = append(lines, st.Muted.Width(w).Render(settings))
	if p.own != nil {
		lines = append(lines, "", st.Label.Render("Your question: ")+coach.Visible(p.own.View()))
	}
	return strings.Join(lines, "\n")
}

// notes name the files that could not be read, under the list.
func (p *Page) notes() string {
	st := &p.deps.Styles
	switch {
	case p.notice != "":
		return st.Error.Width(max(1, p.width)).Render(p.notice)
	case p.data.Err != nil:
		return st.Error.Width(max(1, p.width)).Render("Can't read saved practice (" + common.Reason(p.data.Err) + ").")
	case len(p.data.Problems) > 0:
		line := common.Skipped(p.deps, p.data.Problems[0])
		if n := len(p.data.Problems) - 1; n > 0 {
			line += fmt.Sprintf(", and %s more", coach.Plural(n, "file"))
		}
		return st.Error.Width(max(1, p.width)).Render(line)
	}
	return ""
}

func (p *Page) View() string {
	body := p.header() + "\n\n" + p.list.View()
	if n := p.notes(); n != "" {
		body += "\n" + n
	}
	return body
}

func (p *Page) ShortHelp() []key.Binding {
	k := p.deps.Keys
	if p.own != nil {
		return []key.Binding{k.Practice.PractiseIt, k.Practice.Cancel}
	}
	return []key.Binding{k.Practice.Practise, k.Own, k.Tag, k.Timer, k.Home, k.QuitHome}
}

func (p *Page) FullHelp() [][]key.Binding {
	k := p.deps.Keys
	return [][]key.Binding{{k.Practice.Choose, k.Enter, k.Own}, {k.Tag, k.TagBack, k.Timer}, {k.Home, k.QuitHome}}
}

// cardDelegate draws a queued question on one line: the question, and on
// the right why it is there and its ratings so far.
type cardDelegate struct {
	common.Rows
	deps *common.Context
}

func (d cardDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(Item)
	if !ok {
		return
	}
	st := &d.deps.Styles
	c := it.Card
	right := c.Why()
	if it.unfinished {
		right = "unfinished · " + right
	}
	if c.Track != nil {
		right += "  " + chart.RatingSpark(c.Track.Ratings(), 8) + " " + strconv.Itoa(c.Track.Last().Rating) + "/5"
	}
	right = st.Muted.Render(right)
	pointer, text := "  ", st.Option.Render(coach.Inert(coach.OneLine(c.Question.Text)))
	if index == m.Index() {
		pointer, text = st.Cursor.Render("› "), st.Label.Render(coach.Inert(coach.OneLine(c.Question.Text)))
	}
	room := max(4, m.Width()-2-lipgloss.Width(right)-2)
	text = ansi.Truncate(text, room, "…")
	gap := max(2, m.Width()-2-lipgloss.Width(text)-lipgloss.Width(right))
	line := pointer + text + strings.Repeat(" ", gap) + right
	fmt.Fprint(w, lipgloss.NewStyle().MaxWidth(max(1, m.Width())).Render(line))
}

// Note shows a sentence too long for the header: why a round cannot be
// carried on.
func (p *Page) Note(s string) { p.notice = s }

// Themed gives the list the new theme's styles: it copied them when made.
func (p *Page) Themed(st *theme.Styles) { common.StyleList(&p.list, st, false) }

// RoundOf is what a round on q starts from.
func (p *Page) RoundOf(q coach.Question) common.RoundStart {
	return common.RoundStart{Data: p.data, Prev: p.data.Unfinished[q.Key], Timer: p.timer, Tag: p.tag}
}

// List is the queue, for tests that choose a question by what it holds.
func (p *Page) List() *list.Model { return &p.list }

// Tag is the tag the queue is narrowed to, or "".
func (p *Page) Tag() string { return p.tag }
