package netfilter

// ctnetlink (include/uapi/linux/netfilter/nfnetlink_conntrack.h): conntrack entries
// (NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_*) and expectations
// (NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_*). After struct nfgenmsg (family
// NFPROTO_IPV4/IPV6; res_id the CPU in per-CPU statistics) come CTA_* attributes:
//
//	CTA_TUPLE_ORIG/REPLY/MASTER nested
//	    CTA_TUPLE_IP    nested  CTA_IP_V4_SRC/DST (4 bytes), CTA_IP_V6_SRC/DST (16)
//	    CTA_TUPLE_PROTO nested  CTA_PROTO_NUM u8, CTA_PROTO_SRC/DST_PORT be16,
//	                            CTA_PROTO_ICMP(V6)_ID be16, _TYPE u8, _CODE u8
//	    CTA_TUPLE_ZONE  be16
//	CTA_STATUS be32 IPS_*   CTA_TIMEOUT be32 s   CTA_MARK be32   CTA_USE be32
//	CTA_ID be32             CTA_ZONE be16        CTA_PROTOINFO nested (TCP, DCCP, SCTP)
//	CTA_COUNTERS_ORIG/REPLY nested  CTA_COUNTERS_PACKETS/BYTES be64
//	CTA_NAT_SRC/DST, CTA_SEQ_ADJ_ORIG/REPLY, CTA_SECCTX, CTA_TIMESTAMP, CTA_LABELS,
//	CTA_SYNPROXY, CTA_HELP, CTA_FILTER (dump filter, host-order u32 flags)
//
// Every integer is big-endian except CTA_FILTER's flags.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ipprotoEnum names the layer-4 protocols conntrack tracks.
var ipprotoEnum = decode.NewEnum("ipproto", "IPPROTO_", map[uint64]string{
	unix.IPPROTO_ICMP: "IPPROTO_ICMP", unix.IPPROTO_TCP: "IPPROTO_TCP", unix.IPPROTO_UDP: "IPPROTO_UDP",
	unix.IPPROTO_DCCP: "IPPROTO_DCCP", unix.IPPROTO_GRE: "IPPROTO_GRE", unix.IPPROTO_ICMPV6: "IPPROTO_ICMPV6",
	unix.IPPROTO_SCTP: "IPPROTO_SCTP", unix.IPPROTO_UDPLITE: "IPPROTO_UDPLITE", unix.IPPROTO_IGMP: "IPPROTO_IGMP",
	unix.IPPROTO_ESP: "IPPROTO_ESP", unix.IPPROTO_AH: "IPPROTO_AH", unix.IPPROTO_IPIP: "IPPROTO_IPIP",
	unix.IPPROTO_IPV6: "IPPROTO_IPV6",
})

var (
	ctStatusFlags = flagsByPrefix("ip_conntrack_status", "IPS_", "IPS_NAT_CLASH")
	tcpStateEnum  = enumOf("tcp_conntrack", "TCP_CONNTRACK_")
	sctpStateEnum = enumOf("sctp_conntrack", "SCTP_CONNTRACK_")
	tcpFlags      = flagsOf("ip_ct_tcp_flags", "IP_CT_TCP_FLAG_", "IP_CT_TCP_FLAG_WINDOW_SCALE", "IP_CT_TCP_FLAG_SACK_PERM",
		"IP_CT_TCP_FLAG_CLOSE_INIT", "IP_CT_TCP_FLAG_BE_LIBERAL", "IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED",
		"IP_CT_TCP_FLAG_MAXACK_SET", "IP_CT_EXP_CHALLENGE_ACK", "IP_CT_TCP_SIMULTANEOUS_OPEN")
	expectFlags = flagsByPrefix("nf_ct_expect_flags", "NF_CT_EXPECT_")
)

// ctIPAttrs is the CTA_IP_* set.
var ctIPAttrs = decode.NewAttrSet("CTA_IP", "ct.ip",
	addr("CTA_IP_V4_SRC"), addr("CTA_IP_V4_DST"), addr("CTA_IP_V6_SRC"), addr("CTA_IP_V6_DST"),
)

