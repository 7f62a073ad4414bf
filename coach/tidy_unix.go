//go:build unix

package coach

import (
	"os"
	"syscall"
)

// holdTemp locks a temp file just made, for as long as it is open, so that
// Tidy in another copy of rebound leaves it alone. Best effort: a file
// system without locks leaves only the age to go by.
func holdTemp(f *os.File) { _ = flockFile(f, syscall.LOCK_EX|syscall.LOCK_NB) }

// tryLockFile takes f's lock without waiting: false when another open file
// holds it, or when it cannot be tried at all (then nothing is known, and
// nothing is removed).
func tryLockFile(f *os.File) bool { return flockFile(f, syscall.LOCK_EX|syscall.LOCK_NB) == nil }

func flockFile(f *os.File, how int) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) {
		for {
			if ferr = syscall.Flock(int(fd), how); ferr != syscall.EINTR {
				return
			}
		}
	}); err != nil {
		return err
	}
	return ferr
}
