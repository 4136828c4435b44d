package genl

// L2TP (family "l2tp"; include/uapi/linux/l2tp.h). No fixed header:
//
//	genlmsghdr { cmd = L2TP_CMD_TUNNEL_CREATE (1) ... L2TP_CMD_SESSION_GET (8), version 1 }
//	L2TP_ATTR_CONN_ID u32, L2TP_ATTR_PEER_CONN_ID u32, L2TP_ATTR_SESSION_ID u32,
//	L2TP_ATTR_ENCAP_TYPE u16, L2TP_ATTR_IP_SADDR/DADDR in_addr, L2TP_ATTR_UDP_SPORT u16,
//	L2TP_ATTR_IFNAME string, ..., L2TP_ATTR_STATS { L2TP_ATTR_TX_PACKETS u64, ... }
//
// golang.org/x/sys/unix has none of these constants; the values below are the
// kernel's, from include/uapi/linux/l2tp.h.

import (
	"github.com/nldump/nldump/decode"
)

// include/uapi/linux/l2tp.h
const l2tpGenlName = "l2tp"

// include/uapi/linux/l2tp.h, L2TP_CMD_* (anonymous enum)
const (
	l2tpCmdNoop          = 0
	l2tpCmdTunnelCreate  = 1
	l2tpCmdTunnelDelete  = 2
	l2tpCmdTunnelModify  = 3
	l2tpCmdTunnelGet     = 4
	l2tpCmdSessionCreate = 5
	l2tpCmdSessionDelete = 6
	l2tpCmdSessionModify = 7
	l2tpCmdSessionGet    = 8
)

// include/uapi/linux/l2tp.h, L2TP_ATTR_* (anonymous enum)
const (
	l2tpAttrPwType         = 1
	l2tpAttrEncapType      = 2
	l2tpAttrOffset         = 3
	l2tpAttrDataSeq        = 4
	l2tpAttrL2specType     = 5
	l2tpAttrL2specLen      = 6
	l2tpAttrProtoVersion   = 7
	l2tpAttrIfname         = 8
	l2tpAttrConnID         = 9
	l2tpAttrPeerConnID     = 10
	l2tpAttrSessionID      = 11
	l2tpAttrPeerSessionID  = 12
	l2tpAttrUDPCsum        = 13
	l2tpAttrVlanID         = 14
	l2tpAttrCookie         = 15
	l2tpAttrPeerCookie     = 16
	l2tpAttrDebug          = 17
	l2tpAttrRecvSeq        = 18
	l2tpAttrSendSeq        = 19
	l2tpAttrLNSMode        = 20
	l2tpAttrUsingIPsec     = 21
	l2tpAttrRecvTimeout    = 22
	l2tpAttrFD             = 23
	l2tpAttrIPSaddr        = 24
	l2tpAttrIPDaddr        = 25
	l2tpAttrUDPSport       = 26
	l2tpAttrUDPDport       = 27
	l2tpAttrMTU            = 28
	l2tpAttrMRU            = 29
	l2tpAttrStats          = 30
	l2tpAttrIP6Saddr       = 31
	l2tpAttrIP6Daddr       = 32
	l2tpAttrUDPZeroCsum6Tx = 33
	l2tpAttrUDPZeroCsum6Rx = 34
	l2tpAttrPad            = 35
)

// include/uapi/linux/l2tp.h, nested in L2TP_ATTR_STATS (anonymous enum)
const (
	l2tpAttrTxPackets        = 1
	l2tpAttrTxBytes          = 2
	l2tpAttrTxErrors         = 3
	l2tpAttrRxPackets        = 4
	l2tpAttrRxBytes          = 5
	l2tpAttrRxSeqDiscards    = 6
	l2tpAttrRxOOSPackets     = 7
	l2tpAttrRxErrors         = 8
	l2tpAttrStatsPad         = 9
	l2tpAttrRxCookieDiscards = 10 // added after STATS_PAD (Linux 5.8)
	l2tpAttrRxInvalid        = 11
)

