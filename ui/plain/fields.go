package plain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

// long asks for an answer of several lines, ended by a line holding only
// endWord. The notes are said under the question; then the current text
// is quoted, and endWord alone keeps it. draft is handed the lines so far
// after each one.
func (p *plain) long(question, what, cur string, notes []string, draft func([]string)) ([]string, error) {
	p.say(question)
	for _, n := range notes {
		p.say(n)
	}
	if cur != "" {
		p.quote(cur)
		p.say(fmt.Sprintf("Write a new version (%s), then a line with only %q; Enter or %q straight away keeps this one.", what, endWord, endWord))
	} else {
		p.say(fmt.Sprintf("Write %s, as many lines as you like, then a line with only %q; Enter straight away skips it.", what, endWord))
	}
	lines, keep, err := p.lines(draft)
	if keep && cur != "" {
		return strings.Split(cur, "\n"), nil
	}
	return lines, err
}

// current shows an answer in brackets, for "Enter keeps it".
func current(s string) string {
	if s == "" {
		return ""
	}
	return " [" + coach.Inert(s) + "]"
}

// single reads a one-line answer: Enter keeps the current one, "-" clears it.
func (p *plain) single(question, cur string) (string, error) {
	s, err := p.ask(question + current(cur) + ":")
	switch t := strings.TrimSpace(s); {
	case err != nil:
		return "", err
	case t == "":
		return cur, nil
	case t == "-" && cur != "":
		return "", nil
	}
	return strings.TrimSpace(s), nil
}

func (p *plain) text(question string, cur coach.Answer) (coach.Answer, error) {
	s, err := p.single(question, cur.Text)
	return coach.Answer{Text: s}, err
}

// date reads a day; def (in coach.DateLayout, or "") is shown while
// there is no answer, so Enter takes it.
func (p *plain) date(question string, cur coach.Answer, def string) (coach.Answer, error) {
	now := p.env.Now()
	text := cur.Text
	if text == "" {
		text = def
	}
	for {
		s, err := p.single(question, text)
		if err != nil {
			return coach.Answer{}, err
		}
		d, err := coach.ParseDate(s, now)
		if err == nil {
			return coach.Answer{Text: d}, nil
		}
		p.say("That is not a date: write YYYY-MM-DD, or today, tomorrow, yesterday, +3d, -1w.")
	}
}

