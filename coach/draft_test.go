package coach

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/content"
)

var fullIntake = Intake{
	Company:     "Northwind",
	Role:        "Product designer",
	Interviewer: "Ms Rivera",
	Stage:       "final round",
	RejectedOn:  "2026-11-19",
	Channel:     "email",
	Message:     "We have decided to move forward with other candidates.",
}

// letterSession is a session of channel and stage, with every field the
// letters use given (full) or none.
func letterSession(channel, stage string, full bool) *Session {
	s := NewSession(fixedNow)
	s.Intake = Intake{Channel: channel, Stage: stage}
	if full {
		s.Intake.Company, s.Intake.Role, s.Intake.Interviewer = "Northwind", "Product designer", "Ms Rivera"
		s.Answers[PromptTopic] = Answer{Text: "the pricing case study"}
	}
	return s
}

// goldenPart names a channel or stage in a golden file's name: "final-round",
// or "none" for "".
func goldenPart(v string) string {
	if v == "" {
		return "none"
	}
	return strings.ReplaceAll(v, " ", "-")
}

// TestDraftsGolden writes every letter for every channel and stage, with
// every field and a name, and with no field and no name, to
// testdata/drafts/<letter>/<channel>-<stage>[-missing].txt.
func TestDraftsGolden(t *testing.T) {
	letters := []struct {
		name  string
		draft func(*Session, string) string
	}{
		{"request", DraftRequest},
		{"nudge", DraftNudge},
		{"thanks", DraftThanks},
	}
	for _, l := range letters {
		for _, channel := range append([]string{""}, content.EmailChannels...) {
			for _, stage := range append([]string{""}, content.EmailStages...) {
				for _, full := range []bool{true, false} {
					file := goldenPart(channel) + "-" + goldenPart(stage)
					signer := "Alex Morgan"
					if !full {
						file += "-missing"
						signer = ""
					}
					t.Run(l.name+"/"+file, func(t *testing.T) {
						checkGolden(t, "drafts/"+l.name+"/"+file+".txt", l.draft(letterSession(channel, stage, full), signer))
					})
				}
			}
		}
	}
}

func TestDraftSubject(t *testing.T) {
	tests := []struct {
		channel, stage, role, company string
		want                          string // the first line; "" for a reply
	}{
		{"email", "final round", "Product designer", "Northwind", ""},
		{"call", "final round", "Product designer", "Northwind", "Subject: Feedback on my interview for Product designer"},
		{"call", "phone screen", "", "Northwind", "Subject: Feedback on my phone screen with Northwind"},
		{"call", "after an assessment", "", "", "Subject: Feedback on my assessment"},
		{"silence", "first interview", "Product designer", "", "Subject: Checking in on my application for Product designer"},
		{"silence", "", "", "", "Subject: Checking in on my application"},
		{"", "", "Writer", "", "Subject: Feedback on my interview for Writer"},
		{"carrier pigeon", "", "Writer", "", "Subject: Feedback on my interview for Writer"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s %q %q", tt.channel, tt.stage, tt.role, tt.company), func(t *testing.T) {
			s := letterSession(tt.channel, tt.stage, false)
			s.Intake.Role, s.Intake.Company = tt.role, tt.company
			l := letter(content.EmailRequest, s, "")
			got := DraftRequest(s, "")
			switch {
			case tt.want == "" && (l.Subject != "" || strings.HasPrefix(got, "Subject:")):
				t.Errorf("a reply has a subject:\n%s", got)
			case tt.want != "" && firstLine(got) != tt.want:
				t.Errorf("first line %q, want %q", firstLine(got), tt.want)
			case tt.want != "" && !strings.HasPrefix(got, tt.want+"\n\n"+l.Body[:5]):
				t.Errorf("the subject is not followed by a blank line and the body:\n%s", got)
			}
		})
	}
}

func TestDraftGreeting(t *testing.T) {
	tests := []struct {
		interviewer string
		greeting    string
		team        bool
	}{
		{"Ms Rivera", "Hi Ms Rivera,\n\n", true},
		{"", "Hello,\n\n", false},
		{"   \t", "Hello,\n\n", false},
		{"\n", "Hello,\n\n", false},
		{",", "Hello,\n\n", false},
		{"  Ms\n  Rivera \t", "Hi Ms Rivera,\n\n", true},
		{"Ms\r\nRivera", "Hi Ms Rivera,\n\n", true},
		{"Sam ,", "Hi Sam,\n\n", true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.interviewer), func(t *testing.T) {
			s := letterSession("email", "", false)
			s.Intake.Interviewer = tt.interviewer
			for _, got := range []string{DraftRequest(s, ""), DraftNudge(s, ""), DraftThanks(s, "")} {
				if !strings.HasPrefix(got, tt.greeting) {
					t.Errorf("draft starts %q, want %q", firstLine(got), tt.greeting)
				}
			}
			got := DraftRequest(s, "")
			if team := strings.Contains(got, "the time you and the team gave me"); team != tt.team {
				t.Errorf("thanks the team: %v, want %v\n%s", team, tt.team, got)
			}
		})
	}
}

