package coach

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Exposed lists the data directory's files that other users of this
// machine can read or write (any group or other permission bit), as paths
// relative to the data directory. rebound makes its files 0600, so these
// were made or changed by something else: the app warns and leaves them as
// they are. Folders are not counted: one made by hand is often 0755, which
// shows other users the random file names but none of the answers. Windows
// has no such bits; there the list is always empty.
func (s *Store) Exposed() ([]string, error) {
	if runtime.GOOS == "windows" {
		return nil, nil
	}
	if err := s.fault("list", s.dir); err != nil {
		return nil, nil // no data directory (Unavailable): nothing of ours to warn about
	}
	var exposed []string
	// Only what rebound keeps: an older rebound's index at the top and the
	// files in its own folders. The data dir may be a folder that holds
	// other things (--data-dir ~): they are none of rebound's business.
	if info, err := os.Lstat(filepath.Join(s.dir, legacyIndexName)); err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o077 != 0 {
		exposed = append(exposed, legacyIndexName)
	}
	for _, sub := range ownFolders {
		entries, err := readDir(filepath.Join(s.dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return exposed, err
		}
		exposed = append(exposed, exposedIn(sub, entries)...)
	}
	slices.Sort(exposed)
	return exposed, nil
}

// exposedIn is the regular files among entries (of the folder sub) that
// others may read or write. Every command asks before it does anything
// else, so the files (ten thousand sessions, say) are looked at on every
// CPU: it is one stat each, as many as the listing itself makes.
func exposedIn(sub string, entries []fs.DirEntry) []string {
	parts := min(runtime.GOMAXPROCS(0), max(1, len(entries)/500))
	found := make([][]string, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for _, e := range entries[p*len(entries)/parts : (p+1)*len(entries)/parts] {
				if !e.Type().IsRegular() {
					continue
				}
				info, err := e.Info()
				if err != nil {
					continue // removed meanwhile
				}
				if info.Mode().Perm()&0o077 != 0 {
					found[p] = append(found[p], filepath.Join(sub, e.Name()))
				}
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...)
}

// ownFolders are the folders rebound makes in the data directory and
// keeps its files in.
var ownFolders = []string{"sessions", "practice", "trash", indexDirName}

// ExposedWarning is the one-line warning for what Exposed found, or "". Its
// chmod names exactly what rebound made: the file, or the index and the
// folders of rebound's own that hold the files, never the data dir itself,
// which may be a folder rebound did not make (--data-dir ~).
func ExposedWarning(dir string, exposed []string) string {
	if len(exposed) == 0 {
		return ""
	}
	var targets []string
	for _, e := range exposed {
		t := e
		if top, _, ok := strings.Cut(filepath.ToSlash(e), "/"); ok && len(exposed) > 1 {
			t = top // a folder of rebound's own: chmod -R it
		}
		t = shellQuote(filepath.Join(dir, t))
		if !slices.Contains(targets, t) {
			targets = append(targets, t)
		}
	}
	cmd := "chmod go= " + strings.Join(targets, " ")
	if len(exposed) > 1 {
		cmd = "chmod -R go= " + strings.Join(targets, " ")
	}
	if len(exposed) == 1 {
		return "Other users of this machine can read " + filepath.Join(dir, exposed[0]) +
			": run " + cmd + " to keep your answers private."
	}
	return "Other users of this machine can read " + strconv.Itoa(len(exposed)) + " of your files (such as " +
		filepath.Join(dir, exposed[0]) + "): run " + cmd + " to keep your answers private."
}

// shellQuote writes path so that it can be pasted into a shell as one
// word: as it is when it holds only safe characters, else in single quotes.
func shellQuote(path string) string {
	safe := path != "" && strings.IndexFunc(path, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%=~", r))
	}) < 0
	if safe && !strings.HasPrefix(path, "~") {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