// numbered lists options 1 to n. An option too long for the line wraps
// under its own text, not under its number, so it still reads as one.
func (p *plain) numbered(options []string) {
	width := min(p.width(), theme.MaxTextWidth)
	for i, o := range options {
		head := fmt.Sprintf("  %d. ", i+1)
		text := ansi.Wordwrap(coach.Inert(o), max(20, width-len(head)), "")
		fmt.Fprintln(p.out, head+strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", len(head))))
	}
}

func (p *plain) choice(label string, options []string, cur coach.Answer) (coach.Answer, error) {
	p.say(label)
	p.numbered(options)
	shown := ""
	if i := slices.Index(options, cur.Text); i >= 0 {
		shown = fmt.Sprintf("%d. %s", i+1, cur.Text)
	} else {
		shown = cur.Text // a value from a file, outside the options
	}
	for {
		s, err := p.single(fmt.Sprintf("Choose 1 to %d", len(options)), shown)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == shown:
			return cur, nil
		case s == "":
			return coach.Answer{}, nil
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(options) {
			return coach.Answer{Text: options[n-1]}, nil
		}
		if i := slices.IndexFunc(options, func(o string) bool { return strings.EqualFold(o, s) }); i >= 0 {
			return coach.Answer{Text: options[i]}, nil
		}
		p.say(fmt.Sprintf("Please type a number from 1 to %d.", len(options)))
	}
}

// checklist asks for the options that apply and, if the prompt has one,
// the free-text line; draft keeps the ticks while that line is asked.
func (p *plain) checklist(label string, pr content.Prompt, cur coach.Answer, draft func(coach.Answer)) (coach.Answer, error) {
	items, err := p.tick(label, pr.Options, pr.Examples, cur.Items)
	if err != nil || !pr.Other {
		return coach.Answer{Items: items}, err
	}
	draft(coach.Answer{Items: items, Text: cur.Text})
	other, err := p.single("Anything else", cur.Text)
	return coach.Answer{Items: items, Text: other}, err
}

// tick lists options by number, each on one line with its example if it
// has one, and reads the numbers of those that apply; Enter keeps the ones
// ticked.
func (p *plain) tick(label string, options []string, examples map[string]string, ticked []string) ([]string, error) {
	p.say(label)
	shown := slices.Clone(options)
	for i, o := range shown {
		if ex := examples[o]; ex != "" {
			shown[i] = fmt.Sprintf("%s: \"%s\"", o, ex)
		}
	}
	p.numbered(shown)
	var nums []string
	for _, it := range ticked {
		if i := slices.Index(options, it); i >= 0 {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	for {
		s, err := p.single("The numbers that apply, such as 1 3", strings.Join(nums, " "))
		if err != nil {
			return nil, err
		}
		if items, ok := pick(s, options); ok {
			return items, nil
		}
		p.say(fmt.Sprintf("Please type numbers from 1 to %d, separated by spaces.", len(options)))
	}
}

// pick reads "1 3" or "1, 3" as the options ticked, in the order offered.
func pick(s string, options []string) ([]string, bool) {
	on := make([]bool, len(options))
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(options) {
			return nil, false
		}
		on[n-1] = true
	}
	var items []string
	for i, o := range options {
		if on[i] {
			items = append(items, o)
		}
	}
	return items, true
}

func (p *plain) mood(question string, cur coach.Answer) (coach.Answer, error) {
	shown := ""
	if cur.Score > 0 {
		shown = strings.TrimSpace(strconv.Itoa(cur.Score) + " " + cur.Text)
	}
	p.say(question)
	for {
		s, err := p.single("A number from 1 to 10, then a word if you like", shown)
		if err != nil || s == "" {
			return coach.Answer{}, err
		}
		if s == shown {
			return cur, nil
		}
		num, word, _ := strings.Cut(s, " ")
		if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= 10 {
			return coach.Answer{Score: n, Text: strings.TrimSpace(word)}, nil
		}
		p.say("Please start with a number from 1 (awful) to 10 (fine), such as: 4 tired")
	}
}

// percent reads a whole number from 0 to 100, "%" after it allowed, and
// stores it as its digits. Enter keeps the answer shown (one from a file
// that is no number stays as it is), "-" clears it, and anything else is
// refused and asked again.
func (p *plain) percent(question string, cur coach.Answer) (coach.Answer, error) {
	for {
		s, err := p.single(question, cur.Text)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == "":
			return coach.Answer{}, nil
		case s == cur.Text:
			return cur, nil
		}
		if n, err := coach.ParsePercent(s); err == nil {
			return coach.Answer{Text: strconv.Itoa(n)}, nil
		}
		p.say("That is not a number from 0 to 100: write one such as 70, with or without a % after it.")
	}
}

// maxActions is how many next actions a session asks for, as in the app.
const maxActions = 5

// actions asks for the next actions one at a time; draft keeps those
// finished so far, so leaving half-way loses none.
func (p *plain) actions(question string, cur coach.Answer, draft func(coach.Answer)) (coach.Answer, error) {
	p.say(question)
	if len(cur.Actions) > 0 {
		for i, a := range cur.Actions {
			p.say(coach.Inert(fmt.Sprintf("  %d. %s%s", i+1, a.Text, dueText(a.Due))))
		}
		p.say("Enter at the first action keeps these; anything else writes them again.")
	}
	now := p.env.Now()
	var out coach.Answer
	for i := range maxActions {
		s, err := p.ask(fmt.Sprintf("Action %d (Enter when done):", i+1))
		s = strings.TrimSpace(s)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == "" && i == 0 && len(cur.Actions) > 0:
			return cur, nil
		case s == "" || s == endWord:
			return out, nil
		}
		a := coach.Action{Text: s}
		for {
			d, err := p.ask("Due (YYYY-MM-DD, tomorrow, +3d; Enter for none):")
			if err != nil {
				return coach.Answer{}, err
			}
			if a.Due, err = coach.ParseDate(d, now); err == nil {
				break
			}
			p.say("That is not a date: write YYYY-MM-DD, or today, tomorrow, +3d, +1w.")
		}
		out.Actions = append(out.Actions, a)
		draft(out)
	}
	return out, nil
}

func dueText(due string) string {
	if due == "" {
		return ""
	}
	return " (due " + due + ")"
}
