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
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

const (
	// maxFileSize guards against reading a huge stray file into memory,
	// and the store never writes a file it would refuse to read. A real
	// session is a few kilobytes; a long pasted answer, a few hundred.
	maxFileSize = 16 << 20
)

// A format is one kind of file the store keeps: what it holds, the schema
// version this build writes, and the steps that bring an older file up to
// it. Schema 1 is the first version of both formats, so neither has an
// upgrade yet; the tests prove the path with a stand-in version 2.
type format struct {
	kind    string // "session"
	version int
	// upgrades[v] turns the top-level fields of a version v file into
	// version v+1's.
	upgrades map[int]func(fields map[string]json.RawMessage) error
}

var (
	sessionFormat  = format{kind: "session", version: SchemaVersion}
	practiceFormat = format{kind: "practice entry", version: PracticeSchemaVersion}
)

// Store keeps sessions as JSON files under <dir>/sessions/<id>.json.
//
// A Store is safe for concurrent use: Bubble Tea runs commands concurrently,
// so two saves of the same session can be in flight at once. Saves are
// serialised, and each session's rev (bumped on every change in memory)
// decides which snapshot wins.
type Store struct {
	dir string
	// The formats read and written: sessionFormat and practiceFormat, but
	// for tests of the upgrade path.
	sessions, practice format

	mu sync.Mutex
	// written holds, per session ID, the highest rev this store has written
	// or handed out by Load and List.
	written map[string]uint64
	// upgraded holds, by the same keys, the schema version of files read
	// from an older schema and not yet saved in this one: their first save
	// keeps a copy of the old file first.
	upgraded map[string]int

	// faults, when set, is asked before the store touches the disk; see
	// InjectFaults.
	faults func(op, path string) error

	locks lockSet // see lock.go

	// clock, when set, is the time: tests move it to see how the index
	// treats files changed long before it was built.
	clock func() time.Time
}

// now is the time, as the store's clock says.
func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock()
	}
	return time.Now()
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
	return &Store{dir: dir, sessions: sessionFormat, practice: practiceFormat,
		written: map[string]uint64{}, upgraded: map[string]int{}}
}

// Unavailable is a store for when there is no data directory at all (no
// home directory to put it in): it keeps nothing, and every read and save
// fails with why. The app runs on it in memory.
func Unavailable(why error) *Store {
	s := NewStore("")
	s.faults = func(string, string) error { return why }
	return s
}

// InjectFaults makes the store ask f before it touches the disk: op is
// "list" (a directory), "read" (a file), "mkdir", or "write" (a file's
// data, once its temp file exists), and an error from f is returned as the
// system's would be. Tests use it for faults that cannot be made for real
// on every machine: a full disk, or a permission that root ignores. Call it
// before the store is used.
func (s *Store) InjectFaults(f func(op, path string) error) { s.faults = f }

// fault is the error InjectFaults arranged for op on path, if any.
// Faults is the hook InjectFaults put in place, or nil: a test wraps it.
func (s *Store) Faults() func(op, path string) error { return s.faults }

func (s *Store) fault(op, path string) error {
	if s.faults == nil {
		return nil
	}
	if err := s.faults(op, path); err != nil {
		return &fs.PathError{Op: op, Path: path, Err: err}
	}
	return nil
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
	return s.save(sess, sess.lease)
}

// save is Save with the lease to check (anyLease: the caller holds the lock).
func (s *Store) save(sess *Session, lease uint64) error {
	if sess == nil {
		return errors.New("save session: no session")
	}
	id := sess.ID
	if !validID(id) {
		return fmt.Errorf("save session %q: the id is not a valid session id", id)
	}
	stored := asStored(sess)
	stored.SchemaVersion = s.sessions.version
	data, err := encodeIndented(stored)
	if err != nil {
		return fmt.Errorf("save session %s: %w", id, err)
	}
	if err := s.write(s.sessionsDir(), id, id, sess.rev, lease, data); err != nil {
		return fmt.Errorf("save session %s: %w", id, err)
	}
	return nil
}

