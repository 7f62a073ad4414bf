package coach

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// SetClock sets the time the store goes by, for tests outside the package:
// an index built with the clock an hour ahead trusts files written just now
// as it would files written an hour ago.
func SetClock(s *Store, now func() time.Time) { s.clock = now }

// Detached is m with its search text in hand, as Summarize makes it: a
// summary from Summaries reads its text from the index when asked, so
// comparing the two field by field needs this.
func Detached(m Summary) Summary {
	m.text, m.src, m.at = m.SearchText(), nil, 0
	return m
}

// ShardPaths are the index files a session's summary and search text are
// kept in.
func ShardPaths(s *Store, id string) (summaries, text string) {
	k := shardOf(id + ".json")
	return filepath.Join(s.IndexPath(), summaryShardName(k)), filepath.Join(s.IndexPath(), textShardName(k))
}

// IndexShards is how many shards the index is split into.
const IndexShards = indexShards

// ShardLen is how many entries the summaries shard at path holds.
func ShardLen(path string, id string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	sh, err := decodeSummaryShard(data, shardOf(id+".json"))
	return len(sh.Entries), err
}

// ForgeShard is the summaries shard at path (the one id falls in) with the
// summary of id replaced by m, written with version (0: this build's),
// for tests that need an entry the store would trust.
func ForgeShard(path, id string, m Summary, version int) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k := shardOf(id + ".json")
	sh, err := decodeSummaryShard(data, k)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(sh.Entries, func(e summaryEntry) bool { return e.Name == id+".json" })
	if i < 0 {
		return nil, fmt.Errorf("no entry for %s in %s", id, path)
	}
	m.text = ""
	sh.Entries[i].Summary = m
	return (&shardWriter{version: uint64(version)}).summaryShard(&sh)
}
