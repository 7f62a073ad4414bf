package coach

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// day is noon on a day of November 2026, local time: the queue works in
// local calendar days.
func day(d int) time.Time { return time.Date(2026, time.November, d, 12, 0, 0, 0, time.Local) }

func dayString(d int) string { return day(d).Format(DateLayout) }

// round is a reviewed round of the question with this key, on day d.
func round(key string, d, rating int) *Practice {
	q := Question{Key: key, Text: key, Source: FromBank}
	if strings.HasPrefix(key, "q:") {
		q.Source = FromSession
	}
	p := NewPractice(q, 0, day(d))
	p.ID = fmt.Sprintf("%s-%02d", strings.NewReplacer(":", "", " ", "").Replace(key), d)
	p.Rating = rating
	return p
}

func TestNextBox(t *testing.T) {
	tests := []struct{ box, rating, want int }{
		{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 2}, {0, 5, 3},
		{3, 1, 1}, {3, 2, 1}, {3, 3, 3}, {3, 4, 4}, {3, 5, 5},
		{4, 5, 5}, {5, 4, 5}, {5, 3, 5}, {5, 2, 1},
	}
	for _, tt := range tests {
		if got := nextBox(tt.box, tt.rating); got != tt.want {
			t.Errorf("nextBox(%d, %d) = %d, want %d", tt.box, tt.rating, got, tt.want)
		}
	}
}

func TestTracks(t *testing.T) {
	unreviewed := round("bank:a", 9, 0)
	entries := []*Practice{
		// Out of order on purpose: the history is replayed by date.
		round("bank:a", 5, 4), round("bank:a", 1, 2), round("bank:a", 3, 3),
		round("bank:b", 2, 5), unreviewed,
	}
	tracks := Tracks(entries)
	if len(tracks) != 2 {
		t.Fatalf("got %d tracks, want 2 (an unreviewed round is not history)", len(tracks))
	}
	a := tracks["bank:a"]
	if got := a.Ratings(); !slices.Equal(got, []int{2, 3, 4}) {
		t.Errorf("bank:a ratings = %v, want [2 3 4] (oldest first)", got)
	}
	// 2 → box 1, 3 → stays in 1, 4 → box 2, which is due three days after day 5.
	if a.Box != 2 || a.Due != dayString(8) {
		t.Errorf("bank:a box %d due %s, want box 2 due %s", a.Box, a.Due, dayString(8))
	}
	b := tracks["bank:b"]
	if b.Box != 3 || b.Due != dayString(9) {
		t.Errorf("bank:b box %d due %s, want box 3 due %s", b.Box, b.Due, dayString(9))
	}
	if a.Last().ID != "banka-05" {
		t.Errorf("last round %q, want banka-05", a.Last().ID)
	}
}

