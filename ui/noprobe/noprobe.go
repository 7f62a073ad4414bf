// Package noprobe keeps the colour detection that runs while the program
// starts from reaching outside the process. Lip Gloss sets up its Writer in
// its package's init, and that detection looks the user up (through the C
// library, which asks the name service over a socket) to find a terminfo
// file, and runs `tmux info` inside tmux. NO_COLOR makes it stop at the
// environment, so this package sets NO_COLOR for the length of the
// packages' init and main puts it back with Restore.
//
// It works because Go initialises packages in the order of their import
// paths wherever their imports allow: this one needs only os, and its path
// sorts before github.com/xo/terminfo, which Lip Gloss's chain waits on.
// The e2e test TestE2ENoSocket watches the real process and fails if the
// order ever changes.
package noprobe

import "os"

var saved, had = os.LookupEnv("NO_COLOR")

func init() {
	os.Setenv("NO_COLOR", "1")
}

// Restore puts NO_COLOR back as the process was given it. main calls it
// from its own init, which runs after every other package's.
func Restore() {
	if had {
		os.Setenv("NO_COLOR", saved)
	} else {
		os.Unsetenv("NO_COLOR")
	}
}
