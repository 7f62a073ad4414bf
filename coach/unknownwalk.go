// The walker that finds and places unknown members, and how encoding/json sees a struct.

package coach

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// A walker reads JSON along with the Go type it was decoded into or
// encoded from. Reading, it notes each member of a keeper's object that
// the type has no field for; writing, where each keeper's object ends. It
// trusts data to be valid JSON of that shape, but never reads past its end.
type walker struct {
	data    []byte
	reading bool
	path    []step
	found   []foundMembers
	ends    []objectEnd
}

// foundMembers are the unknown members of one object.
type foundMembers struct {
	path    []step
	members string
}

type objectEnd struct {
	path []step
	at   int // the offset of its closing brace
}

// value walks the value at data[i:], of type t, and returns the offset just
// after it.
func (w *walker) value(i int, t reflect.Type) int {
	i = w.space(i)
	if i >= len(w.data) {
		return i
	}
	c := w.data[i]
	switch {
	case t.Kind() == reflect.Pointer && c != 'n':
		return w.inside(step{kind: stepElem}, i, t.Elem())
	case t.Kind() == reflect.Struct && c == '{' && !fieldsOf(t).leaf:
		return w.object(i, t)
	case t.Kind() == reflect.Map && c == '{':
		return w.members(i, func(key []byte, at int) int {
			return w.inside(step{kind: stepKey, key: key}, at, t.Elem())
		})
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && c == '[':
		n := 0
		return w.elements(i, func(at int) int {
			n++
			return w.inside(step{kind: stepIndex, i: n - 1}, at, t.Elem())
		})
	}
	return w.skip(i)
}

// inside walks the value at data[i:] one step further down the path.
func (w *walker) inside(s step, i int, t reflect.Type) int {
	w.path = append(w.path, s)
	i = w.value(i, t)
	w.path = w.path[:len(w.path)-1]
	return i
}

// object walks a struct's object at data[i:].
func (w *walker) object(i int, t reflect.Type) int {
	info := fieldsOf(t)
	var unknown bytes.Buffer // gathered here, so that many cost no more than one
	end := w.members(i, func(key []byte, at int) int {
		if f, ok := info.field(key); ok {
			return w.inside(step{kind: stepField, i: f.index}, at, f.typ)
		}
		end := w.skip(at)
		if w.reading && info.keeps {
			if unknown.Len() > 0 {
				unknown.WriteByte(',')
			}
			unknown.Write(key)
			unknown.WriteByte(':')
			_ = json.Compact(&unknown, w.data[at:end]) // valid: json.Unmarshal read it
		}
		return end
	})
	if unknown.Len() > 0 {
		w.found = append(w.found, foundMembers{path: clonePath(w.path), members: unknown.String()})
	}
	if !w.reading && info.keeps {
		w.ends = append(w.ends, objectEnd{path: clonePath(w.path), at: end - 1})
	}
	return end
}

func clonePath(p []step) []step { return append([]step(nil), p...) }

// members calls member for each member of the object at data[i:] with its
// key (as JSON) and the offset just after the key's colon, and returns the
// offset just after the object.
func (w *walker) members(i int, member func(key []byte, at int) int) int {
	return w.elements(i, func(at int) int {
		end := w.str(at)
		return member(w.data[at:end], w.space(end)+1)
	})
}

// elements calls element with the offset of each element of the array at
// data[i:] (or each member of the object), and returns the offset just
// after it.
func (w *walker) elements(i int, element func(at int) int) int {
	closing := byte(']')
	if w.data[i] == '{' {
		closing = '}'
	}
	for i++; ; {
		i = w.space(i)
		if i >= len(w.data) || w.data[i] == closing {
			return i + 1
		}
		if w.data[i] == ',' {
			i++
			continue
		}
		i = element(i)
	}
}

// skip returns the offset just after the value at data[i:].
func (w *walker) skip(i int) int {
	i = w.space(i)
	if i >= len(w.data) {
		return i
	}
	switch w.data[i] {
	case '"':
		return w.str(i)
	case '{':
		return w.members(i, func(_ []byte, at int) int { return w.skip(at) })
	case '[':
		return w.elements(i, w.skip)
	}
	for i < len(w.data) && w.data[i] != ',' && w.data[i] != '}' && w.data[i] != ']' && w.space(i) == i {
		i++ // a number, true, false or null
	}
	return i
}

// str returns the offset just after the string at data[i:]. A long string
// is skimmed for its quotes: a quote ends it unless an odd number of
// backslashes stands before it.
func (w *walker) str(i int) int {
	for j := i + 1; ; j++ {
		n := bytes.IndexByte(w.data[j:], '"')
		if n < 0 {
			return len(w.data)
		}
		j += n
		escapes := 0
		for k := j - 1; k > i && w.data[k] == '\\'; k-- {
			escapes++
		}
		if escapes%2 == 0 {
			return j + 1
		}
	}
}

func (w *walker) space(i int) int {
	for i < len(w.data) && (w.data[i] == ' ' || w.data[i] == '\n' || w.data[i] == '\t' || w.data[i] == '\r') {
		i++
	}
	return i
}

// structInfo is how encoding/json sees a struct type: the members it reads
// and writes, and whether the type keeps the others or is a leaf that
// encodes itself (time.Time).
type structInfo struct {
	fields []fieldInfo
	keeps  bool
	leaf   bool
}

type fieldInfo struct {
	name  []byte
	index int
	typ   reflect.Type
}

var (
	structInfos     sync.Map // reflect.Type → *structInfo
	keeperType      = reflect.TypeFor[keeper]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func fieldsOf(t reflect.Type) *structInfo {
	if info, ok := structInfos.Load(t); ok {
		return info.(*structInfo)
	}
	p := reflect.PointerTo(t)
	info := &structInfo{
		keeps: p.Implements(keeperType),
		leaf:  p.Implements(unmarshalerType) || p.Implements(marshalerType) || p.Implements(textType),
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		info.fields = append(info.fields, fieldInfo{name: []byte(name), index: i, typ: f.Type})
	}
	structInfos.Store(t, info)
	return info
}

// field is the field a member's key (as JSON) names, matched as
// encoding/json matches it: exactly, or else ignoring case.
func (s *structInfo) field(key []byte) (fieldInfo, bool) {
	name := key[1 : len(key)-1]
	if bytes.IndexByte(name, '\\') >= 0 {
		var unquoted string
		if json.Unmarshal(key, &unquoted) != nil {
			return fieldInfo{}, false
		}
		name = []byte(unquoted)
	}
	for _, f := range s.fields {
		if bytes.Equal(f.name, name) {
			return f, true
		}
	}
	for _, f := range s.fields {
		if bytes.EqualFold(f.name, name) {
			return f, true
		}
	}
	return fieldInfo{}, false
}
