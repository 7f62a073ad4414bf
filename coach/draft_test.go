package coach

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
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

func TestDraftFeedbackRequestGolden(t *testing.T) {
	tests := []struct {
		name string
		in   Intake
	}{
		{"full", fullIntake},
		{"none", Intake{}},
		{"company-only", Intake{Company: "Northwind"}},
		{"role-and-name", Intake{Role: "Product designer", Interviewer: "Sam", Stage: "phone screen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "draft/"+tt.name+".txt", DraftFeedbackRequest(tt.in))
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
		{"  Ms\n  Rivera \t", "Hi Ms Rivera,\n\n", true},
		{"Ms\r\nRivera", "Hi Ms Rivera,\n\n", true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.interviewer), func(t *testing.T) {
			got := DraftFeedbackRequest(Intake{Interviewer: tt.interviewer})
			if !strings.HasPrefix(got, tt.greeting) {
				t.Errorf("draft starts %q, want %q", firstLine(got), tt.greeting)
			}
			if team := strings.Contains(got, "the time you and the team gave me"); team != tt.team {
				t.Errorf("thanks the team: %v, want %v\n%s", team, tt.team, got)
			}
			if !tt.team && !strings.Contains(got, "the time you gave me") {
				t.Errorf("without a name the thanks should read \"the time you gave me\":\n%s", got)
			}
		})
	}
}

func TestDraftRoleAndCompany(t *testing.T) {
	tests := []struct {
		role, company string
		thanks        string // the opening of the first paragraph, up to the comma
		closing       string
	}{
		{"Product designer", "Northwind",
			"Thank you for letting me know about your decision on the Product designer role at Northwind, and",
			"I enjoyed learning about Northwind and would be glad to be considered for future roles.\n\n"},
		{"Product designer", "",
			"Thank you for letting me know about your decision on the Product designer role, and",
			"I would be glad to be considered for future roles.\n\n"},
		{"", "Northwind",
			"Thank you for letting me know about your decision at Northwind, and",
			"I enjoyed learning about Northwind and would be glad to be considered for future roles.\n\n"},
		{"", "",
			"Thank you for letting me know about your decision, and",
			"I would be glad to be considered for future roles.\n\n"},
		{" Product\n designer ", "\tNorth\nwind  ",
			"Thank you for letting me know about your decision on the Product designer role at North wind, and",
			"I enjoyed learning about North wind and would be glad to be considered for future roles.\n\n"},
		{"  ", "\n\n",
			"Thank you for letting me know about your decision, and",
			"I would be glad to be considered for future roles.\n\n"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q at %q", tt.role, tt.company), func(t *testing.T) {
			got := DraftFeedbackRequest(Intake{Role: tt.role, Company: tt.company})
			paras := strings.Split(got, "\n\n")
			if len(paras) < 2 || !strings.HasPrefix(paras[1], tt.thanks) {
				t.Errorf("first paragraph:\n got %q\nwant prefix %q", paras[1], tt.thanks)
			}
			if !strings.Contains(got, tt.closing) {
				t.Errorf("closing %q missing:\n%s", tt.closing, got)
			}
			if !strings.HasSuffix(got, "\n\nBest regards,\n") {
				t.Errorf("draft does not end with the sign-off:\n%s", got)
			}
		})
	}
}

// stagePhrases is how each stage of flow.json's intake.stage ends "for the
// time you gave me ___". Adding a stage to the flow without deciding its
// phrase fails TestDraftStagePhrase.
var stagePhrases = map[string]string{
	"phone screen":        "on the phone screen",
	"first interview":     "in the first interview",
	"final round":         "through to the final round",
	"after an assessment": "on the assessment",
	"other":               "during the process",
}

func TestDraftStagePhrase(t *testing.T) {
	flow := loadFlow(t)
	sec, prm, ok := flow.Prompt(PromptStage)
	if !ok {
		t.Fatalf("flow has no %s prompt", PromptStage)
	}
	options := flow.Sections[sec].Prompts[prm].Options
	if got, want := slices.Sorted(slices.Values(options)), slices.Sorted(maps.Keys(stagePhrases)); !slices.Equal(got, want) {
		t.Fatalf("stage options in flow.json %q; this test knows phrases for %q", got, want)
	}
	cases := maps.Clone(stagePhrases)
	cases[""] = "during the process"
	for stage, phrase := range cases {
		t.Run(stage, func(t *testing.T) {
			for _, name := range []string{"", "Ms Rivera"} {
				got := DraftFeedbackRequest(Intake{Stage: stage, Interviewer: name})
				want := " gave me " + phrase + ".\n\n"
				if !strings.Contains(got, want) {
					t.Errorf("stage %q, interviewer %q: want %q in\n%s", stage, name, want, got)
				}
			}
		})
	}
}

// TestDraftHasNoArtefacts fills the intake in every combination, padded and
// split over lines as a paste would be, and checks that the letter reads
// cleanly in all of them.
func TestDraftHasNoArtefacts(t *testing.T) {
	names := []string{"", "Ms Rivera", "  Ms \n Rivera\t"}
	roles := []string{"", "Product designer", "\tProduct\r\ndesigner  "}
	companies := []string{"", "Northwind", " North wind \n"}
	stages := append(slices.Sorted(maps.Keys(stagePhrases)), "", "something else")
	artefacts := []string{"  ", " ,", " .", ",,", "..", ",.", " \n", "\n ", "\t", "\r", "\n\n\n"}
	n := 0
	for _, name := range names {
		for _, role := range roles {
			for _, company := range companies {
				for _, stage := range stages {
					n++
					in := Intake{Interviewer: name, Role: role, Company: company, Stage: stage}
					got := DraftFeedbackRequest(in)
					for _, a := range artefacts {
						if strings.Contains(got, a) {
							t.Errorf("%+v: draft contains %q:\n%s", in, a, got)
						}
					}
					if paras := strings.Split(got, "\n\n"); len(paras) != 5 {
						t.Errorf("%+v: %d paragraphs, want 5 (greeting, thanks, ask, future, sign-off):\n%s", in, len(paras), got)
					}
					for _, field := range []string{name, role, company} {
						if one := strings.Join(strings.Fields(field), " "); one != "" && !strings.Contains(got, one) {
							t.Errorf("%+v: %q is not in the draft on one line:\n%s", in, one, got)
						}
					}
				}
			}
		}
	}
	if n != 3*3*3*len(stages) {
		t.Fatalf("ran %d combinations", n)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
