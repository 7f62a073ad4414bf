package coach

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Every file the store writes is first written to a temp file beside it,
// named "." + its name + ".tmp-" + digits (os.CreateTemp's pattern, in
// replaceWith), then renamed over it. A crash between the two leaves the
// temp file: in sessions/, practice/, trash/, index/ (whose text shards
// hold the sessions' words), and in the data directory itself for the
// one-file index of an older rebound. Tidy removes them the next
// time the store is opened, and so does every listing of sessions/ and
// practice/.
//
// A temp file is removed only when both hold:
//   - no process holds its lock: a writer locks its temp file (flock, on
//     Unix) from the moment it makes it until it is closed, so a save in
//     progress, or one stopped for as long as anyone likes (SIGSTOP, a
//     laptop asleep, a hung network disk), keeps its file;
//   - it was last written at least staleTempAge ago: this covers the two
//     moments a writer does not hold the lock (between making the file and
//     locking it, and between closing it and renaming it, microseconds
//     each), a rebound too old to lock its temp files, and Windows, where
//     there is no such lock (and a file a process has open cannot be
//     removed anyway).
//
// Either alone would do nearly always; together a live writer's file is
// never removed, and a crashed one's goes within a minute.
const staleTempAge = time.Minute

// probeName is the empty file Check writes and removes at once to learn
// that sessions/ can be written: left only by a crash between the two.
const probeName = ".probe"

// Tidy removes what crashed copies of rebound left in the data directory:
// temp files of every kind (see above), a probe file left by Check, and
// lock files no process holds (CleanLocks). It touches nothing else, never
// opens anything but a regular file, and is best effort: what cannot be
// removed now is tried again next time. The app and every command call it
// when they open the store.
func (s *Store) Tidy() {
	if s.fault("list", s.dir) != nil {
		return // no data directory (Unavailable)
	}
	now := s.now()
	for _, dir := range []string{s.dir, s.sessionsDir(), s.practiceDir(), s.trashDir(), s.IndexPath()} {
		read := readDir
		if dir == s.dir {
			read = readDataDir
		}
		entries, err := read(dir)
		if err != nil {
			continue // missing, or not a folder: nothing of ours in it
		}
		for _, e := range entries {
			name := e.Name()
			switch {
			case isTempName(name):
				removeStaleTemp(filepath.Join(dir, name), e, now)
			case name == probeName && dir == s.sessionsDir():
				removeStale(filepath.Join(dir, name), e, now)
			}
		}
	}
	s.CleanLocks()
}

// isTempName reports whether name is one replaceWith gives its temp files:
// "." + a name + ".tmp-" + os.CreateTemp's random digits.
func isTempName(name string) bool {
	head, digits, ok := cutLast(name, ".tmp-")
	if !ok || len(head) < 2 || head[0] != '.' || digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// removeStaleTemp removes the temp file at path (listed as e) if no process
// holds its lock and it was last written staleTempAge before now.
func removeStaleTemp(path string, e os.DirEntry, now time.Time) {
	info, ok := staleRegular(e, now)
	if !ok {
		return
	}
	f, opened, err := openRegular(path)
	if err != nil {
		return
	}
	defer f.Close()
	if !os.SameFile(info, opened) || !tryLockFile(f) {
		return // replaced meanwhile, or a live writer holds it
	}
	_ = os.Remove(path) // while holding its lock
}

// removeStale removes a regular file last written staleTempAge before now.
func removeStale(path string, e os.DirEntry, now time.Time) {
	if _, ok := staleRegular(e, now); ok {
		_ = os.Remove(path)
	}
}

// staleRegular reports whether e is a regular file last written at least
// staleTempAge before now, with its information.
func staleRegular(e os.DirEntry, now time.Time) (os.FileInfo, bool) {
	if !e.Type().IsRegular() {
		return nil, false // not one of ours: left alone
	}
	info, err := e.Info()
	if err != nil || now.Sub(info.ModTime()) < staleTempAge {
		return nil, false
	}
	return info, true
}
