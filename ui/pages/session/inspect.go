package session

import (
	"charm.land/bubbles/v2/viewport"

	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/markdown"
)

// What the root's tests read of the session page, through methods rather
// than fields.

// Panel is the panel open over the page, or common.PanelNone.
func (s *Page) Panel() common.Panel { return s.panel }

// ReadOnly is why the page shows no keys that change the session, or "".
func (s *Page) ReadOnly() string { return s.readOnly }

// ID is the session's ID.
func (s *Page) ID() string { return s.id }

// Key is what the page on screen (or on its way) was rendered for.
func (s *Page) Key() markdown.Key { return s.key }

// Cursor is the row chosen in the open panel.
func (s *Page) Cursor() int { return s.cursor }

// Doc is a copy of the scrolled page.
func (s *Page) Doc() viewport.Model { return s.doc }
