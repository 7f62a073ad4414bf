package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
)

// practiceListCommand is `rebound practice list`.
func (inv *invocation) practiceListCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "list [--json]", Short: "Every round of practice, newest first",
		Long: `Lists every round of practice, newest first: its short ID, the day it was
practised, the rating you gave it, where the question came from (a session
that threw you, a tag of the question bank, or your own) and the question.
Under the list, how practice on the questions that threw you is going. Files
that cannot be read are named on stderr. Type rebound practice to practise.`,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, _ []string) error { return c.practiceList(asJSON) }),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead (see the README for its shape)")
	return cmd
}

// practiceRow is one round in `rebound practice list --json`, which prints
// an array of them, newest first. Its fields are the documented shape: add
// to them, never rename.
//
//	{
//	  "id": "0a1b2c3d4e5f6071",            // the file's name: practice/<id>.json
//	  "short_id": "0a1b2c3",
//	  "created_at": "2026-11-10T14:30:00Z", // RFC 3339
//	  "updated_at": "2026-11-10T14:42:00Z",
//	  "question": {
//	    "key": "q:how would you design a url shortener", // one per question across rounds: "bank:<id>" or "q:<words>"
//	    "text": "How would you design a URL shortener?",
//	    "source": "session",                // "session" (threw you), "bank" or "own"
//	    "tag": "",                          // the bank's tag, such as "behavioural"; "" otherwise
//	    "session_id": "0123456789abcdef"    // the session it was written in; "" unless "session"
//	  },
//	  "time_limit_seconds": 180,            // the countdown; 0 for none
//	  "time_used_seconds": 180,             // how long it ran, pauses excluded; 0 without a countdown
//	  "timed_out": true,
//	  "answer": "…",
//	  "went_well": "…",
//	  "do_better": "…",
//	  "rubric": ["structure", "evidence"],  // the rubric criteria met; [] for none
//	  "rating": 2                           // 1 to 5, or null while the round is not reviewed
//	}
type practiceRow struct {
	ID               string           `json:"id"`
	ShortID          string           `json:"short_id"`
	CreatedAt        time.Time        `json:"created_at"`
	UpdatedAt        time.Time        `json:"updated_at"`
	Question         practiceQuestion `json:"question"`
	TimeLimitSeconds int              `json:"time_limit_seconds"`
	TimeUsedSeconds  int              `json:"time_used_seconds"`
	TimedOut         bool             `json:"timed_out"`
	Answer           string           `json:"answer"`
	WentWell         string           `json:"went_well"`
	DoBetter         string           `json:"do_better"`
	Rubric           []string         `json:"rubric"`
	Rating           *int             `json:"rating"`
}

// practiceQuestion is coach.Question with every field always present.
type practiceQuestion struct {
	Key       string       `json:"key"`
	Text      string       `json:"text"`
	Source    coach.Source `json:"source"`
	Tag       string       `json:"tag"`
	SessionID string       `json:"session_id"`
}

func (c *ctx) practiceList(asJSON bool) error {
	entries, problems, err := c.store.Practices()
	if err != nil {
		return readErr("the practice rounds in "+coach.Inert(c.dir), err)
	}
	slices.Reverse(entries) // newest first
	// Short IDs are unique among every practice file, readable or not, as
	// they are for sessions.
	short := coach.ShortIDs(roundIDs(entries, problems))

	if asJSON {
		err = c.practiceJSON(entries, short)
	} else {
		err = c.practiceText(entries, problems, short)
	}
	if err != nil {
		return err
	}
	c.practiceProblems(problems)
	return nil
}

// practiceJSON streams the rounds one at a time, byte for byte what an
// indenting json.Encoder (HTML left unescaped) makes of the whole array, but
// for the characters coach.InertJSON escapes.
func (c *ctx) practiceJSON(entries []*coach.Practice, short map[string]string) error {
	if len(entries) == 0 {
		_, err := io.WriteString(c.env.Stdout, "[]\n")
		return err
	}
	w := bufio.NewWriterSize(c.env.Stdout, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	w.WriteString("[")
	for i, p := range entries {
		buf.Reset()
		if err := enc.Encode(practiceRowOf(p, short)); err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n  ")
		w.Write(coach.InertJSON(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))))
	}
	w.WriteString("\n]\n")
	return w.Flush()
}

