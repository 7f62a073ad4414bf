package coach

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// DateLayout is how dates are stored: a calendar day, with no time or zone,
// because "follow up by Friday" means Friday wherever the user is.
const DateLayout = "2006-01-02"

// errDate is shown under a date the app cannot read.
var errDate = errors.New("write a date like 2026-12-01, or today, tomorrow, +3d")

// ParseDate reads a date as a person types it: 2026-12-01, today, tomorrow,
// yesterday, +3d or -2d (days), +2w (weeks). Empty text is no date and no
// error. It returns the date in DateLayout.
func ParseDate(s string, now time.Time) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	day := func(n int) string { return now.AddDate(0, 0, n).Format(DateLayout) }
	switch s {
	case "":
		return "", nil
	case "today", "now":
		return day(0), nil
	case "tomorrow":
		return day(1), nil
	case "yesterday":
		return day(-1), nil
	}
	if t, err := time.Parse(DateLayout, s); err == nil {
		return t.Format(DateLayout), nil
	}
	if len(s) >= 3 && (s[0] == '+' || s[0] == '-') {
		unit := 1
		switch s[len(s)-1] {
		case 'd':
		case 'w':
			unit = 7
		default:
			return "", errDate
		}
		digits := s[1 : len(s)-1]
		if strings.Trim(digits, "0123456789") != "" {
			return "", errDate // a second sign, a space, a decimal point
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n > 3660/unit {
			return "", errDate
		}
		if s[0] == '-' {
			n = -n
		}
		return day(n * unit), nil
	}
	return "", errDate
}

// DateDefault is what a date prompt starts with while it has no answer, in
// DateLayout, or "" for none: its Default counted from today, or, when it
// has DefaultFrom, from that prompt's answer, so that a follow-up falls a
// week after the day the request is sent. With that answer empty or not a
// date there is no default: a week after nothing is no date.
func DateDefault(p content.Prompt, s *Session, now time.Time) string {
	if p.Kind != content.Date || p.Default == "" {
		return ""
	}
	if p.DefaultFrom != "" {
		from, err := time.Parse(DateLayout, s.Get(p.DefaultFrom).Text)
		if err != nil {
			return ""
		}
		now = from
	}
	d, err := ParseDate(p.Default, now)
	if err != nil {
		return ""
	}
	return d
}
