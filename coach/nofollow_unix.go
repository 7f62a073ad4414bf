//go:build unix

package coach

import (
	"errors"
	"os"
	"syscall"
)

// openNoFollow makes an open fail on a symbolic link instead of following
// it, and not wait on a FIFO: a file rebound opens in its data directory
// must be the one it made there.
const openNoFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// isSymlinkRefusal reports whether err is an open refused by openNoFollow
// because path is a symbolic link.
func isSymlinkRefusal(path string, err error) bool {
	if !errors.Is(err, syscall.ELOOP) && !errors.Is(err, syscall.EMLINK) {
		return false
	}
	info, lerr := os.Lstat(path)
	return lerr == nil && info.Mode()&os.ModeSymlink != 0
}
