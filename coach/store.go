package coach

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	// staleTempAge is how old a temp file left by a crashed save must be
	// before List removes it. A save in progress takes milliseconds.
	staleTempAge = 10 * time.Minute
	// maxSessionFile guards against reading a huge stray file into memory.
	// A real session is a few kilobytes.
	maxSessionFile = 64 << 20
	tempMarker     = ".json.tmp-"
)

// Store keeps sessions as JSON files under <dir>/sessions/<id>.json.
//
// A Store is safe for concurrent use: Bubble Tea runs commands concurrently,
// so two saves of the same session can be in flight at once. Saves are
// serialised, and each session's rev (bumped on every change in memory)
// decides which snapshot wins.
type Store struct {
	dir string

	mu sync.Mutex
	// written holds, per session ID, the highest rev this store has written
	// or handed out by Load and List.
	written map[string]uint64
}

// Problem is a session file that List could not use. The file is left as it
// is, so that nothing the user wrote is lost; the UI can show the reason.
type Problem struct {
	Path string
	// Reason is one short lower-case line, such as "empty file" or
	// "written by a newer rebound (schema 3; this one reads up to 1)".
	Reason string
}

// Error makes a Problem usable as an error: Load returns it wrapped, so a
// caller can tell an unusable file (errors.As) from a missing one
// (errors.Is(err, fs.ErrNotExist)).
func (p Problem) Error() string { return p.Path + ": " + p.Reason }

// NewStore returns a store rooted at dir. It never fails and touches nothing
// on disk: the directories are made by Check or by the first save.
func NewStore(dir string) *Store {
	return &Store{dir: dir, written: map[string]uint64{}}
}

// Dir is the data directory the store was made with.
func (s *Store) Dir() string { return s.dir }

// Path is the file a session with this ID is kept in. It does not check the
// ID; Save and Load do.
func (s *Store) Path(id string) string {
	return filepath.Join(s.sessionsDir(), id+".json")
}

func (s *Store) sessionsDir() string { return filepath.Join(s.dir, "sessions") }

// Save writes a snapshot of sess atomically: a reader, or a crash at any
// moment, sees either the previous file or the new one, never a mix.
//
// It is safe to call from several goroutines. Saves are serialised per store,
// and a snapshot whose rev is lower than the last one written for its ID is
// dropped (Save returns nil), so an older save finishing late can never
// overwrite a newer one. Pass a Clone if the session keeps changing while the
// save runs. Save does not change sess.
func (s *Store) Save(sess *Session) error {
	if sess == nil {
		return errors.New("save session: no session")
	}
	id := sess.ID
	if !validID(id) {
		return fmt.Errorf("save session %q: the id is not a valid session id", id)
	}
	data, err := encodeSession(sess)
	if err != nil {
		return fmt.Errorf("save session %s: %w", id, err)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if last, ok := s.written[id]; ok && sess.rev < last {
		return nil // a newer snapshot is already on disk
	}
	dir := s.sessionsDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save session %s: %w", id, err)
	}
	if err := writeAtomic(dir, id+".json", data); err != nil {
		return fmt.Errorf("save session %s: %w", id, err)
	}
	s.written[id] = sess.rev
	return nil
}

// Check reports whether sessions can be saved here, by making the
// directories and writing and removing a probe file, so that a data dir that
// cannot be written is reported when the app starts, not after the first
// answer.
func (s *Store) Check() error {
	dir := s.sessionsDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	if err := writeAtomic(dir, ".probe", nil); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	if err := os.Remove(filepath.Join(dir, ".probe")); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	return nil
}

// encodeSession is the file format: the JSON tags of Session, indented with
// two spaces, with a trailing newline. Answers is written as {} and Actions
// as [] when empty, and the schema version is always this build's.
func encodeSession(sess *Session) ([]byte, error) { return encodeIndented(asStored(sess)) }

// asStored is a shallow copy of s with the top-level fields the file format
// normalises set as it writes them, so that an export reads exactly as the
// session's file does.
func asStored(s *Session) *Session {
	c := *s
	c.SchemaVersion = SchemaVersion
	if c.Answers == nil {
		c.Answers = map[string]Answer{}
	}
	if c.Actions == nil {
		c.Actions = []Action{}
	}
	return &c
}

