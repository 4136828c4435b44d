package route

// Route messages (RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE): struct rtmsg
// (include/uapi/linux/rtnetlink.h) and RTA_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  rtm_family   |  rtm_dst_len  |  rtm_src_len  |    rtm_tos    |
//	+---------------+---------------+---------------+---------------+
//	|   rtm_table   | rtm_protocol  |   rtm_scope   |   rtm_type    |
//	+---------------+---------------+---------------+---------------+
//	|                          rtm_flags                            |
//	+---------------+---------------+---------------+---------------+
//	|  RTA_* attributes ...                                         |
//
// RTA_MULTIPATH is a sequence of struct rtnexthop, each followed by its own RTA_*
// attributes (gateway, encapsulation, flow):
//
//	+---------------+---------------+---------------+---------------+
//	|           rtnh_len            |  rtnh_flags   |   rtnh_hops   |
//	+---------------+---------------+---------------+---------------+
//	|                         rtnh_ifindex                          |
//	+---------------+---------------+---------------+---------------+
//	|  RTA_* attributes of this nexthop ... (rtnh_len - 8 bytes)    |
//
// Addresses (RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC) are in the family of
// rtm_family: 4 bytes IPv4, 16 bytes IPv6, and for AF_MPLS a label stack.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// rtmsg is struct rtmsg.
var rtmsg = newStruct("rtmsg", "rtm",
	decode.Member{CName: "rtm_family", Kind: decode.KindU8, Enum: afEnum, Desc: "Address family of the route."},
	decode.Member{CName: "rtm_dst_len", Kind: decode.KindU8, Desc: "Destination prefix length."},
	decode.Member{CName: "rtm_src_len", Kind: decode.KindU8, Desc: "Source prefix length."},
	decode.Member{CName: "rtm_tos", Kind: decode.KindU8, Display: decode.DisplayHex, Desc: "TOS/DSCP to match."},
	decode.Member{CName: "rtm_table", Kind: decode.KindU8, Enum: tableEnum, Desc: "Routing table (RTA_TABLE holds ids above 255)."},
	decode.Member{CName: "rtm_protocol", Kind: decode.KindU8, Enum: protoEnum, Desc: "Who installed the route (RTPROT_*)."},
	decode.Member{CName: "rtm_scope", Kind: decode.KindU8, Enum: scopeEnum, Desc: "Distance to the destination (RT_SCOPE_*)."},
	decode.Member{CName: "rtm_type", Kind: decode.KindU8, Enum: rtnEnum, Desc: "Route type (RTN_*)."},
	decode.Member{CName: "rtm_flags", Kind: decode.KindU32, Flags: rtmFlags, Desc: "Route flags (RTNH_F_*, RTM_F_*)."},
)

// rtaCacheinfo is struct rta_cacheinfo.
var rtaCacheinfo = newStruct("rta_cacheinfo", "rta.cacheinfo",
	u32m("rta_clntref"), decode.Member{CName: "rta_lastuse", Kind: decode.KindU32, Unit: "cs"},
	decode.Member{CName: "rta_expires", Kind: decode.KindS32, Unit: "cs"}, s32m("rta_error"),
	u32m("rta_used"), u32m("rta_id"), u32m("rta_ts"), u32m("rta_tsage"))

// rtaMfcStats is struct rta_mfc_stats (multicast forwarding cache).
var rtaMfcStats = newStruct("rta_mfc_stats", "rta.mfc_stats",
	u64m("mfcs_packets"), decode.Member{CName: "mfcs_bytes", Kind: decode.KindU64, Unit: "bytes"}, u64m("mfcs_wrong_if"))

