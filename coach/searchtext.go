package coach

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// searchTexts is the search text of the summaries one call of Summaries
// made, read from the index's text shards the first time a search asks
// (Summary.SearchText), so that listing never reads it. A text entry is
// used only if it was made from the file the summary was made from (the
// same stamp) and that file had not changed just before the text shard was
// built; any other session is read from its file again, and its shard
// written back with it, so that the next search finds it.
type searchTexts struct {
	store *Store
	files []textWant // by the summaries' at
	once  sync.Once
	texts []string
}

// textWant is the file a summary was made from, and its stamp then.
type textWant struct {
	name  string
	stamp stamp
}

func (t *searchTexts) text(at int) string {
	t.once.Do(t.load)
	return t.texts[at]
}

// load reads every text shard the summaries fall in, on every CPU.
func (t *searchTexts) load() {
	t.texts = make([]string, len(t.files))
	started := t.store.now().UnixNano()
	byShard := make([][]int, indexShards)
	for i, w := range t.files {
		k := shardOf(w.name)
		byShard[k] = append(byShard[k], i)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), indexShards) {
		wg.Go(func() {
			for k := next.Add(1) - 1; k < indexShards; k = next.Add(1) - 1 {
				if len(byShard[k]) > 0 {
					t.loadShard(int(k), byShard[k], started)
				}
			}
		})
	}
	wg.Wait()
}

// loadShard fills the texts of the files at mine, which fall in shard k.
func (t *searchTexts) loadShard(k int, mine []int, started int64) {
	s := t.store
	old := s.readTextShard(k)
	var missing []int
	for _, i := range mine {
		if e := old[t.files[i].name]; e != nil && e.stamp() == t.files[i].stamp {
			t.texts[i] = e.Text
		} else {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return
	}
	repaired := textShard{Shard: k, Built: started}
	for _, i := range mine {
		if e := old[t.files[i].name]; e != nil && e.stamp() == t.files[i].stamp {
			repaired.Entries = append(repaired.Entries, *e)
		}
	}
	for _, i := range missing {
		name := t.files[i].name
		path := filepath.Join(s.sessionsDir(), name)
		info, err := os.Lstat(path) // before the read: the stamp of no newer content
		if err != nil || !info.Mode().IsRegular() {
			continue // gone since it was listed: nothing to find it by
		}
		sess, p := s.readSession(path, strings.TrimSuffix(name, ".json"))
		if p != nil {
			continue
		}
		t.texts[i] = searchText(sess)
		repaired.Entries = append(repaired.Entries, newTextEntry(name, stampOf(info), t.texts[i]))
	}
	if s.mkdir(s.IndexPath()) == nil {
		_ = s.writeShard(textShardName(k), encodeTextShard(&repaired))
	}
}
