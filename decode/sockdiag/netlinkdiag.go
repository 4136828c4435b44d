package sockdiag

// netlink_diag (include/uapi/linux/netlink_diag.h): AF_NETLINK sockets.
//
//	struct netlink_diag_req (20 bytes)        struct netlink_diag_msg (28 bytes)
//	+--------+----------+---------+           +--------+------+----------+-------+
//	| family | protocol |   pad   |           | family | type | protocol | state |
//	+--------+----------+---------+           +--------+------+----------+-------+
//	|         ndiag_ino           |           |           ndiag_portid           |
//	+-----------------------------+           +----------------------------------+
//	|         ndiag_show          |           |         ndiag_dst_portid         |
//	+-----------------------------+           +----------------------------------+
//	|       ndiag_cookie[2]       |           |         ndiag_dst_group          |
//	+-----------------------------+           +----------------------------------+
//	                                          |            ndiag_ino             |
//	                                          +----------------------------------+
//	                                          |         ndiag_cookie[2]          |
//	                                          +----------------------------------+
//	                                          | NETLINK_DIAG_* attributes        |
//
// NETLINK_DIAG_GROUPS is the socket's multicast group bitmap: an array of C
// unsigned longs, bit n-1 for group n.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// netlinkProtoEnum names the netlink protocols (ndiag_protocol).
var netlinkProtoEnum = decode.NewEnum("netlink_protocol", "NETLINK_", map[uint64]string{
	unix.NETLINK_ROUTE: "NETLINK_ROUTE", unix.NETLINK_UNUSED: "NETLINK_UNUSED", unix.NETLINK_USERSOCK: "NETLINK_USERSOCK",
	unix.NETLINK_FIREWALL: "NETLINK_FIREWALL", unix.NETLINK_SOCK_DIAG: "NETLINK_SOCK_DIAG", unix.NETLINK_NFLOG: "NETLINK_NFLOG",
	unix.NETLINK_XFRM: "NETLINK_XFRM", unix.NETLINK_SELINUX: "NETLINK_SELINUX", unix.NETLINK_ISCSI: "NETLINK_ISCSI",
	unix.NETLINK_AUDIT: "NETLINK_AUDIT", unix.NETLINK_FIB_LOOKUP: "NETLINK_FIB_LOOKUP", unix.NETLINK_CONNECTOR: "NETLINK_CONNECTOR",
	unix.NETLINK_NETFILTER: "NETLINK_NETFILTER", unix.NETLINK_IP6_FW: "NETLINK_IP6_FW", unix.NETLINK_DNRTMSG: "NETLINK_DNRTMSG",
	unix.NETLINK_KOBJECT_UEVENT: "NETLINK_KOBJECT_UEVENT", unix.NETLINK_GENERIC: "NETLINK_GENERIC",
	unix.NETLINK_SCSITRANSPORT: "NETLINK_SCSITRANSPORT", unix.NETLINK_ECRYPTFS: "NETLINK_ECRYPTFS", unix.NETLINK_RDMA: "NETLINK_RDMA",
	unix.NETLINK_CRYPTO: "NETLINK_CRYPTO", unix.NETLINK_SMC: "NETLINK_SMC",
	ndiagProtoAll: "NDIAG_PROTO_ALL",
})

var ndiagShowFlags = decode.NewFlagSet("ndiag_show", "NDIAG_SHOW_", map[uint64]string{
	ndiagShowMeminfo: "NDIAG_SHOW_MEMINFO", ndiagShowGroups: "NDIAG_SHOW_GROUPS",
	ndiagShowRingCfg: "NDIAG_SHOW_RING_CFG", ndiagShowFlagsBit: "NDIAG_SHOW_FLAGS",
})

var ndiagFlags = decode.NewFlagSet("ndiag_flags", "NDIAG_FLAG_", map[uint64]string{
	ndiagFlagCbRunning: "NDIAG_FLAG_CB_RUNNING", ndiagFlagPktinfo: "NDIAG_FLAG_PKTINFO",
	ndiagFlagBroadcastError: "NDIAG_FLAG_BROADCAST_ERROR", ndiagFlagNoEnobufs: "NDIAG_FLAG_NO_ENOBUFS",
	ndiagFlagListenAllNsid: "NDIAG_FLAG_LISTEN_ALL_NSID", ndiagFlagCapAck: "NDIAG_FLAG_CAP_ACK",
})

// netlinkStateEnum names ndiag_state, the socket's sk_state: NETLINK_CONNECTED
// after connect(), NETLINK_UNCONNECTED after a disconnect, and TCP_CLOSE, the
// state sock_init_data gives every new socket, before either.
var netlinkStateEnum = decode.NewEnum("ndiag_state", "NETLINK_", map[uint64]string{
	netlinkUnconnected: "NETLINK_UNCONNECTED", netlinkConnected: "NETLINK_CONNECTED",
	unix.BPF_TCP_CLOSE: "TCP_CLOSE",
})