func TestDraftSignOff(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Alex Morgan", "\n\nBest regards,\nAlex Morgan\n"},
		{"", "\n\nBest regards,\n"},
		{" \n\t", "\n\nBest regards,\n"},
		{"Alex\nMorgan\n\nSubject: hacked", "\n\nBest regards,\nAlex Morgan Subject: hacked\n"},
	}
	for _, tt := range tests {
		s := letterSession("call", "final round", true)
		for _, got := range []string{DraftRequest(s, tt.name), DraftNudge(s, tt.name), DraftThanks(s, tt.name)} {
			if !strings.HasSuffix(got, tt.want) {
				t.Errorf("name %q: the draft ends\n%q\nwant %q", tt.name, got[max(0, len(got)-60):], tt.want)
			}
		}
	}
}

// TestDraftUsesTheIntake: what each channel and stage must say.
func TestDraftUsesTheIntake(t *testing.T) {
	tests := []struct {
		channel, stage string
		has, hasNot    []string
	}{
		{"email", "final round", []string{"Thank you for letting me know,", "the pricing case study", "ten-minute call"}, nil},
		{"call", "first interview", []string{"Thank you for calling", "in writing"}, []string{"ten-minute"}},
		{"silence", "final round", []string{"where things stand", "If you have made a decision", "the pricing case study"}, []string{"Thank you for letting me know"}},
		{"email", "phone screen", []string{"a line or two", "other roles at Northwind"}, []string{"ten-minute", "pricing"}},
		{"", "first interview", []string{"my interview"}, []string{"pricing", "other roles"}},
	}
	for _, tt := range tests {
		t.Run(tt.channel+" "+tt.stage, func(t *testing.T) {
			got := DraftRequest(letterSession(tt.channel, tt.stage, true), "")
			for _, w := range tt.has {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in\n%s", w, got)
				}
			}
			for _, w := range tt.hasNot {
				if strings.Contains(got, w) {
					t.Errorf("want no %q in\n%s", w, got)
				}
			}
			if !strings.Contains(got, "not able to share feedback") {
				t.Errorf("the request must accept that they may not share:\n%s", got)
			}
		})
	}
}

// TestDraftHasNoArtefacts fills the intake in every combination, padded and
// split over lines as a paste would be, and checks that every letter reads
// cleanly in all of them.
func TestDraftHasNoArtefacts(t *testing.T) {
	names := []string{"", "Ms Rivera", "  Ms \n Rivera\t", "Ms Rivera, "}
	roles := []string{"", "Product designer", "\tProduct\r\ndesigner  "}
	companies := []string{"", "Northwind", " North wind \n"}
	topics := []string{"", "the case study.", " the\ncase study "}
	stages := append([]string{"", "something else"}, content.EmailStages...)
	artefacts := []string{"  ", " ,", " .", ",,", "..", ",.", " \n", "\n ", "\t", "\r", "\n\n\n"}
	n := 0
	for _, channel := range append([]string{"", "fax"}, content.EmailChannels...) {
		for _, name := range names {
			for _, role := range roles {
				for _, company := range companies {
					for i, stage := range stages {
						n++
						s := letterSession(channel, stage, false)
						s.Intake.Interviewer, s.Intake.Role, s.Intake.Company = name, role, company
						s.Answers[PromptTopic] = Answer{Text: topics[i%len(topics)]}
						for _, got := range []string{DraftRequest(s, name), DraftNudge(s, ""), DraftThanks(s, role)} {
							for _, a := range artefacts {
								if strings.Contains(got, a) {
									t.Errorf("%+v: draft contains %q:\n%s", s.Intake, a, got)
								}
							}
						}
						got := DraftRequest(s, "")
						for _, field := range []string{role, company} {
							if one := oneLine(field); one != "" && channel != "email" && !strings.Contains(got, one) {
								t.Errorf("%+v: %q is not in the draft on one line:\n%s", s.Intake, one, got)
							}
						}
					}
				}
			}
		}
	}
	if n != 5*4*3*3*len(stages) {
		t.Fatalf("ran %d combinations", n)
	}
}

func TestUntouchedDraft(t *testing.T) {
	s := letterSession("call", "final round", true)
	tests := []struct {
		name  string
		draft string
		want  bool
	}{
		{"none", "", true},
		{"unsigned", DraftRequest(s, ""), true},
		{"signed", DraftRequest(s, "Alex Morgan"), true},
		{"signed by an older name", DraftRequest(s, "Alex Smith"), true},
		{"from the intake alone", DraftRequest(&Session{Intake: s.Intake}, ""), true},
		{"edited", strings.Replace(DraftRequest(s, "Alex"), "Hi", "Dear", 1), false},
		{"a PS", DraftRequest(s, "Alex") + "PS: thank you\n", false},
		{"the nudge", DraftNudge(s, ""), false},
		{"one line", "Hi", false},
	}
	for _, tt := range tests {
		if got := untouchedDraft(s, tt.draft); got != tt.want {
			t.Errorf("%s: untouchedDraft = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
