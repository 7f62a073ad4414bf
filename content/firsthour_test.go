package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// prompt returns a prompt of the embedded flow, failing the test without it.
func prompt(t *testing.T, f *Flow, id string) Prompt {
	t.Helper()
	sec, prm, ok := f.Prompt(id)
	if !ok {
		t.Fatalf("the flow has no prompt %q", id)
	}
	return f.Sections[sec].Prompts[prm]
}

// TestTenMinutes is the short session's promise: at most twelve prompts
// from the check-in to the summary, each counted, all five steps, the
// check-in first, and only prompts the whole session has.
func TestTenMinutes(t *testing.T) {
	flow, _ := mustLoad(t)
	short := flow.Path(TenMinutes)
	if n := len(short); n > MaxTenMinutes {
		t.Errorf("the ten-minute path asks %d prompts, want at most %d: %v", n, MaxTenMinutes, short)
	}
	whole := flow.Path(Whole)
	steps := map[int]int{}
	for _, id := range flow.TenMinutes {
		if !slices.Contains(whole, id) {
			t.Errorf("ten_minutes names %q, which the whole session does not ask", id)
		}
		sec, _, _ := flow.Prompt(id)
		steps[flow.Sections[sec].Step]++
	}
	for st := 1; st <= wantSteps; st++ {
		if n := steps[st]; n < 1 || n > 3 {
			t.Errorf("the ten-minute path asks %d prompts of step %d, want one to three", n, st)
		}
	}
	if short[0] != "mood.before" {
		t.Errorf("the ten-minute path starts at %q, want the check-in", short[0])
	}
	// The short path in the issue, prompt for prompt.
	for _, id := range []string{
		"intake.company", "intake.role", "intake.stage",
		"step_back.outside", "not_personal.thought", PromptTraps, "not_personal.friend",
		"feedback.draft", "feedback.send_on", "reflect.questions", "restart.next_day",
	} {
		if !slices.Contains(short, id) {
			t.Errorf("the ten-minute path lacks %q", id)
		}
	}
	if !slices.Equal(flow.Path(TenMinutes), orderedLike(whole, flow.TenMinutes)) {
		t.Errorf("Path(TenMinutes) = %v, not in flow order", flow.Path(TenMinutes))
	}
}

