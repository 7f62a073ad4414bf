package coach

import (
	"cmp"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// The shards of the index are written in a small binary format of their
// own rather than with gob. gob builds a decoder for the types of every
// stream it reads, and each shard is a stream: with 64 shards that was
// most of the cost of listing a thousand sessions, and every string it
// decodes is an allocation of its own. Here a shard is read whole into one
// string and each string of a summary is a piece of it.
//
// A shard is: shardMagic, then as unsigned varints the index version, the
// kind ('s' summaries, 't' text) and the shard number, the build time as
// a signed varint, the number of entries, the entries, and a CRC-32 (IEEE,
// little-endian) of everything before it. A string is its length and its
// bytes; a time, its MarshalBinary bytes as a string (the form gob used,
// so a time keeps its zone as it did). An entry is the file's name and
// stamp, then a summary's fields in the order appendSummary writes them, or
// the search text.

const shardMagic = "rebound index\n"

const (
	summariesKind = 's'
	textKind      = 't'
)

var errBadShard = errors.New("not a shard of this rebound's index")

// shardWriter appends the format's values to b.
type shardWriter struct {
	b       []byte
	version uint64 // 0: indexVersion; tests write others
}

func (w *shardWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *shardWriter) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *shardWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}
func (w *shardWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *shardWriter) time(t time.Time) error {
	data, err := t.MarshalBinary()
	w.str(string(data))
	return err
}

func (w *shardWriter) header(kind byte, k int, built int64, n int) {
	w.b = append(w.b, shardMagic...)
	w.uint(cmp.Or(w.version, indexVersion))
	w.uint(uint64(kind))
	w.uint(uint64(k))
	w.int(built)
	w.uint(uint64(n))
}

func (w *shardWriter) stamp(name string, st stamp) {
	w.str(name)
	w.int(st.Size)
	w.int(st.ModTime)
	w.int(st.Change)
	w.uint(st.Inode)
	w.uint(st.Device)
}

// done appends the checksum and returns the shard's bytes.
func (w *shardWriter) done() []byte {
	return binary.LittleEndian.AppendUint32(w.b, crc32.ChecksumIEEE(w.b))
}

// shardReader reads the format's values from s, a shard without its
// checksum. Reading past the end or a malformed value sets bad and gives
// zeros from then on, so a decoder checks once, at the end.
type shardReader struct {
	s   string
	at  int
	bad bool
}

