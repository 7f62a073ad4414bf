package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/content"
)

var shells = []string{"bash", "zsh", "fish"}

// script runs `rebound completion shell` in-process and returns the script.
func script(t *testing.T, shell string) string {
	t.Helper()
	r := run(t, t.TempDir(), piped, "", "completion", shell)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("completion %s: exit %d, stderr %q", shell, r.code, r.stderr)
	}
	return r.stdout
}

// TestCompletionGolden keeps each script, and what completion says when
// the shell is missing or unknown, in testdata/.
func TestCompletionGolden(t *testing.T) {
	for _, shell := range shells {
		t.Run(shell, func(t *testing.T) {
			checkGolden(t, "completion-"+shell, script(t, shell))
		})
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"completion-no-shell", []string{"completion"}, 2},
		{"completion-unknown-shell", []string{"completion", "tcsh"}, 2},
		{"completion-two-shells", []string{"completion", "bash", "zsh"}, 2},
		{"help-completion", []string{"completion", "--help"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			r := run(t, tmp, piped, "", tc.args...)
			checkGolden(t, tc.name, transcript(tc.args, r, tmp))
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			checkOutput(t, piped, r)
		})
	}
}

// TestCompletionUnknownShellNamesThem: the error is one sentence that
// names the three shells.
func TestCompletionUnknownShellNamesThem(t *testing.T) {
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "--", "-x"}} {
		r := run(t, t.TempDir(), piped, "", args...)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", args, r.code, r.stdout)
		}
		for _, shell := range shells {
			if !strings.Contains(r.stderr, shell) {
				t.Errorf("%q: the error does not name %s: %q", args, shell, r.stderr)
			}
		}
	}
	// The usage line is where the shells are declared for completing.
	if got := sortedKeys(shellScripts); !slices.Equal(got, []string{"bash", "fish", "zsh"}) {
		t.Errorf("scripts for %q", got)
	}
	for _, shell := range sortedKeys(shellScripts) {
		if !strings.Contains(completionCommand.usage, shell) {
			t.Errorf("usage %q does not list %s", completionCommand.usage, shell)
		}
	}
}

// tableFlags is every flag of a command of the table: the ones its setup
// declares, and the ones its help lists (which Run adds, such as
// --data-dir).
func tableFlags(c command) []string {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.setup(fs)
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	_, helps := parseHelp(c.help)
	for _, h := range helps {
		if !slices.Contains(names, h.name) {
			names = append(names, h.name)
		}
	}
	return names
}

// asTyped is how a shell's script spells a flag.
func asTyped(shell, name string) string {
	if shell == "fish" {
		if len(name) == 1 {
			return "-s " + name
		}
		return "-l " + name
	}
	return dashed(name)
}

// TestCompletionMentionsEverything: every command of the table, each word
// of its name, and every flag it declares or lists is in every script, as
// are the app's words and flags as this package describes them (main's
// tests check that description against newFlagSet).
func TestCompletionMentionsEverything(t *testing.T) {
	root := commandLine(loadBank())
	for _, shell := range shells {
		s := script(t, shell)
		for _, c := range commandTable() {
			for _, w := range strings.Fields(c.name) {
				if !strings.Contains(s, w) {
					t.Errorf("%s: no command word %q", shell, w)
				}
			}
			for _, name := range append(tableFlags(c), "help", "h") {
				if !strings.Contains(s, asTyped(shell, name)) {
					t.Errorf("%s: %s's flag %s is missing", shell, c.name, dashed(name))
				}
			}
		}
		root.walk(func(n *node) {
			if n.name != "" && !strings.Contains(s, lastWord(n.name)) {
				t.Errorf("%s: no command %q", shell, n.name)
			}
			for _, f := range n.flags {
				if !strings.Contains(s, asTyped(shell, f.name)) {
					t.Errorf("%s: %q's flag %s is missing", shell, n.name, dashed(f.name))
				}
			}
		})
		for _, want := range []string{"dark light none auto", "off 90s 2m 3m", "markdown json", "bash zsh fish"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: the values %q are missing", shell, want)
			}
		}
		bank, err := content.LoadBank()
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range bank.Tags {
			if !strings.Contains(s, tag.ID) {
				t.Errorf("%s: the tag %q is missing", shell, tag.ID)
			}
		}
		if !strings.Contains(s, "completion "+shell+" >") {
			t.Errorf("%s: the script does not say how to install it", shell)
		}
	}
}

