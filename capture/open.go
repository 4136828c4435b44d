package capture

import (
	"compress/gzip"
	"errors"
	"io"
	"os"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// Stdin is the path that makes Open read standard input.
const Stdin = "-"

// Open opens the capture file at path ("-" for standard input) and returns a Source of
// its netlink frames. The format is recognised by content, not by name: pcap (either
// byte order, micro- or nanosecond timestamps) or pcapng, optionally gzip-compressed.
// The file is read as a stream, never whole. The caller must Close the Source.
func Open(path string) (Source, error) {
	if path == Stdin {
		return NewReader(os.Stdin, "stdin")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	src, err := newReader(f, path, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return src, nil
}

// openError explains an error of os.Open.
func openError(path string, err error) *Error {
	e := &Error{Name: path, Offset: -1, Msg: "cannot open", Cause: err}
	var pe *os.PathError
	if errors.As(err, &pe) {
		e.Msg += ": " + pe.Err.Error()
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		e.Hint = "check the path"
	case errors.Is(err, os.ErrPermission):
		e.Hint = "captures written by tcpdump as root may need chmod or sudo to read"
	}
	return e
}

// NewReader returns a Source of the netlink frames of the capture read from r. name
// names the input in errors. It reads the file header before returning; see Open for
// the formats. Closing the Source does not close r.
func NewReader(r io.Reader, name string) (Source, error) {
	return newReader(r, name, nil)
}

// newReader reads the headers of the capture in r; closer, if not nil, is closed by
// the Source's Close.
func newReader(r io.Reader, name string, closer io.Closer) (Source, error) {
	s := newStream(r, name, false)
	magic, err := s.br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, gerr := gzip.NewReader(s.br)
		if gerr != nil {
			if e := s.readFailure(0, -1); e != nil {
				return nil, e
			}
			if gerr == io.EOF || gerr == io.ErrUnexpectedEOF {
				return nil, s.errorf(ErrCutOff, 0, -1, "", gerr, "gzip header is cut off")
			}
			return nil, s.errorf(ErrDamaged, 0, -1, "", gerr, "gzip header is damaged: %v", gerr)
		}
		s = newStream(gz, name, true)
		magic, err = s.br.Peek(4)
	} else if err == nil {
		magic, err = s.br.Peek(4)
	}
	rd := &reader{s: s, closer: closer, skipped: map[skipKey]int{}}
	if err != nil && err != io.EOF {
		if e := s.readFailure(0, -1); e != nil {
			return nil, e
		}
		return nil, s.errorf(nil, 0, -1, "", err, "cannot read: %v", err)
	}
	switch sniff(magic) {
	case FormatPcap:
		if err := rd.openPcap(); err != nil {
			return nil, err
		}
	case FormatPcapng:
		if err := rd.openPcapng(); err != nil {
			return nil, err
		}
	default:
		return nil, notCaptureError(s, magic)
	}
	return rd, nil
}

// openPcap reads a pcap file header.
func (r *reader) openPcap() error {
	s := r.s
	pr, err := pcapgo.NewReader(s.br)
	if err != nil {
		if e := s.readFailure(0, -1); e != nil {
			return e
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return s.errorf(ErrCutOff, 0, -1, "", err, "pcap file header is cut off (%d of 24 bytes)", s.offset())
		}
		return s.errorf(ErrDamaged, 0, -1, "", err, "pcap file header is damaged: %v", err)
	}
	lt := pr.LinkType()
	if !carriesNetlink(lt) {
		return linkTypeError(s, lt)
	}
	r.format, r.lt = FormatPcap, lt
	r.recs = &pcapRecords{s: s, r: pr, lt: lt}
	return nil
}

// openPcapng reads a pcapng section header.
func (r *reader) openPcapng() error {
	s := r.s
	nr, err := pcapgo.NewNgReader(s.br, pcapgo.NgReaderOptions{WantMixedLinkType: true})
	if err != nil {
		if e := s.readFailure(0, -1); e != nil {
			return e
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return s.errorf(ErrCutOff, 0, -1, "", err, "pcapng section header is cut off")
		}
		return s.errorf(ErrDamaged, 0, -1, "", err, "pcapng section header is damaged: %v", err)
	}
	r.format = FormatPcapng
	r.recs = &ngRecords{s: s, r: nr}
	return nil
}

// linkTypeError is the error for a capture of link type lt.
func linkTypeError(s *stream, lt layers.LinkType) *Error {
	return s.errorf(ErrLinkType, 0, -1, "capture on an nlmon interface", nil,
		"link type %s is not netlink", linkTypeString(lt))
}
