package route

// Link messages (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK, and the
// RTM_*LINKPROP alternative-name messages): struct ifinfomsg
// (include/uapi/linux/rtnetlink.h) followed by IFLA_* attributes
// (include/uapi/linux/if_link.h):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ifi_family   |   __ifi_pad   |           ifi_type            |
//	+---------------+---------------+---------------+---------------+
//	|                          ifi_index                            |
//	+---------------+---------------+---------------+---------------+
//	|                          ifi_flags                            |
//	+---------------+---------------+---------------+---------------+
//	|                          ifi_change                           |
//	+---------------+---------------+---------------+---------------+
//	|  IFLA_* attributes ...                                        |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ifinfomsg is struct ifinfomsg.
var ifinfomsg = newStruct("ifinfomsg", "ifi",
	decode.Member{CName: "ifi_family", Kind: decode.KindU8, Enum: afEnum, Desc: "Address family (AF_UNSPEC, or AF_BRIDGE for bridge port messages)."},
	padm(1),
	decode.Member{CName: "ifi_type", Kind: decode.KindU16, Enum: arphrdEnum, Desc: "Hardware type (ARPHRD_*)."},
	decode.Member{CName: "ifi_index", Kind: decode.KindS32, Desc: "Interface index."},
	decode.Member{CName: "ifi_flags", Kind: decode.KindU32, Flags: iffFlags, Desc: "Interface flags (IFF_*)."},
	decode.Member{CName: "ifi_change", Kind: decode.KindU32, Flags: iffFlags, Desc: "Mask of the flags a request changes."},
)

// ifmap is struct rtnl_link_ifmap (IFLA_MAP).
var ifmap = newStruct("rtnl_link_ifmap", "ifla.map",
	u64m("mem_start"), u64m("mem_end"), u64m("base_addr"), u16m("irq"), u8m("dma"), u8m("port"), padm(4))

// eventEnum names IFLA_EVENT values.
var eventEnum = decode.NewEnum("ifla_event", "IFLA_EVENT_", map[uint64]string{
	unix.IFLA_EVENT_NONE: "IFLA_EVENT_NONE", unix.IFLA_EVENT_REBOOT: "IFLA_EVENT_REBOOT",
	unix.IFLA_EVENT_FEATURES: "IFLA_EVENT_FEATURES", unix.IFLA_EVENT_BONDING_FAILOVER: "IFLA_EVENT_BONDING_FAILOVER",
	unix.IFLA_EVENT_NOTIFY_PEERS: "IFLA_EVENT_NOTIFY_PEERS", unix.IFLA_EVENT_IGMP_RESEND: "IFLA_EVENT_IGMP_RESEND",
	unix.IFLA_EVENT_BONDING_OPTIONS: "IFLA_EVENT_BONDING_OPTIONS",
})

// xdpAttachedEnum names IFLA_XDP_ATTACHED values (XDP_ATTACHED_*).
var xdpAttachedEnum = decode.NewEnum("xdp_attached", "XDP_ATTACHED_", map[uint64]string{
	0: "XDP_ATTACHED_NONE", 1: "XDP_ATTACHED_DRV", 2: "XDP_ATTACHED_SKB", 3: "XDP_ATTACHED_HW", 4: "XDP_ATTACHED_MULTI",
})

// xdpFlags names IFLA_XDP_FLAGS bits (XDP_FLAGS_*).
var xdpFlags = decode.NewFlagSet("xdp_flags", "XDP_FLAGS_", map[uint64]string{
	1: "XDP_FLAGS_UPDATE_IF_NOEXIST", 2: "XDP_FLAGS_SKB_MODE", 4: "XDP_FLAGS_DRV_MODE",
	8: "XDP_FLAGS_HW_MODE", 16: "XDP_FLAGS_REPLACE",
})

// xdpAttrs is the IFLA_XDP nest.
var xdpAttrs = decode.NewAttrSet("IFLA_XDP", "ifla.xdp",
	s32a(unix.IFLA_XDP_FD, "IFLA_XDP_FD"),
	enum(u8a(unix.IFLA_XDP_ATTACHED, "IFLA_XDP_ATTACHED"), xdpAttachedEnum),
	flags(u32a(unix.IFLA_XDP_FLAGS, "IFLA_XDP_FLAGS"), xdpFlags),
	u32a(unix.IFLA_XDP_PROG_ID, "IFLA_XDP_PROG_ID"),
	u32a(unix.IFLA_XDP_DRV_PROG_ID, "IFLA_XDP_DRV_PROG_ID"),
	u32a(unix.IFLA_XDP_SKB_PROG_ID, "IFLA_XDP_SKB_PROG_ID"),
	u32a(unix.IFLA_XDP_HW_PROG_ID, "IFLA_XDP_HW_PROG_ID"),
	s32a(unix.IFLA_XDP_EXPECTED_FD, "IFLA_XDP_EXPECTED_FD"),
)

