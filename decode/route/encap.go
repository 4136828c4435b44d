package route

// Lightweight tunnel encapsulation of routes and nexthops: RTA_ENCAP (NHA_ENCAP)
// holds a nest chosen by RTA_ENCAP_TYPE (NHA_ENCAP_TYPE), one of LWTUNNEL_ENCAP_*
// (include/uapi/linux/lwtunnel.h). SEG6 carries struct seg6_iptunnel_encap, a mode
// followed by an IPv6 segment routing header (include/uapi/linux/seg6.h):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                         mode (int)                            |
//	+---------------+---------------+---------------+---------------+
//	|    nexthdr    |    hdrlen     |     type      | segments_left |
//	+---------------+---------------+---------------+---------------+
//	| first_segment |     flags     |             tag               |
//	+---------------+---------------+---------------+---------------+
//	|  segments[] (16 bytes each) ...                               |

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var encapEnum = decode.NewEnum("lwtunnel_encap_type", "LWTUNNEL_ENCAP_", map[uint64]string{
	unix.LWTUNNEL_ENCAP_NONE: "LWTUNNEL_ENCAP_NONE", unix.LWTUNNEL_ENCAP_MPLS: "LWTUNNEL_ENCAP_MPLS",
	unix.LWTUNNEL_ENCAP_IP: "LWTUNNEL_ENCAP_IP", unix.LWTUNNEL_ENCAP_ILA: "LWTUNNEL_ENCAP_ILA",
	unix.LWTUNNEL_ENCAP_IP6: "LWTUNNEL_ENCAP_IP6", unix.LWTUNNEL_ENCAP_SEG6: "LWTUNNEL_ENCAP_SEG6",
	unix.LWTUNNEL_ENCAP_BPF: "LWTUNNEL_ENCAP_BPF", unix.LWTUNNEL_ENCAP_SEG6_LOCAL: "LWTUNNEL_ENCAP_SEG6_LOCAL",
	unix.LWTUNNEL_ENCAP_RPL: "LWTUNNEL_ENCAP_RPL", unix.LWTUNNEL_ENCAP_IOAM6: "LWTUNNEL_ENCAP_IOAM6",
	unix.LWTUNNEL_ENCAP_XFRM: "LWTUNNEL_ENCAP_XFRM",
})

var tunnelFlags = decode.NewFlagSet("tunnel_flags", "TUNNEL_", map[uint64]string{
	tunnelCsum: "TUNNEL_CSUM", 0x0002: "TUNNEL_ROUTING", tunnelKey: "TUNNEL_KEY", tunnelSeq: "TUNNEL_SEQ",
	0x0010: "TUNNEL_STRICT", 0x0020: "TUNNEL_REC", 0x0040: "TUNNEL_VERSION", 0x0080: "TUNNEL_NO_KEY",
	tunnelDontF: "TUNNEL_DONT_FRAGMENT", 0x0200: "TUNNEL_OAM", 0x0400: "TUNNEL_CRIT_OPT",
	0x0800: "TUNNEL_GENEVE_OPT", 0x1000: "TUNNEL_VXLAN_OPT", 0x2000: "TUNNEL_NOCACHE",
	0x4000: "TUNNEL_ERSPAN_OPT", 0x8000: "TUNNEL_GTP_OPT",
})

var mplsEncapAttrs = decode.NewAttrSet("MPLS_IPTUNNEL", "rta.encap.mpls",
	decode.Attr{Type: unix.MPLS_IPTUNNEL_DST, CName: "MPLS_IPTUNNEL_DST", Kind: decode.KindStruct, Custom: mplsLabels},
	u8a(unix.MPLS_IPTUNNEL_TTL, "MPLS_IPTUNNEL_TTL"),
)

