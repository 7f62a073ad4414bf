// Package history is Past sessions: every session, newest first, with a
// search over everything written.
package history

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// historyLoadedMsg carries every session's summary for Past sessions.
type historyLoadedMsg struct {
	items []list.Item
	err   error
}

// Item is a row of Past sessions: a session, or a file that could not
// be read (problem set), shown with its reason so it is never silently lost.
type Item struct {
	Sum     coach.Summary
	short   string // the shortest unique ID, as the command line takes it
	problem *coach.Problem
	filter  string // a problem's; a session's is its search text
}

// FilterValue is asked only once a search runs: the store reads the search
// text of every session then, not when the list loads.
func (i Item) FilterValue() string {
	if i.problem != nil {
		return i.filter
	}
	return i.Sum.SearchText()
}

// Page is Past sessions: every session, newest first, filtered by
// any text in it with "/", opened with enter.
type Page struct {
	deps    *common.Context
	list    list.Model
	filter  *sessionFilter
	loaded  bool
	loadErr error
	status  string
	common.Exits
}

func New(d *common.Context) *Page {
	l := common.NewList(historyDelegate{Rows: common.Rows{Lines: 2, Gap: 1}, deps: d})
	l.SetStatusBarItemName("session", "sessions")
	l.FilterInput.Prompt = "Search: "
	// "3/1667", not a dot per page: the list draws the dots (one string
	// concatenation per page) on every frame before finding them too wide.
	l.Paginator.Type = paginator.Arabic
	common.StyleList(&l, &d.Styles, true)
	f := &sessionFilter{}
	l.Filter = f.rank
	return &Page{deps: d, list: l, filter: f}
}

// sessionFilter is the Past sessions search: it keeps the sessions holding
// every word typed, in their order (newest first; a list of one's own
// sessions is read by date, not re-sorted by how well each matched).
//
// A keystroke must cost less than a frame over ten thousand sessions, about
// 12 MB of text. So results are kept per search: deleting a letter finds
// the earlier search's result, and typing one more looks only among the
// sessions the shorter search found, since every word of it is in the
// longer one. The scan is split across the CPUs.
type sessionFilter struct {
	mu      sync.Mutex // the list filters in a command, beside Update
	gen     int        // bumped when the rows change: results are for one set of rows
	results map[string][]int
}

// maxCachedSearches bounds the memory kept: a few typed searches' worth.
const maxCachedSearches = 64

// reset forgets every result; the rows have changed.
func (f *sessionFilter) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gen++
	f.results = nil
}

// rank is a list.FilterFunc.
func (f *sessionFilter) rank(term string, targets []string) []list.Rank {
	f.mu.Lock()
	gen := f.gen
	found, ok := f.results[term]
	var among []int // nil: every row
	best := -1
	for t, r := range f.results {
		if !ok && len(t) > best && strings.HasPrefix(term, t) {
			among, best = r, len(t)
		}
	}
	f.mu.Unlock()

	if !ok {
		found = matchAll(coach.NewQuery(coach.Raw(term)), targets, among)
		f.mu.Lock()
		if f.gen == gen {
			if len(f.results) >= maxCachedSearches {
				f.results = nil
			}
			if f.results == nil {
				f.results = map[string][]int{}
			}
			f.results[term] = found
		}
		f.mu.Unlock()
	}
	ranks := make([]list.Rank, len(found))
	for i, idx := range found {
		ranks[i] = list.Rank{Index: idx}
	}
	return ranks
}

// matchAll returns, in order, the indexes of the targets that match q,
// looking only at the indexes in among unless it is nil.
func matchAll(q coach.Query, targets []string, among []int) []int {
	n := len(targets)
	if among != nil {
		n = len(among)
	}
	at := func(i int) int {
		if among != nil {
			return among[i]
		}
		return i
	}
	parts := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	found := make([][]int, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for i := p * n / parts; i < (p+1)*n/parts; i++ {
				if idx := at(i); q.Match(targets[idx]) {
					found[p] = append(found[p], idx)
				}
			}
		})
	}
	wg.Wait()
	out := []int{} // not nil: an empty result is a result, not "every row"
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

// Load reads the summaries (from the store's index) in a command and builds
// the rows there too, so that Update only swaps them in.
func (h *Page) Load() tea.Cmd {
	store := h.deps.Store
	return func() tea.Msg {
		sums, problems, err := store.Summaries()
		return historyLoadedMsg{items: historyItems(sums, problems), err: err}
	}
}

func historyItems(sums []coach.Summary, problems []coach.Problem) []list.Item {
	ids := make([]string, len(sums))
	for i, m := range sums {
		ids[i] = m.ID
	}
	short := coach.ShortIDs(ids)
	// Newest first by when the session happened: editing an old session
	// later must not move it to the top.
	sums = slices.Clone(sums)
	slices.SortStableFunc(sums, func(a, b coach.Summary) int { return b.CreatedAt.Compare(a.CreatedAt) })
	items := make([]list.Item, 0, len(problems)+len(sums))
	for _, p := range problems {
		items = append(items, Item{problem: &p, filter: strings.ToLower(p.Path + "\n" + p.Reason)})
	}
	for _, m := range sums {
		items = append(items, Item{Sum: m, short: short[m.ID]})
	}
	return items
}

