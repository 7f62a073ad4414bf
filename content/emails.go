package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"
)

// The letters rebound drafts are text/template files under emails/, so
// that their words are edited here like the tips. Each letter is a named
// template, with "<name> subject" beside it when it is a fresh email; a
// reply (the request after a rejection by email, and the nudge, which
// answers your own request) has none.
//
// A template is written as prose, not as a layout: the lines of a paragraph
// are joined with spaces when the file is read, so a sentence may be wrapped
// anywhere and its conditions put on lines of their own; a blank line ends a
// paragraph, and {{br}} breaks a line within one (the sign-off). In what a
// letter renders, runs of spaces become one, spaces at the ends of lines go,
// and empty paragraphs (a condition that wrote nothing) leave no gap.

//go:embed emails/*.tmpl
var emailFiles embed.FS

// The letters, by template name.
const (
	// EmailRequest asks for feedback, or after silence asks first where
	// things stand.
	EmailRequest = "request"
	// EmailNudge is the one follow-up when a request had no reply.
	EmailNudge = "nudge"
	// EmailThanks only thanks, for those who do not want to ask.
	EmailThanks = "thanks"
)

var emailNames = []string{EmailRequest, EmailNudge, EmailThanks}

// EmailChannels and EmailStages are the values of how the no came and the
// stage reached that the letters tell apart: the options of the intake's
// channel and stage prompts, which Load checks they are. Any other value,
// and "", gets the letter for not knowing.
var (
	EmailChannels = []string{"email", "call", "silence"}
	EmailStages   = []string{"phone screen", "first interview", "final round", "after an assessment", "other"}
)

// EmailFields is what a letter is written from. Every field may be "", and
// each must be one line: the coach passes the user's words through its own
// clean-up first.
type EmailFields struct {
	Channel string // how the no came: one of EmailChannels, or ""
	Stage   string // one of EmailStages, or ""

	Interviewer string // greeted by name: "Hi Sam,"
	Company     string
	Role        string
	Topic       string // one topic from a final round's conversation
	Name        string // the user's, under the sign-off
}

// Email is one rendered letter: its subject line ("" for a reply, which
// keeps the subject of what it answers) and body, ending in the sign-off.
type Email struct {
	Subject string
	Body    string
}

// Text is the letter as it is shown and copied: "Subject: …" and a blank
// line first when it has a subject, then the body.
func (m Email) Text() string {
	if m.Subject == "" {
		return m.Body
	}
	return "Subject: " + m.Subject + "\n\n" + m.Body
}

// Emails holds the parsed letter templates.
type Emails struct{ t *template.Template }

// LoadEmails parses the embedded letters, once, the first time a letter is
// drafted. It does not check them: TestEmbeddedContentIsValid renders every
// letter for every channel and stage, with every field given and with none,
// from the very files every build carries.
func LoadEmails() (*Emails, error) { return embeddedEmails() }

var embeddedEmails = sync.OnceValues(func() (*Emails, error) { return parseEmails(emailFiles) })

// loadEmails parses the letters in fsys and checks them.
func loadEmails(fsys fs.FS) (*Emails, error) {
	e, err := parseEmails(fsys)
	if err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	return e, nil
}

// parseEmails parses the letters' templates in fsys.
func parseEmails(fsys fs.FS) (*Emails, error) {
	names, err := fs.Glob(fsys, "emails/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("content: emails: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("content: emails: no templates under emails/")
	}
	t := template.New("emails").Funcs(template.FuncMap{
		"br": func() string { return "\n" },
	})
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("content: %w", err)
		}
		if _, err := t.New(name).Parse(joinParagraphs(string(b))); err != nil {
			return nil, fmt.Errorf("content: %s: %w", name, err)
		}
	}
	return &Emails{t: t}, nil
}

// joinParagraphs joins the lines of each paragraph of a template with
// spaces, leaving one blank line between paragraphs.
func joinParagraphs(src string) string {
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, " "))
			lines = nil
		}
	}
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// Render writes one letter. Values of Channel and Stage the letters do not
// know are taken as "". It panics on a name that is not a letter, or on a
// template that fails, which check has ruled out for every input: the
// templates read only strings.
func (e *Emails) Render(name string, f EmailFields) Email {
	m, err := e.render(name, f)
	if err != nil {
		panic(err)
	}
	return m
}

func (e *Emails) render(name string, f EmailFields) (Email, error) {
	if !slices.Contains(emailNames, name) {
		return Email{}, fmt.Errorf("content: no letter %q", name)
	}
	if !slices.Contains(EmailChannels, f.Channel) {
		f.Channel = ""
	}
	if !slices.Contains(EmailStages, f.Stage) {
		f.Stage = ""
	}
	body, err := e.exec(name, f)
	if err != nil {
		return Email{}, err
	}
	var subject string
	if e.t.Lookup(name+" subject") != nil {
		if subject, err = e.exec(name+" subject", f); err != nil {
			return Email{}, err
		}
		subject = strings.Join(strings.Fields(subject), " ")
	}
	return Email{Subject: subject, Body: body}, nil
}