// rtnexthop is struct rtnexthop.
var rtnexthop = newStruct("rtnexthop", "rtnh",
	decode.Member{CName: "rtnh_len", Kind: decode.KindU16, Unit: "bytes"},
	decode.Member{CName: "rtnh_flags", Kind: decode.KindU8, Flags: rtnhFlags},
	decode.Member{CName: "rtnh_hops", Kind: decode.KindU8, Desc: "Weight minus one."},
	decode.Member{CName: "rtnh_ifindex", Kind: decode.KindS32},
)

var prefEnum = decode.NewEnum("rta_pref", "ICMPV6_ROUTER_PREF_", map[uint64]string{
	0: "ICMPV6_ROUTER_PREF_MEDIUM", 1: "ICMPV6_ROUTER_PREF_HIGH", 3: "ICMPV6_ROUTER_PREF_LOW", 2: "ICMPV6_ROUTER_PREF_INVALID",
})

// routeAttrs is the RTA_* set; RTA_MULTIPATH, RTA_METRICS and RTA_ENCAP are added
// by init (they refer back to the set).
var routeAttrs = decode.NewAttrSet("RTA", "rta",
	decode.Attr{Type: unix.RTA_DST, CName: "RTA_DST", Kind: decode.KindAddr, Custom: familyAddr},
	decode.Attr{Type: unix.RTA_SRC, CName: "RTA_SRC", Kind: decode.KindAddr, Custom: familyAddr},
	u32a(unix.RTA_IIF, "RTA_IIF"),
	u32a(unix.RTA_OIF, "RTA_OIF"),
	decode.Attr{Type: unix.RTA_GATEWAY, CName: "RTA_GATEWAY", Kind: decode.KindAddr, Custom: familyAddr},
	u32a(unix.RTA_PRIORITY, "RTA_PRIORITY"),
	addra(unix.RTA_PREFSRC, "RTA_PREFSRC"),
	bina(10, "RTA_PROTOINFO"),
	hex(u32a(unix.RTA_FLOW, "RTA_FLOW")),
	structa(unix.RTA_CACHEINFO, "RTA_CACHEINFO", rtaCacheinfo),
	bina(13, "RTA_SESSION"),
	bina(14, "RTA_MP_ALGO"),
	enum(u32a(unix.RTA_TABLE, "RTA_TABLE"), tableEnum),
	hex(u32a(unix.RTA_MARK, "RTA_MARK")),
	minStruct(unix.RTA_MFC_STATS, "RTA_MFC_STATS", rtaMfcStats, 16),
	decode.Attr{Type: unix.RTA_VIA, CName: "RTA_VIA", Kind: decode.KindStruct, Custom: rtVia},
	decode.Attr{Type: unix.RTA_NEWDST, CName: "RTA_NEWDST", Kind: decode.KindStruct, Custom: mplsLabels},
	enum(u8a(unix.RTA_PREF, "RTA_PREF"), prefEnum),
	enum(u16a(unix.RTA_ENCAP_TYPE, "RTA_ENCAP_TYPE"), encapEnum),
	unit(u32a(unix.RTA_EXPIRES, "RTA_EXPIRES"), "s"),
	pada(unix.RTA_PAD, "RTA_PAD"),
	u32a(unix.RTA_UID, "RTA_UID"),
	enum(u8a(unix.RTA_TTL_PROPAGATE, "RTA_TTL_PROPAGATE"), boolEnum),
	enum(u8a(unix.RTA_IP_PROTO, "RTA_IP_PROTO"), ipProtoEnum),
	be16a(unix.RTA_SPORT, "RTA_SPORT"),
	be16a(unix.RTA_DPORT, "RTA_DPORT"),
	u32a(rtaNHID, "RTA_NH_ID"),
	hex(be32a(rtaFlowlabel, "RTA_FLOWLABEL")),
)

