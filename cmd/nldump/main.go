// Command nldump decodes Linux netlink traffic captured on an nlmon interface.
//
// It reads pcap and pcapng files (tcpdump -i nlmon0 -w FILE), decodes every message
// down to every attribute, and prints one-line summaries, a verbose field tree, hex
// with field offsets, or JSON.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
	_ "github.com/nldump/nldump/decode/all"
)

// Exit statuses scripts can rely on.
const (
	exitOK    = 0 // all went well
	exitInput = 1 // unreadable or damaged input
	exitUsage = 2 // bad flags or arguments
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it parses args, runs, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, errHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		fmt.Fprintln(stderr, "Run 'nldump --help' for usage.")
		return exitUsage
	}
	if opts.fields {
		w := bufio.NewWriter(stdout)
		printFields(w)
		w.Flush()
		return exitOK
	}
	if opts.tui {
		return runTUI(opts, stderr)
	}
	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "nldump: --cpuprofile: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if opts.live.iface != "" {
		return runLive(opts, stdout, stderr)
	}
	return readFile(opts, stdin, stdout, stderr)
}

// readFile decodes the capture named by opts.read and prints it.
func readFile(opts *options, stdin io.Reader, stdout, stderr io.Writer) int {
	var src capture.Source
	var err error
	if opts.read == capture.Stdin {
		src, err = capture.NewReader(stdin, "standard input")
	} else {
		src, err = capture.Open(opts.read)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}
	defer src.Close()
	if len(opts.live.protos) > 0 {
		src = keepProtocols(src, opts.live.protos)
	}
	return decodeSource(opts, src, stdout, stderr, nil)
}

// decodeSource decodes the frames of src and prints them, writes them (-w), or
// both; lv is the live capture's running display, nil for a file.
func decodeSource(opts *options, src capture.Source, stdout, stderr io.Writer, lv *liveRun) int {
	dec := decode.NewDecoder()
	dec.Order = opts.order
	dec.Reuse = true
	if err := prepareSession(opts, dec.Session); err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}

	x, err := newExtRun(opts, dec)
	if err != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", err)
		return exitInput
	}

	var sink *frameSink
	if opts.live.write != "" {
		if sink, err = openSink(opts, stdout); err != nil {
			fmt.Fprintf(stderr, "nldump: %v\n", err)
			return exitInput
		}
	}
	lv.start(src, sink)

	out := bufio.NewWriterSize(stdout, 256<<10)
	p := newPrinter(opts, out)
	// Decoding and printing run as a pipeline on two goroutines: the decoding
	// side reads, decodes, filters, pairs and computes summaries (everything that
	// reads or writes the session), the printing side formats the messages of the
	// previous frame meanwhile. Two decoders take turns so that a frame's field
	// memory is not reused while its messages are being printed.
	dec2 := decode.NewDecoder()
	dec2.Order, dec2.Reuse, dec2.Session, dec2.Registry = dec.Order, true, dec.Session, dec.Registry
	decs := [2]*decode.Decoder{dec, dec2}
	free := make(chan int, 2)
	free <- 0
	free <- 1
	batches := make(chan frameBatch, 1)
	var readErr error
	st := runStats{}
	go func() {
		defer close(batches)
		var bufs [2][]decode.Message
		var kept [2][]decode.Message
		var sums [2][]string
		mapMessages := 0
		for {
			fr, err := src.Next()
			if err == io.EOF {
				return
			}
			if err != nil && fr.Data == nil {
				readErr = err
				return
			}
			slot := <-free
			bufs[slot] = decs[slot].DecodeFrame(&fr, bufs[slot])
			msgs := bufs[slot]
			owner.AttachProcess(msgs) // the frame's process, from a live capture
			isMap := genlmap.IsMapFrame(&fr)
			kept[slot], sums[slot] = kept[slot][:0], sums[slot][:0]
			st.frames++
			done := false
			for i := range msgs {
				m := &msgs[i]
				st.messages++
				if isMap {
					mapMessages++ // not traffic: -c does not count them
				}
				if m.Malformed {
					st.malformed++
				}
				if x.keep(m) {
					kept[slot] = append(kept[slot], *m)
					sum := ""
					if !opts.quiet {
						sum = m.Summary()
					}
					sums[slot] = append(sums[slot], sum)
				}
				if opts.count > 0 && st.messages-mapMessages >= opts.count {
					done = true
					break
				}
			}
			if sink != nil && (x.o.flt == nil || len(kept[slot]) > 0 || isMap) {
				sink.frame(&fr, len(msgs))
			}
			batches <- frameBatch{slot: slot, msgs: kept[slot], sums: sums[slot], inFrame: len(msgs)}
			if err != nil {
				readErr = err
				return
			}
			if done {
				return
			}
		}
	}()
	for b := range batches {
		for i := range b.msgs {
			p.message(&b.msgs[i], b.inFrame, b.sums[i])
		}
		if opts.lineBuffered {
			p.flush()
			out.Flush()
		}
		free <- b.slot
	}
	p.flush()
	x.finish(out, opts)
	if ferr := out.Flush(); ferr != nil && !isBrokenPipe(ferr) {
		fmt.Fprintf(stderr, "nldump: writing output: %v\n", ferr)
		return exitInput
	}
	lv.stop()
	cs := src.Stats()
	st.extra = x.summaryNote()
	if sink != nil {
		if err := sink.finish(); err != nil {
			fmt.Fprintf(stderr, "nldump: %v\n", err)
			return exitInput
		}
		st.extra = strings.TrimPrefix(st.extra+", "+sink.note(), ", ")
	}
	if !opts.noSummary {
		st.print(stderr, cs)
	}
	if readErr != nil {
		fmt.Fprintf(stderr, "nldump: %v\n", readErr)
		return exitInput
	}
	return exitOK
}

// frameBatch is the part of one frame the printer prints: the messages that
// passed the filter, their summaries, the number of messages in the frame, and
// the decoder slot to give back when they are printed.
type frameBatch struct {
	slot    int
	msgs    []decode.Message
	sums    []string
	inFrame int
}

// runStats counts what the run decoded, for the end summary.
type runStats struct {
	frames, messages, malformed int
	extra                       string // added by the -Y filter: how many matched
}

// print writes the end summary, like tcpdump's "N packets captured".
func (s runStats) print(w io.Writer, cs capture.Stats) {
	fmt.Fprintf(w, "%s, %s", plural(s.frames, "frame"), plural(s.messages, "message"))
	if s.malformed > 0 {
		fmt.Fprintf(w, ", %d malformed", s.malformed)
	}
	if cs.Truncated > 0 {
		fmt.Fprintf(w, ", %s truncated", plural(cs.Truncated, "frame"))
	}
	if n := cs.SkippedTotal(); n > 0 {
		fmt.Fprintf(w, ", %s skipped", plural(n, "non-netlink record"))
	}
	if cs.Malformed > 0 {
		fmt.Fprintf(w, ", %d records too short for their pseudo-header", cs.Malformed)
	}
	if cs.Live {
		fmt.Fprintf(w, ", %s dropped by kernel", plural(cs.Dropped, "frame"))
	}
	if cs.CutOff() {
		fmt.Fprint(w, ", file cut off mid-record")
	}
	if s.extra != "" {
		fmt.Fprint(w, ", ", s.extra)
	}
	fmt.Fprintln(w)
}

// plural returns "1 frame", "2 frames".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func isBrokenPipe(err error) bool {
	return errors.Is(err, os.ErrClosed) || errors.Is(err, errBrokenPipe)
}