var (
	// include/uapi/linux/l2tp.h, enum l2tp_pwtype
	l2tpPwType = decode.NewEnum("l2tp_pwtype", "L2TP_PWTYPE_", map[uint64]string{
		0x0000: "L2TP_PWTYPE_NONE", 0x0004: "L2TP_PWTYPE_ETH_VLAN", 0x0005: "L2TP_PWTYPE_ETH",
		0x0007: "L2TP_PWTYPE_PPP", 0x0008: "L2TP_PWTYPE_PPP_AC", 0x000b: "L2TP_PWTYPE_IP"})
	// include/uapi/linux/l2tp.h, enum l2tp_encap_type
	l2tpEncapType = decode.NewEnum("l2tp_encap_type", "L2TP_ENCAPTYPE_", map[uint64]string{
		0: "L2TP_ENCAPTYPE_UDP", 1: "L2TP_ENCAPTYPE_IP"})
	// include/uapi/linux/l2tp.h, enum l2tp_l2spec_type
	l2tpL2specType = decode.NewEnum("l2tp_l2spec_type", "L2TP_L2SPECTYPE_", map[uint64]string{
		0: "L2TP_L2SPECTYPE_NONE", 1: "L2TP_L2SPECTYPE_DEFAULT"})
	// include/uapi/linux/l2tp.h, enum l2tp_debug_flags
	l2tpDebugFlags = decode.NewFlagSet("l2tp_debug_flags", "L2TP_MSG_", map[uint64]string{
		1 << 0: "L2TP_MSG_DEBUG", 1 << 1: "L2TP_MSG_CONTROL", 1 << 2: "L2TP_MSG_SEQ", 1 << 3: "L2TP_MSG_DATA"})
)