// metricsAttrs is the RTA_METRICS nest (RTAX_*).
var metricsAttrs = decode.NewAttrSet("RTAX", "rta.metrics",
	flags(u32a(unix.RTAX_LOCK, "RTAX_LOCK"), decode.NewFlagSet("rtax_lock", "RTAX_", map[uint64]string{
		1 << unix.RTAX_MTU: "RTAX_MTU", 1 << unix.RTAX_WINDOW: "RTAX_WINDOW", 1 << unix.RTAX_RTT: "RTAX_RTT",
		1 << unix.RTAX_RTTVAR: "RTAX_RTTVAR", 1 << unix.RTAX_SSTHRESH: "RTAX_SSTHRESH", 1 << unix.RTAX_CWND: "RTAX_CWND",
		1 << unix.RTAX_ADVMSS: "RTAX_ADVMSS", 1 << unix.RTAX_REORDERING: "RTAX_REORDERING",
		1 << unix.RTAX_HOPLIMIT: "RTAX_HOPLIMIT", 1 << unix.RTAX_INITCWND: "RTAX_INITCWND",
		1 << unix.RTAX_RTO_MIN: "RTAX_RTO_MIN", 1 << unix.RTAX_INITRWND: "RTAX_INITRWND",
		1 << unix.RTAX_QUICKACK: "RTAX_QUICKACK"})),
	unit(u32a(unix.RTAX_MTU, "RTAX_MTU"), "bytes"),
	u32a(unix.RTAX_WINDOW, "RTAX_WINDOW"),
	unit(u32a(unix.RTAX_RTT, "RTAX_RTT"), "ms/8"),
	unit(u32a(unix.RTAX_RTTVAR, "RTAX_RTTVAR"), "ms/4"),
	u32a(unix.RTAX_SSTHRESH, "RTAX_SSTHRESH"),
	u32a(unix.RTAX_CWND, "RTAX_CWND"),
	unit(u32a(unix.RTAX_ADVMSS, "RTAX_ADVMSS"), "bytes"),
	u32a(unix.RTAX_REORDERING, "RTAX_REORDERING"),
	u32a(unix.RTAX_HOPLIMIT, "RTAX_HOPLIMIT"),
	u32a(unix.RTAX_INITCWND, "RTAX_INITCWND"),
	flags(u32a(unix.RTAX_FEATURES, "RTAX_FEATURES"), decode.NewFlagSet("rtax_features", "RTAX_FEATURE_", map[uint64]string{
		unix.RTAX_FEATURE_ECN: "RTAX_FEATURE_ECN", unix.RTAX_FEATURE_SACK: "RTAX_FEATURE_SACK",
		unix.RTAX_FEATURE_TIMESTAMP: "RTAX_FEATURE_TIMESTAMP", unix.RTAX_FEATURE_ALLFRAG: "RTAX_FEATURE_ALLFRAG",
		unix.RTAX_FEATURE_TCP_USEC_TS: "RTAX_FEATURE_TCP_USEC_TS"})),
	unit(u32a(unix.RTAX_RTO_MIN, "RTAX_RTO_MIN"), "ms"),
	u32a(unix.RTAX_INITRWND, "RTAX_INITRWND"),
	u32a(unix.RTAX_QUICKACK, "RTAX_QUICKACK"),
	stra(unix.RTAX_CC_ALGO, "RTAX_CC_ALGO"),
	u32a(unix.RTAX_FASTOPEN_NO_COOKIE, "RTAX_FASTOPEN_NO_COOKIE"),
)

// Field definitions made by the Custom decoders below.
var (
	defNexthop = decode.FieldDef{Name: "rta.multipath.nexthop", Label: "Nexthop", CName: "struct rtnexthop", Kind: decode.KindStruct,
		Desc: "One nexthop of a multipath route: struct rtnexthop and its attributes."}
	defViaFamily = decode.FieldDef{Name: "rta.via.family", Label: "rtvia_family", CName: "rtvia_family", Kind: decode.KindU16, Enum: afEnum}
	defViaAddr   = decode.FieldDef{Name: "rta.via.addr", Label: "rtvia_addr", CName: "rtvia_addr", Kind: decode.KindAddr}
	defLabel     = decode.FieldDef{Name: "mpls.label", Label: "Label", Kind: decode.KindU32,
		Desc: "One MPLS label stack entry's 20-bit label (bits 31-12 of the big-endian entry)."}
	defMplsBytes = decode.FieldDef{Name: "mpls.trailing", Label: "Trailing bytes", Kind: decode.KindBinary}
)

