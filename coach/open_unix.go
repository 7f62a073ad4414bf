//go:build unix

package coach

import "syscall"

// openDirectory opens a folder without waiting, and fails (errNotDir) on
// anything else.
const openDirectory = syscall.O_DIRECTORY | syscall.O_NONBLOCK

var errNotDir error = syscall.ENOTDIR
