package coach

import (
	"errors"
	"fmt"
	"strings"
)

// DataDir picks the directory rebound keeps its sessions in. The first of
// these that is set wins: the --data-dir flag, $REBOUND_DATA_DIR,
// $XDG_DATA_HOME/rebound, then the platform's per-user data directory
// (~/.local/share/rebound on Linux and other Unix systems,
// ~/Library/Application Support/rebound on macOS, %LocalAppData%\rebound on
// Windows). The environment, the OS and the home directory are passed in so
// that every platform's answer can be tested on any machine; main passes
// os.Getenv, runtime.GOOS and os.UserHomeDir.
//
// Nothing is created on disk: the store makes the directory on its first save.
func DataDir(flag string, getenv func(string) string, goos string, home func() (string, error)) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := getenv("REBOUND_DATA_DIR"); d != "" {
		return d, nil
	}
	// The XDG spec says a relative path in these variables is invalid and
	// must be ignored.
	if d := getenv("XDG_DATA_HOME"); d != "" && isAbsFor(goos, d) {
		return joinFor(goos, d, "rebound"), nil
	}
	if goos == "windows" {
		if d := getenv("LocalAppData"); d != "" {
			return joinFor(goos, d, "rebound"), nil
		}
	}

	h, err := home()
	if err == nil && h == "" {
		err = errors.New("the home directory is empty")
	}
	if err != nil {
		return "", fmt.Errorf("cannot choose where to keep rebound's data because no home directory was found (%w); pass --data-dir or set REBOUND_DATA_DIR", err)
	}
	switch goos {
	case "windows":
		return joinFor(goos, h, "AppData", "Local", "rebound"), nil
	case "darwin", "ios":
		return joinFor(goos, h, "Library", "Application Support", "rebound"), nil
	default:
		return joinFor(goos, h, ".local", "share", "rebound"), nil
	}
}

// joinFor joins path elements with goos's separator, so that a Windows path
// is built right even when the tests run on Linux (filepath.Join uses the
// separator of the machine running it).
func joinFor(goos, base string, elem ...string) string {
	sep := "/"
	cut := "/"
	if goos == "windows" {
		sep = `\`
		cut = `\/`
	}
	p := strings.TrimRight(base, cut) // "/" becomes "", so the root stays "/rebound"
	for _, e := range elem {
		p += sep + e
	}
	return p
}

// isAbsFor reports whether p is an absolute path on goos.
func isAbsFor(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	// C:\dir, C:/dir, or a UNC path \\server\share.
	if len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		return true
	}
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}
