// Package summary is the page shown when a session is done: what was
// written, rendered, and where it is saved.
package summary

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
)

// RenderedMsg carries the rendered summary for one width and theme.
type RenderedMsg struct {
	key markdown.Key
	out string
	err error
}

// Page closes a session: the whole session as rendered markdown,
// where it was saved, and the key that copies it.
type Page struct {
	deps     *common.Context
	session  *coach.Session
	markdown string
	vp       viewport.Model
	key      markdown.Key // of the render on screen or on its way
	saveErr  error
	status   string
	// rest is how many questions going deeper would ask (restLeft), worked
	// out once: the summary does not change the session.
	rest int
	common.Exits
}

func New(d *common.Context, s *coach.Session, saveErr error) *Page {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	return &Page{deps: d, session: s, markdown: coach.Markdown(s, d.Flow), vp: vp, saveErr: saveErr,
		rest: coach.RestLeft(d.Flow, s)}
}

// document is what the screen renders: the session outlined (long answers
// apart, see coach.Outline), then the support note, which belongs on screen
// but not in the user's copy.
func (s *Page) document() (md string, long map[string]string) {
	md, long = coach.Outline(s.session, s.deps.Flow)
	return md + "\n---\n\n*" + content.Support() + "*\n", long
}

// Render starts a Glamour render unless one for this key is done or on its way.
func (s *Page) Render(k markdown.Key) tea.Cmd {
	if k == s.key || k.Width < 1 {
		return nil
	}
	s.key = k
	md, long := s.document()
	return func() tea.Msg {
		out, err := markdown.RenderSession(k, md, long)
		return RenderedMsg{key: k, out: out, err: err}
	}
}

func (s *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case RenderedMsg:
		if msg.key != s.key {
			return nil // a render for a size or theme we have left
		}
		out := msg.out
		if msg.err != nil {
			out = coach.Inert(s.markdown)
		}
		s.vp.SetContent(out)
		return nil
	case tea.KeyPressMsg:
		k := s.deps.Keys
		s.status = ""
		switch {
		case key.Matches(msg, k.Copy):
			s.status = "copied as markdown"
			return tea.SetClipboard(s.markdown)
		case key.Matches(msg, k.Resume) && s.rest > 0:
			s.GoTo(common.Exit{To: common.Flow, Session: s.session, Deeper: true})
			return nil
		case key.Matches(msg, k.Home), key.Matches(msg, k.Enter):
			s.GoTo(common.Exit{To: common.Home})
			return nil
		case key.Matches(msg, k.QuitHome):
			return tea.Quit
		}
	}
	return keys.Scroll(&s.vp, s.deps.Keys, msg)
}

func (s *Page) Title() string { return "Summary" }

// Status is a short note for the header, such as "copied as markdown".
func (s *Page) Status() string { return s.status }

func (s *Page) SetSize(w, h int) {
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(0, h-lipgloss.Height(s.footer())))
}

// footer says where the session is, or that it is only in memory.
func (s *Page) footer() string {
	st := &s.deps.Styles
	width := max(1, s.vp.Width())
	where := st.Muted.Width(width).Render("Saved to " + coach.Inert(s.deps.Store.Path(s.session.ID)))
	if s.saveErr != nil {
		where = st.Error.Width(width).Render("Not saved: press ctrl+y to copy this summary as markdown before you quit.")
	}
	if s.rest > 0 {
		where = st.Label.Width(width).Render(common.DeeperLine(s.rest)) + "\n" + where
	}
	return where
}

func (s *Page) View() string {
	return lipgloss.JoinVertical(lipgloss.Left, s.vp.View(), s.footer())
}

func (s *Page) ShortHelp() []key.Binding {
	k := s.deps.Keys
	b := []key.Binding{k.Document.Scroll}
	if s.rest > 0 {
		b = append(b, k.Document.Deeper)
	}
	return append(b, k.Document.Copy, k.Document.Leave, k.QuitHome)
}

func (s *Page) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Saved keeps the last save's outcome: the summary says when the answers
// are only in memory.
func (s *Page) Saved(_ string, err error) { s.saveErr = err }
