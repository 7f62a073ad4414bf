package insights

import "charm.land/bubbles/v2/viewport"

// Viewport is a copy of the scrolled insights, for tests.
func (i *Page) Viewport() viewport.Model { return i.vp }