// TestHelpListsEveryFlag: the completions and the manual read a command's
// flags from its help, so the help must list every flag its setup declares,
// with a placeholder exactly when it takes a value; and every other flag
// it lists must be one Run takes for every command.
func TestHelpListsEveryFlag(t *testing.T) {
	for _, c := range commandTable() {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.setup(fs)
		_, helps := parseHelp(c.help)
		listed := map[string]helpFlagLine{}
		for _, h := range helps {
			listed[h.name] = h
		}
		fs.VisitAll(func(f *flag.Flag) {
			h, ok := listed[f.Name]
			switch {
			case !ok:
				t.Errorf("%s: its help does not list %s", c.name, dashed(f.Name))
			case isBool(f) != (h.arg == ""):
				t.Errorf("%s: its help lists %s with placeholder %q, but it is a switch: %v", c.name, dashed(f.Name), h.arg, isBool(f))
			}
		})
		for _, h := range helps {
			if fs.Lookup(h.name) != nil {
				continue
			}
			arg := dashed(h.name)
			if h.arg != "" {
				arg += "=" + map[string]string{"data-dir": t.TempDir(), "theme": "auto"}[h.name]
			}
			args := append(strings.Fields(c.name), arg, "--help")
			if r := run(t, t.TempDir(), piped, "", args...); r.code != 0 {
				t.Errorf("%s: its help lists %s, which Run does not take: %s", c.name, dashed(h.name), r.stderr)
			}
		}
	}
}

// TestSummaries: every command has a one-line description that fits a
// completion menu.
func TestSummaries(t *testing.T) {
	commandLine(loadBank()).walk(func(n *node) {
		if n.summary == "" || len(n.summary) > 60 || strings.Contains(n.summary, "\n") {
			t.Errorf("%q: summary %q", n.name, n.summary)
		}
		for _, f := range n.flags {
			if s := f.summary(); s == "" || len(s) > 90 {
				t.Errorf("%q %s: summary %q", n.name, dashed(f.name), s)
			}
		}
	})
}

func TestParseUsage(t *testing.T) {
	takes := func(name string) bool { return name == "format" || name == "o" }
	for _, tc := range []struct {
		rest    string
		choices map[string][]string
		arg     argSpec
	}{
		{" [ID…|--all] [--format markdown|json] [-o FILE] [--force]",
			map[string][]string{"format": {"markdown", "json"}}, argSpec{name: "ID", many: true}},
		{" ID [--json|--markdown]", map[string][]string{}, argSpec{name: "ID"}},
		{" [--json]", map[string][]string{}, argSpec{}},
		{" bash|zsh|fish", map[string][]string{},
			argSpec{name: "bash|zsh|fish", values: []choice{{word: "bash"}, {word: "zsh"}, {word: "fish"}}}},
		{"", map[string][]string{}, argSpec{}},
	} {
		choices, arg := parseUsage(tc.rest, takes)
		if len(choices) != len(tc.choices) || !slices.Equal(choices["format"], tc.choices["format"]) {
			t.Errorf("parseUsage(%q) choices = %v, want %v", tc.rest, choices, tc.choices)
		}
		if arg.name != tc.arg.name || arg.many != tc.arg.many || !slices.Equal(arg.values, tc.arg.values) {
			t.Errorf("parseUsage(%q) arg = %+v, want %+v", tc.rest, arg, tc.arg)
		}
	}
}

