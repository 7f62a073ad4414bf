//go:build linux || openbsd || dragonfly || solaris

package coach

import (
	"io/fs"
	"syscall"
)

func sysStamp(info fs.FileInfo, s *stamp) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.Change, s.Inode, s.Device = st.Ctim.Nano(), uint64(st.Ino), uint64(st.Dev)
	}
}