// familyAddr re-reads an address attribute of an AF_MPLS route as a label stack.
func familyAddr(c *decode.Context, f *decode.Field) {
	if c.Family == unix.AF_MPLS {
		mplsLabels(c, f)
	}
}

// mplsLabels decodes a value that is a stack of 4-byte big-endian MPLS label
// entries (label:20 tc:3 s:1 ttl:8).
func mplsLabels(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	n := len(f.Bytes) / 4
	extra := len(f.Bytes)%4 != 0
	k := n
	if extra {
		k++
	}
	kids := c.Alloc(k)
	for i := 0; i < n; i++ {
		c.SetUint(&kids[i], &defLabel, vs+4*i, 4, true)
		kids[i].Value >>= 12
	}
	if extra {
		c.SetBytes(&kids[n], &defMplsBytes, vs+4*n, vs+len(f.Bytes))
		c.Note(&kids[n], "%d bytes are not a whole label stack entry", len(f.Bytes)%4)
	}
	f.Children = kids
}

// rtVia decodes struct rtvia { __kernel_sa_family_t rtvia_family; __u8 rtvia_addr[]; }.
func rtVia(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	if len(f.Bytes) < 2 {
		c.Note(f, "RTA_VIA at offset %d is %d bytes, too short for rtvia_family", f.Offset, len(f.Bytes))
		return
	}
	kids := c.Alloc(2)
	c.SetUint(&kids[0], &defViaFamily, vs, 2, false)
	c.SetBytes(&kids[1], &defViaAddr, vs+2, vs+len(f.Bytes))
	f.Children = kids[:1+b2i(len(f.Bytes) > 2)]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// multipath decodes RTA_MULTIPATH: struct rtnexthop entries with attributes.
func multipath(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	n := 0
	for o := vs; o+8 <= ve; {
		l := int(c.U16(o))
		if l < 8 || o+l > ve {
			break
		}
		n++
		o += align4(l)
	}
	kids := c.Alloc(n + 1)
	i, o := 0, vs
	for ; i < n; i++ {
		l := int(c.U16(o))
		k := &kids[i]
		k.Def, k.Offset, k.Length, k.Bytes = &defNexthop, o, l, c.Data[o:o+l]
		mem, _ := c.StructMembers(rtnexthop, o, o+8)
		var attrs []decode.Field
		if l > 8 {
			attrs = c.Attrs(routeAttrs, o+8, o+l)
		}
		ch := c.Alloc(len(mem) + len(attrs))
		copy(ch, mem)
		copy(ch[len(mem):], attrs)
		k.Children = ch
		o += align4(l)
	}
	if o < ve {
		k := &kids[n]
		c.SetBytes(k, &defMplsBytes, o, ve)
		c.Note(k, "%d bytes at offset %d do not form a struct rtnexthop", ve-o, o)
		n++
	}
	f.Children = kids[:n]
}

func init() {
	routeAttrs.Add(decode.Attr{Type: unix.RTA_MULTIPATH, CName: "RTA_MULTIPATH", Kind: decode.KindNested, Custom: multipath})
	routeAttrs.Add(nesta(unix.RTA_METRICS, "RTA_METRICS", metricsAttrs))
	routeAttrs.Add(decode.Attr{Type: unix.RTA_ENCAP, CName: "RTA_ENCAP",
		Sub: &decode.SubMessage{Selector: unix.RTA_ENCAP_TYPE, Variants: encapVariants(), Default: &decode.Attr{Kind: decode.KindBinary}}})
}
