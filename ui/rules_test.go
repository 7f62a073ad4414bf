package ui

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/rebound-coach/rebound"

// TestRoomsAndRules checks who may import whom, from what the go command
// says each package depends on:
//   - ui (the screens and the root model) is imported by main alone;
//   - the command line and plain mode reach no screen;
//   - theme, keys, markdown and the widgets reach no screen, nor the
//     command line or plain mode: they are the rooms every screen shares;
//   - a widget imports no other widget but the editor (the long-answer
//     field is one).
func TestRoomsAndRules(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	deps := listDeps(t)
	screens := module + "/ui"
	shared := []string{"/ui/theme", "/ui/keys", "/ui/markdown", "/ui/widgets/"}
	for pkg, ds := range deps {
		rel := strings.TrimPrefix(pkg, module)
		for _, d := range ds {
			switch {
			case d == screens && pkg != module:
				t.Errorf("%s depends on the screens (ui); only main may", rel)
			case (rel == "/ui/cli" || rel == "/ui/plain") && strings.HasPrefix(d, screens+"/pages"):
				t.Errorf("%s depends on the page %s", rel, d)
			}
		}
		if !hasAnyPrefix(rel, shared) {
			continue
		}
		for _, d := range ds {
			drel, ok := strings.CutPrefix(d, module)
			if !ok || d == pkg {
				continue
			}
			if !hasAnyPrefix(drel, shared) && drel != "/coach" && drel != "/content" && !strings.HasSuffix(drel, "test") {
				t.Errorf("%s, shared by the screens, depends on %s", rel, drel)
			}
			if strings.HasPrefix(rel, "/ui/widgets/") && strings.HasPrefix(drel, "/ui/widgets/") &&
				!(rel == "/ui/widgets/field" && drel == "/ui/widgets/editor") {
				t.Errorf("the widget %s depends on the widget %s", rel, drel)
			}
		}
	}
	if len(deps[module+"/ui/cli"]) == 0 || len(deps[module+"/ui/widgets/field"]) == 0 {
		t.Fatalf("go list gave no dependencies for ui/cli or ui/widgets/field: the check saw nothing (%d packages)", len(deps))
	}
}

// listDeps is every package of the module with its dependencies (not test
// dependencies) inside the module.
func listDeps(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, d := range f[1:] {
			if strings.HasPrefix(d, module) {
				deps[f[0]] = append(deps[f[0]], d)
			}
		}
	}
	return deps
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
