package coach

import (
	"path/filepath"
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