// ctProtoAttrs is the CTA_PROTO_* set.
var ctProtoAttrs = decode.NewAttrSet("CTA_PROTO", "ct.proto",
	withEnum(u8("CTA_PROTO_NUM"), ipprotoEnum),
	be16("CTA_PROTO_SRC_PORT"),
	be16("CTA_PROTO_DST_PORT"),
	be16("CTA_PROTO_ICMP_ID"),
	u8("CTA_PROTO_ICMP_TYPE"),
	u8("CTA_PROTO_ICMP_CODE"),
	be16("CTA_PROTO_ICMPV6_ID"),
	u8("CTA_PROTO_ICMPV6_TYPE"),
	u8("CTA_PROTO_ICMPV6_CODE"),
)

// ctTupleAttrs is the CTA_TUPLE_* set.
var ctTupleAttrs = decode.NewAttrSet("CTA_TUPLE", "ct.tuple",
	nest("CTA_TUPLE_IP", ctIPAttrs),
	nest("CTA_TUPLE_PROTO", ctProtoAttrs),
	be16("CTA_TUPLE_ZONE"),
)

// nfCtTCPFlags is struct nf_ct_tcp_flags (nfnetlink_conntrack.h).
var nfCtTCPFlags = decode.NewStruct("nf_ct_tcp_flags", "ct.protoinfo.tcp.flags",
	decode.Member{CName: "flags", Kind: decode.KindU8, Flags: tcpFlags},
	decode.Member{CName: "mask", Kind: decode.KindU8, Flags: tcpFlags},
)

var (
	ctTCPInfoAttrs = decode.NewAttrSet("CTA_PROTOINFO_TCP", "ct.protoinfo.tcp",
		withEnum(u8("CTA_PROTOINFO_TCP_STATE"), tcpStateEnum),
		u8("CTA_PROTOINFO_TCP_WSCALE_ORIGINAL"),
		u8("CTA_PROTOINFO_TCP_WSCALE_REPLY"),
		strct("CTA_PROTOINFO_TCP_FLAGS_ORIGINAL", nfCtTCPFlags),
		strct("CTA_PROTOINFO_TCP_FLAGS_REPLY", nfCtTCPFlags),
	)
	ctDCCPInfoAttrs = decode.NewAttrSet("CTA_PROTOINFO_DCCP", "ct.protoinfo.dccp",
		u8("CTA_PROTOINFO_DCCP_STATE"),
		u8("CTA_PROTOINFO_DCCP_ROLE"),
		be64("CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ"),
		pad("CTA_PROTOINFO_DCCP_PAD"),
	)
	ctSCTPInfoAttrs = decode.NewAttrSet("CTA_PROTOINFO_SCTP", "ct.protoinfo.sctp",
		withEnum(u8("CTA_PROTOINFO_SCTP_STATE"), sctpStateEnum),
		hex32("CTA_PROTOINFO_SCTP_VTAG_ORIGINAL"),
		hex32("CTA_PROTOINFO_SCTP_VTAG_REPLY"),
	)
	ctProtoInfoAttrs = decode.NewAttrSet("CTA_PROTOINFO", "ct.protoinfo",
		nest("CTA_PROTOINFO_TCP", ctTCPInfoAttrs),
		nest("CTA_PROTOINFO_DCCP", ctDCCPInfoAttrs),
		nest("CTA_PROTOINFO_SCTP", ctSCTPInfoAttrs),
	)
	ctCountersAttrs = decode.NewAttrSet("CTA_COUNTERS", "ct.counters",
		be64("CTA_COUNTERS_PACKETS"),
		withUnit(be64("CTA_COUNTERS_BYTES"), "bytes"),
		be32("CTA_COUNTERS32_PACKETS"),
		withUnit(be32("CTA_COUNTERS32_BYTES"), "bytes"),
		pad("CTA_COUNTERS_PAD"),
	)
	ctProtoNATAttrs = decode.NewAttrSet("CTA_PROTONAT", "ct.protonat",
		be16("CTA_PROTONAT_PORT_MIN"),
		be16("CTA_PROTONAT_PORT_MAX"),
	)
	ctNATAttrs = decode.NewAttrSet("CTA_NAT", "ct.nat",
		addr("CTA_NAT_V4_MINIP"),
		addr("CTA_NAT_V4_MAXIP"),
		nest("CTA_NAT_PROTO", ctProtoNATAttrs),
		addr("CTA_NAT_V6_MINIP"),
		addr("CTA_NAT_V6_MAXIP"),
	)
	ctSeqAdjAttrs = decode.NewAttrSet("CTA_SEQADJ", "ct.seqadj",
		be32("CTA_SEQADJ_CORRECTION_POS"),
		be("CTA_SEQADJ_OFFSET_BEFORE", decode.KindS32),
		be("CTA_SEQADJ_OFFSET_AFTER", decode.KindS32),
	)
	ctHelpAttrs = decode.NewAttrSet("CTA_HELP", "ct.help",
		str("CTA_HELP_NAME"),
		bin("CTA_HELP_INFO"),
	)
	ctSecCtxAttrs = decode.NewAttrSet("CTA_SECCTX", "ct.secctx",
		str("CTA_SECCTX_NAME"),
	)
	ctTimestampAttrs = decode.NewAttrSet("CTA_TIMESTAMP", "ct.timestamp",
		withUnit(be64("CTA_TIMESTAMP_START"), "ns"),
		withUnit(be64("CTA_TIMESTAMP_STOP"), "ns"),
		pad("CTA_TIMESTAMP_PAD"),
	)
	ctSynproxyAttrs = decode.NewAttrSet("CTA_SYNPROXY", "ct.synproxy",
		be32("CTA_SYNPROXY_ISN"),
		be32("CTA_SYNPROXY_ITS"),
		be32("CTA_SYNPROXY_TSOFF"),
	)
	ctFilterAttrs = decode.NewAttrSet("CTA_FILTER", "ct.filter",
		withDesc(at("CTA_FILTER_ORIG_FLAGS", decode.KindU32), "Which original-tuple fields the dump filters on (CTA_FILTER_FLAG_*, host order)."),
		withDesc(at("CTA_FILTER_REPLY_FLAGS", decode.KindU32), "Which reply-tuple fields the dump filters on (CTA_FILTER_FLAG_*, host order)."),
	)
)

