package sockdiag

// vsock_diag (include/uapi/linux/vm_sockets_diag.h) and xdp_diag
// (include/uapi/linux/xdp_diag.h): AF_VSOCK and AF_XDP sockets.
//
//	struct vsock_diag_msg (32 bytes)          struct xdp_diag_msg (16 bytes)
//	+--------+------+-------+----------+      +--------+------+--------------+
//	| family | type | state | shutdown |      | family | type |     pad      |
//	+--------+------+-------+----------+      +--------+------+--------------+
//	| src_cid, src_port, dst_cid,      |      |          xdiag_ino           |
//	| dst_port, vdiag_ino (u32 each)   |      +------------------------------+
//	+----------------------------------+      |       xdiag_cookie[2]        |
//	|        vdiag_cookie[2]           |      +------------------------------+
//	+----------------------------------+      | XDP_DIAG_* attributes        |
//
// The requests are struct vsock_diag_req (family, protocol, pad, states, ino,
// show, cookie) and struct xdp_diag_req (family, protocol, pad, ino, show,
// cookie). vsock replies carry no attributes.

import (
	"github.com/nldump/nldump/decode"
)

// include/uapi/linux/xdp_diag.h: xdiag_show bits, attributes, umem flags.
const (
	xdpShowInfo    = 1 << 0 // XDP_SHOW_INFO
	xdpShowRingCfg = 1 << 1 // XDP_SHOW_RING_CFG
	xdpShowUmem    = 1 << 2 // XDP_SHOW_UMEM
	xdpShowMeminfo = 1 << 3 // XDP_SHOW_MEMINFO
	xdpShowStats   = 1 << 4 // XDP_SHOW_STATS

	xdpDiagInfo               = 1 // XDP_DIAG_INFO
	xdpDiagUID                = 2 // XDP_DIAG_UID
	xdpDiagRxRing             = 3 // XDP_DIAG_RX_RING
	xdpDiagTxRing             = 4 // XDP_DIAG_TX_RING
	xdpDiagUmem               = 5 // XDP_DIAG_UMEM
	xdpDiagUmemFillRing       = 6 // XDP_DIAG_UMEM_FILL_RING
	xdpDiagUmemCompletionRing = 7 // XDP_DIAG_UMEM_COMPLETION_RING
	xdpDiagMeminfo            = 8 // XDP_DIAG_MEMINFO
	xdpDiagStats              = 9 // XDP_DIAG_STATS

	xdpDuFZerocopy = 1 << 0 // XDP_DU_F_ZEROCOPY
)