// TestBashCompletion sources the script in bash and completes as bash
// would: COMP_WORDS and COMP_CWORD set, _rebound called, COMPREPLY read.
// As bash splits "--theme=" at the "=", so do these lines.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "rebound.bash")
	if err := os.WriteFile(path, []byte(script(t, "bash")), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bash, "-n", path).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	files := t.TempDir()
	for _, d := range []string{"alpha", "another dir"} {
		if err := os.Mkdir(filepath.Join(files, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(files, "afile"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	bank, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, tag := range bank.Tags {
		tags = append(tags, tag.ID)
	}
	all := []string{"new", "practice", "list", "show", "export", "stats", "restore", "completion", "man"}

	for _, tc := range []struct {
		line string // the words, the last one at the cursor
		want []string
	}{
		{"rebound sh", []string{"show"}},
		{"rebound ", all},
		{"rebound --data-dir x ", all},
		{"rebound --theme ", []string{"dark", "light", "none", "auto"}},
		{"rebound --theme = ", []string{"dark", "light", "none", "auto"}},
		{"rebound --theme =", []string{"dark", "light", "none", "auto"}},
		{"rebound --theme = l", []string{"light"}},
		{"rebound -theme n", []string{"none"}},
		{"rebound --theme dark ", all},
		{"rebound practice --tag ", tags},
		{"rebound practice --tag b", []string{"behavioural"}},
		{"rebound practice --timer ", []string{"off", "90s", "2m", "3m"}},
		{"rebound practice ", []string{"list"}},
		{"rebound practice --timer 2m l", []string{"list"}},
		{"rebound practice list --", []string{"--json", "--theme", "--data-dir", "--help"}},
		{"rebound practice --", []string{"--tag", "--timer", "--data-dir", "--plain", "--theme", "--help"}},
		{"rebound new --", []string{"--data-dir", "--plain", "--theme", "--help"}},
		{"rebound --", []string{"--data-dir", "--plain", "--theme", "--version", "--help"}},
		{"rebound -", []string{"--data-dir", "--plain", "--theme", "--version", "-h", "--help"}},
		{"rebound export --f", []string{"--format", "--force"}},
		{"rebound export --format ", []string{"markdown", "json"}},
		{"rebound export 0123 --format j", []string{"json"}},
		{"rebound show --", []string{"--json", "--markdown", "--theme", "--data-dir", "--help"}},
		{"rebound show --theme l", []string{"light"}},
		{"rebound completion ", []string{"bash", "zsh", "fish"}},
		{"rebound completion z", []string{"zsh"}},
		{"rebound completion bash ", nil},
		{"rebound man ", nil},
		{"rebound show ", nil}, // session IDs are not completed
		{"rebound list ", nil},
		{"rebound nonsense ", nil},
		{"rebound -- ", all},
		{"rebound --data-dir " + files + "/a", []string{files + "/alpha", files + "/another dir"}},
		{"rebound list --data-dir " + files + "/an", []string{files + "/another dir"}},
		{"rebound export --all -o " + files + "/a", []string{files + "/afile", files + "/alpha", files + "/another dir"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			words := strings.Split(tc.line, " ")
			var quoted []string
			for _, w := range words {
				quoted = append(quoted, "'"+strings.ReplaceAll(w, "'", `'\''`)+"'")
			}
			prog := "source " + path + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
				"COMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_rebound\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if len(got) == 1 && got[0] == "" {
				got = nil
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("COMPREPLY = %q, want %q", got, want)
			}
		})
	}
}

// shellQuotesClose reports the first line of a script (zsh or fish, which
// cannot be run here) that ends inside a quoted string, as each shell reads
// quotes: in zsh nothing escapes inside single quotes; in fish \' and \\
// do. Every line of these scripts is complete by itself.
func shellQuotesClose(script string, fish bool) (int, bool) {
	for i, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		var quote rune
		escaped := false
		for _, r := range line {
			switch {
			case escaped:
				escaped = false
			case quote == 0 && r == '#':
				// a comment only at the start of a word; none mid-line here
			case quote == 0 && r == '\\':
				escaped = true
			case quote == 0 && (r == '\'' || r == '"'):
				quote = r
			case quote == '"' && r == '\\':
				escaped = true
			case quote == '\'' && fish && r == '\\':
				escaped = true
			case r == quote:
				quote = 0
			}
		}
		if quote != 0 || escaped && !strings.HasSuffix(line, " \\") {
			return i + 1, false
		}
	}
	return 0, true
}

// TestZshAndFishText checks the two scripts as text: zsh and fish are not
// installed where the tests run, so they are not run. The quotes of every
// line close; each command has its function (zsh) or its condition (fish);
// values and descriptions are where the shell expects them.
func TestZshAndFishText(t *testing.T) {
	root := commandLine(loadBank())
	zsh, fish := script(t, "zsh"), script(t, "fish")
	if line, ok := shellQuotesClose(zsh, false); !ok {
		t.Errorf("zsh: line %d ends inside quotes: %q", line, strings.Split(zsh, "\n")[line-1])
	}
	if line, ok := shellQuotesClose(fish, true); !ok {
		t.Errorf("fish: line %d ends inside quotes: %q", line, strings.Split(fish, "\n")[line-1])
	}
	if !strings.HasPrefix(zsh, "#compdef rebound\n") {
		t.Error("zsh: the script does not start with #compdef rebound")
	}
	for _, want := range []string{
		`'--theme=[dark, light, none or auto]:theme:(dark light none auto)'`,
		`'--data-dir=[where sessions are kept]:directory:_files -/'`,
		`'-o=[write to FILE instead of stdout]:file:_files'`,
		`'(- *)'{-h,--help}'[show the help]'`,
		`'1:bash, zsh or fish:(bash zsh fish)'`,
		`'*:ID: '`,
		`(list) _rebound_practice_list && ret=0 ;;`,
		`'list:Lists every round of practice, newest first'`,
		"compdef _rebound rebound",
	} {
		if !strings.Contains(zsh, want) {
			t.Errorf("zsh: no %s", want)
		}
	}
	for _, want := range []string{
		`complete -c rebound -f`,
		`complete -c rebound -n '__rebound_at "" 0' -a practice -d 'Practise interview questions'`,
		`complete -c rebound -n '__rebound_at "practice" 0' -a list -d`,
		`complete -c rebound -n '__rebound_at "practice"' -l timer -d 'each round\'s countdown' -x -a 'off 90s 2m 3m'`,
		`complete -c rebound -n '__rebound_at "export"' -s o -d 'write to FILE instead of stdout' -r -F`,
		`complete -c rebound -n '__rebound_at "completion" 0' -a 'bash zsh fish'`,
		`-l data-dir -d 'where sessions are kept' -x -a '(__fish_complete_directories)'`,
		`(printf "%s\\t%s\\n" "motivation" "Motivation"`,
	} {
		if !strings.Contains(fish, want) {
			t.Errorf("fish: no %s", want)
		}
	}
	root.walk(func(n *node) {
		if !strings.Contains(zsh, "\n"+zshFunc(n.name)+"() {\n") {
			t.Errorf("zsh: no function for %q", n.name)
		}
		if !strings.Contains(fish, `-n '__rebound_at "`+n.name+`"'`) {
			t.Errorf("fish: no flags for %q", n.name)
		}
	})
}