func (h *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case historyLoadedMsg:
		h.loaded, h.loadErr = true, msg.err
		selected := h.selectedID()
		h.filter.reset()
		cmd := h.list.SetItems(msg.items)
		if selected != "" && !h.list.IsFiltered() {
			for i, it := range msg.items {
				if it.(Item).Sum.ID == selected {
					h.list.Select(i)
					break
				}
			}
		}
		return cmd
	case tea.KeyPressMsg:
		h.status = ""
		if h.list.SettingFilter() {
			break // typing a search: every key is the list's
		}
		k := h.deps.Keys
		switch {
		case key.Matches(msg, k.Enter):
			it, ok := h.list.SelectedItem().(Item)
			switch {
			case !ok:
			case it.problem != nil:
				h.status = "this file can't be opened"
			default:
				h.GoTo(common.Exit{To: common.Session, ID: it.Sum.ID})
			}
			return nil
		case key.Matches(msg, k.Home) && h.list.FilterState() == list.Unfiltered:
			h.GoTo(common.Exit{To: common.Home})
			return nil
		case key.Matches(msg, k.QuitHome):
			return tea.Quit
		case key.Matches(msg, k.Search) && h.list.FilterState() == list.Unfiltered:
			var cmd tea.Cmd
			h.list, cmd = h.list.Update(msg)
			return tea.Batch(cmd, readSearchText(h.list.Items()))
		}
	}
	if !h.list.SettingFilter() {
		var cmd tea.Cmd
		h.list, cmd = h.list.Update(msg)
		return cmd
	}
	// The search is a one-line input inside the list: typed text reaches
	// it as in every field, and rank reads it back.
	msg, was := field.PrepareInput(&h.list.FilterInput, msg)
	var cmd tea.Cmd
	h.list, cmd = h.list.Update(msg)
	field.KeepEscapesWhole(&h.list.FilterInput, was)
	return cmd
}

// readSearchText has the store read every session's search text as a
// search starts, in a command: the first letter typed, a moment later,
// then finds it read (it is not read for a list that is only looked at).
func readSearchText(items []list.Item) tea.Cmd {
	return func() tea.Msg {
		for _, it := range items {
			if it, ok := it.(Item); ok && it.problem == nil {
				_ = it.Sum.SearchText() // reads them all, once
				break
			}
		}
		return nil
	}
}

func (h *Page) selectedID() string {
	if it, ok := h.list.SelectedItem().(Item); ok {
		return it.Sum.ID
	}
	return ""
}

func (h *Page) Title() string  { return "Past sessions" }
func (h *Page) Status() string { return h.status }

func (h *Page) SetSize(w, height int) { h.list.SetSize(w, max(1, height)) }

func (h *Page) View() string {
	st := &h.deps.Styles
	switch {
	case h.loadErr != nil:
		return st.Error.Width(max(1, h.list.Width())).Render("Can't read saved sessions (" + common.Reason(h.loadErr) + ").")
	case !h.loaded:
		return st.Muted.Render("Reading your sessions…")
	case len(h.list.Items()) == 0:
		return st.Muted.Render("No past sessions yet. Sessions you start from home are kept here.")
	}
	return coach.Visible(h.list.View()) // the search typed may hold stand-ins
}

func (h *Page) ShortHelp() []key.Binding {
	k := h.deps.Keys
	if h.list.SettingFilter() {
		return []key.Binding{k.History.Apply, k.History.Cancel}
	}
	esc := k.History.Home
	if h.list.FilterState() != list.Unfiltered {
		esc = k.History.ClearSearch
	}
	return []key.Binding{k.History.Move, k.History.Open,
		k.History.Search, esc, k.QuitHome}
}

func (h *Page) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// historyDelegate draws a past session in two lines: when and what, then
// how it went.
type historyDelegate struct {
	common.Rows
	deps *common.Context
}

func (d historyDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(Item)
	if !ok {
		return
	}
	st := &d.deps.Styles
	width := max(1, m.Width()-2)
	pointer, titleStyle := "  ", st.Option
	if index == m.Index() {
		pointer, titleStyle = st.Cursor.Render("› "), st.Label
	}
	var title, desc string
	if it.problem != nil {
		title = st.Error.Render("Unreadable: ") + titleStyle.Render(coach.Inert(it.problem.Path))
		desc = st.Muted.Render(coach.Inert(it.problem.Reason) + " · left untouched")
	} else {
		s := it.Sum
		title = st.Muted.Render(s.CreatedAt.Local().Format("Mon 2 Jan 2006")+"  ") + titleStyle.Render(coach.Inert(s.Title()))
		desc = st.Muted.Render(coach.Inert(historyDesc(s, it.short)))
	}
	cut := lipgloss.NewStyle().MaxWidth(width)
	fmt.Fprintf(w, "%s%s\n  %s", pointer, cut.Render(title), cut.Render(desc))
}

// historyDesc is a session's second line: stage, moods, feedback, actions,
// status and short ID.
func historyDesc(s coach.Summary, short string) string {
	var parts []string
	if s.Stage != "" {
		parts = append(parts, s.Stage)
	}
	parts = append(parts, "mood "+moodNumber(s.MoodBefore)+" → "+moodNumber(s.MoodAfter))
	if s.Feedback.Outcome != "" {
		parts = append(parts, "feedback: "+s.Feedback.Outcome.Label())
	}
	if n := len(s.Actions); n > 0 {
		done := 0
		for _, a := range s.Actions {
			if a.Done {
				done++
			}
		}
		parts = append(parts, fmt.Sprintf("%d/%d actions done", done, n))
	}
	status := "complete"
	if s.Status != coach.Complete {
		status = "unfinished"
	}
	return strings.Join(append(parts, status, short), " · ")
}

func moodNumber(n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

// Note shows a note in the header: "moved to the trash".
func (h *Page) Note(s string) { h.status = s }

// Themed gives the list the new theme's styles: it copied them when made.
func (h *Page) Themed(st *theme.Styles) { common.StyleList(&h.list, st, true) }

// List is the list of sessions, for tests that choose a row by what it holds.
func (h *Page) List() *list.Model { return &h.list }

// ResetFilter forgets the results kept per search, as a new load does.
func (h *Page) ResetFilter() { h.filter.reset() }
