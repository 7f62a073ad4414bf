package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/rebound-coach/rebound/content"
)

var completionCommand = command{
	name:  "completion",
	usage: "rebound completion bash|zsh|fish",
	help: `Prints a completion script for bash, zsh or fish. It completes rebound's
commands, their flags and the flags' values: themes, the question bank's
tags, timers, formats, files and directories. Session IDs are not completed.

Install it once, where each shell looks (see the README):

  rebound completion bash > ~/.local/share/bash-completion/completions/rebound
  rebound completion zsh > ~/.zfunc/_rebound   (with ~/.zfunc in $fpath)
  rebound completion fish > ~/.config/fish/completions/rebound.fish
`,
	noData: true,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, args []string) error {
			if len(args) == 0 {
				return usageErr(c.cmd, "give the shell to complete in: bash, zsh or fish")
			}
			if len(args) > 1 {
				return usageErr(c.cmd, fmt.Sprintf("unexpected argument %q: completion takes one shell", args[1]))
			}
			write, ok := shellScripts[args[0]]
			if !ok {
				return usageErr(c.cmd, fmt.Sprintf("unknown shell %q: use bash, zsh or fish", args[0]))
			}
			var b bytes.Buffer
			write(&b, commandLine(loadBank()))
			_, err := c.env.Stdout.Write(b.Bytes())
			return err
		}
	},
}

// shellScripts writes each shell's completion script. The shell names are
// also what `rebound completion` completes: keep them in the usage line.
var shellScripts = map[string]func(io.Writer, *node){
	"bash": writeBash,
	"zsh":  writeZsh,
	"fish": writeFish,
}

// commandTable returns the commands table. completion and man describe the
// table they are part of; reaching it through a function set in init keeps
// Go from seeing an initialization cycle.
var commandTable func() []command

func init() { commandTable = func() []command { return commands } }

// loadBank is the question bank, for its tags; nil if it cannot be read
// (the content tests keep that from shipping), and then no tag completes.
func loadBank() *content.Bank {
	bank, err := content.LoadBank()
	if err != nil {
		return nil
	}
	return bank
}

// node is one command as the completions and the manual see it: rebound
// alone, one of the app's words (new, practice), or a command of the table.
type node struct {
	name    string // the words after rebound: "", "practice", "practice list"
	word    bool   // rebound alone or one of the app's words, which main parses
	usage   string // the synopsis: "rebound list [--json]"
	summary string // one line, for a menu of commands
	about   string // the help's text before its flags, for the manual
	flags   []flagSpec
	arg     argSpec // its positional argument, if any
	subs    []*node // the commands that follow it
}

// flagSpec is one flag, with what its value completes to.
type flagSpec struct {
	name   string // without dashes: "data-dir", "o"
	alias  string // another name for it: "h" for help
	arg    string // its value's placeholder: "DIR"; "" for a switch
	usage  string // what it does, in full; summary() is its first clause
	values valueSpec
}

// argSpec is a command's positional argument.
type argSpec struct {
	name   string   // its placeholder, "ID"; "" when the command takes none
	many   bool     // any number of them (ID…)
	values []choice // a fixed set of words, or nil for anything
}

type valueKind int

const (
	anyValue  valueKind = iota // free text: nothing to complete
	wordValue                  // one of words
	dirValue                   // a directory
	fileValue                  // a file
)

// valueSpec is how a flag's value completes.
type valueSpec struct {
	kind  valueKind
	words []choice
}

// choice is a word to complete, with what it means ("" when it says it).
type choice struct{ word, desc string }

func words(ws ...string) valueSpec {
	v := valueSpec{kind: wordValue}
	for _, w := range ws {
		v.words = append(v.words, choice{word: w})
	}
	return v
}

