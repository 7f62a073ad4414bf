// Text themes: the words and two-word phrases that recur across a list of answers.

package coach

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The themes of a list of answers are the words and two-word phrases that
// recur across its items. Each item is read once, rune by rune, without
// allocating for words already seen:
//
//   - letters and digits are lower-cased and make up words; any other rune
//     ends a word;
//   - apostrophes, straight or curly, are dropped ("don't" is "dont") and a
//     possessive "'s" with them ("the team's" is "team");
//   - a word that is a stop word, a single letter or only digits is left out;
//   - a phrase is two kept words that were next to each other in the item:
//     a stop word between them, or punctuation that ends a clause (a comma,
//     a full stop, a dash, a bracket, a new line), parts them. A hyphen
//     inside a word does not, so "trade-offs" is the phrase "trade offs",
//     and neither do quotation marks;
//   - a word or phrase counts once per item, however often the item says it.

// Theme list lengths: enough to see a pattern, few enough to read.
const (
	maxThemeWords   = 8
	maxThemePhrases = 5
)

type themeCounter struct {
	words, phrases tally
	item           int32  // the item being read, from 1
	word           []byte // the word being read, lower-cased
	apos           int    // where in word the last apostrophe was, or -1
	prev           []byte // the last kept word, while a phrase can follow it
	hasPrev        bool
	key            []byte // the phrase being counted
}

func newThemeCounter() *themeCounter {
	return &themeCounter{words: newTally(), phrases: newTally(), apos: -1}
}

// tally counts texts once per item; counts keeps them in the order first
// seen, and index finds them.
type tally struct {
	index  map[string]int32
	counts []themeCount
}

type themeCount struct {
	text    string
	n, last int32 // last is the item that counted it last
}

func newTally() tally { return tally{index: map[string]int32{}} }

func (t *tally) add(text []byte, item int32) {
	i, ok := t.index[string(text)] // no allocation for a lookup
	if !ok {
		s := string(text)
		i = int32(len(t.counts))
		t.counts = append(t.counts, themeCount{text: s})
		t.index[s] = i
	}
	if c := &t.counts[i]; c.last != item {
		c.last = item
		c.n++
	}
}

// top is the at most n texts seen in two items or more, most frequent first.
func (t *tally) top(n int) []Count {
	out := []Count{}
	for _, c := range t.counts {
		if c.n >= 2 {
			out = append(out, Count{Text: c.text, Count: int(c.n)})
		}
	}
	sortCounts(out)
	return slices.Clip(out[:min(n, len(out))])
}

func (t *themeCounter) themes() Themes {
	return Themes{Phrases: t.phrases.top(maxThemePhrases), Words: t.words.top(maxThemeWords)}
}

func (t *themeCounter) addItem(s string) {
	t.item++
	t.word, t.apos, t.hasPrev = t.word[:0], -1, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			t.word = append(t.word, byte(r))
		case 'A' <= r && r <= 'Z':
			t.word = append(t.word, byte(r-'A'+'a'))
		case r == ' ':
			t.endWord(false)
		case isApostrophe(r):
			if len(t.word) > 0 {
				t.apos = len(t.word)
			}
		case isHyphen(r):
			// Joins the words either side ("trade-offs"); with a space
			// before it, it is a dash ("design - caching").
			t.endWord(len(t.word) == 0)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			t.word = utf8.AppendRune(t.word, unicode.ToLower(r))
		default:
			t.endWord(endsClause(r))
		}
	}
	t.endWord(true)
}

// endWord counts the word just read, and the phrase it ends, if any;
// brk says the rune after it parts it from the next word.
func (t *themeCounter) endWord(brk bool) {
	w := t.word
	if t.apos >= 0 && len(w) == t.apos+1 && w[t.apos] == 's' {
		w = w[:t.apos] // possessive
	}
	t.word, t.apos = t.word[:0], -1
	if len(w) > 0 {
		if keepWord(w) {
			t.words.add(w, t.item)
			if t.hasPrev {
				t.key = append(append(append(t.key[:0], t.prev...), ' '), w...)
				t.phrases.add(t.key, t.item)
			}
			t.prev, t.hasPrev = append(t.prev[:0], w...), true
		} else {
			t.hasPrev = false
		}
	}
	if brk {
		t.hasPrev = false
	}
}

func keepWord(w []byte) bool {
	if _, stop := stopWords[string(w)]; stop || utf8.RuneCount(w) < 2 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return true
		}
	}
	return false // a number
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u201B', '\u02BC', '\u00B4', '\u2032', '\uFF07':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// endsClause reports whether a rune other than a letter, digit, space,
// apostrophe or hyphen parts the words either side. Quotation marks and
// symbols do not; other punctuation and control characters do.
func endsClause(r rune) bool {
	if r == '"' || unicode.In(r, unicode.Pi, unicode.Pf) {
		return false
	}
	return unicode.IsPunct(r) || unicode.IsControl(r)
}

// stopWords are left out of themes: the small words of English, contractions
// as they read without their apostrophe ("dont"), and the words interview
// questions are made of ("tell me about a time"), which say nothing about
// what recurs.
var stopWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`
		a about above across after again against ago all almost also although always am among an and
		another any anyone anything are around as at away
		back be because been before being below better between both but by
		can cannot cant could couldnt
		did didnt do does doesnt doing done dont down during
		each either else enough etc even ever every
		few for from further
		get gets getting give given go goes going gone got
		had hadnt has hasnt have havent having he hed hell her here hers herself hes him himself his how
		however
		i id ie if ill im in instead into is isnt it itd itll its itself ive
		just
		kind
		last least less let lets like lot lots
		made make makes many may maybe me might mine more most much must mustnt my myself
		need needed neither never next no nor not nothing now
		of off often on once one only onto or other others otherwise our ours ourselves out over own
		per perhaps please
		quite
		rather really
		same say says shall she shes should shouldnt since so some something sometimes soon still such
		sure
		take tell than that thats the their theirs them themselves then there theres these they theyd
		theyll theyre theyve thing things this those though through thus to too toward towards
		under until up upon us
		very
		want wanted was wasnt way we wed went were werent weve what whats when where whether which while
		who whom whose why will with within without wont would wouldnt
		yes yet you youd youll your youre yours yourself yourselves youve
		describe example time times walk
	`) {
		m[w] = struct{}{}
	}
	return m
}()
