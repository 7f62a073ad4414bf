package coach

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// MinShortID is the fewest characters an ID is shortened to, as git does
// with commit hashes: short enough to type, long enough to stay unique.
const MinShortID = 7

// ShortIDs maps each ID to its shortest prefix of at least MinShortID
// characters that no other ID starts with.
func ShortIDs(ids []string) map[string]string {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	out := make(map[string]string, len(sorted))
	for i, id := range sorted {
		n := MinShortID
		if i > 0 {
			n = max(n, commonPrefix(id, sorted[i-1])+1)
		}
		if i+1 < len(sorted) {
			n = max(n, commonPrefix(id, sorted[i+1])+1)
		}
		out[id] = id[:min(n, len(id))]
	}
	return out
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// ErrUnknownID is returned by Resolve for a prefix no ID starts with.
var ErrUnknownID = errors.New("no session has this ID")

// AmbiguousIDError is returned by Resolve for a prefix several IDs start with.
type AmbiguousIDError struct {
	Prefix  string
	Matches []string // sorted
}

func (e *AmbiguousIDError) Error() string {
	shown := e.Matches[:min(len(e.Matches), 5)]
	more := ""
	if len(e.Matches) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(e.Matches)-len(shown))
	}
	return fmt.Sprintf("%q is ambiguous: it starts %d session IDs (%s%s); type more of it",
		e.Prefix, len(e.Matches), strings.Join(shown, ", "), more)
}

// Resolve finds the one ID that prefix names: the ID itself, or the only ID
// that starts with it. Case is ignored, as IDs are lower-case hex.
func Resolve(prefix string, ids []string) (string, error) {
	p := strings.ToLower(strings.TrimSpace(prefix))
	if p == "" {
		return "", fmt.Errorf("%w: no ID given", ErrUnknownID)
	}
	var matches []string
	for _, id := range ids {
		switch {
		case strings.ToLower(id) == p:
			return id, nil
		case strings.HasPrefix(strings.ToLower(id), p):
			matches = append(matches, id)
		}
	}
	// The same ID twice (a caller joining two lists) is still one session.
	slices.Sort(matches)
	matches = slices.Compact(matches)
	switch len(matches) {
	case 0:
		return "", fmt.Errorf("%w: %q", ErrUnknownID, prefix)
	case 1:
		return matches[0], nil
	}
	return "", &AmbiguousIDError{Prefix: prefix, Matches: matches}
}

// IDs lists the IDs of the session files, read from their names only.
func (s *Store) IDs() ([]string, error) { return s.idsIn(s.sessionsDir()) }

// TrashIDs lists the IDs of deleted sessions that can be restored.
func (s *Store) TrashIDs() ([]string, error) { return s.idsIn(s.trashDir()) }

func (s *Store) idsIn(dir string) ([]string, error) {
	if err := s.fault("list", dir); err != nil {
		return nil, err
	}
	entries, err := readDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		name := e.Name()
		id, ok := strings.CutSuffix(name, ".json")
		if ok && !e.IsDir() && validID(id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
