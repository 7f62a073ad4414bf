package coach

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// Export turns sessions into one document a person can keep or a script can
// read: `rebound export` and `rebound show` print these. The functions here
// only encode; reading the sessions and writing the result are the caller's.

// ExportVersion is the version of the JSON export's shape. It changes only
// when a field changes meaning or goes away; new fields may appear.
const ExportVersion = 1

// exportRule separates sessions in a markdown export: a thematic break with
// a blank line on each side, so it can never turn the line above into a
// heading.
const exportRule = "\n---\n\n"

// ExportMarkdown is the sessions' markdown (see Markdown), in the order
// given, separated by a horizontal rule. No sessions give no bytes.
func ExportMarkdown(sessions []*Session, flow *content.Flow) []byte {
	var b bytes.Buffer
	for i, s := range sessions {
		if i > 0 {
			b.WriteString(exportRule)
		}
		b.WriteString(strings.TrimRight(Markdown(s, flow), "\n"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// exportDoc is the JSON export. Each session is exactly what its file holds.
type exportDoc struct {
	SchemaVersion int        `json:"schema_version"`
	ExportedAt    time.Time  `json:"exported_at"`
	Sessions      []*Session `json:"sessions"`
}

// ExportJSON is the sessions as one JSON object, indented with two spaces:
// {"schema_version": 1, "exported_at": ..., "sessions": [...]}, each
// session as its file holds it, in the order given. exportedAt is written
// to the second.
func ExportJSON(sessions []*Session, exportedAt time.Time) ([]byte, error) {
	doc := exportDoc{
		SchemaVersion: ExportVersion,
		ExportedAt:    exportedAt.Truncate(time.Second),
		Sessions:      make([]*Session, len(sessions)),
	}
	for i, s := range sessions {
		doc.Sessions[i] = asStored(s)
	}
	return encodeIndented(&doc)
}

// SessionJSON is a session as the store writes it to its file.
func SessionJSON(s *Session) ([]byte, error) { return encodeSession(s) }

// WriteFile replaces the file at path with data the way the store saves a
// session: atomically (a reader or a crash sees the old file or the new one)
// and with mode 0600, since an export holds the same private words.
func WriteFile(path string, data []byte) error {
	return writeAtomic(filepath.Dir(path), filepath.Base(path), data)
}
