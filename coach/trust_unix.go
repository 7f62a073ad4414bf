//go:build unix

package coach

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// TrustWarning is one sentence, as ssh gives for its files, when other
// users could change what is in dir: dir belongs to another user, or others
// (or its group) can write to it, or to a folder above it that lacks the
// sticky bit, so they could swap sessions in and out. It is "" when dir is
// safe or does not exist yet (rebound makes it 0700; its parents are
// checked all the same). rebound warns and goes on: the folder may be
// shared on purpose, and refusing would leave the person with nowhere to
// write on a bad day.
func TrustWarning(dir string) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	uid := uint32(os.Geteuid())
	own := func(info fs.FileInfo) (uint32, bool) {
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			return 0, true
		}
		return st.Uid, st.Uid == uid || st.Uid == 0
	}
	if info, err := os.Stat(abs); err == nil {
		if owner, _ := own(info); owner != uid {
			return fmt.Sprintf("%s belongs to another user (uid %d), who can read and change your sessions: pass --data-dir with a folder of your own.", abs, owner)
		}
		if info.Mode().Perm()&0o022 != 0 {
			return fmt.Sprintf("Other users can change %s (mode %04o), so they could swap your sessions: run chmod go-w %s.", abs, info.Mode().Perm(), shellQuote(abs))
		}
	}
	for p := filepath.Dir(abs); ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			owner, ok := own(info)
			switch {
			case !ok:
				return fmt.Sprintf("%s, which holds %s, belongs to another user (uid %d), who could swap your sessions: pass --data-dir with a folder of your own.", p, abs, owner)
			case info.Mode().Perm()&0o022 != 0 && info.Mode()&fs.ModeSticky == 0:
				return fmt.Sprintf("Other users can change %s (mode %04o, no sticky bit), which holds %s, so they could swap your sessions: run chmod go-w %s, or pass --data-dir with a folder of your own.", p, info.Mode().Perm(), abs, shellQuote(p))
			}
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}
