package xfrm

import (
	"encoding/binary"
	"net/netip"
)

// wire builds netlink bytes in one byte order, so that each literal test runs in
// both (a big-endian host's capture has every host-order field swapped; SPIs,
// ports and addresses are big-endian in both).
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

func u8(v uint8) []byte          { return []byte{v} }
func zero(n int) []byte          { return make([]byte, n) }
func be16(v uint16) []byte       { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte       { return binary.BigEndian.AppendUint32(nil, v) }
func str(s string, n int) []byte { return append([]byte(s), zero(n-len(s))...) }

// xaddr is an xfrm_address_t: 16 bytes, an IPv4 address in the first 4.
func xaddr(s string) []byte {
	a := netip.MustParseAddr(s)
	if a.Is4() {
		b := a.As4()
		return append(b[:], zero(12)...)
	}
	b := a.As16()
	return b[:]
}

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

// msg builds an nlmsghdr (nlmsg_len computed) and the payload, padded to 4.
func (w wire) msg(typ, flags uint16, payload ...[]byte) []byte {
	p := cat(payload...)
	return pad4(cat(w.u32(uint32(16+len(p))), w.u16(typ), w.u16(flags), w.u32(7), w.u32(0), p))
}

// attr builds an nlattr (nla_len computed) and its value, padded to 4.
func (w wire) attr(typ uint16, value ...[]byte) []byte {
	v := cat(value...)
	return pad4(cat(w.u16(uint16(4+len(v))), w.u16(typ), v))
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{false}}, {"big", wire{true}}}

// selector builds a struct xfrm_selector (56 bytes).
func (w wire) selector(dst, src string, plenD, plenS uint8, proto uint8, dport uint16, family uint16) []byte {
	var dmask uint16
	if dport != 0 {
		dmask = 0xffff
	}
	return cat(
		xaddr(dst),               // daddr
		xaddr(src),               // saddr
		be16(dport), be16(dmask), // dport, dport_mask
		be16(0), be16(0), // sport, sport_mask
		w.u16(family),        // family
		u8(plenD), u8(plenS), // prefixlen_d, prefixlen_s
		u8(proto), zero(3), // proto, padding
		w.u32(0), // ifindex
		w.u32(0), // user
	)
}

// lifetimes builds xfrm_lifetime_cfg (all limits inf) and xfrm_lifetime_cur.
func (w wire) lifetimes() []byte {
	inf := w.u64(^uint64(0))
	return cat(inf, inf, inf, inf, w.u64(0), w.u64(0), w.u64(0), w.u64(0), // lft
		w.u64(1000), w.u64(10), w.u64(1795807658), w.u64(0)) // curlft: bytes, packets, add_time, use_time
}

// usersaInfo builds a struct xfrm_usersa_info (224 bytes) for an IPv4 ESP tunnel SA.
func (w wire) usersaInfo(src, dst string, spi, reqid uint32) []byte {
	return cat(
		w.selector("0.0.0.0", "0.0.0.0", 0, 0, 0, 0, 0), // sel (family 0: the SA's)
		xaddr(dst), be32(spi), u8(50), zero(3), // id: daddr, spi, proto esp, padding
		xaddr(src), // saddr
		w.lifetimes(),
		w.u32(0), w.u32(0), w.u32(0), // stats
		w.u32(0),     // seq
		w.u32(reqid), // reqid
		w.u16(2),     // family AF_INET
		u8(1),        // mode tunnel
		u8(32),       // replay_window
		u8(0),        // flags
		zero(7),      // padding to 224
	)
}

// algo builds a struct xfrm_algo value with its key.
func algo(name string, key []byte, keyLen []byte) []byte {
	return cat(str(name, 64), keyLen, key)
}
