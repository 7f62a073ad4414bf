package coach

import (
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// The index keeps what listing needs of every session file in the folder
// <dir>/index, so that listing ten thousand sessions reads a few files
// instead of ten thousand. It is split two ways:
//
//   - into shards by a hash of the session file's name (indexShards of
//     them), so that a changed session rewrites the one shard it falls in
//     (about 1/64 of the index), not the whole index;
//   - into summaries (summaries-NN.idx) and search text (text-NN.idx), so
//     that a listing reads only the summaries: the text, which is most of
//     the bytes, is read when a search first runs (see searchTexts).
//
// The session files stay the source of truth: an entry is used only while
// its file has the stamp it had when the entry was made (size, modification
// and change times, inode and device: see stamp), and was not changed
// within racyWindow of its shard's build. A shard that is missing,
// unreadable, of another version or not the shard its name says is
// rebuilt from the files. It is a cache: it is written atomically but
// without fsync, and a failure to write it is ignored.

const (
	indexDirName = "index"
	// legacyIndexName is the one-file index of rebound before version 5:
	// it holds every session's text, so it is removed once the new index
	// is written.
	legacyIndexName = "index.gob"
	// indexShards: 64 keeps a shard small (about 160 sessions at ten
	// thousand, 800 at fifty thousand) while a listing opens few files.
	indexShards = 64
	// indexVersion 2 added the change time, inode and device to an entry;
	// 3, the depth and the if-then plan to a summary; 4, the channel (for
	// closure) and the letters that tell an untouched draft (not searched)
	// from an edited one; 5 split the one file into shards of summaries
	// and of search text.
	indexVersion = 5
	// racyWindow: a file modified (or its status changed) this close to a
	// shard's build time may have changed again within the same timestamp,
	// so its entry is not trusted (git's "racily clean" entries).
	racyWindow = 2 * time.Second
)

// summaryShard is one shard file of summaries: every session file whose
// name falls in the shard, as it was at Built.
type summaryShard struct {
	Shard   int
	Built   int64 // Unix nanoseconds, taken before the directory was read
	Entries []summaryEntry
}

type summaryEntry struct {
	Name string
	// The file's stamp, field by field (gob matches fields by name).
	Size    int64
	ModTime int64  // Unix nanoseconds
	Change  int64  // Unix nanoseconds; 0 where the system has none
	Inode   uint64 // 0 where the system has none
	Device  uint64 // 0 where the system has none
	Summary Summary
}

// textShard is the search text of the same files, each entry with the
// stamp of the file it was made from: it is trusted on its own terms, so
// the two kinds of shard never have to be written together.
type textShard struct {
	Shard   int
	Built   int64
	Entries []textEntry
}

type textEntry struct {
	Name                  string
	Size, ModTime, Change int64
	Inode, Device         uint64
	Text                  string
}

func (e *summaryEntry) stamp() stamp {
	return stamp{Size: e.Size, ModTime: e.ModTime, Change: e.Change, Inode: e.Inode, Device: e.Device}
}

func (e *textEntry) stamp() stamp {
	return stamp{Size: e.Size, ModTime: e.ModTime, Change: e.Change, Inode: e.Inode, Device: e.Device}
}

func newTextEntry(name string, st stamp, text string) textEntry {
	return textEntry{Name: name, Size: st.Size, ModTime: st.ModTime, Change: st.Change,
		Inode: st.Inode, Device: st.Device, Text: text}
}

// trusted reports whether an entry made from a file with stamp was can
// stand for the file, which has stamp now, in a shard built at built: the
// file has not changed since, and had not changed so close to the build
// that it could have changed again within the same timestamp.
func trusted(was, now stamp, built int64) bool {
	return was == now && now.latest() < built-int64(racyWindow)
}

// IndexPath is the index's folder, for the README and for tests.
func (s *Store) IndexPath() string { return filepath.Join(s.dir, indexDirName) }

// shardOf is the shard a session file's name falls in.
func shardOf(name string) int {
	h := fnv.New32a()
	_, _ = io.WriteString(h, name)
	return int(h.Sum32() % indexShards)
}

func summaryShardName(k int) string { return fmt.Sprintf("summaries-%02d.idx", k) }
func textShardName(k int) string    { return fmt.Sprintf("text-%02d.idx", k) }

// Summaries lists every session as a Summary, newest first, with the files
// it could not use, as List does. It reads only the session files that are
// new or changed since their shard of the index was written, and rewrites
// only the shards that changed. The summaries' search text is not read:
// SearchText reads it, for all of them at once, the first time it is
// asked.
func (s *Store) Summaries() ([]Summary, []Problem, error) {
	built := s.now().UnixNano()
	files, problems, err := s.scan()
	if err != nil {
		return nil, nil, fmt.Errorf("list sessions: %w", err)
	}
	// Only the shards that exist are opened; one that has files but no
	// shard file is built.
	onDisk := s.indexShardFiles()
	byShard := make([][]int, indexShards)
	for i, f := range files {
		k := shardOf(f.entry.Name())
		byShard[k] = append(byShard[k], i)
	}
	slots := make([]indexSlot, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), indexShards) {
		wg.Go(func() {
			for k := next.Add(1) - 1; k < indexShards; k = next.Add(1) - 1 {
				if len(byShard[k]) > 0 || onDisk[summaryShardName(int(k))] || onDisk[textShardName(int(k))] {
					s.refreshShard(int(k), built, files, byShard[k], slots, onDisk)
				}
			}
		})
	}
	wg.Wait()

	order := make([]int, 0, len(files))
	for i, sl := range slots {
		switch {
		case sl.problem != nil:
			problems = append(problems, *sl.problem)
		case sl.entry != nil:
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := &slots[a].entry.Summary, &slots[b].entry.Summary
		return newestFirst(x.UpdatedAt, y.UpdatedAt, x.ID, y.ID)
	})
	src := &searchTexts{store: s, files: make([]textWant, len(order))}
	out := make([]Summary, len(order))
	for at, i := range order {
		sl := &slots[i]
		out[at] = sl.entry.Summary
		src.files[at] = textWant{name: sl.entry.Name, stamp: sl.entry.stamp()}
		if sl.keepText {
			continue // the index could not take it: the summary holds it
		}
		out[at].text, out[at].src, out[at].at = "", src, at
	}
	return out, problems, nil
}

