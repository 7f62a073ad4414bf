package coach

import (
	"strings"

	"github.com/rebound-coach/rebound/content"
)

// The letters rebound drafts for a session: the feedback request, the one
// nudge when it had no reply, and a note that only thanks. Their words are
// content's (content/emails/); the coach fills them in from the intake, the
// topic a final round names, and the user's name from the settings. Every
// field is optional, and every letter reads naturally without it; the user
// edits the result.

// DraftRequest is the feedback request for s, signed by name ("" signs
// with no name), as it is shown and copied: a reply after an email, a fresh
// email with its subject line after a call, and after silence a check of
// where things stand first.
func DraftRequest(s *Session, name string) string {
	return letter(content.EmailRequest, s, name).Text()
}

// DraftNudge is the one follow-up to a request that had no reply.
func DraftNudge(s *Session, name string) string { return letter(content.EmailNudge, s, name).Text() }

// DraftThanks only thanks, for someone who would rather not ask.
func DraftThanks(s *Session, name string) string { return letter(content.EmailThanks, s, name).Text() }

// letter renders content's letter name for s. The templates are embedded
// and content's tests check them for every channel and stage, so a failure
// here is a broken build, not something a user can cause.
func letter(name string, s *Session, signer string) content.Email {
	emails, err := content.LoadEmails() // parsed once
	if err != nil {
		panic(err)
	}
	in := s.Intake
	return emails.Render(name, content.EmailFields{
		Channel:     in.Channel,
		Stage:       in.Stage,
		Interviewer: trimmed(in.Interviewer, ",;:"),
		Company:     oneLine(in.Company),
		Role:        oneLine(in.Role),
		Topic:       trimmed(s.Answers[PromptTopic].Text, ".,;:"),
		Name:        oneLine(signer),
	})
}

// untouchedDraft reports whether d is the request exactly as rebound
// drafts it for s, so that it holds no words of the user's. The name under
// it is the settings' at the time, which may have changed since: it is
// taken from the draft's last line. A draft made from the intake alone
// (no topic, no name) is rebound's too.
func untouchedDraft(s *Session, d string) bool {
	if d == "" || d == DraftRequest(s, "") || d == DraftRequest(&Session{Intake: s.Intake}, "") {
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
