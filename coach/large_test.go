package coach

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkLargeAnswer opens and saves a session whose long answer is 1, 4
// and 15 MB, the last close to the 16 MB limit, with the answer being
// edited (a draft one word longer): the README's large-answer figures.
//
//	go test -run '^$' -bench BenchmarkLargeAnswer -benchmem ./coach
func BenchmarkLargeAnswer(b *testing.B) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	for _, mb := range []int{1, 4, 15} {
		text := strings.Repeat("I explained the trade-off but rushed the failure modes. ", mb<<20/57)
		b.Run(fmt.Sprintf("%dMB/open", mb), func(b *testing.B) {
			st := NewStore(b.TempDir())
			s := NewSession(now)
			s.Set(PromptMessage, Answer{Text: text}, now)
			if err := st.Overwrite(s); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := st.Load(s.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%dMB/save-while-edited", mb), func(b *testing.B) {
			st := NewStore(b.TempDir())
			s := NewSession(now)
			s.Set(PromptMessage, Answer{Text: text}, now)
			s.SetDraft(PromptMessage, Answer{Text: text + " more"}, now)
			if err := st.Claim(s); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				s.rev++ // each save a newer snapshot
				if err := st.Save(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongDraftsAreStoredAsEdits: a long draft that changes a few words of
// its answer is written as the edit, not the whole text again, and reads
// back exactly; a file whose edit does not fit is refused, not guessed.
func TestLongDraftsAreStoredAsEdits(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("Ich habe es erklärt, 🙂 aber zu schnell. ", 400) // multi-byte runes throughout
	tests := []struct {
		name     string
		answer   string
		draft    Answer
		asEdit   bool
		maxBytes int // the file's size at most, when stored as an edit
	}{
		{"a word added in the middle", long, Answer{Text: long[:len(long)/2] + "NEU " + long[len(long)/2:]}, true, len(long) + 2000},
		{"a word added at the start", long, Answer{Text: "Also: " + long}, true, len(long) + 2000},
		{"a word added at the end", long, Answer{Text: long + " Ende."}, true, len(long) + 2000},
		{"cut inside a character", long, Answer{Text: strings.Replace(long, "🙂", "🙃", 1)}, true, len(long) + 2000},
		{"the end cut off", long, Answer{Text: strings.TrimSuffix(long, "schnell. ")}, true, len(long) + 2000},
		{"the end cut off after an emoji", long + "🙂", Answer{Text: long}, true, len(long) + 2000},
		{"text removed", long, Answer{Text: strings.Replace(long, "aber zu schnell. ", "", 3)}, true, len(long) + 2000},
		{"rewritten", long, Answer{Text: strings.Repeat("Something else entirely. ", 400)}, false, 0},
		{"short", "Globex", Answer{Text: "Globex Corp"}, false, 0},
		{"a list draft", long, Answer{Text: long + "x", Items: []string{"a"}}, false, 0},
		{"no answer yet", "", Answer{Text: long}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewStore(t.TempDir())
			s := NewSession(now)
			if tt.answer != "" {
				s.Set(PromptMessage, Answer{Text: tt.answer}, now)
			}
			s.SetDraft(PromptMessage, tt.draft, now)
			if err := st.Overwrite(s); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(st.Path(s.ID))
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Contains(data, []byte(`"draft_edits"`)); got != tt.asEdit {
				t.Errorf("stored as an edit = %v, want %v", got, tt.asEdit)
			}
			if tt.asEdit && len(data) > tt.maxBytes {
				t.Errorf("the file is %d bytes, want at most %d: the draft is stored whole", len(data), tt.maxBytes)
			}
			got, err := st.Load(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := got.Drafts[PromptMessage]; !d.Equal(tt.draft) || got.DraftEdits != nil {
				t.Errorf("the draft read back differs (%d bytes, want %d)", len(d.Text), len(tt.draft.Text))
			}
		})
	}
	t.Run("an edit that does not fit is refused", func(t *testing.T) {
		for _, e := range []string{`{"from": 5, "to": 2, "text": "x"}`, `{"from": 0, "to": 99999999, "text": "x"}`, `{"from": -1, "to": 0, "text": "x"}`} {
			st := NewStore(t.TempDir())
			s := NewSession(now)
			s.Set(PromptMessage, Answer{Text: "Grüße"}, now)
			if err := st.Overwrite(s); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(st.Path(s.ID))
			data = bytes.Replace(data, []byte(`"answers"`), []byte(`"draft_edits": {"`+PromptMessage+`": `+e+`},
  "answers"`), 1)
			if err := os.WriteFile(st.Path(s.ID), data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Load(s.ID); err == nil || !strings.Contains(err.Error(), "does not fit its answer") {
				t.Errorf("%s: err %v, want a reason", e, err)
			}
		}
	})
}
