package genl

// Drop monitor (family "NET_DM"; include/uapi/linux/net_dropmon.h). No fixed header:
//
//	genlmsghdr { cmd = NET_DM_CMD_ALERT (1) ... NET_DM_CMD_STATS_NEW (9), version 2 }
//	NET_DM_CMD_ALERT (summary mode): one attribute of type 0 holding
//	    struct net_dm_alert_msg { u32 entries; struct net_dm_drop_point { u8 pc[8]; u32 count } points[] }
//	other commands: NET_DM_ATTR_ALERT_MODE u8, NET_DM_ATTR_PC u64, NET_DM_ATTR_SYMBOL string,
//	    NET_DM_ATTR_IN_PORT { NET_DM_ATTR_PORT_NETDEV_IFINDEX u32, ..._NAME string },
//	    NET_DM_ATTR_PAYLOAD bytes, NET_DM_ATTR_STATS { NET_DM_ATTR_STATS_DROPPED u64 }, ...
//
// golang.org/x/sys/unix has none of these constants.

import (
	"github.com/nldump/nldump/decode"
)

// include/uapi/linux/net_dropmon.h
const netDMGenlName = "NET_DM"

// include/uapi/linux/net_dropmon.h, NET_DM_CMD_* (anonymous enum)
const (
	netDMCmdAlert       = 1
	netDMCmdConfig      = 2
	netDMCmdStart       = 3
	netDMCmdStop        = 4
	netDMCmdPacketAlert = 5
	netDMCmdConfigGet   = 6
	netDMCmdConfigNew   = 7
	netDMCmdStatsGet    = 8
	netDMCmdStatsNew    = 9
)

// include/uapi/linux/net_dropmon.h, enum net_dm_attr
const (
	netDMAttrAlertMode         = 1
	netDMAttrPC                = 2
	netDMAttrSymbol            = 3
	netDMAttrInPort            = 4
	netDMAttrTimestamp         = 5
	netDMAttrProto             = 6
	netDMAttrPayload           = 7
	netDMAttrPad               = 8
	netDMAttrTruncLen          = 9
	netDMAttrOrigLen           = 10
	netDMAttrQueueLen          = 11
	netDMAttrStats             = 12
	netDMAttrHWStats           = 13
	netDMAttrOrigin            = 14
	netDMAttrHWTrapGroupName   = 15
	netDMAttrHWTrapName        = 16
	netDMAttrHWEntries         = 17
	netDMAttrHWEntry           = 18
	netDMAttrHWTrapCount       = 19
	netDMAttrSWDrops           = 20
	netDMAttrHWDrops           = 21
	netDMAttrFlowActionCookie  = 22
	netDMAttrReason            = 23
	netDMAttrPortNetdevIfindex = 0 // nested in NET_DM_ATTR_IN_PORT
	netDMAttrPortNetdevName    = 1
	netDMAttrStatsDropped      = 0 // nested in NET_DM_ATTR_STATS, NET_DM_ATTR_HW_STATS
)

var (
	// include/uapi/linux/net_dropmon.h, enum net_dm_alert_mode
	netDMAlertMode = decode.NewEnum("net_dm_alert_mode", "NET_DM_ALERT_MODE_", map[uint64]string{
		0: "NET_DM_ALERT_MODE_SUMMARY", 1: "NET_DM_ALERT_MODE_PACKET"})
	// include/uapi/linux/net_dropmon.h, enum net_dm_origin
	netDMOrigin = decode.NewEnum("net_dm_origin", "NET_DM_ORIGIN_", map[uint64]string{
		0: "NET_DM_ORIGIN_SW", 1: "NET_DM_ORIGIN_HW"})

	netDMAlertMsg = decode.NewStruct("net_dm_alert_msg", "net_dm.alert",
		decode.Member{CName: "entries", Kind: decode.KindU32})
	// pc is __u8[8] holding the kernel's program counter, in host order.
	netDMDropPoint = decode.NewStruct("net_dm_drop_point", "net_dm.alert.point",
		decode.Member{CName: "pc", Kind: decode.KindU64, Display: decode.DisplayHex},
		decode.Member{CName: "count", Kind: decode.KindU32})
)

