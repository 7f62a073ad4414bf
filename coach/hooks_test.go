package coach

import "time"

// SetClock sets the time the store goes by, for tests outside the package:
// an index built with the clock an hour ahead trusts files written just now
// as it would files written an hour ago.
func SetClock(s *Store, now func() time.Time) { s.clock = now }