// ctAttrs is the CTA_* set of conntrack entries.
var ctAttrs = decode.NewAttrSet("CTA", "ct",
	nest("CTA_TUPLE_ORIG", ctTupleAttrs),
	nest("CTA_TUPLE_REPLY", ctTupleAttrs),
	withFlags(be32("CTA_STATUS"), ctStatusFlags),
	nest("CTA_PROTOINFO", ctProtoInfoAttrs),
	nest("CTA_HELP", ctHelpAttrs),
	nest("CTA_NAT_SRC", ctNATAttrs),
	withUnit(be32("CTA_TIMEOUT"), "s"),
	hex32("CTA_MARK"),
	nest("CTA_COUNTERS_ORIG", ctCountersAttrs),
	nest("CTA_COUNTERS_REPLY", ctCountersAttrs),
	withDesc(be32("CTA_USE"), "Reference count of the entry."),
	hex32("CTA_ID"),
	nest("CTA_NAT_DST", ctNATAttrs),
	nest("CTA_TUPLE_MASTER", ctTupleAttrs),
	nest("CTA_SEQ_ADJ_ORIG", ctSeqAdjAttrs),
	nest("CTA_SEQ_ADJ_REPLY", ctSeqAdjAttrs),
	be32("CTA_SECMARK"),
	be16("CTA_ZONE"),
	nest("CTA_SECCTX", ctSecCtxAttrs),
	nest("CTA_TIMESTAMP", ctTimestampAttrs),
	hex32("CTA_MARK_MASK"),
	withDesc(bin("CTA_LABELS"), "Connection label bitmap."),
	bin("CTA_LABELS_MASK"),
	nest("CTA_SYNPROXY", ctSynproxyAttrs),
	nest("CTA_FILTER", ctFilterAttrs),
	withFlags(be32("CTA_STATUS_MASK"), ctStatusFlags),
)

