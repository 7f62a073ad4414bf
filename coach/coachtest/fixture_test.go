package coachtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/coach"
)

// TestFixtureIsWhatOverwriteWrites: Fixture saves through Claim and Save,
// where the fixtures it replaced called Overwrite; the data dir it leaves
// is the same, file for file, byte for byte and date for date, so no golden
// built on it can tell.
func TestFixtureIsWhatOverwriteWrites(t *testing.T) {
	tmp, _ := Fixture(t, genNow)
	got := tree(t, filepath.Join(tmp, "data"))

	want := coach.NewStore(filepath.Join(t.TempDir(), "data"))
	for _, s := range FixtureSessions(genNow) {
		if err := want.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(want.Path(s.ID), s.UpdatedAt, s.UpdatedAt); err != nil {
			t.Fatal(err)
		}
	}
	if err := want.Delete(FixtureDeleted); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(want.Path("x")), "broken.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if w := tree(t, want.Dir()); got != w {
		t.Errorf("Fixture wrote\n%s\nOverwrite writes\n%s", got, w)
	}
	if !strings.Contains(got, "trash/"+FixtureDeleted+".json") || strings.Count(got, "sessions/") < 6 {
		t.Errorf("the fixture is missing files:\n%s", got)
	}
}

// tree is every entry under dir, one a line: its path, mode, and for a file
// its date (but broken.json's, dated when each was written) and contents.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		b.WriteString(filepath.ToSlash(rel) + " " + info.Mode().String())
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if d.Name() != "broken.json" {
				b.WriteString(" " + info.ModTime().UTC().String())
			}
			b.WriteString("\n" + string(data))
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
