package capture

import (
	"io"
	"strings"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// record is one record of a capture file as pcapgo hands it out.
type record struct {
	ok       bool   // the record was read, possibly only in part
	data     []byte // the captured bytes, pseudo-header included; pcapgo reuses it
	ci       gopacket.CaptureInfo
	linkType layers.LinkType
	comment  string
}

// recordReader reads the records of one file format.
type recordReader interface {
	// next reads record n (1-based). It returns io.EOF at the clean end, or an *Error;
	// a record cut off by the end of the file comes with ok set and the ErrCutOff error.
	next(n int) (record, error)
	// netlinkInterfaces reports whether any interface of the current pcapng section
	// carries netlink frames (true for pcap: the header was checked when opening).
	netlinkInterfaces() bool
}

// skipKey is why a record was skipped: a non-netlink link type, or a non-netlink
// ARPHRD type in a LINUX_SLL or LINUX_SLL2 record.
type skipKey struct {
	linkType layers.LinkType
	arphrd   uint16
}

// String returns the reason as Stats.Skipped names it.
func (k skipKey) String() string {
	if carriesNetlink(k.linkType) {
		return "ARPHRD " + arphrdString(k.arphrd)
	}
	return "link type " + linkTypeString(k.linkType)
}

// reader is the Source of a capture file.
type reader struct {
	s       *stream
	closer  io.Closer
	recs    recordReader
	format  Format
	lt      layers.LinkType
	st      Stats // Skipped and Err are kept in skipped and err
	skipped map[skipKey]int
	err     error // sticky: io.EOF or an *Error
}

// Next returns the next netlink frame.
func (r *reader) Next() (Frame, error) {
	for r.err == nil {
		rec, err := r.recs.next(r.st.Records + 1)
		if err != nil {
			r.err = err
		}
		if !rec.ok {
			break
		}
		r.st.Records++
		r.lt = rec.linkType
		f, ok, ferr := r.frame(&rec)
		if ferr != nil {
			r.err = ferr
			break
		}
		if ok {
			return f, nil
		}
	}
	return Frame{}, r.err
}

// frame turns a record into a frame, or counts why it is skipped.
func (r *reader) frame(rec *record) (Frame, bool, error) {
	if !carriesNetlink(rec.linkType) {
		if !r.recs.netlinkInterfaces() {
			return Frame{}, false, linkTypeError(r.s, rec.linkType)
		}
		r.skipped[skipKey{linkType: rec.linkType}]++
		return Frame{}, false, nil
	}
	h, ok := parsePseudoHeader(rec.linkType, rec.data)
	if !ok {
		r.st.Malformed++
		return Frame{}, false, nil
	}
	if !h.netlink {
		r.skipped[skipKey{linkType: rec.linkType, arphrd: h.arphrd}]++
		return Frame{}, false, nil
	}
	data := make([]byte, len(rec.data)-h.len)
	copy(data, rec.data[h.len:])
	length := max(rec.ci.Length-h.len, len(data))
	r.st.Frames++
	f := Frame{
		Number:     r.st.Frames,
		Time:       rec.ci.Timestamp,
		PacketType: h.packetType,
		ARPHRD:     h.arphrd,
		Protocol:   h.protocol,
		Data:       data,
		Length:     length,
		Interface:  rec.ci.InterfaceIndex,
		Comment:    rec.comment,
	}
	if f.Truncated() {
		r.st.Truncated++
	}
	return f, true, nil
}

// Stats returns what the source has read so far.
func (r *reader) Stats() Stats {
	st := r.st
	st.Format = r.format
	st.Gzip = r.s.gzip
	st.Skipped = make(map[string]int, len(r.skipped))
	for k, n := range r.skipped {
		st.Skipped[k.String()] += n
	}
	if r.err != io.EOF {
		st.Err = r.err
	}
	return st
}

// LinkType returns the link type of the last record read.
func (r *reader) LinkType() layers.LinkType { return r.lt }

// Close closes the file that Open opened.
func (r *reader) Close() error {
	if r.closer == nil {
		return nil
	}
	c := r.closer
	r.closer = nil
	return c.Close()
}

// joinComments returns the comments of a pcapng packet as one string.
func joinComments(c []string) string {
	switch len(c) {
	case 0:
		return ""
	case 1:
		return c[0]
	}
	return strings.Join(c, "\n")
}
