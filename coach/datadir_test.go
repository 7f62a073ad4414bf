package coach

import (
	"errors"
	"strings"
	"testing"
)

func TestDataDir(t *testing.T) {
	homeAt := func(h string) func() (string, error) {
		return func() (string, error) { return h, nil }
	}
	noHome := func() (string, error) { return "", errors.New("$HOME is not defined") }

	tests := []struct {
		name    string
		flag    string
		env     map[string]string
		goos    string
		home    func() (string, error)
		want    string
		wantErr string
	}{
		{name: "flag wins over everything", flag: "/srv/rb", goos: "linux", home: noHome,
			env:  map[string]string{"REBOUND_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "LocalAppData": `C:\x`},
			want: "/srv/rb"},
		{name: "relative flag kept as given", flag: "data", goos: "linux", home: homeAt("/home/al"), want: "data"},
		{name: "REBOUND_DATA_DIR over XDG", goos: "linux", home: homeAt("/home/al"),
			env:  map[string]string{"REBOUND_DATA_DIR": "/env/rb", "XDG_DATA_HOME": "/xdg"},
			want: "/env/rb"},
		{name: "XDG_DATA_HOME", goos: "linux", home: homeAt("/home/al"),
			env: map[string]string{"XDG_DATA_HOME": "/xdg/"}, want: "/xdg/rebound"},
		{name: "XDG_DATA_HOME on darwin too", goos: "darwin", home: homeAt("/Users/al"),
			env: map[string]string{"XDG_DATA_HOME": "/Users/al/.data"}, want: "/Users/al/.data/rebound"},
		{name: "relative XDG_DATA_HOME ignored", goos: "linux", home: homeAt("/home/al"),
			env: map[string]string{"XDG_DATA_HOME": "xdg"}, want: "/home/al/.local/share/rebound"},
		{name: "linux", goos: "linux", home: homeAt("/home/al"), want: "/home/al/.local/share/rebound"},
		{name: "freebsd", goos: "freebsd", home: homeAt("/home/al/"), want: "/home/al/.local/share/rebound"},
		{name: "root home", goos: "linux", home: homeAt("/"), want: "/.local/share/rebound"},
		{name: "darwin", goos: "darwin", home: homeAt("/Users/al"), want: "/Users/al/Library/Application Support/rebound"},
		{name: "windows LocalAppData", goos: "windows", home: noHome,
			env: map[string]string{"LocalAppData": `C:\Users\al\AppData\Local`}, want: `C:\Users\al\AppData\Local\rebound`},
		{name: "windows XDG_DATA_HOME", goos: "windows", home: noHome,
			env: map[string]string{"XDG_DATA_HOME": `D:\data`, "LocalAppData": `C:\x`}, want: `D:\data\rebound`},
		{name: "windows without LocalAppData", goos: "windows", home: homeAt(`C:\Users\al`),
			want: `C:\Users\al\AppData\Local\rebound`},
		{name: "LocalAppData only counts on windows", goos: "linux", home: homeAt("/home/al"),
			env: map[string]string{"LocalAppData": `C:\x`}, want: "/home/al/.local/share/rebound"},
		{name: "no home", goos: "linux", home: noHome,
			wantErr: "no home directory was found ($HOME is not defined); pass --data-dir or set REBOUND_DATA_DIR"},
		{name: "empty home", goos: "darwin", home: homeAt(""),
			wantErr: "pass --data-dir or set REBOUND_DATA_DIR"},
		{name: "windows with nothing", goos: "windows", home: noHome,
			wantErr: "pass --data-dir or set REBOUND_DATA_DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			got, err := DataDir(tt.flag, getenv, tt.goos, tt.home)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("DataDir = %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				if msg := err.Error(); strings.Contains(msg, "\n") || strings.Count(msg, ". ") > 0 {
					t.Errorf("error %q is not one sentence", msg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("DataDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
