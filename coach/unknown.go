package coach

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// A file may hold members this build has no field for: written by a newer
// rebound, or added by hand. encoding/json drops them as it decodes, and the
// next save would lose them, so each object type of the formats keeps its
// own: the decoder finds them in a second, light pass over the file, and the
// encoder puts them back after the known members of the object they came
// from. Neither pass decodes a value a second time, so a file of 15 MB
// costs a skim, and a session without unknown members is written exactly
// as before.

// unknownFields is what one object of a file held that its type has no
// field for: each member as `"name":value`, compacted, in the file's order,
// joined by commas. A string, so that the types that hold one stay
// comparable and their copies share it safely.
type unknownFields struct{ members string }

func (u *unknownFields) add(members string) {
	if u.members != "" {
		members = u.members + "," + members
	}
	u.members = members
}

// keeper is an object type of the session and practice formats: it keeps
// its unknown members. TestFormatTypesKeepUnknownMembers checks that every
// struct a session or a practice entry holds is one.
type keeper interface{ unknown() *unknownFields }

func (s *Session) unknown() *unknownFields         { return &s.extra }
func (in *Intake) unknown() *unknownFields         { return &in.extra }
func (m *Mood) unknown() *unknownFields            { return &m.extra }
func (f *FeedbackRequest) unknown() *unknownFields { return &f.extra }
func (a *Action) unknown() *unknownFields          { return &a.extra }
func (a *Answer) unknown() *unknownFields          { return &a.extra }
func (e *DraftEdit) unknown() *unknownFields       { return &e.extra }
func (p *Practice) unknown() *unknownFields        { return &p.extra }
func (q *Question) unknown() *unknownFields        { return &q.extra }

// keepUnknown gives the keepers in *v the members of data that it has no
// field for. data is valid JSON that json.Unmarshal has just decoded into
// v without error, so its shape matches v's type.
func keepUnknown(data []byte, v any) {
	root := reflect.ValueOf(v).Elem()
	var steps [8]step // deep enough for the formats: no allocation
	w := walker{data: data, reading: true, path: steps[:0]}
	w.value(0, root.Type())
	for _, f := range joinFound(w.found) {
		at(root, f.path, func(k keeper) bool {
			k.unknown().add(f.members)
			return true
		})
	}
}

// joinFound joins the members found for one object met more than once (a
// key given twice, which encoding/json merges), so that each keeper is
// given its members once: a file of many repeats costs no more than one.
func joinFound(found []foundMembers) []foundMembers {
	if len(found) < 2 {
		return found
	}
	var joined []foundMembers
	index := map[string]int{}
	members := []*strings.Builder{}
	for _, f := range found {
		var key strings.Builder
		for _, s := range f.path {
			fmt.Fprintf(&key, "%d %d %s\x00", s.kind, s.i, s.key)
		}
		i, ok := index[key.String()]
		if !ok {
			i = len(joined)
			index[key.String()] = i
			joined = append(joined, foundMembers{path: f.path})
			members = append(members, &strings.Builder{})
		} else {
			members[i].WriteByte(',')
		}
		members[i].WriteString(f.members)
	}
	for i := range joined {
		joined[i].members = members[i].String()
	}
	return joined
}

// withUnknown is data, the compact JSON encoding/json made of v, with the
// unknown members of v's keepers written back into their objects.
func withUnknown(data []byte, v any) []byte {
	root := addressable(reflect.ValueOf(v))
	var steps [8]step
	w := walker{data: data, path: steps[:0]}
	w.value(0, root.Type())
	var out []byte
	last := 0
	for _, end := range w.ends {
		var members string
		at(root, end.path, func(k keeper) bool {
			members = k.unknown().members
			return false
		})
		if members == "" {
			continue
		}
		out = append(out, data[last:end.at]...)
		if data[end.at-1] != '{' {
			out = append(out, ',')
		}
		out = append(out, members...)
		last = end.at
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// hasUnknown reports whether any keeper in v holds unknown members: the
// encoder takes its usual path when none does.
func hasUnknown(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && hasUnknown(v.Elem())
	case reflect.Struct:
		t := fieldsOf(v.Type())
		if t.leaf {
			return false
		}
		if t.keeps && v.CanAddr() && v.Addr().Interface().(keeper).unknown().members != "" {
			return true
		}
		for _, f := range t.fields {
			if hasUnknown(v.Field(f.index)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if hasUnknown(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		e := reflect.New(v.Type().Elem()).Elem() // addressable, and one for the whole map
		for it := v.MapRange(); it.Next(); {
			e.SetIterValue(it)
			if hasUnknown(e) {
				return true
			}
		}
	}
	return false
}

// addressable is v, dereferenced when it is a pointer, or an addressable copy.
func addressable(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Pointer {
		return v.Elem()
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// A step leads from a value to one inside it: the field of a struct, the
// element of a slice, the entry of a map, the target of a pointer.
type step struct {
	kind stepKind
	i    int    // the field's index, or the element's
	key  []byte // the map key, as JSON: quotes and escapes included
}

type stepKind uint8

const (
	stepField stepKind = iota
	stepIndex
	stepKey
	stepElem
)

// at calls f with the keeper at path below v, and reports whether f changed
// it. A map's entry is copied for f and stored back only when it changed,
// so that looking leaves the map alone. A path that leads nowhere (a
// pointer that is nil, an element past the end) calls nothing.
func at(v reflect.Value, path []step, f func(keeper) bool) bool {
	if len(path) == 0 {
		k, ok := v.Addr().Interface().(keeper)
		return ok && f(k)
	}
	s, rest := path[0], path[1:]
	switch {
	case s.kind == stepField && v.Kind() == reflect.Struct:
		return at(v.Field(s.i), rest, f)
	case s.kind == stepIndex && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && s.i < v.Len():
		return at(v.Index(s.i), rest, f)
	case s.kind == stepElem && v.Kind() == reflect.Pointer && !v.IsNil():
		return at(v.Elem(), rest, f)
	case s.kind == stepKey && v.Kind() == reflect.Map:
		var name string
		if json.Unmarshal(s.key, &name) != nil {
			return false
		}
		key := reflect.ValueOf(name).Convert(v.Type().Key())
		e := v.MapIndex(key)
		if !e.IsValid() {
			return false
		}
		c := reflect.New(e.Type()).Elem()
		c.Set(e)
		if !at(c, rest, f) {
			return false
		}
		v.SetMapIndex(key, c)
		return true
	}
	return false
}
