package coach

import (
	"reflect"
	"strconv"
	"testing"
	"time"
)

// fill sets every exported field v holds, at any depth, to a value of its
// own that is not the zero value: a field the codec forgets comes back
// zero, and the round trip below fails.
func fill(t *testing.T, v reflect.Value, path string, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(path + " " + strconv.Itoa(*n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), path+"["+strconv.Itoa(i)+"]", n)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2025, 2, 3, 4, 5, 6, *n, time.FixedZone("", 3600))))
			return
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				fill(t, v.Field(i), path+"."+f.Name, n)
			}
		}
	default:
		t.Fatalf("%s: a %s, which the test cannot fill: teach it, and the codec", path, v.Kind())
	}
}

// TestShardCodecKeepsEveryField: a summary with every field set comes back
// from a shard as it went in, and so does an entry's stamp and a text.
func TestShardCodecKeepsEveryField(t *testing.T) {
	var m Summary
	n := 0
	fill(t, reflect.ValueOf(&m).Elem(), "Summary", &n)
	m.Feedback.Draft = "" // a summary never holds it, but the codec keeps it anyway
	bare := Summary{ID: "0123456789abcdef"}
	st := stamp{Size: 1234, ModTime: -5, Change: 1 << 62, Inode: 1<<64 - 1, Device: 7}
	sh := summaryShard{Shard: 9, Built: time.Now().UnixNano(), Entries: []summaryEntry{
		{Name: "a.json", Size: st.Size, ModTime: st.ModTime, Change: st.Change, Inode: st.Inode, Device: st.Device, Summary: m},
		{Name: "b.json", Summary: bare},
	}}
	data, err := encodeSummaryShard(&sh)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeSummaryShard(data, 9)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sh) {
		t.Errorf("summaries shard:\n%+v\nwant\n%+v", got, sh)
	}
	if _, err := decodeSummaryShard(data, 8); err == nil {
		t.Error("shard 9 read as shard 8")
	}
	if _, err := decodeTextShard(data, 9); err == nil {
		t.Error("a summaries shard read as text")
	}

	text := textShard{Shard: 3, Built: 42, Entries: []textEntry{newTextEntry("c.json", st, "some words\nand more"), newTextEntry("d.json", stamp{}, "")}}
	gotText, err := decodeTextShard(encodeTextShard(&text), 3)
	if err != nil || !reflect.DeepEqual(gotText, text) {
		t.Errorf("text shard: %+v, %v\nwant %+v", gotText, err, text)
	}
}

// TestShardCodecRefusesDamage: a shard cut short at any byte, or with any
// byte changed, is refused (the checksum), and so is one whose checksum was
// made to match a body that does not parse; none panics.
func TestShardCodecRefusesDamage(t *testing.T) {
	sh := summaryShard{Shard: 1, Built: 5, Entries: []summaryEntry{{Name: "a.json", Summary: Summary{ID: "a", Company: "Acme",
		Actions: []Action{{Text: "x"}}, DoBetter: []string{"y"}}}}}
	data, err := encodeSummaryShard(&sh)
	if err != nil {
		t.Fatal(err)
	}
	for i := range data {
		if _, err := decodeSummaryShard(data[:i], 1); err == nil {
			t.Fatalf("cut at %d of %d: read", i, len(data))
		}
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x01
		if _, err := decodeSummaryShard(bad, 1); err == nil {
			t.Fatalf("byte %d changed: read", i)
		}
	}
	// A body that lies about its lengths, with a checksum to match.
	w := &shardWriter{}
	w.header(summariesKind, 1, 5, 1<<40)
	if _, err := decodeSummaryShard(w.done(), 1); err == nil {
		t.Error("a shard claiming 2^40 entries was read")
	}
	w = &shardWriter{}
	w.header(summariesKind, 1, 5, 1)
	w.stamp("a.json", stamp{})
	w.uint(1 << 50) // the ID's length
	if _, err := decodeSummaryShard(w.done(), 1); err == nil {
		t.Error("a string longer than the shard was read")
	}
}
