package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/rebound-coach/rebound"

// TestRoomsAndRules checks who may import whom, from what the go command
// says each package depends on:
//   - ui/app, the root model, is imported by main alone;
//   - a page (ui/pages/<screen>) is imported by the root alone, and imports
//     neither the root nor another page;
//   - ui/common, what the pages share, reaches no page and not the root;
//   - the command line and plain mode reach no page, nor the root;
//   - theme, keys, markdown and the widgets reach no page, nor the root,
//     common, the command line or plain mode: they are the rooms every
//     screen shares;
//   - a widget imports no other widget but the editor (the long-answer
//     field is one).
func TestRoomsAndRules(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	imports, deps := listDeps(t, "Imports"), listDeps(t, "Deps")
	for pkg := range deps {
		rel := strings.TrimPrefix(pkg, module)
		for _, d := range deps[pkg] {
			drel, _ := strings.CutPrefix(d, module)
			direct := slices.Contains(imports[pkg], d)
			if why := forbidden(rel, drel, direct); why != "" && d != pkg {
				t.Errorf("%s depends on %s: %s", rel, drel, why)
			}
		}
	}
	for _, pkg := range []string{"/ui/cli", "/ui/widgets/field", "/ui/app", "/ui/pages/session"} {
		if len(deps[module+pkg]) == 0 {
			t.Fatalf("go list gave no dependencies for %s: the check saw nothing (%d packages)", pkg, len(deps))
		}
	}
}

// forbidden says why the package rel may not depend on drel (both relative
// to the module), or "" when it may; direct is whether rel imports drel
// itself rather than through another package.
func forbidden(rel, drel string, direct bool) string {
	const pages = "/ui/pages/"
	shared := []string{"/ui/theme", "/ui/keys", "/ui/markdown", "/ui/widgets/"}
	switch {
	case drel == "/ui/app" && direct && rel != "":
		return "only main imports the root model"
	case strings.HasPrefix(drel, pages) && direct && rel != "/ui/app":
		return "only the root imports a page"
	case (strings.HasPrefix(rel, pages) || rel == "/ui/common" || rel == "/ui/cli" || rel == "/ui/plain") &&
		(strings.HasPrefix(drel, pages) || drel == "/ui/app"):
		return "a page, common, the command line and plain mode reach no page and not the root"
	case hasAnyPrefix(rel, shared) && !hasAnyPrefix(drel, shared) && drel != "/coach" && drel != "/content" &&
		!strings.HasSuffix(drel, "test"):
		return "a room every screen shares depends only on other such rooms, coach and content"
	case strings.HasPrefix(rel, "/ui/widgets/") && strings.HasPrefix(drel, "/ui/widgets/") &&
		!(rel == "/ui/widgets/field" && drel == "/ui/widgets/editor"):
		return "a widget imports no other widget"
	}
	return ""
}

// TestRulesSeeBadImports feeds the rules the imports they exist to refuse,
// and one of each kind they allow: a rule that refuses nothing is no rule.
func TestRulesSeeBadImports(t *testing.T) {
	for _, c := range []struct {
		from, to string
		direct   bool
		bad      bool
	}{
		{"", "/ui/app", true, false},
		{"/ui/app", "/ui/pages/flow", true, false},
		{"/ui/pages/flow", "/ui/common", true, false},
		{"/ui/pages/flow", "/ui/widgets/field", true, false},
		{"/ui/widgets/field", "/ui/widgets/editor", true, false},
		{"/ui/cli", "/ui/plain", true, false},
		{"/ui/pages/flow", "/ui/pages/session", true, true},
		{"/ui/pages/round", "/ui/app", true, true},
		{"/ui/common", "/ui/pages/home", true, true},
		{"/ui/cli", "/ui/pages/history", true, true},
		{"/ui/plain", "/ui/app", true, true},
		{"/ui/theme", "/ui/common", true, true},
		{"/ui/widgets/chart", "/ui/widgets/editor", true, true},
		{"/ui/markdown", "/ui/pages/summary", true, true},
		{"", "/ui/pages/flow", false, false}, // main reaches the pages through the root
		{"/ui/cli", "/ui/pages/history", false, true},
		{"/ui/pages/flow", "/ui/pages/session", false, true},
	} {
		if got := forbidden(c.from, c.to, c.direct) != ""; got != c.bad {
			t.Errorf("%q importing %q: forbidden %v, want %v", c.from, c.to, got, c.bad)
		}
	}
}

// listDeps is every package of the module with its imports or all its
// dependencies (field is "Imports" or "Deps"; not test dependencies) inside
// the module.
func listDeps(t *testing.T, field string) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}}{{range .`+field+`}} {{.}}{{end}}`, module+"/...").Output()
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

// TestHelpComesFromKeys: only ui/keys writes what a key does; a screen or
// a widget shows the bindings it is handed, never help of its own (which
// could name keys the binding does not have: see keys.TestHelpNamesItsKeys).
func TestHelpComesFromKeys(t *testing.T) {
	var seen int
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		seen++
		if filepath.ToSlash(filepath.Dir(path)) == "../../ui/keys" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "WithHelp" || sel.Sel.Name == "SetHelp") {
				t.Errorf("%s writes help of its own (%s): name it in ui/keys", path, sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("only %d Go files seen: the walk missed the module", seen)
	}
}

// TestPagesOnlyReadTheContext: no page assigns to anything reached through
// its context (the field every page calls deps): the root keeps it.
func TestPagesOnlyReadTheContext(t *testing.T) {
	files, _ := filepath.Glob("../pages/*/*.go")
	if len(files) < 20 {
		t.Fatalf("only %d page files found", len(files))
	}
	throughDeps := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "deps" {
				found = true
			}
			return !found
		})
		return found
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			}
			for _, e := range lhs {
				if _, isSel := e.(*ast.SelectorExpr); isSel && throughDeps(e) {
					t.Errorf("%s: a page writes its context", fset.Position(e.Pos()))
				}
				if ix, isIndex := e.(*ast.IndexExpr); isIndex && throughDeps(ix.X) {
					t.Errorf("%s: a page writes its context", fset.Position(e.Pos()))
				}
			}
			return true
		})
	}
}