// The app's own flags and words are declared in main (newFlagSet and
// parseArgs), which this package cannot import: this is their description
// for the completions and the manual. A test in main fails when a flag of
// newFlagSet is missing from either.
var (
	helpFlag = flagSpec{name: "help", alias: "h", usage: "show the help"}

	dataDirFlag = flagSpec{name: "data-dir", arg: "DIR", values: valueSpec{kind: dirValue},
		usage: "where sessions are kept (default: $REBOUND_DATA_DIR, else $XDG_DATA_HOME/rebound, " +
			"else ~/.local/share/rebound; ~/Library/Application Support/rebound on macOS)"}

	plainFlag = flagSpec{name: "plain",
		usage: "line-by-line prompts instead of the full screen: for screen readers and for " +
			"answers piped from a file (also with TERM=dumb or REBOUND_ACCESSIBLE=1)"}

	themeFlag = flagSpec{name: "theme", arg: "THEME", values: words("dark", "light", "none", "auto"),
		usage: "dark, light, none or auto (default: auto, from the terminal's background; " +
			"none with NO_COLOR; or $REBOUND_THEME)"}

	versionFlag = flagSpec{name: "version", usage: "print the version"}

	timerFlag = flagSpec{name: "timer", arg: "D|off", values: words("off", "90s", "2m", "3m"),
		usage: "each round's countdown: a duration from 10s to 1h such as 90s or 2m, " +
			"or off (default 2m)"}
)

// tagFlag is --tag, whose values are the question bank's tags.
func tagFlag(bank *content.Bank) flagSpec {
	f := flagSpec{name: "tag", arg: "TAG", values: valueSpec{kind: wordValue},
		usage: "only the bank's questions with this tag"}
	if bank != nil {
		var ids []string
		for _, t := range bank.Tags {
			f.values.words = append(f.values.words, choice{word: t.ID, desc: t.Title})
			ids = append(ids, t.ID)
		}
		f.usage += ": " + strings.Join(ids, ", ")
	}
	return f
}

// commandLine describes the whole command line: the app's words and flags,
// then every command of the table, from its usage line, its help and the
// flags its setup declares. The completions and the manual are both made
// from it, so they cannot drift apart.
func commandLine(bank *content.Bank) *node {
	appFlags := []flagSpec{dataDirFlag, plainFlag, themeFlag}
	root := &node{
		word:    true,
		summary: "Open home: start a new session or resume one",
		flags:   slices.Concat(appFlags, []flagSpec{versionFlag, helpFlag}),
	}
	root.usage = synopsis("rebound", root.flags)
	newWord := &node{name: "new", word: true, summary: "Start a new session straight away",
		about: "Starts a new session straight away, without home.",
		flags: slices.Concat(appFlags, []flagSpec{helpFlag})}
	newWord.usage = synopsis("rebound new", newWord.flags)
	practice := &node{name: "practice", word: true, summary: "Practise interview questions",
		about: "Practise interview questions: the ones that threw you first, then the bank's " +
			"by spaced repetition. Each round is one question, answered against a countdown, " +
			"then reviewed and rated.",
		flags: slices.Concat([]flagSpec{tagFlag(bank), timerFlag}, appFlags, []flagSpec{helpFlag})}
	practice.usage = synopsis("rebound practice", practice.flags[:2])
	root.subs = []*node{newWord, practice}

	for _, c := range commandTable() {
		n := tableNode(c)
		parent := root
		if first, _, ok := strings.Cut(c.name, " "); ok {
			parent = root.find(first)
		}
		parent.subs = append(parent.subs, n)
	}
	return root
}

// synopsis is a usage line for the app's words: name and their flags,
// without help and version.
func synopsis(name string, flags []flagSpec) string {
	s := name
	for _, f := range flags {
		switch {
		case f.name == "help" || f.name == "version":
		case f.arg == "":
			s += " [--" + f.name + "]"
		default:
			s += " [--" + f.name + " " + f.arg + "]"
		}
	}
	return s
}

// find returns the sub-command named name.
func (n *node) find(name string) *node {
	for _, s := range n.subs {
		if s.name == name {
			return s
		}
	}
	panic("cli: no command " + name) // the table names a parent that does not exist
}

// walk calls f for n and every command under it, parents first.
func (n *node) walk(f func(*node)) {
	f(n)
	for _, s := range n.subs {
		s.walk(f)
	}
}

