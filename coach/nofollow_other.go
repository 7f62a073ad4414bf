//go:build !unix

package coach

// openNoFollow is nothing where the system has no such flag.
const openNoFollow = 0

func isSymlinkRefusal(string, error) bool { return false }
