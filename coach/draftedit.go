package coach

import (
	"fmt"
	"unicode/utf8"
)

// A draft is what is typed into a prompt that is not finished yet. Editing
// a long answer makes a draft that is the whole answer again with a few
// words changed, and writing both in full would double the file: an answer
// of 8 MB could then never be saved while it is edited. So in the file a
// text draft that shares its start and its end with the answer is stored
// as the edit that makes it from the answer (draft_edits), and put back
// together as the file is read. In memory a draft is always whole.

// DraftEdit is a draft stored as a change to its prompt's answer: the
// answer's text with bytes From to To replaced by Text.
type DraftEdit struct {
	From int    `json:"from"`
	To   int    `json:"to"`
	Text string `json:"text"`

	extra unknownFields // the draft's own, as it is kept whole in memory
}

// minDraftEdit is the size under which a draft is simply stored whole: an
// edit of a short answer is no smaller, and whole is easier to read by hand.
const minDraftEdit = 4 << 10

// splitDrafts returns s's drafts as stored: the whole ones, and those kept
// as edits of their answers.
func splitDrafts(s *Session) (whole map[string]Answer, edits map[string]DraftEdit) {
	for id, d := range s.Drafts {
		base := s.Get(id).Text
		if e, ok := editOf(base, d); ok {
			if edits == nil {
				edits = map[string]DraftEdit{}
			}
			edits[id] = e
			continue
		}
		if whole == nil {
			whole = map[string]Answer{}
		}
		whole[id] = d
	}
	return whole, edits
}

// editOf is draft d as an edit of base, when d is text alone and the edit
// is less than half its size.
func editOf(base string, d Answer) (DraftEdit, bool) {
	if len(d.Text) < minDraftEdit || len(d.Items) > 0 || d.Score != 0 || len(d.Actions) > 0 {
		return DraftEdit{}, false
	}
	text := d.Text
	start := 0
	for start < len(base) && start < len(text) && base[start] == text[start] {
		start++
	}
	end := 0 // bytes in common at the end, after start in both
	for end < len(base)-start && end < len(text)-start && base[len(base)-1-end] == text[len(text)-1-end] {
		end++
	}
	// Cut at whole characters of both, so that the stored text is valid
	// UTF-8. start may be the end of either (the draft is the answer, or
	// the answer with more after it), which is a boundary.
	boundary := func(s string, i int) bool { return i >= len(s) || utf8.RuneStart(s[i]) }
	for start > 0 && !(boundary(text, start) && boundary(base, start)) {
		start--
	}
	for end > 0 && !(boundary(text, len(text)-end) && boundary(base, len(base)-end)) {
		end--
	}
	middle := text[start : len(text)-end]
	if len(middle)*2 > len(text) {
		return DraftEdit{}, false
	}
	return DraftEdit{From: start, To: len(base) - end, Text: middle, extra: d.extra}, true
}

// joinDrafts puts the drafts stored as edits back together, or says why
// one does not fit its answer (the file was changed by hand).
func joinDrafts(s *Session, edits map[string]DraftEdit) string {
	for id, e := range edits {
		base := s.Get(id).Text
		if e.From < 0 || e.From > e.To || e.To > len(base) {
			return fmt.Sprintf("the draft of %s does not fit its answer (draft_edits)", Inert(id))
		}
		text := base[:e.From] + e.Text + base[e.To:]
		if !utf8.ValidString(text) {
			return fmt.Sprintf("the draft of %s does not fit its answer (draft_edits cuts a character)", Inert(id))
		}
		if s.Drafts == nil {
			s.Drafts = map[string]Answer{}
		}
		s.Drafts[id] = Answer{Text: text, extra: e.extra}
	}
	return ""
}
