package coach

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// The practice queue is a Leitner scheme: every question practised sits in
// one of five boxes, and the box says how many days pass before it is due
// again. A new question starts in box 1. After each round its self-rating
// moves it: 1 or 2 sends it back to box 1, 3 keeps it where it is, 4 moves it
// up one box and 5 up two. So a question answered badly comes back the next
// day, and one answered well comes back in a week, then a fortnight, then a
// month.

// Boxes is the number of Leitner boxes.
const Boxes = 5

// boxDays is how many days after a round a question in each box is due.
var boxDays = [Boxes + 1]int{0, 1, 3, 7, 14, 30}

// nextBox is the box a question moves to after a round rated r.
func nextBox(box, r int) int {
	box = max(box, 1)
	switch {
	case r <= LowRating:
		return 1
	case r == 3:
		return box
	case r == 4:
		return min(Boxes, box+1)
	default:
		return min(Boxes, box+2)
	}
}

// Rated is one reviewed round in a question's history.
type Rated struct {
	ID     string
	At     time.Time
	Rating int
}

// Track is one question's practice history and its place in the boxes.
type Track struct {
	// Question is the question as last practised.
	Question Question
	// Rounds are the reviewed rounds, oldest first.
	Rounds []Rated
	Box    int
	// Due is the day the question is due again, YYYY-MM-DD.
	Due string
}

// Ratings are the self-ratings, oldest first.
func (t *Track) Ratings() []int {
	r := make([]int, len(t.Rounds))
	for i, x := range t.Rounds {
		r[i] = x.Rating
	}
	return r
}

// Last is the latest round.
func (t *Track) Last() Rated { return t.Rounds[len(t.Rounds)-1] }

// Tracks groups the reviewed entries by question, replaying each history
// through the boxes. Entries need not be sorted.
func Tracks(entries []*Practice) map[string]*Track {
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b *Practice) int { return a.CreatedAt.Compare(b.CreatedAt) })
	tracks := map[string]*Track{}
	for _, p := range sorted {
		if !p.Reviewed() || p.Question.Key == "" {
			continue
		}
		t := tracks[p.Question.Key]
		if t == nil {
			t = &Track{}
			tracks[p.Question.Key] = t
		}
		t.Question = p.Question
		t.Rounds = append(t.Rounds, Rated{ID: p.ID, At: p.CreatedAt, Rating: p.Rating})
		t.Box = nextBox(t.Box, p.Rating)
		t.Due = p.CreatedAt.Local().AddDate(0, 0, boxDays[t.Box]).Format(DateLayout)
	}
	return tracks
}

// Reason says why a question is where it is in the queue.
type Reason int

const (
	// Threw: the user wrote it under "questions that threw me", and has
	// not practised it yet or rated it low last time.
	Threw Reason = iota
	// Due: practised before, and its box says it is due.
	Due
	// New: a bank question never practised.
	New
	// Later: practised, and not due yet.
	Later
)

// Card is one question in the queue.
type Card struct {
	Question Question
	Reason   Reason
	// Track is the question's history; nil when it was never practised.
	Track *Track
}

// FlaggedQuestions are the questions the user wrote under "questions that
// threw me", newest session first and in the order written, each once. One
// that is a question of the bank, word for word, takes the bank question's
// key and tag: it is one question with one history, and its hint is the
// bank's.
func FlaggedQuestions(sums []Summary, bank []Question) []Question {
	byDate := slices.Clone(sums)
	slices.SortStableFunc(byDate, func(a, b Summary) int {
		return newestFirst(a.CreatedAt, b.CreatedAt, a.ID, b.ID)
	})
	inBank := make(map[string]Question, len(bank))
	for _, q := range bank {
		inBank[QuestionKey(q.Text)] = q
	}
	var out []Question
	seen := map[string]bool{}
	for _, s := range byDate {
		for _, text := range s.Questions {
			key, tag := QuestionKey(text), ""
			if key == QuestionKey("") {
				continue
			}
			if b, ok := inBank[key]; ok {
				key, tag = b.Key, b.Tag
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, Question{Key: key, Text: text, Source: FromSession, Tag: tag, SessionID: s.ID})
		}
	}
	return out
}

// OwnQuestion is a question the user types in for a round. When it is a
// bank question word for word it takes that question's key and tag, so it
// shares its history.
func OwnQuestion(text string, bank []Question) Question {
	key := QuestionKey(text)
	for _, b := range bank {
		if QuestionKey(b.Text) == key {
			return Question{Key: b.Key, Text: text, Source: FromUser, Tag: b.Tag}
		}
	}
	return Question{Key: key, Text: text, Source: FromUser}
}

