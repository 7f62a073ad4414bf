package coach

import "io/fs"

// stamp is what the file system says of a file that changes when the file
// does: the index trusts an entry only while its file's stamp is the same.
// Size and modification time alone miss an edit that keeps both (a backup
// restored with its times, touch -r, some sync tools); the change time
// cannot be set back by hand, and a file replaced by another (a save
// renames a new one over the old) has a new inode. Where the system says
// nothing of these (Windows), they are 0 and size and modification time
// are all there is.
type stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
	// Change is the status change time (ctime), Unix nanoseconds.
	Change        int64
	Inode, Device uint64
}

func stampOf(info fs.FileInfo) stamp {
	s := stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	sysStamp(info, &s)
	return s
}

// latest is the last time the file is known to have changed.
func (s stamp) latest() int64 { return max(s.ModTime, s.Change) }