var ipEncapAttrs = decode.NewAttrSet("LWTUNNEL_IP", "rta.encap.ip",
	decode.Attr{Type: lwtIPID, CName: "LWTUNNEL_IP_ID", Kind: decode.KindU64, BigEndian: true},
	addra(lwtIPDst, "LWTUNNEL_IP_DST"),
	addra(lwtIPSrc, "LWTUNNEL_IP_SRC"),
	u8a(lwtIPTTL, "LWTUNNEL_IP_TTL"),
	hex(u8a(lwtIPTOS, "LWTUNNEL_IP_TOS")),
	flags(be16a(lwtIPFlags, "LWTUNNEL_IP_FLAGS"), tunnelFlags),
	pada(lwtIPPad, "LWTUNNEL_IP_PAD"),
	bina(lwtIPOpts, "LWTUNNEL_IP_OPTS"),
)

var ip6EncapAttrs = decode.NewAttrSet("LWTUNNEL_IP6", "rta.encap.ip6",
	decode.Attr{Type: lwtIPID, CName: "LWTUNNEL_IP6_ID", Kind: decode.KindU64, BigEndian: true},
	addra(lwtIPDst, "LWTUNNEL_IP6_DST"),
	addra(lwtIPSrc, "LWTUNNEL_IP6_SRC"),
	u8a(lwtIPTTL, "LWTUNNEL_IP6_HOPLIMIT"),
	hex(u8a(lwtIPTOS, "LWTUNNEL_IP6_TC")),
	flags(be16a(lwtIPFlags, "LWTUNNEL_IP6_FLAGS"), tunnelFlags),
	pada(lwtIPPad, "LWTUNNEL_IP6_PAD"),
	bina(lwtIPOpts, "LWTUNNEL_IP6_OPTS"),
)

var seg6ModeEnum = decode.NewEnum("seg6_mode", "SEG6_IPTUN_MODE_", map[uint64]string{
	0: "SEG6_IPTUN_MODE_INLINE", 1: "SEG6_IPTUN_MODE_ENCAP", 2: "SEG6_IPTUN_MODE_L2ENCAP",
	3: "SEG6_IPTUN_MODE_ENCAP_RED", 4: "SEG6_IPTUN_MODE_L2ENCAP_RED",
})

// srhStruct is the fixed part of struct ipv6_sr_hdr.
var srhStruct = newStruct("ipv6_sr_hdr", "srh",
	u8m("nexthdr"), u8m("hdrlen"), u8m("type"), u8m("segments_left"), u8m("first_segment"),
	decode.Member{CName: "flags", Kind: decode.KindU8, Display: decode.DisplayHex}, u16m("tag"))

var (
	defSeg6Mode = decode.FieldDef{Name: "srh.mode", Label: "mode", CName: "mode", Kind: decode.KindS32, Enum: seg6ModeEnum}
	defSegment  = decode.FieldDef{Name: "srh.segment", Label: "Segment", CName: "segments", Kind: decode.KindAddr}
)

// srh decodes an ipv6_sr_hdr at Data[off:end] into out (members then segments).
func srh(c *decode.Context, off, end int) []decode.Field {
	mem, _ := c.StructMembers(srhStruct, off, min(end, off+srhStruct.Size))
	nseg := 0
	if end > off+srhStruct.Size {
		nseg = (end - off - srhStruct.Size) / 16
	}
	kids := c.Alloc(len(mem) + nseg)
	copy(kids, mem)
	for i := 0; i < nseg; i++ {
		o := off + srhStruct.Size + 16*i
		c.SetBytes(&kids[len(mem)+i], &defSegment, o, o+16)
	}
	return kids
}

// seg6Encap decodes SEG6_IPTUNNEL_SRH: int mode then the SRH.
func seg6Encap(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	if ve-vs < 4 {
		c.Note(f, "SEG6_IPTUNNEL_SRH at offset %d is too short for its mode", f.Offset)
		return
	}
	rest := srh(c, vs+4, ve)
	kids := c.Alloc(1 + len(rest))
	c.SetUint(&kids[0], &defSeg6Mode, vs, 4, false)
	copy(kids[1:], rest)
	f.Children = kids
}

func srhAttr(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	f.Children = srh(c, vs, vs+len(f.Bytes))
}

