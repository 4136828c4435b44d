package genl

// psample (family "psample"; include/uapi/linux/psample.h). No fixed header:
//
//	genlmsghdr { cmd = PSAMPLE_CMD_SAMPLE (0) | GET_GROUP (1) | NEW_GROUP (2) | DEL_GROUP (3), version 1 }
//	PSAMPLE_ATTR_IIFINDEX u16, PSAMPLE_ATTR_OIFINDEX u16, PSAMPLE_ATTR_ORIGSIZE u32,
//	PSAMPLE_ATTR_SAMPLE_GROUP u32, PSAMPLE_ATTR_GROUP_SEQ u32, PSAMPLE_ATTR_SAMPLE_RATE u32,
//	PSAMPLE_ATTR_DATA bytes, PSAMPLE_ATTR_TUNNEL { PSAMPLE_TUNNEL_KEY_ATTR_* }, ...
//
// golang.org/x/sys/unix has none of these constants.

import (
	"github.com/nldump/nldump/decode"
)

// include/uapi/linux/psample.h
const psampleGenlName = "psample"

// include/uapi/linux/psample.h, enum psample_command
const (
	psampleCmdSample   = 0
	psampleCmdGetGroup = 1
	psampleCmdNewGroup = 2
	psampleCmdDelGroup = 3
)

// include/uapi/linux/psample.h, PSAMPLE_ATTR_* (anonymous enum)
const (
	psampleAttrIifindex      = 0
	psampleAttrOifindex      = 1
	psampleAttrOrigsize      = 2
	psampleAttrSampleGroup   = 3
	psampleAttrGroupSeq      = 4
	psampleAttrSampleRate    = 5
	psampleAttrData          = 6
	psampleAttrGroupRefcount = 7
	psampleAttrTunnel        = 8
	psampleAttrPad           = 9
	psampleAttrOutTC         = 10
	psampleAttrOutTCOcc      = 11
	psampleAttrLatency       = 12
	psampleAttrTimestamp     = 13
	psampleAttrProto         = 14
	psampleAttrUserCookie    = 15
)

// include/uapi/linux/psample.h, enum psample_tunnel_key_attr
const (
	psampleTunID             = 0
	psampleTunIPv4Src        = 1
	psampleTunIPv4Dst        = 2
	psampleTunTOS            = 3
	psampleTunTTL            = 4
	psampleTunDontFragment   = 5
	psampleTunCsum           = 6
	psampleTunOAM            = 7
	psampleTunGeneveOpts     = 8
	psampleTunTpSrc          = 9
	psampleTunTpDst          = 10
	psampleTunVxlanOpts      = 11
	psampleTunIPv6Src        = 12
	psampleTunIPv6Dst        = 13
	psampleTunPad            = 14
	psampleTunErspanOpts     = 15
	psampleTunIPv4InfoBridge = 16
)

var psampleTunnelAttrs = decode.NewAttrSet("PSAMPLE_TUNNEL_KEY_ATTR", "psample.tunnel",
	decode.Attr{Type: psampleTunID, CName: "PSAMPLE_TUNNEL_KEY_ATTR_ID", Kind: decode.KindU64, BigEndian: true},
	decode.Attr{Type: psampleTunIPv4Src, CName: "PSAMPLE_TUNNEL_KEY_ATTR_IPV4_SRC", Kind: decode.KindAddr},
	decode.Attr{Type: psampleTunIPv4Dst, CName: "PSAMPLE_TUNNEL_KEY_ATTR_IPV4_DST", Kind: decode.KindAddr},
	decode.Attr{Type: psampleTunTOS, CName: "PSAMPLE_TUNNEL_KEY_ATTR_TOS", Kind: decode.KindU8, Display: decode.DisplayHex},
	decode.Attr{Type: psampleTunTTL, CName: "PSAMPLE_TUNNEL_KEY_ATTR_TTL", Kind: decode.KindU8},
	decode.Attr{Type: psampleTunDontFragment, CName: "PSAMPLE_TUNNEL_KEY_ATTR_DONT_FRAGMENT", Kind: decode.KindFlag},
	decode.Attr{Type: psampleTunCsum, CName: "PSAMPLE_TUNNEL_KEY_ATTR_CSUM", Kind: decode.KindFlag},
	decode.Attr{Type: psampleTunOAM, CName: "PSAMPLE_TUNNEL_KEY_ATTR_OAM", Kind: decode.KindFlag},
	decode.Attr{Type: psampleTunGeneveOpts, CName: "PSAMPLE_TUNNEL_KEY_ATTR_GENEVE_OPTS", Kind: decode.KindBinary},
	decode.Attr{Type: psampleTunTpSrc, CName: "PSAMPLE_TUNNEL_KEY_ATTR_TP_SRC", Kind: decode.KindU16, BigEndian: true},
	decode.Attr{Type: psampleTunTpDst, CName: "PSAMPLE_TUNNEL_KEY_ATTR_TP_DST", Kind: decode.KindU16, BigEndian: true},
	decode.Attr{Type: psampleTunVxlanOpts, CName: "PSAMPLE_TUNNEL_KEY_ATTR_VXLAN_OPTS", Kind: decode.KindBinary},
	decode.Attr{Type: psampleTunIPv6Src, CName: "PSAMPLE_TUNNEL_KEY_ATTR_IPV6_SRC", Kind: decode.KindAddr},
	decode.Attr{Type: psampleTunIPv6Dst, CName: "PSAMPLE_TUNNEL_KEY_ATTR_IPV6_DST", Kind: decode.KindAddr},
	decode.Attr{Type: psampleTunPad, CName: "PSAMPLE_TUNNEL_KEY_ATTR_PAD", Kind: decode.KindPad},
	decode.Attr{Type: psampleTunErspanOpts, CName: "PSAMPLE_TUNNEL_KEY_ATTR_ERSPAN_OPTS", Kind: decode.KindBinary},
	decode.Attr{Type: psampleTunIPv4InfoBridge, CName: "PSAMPLE_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE", Kind: decode.KindFlag},
)

