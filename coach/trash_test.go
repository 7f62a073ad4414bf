package coach

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// listed returns the IDs List and Summaries give, failing the test if the
// two differ or report a problem.
func listed(t *testing.T, st *Store) []string {
	t.Helper()
	list, problems, err := st.List()
	if err != nil || problems != nil {
		t.Fatalf("List: %v, %v", problems, err)
	}
	sums, problems, err := st.Summaries()
	if err != nil || problems != nil {
		t.Fatalf("Summaries: %v, %v", problems, err)
	}
	var fromList, fromSums []string
	for _, s := range list {
		fromList = append(fromList, s.ID)
	}
	for _, m := range sums {
		fromSums = append(fromSums, m.ID)
	}
	if !slices.Equal(fromList, fromSums) {
		t.Fatalf("List gives %q, Summaries %q", fromList, fromSums)
	}
	return fromList
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func checkGone(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is there (%v), want it gone", path, err)
	}
}

func TestDeleteRestore(t *testing.T) {
	dir := t.TempDir()
	st := NewStore(dir)
	now := time.Date(2025, 11, 4, 9, 30, 0, 0, time.UTC)
	keep := realisticSession("0123456789abcdef", now, 3)
	sess := realisticSession("5e55a0a1b2c3d4e5", now.Add(time.Hour), 10)
	mustSave(t, st, keep)
	mustSave(t, st, sess)
	if got, want := listed(t, st), []string{sess.ID, keep.ID}; !slices.Equal(got, want) {
		t.Fatalf("before Delete: %q, want %q", got, want)
	}
	saved := mustRead(t, st.Path(sess.ID))
	pending := sess.Clone() // a save still on its way when the user deletes

	if err := st.Delete(sess.ID); err != nil {
		t.Fatal(err)
	}
	checkGone(t, st.Path(sess.ID))
	if got := mustRead(t, st.TrashPath(sess.ID)); !bytes.Equal(got, saved) {
		t.Errorf("the file in the trash differs from the one deleted:\n%s", got)
	}
	if got, want := st.TrashPath(sess.ID), filepath.Join(dir, "trash", sess.ID+".json"); got != want {
		t.Errorf("TrashPath = %s, want %s", got, want)
	}
	if info, err := os.Stat(filepath.Join(dir, "trash")); err != nil {
		t.Fatal(err)
	} else if perm := info.Mode().Perm(); perm != 0o700 && runtime.GOOS != "windows" {
		t.Errorf("trash dir mode %v, want 0700", perm)
	}
	if got, want := listed(t, st), []string{keep.ID}; !slices.Equal(got, want) {
		t.Errorf("after Delete: %q, want %q", got, want)
	}
	if ids, err := st.TrashIDs(); err != nil || !slices.Equal(ids, []string{sess.ID}) {
		t.Errorf("TrashIDs = %q, %v; want [%s]", ids, err, sess.ID)
	}
	if _, err := st.Load(sess.ID); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a deleted session = %v, want fs.ErrNotExist", err)
	}

	// Saves of the deleted session, older or newer, do not bring it back.
	sess.SetOutcome(Sent, now.Add(2*time.Hour))
	for _, s := range []*Session{pending, sess, sess.Clone()} {
		if err := st.Overwrite(s); err != nil {
			t.Errorf("Save after Delete: %v", err)
		}
	}
	checkGone(t, st.Path(sess.ID))
	if got := mustRead(t, st.TrashPath(sess.ID)); !bytes.Equal(got, saved) {
		t.Error("a save after Delete changed the file in the trash")
	}

	if err := st.Restore(sess.ID); err != nil {
		t.Fatal(err)
	}
	checkGone(t, st.TrashPath(sess.ID))
	if got := mustRead(t, st.Path(sess.ID)); !bytes.Equal(got, saved) {
		t.Errorf("the restored file differs from the one deleted:\n%s", got)
	}
	if got, want := listed(t, st), []string{sess.ID, keep.ID}; !slices.Equal(got, want) {
		t.Errorf("after Restore: %q, want %q", got, want)
	}
	if ids, err := st.TrashIDs(); err != nil || len(ids) != 0 {
		t.Errorf("TrashIDs after Restore = %q, %v; want none", ids, err)
	}

	// Once loaded again, the session saves as any other.
	back, err := st.Load(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !back.SetOutcome(NoReply, now.Add(3*time.Hour)) {
		t.Fatal("SetOutcome changed nothing")
	}
	mustSave(t, st, back)
	again, err := st.Load(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Feedback.Outcome != NoReply {
		t.Errorf("the save after Restore was dropped: outcome %q", again.Feedback.Outcome)
	}
}

func TestRestoreNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	st := NewStore(dir)
	now := time.Date(2025, 11, 4, 9, 30, 0, 0, time.UTC)
	sess := realisticSession("5e55a0a1b2c3d4e5", now, 3)
	mustSave(t, st, sess)
	if err := st.Delete(sess.ID); err != nil {
		t.Fatal(err)
	}
	// Another rebound, with a store of its own, writes a session of that ID.
	other := realisticSession(sess.ID, now.Add(time.Hour), 1)
	other.Intake.Company = "Someone else's"
	mustSave(t, NewStore(dir), other)
	live, trashed := mustRead(t, st.Path(sess.ID)), mustRead(t, st.TrashPath(sess.ID))

	err := st.Restore(sess.ID)
	if !errors.Is(err, errExists) {
		t.Errorf("Restore over a session = %v, want errExists", err)
	}
	if got := mustRead(t, st.Path(sess.ID)); !bytes.Equal(got, live) {
		t.Error("Restore overwrote the session that was there")
	}
	if got := mustRead(t, st.TrashPath(sess.ID)); !bytes.Equal(got, trashed) {
		t.Error("Restore changed the file in the trash")
	}

	// And Delete does not overwrite what the trash holds.
	err = st.Delete(sess.ID)
	if !errors.Is(err, errExists) {
		t.Errorf("Delete onto a trashed session = %v, want errExists", err)
	}
	if got := mustRead(t, st.Path(sess.ID)); !bytes.Equal(got, live) {
		t.Error("a failed Delete moved the session")
	}
	if got := mustRead(t, st.TrashPath(sess.ID)); !bytes.Equal(got, trashed) {
		t.Error("Delete overwrote the file in the trash")
	}
}

func TestDeleteRestoreErrors(t *testing.T) {
	st := NewStore(t.TempDir())
	mustSave(t, st, realisticSession("5e55a0a1b2c3d4e5", time.Now(), 1))
	tests := []struct {
		name     string
		call     func(string) error
		id       string
		notExist bool
	}{
		{"delete a missing session", st.Delete, "0123456789abcdef", true},
		{"restore a session not in the trash", st.Restore, "5e55a0a1b2c3d4e5", true},
		{"delete an empty id", st.Delete, "", false},
		{"delete a path", st.Delete, "../sessions/5e55a0a1b2c3d4e5", false},
		{"restore a path", st.Restore, "../../etc/passwd", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(tt.id)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, fs.ErrNotExist) != tt.notExist {
				t.Errorf("error %v: matches fs.ErrNotExist %v, want %v", err, !tt.notExist, tt.notExist)
			}
		})
	}
	if _, err := os.Stat(st.Path("5e55a0a1b2c3d4e5")); err != nil {
		t.Errorf("a failed call moved a session: %v", err)
	}
}
