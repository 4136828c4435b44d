package capture

import (
	"bufio"
	"io"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
)

// MaxSnapLen is the snap length written in file headers: libpcap's MAXIMUM_SNAPLEN,
// the longest record tcpdump and Wireshark accept. Longer frames are written cut to
// it, with their true original length (tcpdump prints "[Invalid header]" for those,
// as it does for such frames that libpcap captured; tshark reads them).
const MaxSnapLen = 262144

// Writer writes frames as a LINKTYPE_NETLINK capture that tcpdump, tshark and Open
// read: pcap with nanosecond timestamps (NewWriter) or pcapng (NewPcapngWriter). It
// buffers; call Flush when done.
type Writer struct {
	bw   *bufio.Writer    // pcap output; nil for pcapng
	pcap *pcapgo.Writer   // nil for pcapng
	ng   *pcapgo.NgWriter // nil for pcap
	buf  []byte           // pseudo-header and frame bytes of the record being written
	opts pcapgo.NgPacketOptions
}

// NewWriter writes the header of a pcap file (little-endian, nanosecond timestamps,
// LINKTYPE_NETLINK) to w and returns a Writer for its frames.
func NewWriter(w io.Writer) (*Writer, error) {
	bw := bufio.NewWriterSize(w, bufferSize)
	pw := pcapgo.NewWriterNanos(bw)
	if err := pw.WriteFileHeader(MaxSnapLen, LinkTypeNetlink); err != nil {
		return nil, err
	}
	return &Writer{bw: bw, pcap: pw}, nil
}

// NewPcapngWriter writes the section header and one LINKTYPE_NETLINK interface
// description ("nlmon0", nanosecond timestamps) of a pcapng file to w and returns a
// Writer for its frames. Frames keep their comments; their Interface is ignored.
func NewPcapngWriter(w io.Writer) (*Writer, error) {
	ng, err := pcapgo.NewNgWriterInterface(w, pcapgo.NgInterface{
		Name:                "nlmon0",
		LinkType:            LinkTypeNetlink,
		SnapLength:          MaxSnapLen,
		TimestampResolution: 9,
	}, pcapgo.NgWriterOptions{
		SectionInfo: pcapgo.NgSectionInfo{Application: "nldump"},
	})
	if err != nil {
		return nil, err
	}
	return &Writer{ng: ng}, nil
}

// WriteFrame writes one frame: the 16-byte pseudo-header built from its PacketType,
// ARPHRD and Protocol, then its Data. A truncated frame stays truncated: the record's
// original length is Length plus the pseudo-header. A zero Time is written as the
// Unix epoch.
func (w *Writer) WriteFrame(f *Frame) error {
	w.buf = appendNetlinkHeader(w.buf[:0], f)
	w.buf = append(w.buf, f.Data...)
	ts := f.Time
	if ts.IsZero() {
		ts = time.Unix(0, 0) // pcapgo would write the current time, or overflow
	}
	ci := gopacket.CaptureInfo{
		Timestamp:     ts,
		CaptureLength: len(w.buf),
		Length:        netlinkHeaderLen + max(f.Length, len(f.Data)),
	}
	if ci.CaptureLength > MaxSnapLen {
		ci.CaptureLength = MaxSnapLen
		w.buf = w.buf[:MaxSnapLen]
	}
	if w.ng == nil {
		return w.pcap.WritePacket(ci, w.buf)
	}
	w.opts.Comments = w.opts.Comments[:0]
	if f.Comment != "" {
		w.opts.Comments = append(w.opts.Comments, f.Comment)
	}
	return w.ng.WritePacketWithOptions(ci, w.buf, w.opts)
}

// Flush writes buffered records to the underlying writer.
func (w *Writer) Flush() error {
	if w.ng != nil {
		return w.ng.Flush()
	}
	return w.bw.Flush()
}
