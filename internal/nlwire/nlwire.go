// Package nlwire builds netlink bytes for tests, in either byte order: message
// headers, attributes, nests and integers. A capture holds the bytes of the
// capturing host's order, so the decoders' table tests run each literal in both
// (Orders).
package nlwire

import (
	"encoding/binary"

	unix "github.com/nldump/nldump/internal/abi"
)

// Wire builds netlink bytes in one byte order: big-endian when BE is set.
type Wire struct{ BE bool }

// Orders are the two byte orders, named for subtests.
var Orders = []struct {
	Name string
	W    Wire
}{{"little", Wire{}}, {"big", Wire{BE: true}}}

// Order returns the byte order.
func (w Wire) Order() binary.AppendByteOrder {
	if w.BE {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// U16 encodes v in the wire's order.
func (w Wire) U16(v uint16) []byte { return w.Order().AppendUint16(nil, v) }

// U32 encodes v in the wire's order.
func (w Wire) U32(v uint32) []byte { return w.Order().AppendUint32(nil, v) }

// U64 encodes v in the wire's order.
func (w Wire) U64(v uint64) []byte { return w.Order().AppendUint64(nil, v) }

// Msg builds an nlmsghdr (nlmsg_len counting the payload without its padding)
// followed by the payload, padded to 4.
func (w Wire) Msg(typ, flags uint16, seq, pid uint32, payload ...[]byte) []byte {
	p := Cat(payload...)
	return Pad4(Cat(w.U32(uint32(unix.NLMSG_HDRLEN+len(p))), w.U16(typ), w.U16(flags), w.U32(seq), w.U32(pid), p))
}

// Attr builds an nlattr (nla_len computed) with its value, padded to 4.
func (w Wire) Attr(typ uint16, value ...[]byte) []byte {
	v := Cat(value...)
	return Pad4(Cat(w.U16(uint16(unix.NLA_HDRLEN+len(v))), w.U16(typ), v))
}

// Nest builds a nested attribute with NLA_F_NESTED set, as the kernel sets it.
func (w Wire) Nest(typ uint16, value ...[]byte) []byte {
	return w.Attr(typ|unix.NLA_F_NESTED, value...)
}

// BE16 encodes v in network order (ports), the same in both orders.
func BE16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

// BE32 encodes v in network order, the same in both orders.
func BE32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// Cat concatenates byte slices.
func Cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// Pad4 pads b with zeros to a multiple of 4 bytes (NLMSG_ALIGN, NLA_ALIGN).
func Pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
