//go:build !unix

package coach

import "errors"

// openDirectory is nothing where the system has no such flags: readDir
// checks the open file instead.
const openDirectory = 0

var errNotDir = errors.New("not a directory")