// ctStatsCPUAttrs is the CTA_STATS_* set of IPCTNL_MSG_CT_GET_STATS_CPU replies.
var ctStatsCPUAttrs = decode.NewAttrSet("CTA_STATS", "ct.stats",
	be32("CTA_STATS_SEARCHED"), be32("CTA_STATS_FOUND"), be32("CTA_STATS_NEW"), be32("CTA_STATS_INVALID"),
	be32("CTA_STATS_IGNORE"), be32("CTA_STATS_DELETE"), be32("CTA_STATS_DELETE_LIST"), be32("CTA_STATS_INSERT"),
	be32("CTA_STATS_INSERT_FAILED"), be32("CTA_STATS_DROP"), be32("CTA_STATS_EARLY_DROP"), be32("CTA_STATS_ERROR"),
	be32("CTA_STATS_SEARCH_RESTART"), be32("CTA_STATS_CLASH_RESOLVE"), be32("CTA_STATS_CHAIN_TOOLONG"),
)

// ctStatsGlobalAttrs is the CTA_STATS_GLOBAL_* set of IPCTNL_MSG_CT_GET_STATS.
var ctStatsGlobalAttrs = decode.NewAttrSet("CTA_STATS_GLOBAL", "ct.stats.global",
	be32("CTA_STATS_GLOBAL_ENTRIES"), be32("CTA_STATS_GLOBAL_MAX_ENTRIES"),
)

// expNATAttrs is the CTA_EXPECT_NAT_* set.
var expNATAttrs = decode.NewAttrSet("CTA_EXPECT_NAT", "ct.expect.nat",
	withEnum(be32("CTA_EXPECT_NAT_DIR"), ctDirEnum),
	nest("CTA_EXPECT_NAT_TUPLE", ctTupleAttrs),
)

// expAttrs is the CTA_EXPECT_* set of expectations.
var expAttrs = decode.NewAttrSet("CTA_EXPECT", "ct.expect",
	nest("CTA_EXPECT_MASTER", ctTupleAttrs),
	nest("CTA_EXPECT_TUPLE", ctTupleAttrs),
	nest("CTA_EXPECT_MASK", ctTupleAttrs),
	withUnit(be32("CTA_EXPECT_TIMEOUT"), "s"),
	hex32("CTA_EXPECT_ID"),
	str("CTA_EXPECT_HELP_NAME"),
	be16("CTA_EXPECT_ZONE"),
	withFlags(be32("CTA_EXPECT_FLAGS"), expectFlags),
	be32("CTA_EXPECT_CLASS"),
	nest("CTA_EXPECT_NAT", expNATAttrs),
	str("CTA_EXPECT_FN"),
)

// expStatsAttrs is the CTA_STATS_EXP_* set of IPCTNL_MSG_EXP_GET_STATS_CPU.
var expStatsAttrs = decode.NewAttrSet("CTA_STATS_EXP", "ct.stats.exp",
	be32("CTA_STATS_EXP_NEW"), be32("CTA_STATS_EXP_CREATE"), be32("CTA_STATS_EXP_DELETE"),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_CTNETLINK, "IPCTNL_MSG_CT_", nil, func(name string) *decode.AttrSet {
		switch name {
		case "IPCTNL_MSG_CT_GET_STATS_CPU":
			return ctStatsCPUAttrs
		case "IPCTNL_MSG_CT_GET_STATS":
			return ctStatsGlobalAttrs
		}
		return ctAttrs
	}, ctSummary)
	addSubsystem(unix.NFNL_SUBSYS_CTNETLINK_EXP, "IPCTNL_MSG_EXP_", nil, func(name string) *decode.AttrSet {
		if name == "IPCTNL_MSG_EXP_GET_STATS_CPU" {
			return expStatsAttrs
		}
		return expAttrs
	}, expSummary)
}
