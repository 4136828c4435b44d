// Package capture reads netlink frames from capture files and writes them.
//
// A capture of netlink traffic is made on an nlmon interface:
//
//	ip link add nlmon0 type nlmon && ip link set nlmon0 up
//	tcpdump -i nlmon0 -w x.pcap
//
// # Reading
//
// Open (or NewReader for any io.Reader) returns a Source whose Next hands out one
// Frame per netlink record: the bytes of one kernel skb, usually several netlink
// messages, with the fields of the record's pseudo-header. The format is recognised
// by content, not by file name: pcap in either byte order with micro- or nanosecond
// timestamps, or pcapng, either of them optionally gzip-compressed. Files are read as
// a stream; "-" reads standard input.
//
// # Link types
//
// LINKTYPE_NETLINK (253) records are all netlink frames. Captures made on Linux's
// "any" device use LINKTYPE_LINUX_SLL (113) or LINUX_SLL2 (276): their records whose
// ARPHRD type is ARPHRD_NETLINK (824) are netlink frames, the others are skipped and
// counted in Stats.Skipped. A pcapng file may mix interfaces of different link types;
// records of interfaces that cannot carry netlink are skipped as long as one interface
// can. A file of any other link type is refused with ErrLinkType.
//
// # Damaged files
//
// A record captured shorter than it was (by the snap length) is handed out with Data
// shorter than Length; Frame.Truncated reports it and Stats.Truncated counts it. A
// record too short to hold its pseudo-header is skipped and counted in
// Stats.Malformed. A file that ends in the middle of a record (the capture was still
// being written) hands out the part of the record that is there, then Next returns an
// *Error matching ErrCutOff: the frames before it are intact. Errors name the file,
// say what is wrong and how to fix it; see Error.
//
// # Writing
//
// Writer writes frames back as LINKTYPE_NETLINK pcap (NewWriter) or pcapng
// (NewPcapngWriter) that tcpdump and tshark read.
//
// # Live capture
//
// OpenLive reads an nlmon interface as a Source (Linux only; elsewhere it returns
// ErrLiveUnsupported): one Frame per tapped skb, with the kernel's timestamp and the
// protocol and packet type of its sockaddr_ll, exactly as a file written from it
// reads back. CreateNlmon makes an nlmon interface for the capture and Delete removes
// it. Stats counts the frames the kernel dropped when the socket buffer was full.
package capture