// Unfinished finds, for each question, the round that was started and left
// before its rating, when it is newer than any rated round of that question:
// the round to carry on rather than start again. It is keyed by question
// key; entries are in any order.
func Unfinished(entries []*Practice) map[string]*Practice {
	open := map[string]*Practice{}
	rated := map[string]time.Time{}
	for _, p := range entries {
		k := p.Question.Key
		switch {
		case p.Reviewed():
			if p.CreatedAt.After(rated[k]) {
				rated[k] = p.CreatedAt
			}
		case !p.IsEmpty() && (open[k] == nil || p.CreatedAt.After(open[k].CreatedAt)):
			open[k] = p
		}
	}
	for k, p := range open {
		if !p.CreatedAt.After(rated[k]) {
			delete(open, k)
		}
	}
	return open
}

// BankQuestions are the bank's questions as the queue takes them.
func BankQuestions(b *content.Bank) []Question {
	if b == nil {
		return nil
	}
	out := make([]Question, len(b.Questions))
	for i, q := range b.Questions {
		out[i] = Question{Key: BankKey(q.ID), Text: q.Text, Source: FromBank, Tag: q.Tag}
	}
	return out
}

// Queue orders what to practise next, on the day today (YYYY-MM-DD):
//
//  1. the questions that threw the user (flagged, in their order), when never
//     practised or rated low last time: those due first, then those rated
//     low so recently that they are not due yet, soonest due first (so the
//     question just practised is not offered again at once, but stays in
//     front of everything else until it is rated above LowRating);
//  2. questions practised before and due, lowest box first, then the most
//     overdue;
//  3. bank questions never practised, taking each tag in turn so that one
//     sitting is not all of one kind;
//  4. everything else, soonest due first, so the queue never runs dry.
//
// With a tag, only bank questions of that tag are queued, and the flagged
// ones (which have no tag) are left out.
func Queue(flagged, bank []Question, tracks map[string]*Track, tag, today string) []Card {
	var threw, resting, due, fresh, later []Card
	placed := map[string]bool{}
	if tag == "" {
		for _, q := range flagged {
			t := tracks[q.Key]
			switch {
			case t == nil || (t.Last().Rating <= LowRating && t.Due <= today):
				threw = append(threw, Card{Question: q, Reason: Threw, Track: t})
			case t.Last().Rating <= LowRating:
				resting = append(resting, Card{Question: q, Reason: Threw, Track: t})
			default:
				continue
			}
			placed[q.Key] = true
		}
	}
	slices.SortStableFunc(resting, func(a, b Card) int { return cmp.Compare(a.Track.Due, b.Track.Due) })
	threw = append(threw, resting...)
	for key, t := range tracks {
		if placed[key] || (tag != "" && t.Question.Tag != tag) {
			continue
		}
		if t.Due <= today {
			due = append(due, Card{Question: t.Question, Reason: Due, Track: t})
		} else {
			later = append(later, Card{Question: t.Question, Reason: Later, Track: t})
		}
	}
	slices.SortFunc(due, func(a, b Card) int {
		return cmp.Or(cmp.Compare(a.Track.Box, b.Track.Box), cmp.Compare(a.Track.Due, b.Track.Due),
			cmp.Compare(a.Question.Key, b.Question.Key))
	})
	slices.SortFunc(later, func(a, b Card) int {
		return cmp.Or(cmp.Compare(a.Track.Due, b.Track.Due), cmp.Compare(a.Track.Box, b.Track.Box),
			cmp.Compare(a.Question.Key, b.Question.Key))
	})
	for _, q := range interleaveTags(bank) {
		if tracks[q.Key] == nil && !placed[q.Key] && (tag == "" || q.Tag == tag) {
			fresh = append(fresh, Card{Question: q, Reason: New})
		}
	}
	return slices.Concat(threw, due, fresh, later)
}