// encodeIndented is JSON indented with two spaces, with a trailing newline,
// and "<", ">" and "&" kept readable.
func encodeIndented(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(4096)
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeAtomic replaces dir/name with data: it writes a temp file in dir
// (named so that it never ends in .json), syncs it, renames it over the
// target and syncs the directory so the rename itself survives a crash. On
// failure the temp file is removed and the target is left as it was.
func writeAtomic(dir, name string, data []byte) error { return replaceFile(dir, name, data, true) }

// replaceFile is writeAtomic with the syncs optional: a cache that is
// rebuilt when it is unreadable needs the atomic rename, not the durability.
func replaceFile(dir, name string, data []byte, durable bool) error {
	return replaceWith(dir, name, durable, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// replaceWith is replaceFile with the content written by write, so a large
// file can be streamed rather than held in memory first.
func replaceWith(dir, name string, durable bool, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				_ = f.Close()
			}
			_ = os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	// CreateTemp already makes the file 0600 less the umask; this only
	// matters under an unusual umask, and costs one system call.
	if err = f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if durable {
		if err = f.Sync(); err != nil {
			return err
		}
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return err
	}
	if !durable {
		return nil
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable. Windows cannot sync a directory,
// and a few file systems refuse to; there is nothing better to do there.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}

// Load reads one session. A missing file gives an error that matches
// fs.ErrNotExist; a file that cannot be used gives a wrapped Problem. The
// file is only read, never changed.
func (s *Store) Load(id string) (*Session, error) {
	if !validID(id) {
		return nil, fmt.Errorf("load session %q: the id is not a valid session id", id)
	}
	path := s.Path(id)
	data, rev, err := s.read(path, id)
	if err != nil {
		return nil, fmt.Errorf("load session %s: %w", id, err)
	}
	sess, reason := decodeSession(data, id)
	if reason != "" {
		return nil, fmt.Errorf("load session %s: %w", id, Problem{Path: path, Reason: reason})
	}
	sess.rev = rev
	return sess, nil
}

// List reads every session file, newest UpdatedAt first. A file that cannot
// be used is not an error of List: it is reported as a Problem and left
// untouched. A missing sessions directory is an empty list; the error is
// only for a directory that exists but cannot be read.
//
// List also removes temp files older than ten minutes that a crashed save
// left behind; it touches nothing else.
func (s *Store) List() ([]*Session, []Problem, error) {
	files, problems, err := s.scan()
	if err != nil {
		return nil, nil, fmt.Errorf("list sessions: %w", err)
	}
	var sessions []*Session
	for _, f := range files {
		sess, p := s.readSession(f.path, f.id)
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		sessions = append(sessions, sess)
	}
	slices.SortStableFunc(sessions, func(a, b *Session) int {
		return newestFirst(a.UpdatedAt, b.UpdatedAt, a.ID, b.ID)
	})
	return sessions, problems, nil
}

func newestFirst(ta, tb time.Time, ida, idb string) int {
	if c := tb.Compare(ta); c != 0 {
		return c
	}
	return cmp.Compare(ida, idb)
}

// dataFile is a file in a data directory that should hold a session or a
// practice entry.
type dataFile struct {
	entry fs.DirEntry
	path  string
	id    string
}

// scan lists the session files: every *.json file that is not hidden. A
// directory named like one is a Problem. Temp files older than ten minutes,
// left by a crashed save, are removed; nothing else is touched. A missing
// directory is no sessions.
func (s *Store) scan() ([]dataFile, []Problem, error) { return scanDir(s.sessionsDir()) }

// scanDir is scan for any directory of <id>.json files.
func scanDir(dir string) ([]dataFile, []Problem, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var (
		files    []dataFile
		problems []Problem
	)
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if isTempName(name) {
			removeIfStale(path, e)
			continue
		}
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue // not ours: .DS_Store, notes, editor backups
		}
		if e.IsDir() {
			problems = append(problems, Problem{Path: path, Reason: "a directory, not a file"})
			continue
		}
		files = append(files, dataFile{entry: e, path: path, id: strings.TrimSuffix(name, ".json")})
	}
	return files, problems, nil
}

// readSession reads and decodes one session file, or says why it can't.
func (s *Store) readSession(path, id string) (*Session, *Problem) {
	data, rev, err := s.read(path, id)
	if err != nil {
		return nil, &Problem{Path: path, Reason: readReason(err)}
	}
	sess, reason := decodeSession(data, id)
	if reason != "" {
		return nil, &Problem{Path: path, Reason: reason}
	}
	sess.rev = rev
	return sess, nil
}

// read reads a session file, or a practice entry's (whose key in written is
// practiceRev(id)), together with the rev a session made from it gets. The rev lets a later change (rev++) be saved: it is 1 for a session
// this store has not written, and the last rev written otherwise (a plain 1
// would make the store drop every save of a session that was saved at rev 20,
// listed again and resumed in the same run). Reading under the lock ties that
// rev to the bytes read: a save cannot land between the two.
func (s *Store) read(path, key string) ([]byte, uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := readLimited(path)
	return data, max(1, s.written[key]), err
}

func isTempName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempMarker)
}

