package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// TestAppendRowIsTheEncoder: appendRow writes a session exactly as the
// indenting json.Encoder listJSON used to, for every character a string
// can hold: the hostile corpus, each byte below 0x80, invalid UTF-8, the
// separators JSON escapes, and times in other zones.
func TestAppendRowIsTheEncoder(t *testing.T) {
	var texts []string
	for _, h := range coachtest.Hostile {
		texts = append(texts, h.Text())
	}
	var ascii strings.Builder
	for c := range 0x80 {
		ascii.WriteByte(byte(c))
	}
	texts = append(texts, "", ascii.String(), "a\xffb\xc3", "\u2028 \u2029 \u00e9 \U0001F600", `<b>&amp;</b>`, strings.Repeat(`\"`, 40))
	zone := time.FixedZone("", -(5*3600 + 30*60))
	times := []time.Time{
		time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC),
		time.Date(2024, 12, 31, 23, 59, 59, 123456789, zone),
		time.Date(2026, 6, 15, 12, 0, 0, 500, time.Local),
		{},
	}
	four := 4
	var rows []listRow
	for i, text := range texts {
		r := listRow{ID: "0123456789abcdef", ShortID: "0123", CreatedAt: times[i%len(times)], UpdatedAt: times[(i+1)%len(times)],
			Status: coach.Status(text), Title: text, Company: text, Role: "r" + text, Stage: text + "s",
			RejectedOn: text, FeedbackOutcome: coach.Outcome(text), ActionsDone: i, ActionsOpen: -i, Path: "/d/" + text}
		if i%2 == 0 {
			r.MoodBefore = &four
		} else {
			r.MoodAfter = &i
		}
		rows = append(rows, r)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	for i, r := range rows {
		buf.Reset()
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(buf.String(), "\n")
		got, err := appendRow(nil, &r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("row %d (%q):\n%s\nwant\n%s", i, texts[i], got, want)
		}
	}
}

// TestAppendRowRefusesWhatTheEncoderRefuses: a time JSON cannot hold is an
// error, as it was from the encoder, not a broken document.
func TestAppendRowRefusesWhatTheEncoderRefuses(t *testing.T) {
	r := listRow{CreatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := json.Marshal(r); err == nil {
		t.Fatal("the encoder takes year 10000 now; appendRow should too")
	}
	if _, err := appendRow(nil, &r); err == nil {
		t.Error("appendRow wrote year 10000")
	}
}
