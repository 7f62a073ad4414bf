package app

import (
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/pages/flow"
	"github.com/rebound-coach/rebound/ui/pages/history"
	"github.com/rebound-coach/rebound/ui/pages/home"
	"github.com/rebound-coach/rebound/ui/pages/insights"
	"github.com/rebound-coach/rebound/ui/pages/practice"
	"github.com/rebound-coach/rebound/ui/pages/round"
	"github.com/rebound-coach/rebound/ui/pages/session"
	"github.com/rebound-coach/rebound/ui/pages/summary"
)

// What the root counts on each page to be. The optional parts are found by
// asking (common.Pending...), so a method renamed would drop out of its
// interface without a word, and a quit would no longer save what is typed:
// these fail the build instead.
var (
	_ common.Screen = (*home.Page)(nil)
	_ common.Screen = (*flow.Page)(nil)
	_ common.Screen = (*summary.Page)(nil)
	_ common.Screen = (*history.Page)(nil)
	_ common.Screen = (*session.Page)(nil)
	_ common.Screen = (*insights.Page)(nil)
	_ common.Screen = (*practice.Page)(nil)
	_ common.Screen = (*round.Page)(nil)

	_ common.Pending = (*flow.Page)(nil)
	_ common.Pending = (*session.Page)(nil)
	_ common.Pending = (*round.Page)(nil)

	_ common.SaveWatcher = (*flow.Page)(nil)
	_ common.SaveWatcher = (*summary.Page)(nil)

	_ common.Themed = (*history.Page)(nil)
	_ common.Themed = (*practice.Page)(nil)

	_ common.Timed = (*flow.Page)(nil)
	_ common.Timed = (*round.Page)(nil)

	_ common.FullHelper = (*flow.Page)(nil)
	_ common.FullHelper = (*session.Page)(nil)
)
