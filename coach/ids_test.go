package coach

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestShortIDs(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want map[string]string
	}{
		{"none", nil, map[string]string{}},
		{"one", []string{"5e55a0a1b2c3d4e5"}, map[string]string{"5e55a0a1b2c3d4e5": "5e55a0a"}},
		{
			"distinct at the first character",
			[]string{"0123456789abcdef", "f123456789abcdef"},
			map[string]string{"0123456789abcdef": "0123456", "f123456789abcdef": "f123456"},
		},
		{
			"a long shared prefix makes both longer",
			[]string{"5e55a0a1b2c3d4e5", "5e55a0a1b2ffffff", "77777777aaaaaaaa"},
			map[string]string{"5e55a0a1b2c3d4e5": "5e55a0a1b2c", "5e55a0a1b2ffffff": "5e55a0a1b2f", "77777777aaaaaaaa": "7777777"},
		},
		{
			"only the neighbour that shares the prefix matters",
			[]string{"aaaaaaaa00000000", "aaaaaaaa00000001", "aaaaaaab00000000"},
			map[string]string{"aaaaaaaa00000000": "aaaaaaaa00000000", "aaaaaaaa00000001": "aaaaaaaa00000001", "aaaaaaab00000000": "aaaaaaab"},
		},
		{
			"shorter than MinShortID kept whole",
			[]string{"abc", "abcdef", "zz"},
			map[string]string{"abc": "abc", "abcdef": "abcdef", "zz": "zz"},
		},
		{
			"one ID the start of another",
			[]string{"abcdef0", "abcdef01"},
			map[string]string{"abcdef0": "abcdef0", "abcdef01": "abcdef01"},
		},
		{
			"duplicates count once",
			[]string{"5e55a0a1b2c3d4e5", "0123456789abcdef", "5e55a0a1b2c3d4e5"},
			map[string]string{"5e55a0a1b2c3d4e5": "5e55a0a", "0123456789abcdef": "0123456"},
		},
		{
			"input order does not matter",
			[]string{"ffff000000000002", "ffff000000000001", "0000000000000001"},
			map[string]string{"ffff000000000001": "ffff000000000001", "ffff000000000002": "ffff000000000002", "0000000000000001": "0000000"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.ids)
			got := ShortIDs(tt.ids)
			if !maps.Equal(got, tt.want) {
				t.Errorf("ShortIDs(%q) =\n%v\nwant\n%v", tt.ids, got, tt.want)
			}
			if !slices.Equal(tt.ids, in) {
				t.Errorf("ShortIDs changed its argument: %q, was %q", tt.ids, in)
			}
			checkShortIDs(t, tt.ids, got)
		})
	}
}

// checkShortIDs checks what every ShortIDs result must hold: each short ID
// starts its ID, is at least MinShortID long (or the whole ID), and names
// that ID alone when resolved.
func checkShortIDs(t *testing.T, ids []string, short map[string]string) {
	t.Helper()
	seen := map[string]string{}
	for _, id := range ids {
		s, ok := short[id]
		switch {
		case !ok:
			t.Errorf("%s has no short ID", id)
			continue
		case !strings.HasPrefix(id, s):
			t.Errorf("short ID %q does not start %q", s, id)
		case len(s) < min(MinShortID, len(id)):
			t.Errorf("short ID %q of %q is shorter than %d", s, id, MinShortID)
		}
		if other, dup := seen[s]; dup && other != id {
			t.Errorf("%q and %q share the short ID %q", other, id, s)
		}
		seen[s] = id
		if got, err := Resolve(s, ids); err != nil || got != id {
			t.Errorf("Resolve(%q) = %q, %v; want %q", s, got, err, id)
		}
	}
}

func TestShortIDsOfManyRandomIDs(t *testing.T) {
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = newID()
	}
	// A few that share long prefixes, as IDs typed or copied by hand might.
	ids = append(ids, ids[0][:12]+"0000", ids[0][:12]+"0001", ids[1][:15]+"x")
	short := ShortIDs(ids)
	checkShortIDs(t, ids, short)
	if len(short) != len(ids) {
		t.Errorf("%d short IDs for %d IDs", len(short), len(ids))
	}
}