// tableNode describes a command of the table. Its flags are those its help
// lists under "Flags:" (the tests check that they are the ones its setup
// declares, plus what Run adds to every command), and whether one takes a
// value is what its setup declared.
func tableNode(c command) *node {
	n := &node{name: c.name, usage: c.usage}
	about, helps := parseHelp(c.help)
	n.about = about
	n.summary = summary(about)

	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.setup(fs)
	takesValue := func(name string) bool {
		if d := fs.Lookup(name); d != nil {
			return !isBool(d)
		}
		return slices.ContainsFunc(helps, func(h helpFlagLine) bool { return h.name == name && h.arg != "" })
	}
	choices, arg := parseUsage(strings.TrimPrefix(c.usage, "rebound "+c.name), takesValue)
	n.arg = arg
	for _, h := range helps {
		f := flagSpec{name: h.name, arg: h.arg, usage: h.usage}
		if takesValue(h.name) && f.arg == "" {
			f.arg = "VALUE"
		}
		f.values = valuesOf(f, choices)
		n.flags = append(n.flags, f)
	}
	n.flags = append(n.flags, helpFlag)
	return n
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// valuesOf is how the value of a table command's flag completes: the words
// its usage line gives it (--format markdown|json), else as the app's flag
// of that name completes, else by its placeholder (FILE, DIR).
func valuesOf(f flagSpec, choices map[string][]string) valueSpec {
	if f.arg == "" {
		return valueSpec{}
	}
	if ws, ok := choices[f.name]; ok {
		return words(ws...)
	}
	for _, app := range []flagSpec{dataDirFlag, themeFlag, timerFlag} {
		if app.name == f.name {
			return app.values
		}
	}
	switch f.arg {
	case "FILE":
		return valueSpec{kind: fileValue}
	case "DIR":
		return valueSpec{kind: dirValue}
	}
	return valueSpec{}
}

// helpFlagLine is one flag as a command's help lists it.
type helpFlagLine struct{ name, arg, usage string }

// flagLine matches the first line of a flag in a help: "  --format FORMAT  markdown …".
var flagLine = regexp.MustCompile(`^  (-{1,2}[a-z][a-z0-9-]*)(?: ([A-Z][A-Za-z|]*))?(?:  +(.*))?$`)

// parseHelp splits a command's help into the text before "Flags:" and the
// flags listed under it, each with the lines that continue its description.
func parseHelp(help string) (about string, flags []helpFlagLine) {
	about, list, _ := strings.Cut(help, "\nFlags:\n")
	for _, line := range strings.Split(list, "\n") {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			flags = append(flags, helpFlagLine{name: strings.TrimLeft(m[1], "-"), arg: m[2], usage: m[3]})
			continue
		}
		if t := strings.TrimSpace(line); t != "" && len(flags) > 0 {
			f := &flags[len(flags)-1]
			f.usage = strings.TrimSpace(f.usage + " " + t)
		}
	}
	return strings.TrimRight(about, "\n") + "\n", flags
}

// summary is the first clause of a help's first sentence, on one line:
// "Lists every session, newest first".
func summary(about string) string {
	s := strings.Join(strings.Fields(about), " ")
	if i := strings.IndexAny(s, ".:("); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// summary is the first clause of a flag's description, without what its
// parentheses add: "markdown or json".
func (f flagSpec) summary() string {
	var b strings.Builder
	depth := 0
	for _, r := range f.usage {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	for _, end := range []string{"; ", ": ", ". "} {
		if i := strings.Index(s, end); i >= 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSuffix(s, ".")
	return strings.ReplaceAll(s, " ,", ",")
}

// parseUsage reads the rest of a usage line after the command's name, such
// as "[ID…|--all] [--format markdown|json] [-o FILE] [--force]": the words
// a flag's value is one of (format: markdown, json) and the positional
// argument (ID…, any number). The word after a flag that takes a value is
// its value; other words in capitals are a placeholder, and words in lower
// case joined by | are the values of a positional argument (bash|zsh|fish).
func parseUsage(rest string, takesValue func(name string) bool) (choices map[string][]string, arg argSpec) {
	choices = map[string][]string{}
	tokens := strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(rest))
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		if name, ok := strings.CutPrefix(tok, "-"); ok && !strings.Contains(tok, "|") {
			name = strings.TrimPrefix(name, "-")
			if takesValue(name) && i+1 < len(tokens) {
				i++
				if v := tokens[i]; v != strings.ToUpper(v) {
					choices[name] = strings.Split(v, "|")
				}
			}
			continue
		}
		for _, alt := range strings.Split(tok, "|") {
			switch {
			case strings.HasPrefix(alt, "-"):
			case alt == strings.ToUpper(alt):
				arg.name = strings.TrimSuffix(alt, "…")
				arg.many = arg.name != alt
			default:
				arg = argSpec{name: tok}
				for _, w := range strings.Split(tok, "|") {
					arg.values = append(arg.values, choice{word: w})
				}
			}
		}
	}
	return choices, arg
}

// safeWord is what a completed word may be made of: every shell takes it
// as it is, unquoted.
var safeWord = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)