// interleaveTags reorders the bank to take one question of each tag in
// turn, tags in the order they first appear, each tag's own order kept. The
// order is the whole bank's, so leaving out the questions practised keeps
// the turn: after the first motivation question comes the first
// behavioural one, whatever else has been practised.
func interleaveTags(qs []Question) []Question {
	tagOrder := map[string]int{}
	rank := make([]int, len(qs)) // the question's place within its tag
	seen := map[string]int{}
	for i, q := range qs {
		if _, ok := tagOrder[q.Tag]; !ok {
			tagOrder[q.Tag] = len(tagOrder)
		}
		rank[i] = seen[q.Tag]
		seen[q.Tag]++
	}
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank[a], rank[b]), cmp.Compare(tagOrder[qs[a].Tag], tagOrder[qs[b].Tag]))
	})
	out := make([]Question, len(qs))
	for i, j := range idx {
		out[i] = qs[j]
	}
	return out
}

// Progress is how practice on the questions that threw the user is going.
type Progress struct {
	// Threw is how many distinct questions threw the user, and Practised
	// how many of them have a reviewed round.
	Threw     int `json:"threw"`
	Practised int `json:"practised"`
	// First and Latest average the first and the latest rating of the
	// practised ones.
	First  float64 `json:"first_average"`
	Latest float64 `json:"latest_average"`
	// Rounds and Questions count every reviewed round and every question
	// practised, the bank's included.
	Rounds    int `json:"rounds"`
	Questions int `json:"questions"`
}

// ComputeProgress measures the practice on the flagged questions.
func ComputeProgress(flagged []Question, tracks map[string]*Track) Progress {
	var p Progress
	p.Threw = len(flagged)
	var first, latest int
	for _, q := range flagged {
		if t := tracks[q.Key]; t != nil {
			p.Practised++
			first += t.Rounds[0].Rating
			latest += t.Last().Rating
		}
	}
	if p.Practised > 0 {
		p.First = float64(first) / float64(p.Practised)
		p.Latest = float64(latest) / float64(p.Practised)
	}
	for _, t := range tracks {
		p.Questions++
		p.Rounds += len(t.Rounds)
	}
	return p
}

// Sentence says the progress in one line: "6 of the 9 questions that threw
// you practised, average rating up from 2.1 to 3.8."
func (p Progress) Sentence() string {
	var s string
	switch {
	case p.Threw == 0:
		return "No questions that threw you yet: a session's Reflect step collects them."
	case p.Threw == 1 && p.Practised == 0:
		return "The question that threw you is not practised yet."
	case p.Practised == 0:
		return fmt.Sprintf("None of the %d questions that threw you practised yet.", p.Threw)
	case p.Threw == 1:
		s = "The question that threw you practised"
	default:
		s = fmt.Sprintf("%d of the %d questions that threw you practised", p.Practised, p.Threw)
	}
	// Compared as shown, to one decimal, so the words match the numbers.
	first, latest := math.Round(p.First*10), math.Round(p.Latest*10)
	switch {
	case latest > first:
		return fmt.Sprintf("%s, average rating up from %.1f to %.1f.", s, first/10, latest/10)
	case latest < first:
		return fmt.Sprintf("%s, average rating down from %.1f to %.1f.", s, first/10, latest/10)
	}
	return fmt.Sprintf("%s, average rating %.1f.", s, latest/10)
}

// PracticeInsights is practice at a glance, for the insights: the progress
// on the questions that threw the user, and each question practised with
// its ratings, most recently practised first.
type PracticeInsights struct {
	Progress  Progress          `json:"progress"`
	Questions []QuestionRatings `json:"questions"`
}

// QuestionRatings is one question's history of self-ratings, oldest first.
type QuestionRatings struct {
	Key     string `json:"key"`
	Text    string `json:"text"`
	Source  Source `json:"source"`
	Ratings []int  `json:"ratings"`
	// Due is the day the queue offers it again, YYYY-MM-DD.
	Due  string    `json:"due"`
	Last time.Time `json:"last"`
}

// ComputePracticeInsights works out the practice insights from the flagged
// questions and the tracks of every round.
func ComputePracticeInsights(flagged []Question, tracks map[string]*Track) PracticeInsights {
	pi := PracticeInsights{Progress: ComputeProgress(flagged, tracks), Questions: []QuestionRatings{}}
	for key, t := range tracks {
		pi.Questions = append(pi.Questions, QuestionRatings{Key: key, Text: t.Question.Text, Source: t.Question.Source,
			Ratings: t.Ratings(), Due: t.Due, Last: t.Last().At})
	}
	slices.SortFunc(pi.Questions, func(a, b QuestionRatings) int {
		return cmp.Or(b.Last.Compare(a.Last), cmp.Compare(a.Key, b.Key))
	})
	return pi
}
