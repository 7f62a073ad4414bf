package round

import (
	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// What the root's tests read of a round, through methods rather than fields.

// Stage is where the round is: StageAnswer, StageRubric, StageRating or
// StageHint.
func (r *Page) Stage() int { return r.stage }

// Entry is the round being written.
func (r *Page) Entry() *coach.Practice { return r.entry }

// FieldAt is the field of a stage before the hint.
func (r *Page) FieldAt(stage int) field.Field { return r.fields[stage] }

// Clock is the round's countdown.
func (r *Page) Clock() *countdown.Model { return &r.clock }