// indexSlot is what Summaries finds for one session file, in the
// directory's order: its index entry, or why the file cannot be used.
type indexSlot struct {
	entry   *summaryEntry
	problem *Problem
	// keepText: the entry's summary holds its search text, because it was
	// read from the file and its text shard could not be written.
	keepText bool
}

// indexShardFiles is the set of file names in the index folder: none when
// it is missing or not a real folder (a symbolic link is not followed).
func (s *Store) indexShardFiles() map[string]bool {
	if s.fault("list", s.IndexPath()) != nil {
		return nil
	}
	entries, err := readDir(s.IndexPath())
	if err != nil {
		return nil
	}
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Name()] = true
	}
	return names
}

// refreshShard fills the slots of the files in shard k (mine: indexes into
// files) from the shard on disk where it can be trusted and from the files
// otherwise, and rewrites the shard when it does not hold exactly them.
func (s *Store) refreshShard(k int, built int64, files []dataFile, mine []int, slots []indexSlot, onDisk map[string]bool) {
	var old summaryShard
	if onDisk[summaryShardName(k)] {
		old = s.readSummaryShard(k)
	}
	byName := make(map[string]*summaryEntry, len(old.Entries))
	for i := range old.Entries {
		byName[old.Entries[i].Name] = &old.Entries[i]
	}
	var read []int // the files read again, by index into files
	texts := map[string]string{}
	made := 0
	for _, i := range mine {
		f := files[i]
		info, err := f.entry.Info()
		if err != nil {
			slots[i].problem = &Problem{Path: f.path, Reason: readReason(err)}
			continue
		}
		st := stampOf(info)
		made++
		if e := byName[f.entry.Name()]; e != nil && trusted(e.stamp(), st, old.Built) {
			slots[i].entry = e // points into old: each summary is copied once, into the result
			continue
		}
		sess, p := s.readSession(f.path, f.id)
		if p != nil {
			slots[i].problem = p
			made--
			continue
		}
		m := Summarize(sess)
		texts[f.entry.Name()], m.text = m.text, ""
		slots[i].entry = &summaryEntry{Name: f.entry.Name(), Size: st.Size, ModTime: st.ModTime, Change: st.Change,
			Inode: st.Inode, Device: st.Device, Summary: m}
		read = append(read, i)
	}
	reused := made - len(read)
	if len(read) == 0 && reused == len(old.Entries) &&
		(reused > 0 || !onDisk[summaryShardName(k)] && !onDisk[textShardName(k)]) {
		return // the shard holds exactly these files
	}
	if allRacy(slots, read, built) {
		// Every file read again changed so close to now that the next
		// listing must read it again whatever the shard says: writing
		// would buy nothing (a session just saved, listed again and again
		// in its first two seconds, rewrote its shard each time).
		for _, i := range read {
			slots[i].entry.Summary.text = texts[slots[i].entry.Name]
			slots[i].keepText = true
		}
		return
	}
	fresh := summaryShard{Shard: k, Built: built, Entries: make([]summaryEntry, 0, made)}
	for _, i := range mine {
		if e := slots[i].entry; e != nil {
			fresh.Entries = append(fresh.Entries, *e)
		}
	}
	if !s.writeShardPair(k, built, &fresh, texts) {
		for _, i := range read { // the text stays with its summary
			slots[i].entry.Summary.text = texts[slots[i].entry.Name]
			slots[i].keepText = true
		}
	}
}

