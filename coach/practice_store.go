package coach

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Practice entries live in <dir>/practice/<id>.json, one file per round, by
// the same rules as sessions: written atomically, 0600, with a schema
// version, and a file that cannot be used is reported and left alone. One
// file per round means a round is never rewritten once it is reviewed, so a
// crash can cost at most the round in progress.

func (s *Store) practiceDir() string { return filepath.Join(s.dir, "practice") }

// PracticePath is the file a practice entry with this ID is kept in.
func (s *Store) PracticePath(id string) string {
	return filepath.Join(s.practiceDir(), id+".json")
}

// PracticeKey is a practice round's key in the store's locks and saves
// (Lock, Unlock), apart from session IDs.
func PracticeKey(id string) string { return "practice/" + id }

// SavePractice writes a snapshot of p atomically, as Save does for a session:
// a snapshot older than one already written is dropped.
func (s *Store) SavePractice(p *Practice) error {
	if p == nil {
		return errors.New("save practice: no entry")
	}
	return s.savePractice(p, p.lease)
}

func (s *Store) savePractice(p *Practice, lease uint64) error {
	if p == nil {
		return errors.New("save practice: no entry")
	}
	id := p.ID
	if !validID(id) {
		return fmt.Errorf("save practice %q: the id is not a valid id", id)
	}
	c := *p
	c.SchemaVersion = s.practice.version
	if c.Rubric == nil {
		c.Rubric = []string{}
	}
	data, err := encodeIndented(&c)
	if err != nil {
		return fmt.Errorf("save practice %s: %w", id, err)
	}
	if err := s.write(s.practiceDir(), id, PracticeKey(id), p.rev, lease, data); err != nil {
		return fmt.Errorf("save practice %s: %w", id, err)
	}
	return nil
}

// LoadPractice reads one practice entry. A missing file gives an error that
// matches fs.ErrNotExist; a file that cannot be used gives a wrapped Problem.
func (s *Store) LoadPractice(id string) (*Practice, error) {
	if !validID(id) {
		return nil, fmt.Errorf("load practice %q: the id is not a valid id", id)
	}
	p, rev, err := readFile(s, s.PracticePath(id), id, PracticeKey(id), s.practice, decodePracticeAs)
	if err != nil {
		return nil, fmt.Errorf("load practice %s: %w", id, err)
	}
	p.rev, p.read = rev, true
	return p, nil
}

// Practices reads every practice entry, oldest first (by CreatedAt, then
// ID), with the files it could not use. The files are read and decoded on
// every CPU: opening practice reads them all. A missing practice directory
// is no entries.
func (s *Store) Practices() ([]*Practice, []Problem, error) {
	files, problems, err := s.scanDir(s.practiceDir())
	if err != nil {
		return nil, nil, fmt.Errorf("list practice: %w", err)
	}
	entries := make([]*Practice, len(files))
	probs := make([]*Problem, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(files)); i = next.Add(1) - 1 {
				entries[i], probs[i] = s.readPractice(files[i].path, files[i].id)
			}
		})
	}
	wg.Wait()
	out := make([]*Practice, 0, len(files))
	for i, p := range entries {
		if probs[i] != nil {
			problems = append(problems, *probs[i])
			continue
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Practice) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, problems, nil
}

func (s *Store) readPractice(path, id string) (*Practice, *Problem) {
	p, rev, err := readFile(s, path, id, PracticeKey(id), s.practice, decodePracticeAs)
	if err != nil {
		prob := asProblem(path, err)
		return nil, &prob
	}
	p.rev, p.read = rev, true
	return p, nil
}

// decodePractice parses a practice file named <id>.json, or says in one line
// why it cannot be used.
func decodePractice(data []byte, id string) (*Practice, string) {
	p, _, reason := decodePracticeAs(data, id, practiceFormat)
	return p, reason
}

// decodePracticeAs is decodePractice for a format, also giving the schema
// version the file was written in.
func decodePracticeAs(data []byte, id string, f format) (*Practice, int, string) {
	p, from, reason := decodeFile(data, id, f,
		func(p *Practice) (int, string) { return p.SchemaVersion, p.ID })
	if reason != "" {
		return nil, 0, reason
	}
	if p.Rubric == nil {
		p.Rubric = []string{}
	}
	return p, from, ""
}
