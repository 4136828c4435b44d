package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/filter"
	"github.com/nldump/nldump/tui"
)

// runTUI shows the capture in the terminal interface (--tui): a file (-r), or
// a live capture (-i) that grows while it is shown.
func runTUI(opts *options, stderr io.Writer) int {
	o := tui.Options{
		Name:    opts.read,
		Order:   opts.order,
		Prepare: func(s *decode.Session) error { return prepareSession(opts, s) },
		NoColor: os.Getenv("NO_COLOR") != "",
		Mouse:   opts.mouse,
		Compile: compileTUIFilter,
	}
	if opts.live.iface != "" {
		return runTUILive(opts, o, stderr)
	}
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
	if err := tui.Run(src, o); err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	return exitOK
}

// runTUILive shows a live capture: quitting, SIGTERM or SIGHUP end it and
// remove the interface nldump created for -i auto.
func runTUILive(opts *options, o tui.Options, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	in, err := openLive(opts, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	defer in.close(stderr)
	o.Name = in.name
	lo := *opts
	lo.read = capture.Stdin // a live capture cannot be read ahead for family names
	o.Prepare = func(s *decode.Session) error { return prepareSession(&lo, s) }
	err = tui.RunContext(ctx, in.src, o)
	in.live.Stop() // the loader may wait in a read: end it
	if note := in.extras.close(); note != "" && !opts.noSummary {
		fmt.Fprintf(stderr, "nldump: %s\n", note)
	}
	if err != nil {
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
