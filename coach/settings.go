package coach

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Settings are the few things rebound asks once and keeps for every
// session, in <data dir>/settings.json: so far the name that signs the
// letters. The file is the user's to edit; one rebound cannot read as its
// own is reported and never replaced, as a session file would be.
type Settings struct {
	// Name signs the letters under "Best regards,"; "" signs with none.
	Name string `json:"name,omitempty"`
	// NameAsked is set once the name has been asked for, so that someone
	// who chose to sign with none is not asked again.
	NameAsked bool `json:"name_asked,omitempty"`

	extra unknownFields // what a newer rebound, or a hand, added
}

func (s *Settings) unknown() *unknownFields { return &s.extra }

// errNoSettingsDir is the settings' error when there is no data dir (see
// Unavailable): never the working directory instead.
var errNoSettingsDir = errors.New("rebound has no data folder to keep settings in")

// settingsName is the settings file's name in the data dir.
const settingsName = "settings.json"

// SettingsPath is where the settings of the data dir dir are kept.
func SettingsPath(dir string) string { return filepath.Join(dir, settingsName) }

// LoadSettings reads the settings kept in dir. No file is no settings yet:
// zero Settings and no error. A file that cannot be read, or is not
// rebound's settings, is an error of one sentence naming it, and the file
// is left as it is.
func LoadSettings(dir string) (Settings, error) {
	if dir == "" {
		return Settings{}, nil // no data dir (see Unavailable): nothing kept
	}
	path := SettingsPath(dir)
	data, err := readLimited(path) // refuses links, pipes and huge files
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return Settings{}, nil // no file; or the data dir is a file, as Check reports
	}
	if err != nil {
		return Settings{}, fmt.Errorf("%s: %s, so rebound leaves it alone", path, readReason(err))
	}
	s, reason := decodeSettings(data)
	if reason != "" {
		return Settings{}, fmt.Errorf("%s is not rebound's settings (%s), so rebound leaves it alone", path, reason)
	}
	return s, nil
}

// decodeSettings reads a settings file, or says in a few words why it is
// not one.
func decodeSettings(data []byte) (Settings, string) {
	var s Settings
	trimmed, reason := textProblem(data)
	switch {
	case reason != "":
		return s, reason
	case trimmed[0] != '{':
		return s, "it holds " + jsonKindOf(trimmed[0]) + ", not an object"
	}
	if err := json.Unmarshal(data, &s); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return Settings{}, reasonLine(fmt.Sprintf("%s is a JSON %s, not %s", te.Field, te.Value, jsonTypeName(te.Type)))
		}
		return Settings{}, reasonLine("not valid JSON: " + err.Error())
	}
	keepUnknown(data, &s)
	return s, ""
}

// SaveSettings writes s to dir's settings file, atomically and readable by
// the user alone, making dir if need be. It refuses to replace a file that
// LoadSettings cannot read, so that a file edited by hand into something
// rebound does not understand is never lost; what a file held that this
// build does not know is written back, when s came from LoadSettings.
func SaveSettings(dir string, s Settings) error {
	if dir == "" {
		return errNoSettingsDir
	}
	if _, err := LoadSettings(dir); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	data, err := encodeIndented(&s)
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := writeAtomic(dir, settingsName, data); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}
