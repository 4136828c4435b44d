package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/nldump/nldump/capture"
)

// Live capture (-i):
//
//	-i auto: CreateNlmon ──▶ nlmonN up ─┐                 ┌─▶ print (as -r does)
//	-i NAME: existing interface ────────┴▶ OpenLive ──▶ decodeSource
//	                                          ▲           └─▶ -w FILE + running count
//	SIGINT/SIGTERM/SIGHUP ──▶ Stop (drain) ───┘
//	exit (end, -c, signal, error) ──▶ Delete nlmonN (only the one nldump created)

// countEvery is how often the running count (-w on a terminal) and the drop
// warnings (printing live) are refreshed.
const countEvery = 250 * time.Millisecond

// runLive captures from the -i interface, creating one for -i auto, until -c is
// reached or a signal arrives, and decodes the frames as a file's.
func runLive(opts *options, stdout, stderr io.Writer) int {
	// Signals first: one arriving while the interface is made must still lead to
	// its removal.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	defer signal.Stop(sigs)

	in, err := openLive(opts, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	defer in.close(stderr)
	src := in.live

	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-sigs:
				if sig != syscall.SIGPIPE {
					src.Stop()
				}
			case <-done:
				return
			}
		}
	}()

	fmt.Fprintf(stderr, "nldump: %s\n", in.describe(opts.live.bufferKiB))

	// A live capture, like standard input, cannot be read ahead (for genl
	// family names or pairing): decode it as it comes.
	lo := *opts
	lo.read = capture.Stdin
	lv := &liveRun{stderr: stderr, tty: isTerminal(stderr)}
	out := &stopOnError{w: stdout, stop: src.Stop}
	rc := decodeSource(&lo, in.src, out, stderr, lv)
	if note := in.extras.close(); note != "" && !opts.noSummary {
		fmt.Fprintf(stderr, "nldump: %s\n", note)
	}
	return rc
}

// liveRun shows, while a live capture runs, the running count when writing (-w,
// on a terminal: "Got 1234 frames, 5678 messages (0 dropped)", updated in place),
// and a warning on standard error when the kernel drops frames. Its methods do
// nothing on a nil *liveRun (a file).
type liveRun struct {
	stderr io.Writer
	tty    bool
	quit   chan struct{}
	wg     sync.WaitGroup
	shown  bool // a count line is on the terminal
}

// start begins the display for src; sink is the -w writer or nil.
func (lv *liveRun) start(src capture.Source, sink *frameSink) {
	if lv == nil {
		return
	}
	lv.quit = make(chan struct{})
	lv.wg.Add(1)
	go func() {
		defer lv.wg.Done()
		t := time.NewTicker(countEvery)
		defer t.Stop()
		warned := 0
		for {
			select {
			case <-lv.quit:
				if sink != nil && lv.tty {
					lv.count(src, sink)
				}
				return
			case <-t.C:
			}
			switch {
			case sink != nil && lv.tty:
				lv.count(src, sink)
			case sink == nil:
				if d := src.Stats().Dropped; d > warned {
					fmt.Fprintf(lv.stderr, "nldump: the kernel dropped %d frames so far: the socket buffer was full (raise -B, or write with -w and read the file later)\n", d)
					warned = d
				}
			}
		}
	}()
}

// count writes the running count over the previous one.
func (lv *liveRun) count(src capture.Source, sink *frameSink) {
	fmt.Fprintf(lv.stderr, "\rGot %d frames, %d messages (%d dropped)", sink.frames.Load(), sink.messages.Load(), src.Stats().Dropped)
	lv.shown = true
}

// stop ends the display; the end summary follows on a line of its own.
func (lv *liveRun) stop() {
	if lv == nil {
		return
	}
	close(lv.quit)
	lv.wg.Wait()
	if lv.shown {
		fmt.Fprintln(lv.stderr)
	}
}

// stopOnError passes writes through; the first failed write (a closed pipe:
// nldump -i auto | head) stops the capture, so that nldump ends and removes its
// interface instead of capturing for nobody.
type stopOnError struct {
	w    io.Writer
	stop func()
}

func (s *stopOnError) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil {
		s.stop()
	}
	return n, err
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