func TestResolve(t *testing.T) {
	ids := []string{"5e5ffff000000000", "abcdef0123456789", "5e55a0a1b2ffffff", "0123456789abcdef", "abc", "5e55a0a1b2c3d4e5"}
	tests := []struct {
		prefix  string
		want    string
		unknown bool
		matches []string // ambiguous
	}{
		{prefix: "0123456789abcdef", want: "0123456789abcdef"},
		{prefix: "0123", want: "0123456789abcdef"},
		{prefix: "0", want: "0123456789abcdef"},
		{prefix: "5e55a0a1b2c", want: "5e55a0a1b2c3d4e5"},
		{prefix: "5E55A0A1B2F", want: "5e55a0a1b2ffffff"},
		{prefix: "  0123456 \n", want: "0123456789abcdef"},
		{prefix: "abc", want: "abc"}, // the ID itself, though another starts with it
		{prefix: "ABC", want: "abc"},
		{prefix: "abcd", want: "abcdef0123456789"},
		{prefix: "5e55a0a1b2", matches: []string{"5e55a0a1b2c3d4e5", "5e55a0a1b2ffffff"}},
		{prefix: "5e5", matches: []string{"5e55a0a1b2c3d4e5", "5e55a0a1b2ffffff", "5e5ffff000000000"}},
		{prefix: "ab", matches: []string{"abc", "abcdef0123456789"}},
		{prefix: "9", unknown: true},
		{prefix: "0123456789abcdef0", unknown: true},
		{prefix: "", unknown: true},
		{prefix: "   ", unknown: true},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			got, err := Resolve(tt.prefix, ids)
			var amb *AmbiguousIDError
			switch {
			case tt.unknown:
				if !errors.Is(err, ErrUnknownID) || got != "" {
					t.Errorf("Resolve = %q, %v; want ErrUnknownID", got, err)
				}
			case tt.matches != nil:
				if !errors.As(err, &amb) || got != "" {
					t.Fatalf("Resolve = %q, %v; want an AmbiguousIDError", got, err)
				}
				if !slices.Equal(amb.Matches, tt.matches) || amb.Prefix != tt.prefix {
					t.Errorf("AmbiguousIDError = %+v, want prefix %q and matches %q", amb, tt.prefix, tt.matches)
				}
				for _, m := range tt.matches {
					if !strings.Contains(err.Error(), m) {
						t.Errorf("message %q does not name %s", err, m)
					}
				}
				if errors.Is(err, ErrUnknownID) {
					t.Errorf("an ambiguous prefix matches ErrUnknownID: %v", err)
				}
			default:
				if err != nil || got != tt.want {
					t.Errorf("Resolve = %q, %v; want %q", got, err, tt.want)
				}
			}
		})
	}
	if _, err := Resolve("abc", nil); !errors.Is(err, ErrUnknownID) {
		t.Errorf("Resolve with no IDs = %v, want ErrUnknownID", err)
	}
}

func TestAmbiguousIDErrorMessage(t *testing.T) {
	var ids []string
	for _, c := range "0123456789" {
		ids = append(ids, "feed"+string(c)+"00000000000")
	}
	_, err := Resolve("FEED", ids)
	want := `"FEED" is ambiguous: it starts 10 session IDs (feed000000000000, feed100000000000, feed200000000000, ` +
		`feed300000000000, feed400000000000 and 5 more); type more of it`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestStoreIDs(t *testing.T) {
	dir := t.TempDir()
	st := NewStore(dir)
	if ids, err := st.IDs(); err != nil || ids != nil {
		t.Errorf("IDs with no sessions dir = %q, %v; want nothing", ids, err)
	}
	if ids, err := st.TrashIDs(); err != nil || ids != nil {
		t.Errorf("TrashIDs with no trash = %q, %v; want nothing", ids, err)
	}

	sessions := filepath.Join(dir, "sessions")
	trash := filepath.Join(dir, "trash")
	for _, d := range []string{sessions, trash, filepath.Join(sessions, "dir0000000000000.json")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"sessions/5e55a0a1b2c3d4e5.json":        "{}", // the name is what counts, not the content
		"sessions/0123456789abcdef.json":        "",
		"sessions/.hidden.json":                 "",
		"sessions/.5e55a0a1b2c3d4e5.json.tmp-1": "",
		"sessions/notes.txt":                    "",
		"sessions/with space.json":              "",
		"trash/abcdefabcdefabcd.json":           "",
		"trash/README":                          "",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := st.IDs()
	slices.Sort(ids)
	if want := []string{"0123456789abcdef", "5e55a0a1b2c3d4e5"}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("IDs = %q, %v; want %q", ids, err, want)
	}
	ids, err = st.TrashIDs()
	if want := []string{"abcdefabcdefabcd"}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("TrashIDs = %q, %v; want %q", ids, err, want)
	}
}
