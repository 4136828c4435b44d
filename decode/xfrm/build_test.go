package xfrm

import (
	"net/netip"

	"github.com/nldump/nldump/internal/nlwire"
)

// wire builds netlink bytes in one byte order, so that each literal test runs in
// both (a big-endian host's capture has every host-order field swapped; SPIs,
// ports and addresses are big-endian in both).
type wire struct{ nlwire.Wire }

var (
	cat  = nlwire.Cat
	be16 = nlwire.BE16
	be32 = nlwire.BE32
)

func u8(v uint8) []byte          { return []byte{v} }
func zero(n int) []byte          { return make([]byte, n) }
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

// msg builds a message with seq 7 from port 0.
func (w wire) msg(typ, flags uint16, payload ...[]byte) []byte {
	return w.Msg(typ, flags, 7, 0, payload...)
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{}}, {"big", wire{nlwire.Wire{BE: true}}}}

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
		w.U16(family),        // family
		u8(plenD), u8(plenS), // prefixlen_d, prefixlen_s
		u8(proto), zero(3), // proto, padding
		w.U32(0), // ifindex
		w.U32(0), // user
	)
}

// lifetimes builds xfrm_lifetime_cfg (all limits inf) and xfrm_lifetime_cur.
func (w wire) lifetimes() []byte {
	inf := w.U64(^uint64(0))
	return cat(inf, inf, inf, inf, w.U64(0), w.U64(0), w.U64(0), w.U64(0), // lft
		w.U64(1000), w.U64(10), w.U64(1795807658), w.U64(0)) // curlft: bytes, packets, add_time, use_time
}

// usersaInfo builds a struct xfrm_usersa_info (224 bytes) for an IPv4 ESP tunnel SA.
func (w wire) usersaInfo(src, dst string, spi, reqid uint32) []byte {
	return cat(
		w.selector("0.0.0.0", "0.0.0.0", 0, 0, 0, 0, 0), // sel (family 0: the SA's)
		xaddr(dst), be32(spi), u8(50), zero(3), // id: daddr, spi, proto esp, padding
		xaddr(src), // saddr
		w.lifetimes(),
		w.U32(0), w.U32(0), w.U32(0), // stats
		w.U32(0),     // seq
		w.U32(reqid), // reqid
		w.U16(2),     // family AF_INET
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
