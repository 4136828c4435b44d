package capture

import (
	"errors"

	"github.com/gopacket/gopacket/layers"
)

// Source hands out the netlink frames of a capture one at a time.
//
// The usual loop:
//
//	for {
//		f, err := src.Next()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			// report err (errors.Is(err, capture.ErrCutOff) for a cut-off file)
//			break
//		}
//		// use f
//	}
//	st := src.Stats()
type Source interface {
	// Next returns the next netlink frame. It returns io.EOF at the clean end of the
	// input, and an *Error when reading stops early; once it has returned an error it
	// returns the same error on every later call. A frame cut short by the end of the
	// file is handed out (Truncated reports true) before the ErrCutOff error.
	Next() (Frame, error)
	// Stats returns what the source has read so far.
	Stats() Stats
	// LinkType returns the link type of the last record read: the file's link type for
	// pcap, the record's interface's for pcapng (0 before the first pcapng record).
	LinkType() layers.LinkType
	// Close releases the input. It closes the file that Open opened, not standard input
	// nor the io.Reader given to NewReader.
	Close() error
}

// Stats counts what a Source has read.
type Stats struct {
	// Format is the file format.
	Format Format
	// Gzip reports whether the file was gzip-compressed.
	Gzip bool
	// Records is the number of records read from the file, netlink or not.
	Records int
	// Frames is the number of netlink frames handed out by Next.
	Frames int
	// Truncated is the number of frames handed out with fewer bytes than the frame had
	// (cut by the snap length or by the end of the file).
	Truncated int
	// Malformed is the number of records skipped because they are shorter than their
	// link type's pseudo-header.
	Malformed int
	// Skipped counts the records skipped because they are not netlink, by reason:
	// "LINUX_SLL ARPHRD 1 (ETHER)", "link type 1 (ETHERNET)".
	Skipped map[string]int
	// Err is the error that ended reading, or nil if reading reached the clean end of
	// the input or has not ended yet.
	Err error
	// Live reports a live capture (OpenLive): Dropped is then meaningful.
	Live bool
	// Dropped is the number of frames the kernel dropped because the live capture's
	// socket buffer was full (PACKET_STATISTICS); always 0 for a file.
	Dropped int
}

// SkippedTotal returns the number of non-netlink records skipped.
func (s Stats) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// CutOff reports whether the file ends in the middle of a record.
func (s Stats) CutOff() bool { return errors.Is(s.Err, ErrCutOff) }

// Format is a capture file format.
type Format int

// The capture file formats a Source reads.
const (
	FormatUnknown Format = iota // not known yet
	FormatPcap                  // classic libpcap format, any byte order, µs or ns
	FormatPcapng                // pcapng, any byte order
)

// String returns "pcap" or "pcapng".
func (f Format) String() string {
	switch f {
	case FormatPcap:
		return "pcap"
	case FormatPcapng:
		return "pcapng"
	}
	return "unknown"
}