var l2tpStatsAttrs = decode.NewAttrSet("L2TP_ATTR", "l2tp.stats",
	decode.Attr{Type: l2tpAttrTxPackets, CName: "L2TP_ATTR_TX_PACKETS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrTxBytes, CName: "L2TP_ATTR_TX_BYTES", Kind: decode.KindU64, Unit: "bytes"},
	decode.Attr{Type: l2tpAttrTxErrors, CName: "L2TP_ATTR_TX_ERRORS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrRxPackets, CName: "L2TP_ATTR_RX_PACKETS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrRxBytes, CName: "L2TP_ATTR_RX_BYTES", Kind: decode.KindU64, Unit: "bytes"},
	decode.Attr{Type: l2tpAttrRxSeqDiscards, CName: "L2TP_ATTR_RX_SEQ_DISCARDS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrRxOOSPackets, CName: "L2TP_ATTR_RX_OOS_PACKETS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrRxErrors, CName: "L2TP_ATTR_RX_ERRORS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrStatsPad, CName: "L2TP_ATTR_STATS_PAD", Kind: decode.KindPad},
	decode.Attr{Type: l2tpAttrRxCookieDiscards, CName: "L2TP_ATTR_RX_COOKIE_DISCARDS", Kind: decode.KindU64},
	decode.Attr{Type: l2tpAttrRxInvalid, CName: "L2TP_ATTR_RX_INVALID", Kind: decode.KindU64},
)

var l2tpAttrs = decode.NewAttrSet("L2TP_ATTR", "l2tp",
	decode.Attr{Type: l2tpAttrPwType, CName: "L2TP_ATTR_PW_TYPE", Kind: decode.KindU16, Enum: l2tpPwType},
	decode.Attr{Type: l2tpAttrEncapType, CName: "L2TP_ATTR_ENCAP_TYPE", Kind: decode.KindU16, Enum: l2tpEncapType},
	decode.Attr{Type: l2tpAttrOffset, CName: "L2TP_ATTR_OFFSET", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrDataSeq, CName: "L2TP_ATTR_DATA_SEQ", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrL2specType, CName: "L2TP_ATTR_L2SPEC_TYPE", Kind: decode.KindU8, Enum: l2tpL2specType},
	decode.Attr{Type: l2tpAttrL2specLen, CName: "L2TP_ATTR_L2SPEC_LEN", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrProtoVersion, CName: "L2TP_ATTR_PROTO_VERSION", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrIfname, CName: "L2TP_ATTR_IFNAME", Kind: decode.KindString},
	decode.Attr{Type: l2tpAttrConnID, CName: "L2TP_ATTR_CONN_ID", Kind: decode.KindU32},
	decode.Attr{Type: l2tpAttrPeerConnID, CName: "L2TP_ATTR_PEER_CONN_ID", Kind: decode.KindU32},
	decode.Attr{Type: l2tpAttrSessionID, CName: "L2TP_ATTR_SESSION_ID", Kind: decode.KindU32},
	decode.Attr{Type: l2tpAttrPeerSessionID, CName: "L2TP_ATTR_PEER_SESSION_ID", Kind: decode.KindU32},
	decode.Attr{Type: l2tpAttrUDPCsum, CName: "L2TP_ATTR_UDP_CSUM", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrVlanID, CName: "L2TP_ATTR_VLAN_ID", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrCookie, CName: "L2TP_ATTR_COOKIE", Kind: decode.KindBinary},
	decode.Attr{Type: l2tpAttrPeerCookie, CName: "L2TP_ATTR_PEER_COOKIE", Kind: decode.KindBinary},
	decode.Attr{Type: l2tpAttrDebug, CName: "L2TP_ATTR_DEBUG", Kind: decode.KindU32, Flags: l2tpDebugFlags},
	decode.Attr{Type: l2tpAttrRecvSeq, CName: "L2TP_ATTR_RECV_SEQ", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrSendSeq, CName: "L2TP_ATTR_SEND_SEQ", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrLNSMode, CName: "L2TP_ATTR_LNS_MODE", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrUsingIPsec, CName: "L2TP_ATTR_USING_IPSEC", Kind: decode.KindU8},
	decode.Attr{Type: l2tpAttrRecvTimeout, CName: "L2TP_ATTR_RECV_TIMEOUT", Kind: decode.KindU64, Unit: "ms"},
	decode.Attr{Type: l2tpAttrFD, CName: "L2TP_ATTR_FD", Kind: decode.KindS32},
	decode.Attr{Type: l2tpAttrIPSaddr, CName: "L2TP_ATTR_IP_SADDR", Kind: decode.KindAddr},
	decode.Attr{Type: l2tpAttrIPDaddr, CName: "L2TP_ATTR_IP_DADDR", Kind: decode.KindAddr},
	decode.Attr{Type: l2tpAttrUDPSport, CName: "L2TP_ATTR_UDP_SPORT", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrUDPDport, CName: "L2TP_ATTR_UDP_DPORT", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrMTU, CName: "L2TP_ATTR_MTU", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrMRU, CName: "L2TP_ATTR_MRU", Kind: decode.KindU16},
	decode.Attr{Type: l2tpAttrStats, CName: "L2TP_ATTR_STATS", Nested: l2tpStatsAttrs},
	decode.Attr{Type: l2tpAttrIP6Saddr, CName: "L2TP_ATTR_IP6_SADDR", Kind: decode.KindAddr},
	decode.Attr{Type: l2tpAttrIP6Daddr, CName: "L2TP_ATTR_IP6_DADDR", Kind: decode.KindAddr},
	decode.Attr{Type: l2tpAttrUDPZeroCsum6Tx, CName: "L2TP_ATTR_UDP_ZERO_CSUM6_TX", Kind: decode.KindFlag},
	decode.Attr{Type: l2tpAttrUDPZeroCsum6Rx, CName: "L2TP_ATTR_UDP_ZERO_CSUM6_RX", Kind: decode.KindFlag},
	decode.Attr{Type: l2tpAttrPad, CName: "L2TP_ATTR_PAD", Kind: decode.KindPad},
)

func init() {
	RegisterFamily(l2tpGenlName, &Family{
		Prefix: "L2TP_CMD_",
		Attrs:  l2tpAttrs,
		Commands: []Command{
			{Cmd: l2tpCmdNoop, CName: "L2TP_CMD_NOOP"},
			{Cmd: l2tpCmdTunnelCreate, CName: "L2TP_CMD_TUNNEL_CREATE"},
			{Cmd: l2tpCmdTunnelDelete, CName: "L2TP_CMD_TUNNEL_DELETE"},
			{Cmd: l2tpCmdTunnelModify, CName: "L2TP_CMD_TUNNEL_MODIFY"},
			{Cmd: l2tpCmdTunnelGet, CName: "L2TP_CMD_TUNNEL_GET"},
			{Cmd: l2tpCmdSessionCreate, CName: "L2TP_CMD_SESSION_CREATE"},
			{Cmd: l2tpCmdSessionDelete, CName: "L2TP_CMD_SESSION_DELETE"},
			{Cmd: l2tpCmdSessionModify, CName: "L2TP_CMD_SESSION_MODIFY"},
			{Cmd: l2tpCmdSessionGet, CName: "L2TP_CMD_SESSION_GET"},
		},
		Summary: l2tpSummary,
	})
}

// l2tpSummary: "tunnel 1 session 10 dev l2tpeth0 10.0.0.1 -> 10.0.0.2".
func l2tpSummary(m *decode.Message, cmd uint8, reply bool) string {
	s := ""
	add := func(label, name string) { s = addFieldWord(s, m, label, name) }
	add("tunnel ", "l2tp.conn_id")
	add("session ", "l2tp.session_id")
	add("dev ", "l2tp.ifname")
	add("", "l2tp.ip_saddr")
	add("", "l2tp.ip6_saddr")
	if m.Field("l2tp.ip_daddr") != nil || m.Field("l2tp.ip6_daddr") != nil {
		s += " ->"
	}
	add("", "l2tp.ip_daddr")
	add("", "l2tp.ip6_daddr")
	if s == "" {
		return attrCount(m)
	}
	return s
}
