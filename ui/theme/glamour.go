package theme

import (
	"reflect"

	gansi "charm.land/glamour/v2/ansi"

	"charm.land/glamour/v2/styles"
)

// Glamour is the Glamour style for a theme, for every markdown the app
// and the command line render: Glamour's dark and light styles with the
// colours that fall below 4.5:1 on common backgrounds replaced (see
// theme_test.go), and for none the dark style with no colour at all but its
// bold, italics, underlines and reverse, which read better than the
// asterisks of Glamour's notty style. Auto is taken as dark, the app's
// assumption until the terminal answers.
func Glamour(t Theme) gansi.StyleConfig {
	switch t {
	case None:
		s := colourless(darkGlamour())
		reverse := true
		s.H1.Inverse = &reverse // the title's badge, without its colours
		return s
	case Light:
		return lightGlamour()
	}
	return darkGlamour()
}

// Colours are xterm's 256 (16 and up, which terminals leave as xterm
// defines them), as in Glamour's own styles. The structure (margins,
// prefixes) is Glamour's, so the text lays out as it always has.
//
// Code blocks lose Chroma's highlighting: Glamour registers its Chroma
// style once per process under one name, so the first theme rendered would
// colour every later one's code, unchecked. They take one colour instead.

func darkGlamour() gansi.StyleConfig {
	s := styles.DarkStyleConfig
	s.H1.Color, s.H1.BackgroundColor = ansi256("228"), ansi256("62") // 4.9 (on 63: 4.4)
	s.HorizontalRule.Color = ansi256("246")                          // 240 was 2.0
	s.Link.Color = ansi256("37")                                     // 30 was 3.2
	s.ImageText.Color = ansi256("246")                               // 243 was 3.1
	s.Code.Color = ansi256("210")                                    // 203 on 236 was 4.4
	s.CodeBlock.Color = ansi256("250")                               // 244 was 3.5
	s.CodeBlock.Chroma = nil
	return s
}

func lightGlamour() gansi.StyleConfig {
	s := styles.LightStyleConfig
	s.H1.Color, s.H1.BackgroundColor = ansi256("228"), ansi256("62")
	s.HorizontalRule.Color = ansi256("242") // 249 was 1.9
	s.Link.Color = ansi256("24")            // 36 was 2.5
	s.LinkText.Color = ansi256("22")        // 29 was 4.0
	s.Image.Color = ansi256("125")          // 205 was 2.5
	s.ImageText.Color = ansi256("242")      // 243 was 4.0
	s.Code.Color = ansi256("124")           // 203 on 254 was 2.3
	s.CodeBlock.Chroma = nil
	return s
}

var primitiveType = reflect.TypeFor[gansi.StylePrimitive]()

// colourless drops every colour of a style and keeps the rest. It walks the
// whole config, so an element a later Glamour adds cannot bring colour
// into the none
func colourless(s gansi.StyleConfig) gansi.StyleConfig {
	dropColours(reflect.ValueOf(&s).Elem())
	return s
}

func dropColours(v reflect.Value) {
	switch {
	case !v.CanSet():
	case v.Type() == primitiveType:
		p := v.Addr().Interface().(*gansi.StylePrimitive)
		p.Color, p.BackgroundColor = nil, nil
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			dropColours(v.Field(i))
		}
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct:
		c := reflect.New(v.Elem().Type()) // a copy: the original is Glamour's, shared
		c.Elem().Set(v.Elem())
		dropColours(c.Elem())
		v.Set(c)
	}
}

// ansi256 is a colour of xterm's 256 as Glamour takes it.
func ansi256(n string) *string { return &n }