// write replaces dir/<id>.json with data, unless a snapshot newer than rev
// was already written under key (then it does nothing). It writes only
// while lease is the one the store holds for key (see lease.go). A file
// read from an older schema is first copied to <id>.json.v<N>.bak, once, so
// that the upgrade can always be undone by hand.
func (s *Store) write(dir, id, key string, rev, lease uint64, data []byte) error {
	if len(data) > maxFileSize {
		return fmt.Errorf("too large to save (%s; the limit is %s)", sizeText(int64(len(data))), sizeText(maxFileSize))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	path := filepath.Join(dir, id+".json")
	switch err := s.mayWrite(key, lease, path); {
	case errors.Is(err, errDropped):
		return nil // deleted here: a late save must not bring it back
	case err != nil:
		return err
	}
	if last, ok := s.written[key]; ok && rev < last {
		return nil // a newer snapshot is already on disk
	}
	if err := s.mkdir(dir); err != nil {
		return err
	}
	if from, ok := s.upgraded[key]; ok {
		if err := backUp(dir, id, from); err != nil {
			return fmt.Errorf("keep a copy of the schema %d file: %w", from, err)
		}
		delete(s.upgraded, key)
	}
	err := replaceWith(dir, id+".json", true, func(w io.Writer) error {
		if err := s.fault("write", path); err != nil {
			return err
		}
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	s.written[key] = rev
	s.wrote(key)
	return nil
}

// mkdir makes dir, a folder of the store inside the data dir, and its
// parents, 0700. A folder it makes is an entry in its parent, which is
// synced as a renamed file's folder is, so that the first save survives a
// power cut along with its folders (best effort: a folder that cannot be
// synced is still there). A symbolic link in dir's place is refused, not
// followed: nothing is made or replaced outside the data dir.
func (s *Store) mkdir(dir string) error {
	if err := s.fault("mkdir", dir); err != nil {
		return err
	}
	if info, err := os.Lstat(dir); err == nil {
		if info.IsDir() {
			return nil
		}
		return &NotRegular{Path: dir, Reason: dirReason(info.Mode())}
	}
	var made []string // the folders that do not exist yet, deepest first
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for _, d := range made {
		_ = syncDir(filepath.Dir(d))
	}
	return nil
}

// backUp copies dir/<id>.json to <id>.json.v<from>.bak, unless that copy
// exists already: the first copy is the one written by the older rebound.
func backUp(dir, id string, from int) error {
	name := fmt.Sprintf("%s.json.v%d.bak", id, from)
	if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
		return nil
	}
	data, err := readLimited(filepath.Join(dir, id+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // nothing left to keep
	}
	if err != nil {
		return err
	}
	return writeAtomic(dir, name, data)
}

// sizeText is a file size for a message: "50 MB", "312 KB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", (n+1<<19)>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Check reports whether sessions can be saved here, by making the
// directories and writing and removing a probe file, so that a data dir that
// cannot be written is reported when the app starts, not after the first
// answer.
func (s *Store) Check() error {
	dir := s.sessionsDir()
	if err := s.mkdir(dir); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	if err := s.fault("write", filepath.Join(dir, probeName)); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	if err := writeAtomic(dir, probeName, nil); err != nil {
		return fmt.Errorf("check data dir: %w", err)
	}
	// Gone already is fine: another copy's Check or Tidy removed it.
	if err := os.Remove(filepath.Join(dir, probeName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
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
	c.Drafts, c.DraftEdits = splitDrafts(s)
	if c.Answers == nil {
		c.Answers = map[string]Answer{}
	}
	if c.Actions == nil {
		c.Actions = []Action{}
	}
	return &c
}

// encodeIndented is JSON indented with two spaces, with a trailing newline,
// "<", ">" and "&" kept readable, and no character raw that acts on a
// terminal (InertJSON). The members a file held that this build does not
// know are written back (see unknown.go).
func encodeIndented(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(4096)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	unknown := hasUnknown(addressable(reflect.ValueOf(v)))
	if !unknown {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if !unknown {
		return InertJSON(buf.Bytes()), nil
	}
	var out bytes.Buffer
	if err := json.Indent(&out, withUnknown(buf.Bytes(), v), "", "  "); err != nil {
		return nil, err
	}
	return InertJSON(out.Bytes()), nil
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
	holdTemp(f) // until it is closed: see tidy.go
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
	sess, rev, err := readFile(s, s.Path(id), id, id, s.sessions, decodeSessionAs)
	if err != nil {
		return nil, fmt.Errorf("load session %s: %w", id, err)
	}
	sess.rev, sess.read = rev, true
	return sess, nil
}

// List reads every session file, newest UpdatedAt first. A file that cannot
// be used is not an error of List: it is reported as a Problem and left
// untouched. A missing sessions directory is an empty list; the error is
// only for a directory that exists but cannot be read.
//
// List also removes the temp files crashed saves left behind (as Tidy does:
// see tidy.go); it touches nothing else.
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

// scan lists the session files: every *.json file that is not hidden.
// Anything named like one that is not a regular file (a folder, a FIFO, a
// socket, a device, a symbolic link) is a Problem, and is never opened.
// Temp files left by a crashed save are removed (see tidy.go); nothing else
// is touched. A missing directory is no sessions.
func (s *Store) scan() ([]dataFile, []Problem, error) { return s.scanDir(s.sessionsDir()) }

// scanDir is the package's scanDir, with the faults InjectFaults arranged.
func (s *Store) scanDir(dir string) ([]dataFile, []Problem, error) {
	if err := s.fault("list", dir); err != nil {
		return nil, nil, err
	}
	return scanDir(dir, s.now())
}

// scanDir is scan for any directory of <id>.json files.
func scanDir(dir string, now time.Time) ([]dataFile, []Problem, error) {
	entries, err := readDir(dir)
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
			removeStaleTemp(path, e, now) // see tidy.go
			continue
		}
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue // not ours: .DS_Store, notes, editor backups
		}
		if why := kindReason(e.Type()); why != "" {
			// Never opened: a FIFO would hang the read, a device could do
			// anything, and a symbolic link can point anywhere.
			problems = append(problems, Problem{Path: path, Reason: why})
			continue
		}
		files = append(files, dataFile{entry: e, path: path, id: strings.TrimSuffix(name, ".json")})
	}
	return files, problems, nil
}

// readSession reads and decodes one session file, or says why it can't.
func (s *Store) readSession(path, id string) (*Session, *Problem) {
	sess, rev, err := readFile(s, path, id, id, s.sessions, decodeSessionAs)
	if err != nil {
		p := asProblem(path, err)
		return nil, &p
	}
	sess.rev, sess.read = rev, true
	return sess, nil
}

// readFile reads and decodes one file of format f, with the rev it gets
// (see read). The error matches fs.ErrNotExist for a missing file and is a
// Problem otherwise. A file upgraded from an older schema is remembered
// under key, so that write keeps a copy of it.
func readFile[T any](s *Store, path, id, key string, f format,
	decode func([]byte, string, format) (*T, int, string)) (*T, uint64, error) {
	data, rev, err := s.read(path, key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, err
	}
	if err != nil {
		return nil, 0, Problem{Path: path, Reason: readReason(err)}
	}
	v, from, reason := decode(data, id, f)
	if reason != "" {
		return nil, 0, Problem{Path: path, Reason: reason}
	}
	if from < f.version {
		s.mu.Lock()
		if _, ok := s.upgraded[key]; !ok {
			s.upgraded[key] = from
		}
		s.mu.Unlock()
	}
	return v, rev, nil
}

// asProblem is how List reports a file readFile failed on: a file removed
// since the directory was read is a Problem too.
func asProblem(path string, err error) Problem {
	if p, ok := errors.AsType[Problem](err); ok {
		return p
	}
	return Problem{Path: path, Reason: readReason(err)}
}

// read reads a session file, or a practice entry's (whose key in written is
// PracticeKey(id)), together with the rev a session made from it gets. The rev lets a later change (rev++) be saved: it is 1 for a session
// this store has not written, and the last rev written otherwise (a plain 1
// would make the store drop every save of a session that was saved at rev 20,
// listed again and resumed in the same run). Reading under the lock ties that
// rev to the bytes read: a save cannot land between the two.
func (s *Store) read(path, key string) ([]byte, uint64, error) {
	if err := s.fault("read", path); err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := readLimited(path)
	return data, max(1, s.written[key]), err
}

// readLimited reads a file, refusing one too large to be ours without
// reading it, and anything but a regular file without opening it (see
// openRegular).
func readLimited(path string) ([]byte, error) {
	f, info, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > maxFileSize {
		return nil, tooLarge(path, info.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead) // one allocation, as os.ReadFile does
	// The limit holds even if the file grows while it is read.
	if _, err := buf.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if buf.Len() > maxFileSize {
		return nil, tooLarge(path, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func tooLarge(path string, size int64) error {
	return &fs.PathError{Op: "read", Path: path,
		Err: fmt.Errorf("too large to be ours (%s; the limit is %s)", sizeText(size), sizeText(maxFileSize))}
}

func readReason(err error) string {
	if nr, ok := errors.AsType[*NotRegular](err); ok {
		return nr.Reason
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return reasonLine("cannot read: " + err.Error())
}

// decodeSession parses a session file named <id>.json. It returns a session,
// or a one-line reason why the file cannot be used.
func decodeSession(data []byte, id string) (*Session, string) {
	sess, _, reason := decodeSessionAs(data, id, sessionFormat)
	return sess, reason
}

// decodeSessionAs is decodeSession for a format, also giving the schema
// version the file was written in.
func decodeSessionAs(data []byte, id string, f format) (*Session, int, string) {
	sess, from, reason := decodeFile(data, id, f,
		func(s *Session) (int, string) { return s.SchemaVersion, s.ID })
	if reason != "" {
		return nil, 0, reason
	}
	// Code that records an answer writes to this map: never hand out nil.
	if sess.Answers == nil {
		sess.Answers = map[string]Answer{}
	}
	if reason := joinDrafts(sess, sess.DraftEdits); reason != "" {
		return nil, 0, reason
	}
	sess.DraftEdits = nil
	return sess, from, ""
}

// decodeFile parses a file named <id>.json that should hold a T of format
// f, as head reads the schema version and id from a decoded T. It returns the
// T and the schema version the file was written in (a file of an older one
// is upgraded), or a one-line reason why the file cannot be used.
func decodeFile[T any](data []byte, id string, f format, head func(*T) (int, string)) (*T, int, string) {
	// The usual case, a good file of this schema, in one pass. Anything
	// else takes the slower path below, which says what is wrong. JSON
	// decoding turns invalid UTF-8 into U+FFFD, so a save would silently
	// change such a file: it is refused instead.
	var v T
	if utf8.Valid(data) && json.Unmarshal(data, &v) == nil && validID(id) {
		if ver, fid := head(&v); ver == f.version && fid == id {
			keepUnknown(data, &v)
			return &v, ver, ""
		}
	}
	notOurs := "not a rebound " + f.kind
	fail := func(reason string) (*T, int, string) { return nil, 0, reason }

	trimmed, reason := textProblem(data)
	if reason != "" {
		return fail(reason)
	}
	top, reason := decodeTop(data, trimmed, notOurs)
	if reason != "" {
		return fail(reason)
	}
	fileID, reason := topID(top, notOurs)
	if reason != "" {
		return fail(reason)
	}
	schema, reason := topSchema(top, f, notOurs)
	if reason != "" {
		return fail(reason)
	}
	if reason := checkFileID(fileID, id, notOurs); reason != "" {
		return fail(reason)
	}

	if schema < f.version {
		var err error
		if data, err = f.upgrade(data, schema); err != nil {
			return fail(reasonLine(fmt.Sprintf("cannot upgrade from schema %d: %v", schema, err)))
		}
	}
	v = *new(T)
	if err := json.Unmarshal(data, &v); err != nil {
		return fail(unmarshalReason(err, notOurs))
	}
	keepUnknown(data, &v)
	return &v, schema, ""
}

// fileTop is the part of a file that decodeFile checks before all the
// rest: it must not depend on the rest of the file matching this build's
// types, which a newer schema may not.
type fileTop struct {
	SchemaVersion json.RawMessage `json:"schema_version"`
	ID            json.RawMessage `json:"id"`
}

// decodeTop is decodeFile's first, shallow pass over a file whose text
// (trimmed of space) is fine: its top, or why it is not JSON, or not an
// object. notOurs begins the reasons that say the file is not one of ours.
func decodeTop(data, trimmed []byte, notOurs string) (fileTop, string) {
	var top fileTop
	err := json.Unmarshal(data, &top) // data, not trimmed: offsets are the file's
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		msg := syn.Error()
		if strings.Contains(msg, "unexpected end") || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of data"
		}
		return top, reasonLine(fmt.Sprintf("not valid JSON: %s at byte %d", msg, syn.Offset))
	}
	if trimmed[0] != '{' {
		return top, notOurs + " (the file holds " + jsonKindOf(trimmed[0]) + ", not an object)"
	}
	if err != nil {
		return top, reasonLine(notOurs + " (" + err.Error() + ")")
	}
	return top, ""
}

// topID is the id a file gives itself, or why it gives none, for
// decodeFile, which checks it against the file name only once the schema
// is known to be one it reads.
func topID(top fileTop, notOurs string) (string, string) {
	var fileID string
	if len(top.ID) == 0 || string(top.ID) == "null" {
		return "", notOurs + " (no id)"
	}
	if json.Unmarshal(top.ID, &fileID) != nil {
		return "", notOurs + " (the id is not a string)"
	}
	if fileID == "" {
		return "", notOurs + " (no id)"
	}
	return fileID, ""
}

// topSchema is the schema version a file was written in, or why this
// build cannot read it (newer, unknown, or with no upgrade to f's).
func topSchema(top fileTop, f format, notOurs string) (int, string) {
	version := f.version
	var schema int
	if len(top.SchemaVersion) == 0 || string(top.SchemaVersion) == "null" {
		return 0, notOurs + " (no schema_version)"
	}
	if json.Unmarshal(top.SchemaVersion, &schema) != nil {
		return 0, reasonLine(notOurs + " (schema_version " + string(top.SchemaVersion) + " is not a whole number)")
	}
	if schema > version {
		return 0, fmt.Sprintf("written by a newer rebound (schema %d; this one reads up to %d)", schema, version)
	}
	if schema < 1 || schema < version && !f.canUpgrade(schema) {
		return 0, fmt.Sprintf("unknown schema version %d", schema)
	}
	return schema, ""
}

// checkFileID says why a file's own id, fileID, will not do for the file
// named <id>.json, or "" when it will.
func checkFileID(fileID, id, notOurs string) string {
	if !validID(fileID) {
		return reasonLine(fmt.Sprintf("%s (bad id %q)", notOurs, fileID))
	}
	if fileID != id {
		return reasonLine(fmt.Sprintf("id %q does not match the file name %q", fileID, id+".json"))
	}
	return ""
}

// unmarshalReason is the one-line reason for the error of decoding a whole
// file, naming the field or the date that is wrong where it can.
func unmarshalReason(err error, notOurs string) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return reasonLine(fmt.Sprintf("%s (%s is a JSON %s, not %s)", notOurs, te.Field, te.Value, jsonTypeName(te.Type)))
	}
	var pe *time.ParseError
	if errors.As(err, &pe) {
		return reasonLine(fmt.Sprintf("%s (%q is not a date and time such as 2026-11-23T15:04:05Z)", notOurs, pe.Value))
	}
	return reasonLine(notOurs + " (" + err.Error() + ")")
}

// canUpgrade reports whether a file of schema version from has a path of
// upgrades to f.version.
func (f format) canUpgrade(from int) bool {
	for v := from; v < f.version; v++ {
		if f.upgrades[v] == nil {
			return false
		}
	}
	return true
}

// upgrade applies f's upgrades to a file of schema version from, in memory.
func (f format) upgrade(data []byte, from int) ([]byte, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, err
	}
	for v := from; v < f.version; v++ {
		if err := f.upgrades[v](fields); err != nil {
			return nil, err
		}
		fields["schema_version"] = json.RawMessage(strconv.Itoa(v + 1))
	}
	// Without HTML escapes, so that what the upgrade does not touch is
	// written back as the file spelled it.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(fields)
	return buf.Bytes(), err
}

// invalidUTF8At is the offset of the first byte of data that is not valid
// UTF-8, or -1.
// textProblem says in a few words why data cannot be one of rebound's JSON
// files before its JSON is read: empty, not UTF-8, or begun with a byte
// order mark. It returns data trimmed of space otherwise.
func textProblem(data []byte) (trimmed []byte, reason string) {
	trimmed = bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, "empty file"
	}
	if n := invalidUTF8At(data); n >= 0 {
		return nil, fmt.Sprintf("not valid UTF-8 text (byte %d)", n)
	}
	if bytes.HasPrefix(trimmed, []byte("\uFEFF")) {
		return nil, "starts with a byte order mark, which rebound never writes: an editor added it"
	}
	return trimmed, ""
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// jsonTypeName says in JSON's words what a Go type is read from.
func jsonTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Pointer:
		return jsonTypeName(t.Elem())
	}
	return t.String()
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