// checkWords panics on a word no script could hold safely; the tests run
// every script, so it never ships.
func checkWords(root *node) {
	check := func(w string) {
		if !safeWord.MatchString(w) {
			panic(fmt.Sprintf("cli: %q cannot be completed safely", w))
		}
	}
	root.walk(func(n *node) {
		for _, s := range n.subs {
			for _, w := range strings.Fields(s.name) {
				check(w)
			}
		}
		for _, f := range n.flags {
			check(f.name)
			for _, c := range f.values.words {
				check(c.word)
			}
		}
		for _, c := range n.arg.values {
			check(c.word)
		}
	})
}

// flagValues is every flag that takes a value, by name, with how the value
// completes. A name means the same flag wherever it appears; a flag that is
// a switch in one command and takes a value in another would confuse the
// scripts, so it panics (and the tests fail).
func flagValues(root *node) map[string]flagSpec {
	all := map[string]flagSpec{}
	switches := map[string]bool{}
	root.walk(func(n *node) {
		for _, f := range n.flags {
			if f.arg == "" {
				switches[f.name] = true
				continue
			}
			all[f.name] = f
		}
	})
	for name := range all {
		if switches[name] {
			panic("cli: --" + name + " is a switch in one command and takes a value in another")
		}
	}
	return all
}

// names are the flag as typed: -h, --help.
func (f flagSpec) names() []string {
	names := []string{dashed(f.name)}
	if f.alias != "" {
		names = append([]string{dashed(f.alias)}, names...)
	}
	return names
}

// sortedKeys returns m's keys in order, so the scripts come out the same
// every time.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

const noIDsNote = "Session IDs are not completed."

