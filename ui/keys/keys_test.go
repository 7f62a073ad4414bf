package keys

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// named is the keys a help label names: "↑/↓ pgup/pgdn" is up, down, pgup
// and pgdown; "1-5" is 1 to 5.
func named(label string) []string {
	var ks []string
	for _, tok := range strings.FieldsFunc(label, func(r rune) bool { return r == ' ' || r == '/' }) {
		if lo, hi, ok := strings.Cut(tok, "-"); ok && len(lo) == 1 && len(hi) == 1 {
			a, err1 := strconv.Atoi(lo)
			b, err2 := strconv.Atoi(hi)
			if err1 == nil && err2 == nil {
				for d := a; d <= b; d++ {
					ks = append(ks, strconv.Itoa(d))
				}
				continue
			}
		}
		switch tok {
		case "↑":
			tok = "up"
		case "↓":
			tok = "down"
		case "←":
			tok = "left"
		case "→":
			tok = "right"
		case "pgdn":
			tok = "pgdown"
		}
		ks = append(ks, tok)
	}
	return ks
}

// bindings is every key.Binding field of a struct, by field name.
func bindings(v any) map[string]key.Binding {
	out := map[string]key.Binding{}
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if b, ok := rv.Field(i).Interface().(key.Binding); ok {
			out[rv.Type().Field(i).Name] = b
		}
	}
	return out
}

// TestHelpNamesItsKeys: every key a help label names is a key its binding
// answers to. In a screen's keys (areas.go) that is the binding's own; in
// the app's, the fields' and the editor's, where bindings come in pairs and
// the first names both, it is a key of the same map.
func TestHelpNamesItsKeys(t *testing.T) {
	k := Default()
	maps := []struct {
		name   string
		keys   any
		strict bool
	}{
		{"KeyMap", k, false},
		{"Field", k.Field, false},
		{"Editor", DefaultEditor(), false},
		{"Flow", k.Flow, true},
		{"Menu", k.Menu, true},
		{"History", k.History, true},
		{"Document", k.Document, true},
		{"Session", k.Session, true},
		{"Round", k.Round, true},
		{"Practice", k.Practice, true},
		{"Due(1)", struct{ Due key.Binding }{Due(1)}, true},
		{"Due(4)", struct{ Due key.Binding }{Due(4)}, true},
		{"Due(12)", struct{ Due key.Binding }{Due(12)}, true},
	}
	checked := 0
	for _, m := range maps {
		bs := bindings(m.keys)
		var all []string
		for _, b := range bs {
			all = append(all, b.Keys()...)
		}
		for name, b := range bs {
			if b.Help().Key == "" {
				continue
			}
			if b.Help().Desc == "" {
				t.Errorf("%s.%s names %q and says nothing of it", m.name, name, b.Help().Key)
			}
			has := all
			if m.strict {
				has = b.Keys()
			}
			for _, n := range named(b.Help().Key) {
				checked++
				if !slices.Contains(has, n) {
					t.Errorf("%s.%s says %q, but %q is not one of its keys %v", m.name, name, b.Help().Key, n, has)
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d named keys checked: the check saw too little", checked)
	}
}

// TestNamedReadsLabels: the parser the check rests on.
func TestNamedReadsLabels(t *testing.T) {
	for _, c := range []struct {
		label string
		want  []string
	}{
		{"↑/↓ pgup/pgdn", []string{"up", "down", "pgup", "pgdown"}},
		{"←/→ 1-5", []string{"left", "right", "1", "2", "3", "4", "5"}},
		{"n/esc", []string{"n", "esc"}},
		{"shift+tab", []string{"shift+tab"}},
		{"1", []string{"1"}},
		{"ctrl+t", []string{"ctrl+t"}},
	} {
		if got := named(c.label); !slices.Equal(got, c.want) {
			t.Errorf("named(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}
