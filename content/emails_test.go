package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// emailFS is a copy of the embedded letters, to break one way per test.
func emailFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	names, err := fs.Glob(emailFiles, "emails/*.tmpl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded letters: %v", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(emailFiles, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestEmailsLoad is the check the brief asks of the letters: every one
// renders for every channel and stage, with every field and with none
// (loadEmails runs it), and the letters tell apart the flow's options. The
// app does not run it (LoadEmails only parses): the letters are embedded,
// so this checks the very files each build carries.
func TestEmailsLoad(t *testing.T) {
	if _, err := loadEmails(emailFiles); err != nil {
		t.Fatalf("loadEmails of the embedded letters: %v", err)
	}
	if _, err := LoadEmails(); err != nil {
		t.Fatalf("LoadEmails: %v", err)
	}
	flow, _ := mustLoad(t)
	if err := checkEmailOptions(flow); err != nil {
		t.Error(err)
	}
}

func TestEmailsRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"parse error", replace("emails/nudge.tmpl", `{{template "greeting" .}}`, `{{template "greeting" .`), `emails/nudge.tmpl`},
		{"unknown field", replace("emails/nudge.tmpl", `{{template "greeting" .}}`, `{{.Surname}}`), `can't evaluate field Surname`},
		{"a letter missing", remove("emails/thanks.tmpl"), `no template "thanks"`},
		{"no letters at all", func(fsys fstest.MapFS) {
			for name := range fsys {
				delete(fsys, name)
			}
		}, `no templates under emails/`},
		{"space before a full stop", replace("emails/thanks.tmpl", `I learnt a lot from it.`, `I learnt a lot from it{{with .Topic}} {{end}}.`), `holds " ."`},
		{"no greeting", replace("emails/parts.tmpl", `{{else}}Hello,{{end}}`, `{{else}}Hi,{{end}}`), `must open "Hello,"`},
		{"no sign-off", replace("emails/nudge.tmpl", "{{template \"signoff\" .}}\n{{- end}}", "{{- end}}"), `must end "Best regards,`},
		{"a reply with a subject", set("emails/nudge-subject.tmpl", `{{define "nudge subject"}}Again{{end}}`), `a reply has no subject`},
		{"a fresh email without one", replace("emails/thanks.tmpl", `Thank you for your time`, ``), `a fresh email needs a subject`},
		{"the topic left out", replace("emails/request.tmpl", `I would especially value your view on how I handled {{.}}.`, ``), `names the topic`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := emailFS(t)
			tt.change(fsys)
			_, err := loadEmails(fsys)
			if err == nil {
				t.Fatalf("loadEmails accepted the broken letters; want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loadEmails error does not mention the problem\n got: %.600v\nwant: …%s…", err, tt.want)
			}
		})
	}
}

func TestEmailOptionsChecked(t *testing.T) {
	flow, _ := mustLoad(t)
	sec, prm, _ := flow.Prompt(PromptStage)
	p := &flow.Sections[sec].Prompts[prm]
	p.Options = append(p.Options, "reference check")
	if err := checkEmailOptions(flow); err == nil || !strings.Contains(err.Error(), "reference check") {
		t.Errorf("a stage the letters do not know: %v", err)
	}
}

// TestEmailUnknownValues: a channel or stage the letters do not know (a
// hand-edited file) gets the letter for not knowing it.
func TestEmailUnknownValues(t *testing.T) {
	e, err := LoadEmails()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range emailNames {
		got := e.Render(name, EmailFields{Channel: "carrier pigeon", Stage: "round seven", Role: "Writer"})
		want := e.Render(name, EmailFields{Role: "Writer"})
		if got != want {
			t.Errorf("%s: unknown values give\n%+v\nwant the letter for none\n%+v", name, got, want)
		}
	}
}

func TestJoinParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"one", "one"},
		{"one\ntwo\n", "one two"},
		{"  one  \n\t two\n\n\n three \n", "one two\n\nthree"},
		{"\n\none\n \ntwo", "one\n\ntwo"},
	}
	for _, tt := range tests {
		if got := joinParagraphs(tt.in); got != tt.want {
			t.Errorf("joinParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTidyLetter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{" \n\n ", ""},
		{"Hello,\n\n\n\n  Thank you  so much. \n\nBest regards,\n", "Hello,\n\nThank you so much.\n\nBest regards,\n"},
		{"Best regards,\nAlex ", "Best regards,\nAlex\n"},
		{"a\n\n \n\nb", "a\n\nb\n"},
	}
	for _, tt := range tests {
		if got := tidyLetter(tt.in); got != tt.want {
			t.Errorf("tidyLetter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEmailWords keeps the letters plain: no rejection as a gift, no
// promise the user may not keep, no exclamation marks.
func TestEmailWords(t *testing.T) {
	e, err := LoadEmails()
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"gift", "blessing", "silver lining", "i will ", "i promise", "!"}
	for _, name := range emailNames {
		for _, ch := range append([]string{""}, EmailChannels...) {
			for _, st := range append([]string{""}, EmailStages...) {
				f := fullFields
				f.Channel, f.Stage = ch, st
				m := e.Render(name, f)
				text := strings.ToLower(m.Subject + "\n" + m.Body)
				for _, w := range banned {
					if strings.Contains(text, w) {
						t.Errorf("%s (%q, %q) says %q:\n%s", name, ch, st, w, m.Body)
					}
				}
			}
		}
	}
}