// writeBash writes the bash script. It walks the words before the cursor
// to find the command being typed (skipping flags and their values), then
// completes a flag's value, a flag, a command or an argument's value. It
// needs bash 3.2 or newer and uses bash-completion's _filedir when loaded.
func writeBash(w io.Writer, root *node) {
	checkWords(root)
	values := flagValues(root)
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }

	p(`# bash completion for rebound                              -*- shell-script -*-
#
# Made by 'rebound completion bash'. Install it where bash-completion finds it:
#   rebound completion bash > ~/.local/share/bash-completion/completions/rebound
# or load it into this shell only:
#   eval "$(rebound completion bash)"
# %s

# __rebound_value NAME succeeds when the flag --NAME takes a value, and sets
# REPLY to how the value completes: dirs, files, or words and the words.
__rebound_value() {
    case $1 in
`, noIDsNote)
	for _, name := range sortedKeys(values) {
		f := values[name]
		var how string
		switch f.values.kind {
		case dirValue:
			how = "dirs"
		case fileValue:
			how = "files"
		case wordValue:
			how = "'words " + joinWords(f.values.words) + "'"
		default:
			how = "''"
		}
		p("    %s) REPLY=%s ;;\n", name, how)
	}
	p(`    *) return 1 ;;
    esac
}

# __rebound_flags CMD sets REPLY to the flags of the command CMD ('' is
# rebound alone).
__rebound_flags() {
    case $1 in
`)
	root.walk(func(n *node) {
		var names []string
		for _, f := range n.flags {
			names = append(names, f.names()...)
		}
		p("    %s) REPLY='%s' ;;\n", bashPattern(n.name), strings.Join(names, " "))
	})
	p(`    esac
}

# __rebound_commands CMD sets REPLY to the commands that may follow CMD.
__rebound_commands() {
    case $1 in
`)
	root.walk(func(n *node) {
		if len(n.subs) == 0 {
			return
		}
		var names []string
		for _, s := range n.subs {
			names = append(names, lastWord(s.name))
		}
		p("    %s) REPLY='%s' ;;\n", bashPattern(n.name), strings.Join(names, " "))
	})
	p(`    *) REPLY= ;;
    esac
}

# __rebound_args CMD N sets REPLY to the words CMD's argument number N
# (from 0) may be.
__rebound_args() {
    case $1:$2 in
`)
	root.walk(func(n *node) {
		if len(n.arg.values) == 0 {
			return
		}
		at := "0"
		if n.arg.many {
			at = "*"
		}
		p("    %s:%s) REPLY='%s' ;;\n", bashPattern(n.name), at, joinWords(n.arg.values))
	})
	p(`    *) REPLY= ;;
    esac
}

# __rebound_files -d|-f completes directories or files.
__rebound_files() {
    local f
    if declare -F _filedir >/dev/null; then
        if [[ $1 == -d ]]; then _filedir -d; else _filedir; fi
        return
    fi
    compopt -o filenames 2>/dev/null
    while IFS= read -r f; do
        COMPREPLY+=("$f")
    done < <(compgen "$1" -- "$cur")
}

_rebound() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd= n=0 flags=1 value= i w REPLY
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if ((flags)) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                flags=0
                continue
            fi
            w=${w#-}
            w=${w#-}
            [[ $w == *=* ]] && continue
            __rebound_value "$w" || continue
            # Its value is the next word, or the one after "=" (bash splits
            # --flag=value in three).
            ((i++))
            if [[ ${COMP_WORDS[i]} == = ]]; then
                if ((i == COMP_CWORD)); then cur=; else ((i++)); fi
            fi
            ((i == COMP_CWORD)) && value=$w
        else
            __rebound_commands "$cmd"
            if ((n == 0)) && [[ " $REPLY " == *" $w "* ]]; then
                cmd=${cmd:+$cmd }$w
            else
                ((n++))
            fi
        fi
    done

    if [[ -n $value ]]; then
        __rebound_value "$value"
        case $REPLY in
        dirs) __rebound_files -d ;;
        files) __rebound_files -f ;;
        words\ *) COMPREPLY=($(compgen -W "${REPLY#words }" -- "$cur")) ;;
        esac
        return 0
    fi
    if ((flags)) && [[ $cur == -* ]]; then
        __rebound_flags "$cmd"
    else
        __rebound_commands "$cmd"
        if ((n > 0)) || [[ -z $REPLY ]]; then
            __rebound_args "$cmd" "$n"
        fi
    fi
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
    return 0
}

complete -F _rebound rebound
`)
}

// bashPattern is a case pattern for a command's name, quoted when empty
// (rebound alone) or two words.
func bashPattern(name string) string {
	if name == "" || strings.Contains(name, " ") {
		return "'" + name + "'"
	}
	return name
}

func lastWord(name string) string {
	return name[strings.LastIndex(name, " ")+1:]
}

func joinWords(cs []choice) string {
	ws := make([]string, len(cs))
	for i, c := range cs {
		ws[i] = c.word
	}
	return strings.Join(ws, " ")
}

// writeZsh writes the zsh script: one function per command, each giving
// _arguments its flags (with their descriptions and values) and either its
// argument or, through the "*::" state, the commands that may follow it.
func writeZsh(w io.Writer, root *node) {
	checkWords(root)
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p(`#compdef rebound
#
# zsh completion for rebound, made by 'rebound completion zsh'. Install it as
# _rebound in a directory of $fpath, then start a new shell:
#   mkdir -p ~/.zfunc && rebound completion zsh > ~/.zfunc/_rebound
# and, in ~/.zshrc before compinit runs: fpath=(~/.zfunc $fpath)
# %s
`, noIDsNote)
	root.walk(func(n *node) {
		fn := zshFunc(n.name)
		var specs []string
		for _, f := range n.flags {
			specs = append(specs, zshFlag(f))
		}
		p("\n%s() {\n", fn)
		if len(n.subs) == 0 {
			if a := zshArg(n.arg); a != "" {
				specs = append(specs, a)
			}
			p("  _arguments \\\n    %s\n}\n", strings.Join(specs, " \\\n    "))
			return
		}
		specs = append(specs, zshQuote("1: :"+fn+"_commands"), zshQuote("*:: :->command"))
		p("  local curcontext=$curcontext state state_descr line ret=1\n")
		if n.name == "" {
			p("  typeset -A opt_args\n")
		}
		p("  _arguments -C \\\n    %s && ret=0\n", strings.Join(specs, " \\\n    "))
		p("  if [[ $state == command ]]; then\n")
		p("    curcontext=${curcontext%%:*:*}:%s-$words[1]:\n", strings.TrimPrefix(fn, "_"))
		p("    case $words[1] in\n")
		for _, s := range n.subs {
			p("      (%s) %s && ret=0 ;;\n", lastWord(s.name), zshFunc(s.name))
		}
		p("    esac\n  fi\n  return ret\n}\n")
		p("\n%s_commands() {\n  local -a commands=(\n", fn)
		for _, s := range n.subs {
			p("    %s\n", zshQuote(lastWord(s.name)+":"+s.summary))
		}
		p("  )\n  _describe -t commands 'rebound command' commands\n}\n")
	})
	// Autoloaded from $fpath, this file is _rebound's body the first time:
	// it defines the functions, then completes. Sourced, it registers.
	p("\nif [[ $funcstack[1] == _rebound ]]; then\n  _rebound \"$@\"\nelse\n  compdef _rebound rebound\nfi\n")
}

