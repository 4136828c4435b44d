package main

import (
	"fmt"
	"io"
	"os"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
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
	}
	if err := tui.Run(src, o); err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	return exitOK
}
