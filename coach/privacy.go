package coach

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
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
	for _, sub := range []string{".", "sessions", "practice", "trash"} {
		entries, err := readDir(filepath.Join(s.dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return exposed, err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue // removed meanwhile
			}
			if info.Mode().Perm()&0o077 != 0 {
				exposed = append(exposed, filepath.Join(sub, e.Name()))
			}
		}
	}
	slices.Sort(exposed)
	return exposed, nil
}

// ExposedWarning is the one-line warning for what Exposed found, or "".
func ExposedWarning(dir string, exposed []string) string {
	switch len(exposed) {
	case 0:
		return ""
	case 1:
		return "Other users of this machine can read " + filepath.Join(dir, exposed[0]) +
			": run chmod -R go= " + dir + " to keep your answers private."
	}
	return "Other users of this machine can read " + strconv.Itoa(len(exposed)) + " of your files (such as " +
		filepath.Join(dir, exposed[0]) + "): run chmod -R go= " + dir + " to keep your answers private."
}