func (e *Emails) exec(name string, f EmailFields) (string, error) {
	var b strings.Builder
	if err := e.t.ExecuteTemplate(&b, name, f); err != nil {
		return "", fmt.Errorf("content: emails: %w", err)
	}
	return tidyLetter(b.String()), nil
}

var spaces = regexp.MustCompile(` {2,}`)

// tidyLetter collapses the spaces and blank lines a template leaves where
// a condition wrote nothing, and ends the letter with one newline.
func tidyLetter(s string) string {
	var paras []string
	for _, para := range strings.Split(s, "\n\n") {
		var lines []string
		for line := range strings.SplitSeq(para, "\n") {
			if line = strings.TrimSpace(spaces.ReplaceAllString(line, " ")); line != "" {
				lines = append(lines, line)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
	}
	if len(paras) == 0 {
		return ""
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// Fields that the check fills in, each easy to find in a letter.
var fullFields = EmailFields{Interviewer: "Sam Rivera", Company: "Northwind", Role: "Product designer",
	Topic: "the pricing case study", Name: "Alex Morgan"}

// letterFlaws are what a template slip leaves in a letter: a space before
// punctuation, doubled punctuation, a value the template has not got.
var letterFlaws = []string{" ,", " .", " ;", " ?", ",,", "..", ",.", ".,", "<no value>", "\t"}

// check renders every letter for every channel and stage, with every field
// given and with none, and requires each to read as a letter: a greeting,
// the sign-off last, a subject of one line when it has one, every name given
// in its place, and none of letterFlaws.
func (e *Emails) check() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("content: emails: "+format, a...)) }
	for _, name := range emailNames {
		if e.t.Lookup(name) == nil {
			bad("no template %q", name)
			continue
		}
		for _, ch := range append([]string{""}, EmailChannels...) {
			for _, st := range append([]string{""}, EmailStages...) {
				for _, full := range []bool{true, false} {
					f := EmailFields{Channel: ch, Stage: st}
					if full {
						f = fullFields
						f.Channel, f.Stage = ch, st
					}
					if err := checkLetter(e, name, f); err != nil {
						bad("%s (channel %q, stage %q, fields given: %v): %v", name, ch, st, full, err)
					}
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checkLetter renders one letter and says what is wrong with it, if anything.
func checkLetter(e *Emails, name string, f EmailFields) error {
	m, err := e.render(name, f)
	if err != nil {
		return err
	}
	var wrong []string
	if strings.TrimSpace(m.Body) == "" {
		return errors.New("the letter is empty")
	}
	// A reply has no subject: the nudge answers the request, and after an
	// email every other letter answers theirs.
	wantSubject := name != EmailNudge && f.Channel != "email"
	switch {
	case wantSubject && m.Subject == "":
		wrong = append(wrong, "a fresh email needs a subject")
	case !wantSubject && m.Subject != "":
		wrong = append(wrong, "a reply has no subject")
	}
	greeting := "Hello,"
	if f.Interviewer != "" {
		greeting = "Hi " + f.Interviewer + ","
	}
	if first, _, _ := strings.Cut(m.Body, "\n"); first != greeting {
		wrong = append(wrong, fmt.Sprintf("the letter must open %q, not %q", greeting, first))
	}
	signoff := "Best regards,\n"
	if f.Name != "" {
		signoff += f.Name + "\n"
	}
	if !strings.HasSuffix(m.Body, "\n\n"+signoff) {
		wrong = append(wrong, fmt.Sprintf("the letter must end %q", signoff))
	}
	if name == EmailRequest && f.Stage == "final round" && f.Topic != "" && !strings.Contains(m.Body, f.Topic) {
		wrong = append(wrong, "a final-round request names the topic")
	}
	for _, text := range []string{m.Subject, m.Body} {
		for _, flaw := range letterFlaws {
			if strings.Contains(text, flaw) {
				wrong = append(wrong, fmt.Sprintf("it holds %q", flaw))
			}
		}
	}
	if len(wrong) > 0 {
		return fmt.Errorf("%s:\n%s", strings.Join(wrong, "; "), m.Text())
	}
	return nil
}

// checkEmailOptions requires the letters to tell apart exactly the channels
// and stages the intake offers, so that a new option means a new letter.
func checkEmailOptions(f *Flow) error {
	var errs []error
	for _, c := range []struct {
		id   string
		want []string
	}{{PromptChannel, EmailChannels}, {PromptStage, EmailStages}} {
		sec, prm, ok := f.Prompt(c.id)
		if !ok {
			errs = append(errs, fmt.Errorf("content: emails: the flow has no prompt %q", c.id))
			continue
		}
		if got := f.Sections[sec].Prompts[prm].Options; !slices.Equal(got, c.want) {
			errs = append(errs, fmt.Errorf("content: emails: %s offers %q, but the letters tell apart %q", c.id, got, c.want))
		}
	}
	return errors.Join(errs...)
}
