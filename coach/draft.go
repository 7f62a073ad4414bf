package coach

import (
	"strings"
	"sync"

	"github.com/rebound-coach/rebound/content"
)

// The letters rebound drafts for a session: the feedback request, the one
// nudge when it had no reply, and a note that only thanks. Their words are
// content's (content/emails/); the coach fills them in from the intake, the
// topic a final round names, and the user's name from the settings. Every
// field is optional, and every letter reads naturally without it; the user
// edits the result.

// Letter is a drafted email: its subject line ("" for a reply, which keeps
// the subject of what it answers) and its body, ending in the sign-off.
type Letter struct {
	Subject string
	Body    string
}

// Text is the letter as it is shown and copied: "Subject: …" and a blank
// line first when it has a subject, then the body.
func (l Letter) Text() string {
	if l.Subject == "" {
		return l.Body
	}
	return "Subject: " + l.Subject + "\n\n" + l.Body
}

// RequestLetter is the feedback request for s, signed by name ("" signs
// with no name): a reply after an email, a fresh email after a call, and
// after silence a check of where things stand first.
func RequestLetter(s *Session, name string) Letter { return letter(content.EmailRequest, s, name) }

// NudgeLetter is the one follow-up to a request that had no reply.
func NudgeLetter(s *Session, name string) Letter { return letter(content.EmailNudge, s, name) }

// ThanksLetter only thanks, for someone who would rather not ask.
func ThanksLetter(s *Session, name string) Letter { return letter(content.EmailThanks, s, name) }

// DraftRequest is RequestLetter's text, subject line first when it has one.
func DraftRequest(s *Session, name string) string { return RequestLetter(s, name).Text() }

// DraftNudge is NudgeLetter's text.
func DraftNudge(s *Session, name string) string { return NudgeLetter(s, name).Text() }

// DraftThanks is ThanksLetter's text.
func DraftThanks(s *Session, name string) string { return ThanksLetter(s, name).Text() }

// DraftFeedbackRequest is the request drafted from the intake alone: no
// topic and no name. It is kept for callers that have only the intake;
// DraftRequest is the whole draft.
func DraftFeedbackRequest(in Intake) string { return DraftRequest(&Session{Intake: in}, "") }

// emails are the letter templates. content.Load has checked them when the
// app started, and the tests check them for every channel and stage, so a
// failure here is a broken build, not something a user can cause.
var emails = sync.OnceValue(func() *content.Emails {
	e, err := content.LoadEmails()
	if err != nil {
		panic(err)
	}
	return e
})

func letter(name string, s *Session, signer string) Letter {
	in := s.Intake
	m := emails().Render(name, content.EmailFields{
		Channel:     in.Channel,
		Stage:       in.Stage,
		Interviewer: trimmed(in.Interviewer, ",;:"),
		Company:     oneLine(in.Company),
		Role:        oneLine(in.Role),
		Topic:       trimmed(s.Answers[PromptTopic].Text, ".,;:"),
		Name:        oneLine(signer),
	})
	return Letter{Subject: m.Subject, Body: m.Body}
}

// untouchedDraft reports whether d is the request exactly as rebound
// drafts it for s, so that it holds no words of the user's. The name under
// it is the settings' at the time, which may have changed since: it is
// taken from the draft's last line. A draft made from the intake alone
// (DraftFeedbackRequest) is rebound's too.
func untouchedDraft(s *Session, d string) bool {
	if d == "" || d == DraftRequest(s, "") || d == DraftFeedbackRequest(s.Intake) {
		return true
	}
	body := strings.TrimSuffix(d, "\n")
	name := body[strings.LastIndexByte(body, '\n')+1:]
	return name != "" && d == DraftRequest(s, name)
}

// oneLine keeps a field on one line: a pasted name must not break the letter.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// trimmed is oneLine without the punctuation and spaces a field may end in
// that the letter puts after it itself: "Sam," would greet "Hi Sam,,".
func trimmed(s, cut string) string {
	return strings.TrimRight(oneLine(s), cut+" ")
}
