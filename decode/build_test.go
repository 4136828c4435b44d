package decode

import (
	"encoding/binary"

	"github.com/nldump/nldump/capture"
)

// wire builds netlink bytes in one byte order, for tests that run in both orders.
type wire struct{ be bool }

func (w wire) order() binary.AppendByteOrder {
	if w.be {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func (w wire) u16(v uint16) []byte { return w.order().AppendUint16(nil, v) }
func (w wire) u32(v uint32) []byte { return w.order().AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// msg builds an nlmsghdr (nlmsg_len computed) followed by the payload, padded.
func (w wire) msg(typ, flags uint16, seq, pid uint32, payload ...[]byte) []byte {
	p := cat(payload...)
	return pad4(cat(w.u32(uint32(16+len(p))), w.u16(typ), w.u16(flags), w.u32(seq), w.u32(pid), p))
}

// attr builds an nlattr (nla_len computed) with its value, padded.
func (w wire) attr(typ uint16, value ...[]byte) []byte {
	v := cat(value...)
	return pad4(cat(w.u16(uint16(4+len(v))), w.u16(typ), v))
}

func frame(proto uint16, data []byte) *capture.Frame {
	return &capture.Frame{Number: 1, Protocol: proto, Data: data, Length: len(data)}
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{false}}, {"big", wire{true}}}
