package common

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/rebound-coach/rebound/coach"
)

// Reason is the heart of a file error, "permission denied", without the
// path and operation the sentence around it already gives.
func Reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func Clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// Skipped is the line naming a file that could not be read, with its path
// within the data directory: the full path would push the reason off the
// screen.
func Skipped(d *Context, p coach.Problem) string {
	path := p.Path
	if rel, err := filepath.Rel(d.Store.Dir(), path); err == nil && !strings.HasPrefix(rel, "..") {
		path = rel
	}
	return "Skipped " + coach.Inert(path) + ": " + coach.Inert(p.Reason) + " (left untouched)"
}

// DeeperLine is what the summary and the opened session say of the rest.
func DeeperLine(n int) string {
	return "The rest of this session is here when you want it: " + coach.Plural(n, "more question") +
		", in the same file. Press r now, or choose it from home another day."
}