func removeIfStale(path string, e fs.DirEntry) {
	if !e.Type().IsRegular() {
		return
	}
	info, err := e.Info()
	if err != nil || time.Since(info.ModTime()) < staleTempAge {
		return
	}
	_ = os.Remove(path) // best effort: the next List tries again
}

// readLimited reads a file, refusing one too large to be a session.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Size() <= maxSessionFile {
		buf.Grow(int(info.Size()) + bytes.MinRead) // one allocation, as os.ReadFile does
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, maxSessionFile+1)); err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if buf.Len() > maxSessionFile {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("file too large to be a session")}
	}
	return buf.Bytes(), nil
}

func readReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return reasonLine("cannot read: " + err.Error())
}

// decodeSession parses a session file named <id>.json. It returns a session,
// or a one-line reason why the file cannot be used.
func decodeSession(data []byte, id string) (*Session, string) {
	sess, reason := decodeFile[Session](data, id, "session", SchemaVersion,
		func(s *Session) (int, string) { return s.SchemaVersion, s.ID })
	if reason != "" {
		return nil, reason
	}
	// Code that records an answer writes to this map: never hand out nil.
	if sess.Answers == nil {
		sess.Answers = map[string]Answer{}
	}
	return sess, ""
}

// decodeFile parses a file named <id>.json that should hold a T of schema
// version up to version, as head reads them from a decoded T. It returns the
// T, or a one-line reason why the file cannot be used; kind names what the
// file should hold ("session").
func decodeFile[T any](data []byte, id, kind string, version int, head func(*T) (int, string)) (*T, string) {
	// The usual case, a good file of this schema, in one pass. Anything
	// else takes the slower path below, which says what is wrong.
	var v T
	if json.Unmarshal(data, &v) == nil && validID(id) {
		if ver, fid := head(&v); ver == version && fid == id {
			return &v, ""
		}
	}
	notOurs := "not a rebound " + kind

	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, "empty file"
	}
	// A first, shallow pass: the checks below must not depend on the rest
	// of the file matching this build's T, which a newer schema may not.
	var top struct {
		SchemaVersion json.RawMessage `json:"schema_version"`
		ID            json.RawMessage `json:"id"`
	}
	err := json.Unmarshal(data, &top) // data, not trimmed: offsets are the file's
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		msg := syn.Error()
		if strings.Contains(msg, "unexpected end") || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of data"
		}
		return nil, reasonLine(fmt.Sprintf("not valid JSON: %s at byte %d", msg, syn.Offset))
	}
	if trimmed[0] != '{' {
		return nil, notOurs + " (the file holds " + jsonKindOf(trimmed[0]) + ", not an object)"
	}
	if err != nil {
		return nil, reasonLine(notOurs + " (" + err.Error() + ")")
	}

	var fileID string
	if len(top.ID) == 0 || string(top.ID) == "null" {
		return nil, notOurs + " (no id)"
	}
	if json.Unmarshal(top.ID, &fileID) != nil {
		return nil, notOurs + " (the id is not a string)"
	}
	if fileID == "" {
		return nil, notOurs + " (no id)"
	}

	var schema int
	if len(top.SchemaVersion) == 0 || string(top.SchemaVersion) == "null" {
		return nil, notOurs + " (no schema_version)"
	}
	if json.Unmarshal(top.SchemaVersion, &schema) != nil {
		return nil, reasonLine(notOurs + " (schema_version " + string(top.SchemaVersion) + " is not a whole number)")
	}
	if schema > version {
		return nil, fmt.Sprintf("written by a newer rebound (schema %d; this one reads up to %d)", schema, version)
	}
	if schema < 1 {
		return nil, fmt.Sprintf("unknown schema version %d", schema)
	}

	if !validID(fileID) {
		return nil, reasonLine(fmt.Sprintf("%s (bad id %q)", notOurs, fileID))
	}
	if fileID != id {
		return nil, reasonLine(fmt.Sprintf("id %q does not match the file name %q", fileID, id+".json"))
	}

	v = *new(T)
	if err := json.Unmarshal(data, &v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, reasonLine(fmt.Sprintf("%s (%s is a JSON %s, not %s)", notOurs, te.Field, te.Value, te.Type))
		}
		return nil, reasonLine(notOurs + " (" + err.Error() + ")")
	}
	return &v, ""
}

func jsonKindOf(first byte) string {
	switch first {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// validID accepts what newID makes (for sessions and practice rounds) and
// anything else that is safe as a file name on every platform: 1 to 64 ASCII letters, digits, '-' and '_'.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_':
		default:
			return false
		}
	}
	return true
}

// reasonLine keeps a reason to one short line.
func reasonLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const maxLen = 160
	if len(s) > maxLen {
		cut := maxLen
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