func practiceRowOf(p *coach.Practice, short map[string]string) practiceRow {
	r := practiceRow{
		ID:        p.ID,
		ShortID:   short[p.ID],
		CreatedAt: p.CreatedAt,
		UpdatedAt: p.UpdatedAt,
		Question: practiceQuestion{
			Key:       p.Question.Key,
			Text:      p.Question.Text,
			Source:    p.Question.Source,
			Tag:       p.Question.Tag,
			SessionID: p.Question.SessionID,
		},
		TimeLimitSeconds: p.TimeLimit,
		TimeUsedSeconds:  p.TimeUsed,
		TimedOut:         p.TimedOut,
		Answer:           p.Answer,
		WentWell:         p.WentWell,
		DoBetter:         p.DoBetter,
		Rubric:           p.Rubric,
	}
	if r.ShortID == "" {
		r.ShortID = p.ID
	}
	if r.Rubric == nil {
		r.Rubric = []string{}
	}
	if p.Reviewed() {
		rating := p.Rating
		r.Rating = &rating
	}
	return r
}

// practiceText prints the rounds as a table and, under it, the progress on
// the questions that threw the user.
func (c *ctx) practiceText(entries []*coach.Practice, problems []coach.Problem, short map[string]string) error {
	w := bufio.NewWriterSize(c.env.Stdout, 64<<10)
	defer w.Flush()
	if len(entries) == 0 {
		if len(problems) == 0 {
			fmt.Fprintf(w, "No practice rounds yet in %s. Type rebound practice to start one.\n", coach.Inert(c.dir))
		} else {
			fmt.Fprintf(w, "No readable practice rounds in %s.\n", coach.Inert(c.dir))
		}
		return w.Flush()
	}
	sums, sessionProblems, err := c.store.Summaries()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}

	rows := make([][]string, len(entries))
	for i, p := range entries {
		rating := "–"
		if p.Reviewed() {
			rating = strconv.Itoa(p.Rating) + "/" + strconv.Itoa(coach.MaxRating)
		}
		id := short[p.ID]
		if id == "" {
			id = p.ID
		}
		rows[i] = []string{id, p.CreatedAt.Local().Format(coach.DateLayout), rating,
			practiceSource(p.Question), oneLine(p.Question.Text)}
	}
	c.writeTable(w, practiceHeader, rows, practiceQuestionColumn, 0)

	progress := coach.ComputeProgress(c.flagged(sums), coach.Tracks(entries))
	// The sentence is wrapped to the width, which the table keeps to.
	fmt.Fprintf(w, "\n%s\n", ansi.Wordwrap(progress.Sentence(), c.width(), ""))
	if err := w.Flush(); err != nil {
		return err
	}
	if len(sessionProblems) > 0 {
		c.warnf("%s could not be read and not counted; rebound list names them.", sessionFiles(len(sessionProblems)))
	}
	return nil
}

// practiceProblems names the practice files that could not be read on
// stderr, so that stdout stays the table or the JSON.
func (c *ctx) practiceProblems(problems []coach.Problem) {
	if len(problems) == 0 {
		return
	}
	files := "1 practice file"
	if len(problems) != 1 {
		files = strconv.Itoa(len(problems)) + " practice files"
	}
	c.warnf("could not read %s, left as is:", files)
	for _, p := range problems {
		fmt.Fprintf(c.env.Stderr, "  %s: %s\n", coach.Inert(p.Path), coach.Inert(p.Reason))
	}
}

// practiceSource says where a question came from, in a word or two.
func practiceSource(q coach.Question) string {
	switch q.Source {
	case coach.FromSession:
		return "threw you"
	case coach.FromBank:
		if tag := oneLine(q.Tag); tag != "" {
			return tag
		}
		return "bank"
	case coach.FromUser:
		return "own"
	}
	return orDash(oneLine(string(q.Source)))
}

var practiceHeader = []string{"ID", "DATE", "RATING", "SOURCE", "QUESTION"}

const practiceQuestionColumn = 4
