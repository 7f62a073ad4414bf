//go:build !unix

package coach

// TrustWarning is "" where there are no Unix owners and modes to check.
func TrustWarning(dir string) string { return "" }