func (r *shardReader) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64 && !r.bad; shift += 7 {
		if r.at >= len(r.s) {
			break
		}
		c := r.s[r.at]
		r.at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

// int undoes binary.AppendVarint's zig-zag.
func (r *shardReader) int() int64 {
	u := r.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count is a number of values to follow, each at least one byte: a count
// larger than what is left is a corrupt shard, not an allocation.
func (r *shardReader) count() int {
	n := r.uint()
	if n > uint64(len(r.s)-r.at) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *shardReader) str() string {
	n := r.count()
	if r.bad {
		return ""
	}
	s := r.s[r.at : r.at+n]
	r.at += n
	return s
}

// strs gives nil for none, as Summarize does.
func (r *shardReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *shardReader) time() time.Time {
	var t time.Time
	if s := r.str(); s != "" && t.UnmarshalBinary([]byte(s)) != nil {
		r.bad = true
	}
	return t
}

func (r *shardReader) stamp() (string, stamp) {
	name := r.str()
	st := stamp{Size: r.int(), ModTime: r.int(), Change: r.int()}
	st.Inode, st.Device = r.uint(), r.uint()
	return name, st
}

// openShard checks a shard's checksum and header, which must be of kind
// and shard k, and returns a reader at its first entry, with the build
// time and the number of entries.
func openShard(data []byte, kind byte, k int) (*shardReader, int64, int, error) {
	if len(data) < len(shardMagic)+4 || string(data[:len(shardMagic)]) != shardMagic {
		return nil, 0, 0, errBadShard
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, 0, 0, errBadShard
	}
	// One copy, as a string: every string decoded is a piece of it.
	r := &shardReader{s: string(body[len(shardMagic):])}
	if r.uint() != indexVersion || r.uint() != uint64(kind) || r.uint() != uint64(k) {
		return nil, 0, 0, errBadShard
	}
	built := r.int()
	n := r.count()
	if r.bad {
		return nil, 0, 0, errBadShard
	}
	return r, built, n, nil
}

// end reports whether r has read a whole, well-formed shard.
func (r *shardReader) end() error {
	if r.bad || r.at != len(r.s) {
		return errBadShard
	}
	return nil
}

func encodeSummaryShard(sh *summaryShard) ([]byte, error) {
	return (&shardWriter{}).summaryShard(sh)
}

func (w *shardWriter) summaryShard(sh *summaryShard) ([]byte, error) {
	w.header(summariesKind, sh.Shard, sh.Built, len(sh.Entries))
	for i := range sh.Entries {
		e := &sh.Entries[i]
		w.stamp(e.Name, e.stamp())
		if err := w.summary(&e.Summary); err != nil {
			return nil, err
		}
	}
	return w.done(), nil
}

func decodeSummaryShard(data []byte, k int) (summaryShard, error) {
	r, built, n, err := openShard(data, summariesKind, k)
	if err != nil {
		return summaryShard{}, err
	}
	sh := summaryShard{Shard: k, Built: built, Entries: make([]summaryEntry, n)}
	for i := range sh.Entries {
		e := &sh.Entries[i]
		var st stamp
		e.Name, st = r.stamp()
		e.Size, e.ModTime, e.Change, e.Inode, e.Device = st.Size, st.ModTime, st.Change, st.Inode, st.Device
		r.summary(&e.Summary)
	}
	return sh, r.end()
}

func encodeTextShard(sh *textShard) []byte {
	w := &shardWriter{}
	w.header(textKind, sh.Shard, sh.Built, len(sh.Entries))
	for i := range sh.Entries {
		e := &sh.Entries[i]
		w.stamp(e.Name, e.stamp())
		w.str(e.Text)
	}
	return w.done()
}

func decodeTextShard(data []byte, k int) (textShard, error) {
	r, built, n, err := openShard(data, textKind, k)
	if err != nil {
		return textShard{}, err
	}
	sh := textShard{Shard: k, Built: built, Entries: make([]textEntry, n)}
	for i := range sh.Entries {
		e := &sh.Entries[i]
		var st stamp
		e.Name, st = r.stamp()
		e.Size, e.ModTime, e.Change, e.Inode, e.Device = st.Size, st.ModTime, st.Change, st.Inode, st.Device
		e.Text = r.str()
	}
	return sh, r.end()
}

// summary writes m's fields; shardReader.summary reads them back in the
// same order. TestShardCodecKeepsEveryField fails when Summary gains a
// field that is not here.
func (w *shardWriter) summary(m *Summary) error {
	w.str(m.ID)
	if err := errors.Join(w.time(m.CreatedAt), w.time(m.UpdatedAt)); err != nil {
		return err
	}
	for _, s := range []string{string(m.Status), m.Company, m.Role, m.Stage, m.Channel, m.RejectedOn} {
		w.str(s)
	}
	w.int(int64(m.MoodBefore))
	w.int(int64(m.MoodAfter))
	f := &m.Feedback
	for _, s := range []string{f.Draft, f.Send, f.SendOn, f.FollowUpOn, f.ClosureOn, f.NudgedOn,
		string(f.Outcome), f.OutcomeOn, f.Received, f.ReceivedOn} {
		w.str(s)
	}
	w.uint(uint64(len(m.Actions)))
	for _, a := range m.Actions {
		w.str(a.Text)
		w.str(a.Due)
		done := uint64(0)
		if a.Done {
			done = 1
		}
		w.uint(done)
		w.str(a.DoneOn)
	}
	w.strs(m.DoBetter)
	w.strs(m.Questions)
	w.str(string(m.Depth))
	w.str(m.Plan)
	return nil
}

func (r *shardReader) summary(m *Summary) {
	m.ID = r.str()
	m.CreatedAt, m.UpdatedAt = r.time(), r.time()
	m.Status = Status(r.str())
	m.Company, m.Role, m.Stage, m.Channel, m.RejectedOn = r.str(), r.str(), r.str(), r.str(), r.str()
	m.MoodBefore, m.MoodAfter = int(r.int()), int(r.int())
	f := &m.Feedback
	f.Draft, f.Send, f.SendOn, f.FollowUpOn, f.ClosureOn, f.NudgedOn = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
	f.Outcome = Outcome(r.str())
	f.OutcomeOn, f.Received, f.ReceivedOn = r.str(), r.str(), r.str()
	if n := r.count(); n > 0 {
		m.Actions = make([]Action, n)
		for i := range m.Actions {
			a := &m.Actions[i]
			a.Text, a.Due = r.str(), r.str()
			a.Done = r.uint() == 1
			a.DoneOn = r.str()
		}
	}
	m.DoBetter, m.Questions = r.strs(), r.strs()
	m.Depth = content.Depth(r.str())
	m.Plan = r.str()
}