// netDMAlertCustom decodes struct net_dm_alert_msg: entries, then the drop points
// that fill the rest of the attribute.
func netDMAlertCustom(c *decode.Context, f *decode.Field) {
	vs, ve := f.Offset+4, f.Offset+f.Length
	if ve-vs < netDMAlertMsg.Size {
		return
	}
	n := (ve - vs - netDMAlertMsg.Size) / netDMDropPoint.Size
	ch := c.Alloc(1 + n)
	hdr, _ := c.StructMembers(netDMAlertMsg, vs, vs+netDMAlertMsg.Size)
	ch[0] = hdr[0]
	for i := range n {
		o := vs + netDMAlertMsg.Size + i*netDMDropPoint.Size
		ch[1+i] = c.Struct(netDMDropPoint, o, o+netDMDropPoint.Size)
	}
	f.Children = ch
}

var netDMAlertAttrs = decode.NewAttrSet("NET_DM", "net_dm",
	decode.Attr{Type: 0, CName: "NET_DM_ALERT_MSG", Kind: decode.KindBinary, Custom: netDMAlertCustom},
)

var netDMPortAttrs = decode.NewAttrSet("NET_DM_ATTR_PORT", "net_dm.in_port",
	decode.Attr{Type: netDMAttrPortNetdevIfindex, CName: "NET_DM_ATTR_PORT_NETDEV_IFINDEX", Kind: decode.KindU32},
	decode.Attr{Type: netDMAttrPortNetdevName, CName: "NET_DM_ATTR_PORT_NETDEV_NAME", Kind: decode.KindString},
)

var netDMStatsAttrs = decode.NewAttrSet("NET_DM_ATTR_STATS", "net_dm.stats",
	decode.Attr{Type: netDMAttrStatsDropped, CName: "NET_DM_ATTR_STATS_DROPPED", Kind: decode.KindU64},
)

var netDMHWEntryAttrs = decode.NewAttrSet("NET_DM_ATTR", "net_dm.hw_entry",
	decode.Attr{Type: netDMAttrHWTrapName, CName: "NET_DM_ATTR_HW_TRAP_NAME", Kind: decode.KindString},
	decode.Attr{Type: netDMAttrHWTrapCount, CName: "NET_DM_ATTR_HW_TRAP_COUNT", Kind: decode.KindU32},
)

var netDMHWEntriesAttrs = decode.NewAttrSet("NET_DM_ATTR", "net_dm.hw_entries",
	decode.Attr{Type: netDMAttrHWEntry, CName: "NET_DM_ATTR_HW_ENTRY", Nested: netDMHWEntryAttrs},
)

var netDMAttrs = decode.NewAttrSet("NET_DM_ATTR", "net_dm",
	decode.Attr{Type: netDMAttrAlertMode, CName: "NET_DM_ATTR_ALERT_MODE", Kind: decode.KindU8, Enum: netDMAlertMode},
	decode.Attr{Type: netDMAttrPC, CName: "NET_DM_ATTR_PC", Kind: decode.KindU64, Display: decode.DisplayHex},
	decode.Attr{Type: netDMAttrSymbol, CName: "NET_DM_ATTR_SYMBOL", Kind: decode.KindString},
	decode.Attr{Type: netDMAttrInPort, CName: "NET_DM_ATTR_IN_PORT", Nested: netDMPortAttrs},
	decode.Attr{Type: netDMAttrTimestamp, CName: "NET_DM_ATTR_TIMESTAMP", Kind: decode.KindU64, Unit: "ns"},
	decode.Attr{Type: netDMAttrProto, CName: "NET_DM_ATTR_PROTO", Kind: decode.KindU16, Display: decode.DisplayHex},
	decode.Attr{Type: netDMAttrPayload, CName: "NET_DM_ATTR_PAYLOAD", Kind: decode.KindBinary},
	decode.Attr{Type: netDMAttrPad, CName: "NET_DM_ATTR_PAD", Kind: decode.KindPad},
	decode.Attr{Type: netDMAttrTruncLen, CName: "NET_DM_ATTR_TRUNC_LEN", Kind: decode.KindU32, Unit: "bytes"},
	decode.Attr{Type: netDMAttrOrigLen, CName: "NET_DM_ATTR_ORIG_LEN", Kind: decode.KindU32, Unit: "bytes"},
	decode.Attr{Type: netDMAttrQueueLen, CName: "NET_DM_ATTR_QUEUE_LEN", Kind: decode.KindU32},
	decode.Attr{Type: netDMAttrStats, CName: "NET_DM_ATTR_STATS", Nested: netDMStatsAttrs},
	decode.Attr{Type: netDMAttrHWStats, CName: "NET_DM_ATTR_HW_STATS", Nested: netDMStatsAttrs},
	decode.Attr{Type: netDMAttrOrigin, CName: "NET_DM_ATTR_ORIGIN", Kind: decode.KindU16, Enum: netDMOrigin},
	decode.Attr{Type: netDMAttrHWTrapGroupName, CName: "NET_DM_ATTR_HW_TRAP_GROUP_NAME", Kind: decode.KindString},
	decode.Attr{Type: netDMAttrHWTrapName, CName: "NET_DM_ATTR_HW_TRAP_NAME", Kind: decode.KindString},
	decode.Attr{Type: netDMAttrHWEntries, CName: "NET_DM_ATTR_HW_ENTRIES", Nested: netDMHWEntriesAttrs},
	decode.Attr{Type: netDMAttrHWEntry, CName: "NET_DM_ATTR_HW_ENTRY", Nested: netDMHWEntryAttrs},
	decode.Attr{Type: netDMAttrHWTrapCount, CName: "NET_DM_ATTR_HW_TRAP_COUNT", Kind: decode.KindU32},
	decode.Attr{Type: netDMAttrSWDrops, CName: "NET_DM_ATTR_SW_DROPS", Kind: decode.KindFlag},
	decode.Attr{Type: netDMAttrHWDrops, CName: "NET_DM_ATTR_HW_DROPS", Kind: decode.KindFlag},
	decode.Attr{Type: netDMAttrFlowActionCookie, CName: "NET_DM_ATTR_FLOW_ACTION_COOKIE", Kind: decode.KindBinary},
	decode.Attr{Type: netDMAttrReason, CName: "NET_DM_ATTR_REASON", Kind: decode.KindString},
)