var netlinkReq = decode.NewStruct("netlink_diag_req", "ndiag", append([]decode.Member{
	{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	{CName: "sdiag_protocol", Name: "ndiag.req_protocol", Kind: decode.KindU8, Enum: netlinkProtoEnum, Desc: "Netlink protocol asked for (NDIAG_PROTO_ALL: every one)."},
	padm(2),
	{CName: "ndiag_ino", Kind: decode.KindU32, Desc: "Inode of the one socket asked for, or 0."},
	{CName: "ndiag_show", Kind: decode.KindU32, Flags: ndiagShowFlags, Desc: "Attributes asked for (NDIAG_SHOW_*)."},
}, cookieMembers("ndiag_cookie", "ndiag.cookie")...)...)

var netlinkMsg = decode.NewStruct("netlink_diag_msg", "ndiag", append([]decode.Member{
	{CName: "ndiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_NETLINK)."},
	{CName: "ndiag_type", Kind: decode.KindU8, Enum: sockTypeEnum, Desc: "Socket type (SOCK_RAW or SOCK_DGRAM)."},
	{CName: "ndiag_protocol", Kind: decode.KindU8, Enum: netlinkProtoEnum, Desc: "Netlink protocol."},
	{CName: "ndiag_state", Kind: decode.KindU8, Enum: netlinkStateEnum, Desc: "NETLINK_CONNECTED, NETLINK_UNCONNECTED, or TCP_CLOSE for a socket never connected."},
	{CName: "ndiag_portid", Kind: decode.KindU32, Desc: "Port id the socket is bound to (0: the kernel's socket)."},
	{CName: "ndiag_dst_portid", Kind: decode.KindU32, Desc: "Port id of the connected peer."},
	{CName: "ndiag_dst_group", Kind: decode.KindU32, Desc: "Multicast group of the connected peer."},
	{CName: "ndiag_ino", Kind: decode.KindU32, Desc: "Socket inode number (0: kernel socket)."},
}, cookieMembers("ndiag_cookie", "ndiag.cookie")...)...)

var netlinkRing = decode.NewStruct("netlink_diag_ring", "ndr",
	u32m("ndr_block_size", "Ring block size."),
	u32m("ndr_block_nr", "Ring blocks."),
	u32m("ndr_frame_size", "Ring frame size."),
	u32m("ndr_frame_nr", "Ring frames."),
)

var netlinkAttrs = decode.NewAttrSet("NETLINK_DIAG", "netlink_diag",
	memAttr(netlinkDiagMeminfo, "NETLINK_DIAG_MEMINFO"),
	decode.Attr{Type: netlinkDiagGroups, CName: "NETLINK_DIAG_GROUPS", Kind: decode.KindBinary, Custom: decodeGroups,
		Desc: "Multicast group bitmap (unsigned longs in host order): bit n-1 for group n; one netlink_diag.group child per group."},
	structa(netlinkDiagRxRing, "NETLINK_DIAG_RX_RING", netlinkRing, "Receive ring (mmap, removed in 4.6)."),
	structa(netlinkDiagTxRing, "NETLINK_DIAG_TX_RING", netlinkRing, "Transmit ring (mmap, removed in 4.6)."),
	decode.Attr{Type: netlinkDiagFlags, CName: "NETLINK_DIAG_FLAGS", Kind: decode.KindU32, Flags: ndiagFlags, Desc: "Socket flags (NDIAG_FLAG_*)."},
)

var defGroup = decode.FieldDef{Name: "netlink_diag.group", Label: "group", Kind: decode.KindU32,
	Desc: "A multicast group the socket listens to (its bit in NETLINK_DIAG_GROUPS; the field's bytes are the byte holding the bit)."}

// decodeGroups is the Custom hook of NETLINK_DIAG_GROUPS: one child per group set.
func decodeGroups(c *decode.Context, f *decode.Field) {
	n := 0
	forEachGroup(f.Bytes, c.BigEndian, func(int, int) { n++ })
	if n == 0 {
		return
	}
	kids := c.Alloc(n)
	i := 0
	vs := f.Offset + 4
	forEachGroup(f.Bytes, c.BigEndian, func(group, byteIdx int) {
		c.SetBytes(&kids[i], &defGroup, vs+byteIdx, vs+byteIdx+1)
		kids[i].Value = uint64(group)
		i++
	})
	f.Children = kids
}

// groupList appends the group numbers set in a NETLINK_DIAG_GROUPS bitmap. The
// bitmap is unsigned longs: 8 bytes each when its length is a multiple of 8 (a
// 64-bit host, which byte order matters on), else 4.
func groupList(dst []int, b []byte, be bool) []int {
	forEachGroup(b, be, func(group, _ int) { dst = append(dst, group) })
	return dst
}

// forEachGroup calls fn with each group set in the bitmap b and the index of the
// byte holding its bit.
func forEachGroup(b []byte, be bool, fn func(group, byteIdx int)) {
	word := 4
	if len(b)%8 == 0 {
		word = 8
	}
	for w := 0; w+word <= len(b); w += word {
		for i := 0; i < word; i++ {
			byteIdx := w + i // little-endian: byte i holds bits 8i..8i+7
			if be {
				byteIdx = w + word - 1 - i
			}
			v := b[byteIdx]
			for bit := 0; bit < 8; bit++ {
				if v&(1<<bit) != 0 {
					fn(w*8+i*8+bit+1, byteIdx)
				}
			}
		}
	}
}