var seg6Attrs = decode.NewAttrSet("SEG6_IPTUNNEL", "rta.encap.seg6",
	decode.Attr{Type: seg6IptunnelSRH, CName: "SEG6_IPTUNNEL_SRH", Kind: decode.KindStruct, Custom: seg6Encap},
)

var seg6ActionEnum = decode.NewEnum("seg6_local_action", "SEG6_LOCAL_ACTION_", map[uint64]string{
	1: "SEG6_LOCAL_ACTION_END", 2: "SEG6_LOCAL_ACTION_END_X", 3: "SEG6_LOCAL_ACTION_END_T",
	4: "SEG6_LOCAL_ACTION_END_DX2", 5: "SEG6_LOCAL_ACTION_END_DX6", 6: "SEG6_LOCAL_ACTION_END_DX4",
	7: "SEG6_LOCAL_ACTION_END_DT6", 8: "SEG6_LOCAL_ACTION_END_DT4", 9: "SEG6_LOCAL_ACTION_END_B6",
	10: "SEG6_LOCAL_ACTION_END_B6_ENCAP", 11: "SEG6_LOCAL_ACTION_END_BM", 12: "SEG6_LOCAL_ACTION_END_S",
	13: "SEG6_LOCAL_ACTION_END_AS", 14: "SEG6_LOCAL_ACTION_END_AM", 15: "SEG6_LOCAL_ACTION_END_BPF",
	16: "SEG6_LOCAL_ACTION_END_DT46",
})

var seg6LocalAttrs = decode.NewAttrSet("SEG6_LOCAL", "rta.encap.seg6local",
	enum(u32a(seg6LocalAction, "SEG6_LOCAL_ACTION"), seg6ActionEnum),
	decode.Attr{Type: seg6LocalSRH, CName: "SEG6_LOCAL_SRH", Kind: decode.KindStruct, Custom: srhAttr},
	enum(u32a(seg6LocalTable, "SEG6_LOCAL_TABLE"), tableEnum),
	addra(seg6LocalNH4, "SEG6_LOCAL_NH4"),
	addra(seg6LocalNH6, "SEG6_LOCAL_NH6"),
	u32a(seg6LocalIIF, "SEG6_LOCAL_IIF"),
	u32a(seg6LocalOIF, "SEG6_LOCAL_OIF"),
	bina(seg6LocalBPF, "SEG6_LOCAL_BPF"),
	enum(u32a(seg6LocalVRFTab, "SEG6_LOCAL_VRFTABLE"), tableEnum),
	bina(seg6LocalCounter, "SEG6_LOCAL_COUNTERS"),
	bina(seg6LocalFlavors, "SEG6_LOCAL_FLAVORS"),
)

// encapVariants returns the RTA_ENCAP layouts keyed by LWTUNNEL_ENCAP_* in decimal.
// ILA, BPF, RPL, IOAM6 and XFRM encapsulations are shown as bytes.
//
// Each layout is also keyed by the selector's little-endian bytes read as a string:
// the engine's sub-message selector takes a value whose last byte is NUL for a
// string, so a little-endian u16 such as 05 00 arrives as "\x05" (reported to the
// decode owner; harmless once the engine reads integer selectors as integers).
func encapVariants() map[string]*decode.Attr {
	m := map[string]*decode.Attr{}
	for v, set := range map[int]*decode.AttrSet{
		unix.LWTUNNEL_ENCAP_MPLS: mplsEncapAttrs, unix.LWTUNNEL_ENCAP_IP: ipEncapAttrs,
		unix.LWTUNNEL_ENCAP_IP6: ip6EncapAttrs, unix.LWTUNNEL_ENCAP_SEG6: seg6Attrs,
		unix.LWTUNNEL_ENCAP_SEG6_LOCAL: seg6LocalAttrs,
	} {
		m[strconv.Itoa(v)] = &decode.Attr{Nested: set}
		m[string([]byte{byte(v)})] = &decode.Attr{Nested: set}
	}
	return m
}
