package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/filter"
	"github.com/nldump/nldump/tui"
)

// runTUI shows the capture in the terminal interface (--tui).
func runTUI(opts *options, stderr io.Writer) int {
	if opts.read == capture.Stdin {
		fmt.Fprintln(stderr, "nldump: --tui reads the keyboard from the terminal; give a capture file with -r FILE, not standard input")
		return exitUsage
	}
	src, err := capture.Open(opts.read)
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	defer src.Close()
	o := tui.Options{
		Name:    opts.read,
		Order:   opts.order,
		Prepare: func(s *decode.Session) error { return prepareSession(opts, s) },
		NoColor: os.Getenv("NO_COLOR") != "",
		Compile: compileTUIFilter,
	}
	if err := tui.Run(src, o); err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	return exitOK
}

// compileTUIFilter compiles a display filter for the filter bar, saying where it
// goes wrong.
func compileTUIFilter(expr string) (tui.Filter, error) {
	f, err := filter.Compile(expr)
	if err != nil {
		var fe *filter.Error
		if errors.As(err, &fe) {
			return nil, &tui.FilterError{Col: fe.Col, Msg: fe.Msg}
		}
		return nil, err
	}
	return f, nil
}
