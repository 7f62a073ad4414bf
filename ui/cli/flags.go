package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rebound-coach/rebound/coach"
)

// dataDirFlag is --data-dir: a string that knows whether it was given, so
// that --data-dir "" is refused instead of meaning the default.
type dataDirFlag struct {
	value string
	given bool
}

func (f *dataDirFlag) String() string { return f.value }
func (f *dataDirFlag) Type() string   { return "string" }

func (f *dataDirFlag) Set(v string) error {
	f.value, f.given = v, true
	return nil
}

// check is the usage error for a --data-dir given empty; nil otherwise.
func (f *dataDirFlag) check(cmd *cobra.Command) error {
	if f.given && f.value == "" {
		return usageErr(cmd, "--data-dir needs a directory: give a path, or leave the flag out for the default")
	}
	return nil
}

// timerFlag is --timer: a round's countdown, checked as it is read.
type timerFlag struct {
	d   time.Duration // 0: the default; negative: off
	set string
}

func (f *timerFlag) String() string { return f.set }
func (f *timerFlag) Type() string   { return "duration" }

func (f *timerFlag) Set(v string) error {
	d, err := parseTimer(v)
	if err != nil {
		return err
	}
	f.d, f.set = d, v
	return nil
}

// parseTimer reads a round's countdown: a Go duration such as 90s or 2m, or
// "off".
func parseTimer(s string) (time.Duration, error) {
	if s == "off" || s == "0" {
		return -1, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 10*time.Second || d > time.Hour {
		return 0, timerError(fmt.Sprintf("--timer %q: give a duration from 10s to 1h, such as 90s or 2m, or off", s))
	}
	return d.Round(time.Second), nil
}

// timerError is a --timer that cannot be read; it says so in full.
type timerError string

func (e timerError) Error() string { return string(e) }

// flagError is what pflag could not parse, as a usage error of cmd in the
// words of the help. It repeats the flag as typed, which could be
// anything: it is shown inert.
func flagError(cmd *cobra.Command, err error) error {
	msg := coach.Inert(flagMessage(cmd, err))
	if msg == practiceOnly {
		return &usageError{cmd: "rebound practice", msg: msg}
	}
	return usageErr(cmd, msg)
}

// practiceOnly is the error for --tag or --timer given to another command.
const practiceOnly = "--tag and --timer go with 'rebound practice'"

func flagMessage(cmd *cobra.Command, err error) string {
	if e, ok := errors.AsType[*pflag.NotExistError](err); ok {
		return unknownFlag(cmd, e)
	}
	if e, ok := errors.AsType[*pflag.ValueRequiredError](err); ok {
		if e.GetSpecifiedShortnames() != "" {
			return "-" + e.GetSpecifiedName() + " needs a value"
		}
		return "--" + e.GetSpecifiedName() + " needs a value"
	}
	if e, ok := errors.AsType[timerError](err); ok {
		return string(e)
	}
	if e, ok := errors.AsType[*pflag.InvalidValueError](err); ok {
		if e.GetFlag().Value.Type() == "bool" {
			return fmt.Sprintf("--%s takes no value, or true or false: not %q", e.GetFlag().Name, e.GetValue())
		}
		return fmt.Sprintf("--%s %q: %v", e.GetFlag().Name, e.GetValue(), errors.Unwrap(err))
	}
	return err.Error()
}

// unknownFlag says which flag was not known: a flag of practice given to
// another command, a long flag typed with one dash (-json, which Go's own
// flag package, rebound's before, took), or one that does not exist.
func unknownFlag(cmd *cobra.Command, e *pflag.NotExistError) string {
	name, short := e.GetSpecifiedName(), e.GetSpecifiedShortnames()
	if short != "" {
		long, _, _ := strings.Cut(short, "=")
		if cmd.Flags().Lookup(long) != nil {
			return fmt.Sprintf("unknown flag -%s: a flag of more than one letter takes two dashes, --%s", long, long)
		}
		return "unknown flag -" + name
	}
	if (name == "tag" || name == "timer") && cmd.Name() != "practice" {
		return practiceOnly
	}
	return "unknown flag --" + name
}
