package capture

import "time"

// Frame is one captured netlink frame: the bytes of one kernel skb as the nlmon tap saw
// them, with the fields of the 16-byte pseudo-header that precedes it in a
// LINKTYPE_NETLINK record.
//
// A frame usually holds several netlink messages (a dump reply packs hundreds); the
// decoder walks them. Data is owned by the frame: a Source never reuses it.
type Frame struct {
	// Number is the 1-based position of the frame in its source, counting only the
	// netlink frames handed out (skipped non-netlink records are not numbered).
	Number int
	// Time is the capture timestamp.
	Time time.Time
	// PacketType is the pseudo-header's packet type (4, PACKET_OUTGOING, on every
	// capture seen so far; 6 PACKET_USER and 7 PACKET_KERNEL on some kernels).
	PacketType uint16
	// ARPHRD is the pseudo-header's link-layer address type: 824 (ARPHRD_NETLINK).
	ARPHRD uint16
	// Protocol is the netlink protocol (unix.NETLINK_ROUTE, unix.NETLINK_GENERIC, ...).
	Protocol uint16
	// Data is the netlink bytes that were captured (after the pseudo-header).
	Data []byte
	// Length is the original length of the netlink bytes on the wire. It exceeds
	// len(Data) when the record was cut short by the snap length or by the end of
	// the file.
	Length int
	// Interface is the pcapng interface index the record came from (0 for pcap).
	Interface int
	// Comment is the pcapng per-packet comment, if any.
	Comment string
}

// Truncated reports whether fewer bytes were captured than the frame had.
func (f *Frame) Truncated() bool { return len(f.Data) < f.Length }