// orderedLike is ids in the order they have in all.
func orderedLike(all, ids []string) []string {
	var out []string
	for _, id := range all {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

func TestPaths(t *testing.T) {
	flow, _ := mustLoad(t)
	whole, short, rest := flow.Path(Whole), flow.Path(TenMinutes), flow.Path(Rest)
	if len(short)+len(rest) != len(whole) {
		t.Fatalf("%d short and %d rest prompts, but the whole session has %d", len(short), len(rest), len(whole))
	}
	if !slices.Equal(flow.Path(""), whole) || !slices.Equal(flow.Path("deep"), whole) {
		t.Error("an empty or unknown depth should be the whole session")
	}
	for _, id := range whole {
		inShort, inRest := slices.Contains(short, id), slices.Contains(rest, id)
		if inShort == inRest {
			t.Errorf("%q: in the short path %v, in the rest %v; want exactly one", id, inShort, inRest)
		}
		if flow.InPath(TenMinutes, id) != inShort || flow.InPath(Rest, id) != inRest || !flow.InPath(Whole, id) || !flow.InPath("", id) {
			t.Errorf("InPath disagrees with Path for %q", id)
		}
	}
	// The rest is what the issue says the short path skips, among others.
	for _, id := range []string{"not_personal.belief_before", "not_personal.evidence_against", "feedback.went_well", "restart.if_then"} {
		if !slices.Contains(rest, id) {
			t.Errorf("the rest of the session lacks %q", id)
		}
	}
}

// TestThinkingTraps: the eight traps of the issue, in the checklist, each
// with a one-line example of how it sounds after a rejection.
func TestThinkingTraps(t *testing.T) {
	flow, _ := mustLoad(t)
	traps := flow.Traps()
	var names []string
	for _, tr := range traps {
		names = append(names, tr.Name)
		if tr.Example == "" {
			t.Errorf("trap %q has no example", tr.Name)
		}
		if strings.ContainsAny(tr.Example, "\r\n") || utf8.RuneCountInString(tr.Example) > maxExample {
			t.Errorf("trap %q: the example is not one short line: %q", tr.Name, tr.Example)
		}
	}
	want := []string{"Taking it personally", "Mind reading", "Fortune telling", "Catastrophising",
		"Over-generalising", "Labelling", "Discounting the positive", "All-or-nothing"}
	if !slices.Equal(names, want) {
		t.Errorf("traps = %q, want %q", names, want)
	}
	if p := prompt(t, flow, PromptTraps); p.Kind != Checklist {
		t.Errorf("%s is a %s, want a checklist to tick", PromptTraps, p.Kind)
	}
	if (&Flow{}).Traps() != nil {
		t.Error("a flow without the trap prompt should have no traps")
	}
}

// TestExplanationMarks: "which are about them" is derived from the marks,
// so every explanation has one, and both kinds are offered.
func TestExplanationMarks(t *testing.T) {
	flow, _ := mustLoad(t)
	p := prompt(t, flow, PromptExplanations)
	count := map[string]int{}
	for _, o := range p.Options {
		count[p.About[o]]++
	}
	if count[AboutThem] == 0 || count[AboutYou] == 0 || count[AboutThem]+count[AboutYou] != len(p.Options) {
		t.Errorf("explanation marks %v over %d options; want every option marked, some of each", count, len(p.Options))
	}
	for o, want := range map[string]string{"A hiring freeze": AboutThem, "An internal candidate": AboutThem, "A career gap I did not explain well": AboutYou} {
		if got := p.About[o]; got != want {
			t.Errorf("%q is marked %q, want %q", o, got, want)
		}
	}
	if _, _, ok := flow.Prompt("not_personal.about_them"); ok {
		t.Error("not_personal.about_them is derived from the marks now, not asked")
	}
}

// TestNewPrompts pins the kinds and conditions the UI is built against.
func TestNewPrompts(t *testing.T) {
	flow, _ := mustLoad(t)
	tests := []struct {
		id, section string
		kind        Kind
		when        map[string][]string
	}{
		{"mood.before", "checkin", Mood, nil},
		{"intake.interviewer", "feedback", Text, nil},
		{"intake.channel", "feedback", Choice, nil},
		{"intake.rejected_on", "feedback", Date, nil},
		{"intake.message", "feedback", Textarea, nil},
		{"step_back.free_write", "step-back", Textarea, nil},
		{"not_personal.belief_before", "not-personal", Percent, nil},
		{PromptTraps, "not-personal", Checklist, nil},
		{"not_personal.evidence_for", "not-personal", List, nil},
		{"not_personal.evidence_against", "not-personal", List, nil},
		{"not_personal.friend", "not-personal", Textarea, nil},
		{"not_personal.belief_after", "not-personal", Percent, nil},
		{"feedback.topic", "feedback", Text, map[string][]string{"intake.stage": {"final round"}}},
		{"feedback.send_on", "feedback", Date, map[string][]string{"feedback.send": {"yes", ""}}},
		{"feedback.follow_up_on", "feedback", Date, map[string][]string{"feedback.send": {"yes", ""}}},
		{"feedback.closure_on", "feedback", Date, map[string][]string{"intake.channel": {"silence"}}},
		{"restart.next_day", "restart", Text, nil},
		{"restart.if_then", "restart", Text, nil},
	}
	for _, tt := range tests {
		sec, _, ok := flow.Prompt(tt.id)
		if !ok {
			t.Errorf("no prompt %q", tt.id)
			continue
		}
		p := prompt(t, flow, tt.id)
		if got := flow.Sections[sec].ID; got != tt.section || p.Kind != tt.kind {
			t.Errorf("%s is a %s in %q, want a %s in %q", tt.id, p.Kind, got, tt.kind, tt.section)
		}
		if len(p.When) != len(tt.when) {
			t.Errorf("%s: when = %v, want %v", tt.id, p.When, tt.when)
		}
		for k, v := range tt.when {
			if !slices.Equal(p.When[k], v) {
				t.Errorf("%s: when[%s] = %q, want %q", tt.id, k, p.When[k], v)
			}
		}
	}
	if got := flow.Path(Whole)[0]; got != "mood.before" {
		t.Errorf("the session opens on %q, want the check-in", got)
	}
	if intake := flow.Sections[1]; intake.ID != "intake" || len(intake.Prompts) != 3 {
		t.Errorf("after the check-in comes %q with %d prompts, want the intake with company, role and stage", intake.ID, len(intake.Prompts))
	}
	if p := prompt(t, flow, "restart.if_then"); flow.Sections[len(flow.Sections)-2].Prompts[len(flow.Sections[len(flow.Sections)-2].Prompts)-1].ID != p.ID {
		t.Error("the if-then plan should close Restart")
	}
	send := prompt(t, flow, "feedback.send_on")
	follow := prompt(t, flow, "feedback.follow_up_on")
	if send.Default != "+1d" || follow.Default != "+7d" || follow.DefaultFrom != send.ID {
		t.Errorf("send on %q, follow up %q from %q; want tomorrow, and a week after sending", send.Default, follow.Default, follow.DefaultFrom)
	}
	if free := prompt(t, flow, "step_back.free_write"); free.TimerLength() != 10*time.Minute {
		t.Errorf("the free-write offers %v, want ten minutes", free.TimerLength())
	}
	if well, better := prompt(t, flow, "feedback.went_well"), prompt(t, flow, "feedback.do_better"); well.TimerLength() != 10*time.Minute || better.Timer != TimerContinue {
		t.Errorf("self-feedback timers %q and %q, want 10m shared by both lists", well.Timer, better.Timer)
	}
}

func TestApplies(t *testing.T) {
	p := Prompt{When: map[string][]string{"intake.stage": {"final round"}, "feedback.send": {"yes", ""}}}
	tests := []struct {
		answers map[string]string
		want    bool
	}{
		{map[string]string{"intake.stage": "final round", "feedback.send": "yes"}, true},
		{map[string]string{"intake.stage": "final round"}, true}, // "" is no answer
		{map[string]string{"intake.stage": "final round", "feedback.send": "no"}, false},
		{map[string]string{"intake.stage": "phone screen", "feedback.send": "yes"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := p.Applies(func(id string) string { return tt.answers[id] }); got != tt.want {
			t.Errorf("Applies with %v = %v, want %v", tt.answers, got, tt.want)
		}
	}
	if !(Prompt{}).Applies(func(string) string { return "" }) {
		t.Error("a prompt without a condition always applies")
	}
}

func TestTimerLength(t *testing.T) {
	for timer, want := range map[string]time.Duration{"": 0, "10m": 10 * time.Minute, "1m": time.Minute, "60m": time.Hour,
		TimerContinue: 0, "90s": 0, "61m": 0, "0m": 0, "-5m": 0, "ten": 0} {
		if got := (Prompt{Timer: timer}).TimerLength(); got != want {
			t.Errorf("TimerLength(%q) = %v, want %v", timer, got, want)
		}
	}
}

func TestStageEvidence(t *testing.T) {
	flow, _ := mustLoad(t)
	for _, st := range prompt(t, flow, PromptStage).Options {
		e := flow.StageEvidence(st)
		if e == "" || !strings.HasSuffix(e, ".") {
			t.Errorf("stage %q: evidence %q, want one sentence", st, e)
		}
	}
	if got := flow.StageEvidence("final round"); !strings.Contains(got, "your CV and your first interviews worked") {
		t.Errorf("final-round evidence = %q", got)
	}
	if flow.StageEvidence("") != "" || flow.StageEvidence("somewhere") != "" {
		t.Error("no stage, no evidence")
	}
}

// TestGists: each tip opens with a bold line a screen can keep in view.
func TestGists(t *testing.T) {
	flow, _ := mustLoad(t)
	for _, s := range steps(flow) {
		g := s.Gist()
		if g == "" || strings.Contains(g, "\n") || utf8.RuneCountInString(g) > 80 {
			t.Errorf("tip %q: gist %q, want one line of at most 80 characters", s.ID, g)
		}
	}
	tests := []struct{ tip, want string }{
		{"## H\n\n**Gist.**\n\nBody.", "Gist."},
		{"## H\n**Gist.**\n", "Gist."},
		{"## H\n\n  **Gist.**  \n\nBody.", "Gist."},
		{"## H\n\nBody.", ""},
		{"## H\n\n**Two\nlines.**", ""},
		{"## H\n\n**Gist.** and more", ""},
		{"## H\n\n**Gist.**\nrunning on", ""},
		{"## H\n\n**a** and **b**", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := (Section{Tip: tt.tip}).Gist(); got != tt.want {
			t.Errorf("Gist(%q) = %q, want %q", tt.tip, got, tt.want)
		}
	}
}

// TestWeakSpotsGone: the phrases the issue asked to rework stay out.
func TestWeakSpotsGone(t *testing.T) {
	flow, _ := mustLoad(t)
	var all string
	for _, s := range steps(flow) {
		all += normalize(s.Tip) + "\n"
	}
	for _, phrase := range []string{
		"treat it as a gift", "moves you closer", "gets a little easier", "little to gain",
		"thick skin", "not a comforting story", "what other explanations are there for this rejection",
	} {
		if strings.Contains(all, phrase) {
			t.Errorf("a tip still says %q", phrase)
		}
	}
}

var phoneLike = regexp.MustCompile(`[0-9]`)

func TestLowMood(t *testing.T) {
	s := LowMood()
	if n := len(regexp.MustCompile(`[.!?](\s|$)`).FindAllString(s, -1)); n < 2 || n > 3 {
		t.Errorf("the low-mood note has %d sentences, want two or three:\n%s", n, s)
	}
	for _, want := range []string{"hard moment", "today", "one message to a person you trust", "unsafe", "emergency services", "crisis line"} {
		if !strings.Contains(s, want) {
			t.Errorf("the low-mood note does not say %q:\n%s", want, s)
		}
	}
	// No number of any one country: rebound cannot know where its user is.
	if phoneLike.MatchString(s) {
		t.Errorf("the low-mood note holds a digit, which could be read as a phone number:\n%s", s)
	}
	for _, preachy := range []string{"you should", "you must", "remember to", "!"} {
		if strings.Contains(strings.ToLower(s), preachy) {
			t.Errorf("the low-mood note says %q", preachy)
		}
	}
	for score, want := range map[int]bool{0: false, 1: true, 3: true, 4: false, 10: false, -1: false} {
		if IsLowMood(score) != want {
			t.Errorf("IsLowMood(%d) = %v, want %v", score, !want, want)
		}
	}
}
