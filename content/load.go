// Loading the embedded content: reading and decoding the files, and
// validating them.

package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
)

// Load reads the embedded flow, tips and advice map. It does not validate
// them again: they are compiled into the binary, so the tests
// (TestEmbeddedContentIsValid) validate the very files every build carries,
// the letters for every channel and stage included, and a build whose tests
// pass cannot start with broken content. Doing it at every start cost about
// 6 ms before the first frame, most of it rendering 144 letters.
func Load() (*Flow, []AdvicePoint, error) {
	return read(files)
}

// load reads fsys and validates it, reporting every problem found: the
// notes are there, and the flow and the advice map hold together.
func load(fsys fs.FS) (*Flow, []AdvicePoint, error) {
	flow, advice, err := read(fsys)
	if err != nil {
		return nil, nil, err
	}
	for _, note := range [][2]string{{"support.md", "support note"}, {"lowmood.md", "low-mood note"}} {
		name, what := note[0], note[1]
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("content: %s: %w", what, err)
		}
		if strings.TrimSpace(string(b)) == "" {
			return nil, nil, fmt.Errorf("content: %s is empty: the app must always say where to find help", name)
		}
	}
	if err := validate(flow, advice); err != nil {
		return nil, nil, err
	}
	return flow, advice, nil
}

// read decodes the flow, its tips, the evidence sentences and the advice
// map from fsys, without validating them.
func read(fsys fs.FS) (*Flow, []AdvicePoint, error) {
	var flow Flow
	if err := decode(fsys, "flow.json", &flow); err != nil {
		return nil, nil, err
	}
	for i := range flow.Sections {
		s := &flow.Sections[i]
		if s.Step == 0 {
			continue
		}
		b, err := fs.ReadFile(fsys, "tips/"+s.ID+".md")
		if err != nil {
			return nil, nil, fmt.Errorf("content: tip for step %q: %w", s.ID, err)
		}
		s.Tip = string(b)
	}
	var advice []AdvicePoint
	if err := decode(fsys, "advice.json", &advice); err != nil {
		return nil, nil, err
	}
	if err := decode(fsys, "evidence.json", &flow.evidence); err != nil {
		return nil, nil, err
	}
	return &flow, advice, nil
}

func decode(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("content: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("content: %s: %w", name, err)
	}
	return nil
}