// zshFunc is the function that completes a command: _rebound_practice_list.
func zshFunc(name string) string {
	return strings.Join(append([]string{"_rebound"}, strings.Fields(name)...), "_")
}

// zshFlag is a flag's _arguments spec. Help and version end the command
// line, so nothing is offered after them; a flag's value may follow it or
// come after "=", as Go's flag package takes both.
func zshFlag(f flagSpec) string {
	var excl, eq string
	if f.name == "help" || f.name == "version" {
		excl = "(- *)"
	}
	if f.arg != "" {
		eq = "="
	}
	spec := "[" + zshBracket(f.summary()) + "]"
	if f.arg != "" {
		spec += ":" + zshColon(zshMessage(f)) + ":" + zshAction(f.values)
	}
	if f.alias == "" {
		return zshQuote(excl + dashed(f.name) + eq + spec)
	}
	// Both names, by brace expansion: '(- *)'{-h,--help}'[show the help]'.
	return zshQuote(excl) + "{" + dashed(f.alias) + eq + "," + dashed(f.name) + eq + "}" + zshQuote(spec)
}

// zshMessage names a flag's value while it is typed.
func zshMessage(f flagSpec) string {
	switch {
	case f.values.kind == dirValue:
		return "directory"
	case f.values.kind == fileValue:
		return "file"
	case strings.ContainsAny(f.arg, "| "):
		return f.name
	}
	return strings.ToLower(f.arg)
}

// zshAction is how _arguments completes a value: files, directories, the
// words (with their descriptions when they have one), or nothing.
func zshAction(v valueSpec) string {
	switch v.kind {
	case dirValue:
		return "_files -/"
	case fileValue:
		return "_files"
	case wordValue:
		described := slices.ContainsFunc(v.words, func(c choice) bool { return c.desc != "" })
		if !described {
			return "(" + joinWords(v.words) + ")"
		}
		items := make([]string, len(v.words))
		for i, c := range v.words {
			items[i] = c.word + `\:` + zshDouble(c.desc)
		}
		return "((" + strings.Join(items, " ") + "))"
	}
	return " "
}

// zshArg is a command's positional argument spec: its words, or a message
// (such as "ID") with nothing to complete; "" when it takes none.
func zshArg(a argSpec) string {
	switch {
	case a.name == "":
		return ""
	case len(a.values) > 0:
		ws := strings.Fields(joinWords(a.values))
		msg := strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
		if len(ws) == 1 {
			msg = ws[0]
		}
		return zshQuote("1:" + zshColon(msg) + ":(" + joinWords(a.values) + ")")
	case a.many:
		return zshQuote("*:" + zshColon(a.name) + ": ")
	}
	return zshQuote("1:" + zshColon(a.name) + ": ")
}

