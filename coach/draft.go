package coach

import (
	"fmt"
	"strings"
)

// DraftFeedbackRequest writes a short, polite message asking for feedback,
// from whatever the intake holds. Every field is optional, so each sentence
// reads naturally with or without it; the user edits the result.
func DraftFeedbackRequest(in Intake) string {
	name := strings.TrimRight(oneLine(in.Interviewer), ",;:")
	company := oneLine(in.Company)
	role := oneLine(in.Role)

	var b strings.Builder
	if name != "" {
		fmt.Fprintf(&b, "Hi %s,\n\n", name)
	} else {
		b.WriteString("Hello,\n\n")
	}

	b.WriteString("Thank you for letting me know about your decision")
	switch {
	case role != "" && company != "":
		fmt.Fprintf(&b, " on the %s role at %s", role, company)
	case role != "":
		fmt.Fprintf(&b, " on the %s role", role)
	case company != "":
		fmt.Fprintf(&b, " at %s", company)
	}
	b.WriteString(", and for the time you")
	if name != "" {
		b.WriteString(" and the team")
	}
	b.WriteString(" gave me")
	if stage := stagePhrase(in.Stage); stage != "" {
		b.WriteString(" " + stage)
	}
	b.WriteString(".\n\n")

	b.WriteString("I am keen to keep improving, and I would really value any feedback on my " +
		"application or interviews: what came across well, and where I could have been stronger. " +
		"Even a few lines would help me a great deal.\n\n")
	if company != "" {
		fmt.Fprintf(&b, "I enjoyed learning about %s and would be glad to be considered for future roles.\n\n", company)
	} else {
		b.WriteString("I would be glad to be considered for future roles.\n\n")
	}
	b.WriteString("Best regards,\n")
	return b.String()
}

// stagePhrase fits a stage into "the time you gave me ___".
func stagePhrase(stage string) string {
	switch stage {
	case "phone screen":
		return "on the phone screen"
	case "first interview":
		return "in the first interview"
	case "final round":
		return "through to the final round"
	case "after an assessment":
		return "on the assessment"
	}
	return "during the process"
}

// oneLine keeps a field on one line: a pasted name must not break the letter.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