// propListAttrs is the IFLA_PROP_LIST nest: alternative names.
var propListAttrs = decode.NewAttrSet("IFLA", "ifla.prop_list",
	stra(unix.IFLA_ALT_IFNAME, "IFLA_ALT_IFNAME"),
)

// protoDownReasonAttrs is the IFLA_PROTO_DOWN_REASON nest.
var protoDownReasonAttrs = decode.NewAttrSet("IFLA_PROTO_DOWN_REASON", "ifla.proto_down_reason",
	hex(u32a(unix.IFLA_PROTO_DOWN_REASON_MASK, "IFLA_PROTO_DOWN_REASON_MASK")),
	hex(u32a(unix.IFLA_PROTO_DOWN_REASON_VALUE, "IFLA_PROTO_DOWN_REASON_VALUE")),
)

// linkAttrs is the IFLA_* set; IFLA_LINKINFO, IFLA_AF_SPEC, IFLA_PROTINFO and the
// VF attributes are completed by init in the files that describe them.
var linkAttrs = decode.NewAttrSet("IFLA", "ifla",
	maca(unix.IFLA_ADDRESS, "IFLA_ADDRESS"),
	maca(unix.IFLA_BROADCAST, "IFLA_BROADCAST"),
	stra(unix.IFLA_IFNAME, "IFLA_IFNAME"),
	unit(u32a(unix.IFLA_MTU, "IFLA_MTU"), "bytes"),
	s32a(unix.IFLA_LINK, "IFLA_LINK"),
	stra(unix.IFLA_QDISC, "IFLA_QDISC"),
	structa(unix.IFLA_STATS, "IFLA_STATS", linkStats32),
	u32a(unix.IFLA_COST, "IFLA_COST"),
	u32a(unix.IFLA_PRIORITY, "IFLA_PRIORITY"),
	u32a(unix.IFLA_MASTER, "IFLA_MASTER"),
	bina(unix.IFLA_WIRELESS, "IFLA_WIRELESS"),
	u32a(unix.IFLA_TXQLEN, "IFLA_TXQLEN"),
	structa(unix.IFLA_MAP, "IFLA_MAP", ifmap),
	u32a(unix.IFLA_WEIGHT, "IFLA_WEIGHT"),
	enum(u8a(unix.IFLA_OPERSTATE, "IFLA_OPERSTATE"), operEnum),
	enum(u8a(unix.IFLA_LINKMODE, "IFLA_LINKMODE"), linkModeEnum),
	u32a(unix.IFLA_NET_NS_PID, "IFLA_NET_NS_PID"),
	stra(unix.IFLA_IFALIAS, "IFLA_IFALIAS"),
	u32a(unix.IFLA_NUM_VF, "IFLA_NUM_VF"),
	minStruct(unix.IFLA_STATS64, "IFLA_STATS64", linkStats64, 192),
	u32a(unix.IFLA_GROUP, "IFLA_GROUP"),
	s32a(unix.IFLA_NET_NS_FD, "IFLA_NET_NS_FD"),
	flags(u32a(unix.IFLA_EXT_MASK, "IFLA_EXT_MASK"), rtextFilter),
	u32a(unix.IFLA_PROMISCUITY, "IFLA_PROMISCUITY"),
	u32a(unix.IFLA_NUM_TX_QUEUES, "IFLA_NUM_TX_QUEUES"),
	u32a(unix.IFLA_NUM_RX_QUEUES, "IFLA_NUM_RX_QUEUES"),
	u8a(unix.IFLA_CARRIER, "IFLA_CARRIER"),
	bina(unix.IFLA_PHYS_PORT_ID, "IFLA_PHYS_PORT_ID"),
	u32a(unix.IFLA_CARRIER_CHANGES, "IFLA_CARRIER_CHANGES"),
	bina(unix.IFLA_PHYS_SWITCH_ID, "IFLA_PHYS_SWITCH_ID"),
	s32a(unix.IFLA_LINK_NETNSID, "IFLA_LINK_NETNSID"),
	stra(unix.IFLA_PHYS_PORT_NAME, "IFLA_PHYS_PORT_NAME"),
	u8a(unix.IFLA_PROTO_DOWN, "IFLA_PROTO_DOWN"),
	u32a(unix.IFLA_GSO_MAX_SEGS, "IFLA_GSO_MAX_SEGS"),
	unit(u32a(unix.IFLA_GSO_MAX_SIZE, "IFLA_GSO_MAX_SIZE"), "bytes"),
	pada(unix.IFLA_PAD, "IFLA_PAD"),
	nesta(unix.IFLA_XDP, "IFLA_XDP", xdpAttrs),
	enum(u32a(unix.IFLA_EVENT, "IFLA_EVENT"), eventEnum),
	s32a(unix.IFLA_NEW_NETNSID, "IFLA_NEW_NETNSID"),
	s32a(unix.IFLA_TARGET_NETNSID, "IFLA_TARGET_NETNSID"),
	u32a(unix.IFLA_CARRIER_UP_COUNT, "IFLA_CARRIER_UP_COUNT"),
	u32a(unix.IFLA_CARRIER_DOWN_COUNT, "IFLA_CARRIER_DOWN_COUNT"),
	s32a(unix.IFLA_NEW_IFINDEX, "IFLA_NEW_IFINDEX"),
	unit(u32a(unix.IFLA_MIN_MTU, "IFLA_MIN_MTU"), "bytes"),
	unit(u32a(unix.IFLA_MAX_MTU, "IFLA_MAX_MTU"), "bytes"),
	nesta(unix.IFLA_PROP_LIST, "IFLA_PROP_LIST", propListAttrs),
	stra(unix.IFLA_ALT_IFNAME, "IFLA_ALT_IFNAME"),
	maca(unix.IFLA_PERM_ADDRESS, "IFLA_PERM_ADDRESS"),
	nesta(unix.IFLA_PROTO_DOWN_REASON, "IFLA_PROTO_DOWN_REASON", protoDownReasonAttrs),
	stra(unix.IFLA_PARENT_DEV_NAME, "IFLA_PARENT_DEV_NAME"),
	stra(unix.IFLA_PARENT_DEV_BUS_NAME, "IFLA_PARENT_DEV_BUS_NAME"),
	unit(u32a(unix.IFLA_GRO_MAX_SIZE, "IFLA_GRO_MAX_SIZE"), "bytes"),
	unit(u32a(unix.IFLA_TSO_MAX_SIZE, "IFLA_TSO_MAX_SIZE"), "bytes"),
	u32a(unix.IFLA_TSO_MAX_SEGS, "IFLA_TSO_MAX_SEGS"),
	u32a(unix.IFLA_ALLMULTI, "IFLA_ALLMULTI"),
	bina(unix.IFLA_DEVLINK_PORT, "IFLA_DEVLINK_PORT"),
	unit(u32a(unix.IFLA_GSO_IPV4_MAX_SIZE, "IFLA_GSO_IPV4_MAX_SIZE"), "bytes"),
	unit(u32a(unix.IFLA_GRO_IPV4_MAX_SIZE, "IFLA_GRO_IPV4_MAX_SIZE"), "bytes"),
	bina(unix.IFLA_DPLL_PIN, "IFLA_DPLL_PIN"),
)

// learnLink records an interface's name in the session when an RTM_NEWLINK
// carries IFLA_IFNAME (no allocation when the name is already known).
func learnLink(c *decode.Context, fields []decode.Field) {
	if c.Header.Type != unix.RTM_NEWLINK || c.Echoed || len(fields) == 0 || c.Header.Flags&unix.NLM_F_REQUEST != 0 {
		return
	}
	d := c.Decoder()
	if d == nil || d.Session == nil {
		return
	}
	idx := fields[0].Child("ifi.index")
	if idx == nil || int32(idx.Value) <= 0 {
		return
	}
	for i := 1; i < len(fields); i++ {
		if fields[i].Type == unix.IFLA_IFNAME && fields[i].Def.Name == "ifla.ifname" {
			name := decode.TrimNUL(fields[i].Bytes)
			links := d.Session.Links
			if links == nil {
				links = make(map[int32]string)
				d.Session.Links = links
			}
			if old, ok := links[int32(idx.Value)]; !ok || old != string(name) {
				links[int32(idx.Value)] = string(name)
			}
			return
		}
	}
}