// zshQuote single-quotes s for zsh; "" stays empty.
func zshQuote(s string) string {
	if s == "" {
		return ""
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// zshBracket escapes an option's description, which sits in [ ].
func zshBracket(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// zshColon escapes the colons of an _arguments message.
func zshColon(s string) string { return strings.ReplaceAll(s, ":", `\:`) }

// zshDouble double-quotes a value's description inside (( )); a colon
// would end it, so it becomes a dash.
func zshDouble(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`", ":", " -").Replace(s) + `"`
}

// writeFish writes the fish script: a function that finds the command being
// typed, and one `complete` line per command, argument and flag.
func writeFish(w io.Writer, root *node) {
	checkWords(root)
	values := flagValues(root)
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p(`# fish completion for rebound, made by 'rebound completion fish'. Install it:
#   rebound completion fish > ~/.config/fish/completions/rebound.fish
# %s

# __rebound_at CMD [N] succeeds when the command being typed is CMD ("" is
# rebound alone) and, when N is given, it has N arguments so far.
function __rebound_at
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ''
    set -l n 0
    set -l flags 1
    while set -q tokens[1]
        set -l w $tokens[1]
        set -e tokens[1]
        if test $flags = 1; and string match -qr -- '^-.' $w
            if test $w = --
                set flags 0
            else if contains -- (string replace -r -- '^--?' '' $w) %s
                # A flag that takes a value: the next word is its value.
                set -q tokens[1]; and set -e tokens[1]
            end
            continue
        end
        if test $n = 0; and contains -- "$cmd:$w" %s
            set cmd (string trim -- "$cmd $w")
        else
            set n (math $n + 1)
        end
    end
    test "$cmd" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    test $n = $argv[2]
end

# Nothing completes to a file unless it says so.
complete -c rebound -f
`, noIDsNote, strings.Join(sortedKeys(values), " "), strings.Join(fishCommandPairs(root), " "))

	root.walk(func(n *node) {
		p("\n# rebound %s\n", fishComment(n))
		at := fishQuote(`__rebound_at "` + n.name + `"`)
		first := fishQuote(`__rebound_at "` + n.name + `" 0`)
		for _, s := range n.subs {
			p("complete -c rebound -n %s -a %s -d %s\n", first, lastWord(s.name), fishQuote(s.summary))
		}
		if len(n.arg.values) > 0 {
			cond := first
			if n.arg.many {
				cond = at
			}
			p("complete -c rebound -n %s -a %s\n", cond, fishQuote(joinWords(n.arg.values)))
		}
		for _, f := range n.flags {
			p("complete -c rebound -n %s %s -d %s%s\n", at, fishNames(f), fishQuote(f.summary()), fishValues(f))
		}
	})
}

// fishCommandPairs is every "parent:command" pair, as __rebound_at matches
// them: ":new", "practice:list".
func fishCommandPairs(root *node) []string {
	var pairs []string
	root.walk(func(n *node) {
		for _, s := range n.subs {
			pairs = append(pairs, fishQuote(n.name+":"+lastWord(s.name)))
		}
	})
	return pairs
}

func fishComment(n *node) string {
	if n.name == "" {
		return "(no command)"
	}
	return n.name
}

// fishNames is a flag's names for complete: -s h -l help, or -s o.
func fishNames(f flagSpec) string {
	var names []string
	for _, name := range []string{f.alias, f.name} {
		switch len(name) {
		case 0:
		case 1:
			names = append(names, "-s "+name)
		default:
			names = append(names, "-l "+name)
		}
	}
	return strings.Join(names, " ")
}

// fishValues is how a flag's value completes: -r -F for a file, and -x
// (a value, no files) with directories or the words for the others.
func fishValues(f flagSpec) string {
	if f.arg == "" {
		return ""
	}
	switch f.values.kind {
	case dirValue:
		return " -x -a '(__fish_complete_directories)'"
	case fileValue:
		return " -r -F"
	case wordValue:
		if !slices.ContainsFunc(f.values.words, func(c choice) bool { return c.desc != "" }) {
			return " -x -a " + fishQuote(joinWords(f.values.words))
		}
		// Each word and its description, a tab between them: printf's
		// format repeats for every pair.
		args := []string{`(printf "%s\t%s\n"`}
		for _, c := range f.values.words {
			args = append(args, fishDouble(c.word), fishDouble(c.desc))
		}
		return " -x -a " + fishQuote(strings.Join(args, " ")+")")
	}
	return " -x"
}

// fishDouble double-quotes s for fish.
func fishDouble(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`).Replace(s) + `"`
}

// fishQuote single-quotes s for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
