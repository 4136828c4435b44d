package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/nldump/nldump/capture"
)

// frameSink writes the frames of a run to the -w file: pcap, or pcapng when the
// name ends in .pcapng; "-" is standard output. It runs on the decoding goroutine;
// its counters may be read from any goroutine (the running count).
type frameSink struct {
	name     string
	file     *os.File // nil for standard output
	w        *capture.Writer
	flushAll bool // -l: flush after every frame
	err      error

	frames   atomic.Int64 // frames written
	messages atomic.Int64 // messages in them
}

// openSink creates the -w file and writes its header.
func openSink(opts *options, stdout io.Writer) (*frameSink, error) {
	s := &frameSink{name: opts.live.write, flushAll: opts.lineBuffered}
	out := stdout
	if s.name != "-" {
		f, err := os.Create(s.name)
		if err != nil {
			return nil, fmt.Errorf("-w: %v", err)
		}
		s.file, out = f, f
	}
	var err error
	if strings.HasSuffix(strings.ToLower(s.name), ".pcapng") {
		s.w, err = capture.NewPcapngWriter(out)
	} else {
		s.w, err = capture.NewWriter(out)
	}
	if err != nil {
		s.close()
		return nil, fmt.Errorf("-w %s: %v", s.name, err)
	}
	return s, nil
}

// frame writes fr, which holds messages netlink messages. After a write error it
// writes nothing more; finish reports the error.
func (s *frameSink) frame(fr *capture.Frame, messages int) {
	if s.err != nil {
		return
	}
	if s.err = s.w.WriteFrame(fr); s.err == nil && s.flushAll {
		s.err = s.w.Flush()
	}
	s.frames.Add(1)
	s.messages.Add(int64(messages))
}

// finish flushes and closes the file; it returns the first error of the run.
func (s *frameSink) finish() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if err := s.close(); s.err == nil {
		s.err = err
	}
	if s.err != nil {
		return fmt.Errorf("-w %s: %v", s.name, s.err)
	}
	return nil
}

func (s *frameSink) close() error {
	if s.file == nil {
		return nil
	}
	return s.file.Close()
}

// note is added to the end summary: "12 frames written to x.pcap".
func (s *frameSink) note() string {
	where := s.name
	if where == "-" {
		where = "standard output"
	}
	return plural(int(s.frames.Load()), "frame") + " written to " + where
}