// allRacy reports whether there are files read again and each of them
// changed within racyWindow of built, so that no shard built now could
// vouch for it.
func allRacy(slots []indexSlot, read []int, built int64) bool {
	for _, i := range read {
		if slots[i].entry.stamp().latest() < built-int64(racyWindow) {
			return false
		}
	}
	return len(read) > 0
}

// writeShardPair writes shard k: its summaries, and its text, which is the
// text just read (texts, by file name) and the old text shard's entries
// still good for the files it keeps. A shard left with no files is removed
// instead. It reports whether the text was written.
func (s *Store) writeShardPair(k int, built int64, fresh *summaryShard, texts map[string]string) bool {
	if len(fresh.Entries) == 0 {
		_ = os.Remove(filepath.Join(s.IndexPath(), summaryShardName(k)))
		_ = os.Remove(filepath.Join(s.IndexPath(), textShardName(k)))
		return true
	}
	if s.mkdir(s.IndexPath()) != nil {
		return false // a symbolic link or a file in its place: never written through
	}
	s.removeLegacyIndex()
	text := textShard{Shard: k, Built: built, Entries: make([]textEntry, 0, len(fresh.Entries))}
	var old map[string]*textEntry
	for _, e := range fresh.Entries {
		if t, ok := texts[e.Name]; ok {
			text.Entries = append(text.Entries, newTextEntry(e.Name, e.stamp(), t))
			continue
		}
		if old == nil {
			old = s.readTextShard(k)
		}
		if t := old[e.Name]; t != nil && t.stamp() == e.stamp() {
			text.Entries = append(text.Entries, *t)
		}
		// Otherwise the search reads the file itself, and puts it back.
	}
	// Text first: a summary shard is never newer than what it can search,
	// though each text entry is checked against its own stamp anyway.
	ok := s.writeShard(textShardName(k), encodeTextShard(&text)) == nil
	if data, err := encodeSummaryShard(fresh); err == nil {
		_ = s.writeShard(summaryShardName(k), data)
	}
	return ok
}

// removeLegacyIndex removes the one-file index an older rebound kept,
// which holds every session's text: the shards replace it.
func (s *Store) removeLegacyIndex() {
	path := filepath.Join(s.dir, legacyIndexName)
	if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() {
		_ = os.Remove(path)
	}
}

// readSummaryShard returns shard k of the summaries, or an empty one when
// it is not usable: then every file in it is read again.
func (s *Store) readSummaryShard(k int) summaryShard {
	data, err := s.readShard(summaryShardName(k))
	if err != nil {
		return summaryShard{}
	}
	sh, err := decodeSummaryShard(data, k)
	if err != nil || !allIn(k, sh.Entries) {
		return summaryShard{}
	}
	return sh
}

// readTextShard returns the trusted entries of text shard k by file name;
// an unusable shard has none.
func (s *Store) readTextShard(k int) map[string]*textEntry {
	data, err := s.readShard(textShardName(k))
	if err != nil {
		return map[string]*textEntry{}
	}
	sh, err := decodeTextShard(data, k)
	if err != nil {
		return map[string]*textEntry{}
	}
	out := make(map[string]*textEntry, len(sh.Entries))
	for i := range sh.Entries {
		e := &sh.Entries[i]
		if shardOf(e.Name) == k && e.stamp().latest() < sh.Built-int64(racyWindow) {
			out[e.Name] = e
		}
	}
	return out
}

// allIn reports whether every entry belongs in shard k: a shard file
// copied over another's name is not used.
func allIn(k int, entries []summaryEntry) bool {
	for i := range entries {
		if shardOf(entries[i].Name) != k {
			return false
		}
	}
	return true
}

// readShard reads the shard file name. Anything but a regular file is no
// shard: it is never opened, and it is rebuilt.
func (s *Store) readShard(name string) ([]byte, error) {
	path := filepath.Join(s.IndexPath(), name)
	if err := s.fault("read", path); err != nil {
		return nil, err
	}
	return readLimited(path)
}

// writeShard replaces the shard file name with data, best effort: a data
// dir that refuses it only makes the next listing or search slower.
func (s *Store) writeShard(name string, data []byte) error {
	path := filepath.Join(s.IndexPath(), name)
	return replaceWith(s.IndexPath(), name, false, func(w io.Writer) error {
		if err := s.fault("write", path); err != nil {
			return err
		}
		_, err := w.Write(data)
		return err
	})
}
