package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rebound-coach/rebound/coach"
	"github.com/spf13/cobra"
)

// listCommand is `rebound list`.
func (inv *invocation) listCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "list [--json]", Short: "Every session, newest first", GroupID: backGroup,
		Long: `Lists every session, newest first: its short ID, when it was started, its
title, the stage the rejection came at, the mood before and after, and
whether it is complete. Files that cannot be read are named on stderr.`,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, _ []string) error { return c.list(asJSON) }),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead (see the README for its shape)")
	return cmd
}

// listRow is one session in `rebound list --json`. Its fields are the
// documented shape: add to them, never rename.
type listRow struct {
	ID        string       `json:"id"`
	ShortID   string       `json:"short_id"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
	Status    coach.Status `json:"status"`
	Title     string       `json:"title"`
	Company   string       `json:"company"`
	Role      string       `json:"role"`
	Stage     string       `json:"stage"`
	// RejectedOn is YYYY-MM-DD or "".
	RejectedOn string `json:"rejected_on"`
	// MoodBefore and MoodAfter are 1 to 10, or null when not recorded.
	MoodBefore *int `json:"mood_before"`
	MoodAfter  *int `json:"mood_after"`
	// FeedbackOutcome is "", "sent", "replied" or "no_reply".
	FeedbackOutcome coach.Outcome `json:"feedback_outcome"`
	ActionsDone     int           `json:"actions_done"`
	ActionsOpen     int           `json:"actions_open"`
	Path            string        `json:"path"`
}

// problemRow is a file list could not read.
type problemRow struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (c *ctx) list(asJSON bool) error {
	sums, problems, err := c.store.Summaries()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	ids, err := c.store.IDs()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	// Short IDs are unique among every file, readable or not, since show
	// resolves among them all.
	short := coach.ShortIDs(ids)
	for _, m := range sums {
		if short[m.ID] == "" { // only if a file came or went between the two reads
			short[m.ID] = m.ID
		}
	}
	if asJSON {
		return c.listJSON(sums, problems, short)
	}
	c.listText(sums, problems, short)
	return nil
}

// listJSON streams the list: one session written at a time, so ten
// thousand cost no more memory than one. The output is byte for byte what
// an indenting json.Encoder (HTML left unescaped, as in session files)
// makes of {"sessions": [...], "unreadable": [...]}, but for the
// characters coach.InertJSON escapes. The sessions are written by
// appendRow rather than by the encoder: reflection and re-indenting were
// most of the command's time at ten thousand sessions.
func (c *ctx) listJSON(sums []coach.Summary, problems []coach.Problem, short map[string]string) error {
	w := bufio.NewWriterSize(c.env.Stdout, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	array := func(name string, n int, item func(i int) ([]byte, error), last bool) error {
		fmt.Fprintf(w, "  %q: [", name)
		for i := range n {
			data, err := item(i)
			if err != nil {
				return err
			}
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n    ")
			w.Write(coach.InertJSON(data))
		}
		if n > 0 {
			w.WriteString("\n  ")
		}
		w.WriteString("]")
		if !last {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
		return nil
	}
	w.WriteString("{\n")
	var row []byte
	if err := array("sessions", len(sums), func(i int) ([]byte, error) {
		r := c.row(&sums[i], short)
		var err error
		row, err = appendRow(row[:0], &r)
		return row, err
	}, false); err != nil {
		return err
	}
	if err := array("unreadable", len(problems), func(i int) ([]byte, error) {
		buf.Reset()
		err := enc.Encode(problemRow{Path: problems[i].Path, Reason: problems[i].Reason})
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
	}, true); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// appendRow appends r as the list's encoder would write it: an object at
// the second level of indentation, members in listRow's order.
func appendRow(b []byte, r *listRow) ([]byte, error) {
	b = append(b, '{')
	member := func(name string) {
		if b[len(b)-1] != '{' {
			b = append(b, ',')
		}
		b = append(b, "\n      \""...)
		b = append(b, name...)
		b = append(b, "\": "...)
	}
	str := func(name, v string) {
		member(name)
		b = appendJSONString(b, v)
	}
	var err error
	date := func(name string, t time.Time) {
		member(name)
		if y := t.Year(); y < 0 || y > 9999 {
			err = fmt.Errorf("json: %s: year %d outside of range [0,9999]", name, y)
		}
		b = append(b, '"')
		b = t.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	num := func(name string, v *int) {
		member(name)
		if v == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*v), 10)
		}
	}
	str("id", r.ID)
	str("short_id", r.ShortID)
	date("created_at", r.CreatedAt)
	date("updated_at", r.UpdatedAt)
	str("status", string(r.Status))
	str("title", r.Title)
	str("company", r.Company)
	str("role", r.Role)
	str("stage", r.Stage)
	str("rejected_on", r.RejectedOn)
	num("mood_before", r.MoodBefore)
	num("mood_after", r.MoodAfter)
	str("feedback_outcome", string(r.FeedbackOutcome))
	num("actions_done", &r.ActionsDone)
	num("actions_open", &r.ActionsOpen)
	str("path", r.Path)
	b = append(b, "\n    }"...)
	return b, err
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: quote, backslash and the C0 controls escaped (the
// five with a short form by it), invalid UTF-8 as U+FFFD, and the line
// and paragraph separators as \u2028 and \u2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		var esc string
		size := 1
		switch c {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\b':
			esc = `\b`
		case '\f':
			esc = `\f`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\t':
			esc = `\t`
		default:
			if c < 0x20 {
				esc = `\u00` + string(hex[c>>4]) + string(hex[c&0xF])
				break
			}
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				esc = `\ufffd`
			case r == '\u2028':
				esc = `\u2028`
			case r == '\u2029':
				esc = `\u2029`
			}
		}
		if esc != "" {
			b = append(b, s[done:i]...)
			b = append(b, esc...)
			done = i + size
		}
		i += size
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}

func (c *ctx) row(m *coach.Summary, short map[string]string) listRow {
	r := listRow{
		ID:              m.ID,
		ShortID:         short[m.ID],
		CreatedAt:       m.CreatedAt,
		UpdatedAt:       m.UpdatedAt,
		Status:          m.Status,
		Title:           m.Title(),
		Company:         m.Company,
		Role:            m.Role,
		Stage:           m.Stage,
		RejectedOn:      m.RejectedOn,
		FeedbackOutcome: m.Feedback.Outcome,
		Path:            c.store.Path(m.ID),
	}
	if m.MoodBefore != 0 {
		r.MoodBefore = &m.MoodBefore
	}
	if m.MoodAfter != 0 {
		r.MoodAfter = &m.MoodAfter
	}
	for _, a := range m.Actions {
		if a.Done {
			r.ActionsDone++
		} else {
			r.ActionsOpen++
		}
	}
	return r
}

// listText prints a table a person can read; the unreadable files go to
// stderr, so that stdout stays the table.
func (c *ctx) listText(sums []coach.Summary, problems []coach.Problem, short map[string]string) {
	w := bufio.NewWriterSize(c.env.Stdout, 64<<10)
	defer w.Flush()
	if len(sums) == 0 {
		if len(problems) == 0 {
			fmt.Fprintf(w, "No sessions yet in %s. Type rebound to start one.\n", coach.Inert(c.dir))
		} else {
			fmt.Fprintf(w, "No readable sessions in %s.\n", coach.Inert(c.dir))
		}
	} else {
		c.table(w, sums, short)
	}
	w.Flush()
	if len(problems) > 0 {
		c.warnf("could not read %s, left as is:", sessionFiles(len(problems)))
		for _, p := range problems {
			fmt.Fprintf(c.env.Stderr, "  %s: %s\n", coach.Inert(p.Path), coach.Inert(p.Reason))
		}
	}
}

// columns of the table, in order.
var listHeader = []string{"ID", "STARTED", "TITLE", "STAGE", "MOOD", "STATUS"}

const (
	titleColumn = 2
	// maxTitle caps the title column when the terminal's width is unknown;
	// the whole title is in `show` and in --json.
	maxTitle = 40
	minTitle = 16
	colGap   = "  "
)

func (c *ctx) table(w io.Writer, sums []coach.Summary, short map[string]string) {
	rows := make([][]string, len(sums))
	for i := range sums {
		m := &sums[i]
		rows[i] = []string{
			short[m.ID],
			m.CreatedAt.Local().Format("2006-01-02 15:04"),
			coach.Inert(m.Title()),
			orDash(oneLine(m.Stage)),
			mood(m.MoodBefore) + "→" + mood(m.MoodAfter),
			statusText(m.Status),
		}
	}
	c.writeTable(w, listHeader, rows, titleColumn, maxTitle)
}

func mood(score int) string {
	if score == 0 {
		return "–"
	}
	return strconv.Itoa(score)
}

func statusText(s coach.Status) string {
	if s == coach.Complete {
		return "complete"
	}
	return "in progress"
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// oneLine is user text made safe for one cell of a table.
func oneLine(s string) string { return strings.Join(strings.Fields(coach.Inert(s)), " ") }

// sessionFiles counts files: "1 session file", "3 session files".
func sessionFiles(n int) string {
	if n == 1 {
		return "1 session file"
	}
	return strconv.Itoa(n) + " session files"
}
