package capture

import (
	"bufio"
	"fmt"
	"io"
)

// bufferSize is the read buffer. pcapgo reads through it directly (bufio.NewReader
// returns a *bufio.Reader that is big enough unchanged), so offsets are exact; the
// pcapng reader peeks this far ahead to find where a packet's bytes start.
const bufferSize = 64 << 10

// countingReader counts the bytes read through it and keeps the first error.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

// Read reads from the underlying reader, counting.
func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// stream is the (decompressed) input that the pcap and pcapng readers read, with the
// byte count that lets errors say where the problem is.
type stream struct {
	name string
	cr   *countingReader
	br   *bufio.Reader
	gzip bool
}

// newStream buffers r for reading.
func newStream(r io.Reader, name string, gzip bool) *stream {
	cr := &countingReader{r: r}
	return &stream{name: name, cr: cr, br: bufio.NewReaderSize(cr, bufferSize), gzip: gzip}
}

// offset returns how many bytes of the stream have been consumed.
func (s *stream) offset() int64 { return s.cr.n - int64(s.br.Buffered()) }

// errorf returns an *Error about record n (0 for none) at offset off (-1 for none).
func (s *stream) errorf(kind error, n int, off int64, hint string, cause error, format string, args ...any) *Error {
	return &Error{
		Name:   s.name,
		Kind:   kind,
		Record: n,
		Offset: off,
		Msg:    fmt.Sprintf(format, args...),
		Hint:   hint,
		Cause:  cause,
	}
}

// readFailure returns the error for a failure of the input itself (an operating
// system error, a corrupt or cut-off gzip stream), or nil if the input is healthy.
func (s *stream) readFailure(n int, off int64) *Error {
	u := s.cr.err
	if u == nil || u == io.EOF {
		return nil
	}
	if !s.gzip {
		return s.errorf(nil, n, off, "", u, "cannot read: %v", u)
	}
	if u == io.ErrUnexpectedEOF {
		return s.errorf(ErrCutOff, n, off, hintCutOff, u, "compressed data ends early")
	}
	return s.errorf(ErrDamaged, n, off, hintDamaged, u, "gzip data is corrupt: %v", u)
}

// recordError turns err, returned by pcapgo while reading record n that starts at
// offset off, into an *Error. It returns io.EOF for the clean end of the input.
func (s *stream) recordError(err error, n int, off int64, clean bool) error {
	if e := s.readFailure(n, off); e != nil {
		return e
	}
	if clean {
		return io.EOF
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return s.errorf(ErrCutOff, n, off, hintCutOff, nil, "file ends mid-record")
	}
	return s.errorf(ErrDamaged, n, off, hintDamaged, err, "bad record: %v", err)
}

// cutOffDetail says how much of a cut-off record's bytes are there.
func cutOffDetail(have int64, want int) string {
	return fmt.Sprintf(" (%d of its %d bytes are there)", have, want)
}
