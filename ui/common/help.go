package common

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/list"
	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
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

// StyleList gives a list the theme's styles; padless drops the padding
// around its status line and pages, which the screen lays out itself.
// The root calls it again when the theme changes (the terminal's
// background reply comes a moment after start).
func StyleList(l *list.Model, st *theme.Styles, padless bool) {
	s := st.List
	if padless {
		s.StatusBar = s.StatusBar.UnsetPadding()
		s.StatusEmpty = s.StatusEmpty.UnsetPadding()
		s.NoItems = s.NoItems.UnsetPadding()
		s.PaginationStyle = s.PaginationStyle.UnsetPadding()
	}
	l.Styles = s
	fs := s.Filter
	fs.Cursor.Blink = false // steady, as in every field: no timer runs while idle
	l.FilterInput.SetStyles(fs)
}

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
