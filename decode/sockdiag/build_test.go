package sockdiag

import (
	"encoding/binary"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, so that each table test runs in both.
type wire struct{ be bool }

func (w wire) order() binary.AppendByteOrder {
	if w.be {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func (w wire) u16(v uint16) []byte { return w.order().AppendUint16(nil, v) }
func (w wire) u32(v uint32) []byte { return w.order().AppendUint32(nil, v) }
func (w wire) u64(v uint64) []byte { return w.order().AppendUint64(nil, v) }

// be16 and be32 are network-order values, the same in both orders.
func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

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

func zeros(n int) []byte { return make([]byte, n) }

// msg builds an nlmsghdr (nlmsg_len computed) with sequence number seq and the
// payload, padded to 4.
func (w wire) msg(typ, flags uint16, seq uint32, payload ...[]byte) []byte {
	p := cat(payload...)
	return pad4(cat(w.u32(uint32(16+len(p))), w.u16(typ), w.u16(flags), w.u32(seq), w.u32(0), p))
}

// attr builds an nlattr (nla_len computed) with its value, padded.
func (w wire) attr(typ uint16, value ...[]byte) []byte {
	v := cat(value...)
	return pad4(cat(w.u16(uint16(4+len(v))), w.u16(typ), v))
}

// nest builds a nested attribute (NLA_F_NESTED set, as the kernel sets it).
func (w wire) nest(typ uint16, value ...[]byte) []byte {
	return w.attr(typ|unix.NLA_F_NESTED, value...)
}

// sockid builds struct inet_diag_sockid: ports and addresses in network order,
// the interface and the cookie words in host order.
func (w wire) sockid(sport, dport uint16, src, dst []byte, ifindex uint32, cookie uint64) []byte {
	a := func(b []byte) []byte { return cat(b, zeros(16-len(b))) }
	return cat(be16(sport), be16(dport), a(src), a(dst), w.u32(ifindex), w.u32(uint32(cookie)), w.u32(uint32(cookie>>32)))
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{false}}, {"big", wire{true}}}

// decodeFrames decodes frames (NETLINK_SOCK_DIAG) with one decoder in the given
// order and returns the messages of the last frame.
func decodeFrames(t testing.TB, be bool, frames ...[]byte) []decode.Message {
	t.Helper()
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	if be {
		d.Order = decode.BigEndian
	}
	var msgs []decode.Message
	for i, data := range frames {
		fr := &capture.Frame{Number: i + 1, Protocol: unix.NETLINK_SOCK_DIAG, Data: data, Length: len(data)}
		msgs = d.DecodeFrame(fr, nil)
	}
	return msgs
}
