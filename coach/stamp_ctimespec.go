//go:build darwin || ios || freebsd || netbsd

package coach

import (
	"io/fs"
	"syscall"
)

func sysStamp(info fs.FileInfo, s *stamp) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.Change, s.Inode, s.Device = st.Ctimespec.Nano(), uint64(st.Ino), uint64(st.Dev)
	}
}
