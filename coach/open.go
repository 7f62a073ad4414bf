package coach

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// Every file and folder the store reads is opened here, so that nothing put
// in a data directory can make rebound wait or read something it did not
// make: a FIFO named like a session would block a plain open until some
// other process wrote to it, a device may do anything when opened, and a
// symbolic link may point anywhere. A path is looked at first (lstat), so
// that such a file is never opened at all; then it is opened without
// following a symbolic link and without waiting (openNoFollow), and the
// open file is looked at again (fstat), in case it was swapped meanwhile.

// NotRegular is a path the store skipped because it is not a regular file
// (nor, where a folder is wanted, a folder). Reason is one lower-case line:
// "a named pipe, not a regular file".
type NotRegular struct {
	Path   string
	Reason string
}

func (e *NotRegular) Error() string { return e.Path + ": " + e.Reason }

// kindReason says in one line what kind of file mode is, when it is not a
// regular file, or "" when it is one.
func kindReason(mode fs.FileMode) string {
	switch t := mode.Type(); {
	case t.IsRegular():
		return ""
	case t&fs.ModeSymlink != 0:
		return "a symbolic link, which rebound does not follow"
	case t&fs.ModeDir != 0:
		return "a directory, not a file"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe, not a regular file"
	case t&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case t&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return "not a regular file"
}

// openRegular opens the regular file at path for reading, and gives what
// fstat says of it. Anything else is refused with a *NotRegular, without
// blocking and, but for a race, without being opened at all.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	named, err := os.Lstat(path)
	if err != nil {
		return nil, nil, err
	}
	if why := kindReason(named.Mode()); why != "" {
		return nil, nil, &NotRegular{Path: path, Reason: why}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoFollow, 0)
	if err != nil {
		if isSymlinkRefusal(path, err) {
			return nil, nil, &NotRegular{Path: path, Reason: kindReason(fs.ModeSymlink)}
		}
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	if why := kindReason(info.Mode()); why != "" {
		_ = f.Close()
		return nil, nil, &NotRegular{Path: path, Reason: why}
	}
	return f, info, nil
}

// readDir is os.ReadDir for a folder the store keeps inside the data dir:
// it is opened without waiting and only if it is a folder, not a symbolic
// link to one (a link could point anywhere, and rebound reads and writes
// only what it made), so a FIFO or a link in its place is a *NotRegular,
// not a hang. The entries are sorted by name, as os.ReadDir's are.
func readDir(dir string) ([]fs.DirEntry, error) { return listDir(dir, openNoFollow) }

// readDataDir is readDir for the data dir itself, which may well be a
// symbolic link the person made on purpose (to a synced folder, say).
func readDataDir(dir string) ([]fs.DirEntry, error) { return listDir(dir, 0) }

func listDir(dir string, flags int) ([]fs.DirEntry, error) {
	f, err := os.OpenFile(dir, os.O_RDONLY|openDirectory|flags, 0)
	if err != nil {
		if named, lerr := os.Lstat(dir); flags != 0 && lerr == nil && named.Mode()&fs.ModeSymlink != 0 {
			return nil, &NotRegular{Path: dir, Reason: kindReason(fs.ModeSymlink)}
		}
		if info, serr := os.Stat(dir); errors.Is(err, errNotDir) && serr == nil {
			return nil, &NotRegular{Path: dir, Reason: dirReason(info.Mode())}
		}
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.IsDir() { // where there is no O_DIRECTORY
		return nil, &NotRegular{Path: dir, Reason: dirReason(info.Mode())}
	}
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// dirReason is kindReason for a path that should be a folder.
func dirReason(mode fs.FileMode) string {
	if mode.IsRegular() {
		return "a file, not a folder"
	}
	return strings.Replace(kindReason(mode), "a regular file", "a folder", 1)
}
