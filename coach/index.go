package coach

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// The index keeps the summary of every session file in one file,
// <dir>/index.gob, so that listing ten thousand sessions reads one file
// instead of ten thousand. The session files stay the source of truth: an
// entry is used only while its file has the stamp it had when the entry was
// made (size, modification and change times, inode and device: see stamp),
// and an index that is missing, unreadable or of another version is rebuilt
// from the files. It is a cache: it is written
// atomically but without fsync, and a failure to write it is ignored.

const (
	indexName = "index.gob"
	// indexVersion 2 added the change time, inode and device to an entry;
	// 3, the depth and the if-then plan to a summary; 4, the channel (for
	// closure) and the letters that tell an untouched draft (not searched)
	// from an edited one.
	indexVersion = 4
	// racyWindow: a file modified (or its status changed) this close to the
	// index's build time may have changed again within the same timestamp,
	// so its entry is not trusted (git's "racily clean" entries).
	racyWindow = 2 * time.Second
)

type indexFile struct {
	Version int          `json:"version"`
	Built   int64        `json:"built"` // Unix nanoseconds, taken before the directory was read
	Entries []indexEntry `json:"entries"`
}

type indexEntry struct {
	Name string `json:"name"`
	// The file's stamp, field by field (gob matches fields by name).
	Size    int64   `json:"size"`
	ModTime int64   `json:"mtime"`  // Unix nanoseconds
	Change  int64   `json:"ctime"`  // Unix nanoseconds; 0 where the system has none
	Inode   uint64  `json:"inode"`  // 0 where the system has none
	Device  uint64  `json:"device"` // 0 where the system has none
	Summary Summary `json:"summary"`
	Text    string  `json:"text"`
}

func (e *indexEntry) stamp() stamp {
	return stamp{Size: e.Size, ModTime: e.ModTime, Change: e.Change, Inode: e.Inode, Device: e.Device}
}

// IndexPath is the index file's path, for the README and for tests.
func (s *Store) IndexPath() string { return filepath.Join(s.dir, indexName) }

// Summaries lists every session as a Summary, newest first, with the files
// it could not use, as List does. It reads only the session files that are
// new or changed since the index was written, and rewrites the index when
// anything changed.
func (s *Store) Summaries() ([]Summary, []Problem, error) {
	built := s.now().UnixNano()
	files, problems, err := s.scan()
	if err != nil {
		return nil, nil, fmt.Errorf("list sessions: %w", err)
	}
	old := s.readIndex()
	byName := make(map[string]*indexEntry, len(old.Entries))
	for i := range old.Entries {
		byName[old.Entries[i].Name] = &old.Entries[i]
	}
	trustBefore := old.Built - int64(racyWindow)

	// Files whose entry can be trusted are taken from the index; the others
	// are read by summarizeFiles. Each has its own slot so that the order
	// stays the directory's.
	slots := make([]indexSlot, len(files))
	var toRead []int
	reused := 0
	for i, f := range files {
		info, err := f.entry.Info()
		if err != nil {
			slots[i].problem = &Problem{Path: f.path, Reason: readReason(err)}
			continue
		}
		st := stampOf(info)
		if e := byName[f.entry.Name()]; e != nil && e.stamp() == st && st.latest() < trustBefore {
			slots[i].entry = e
			reused++
			continue
		}
		slots[i].entry = &indexEntry{Name: f.entry.Name(), Size: st.Size, ModTime: st.ModTime,
			Change: st.Change, Inode: st.Inode, Device: st.Device}
		toRead = append(toRead, i)
	}
	s.summarizeFiles(files, slots, toRead)

	fresh := indexFile{Version: indexVersion, Built: built, Entries: make([]indexEntry, 0, len(files))}
	for _, sl := range slots {
		switch {
		case sl.problem != nil:
			problems = append(problems, *sl.problem)
		case sl.entry != nil:
			fresh.Entries = append(fresh.Entries, *sl.entry)
		}
	}
	if reused != len(fresh.Entries) || reused != len(old.Entries) {
		s.writeIndex(&fresh)
	}
	return newestSummaries(fresh.Entries), problems, nil
}

// indexSlot is what Summaries finds for one session file, in the
// directory's order: its index entry, or why the file cannot be used.
type indexSlot struct {
	entry   *indexEntry
	problem *Problem
}

// summarizeFiles reads and summarises the files at the indexes toRead on
// every CPU, since this is most of Summaries' work when the index is built
// from scratch. Each file's summary goes into its slot's entry, or, when
// the file cannot be used, the slot becomes the problem.
func (s *Store) summarizeFiles(files []dataFile, slots []indexSlot, toRead []int) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(toRead)) {
		wg.Go(func() {
			for n := next.Add(1) - 1; n < int64(len(toRead)); n = next.Add(1) - 1 {
				i := toRead[n]
				sess, p := s.readSession(files[i].path, files[i].id)
				if p != nil {
					slots[i] = indexSlot{problem: p}
					continue
				}
				slots[i].entry.Summary = Summarize(sess)
				slots[i].entry.Text = slots[i].entry.Summary.text
			}
		})
	}
	wg.Wait()
}

// newestSummaries is the summaries of the index entries, each with the
// search text the index keeps apart from it, newest first as List orders
// sessions.
func newestSummaries(entries []indexEntry) []Summary {
	out := make([]Summary, len(entries))
	for i, e := range entries {
		out[i] = e.Summary
		out[i].text = e.Text
	}
	slices.SortStableFunc(out, func(a, b Summary) int {
		return newestFirst(a.UpdatedAt, b.UpdatedAt, a.ID, b.ID)
	})
	return out
}

// readIndex returns the index, or an empty one when there is none usable.
func (s *Store) readIndex() indexFile {
	f, _, err := openRegular(s.IndexPath()) // anything else is no index: it is rebuilt
	if err != nil {
		return indexFile{}
	}
	defer f.Close()
	// Decoded as it is read: holding the file's bytes as well would add its
	// size (23 MB at 10,000 sessions) to the peak memory.
	var idx indexFile
	if gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(&idx) != nil || idx.Version != indexVersion {
		return indexFile{}
	}
	return idx
}

// writeIndex replaces the index, best effort: a data dir that refuses it
// only makes the next listing slower.
func (s *Store) writeIndex(idx *indexFile) {
	_ = replaceWith(s.dir, indexName, false, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		if err := gob.NewEncoder(bw).Encode(idx); err != nil {
			return err
		}
		return bw.Flush()
	})
}