func TestFlaggedQuestions(t *testing.T) {
	sums := []Summary{
		{ID: "old", CreatedAt: day(1), Questions: []string{"Why us?", "Tell me about a conflict", "What is your biggest weakness"}},
		{ID: "new", CreatedAt: day(10), Questions: []string{"  why US ", "Design a cache", "", "What is your biggest weakness?"}},
		{ID: "none", CreatedAt: day(12)},
	}
	bank := []Question{{Key: "bank:weakness", Text: "What is your biggest weakness?", Tag: "strengths", Source: FromBank}}
	got := FlaggedQuestions(sums, bank)
	want := []Question{
		{Key: "q:why us", Text: "  why US ", Source: FromSession, SessionID: "new"},
		{Key: "q:design a cache", Text: "Design a cache", Source: FromSession, SessionID: "new"},
		// The bank's question, word for word: its key and tag, so one history.
		{Key: "bank:weakness", Text: "What is your biggest weakness?", Source: FromSession, Tag: "strengths", SessionID: "new"},
		{Key: "q:tell me about a conflict", Text: "Tell me about a conflict", Source: FromSession, SessionID: "old"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("FlaggedQuestions =\n%+v\nwant\n%+v", got, want)
	}
	// Queued once, as a question that threw the user, not again as new.
	cards := Queue(got, bank, nil, "", dayString(20))
	var keys []string
	for _, c := range cards {
		keys = append(keys, c.Question.Key)
	}
	if want := []string{"q:why us", "q:design a cache", "bank:weakness", "q:tell me about a conflict"}; !slices.Equal(keys, want) {
		t.Errorf("queue %v, want %v", keys, want)
	}
}

func TestQueue(t *testing.T) {
	bank := []Question{
		{Key: "bank:m1", Tag: "motivation", Source: FromBank},
		{Key: "bank:m2", Tag: "motivation", Source: FromBank},
		{Key: "bank:m3", Tag: "motivation", Source: FromBank},
		{Key: "bank:b1", Tag: "behavioural", Source: FromBank},
		{Key: "bank:b2", Tag: "behavioural", Source: FromBank},
		{Key: "bank:s1", Tag: "strengths", Source: FromBank},
	}
	flagged := []Question{
		{Key: "q:one", Source: FromSession, SessionID: "s1"},
		{Key: "q:two", Source: FromSession, SessionID: "s1"},
		{Key: "q:three", Source: FromSession, SessionID: "s2"},
	}
	withTag := func(p *Practice, tag string) *Practice { p.Question.Tag = tag; return p }
	tests := []struct {
		name    string
		history []*Practice
		tag     string
		today   int
		want    []string // key/reason
	}{
		{
			name:  "nothing practised: flagged first, then the bank a tag at a time",
			today: 20,
			want: []string{"q:one/threw", "q:two/threw", "q:three/threw",
				"bank:m1/new", "bank:b1/new", "bank:s1/new", "bank:m2/new", "bank:b2/new", "bank:m3/new"},
		},
		{
			name: "a flagged question rated well leaves the front; one rated low stays once due",
			history: []*Practice{
				round("q:one", 18, 4), // box 2, due day 21: later
				round("q:two", 18, 2), // box 1, due day 19: threw again
			},
			today: 20,
			want: []string{"q:two/threw", "q:three/threw",
				"bank:m1/new", "bank:b1/new", "bank:s1/new", "bank:m2/new", "bank:b2/new", "bank:m3/new",
				"q:one/later"},
		},
		{
			name:    "a flagged question rated low today stays in front, after the others",
			history: []*Practice{round("q:one", 20, 1), round("q:three", 19, 2)},
			today:   20,
			want: []string{"q:two/threw", "q:three/threw", "q:one/threw",
				"bank:m1/new", "bank:b1/new", "bank:s1/new", "bank:m2/new", "bank:b2/new", "bank:m3/new"},
		},
		{
			name: "due questions by box, then most overdue; not due ones last, soonest first",
			history: []*Practice{
				withTag(round("bank:m1", 10, 5), "motivation"),                     // box 3, due 17
				withTag(round("bank:b1", 15, 4), "behavioural"),                    // box 2, due 18
				withTag(round("bank:m2", 18, 3), "motivation"),                     // box 1, due 19
				withTag(round("bank:s1", 12, 1), "strengths"),                      // box 1, due 13
				withTag(round("bank:b2", 19, 5), "behavioural"),                    // box 3, due 26
				withTag(round("bank:m3", 19, 4), "motivation"),                     // box 2, due 22
				round("q:one", 1, 5), round("q:two", 1, 5), round("q:three", 1, 5), // box 3, due 8
			},
			today: 20,
			want: []string{"bank:s1/due", "bank:m2/due", "bank:b1/due",
				"q:one/due", "q:three/due", "q:two/due", "bank:m1/due", "bank:m3/later", "bank:b2/later"},
		},
		{
			name: "a tag keeps only that tag's bank questions and leaves the flagged out",
			history: []*Practice{
				withTag(round("bank:m2", 18, 5), "motivation"), // box 3, due 25
				withTag(round("bank:b1", 10, 2), "behavioural"),
			},
			tag:   "motivation",
			today: 20,
			want:  []string{"bank:m1/new", "bank:m3/new", "bank:m2/later"},
		},
		{
			name:    "the tags keep their turn once the first new question is practised",
			history: []*Practice{withTag(round("bank:m1", 20, 4), "motivation")},
			today:   20,
			want: []string{"q:one/threw", "q:two/threw", "q:three/threw",
				"bank:b1/new", "bank:s1/new", "bank:m2/new", "bank:b2/new", "bank:m3/new", "bank:m1/later"},
		},
		{
			name:  "an unknown tag is an empty queue",
			tag:   "nonsense",
			today: 20,
			want:  nil,
		},
	}
	reasons := map[Reason]string{Threw: "threw", Due: "due", New: "new", Later: "later"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards := Queue(flagged, bank, Tracks(tt.history), tt.tag, dayString(tt.today))
			var got []string
			for _, c := range cards {
				got = append(got, c.Question.Key+"/"+reasons[c.Reason])
				if (c.Track == nil) != (c.Reason == New || (c.Reason == Threw && c.Track == nil)) {
					t.Errorf("%s: track %v for reason %s", c.Question.Key, c.Track, reasons[c.Reason])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("queue =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestProgress(t *testing.T) {
	flagged := []Question{{Key: "q:a"}, {Key: "q:b"}, {Key: "q:c"}}
	tests := []struct {
		name    string
		flagged []Question
		history []*Practice
		want    Progress
		words   string
	}{
		{
			name:  "nothing flagged",
			words: "No questions that threw you yet: a session's Reflect step collects them.",
		},
		{
			name:    "flagged, none practised",
			flagged: flagged,
			history: []*Practice{round("bank:x", 1, 4)},
			want:    Progress{Threw: 3, Rounds: 1, Questions: 1},
			words:   "None of the 3 questions that threw you practised yet.",
		},
		{
			name:    "one flagged, not practised",
			flagged: flagged[:1],
			want:    Progress{Threw: 1},
			words:   "The question that threw you is not practised yet.",
		},
		{
			name:    "two of three, going up",
			flagged: flagged,
			history: []*Practice{
				round("q:a", 1, 2), round("q:a", 3, 4), round("q:a", 6, 5),
				round("q:b", 2, 1), round("q:b", 4, 3),
				round("bank:x", 1, 4),
			},
			want:  Progress{Threw: 3, Practised: 2, First: 1.5, Latest: 4, Rounds: 6, Questions: 3},
			words: "2 of the 3 questions that threw you practised, average rating up from 1.5 to 4.0.",
		},
		{
			name:    "going down",
			flagged: flagged[:1],
			history: []*Practice{round("q:a", 1, 4), round("q:a", 3, 2)},
			want:    Progress{Threw: 1, Practised: 1, First: 4, Latest: 2, Rounds: 2, Questions: 1},
			words:   "The question that threw you practised, average rating down from 4.0 to 2.0.",
		},
		{
			name:    "steady",
			flagged: flagged[:2],
			history: []*Practice{round("q:a", 1, 3), round("q:b", 3, 3), round("q:b", 4, 3)},
			want:    Progress{Threw: 2, Practised: 2, First: 3, Latest: 3, Rounds: 3, Questions: 2},
			words:   "2 of the 2 questions that threw you practised, average rating 3.0.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ComputeProgress(tt.flagged, Tracks(tt.history))
			if got != tt.want {
				t.Errorf("progress = %+v, want %+v", got, tt.want)
			}
			if s := got.Sentence(); s != tt.words {
				t.Errorf("sentence = %q, want %q", s, tt.words)
			}
		})
	}
}

func TestPracticeRecording(t *testing.T) {
	now := day(3)
	p := NewPractice(Question{Key: "bank:x", Text: "X?"}, 2*time.Minute, now)
	if p.TimeLimit != 120 || !p.IsEmpty() || p.Reviewed() {
		t.Fatalf("new practice: limit %d, empty %v, reviewed %v", p.TimeLimit, p.IsEmpty(), p.Reviewed())
	}
	rev := p.rev
	if !p.SetAnswer("Situation, then task.\n\n", 75*time.Second+400*time.Millisecond, false, now.Add(time.Minute)) {
		t.Fatal("SetAnswer reported no change")
	}
	if p.Answer != "Situation, then task." || p.TimeUsed != 75 || p.rev != rev+1 || !p.UpdatedAt.Equal(now.Add(time.Minute)) {
		t.Errorf("after SetAnswer: %+v", p)
	}
	if p.SetAnswer("Situation, then task.", 75*time.Second, false, now) {
		t.Error("the same answer again reported a change")
	}
	r := Review{WentWell: "clear", DoBetter: "numbers", Rubric: []string{"structure"}, Rating: 9}
	if !p.SetReview(r, now) || p.Rating != 0 || p.Reviewed() {
		t.Errorf("a rating of 9 is kept as unreviewed, got rating %d", p.Rating)
	}
	r.Rating = 3
	if !p.SetReview(r, now) || !p.Reviewed() || !slices.Equal(p.Rubric, []string{"structure"}) {
		t.Errorf("after review: %+v", p)
	}
	r.Rubric[0] = "changed"
	if p.Rubric[0] != "structure" {
		t.Error("SetReview kept the caller's slice")
	}

	off := NewPractice(Question{Key: "bank:y"}, 0, now)
	off.SetAnswer("notes", time.Minute, true, now)
	if off.TimeUsed != 0 || off.TimedOut {
		t.Errorf("without a timer, time used %d and timed out %v should stay zero", off.TimeUsed, off.TimedOut)
	}
}

func TestSuggestRating(t *testing.T) {
	for _, tt := range []struct{ met, of, want int }{
		{0, 4, 1}, {1, 4, 2}, {2, 4, 3}, {3, 4, 4}, {4, 4, 5}, {5, 4, 5}, {0, 0, 1}, {1, 2, 3},
	} {
		if got := SuggestRating(tt.met, tt.of); got != tt.want {
			t.Errorf("SuggestRating(%d, %d) = %d, want %d", tt.met, tt.of, got, tt.want)
		}
	}
}

func TestQuestionKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Why us?", "q:why us"},
		{"  why   US ?! ", "q:why us"},
		{"Tell me about yourself.", "q:tell me about yourself"},
		{"", "q:"},
	} {
		if got := QuestionKey(tt.in); got != tt.want {
			t.Errorf("QuestionKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPracticeInsights(t *testing.T) {
	flagged := []Question{{Key: "q:a"}, {Key: "q:b"}}
	tracks := Tracks([]*Practice{round("q:a", 1, 2), round("bank:x", 2, 5), round("q:a", 4, 4)})
	pi := ComputePracticeInsights(flagged, tracks)
	if pi.Progress.Practised != 1 || pi.Progress.Threw != 2 {
		t.Errorf("progress %+v", pi.Progress)
	}
	var got []string
	for _, q := range pi.Questions {
		got = append(got, fmt.Sprint(q.Key, q.Ratings))
	}
	if want := []string{"q:a[2 4]", "bank:x[5]"}; !slices.Equal(got, want) {
		t.Errorf("questions %v, want %v (most recently practised first)", got, want)
	}
	if empty := ComputePracticeInsights(nil, nil); empty.Questions == nil {
		t.Error("no questions should be an empty list, not null in JSON")
	}
}

func TestOwnQuestion(t *testing.T) {
	bank := []Question{{Key: "bank:weakness", Text: "What is your biggest weakness?", Tag: "strengths", Source: FromBank}}
	if got := OwnQuestion("what is your  biggest weakness", bank); got != (Question{Key: "bank:weakness", Text: "what is your  biggest weakness", Source: FromUser, Tag: "strengths"}) {
		t.Errorf("a bank question typed in: %+v", got)
	}
	if got := OwnQuestion("Why us?", bank); got != (Question{Key: "q:why us", Text: "Why us?", Source: FromUser}) {
		t.Errorf("a question of one's own: %+v", got)
	}
}

func TestUnfinished(t *testing.T) {
	open := func(key string, d int) *Practice {
		p := round(key, d, 0)
		p.Answer = "half"
		return p
	}
	empty := round("bank:a", 9, 0)
	tests := []struct {
		name    string
		entries []*Practice
		want    string // the ID, "" for none
	}{
		{"none", []*Practice{round("bank:a", 1, 3)}, ""},
		{"left before the rating", []*Practice{round("bank:a", 1, 3), open("bank:a", 2)}, "banka-02"},
		{"the newest of two", []*Practice{open("bank:a", 3), open("bank:a", 2)}, "banka-03"},
		{"rated since", []*Practice{open("bank:a", 2), round("bank:a", 4, 3)}, ""},
		{"another question's", []*Practice{open("bank:b", 2)}, ""},
		{"nothing typed", []*Practice{empty}, ""},
	}
	for _, tt := range tests {
		got := Unfinished(tt.entries)["bank:a"]
		if (got == nil && tt.want != "") || (got != nil && got.ID != tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, got, tt.want)
		}
	}
}
