package capture

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/sys/unix"
)

// This file builds capture files byte by byte, so that the tests do not depend on the
// Writer they test and can make every variant: both byte orders, µs and ns pcap,
// several pcapng interfaces, damaged records.

// testRecord is one record to put in a test file.
type testRecord struct {
	time  time.Time
	iface int    // pcapng interface index
	data  []byte // pseudo-header and netlink bytes, as captured
	orig  int    // original length; 0 means len(data)
}

// origLen returns the record's original length.
func (r testRecord) origLen() int {
	if r.orig == 0 {
		return len(r.data)
	}
	return r.orig
}

// testTime is the timestamp of the n-th test record, with nanoseconds that a
// microsecond file cannot hold.
func testTime(n int) time.Time {
	return time.Unix(1700000000+int64(n), 123456789).UTC()
}

// nlHeader returns a LINKTYPE_NETLINK (or LINUX_SLL) pseudo-header.
func nlHeader(packetType, arphrd, protocol uint16) []byte {
	return []byte{
		byte(packetType >> 8), byte(packetType), // packet type
		byte(arphrd >> 8), byte(arphrd), // ARPHRD type
		0x00, 0x00, // address length
		0, 0, 0, 0, 0, 0, 0, 0, // address
		byte(protocol >> 8), byte(protocol), // protocol
	}
}

// sll2Header returns a LINKTYPE_LINUX_SLL2 pseudo-header.
func sll2Header(packetType uint8, arphrd, protocol uint16) []byte {
	return []byte{
		byte(protocol >> 8), byte(protocol), // protocol
		0x00, 0x00, // reserved
		0x00, 0x00, 0x00, 0x07, // interface index 7
		byte(arphrd >> 8), byte(arphrd), // ARPHRD type
		packetType,             // packet type
		0x00,                   // address length
		0, 0, 0, 0, 0, 0, 0, 0, // address
	}
}

// nlmsg returns n bytes (n >= 16) that start with a little-endian nlmsghdr
// (RTM_NEWLINK, NLM_F_MULTI) spanning them, the rest filled with a pattern.
func nlmsg(n int, seq uint32) []byte {
	b := make([]byte, n)
	binary.LittleEndian.PutUint32(b[0:4], uint32(n))        // nlmsg_len
	binary.LittleEndian.PutUint16(b[4:6], unix.RTM_NEWLINK) // nlmsg_type
	binary.LittleEndian.PutUint16(b[6:8], unix.NLM_F_MULTI) // nlmsg_flags
	binary.LittleEndian.PutUint32(b[8:12], seq)             // nlmsg_seq
	binary.LittleEndian.PutUint32(b[12:16], 4242)           // nlmsg_pid
	for i := 16; i < n; i++ {
		b[i] = byte(i*7 + int(seq))
	}
	return b
}

// cat concatenates byte slices.
func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

// nlRecord returns record n: a LINKTYPE_NETLINK frame of the route protocol.
func nlRecord(n, size int) testRecord {
	return testRecord{time: testTime(n), data: cat(nlHeader(unix.PACKET_OUTGOING, unix.ARPHRD_NETLINK, unix.NETLINK_ROUTE), nlmsg(size, uint32(n)))}
}

// pcapFile builds a pcap file.
func pcapFile(order byteOrder, nano bool, lt layers.LinkType, recs ...testRecord) []byte {
	magic := uint32(0xa1b2c3d4)
	if nano {
		magic = 0xa1b23c4d
	}
	var b []byte
	b = order.AppendUint32(b, magic)
	b = order.AppendUint16(b, 2)      // version major
	b = order.AppendUint16(b, 4)      // version minor
	b = order.AppendUint32(b, 0)      // thiszone
	b = order.AppendUint32(b, 0)      // sigfigs
	b = order.AppendUint32(b, 262144) // snaplen
	b = order.AppendUint32(b, uint32(lt))
	for _, r := range recs {
		frac := r.time.Nanosecond() / 1000
		if nano {
			frac = r.time.Nanosecond()
		}
		b = order.AppendUint32(b, uint32(r.time.Unix()))
		b = order.AppendUint32(b, uint32(frac))
		b = order.AppendUint32(b, uint32(len(r.data)))
		b = order.AppendUint32(b, uint32(r.origLen()))
		b = append(b, r.data...)
	}
	return b
}

// ngBlock builds a pcapng block of type typ around body (padded to 4 bytes).
func ngBlock(order byteOrder, typ uint32, body []byte) []byte {
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	n := uint32(12 + len(body))
	var b []byte
	b = order.AppendUint32(b, typ)
	b = order.AppendUint32(b, n)
	b = append(b, body...)
	return order.AppendUint32(b, n)
}

// ngOption builds a pcapng option.
func ngOption(order byteOrder, code uint16, value []byte) []byte {
	var b []byte
	b = order.AppendUint16(b, code)
	b = order.AppendUint16(b, uint16(len(value)))
	b = append(b, value...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// ngSHB builds a pcapng section header block.
func ngSHB(order byteOrder) []byte {
	var body []byte
	body = order.AppendUint32(body, ngByteOrderMagic)
	body = order.AppendUint16(body, 1)                // major
	body = order.AppendUint16(body, 0)                // minor
	body = order.AppendUint64(body, ^uint64(0))       // section length: unknown
	return ngBlock(order, ngBlockSectionHeader, body) // no options
}

// ngIDB builds an interface description block with nanosecond timestamps.
func ngIDB(order byteOrder, lt layers.LinkType) []byte {
	var body []byte
	body = order.AppendUint16(body, uint16(lt))
	body = order.AppendUint16(body, 0)                    // reserved
	body = order.AppendUint32(body, 262144)               // snaplen
	body = append(body, ngOption(order, 9, []byte{9})...) // if_tsresol: 10^-9
	body = append(body, ngOption(order, 0, nil)...)       // opt_endofopt
	return ngBlock(order, 1, body)
}

// ngEPB builds an enhanced packet block, with a comment if not empty.
func ngEPB(order byteOrder, r testRecord, comment string) []byte {
	ts := uint64(r.time.UnixNano())
	var body []byte
	body = order.AppendUint32(body, uint32(r.iface))
	body = order.AppendUint32(body, uint32(ts>>32))
	body = order.AppendUint32(body, uint32(ts))
	body = order.AppendUint32(body, uint32(len(r.data)))
	body = order.AppendUint32(body, uint32(r.origLen()))
	body = append(body, r.data...)
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	if comment != "" {
		body = append(body, ngOption(order, 1, []byte(comment))...)
		body = append(body, ngOption(order, 0, nil)...)
	}
	return ngBlock(order, ngBlockEnhancedPacket, body)
}

// pcapngFile builds a pcapng file with one interface per link type.
func pcapngFile(order byteOrder, lts []layers.LinkType, recs ...testRecord) []byte {
	b := ngSHB(order)
	for _, lt := range lts {
		b = append(b, ngIDB(order, lt)...)
	}
	for _, r := range recs {
		b = append(b, ngEPB(order, r, "")...)
	}
	return b
}

// gzipped compresses b.
func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// byteOrder is binary.LittleEndian or binary.BigEndian.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}