var vsockReq = decode.NewStruct("vsock_diag_req", "vdiag", append([]decode.Member{
	{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Desc: "Protocol (must be 0)."},
	padm(2),
	{CName: "vdiag_states", Kind: decode.KindU32, Flags: tcpStatesFlags, Desc: "States to dump: bit 1<<state."},
	{CName: "vdiag_ino", Kind: decode.KindU32, Desc: "Reserved (0)."},
	{CName: "vdiag_show", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Reserved (0)."},
}, cookieMembers("vdiag_cookie", "vdiag.cookie")...)...)

var vsockMsg = decode.NewStruct("vsock_diag_msg", "vdiag", append([]decode.Member{
	{CName: "vdiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_VSOCK)."},
	{CName: "vdiag_type", Kind: decode.KindU8, Enum: sockTypeEnum, Desc: "Socket type (SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET)."},
	{CName: "vdiag_state", Kind: decode.KindU8, Enum: tcpStateEnum, Desc: "Socket state (TCP_* values)."},
	{CName: "vdiag_shutdown", Kind: decode.KindU8, Flags: shutdownFlags, Desc: "Shut-down directions."},
	{CName: "vdiag_src_cid", Kind: decode.KindU32, Desc: "Local context id (4294967295: VMADDR_CID_ANY)."},
	{CName: "vdiag_src_port", Kind: decode.KindU32, Desc: "Local port (4294967295: VMADDR_PORT_ANY)."},
	{CName: "vdiag_dst_cid", Kind: decode.KindU32, Desc: "Peer context id."},
	{CName: "vdiag_dst_port", Kind: decode.KindU32, Desc: "Peer port."},
	{CName: "vdiag_ino", Kind: decode.KindU32, Desc: "Socket inode number."},
}, cookieMembers("vdiag_cookie", "vdiag.cookie")...)...)

var xdpShowFlags = decode.NewFlagSet("xdiag_show", "XDP_SHOW_", map[uint64]string{
	xdpShowInfo: "XDP_SHOW_INFO", xdpShowRingCfg: "XDP_SHOW_RING_CFG", xdpShowUmem: "XDP_SHOW_UMEM",
	xdpShowMeminfo: "XDP_SHOW_MEMINFO", xdpShowStats: "XDP_SHOW_STATS",
})

var xdpReq = decode.NewStruct("xdp_diag_req", "xdiag", append([]decode.Member{
	{CName: "sdiag_family", Name: "sdiag.family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family of the sockets asked for."},
	{CName: "sdiag_protocol", Name: "sdiag.protocol", Kind: decode.KindU8, Desc: "Protocol (0)."},
	padm(2),
	{CName: "xdiag_ino", Kind: decode.KindU32, Desc: "Inode of the one socket asked for, or 0."},
	{CName: "xdiag_show", Kind: decode.KindU32, Flags: xdpShowFlags, Desc: "Attributes asked for (XDP_SHOW_*)."},
}, cookieMembers("xdiag_cookie", "xdiag.cookie")...)...)

var xdpMsg = decode.NewStruct("xdp_diag_msg", "xdiag", append([]decode.Member{
	{CName: "xdiag_family", Kind: decode.KindU8, Enum: familyEnum, Desc: "Address family (AF_XDP)."},
	{CName: "xdiag_type", Kind: decode.KindU8, Enum: sockTypeEnum, Desc: "Socket type (SOCK_RAW)."},
	padm(2),
	{CName: "xdiag_ino", Kind: decode.KindU32, Desc: "Socket inode number."},
}, cookieMembers("xdiag_cookie", "xdiag.cookie")...)...)

var xdpInfo = decode.NewStruct("xdp_diag_info", "xdp_diag.info",
	decode.Member{CName: "ifindex", Name: "xdp_diag.info.ifindex", Kind: decode.KindU32, Desc: "Interface the socket is bound to."},
	decode.Member{CName: "queue_id", Name: "xdp_diag.info.queue_id", Kind: decode.KindU32, Desc: "Queue the socket is bound to."},
)

var xdpRing = decode.NewStruct("xdp_diag_ring", "xdp_diag.ring",
	decode.Member{CName: "entries", Name: "xdp_diag.ring.entries", Kind: decode.KindU32, Desc: "Descriptors in the ring."})

var xdpUmemFlags = decode.NewFlagSet("xdp_diag_umem_flags", "XDP_DU_F_", map[uint64]string{xdpDuFZerocopy: "XDP_DU_F_ZEROCOPY"})

var xdpUmem = decode.NewStruct("xdp_diag_umem", "xdp_diag.umem",
	decode.Member{CName: "size", Name: "xdp_diag.umem.size", Kind: decode.KindU64, Unit: "bytes", Desc: "UMEM size."},
	decode.Member{CName: "id", Name: "xdp_diag.umem.id", Kind: decode.KindU32, Desc: "UMEM id."},
	decode.Member{CName: "num_pages", Name: "xdp_diag.umem.num_pages", Kind: decode.KindU32, Desc: "Pages."},
	decode.Member{CName: "chunk_size", Name: "xdp_diag.umem.chunk_size", Kind: decode.KindU32, Unit: "bytes", Desc: "Chunk size."},
	decode.Member{CName: "headroom", Name: "xdp_diag.umem.headroom", Kind: decode.KindU32, Unit: "bytes", Desc: "Headroom per chunk."},
	decode.Member{CName: "ifindex", Name: "xdp_diag.umem.ifindex", Kind: decode.KindU32, Desc: "Interface of a zero-copy UMEM."},
	decode.Member{CName: "queue_id", Name: "xdp_diag.umem.queue_id", Kind: decode.KindU32, Desc: "Queue of a zero-copy UMEM."},
	decode.Member{CName: "flags", Name: "xdp_diag.umem.flags", Kind: decode.KindU32, Flags: xdpUmemFlags, Desc: "XDP_DU_F_* bits."},
	decode.Member{CName: "refs", Name: "xdp_diag.umem.refs", Kind: decode.KindU32, Desc: "Sockets sharing the UMEM."},
)

var xdpStats = decode.NewStruct("xdp_diag_stats", "xdp_diag.stats",
	decode.Member{CName: "n_rx_dropped", Name: "xdp_diag.stats.rx_dropped", Kind: decode.KindU64, Desc: "Packets dropped for other reasons."},
	decode.Member{CName: "n_rx_invalid", Name: "xdp_diag.stats.rx_invalid", Kind: decode.KindU64, Desc: "Packets dropped as invalid descriptors."},
	decode.Member{CName: "n_rx_full", Name: "xdp_diag.stats.rx_full", Kind: decode.KindU64, Desc: "Packets dropped for a full rx ring."},
	decode.Member{CName: "n_fill_ring_empty", Name: "xdp_diag.stats.fill_ring_empty", Kind: decode.KindU64, Desc: "Times the fill ring was empty."},
	decode.Member{CName: "n_tx_invalid", Name: "xdp_diag.stats.tx_invalid", Kind: decode.KindU64, Desc: "Invalid tx descriptors."},
	decode.Member{CName: "n_tx_ring_empty", Name: "xdp_diag.stats.tx_ring_empty", Kind: decode.KindU64, Desc: "Times the tx ring was empty."},
)

var xdpAttrs = decode.NewAttrSet("XDP_DIAG", "xdp_diag",
	structa(xdpDiagInfo, "XDP_DIAG_INFO", xdpInfo, "Interface and queue."),
	u32a(xdpDiagUID, "XDP_DIAG_UID", "Owner's user id."),
	structa(xdpDiagRxRing, "XDP_DIAG_RX_RING", xdpRing, "Receive ring."),
	structa(xdpDiagTxRing, "XDP_DIAG_TX_RING", xdpRing, "Transmit ring."),
	structa(xdpDiagUmem, "XDP_DIAG_UMEM", xdpUmem, "The UMEM."),
	structa(xdpDiagUmemFillRing, "XDP_DIAG_UMEM_FILL_RING", xdpRing, "UMEM fill ring."),
	structa(xdpDiagUmemCompletionRing, "XDP_DIAG_UMEM_COMPLETION_RING", xdpRing, "UMEM completion ring."),
	memAttr(xdpDiagMeminfo, "XDP_DIAG_MEMINFO"),
	structa(xdpDiagStats, "XDP_DIAG_STATS", xdpStats, "Drop and ring counters."),
)