func init() {
	RegisterFamily(netDMGenlName, &Family{
		Prefix: "NET_DM_CMD_",
		Attrs:  netDMAttrs,
		Commands: []Command{
			{Cmd: netDMCmdAlert, CName: "NET_DM_CMD_ALERT", Attrs: netDMAlertAttrs},
			{Cmd: netDMCmdConfig, CName: "NET_DM_CMD_CONFIG", Op: decode.OpNew},
			{Cmd: netDMCmdStart, CName: "NET_DM_CMD_START"},
			{Cmd: netDMCmdStop, CName: "NET_DM_CMD_STOP"},
			{Cmd: netDMCmdPacketAlert, CName: "NET_DM_CMD_PACKET_ALERT"},
			{Cmd: netDMCmdConfigGet, CName: "NET_DM_CMD_CONFIG_GET"},
			{Cmd: netDMCmdConfigNew, CName: "NET_DM_CMD_CONFIG_NEW"},
			{Cmd: netDMCmdStatsGet, CName: "NET_DM_CMD_STATS_GET"},
			{Cmd: netDMCmdStatsNew, CName: "NET_DM_CMD_STATS_NEW"},
		},
		Summary: netDMSummary,
	})
}

// netDMSummary: "__udp4_lib_rcv+0x9a2/0xc30 reason NO_SOCKET dev lo len 58 bytes" for
// a packet alert, "3 drop points" for a summary alert, else the mode, the counts
// or the kinds of drops START and STOP ask for ("sw drops").
func netDMSummary(m *decode.Message, cmd uint8, reply bool) string {
	if cmd == netDMCmdAlert {
		if f := m.Field("net_dm.alert_msg"); f != nil && len(f.Children) > 0 {
			return plural(len(f.Children)-1, "drop point")
		}
	}
	s := ""
	add := func(label, name string) { s = addFieldWord(s, m, label, name) }
	add("", "net_dm.symbol")
	add("trap ", "net_dm.hw_trap_name")
	add("reason ", "net_dm.reason")
	add("dev ", "net_dm.in_port.netdev_name")
	// software drops carry only the ifindex (skb_iif), named from the session
	if f := m.Field("net_dm.in_port.netdev_ifindex"); f != nil && m.Field("net_dm.in_port.netdev_name") == nil {
		if s != "" {
			s += " "
		}
		s += "dev " + linkName(m, f)
	}
	add("len ", "net_dm.orig_len")
	add("mode ", "net_dm.alert_mode")
	add("dropped ", "net_dm.stats.dropped")
	if m.Field("net_dm.sw_drops") != nil {
		s = addWord(s, "sw drops")
	}
	if m.Field("net_dm.hw_drops") != nil {
		s = addWord(s, "hw drops")
	}
	if s == "" {
		return attrCount(m)
	}
	return s
}

// addWord appends a word to a summary.
func addWord(s, w string) string {
	if s == "" {
		return w
	}
	return s + " " + w
}
