package summary

import (
	"charm.land/bubbles/v2/viewport"

	"github.com/rebound-coach/rebound/coach"
)

// Session is the session summed up.
func (s *Page) Session() *coach.Session { return s.session }

// Viewport is a copy of the scrolled summary, for tests.
func (s *Page) Viewport() viewport.Model { return s.vp }
