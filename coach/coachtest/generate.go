// Package coachtest makes realistic stored sessions for tests, benchmarks
// and measuring harnesses: the scale figures in the README are measured on
// what Generate writes.
package coachtest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/coach"
)

var (
	companies = []string{"Northwind", "Acme Robotics", "Globex", "Initech", "Umbrella Health", "Stark Logistics",
		"Wayne Analytics", "Hooli", "Pied Piper", "Vandelay Imports", "Soylent Foods", "Tyrell Systems",
		"Cyberdyne", "Wonka Labs", "Oscorp", "Aperture Science", "Black Mesa", "Massive Dynamic"}
	roles = []string{"Product designer", "Backend engineer", "Data analyst", "Engineering manager",
		"Frontend developer", "Site reliability engineer", "Product manager", "UX researcher", "QA engineer"}
	stages   = []string{"phone screen", "first interview", "final round", "after an assessment", "other"}
	channels = []string{"email", "call", "silence"}
	words    = strings.Fields(`the interview went well until the system design question when I froze and
		could not explain how caching would work across regions I think the team wanted more experience
		with distributed systems and stakeholder management my answer about conflict was vague I should
		prepare stories with numbers and outcomes the hiring manager seemed rushed the take home task
		took longer than planned salary expectations came up early I did not ask good questions about
		the roadmap next time I will research the product and practise out loud with a friend`)
	doBetter = []string{"prepare stories with numbers", "practise system design out loud", "research the company roadmap",
		"ask about the team's challenges", "slow down when answering", "explain my career gap clearly",
		"prepare questions for them", "talk about trade-offs", "rehearse the salary conversation"}
	questions = []string{"Tell me about a time you disagreed with your manager", "How would you design a URL shortener?",
		"Why do you want to leave your current job?", "What is your biggest weakness?",
		"Describe a project that failed", "How do you prioritise competing deadlines?",
		"Walk me through a tricky bug you fixed", "Where do you see yourself in five years?"}
)

// Generate makes n sessions, deterministic for a seed, spread over the two
// years before now: mostly complete, some in progress, with answers of a
// realistic length (a pasted rejection email, a few paragraphs, lists and
// actions), about 3 KB each on disk.
func Generate(n int, seed uint64, now time.Time) []*coach.Session {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]*coach.Session, n)
	for i := range out {
		out[i] = session(r, now, i)
	}
	return out
}

func session(r *rand.Rand, now time.Time, i int) *coach.Session {
	created := now.Add(-time.Duration(r.Int64N(int64(730 * 24 * time.Hour))))
	s := coach.NewSession(created)
	s.ID = fmt.Sprintf("%016x", r.Uint64())
	// Set after the answers below, which date each change to created; never
	// after now, so that no file is dated in the future.
	updated := created.Add(time.Duration(r.IntN(90)) * time.Minute)
	if updated.After(now) {
		updated = now
	}
	s.Intake = coach.Intake{
		Company:     pick(r, companies),
		Role:        pick(r, roles),
		Interviewer: pick(r, []string{"", "Sam", "Priya", "Jordan", "Alex"}),
		Stage:       pick(r, stages),
		RejectedOn:  created.Format(time.DateOnly),
		Channel:     pick(r, channels),
		Message:     "Thank you for your time. After careful consideration we have decided not to move forward with your application. " + sentence(r, 30),
	}
	s.MoodBefore = &coach.Mood{Score: 1 + r.IntN(6), Word: pick(r, []string{"flat", "angry", "numb", "sad", ""})}
	set := func(id string, a coach.Answer) { s.Set(id, a, created) }
	set("step_back.outside", coach.Answer{Items: []string{"They could hire only one person", "Timing: budget, plans or priorities"}})
	set("step_back.bigger_picture", coach.Answer{Text: sentence(r, 40)})
	set("not_personal.thought", coach.Answer{Text: sentence(r, 15)})
	set(coach.PromptBalanced, coach.Answer{Text: sentence(r, 25)})
	set("feedback.went_well", coach.Answer{Items: []string{sentence(r, 6), sentence(r, 8)}})
	set("feedback.do_better", coach.Answer{Items: picks(r, doBetter, 1+r.IntN(3))})
	set(coach.PromptQuestions, coach.Answer{Items: picks(r, questions, 1+r.IntN(2))})
	set("reflect.unprepared", coach.Answer{Text: sentence(r, 30)})
	s.UpdatedAt = updated
	s.Feedback = coach.FeedbackRequest{
		Draft:      coach.DraftRequest(&coach.Session{Intake: s.Intake}, ""),
		Send:       pick(r, []string{"yes", "yes", "maybe later", "no"}),
		SendOn:     created.Format(time.DateOnly),
		FollowUpOn: created.AddDate(0, 0, 7).Format(time.DateOnly),
	}
	s.Actions = []coach.Action{
		{Text: "Practise " + pick(r, questions), Due: created.AddDate(0, 0, 3).Format(time.DateOnly), Done: r.IntN(2) == 0},
		{Text: "Apply to two " + strings.ToLower(s.Intake.Role) + " roles", Due: created.AddDate(0, 0, 7).Format(time.DateOnly)},
	}
	s.Position = coach.PromptMoodAfter
	if i%10 == 0 {
		s.Position = "reflect.unprepared" // stopped half way
		return s
	}
	s.MoodAfter = &coach.Mood{Score: 3 + r.IntN(6)}
	s.Status = coach.Complete
	return s
}