var psampleAttrs = decode.NewAttrSet("PSAMPLE_ATTR", "psample",
	decode.Attr{Type: psampleAttrIifindex, CName: "PSAMPLE_ATTR_IIFINDEX", Kind: decode.KindU16},
	decode.Attr{Type: psampleAttrOifindex, CName: "PSAMPLE_ATTR_OIFINDEX", Kind: decode.KindU16},
	decode.Attr{Type: psampleAttrOrigsize, CName: "PSAMPLE_ATTR_ORIGSIZE", Kind: decode.KindU32, Unit: "bytes"},
	decode.Attr{Type: psampleAttrSampleGroup, CName: "PSAMPLE_ATTR_SAMPLE_GROUP", Kind: decode.KindU32},
	decode.Attr{Type: psampleAttrGroupSeq, CName: "PSAMPLE_ATTR_GROUP_SEQ", Kind: decode.KindU32},
	decode.Attr{Type: psampleAttrSampleRate, CName: "PSAMPLE_ATTR_SAMPLE_RATE", Kind: decode.KindU32},
	decode.Attr{Type: psampleAttrData, CName: "PSAMPLE_ATTR_DATA", Kind: decode.KindBinary},
	decode.Attr{Type: psampleAttrGroupRefcount, CName: "PSAMPLE_ATTR_GROUP_REFCOUNT", Kind: decode.KindU32},
	decode.Attr{Type: psampleAttrTunnel, CName: "PSAMPLE_ATTR_TUNNEL", Nested: psampleTunnelAttrs},
	decode.Attr{Type: psampleAttrPad, CName: "PSAMPLE_ATTR_PAD", Kind: decode.KindPad},
	decode.Attr{Type: psampleAttrOutTC, CName: "PSAMPLE_ATTR_OUT_TC", Kind: decode.KindU16},
	decode.Attr{Type: psampleAttrOutTCOcc, CName: "PSAMPLE_ATTR_OUT_TC_OCC", Kind: decode.KindU64, Unit: "bytes"},
	decode.Attr{Type: psampleAttrLatency, CName: "PSAMPLE_ATTR_LATENCY", Kind: decode.KindU64, Unit: "ns"},
	decode.Attr{Type: psampleAttrTimestamp, CName: "PSAMPLE_ATTR_TIMESTAMP", Kind: decode.KindU64, Unit: "ns"},
	decode.Attr{Type: psampleAttrProto, CName: "PSAMPLE_ATTR_PROTO", Kind: decode.KindU16, Display: decode.DisplayHex},
	decode.Attr{Type: psampleAttrUserCookie, CName: "PSAMPLE_ATTR_USER_COOKIE", Kind: decode.KindBinary},
)

func init() {
	RegisterFamily(psampleGenlName, &Family{
		Prefix: "PSAMPLE_CMD_",
		Attrs:  psampleAttrs,
		Commands: []Command{
			{Cmd: psampleCmdSample, CName: "PSAMPLE_CMD_SAMPLE"},
			{Cmd: psampleCmdGetGroup, CName: "PSAMPLE_CMD_GET_GROUP"},
			{Cmd: psampleCmdNewGroup, CName: "PSAMPLE_CMD_NEW_GROUP"},
			{Cmd: psampleCmdDelGroup, CName: "PSAMPLE_CMD_DEL_GROUP"},
		},
		Summary: psampleSummary,
	})
}

// psampleSummary: "group 7 seq 3 rate 100 in 2 len 98" or "group 7 refcount 1".
func psampleSummary(m *decode.Message, cmd uint8, reply bool) string {
	s := ""
	add := func(label, name string) { s = addFieldWord(s, m, label, name) }
	add("group ", "psample.sample_group")
	add("seq ", "psample.group_seq")
	add("rate ", "psample.sample_rate")
	add("refcount ", "psample.group_refcount")
	add("in ", "psample.iifindex")
	add("out ", "psample.oifindex")
	add("len ", "psample.origsize")
	if s == "" {
		return attrCount(m)
	}
	return s
}
