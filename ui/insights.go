package ui

import "github.com/rebound-coach/rebound/coach"

// RenderInsights draws insights as text for a width: bar charts and
// sparklines made of characters, so they read without colour.
func RenderInsights(ins coach.Insights, width int, st Styles) string {
	return "" // TODO(helper)
}