func pick(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }

func picks(r *rand.Rand, from []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = pick(r, from)
	}
	return out
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = pick(r, words)
	}
	return strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:] + "."
}

// Write stores sessions as the store's files, without the fsync of a real
// save (ten thousand of those take a minute), and dates each file to its
// session's last change, as if it had been written then.
func Write(store *coach.Store, sessions []*coach.Session) error {
	return writeFiles(sessions, func(s *coach.Session) (string, time.Time) { return store.Path(s.ID), s.UpdatedAt })
}

// writeFiles writes each record as indented JSON to the path where gives,
// dated as it says.
func writeFiles[T any](records []T, where func(T) (path string, mtime time.Time)) error {
	for i, rec := range records {
		path, mtime := where(rec)
		if i == 0 {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return err
			}
		}
		data, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o600); err != nil {
			return err
		}
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			return err
		}
	}
	return nil
}

// GeneratePractice makes n reviewed practice rounds, deterministic for a
// seed, spread over the year before now: most on the bank's questions (given
// as keys such as "bank:why-this-company"), some on the generated sessions'
// questions that threw the user, with an answer of a few sentences and a
// self-review, about 1.5 KB each on disk.
func GeneratePractice(n int, seed uint64, now time.Time, bankKeys []string) []*coach.Practice {
	r := rand.New(rand.NewPCG(seed, seed^0x51ed27))
	out := make([]*coach.Practice, n)
	for i := range out {
		at := now.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour))))
		q := coach.Question{Source: coach.FromBank}
		if len(bankKeys) == 0 || r.IntN(4) == 0 {
			text := pick(r, questions)
			q = coach.Question{Key: coach.QuestionKey(text), Text: text, Source: coach.FromSession}
		} else {
			q.Key = pick(r, bankKeys)
			q.Text = "Bank question " + q.Key
		}
		p := coach.NewPractice(q, 2*time.Minute, at)
		p.ID = fmt.Sprintf("%016x", r.Uint64())
		p.SetAnswer(sentence(r, 120), time.Duration(30+r.IntN(120))*time.Second, r.IntN(5) == 0, at.Add(2*time.Minute))
		p.SetReview(coach.Review{
			WentWell: sentence(r, 20),
			DoBetter: sentence(r, 20),
			Rubric:   picks(r, []string{"structure", "evidence", "relevance", "concise"}, r.IntN(4)),
			Rating:   1 + r.IntN(5),
		}, at.Add(4*time.Minute))
		out[i] = p
	}
	return out
}

// WritePractice stores practice rounds as the store's files, as Write does
// for sessions.
func WritePractice(store *coach.Store, entries []*coach.Practice) error {
	return writeFiles(entries, func(p *coach.Practice) (string, time.Time) { return store.PracticePath(p.ID), p.UpdatedAt })
}
