package route

// SR-IOV virtual functions: IFLA_VFINFO_LIST (IFLA_VF_INFO nests of IFLA_VF_*
// attributes, each a small struct led by the VF number), IFLA_VF_PORTS and
// IFLA_PORT_SELF (IFLA_PORT_*, include/uapi/linux/if_link.h). For example
// struct ifla_vf_vlan:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                              vf                               |
//	+---------------+---------------+---------------+---------------+
//	|                             vlan                              |
//	+---------------+---------------+---------------+---------------+
//	|                              qos                              |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func vfStruct(name string, members ...decode.Member) *decode.Struct {
	return newStruct(name, "ifla.vf."+name[len("ifla_vf_"):], append([]decode.Member{u32m("vf")}, members...)...)
}

var vfLinkStateEnum = decode.NewEnum("vf_link_state", "IFLA_VF_LINK_STATE_", map[uint64]string{
	unix.IFLA_VF_LINK_STATE_AUTO: "IFLA_VF_LINK_STATE_AUTO", unix.IFLA_VF_LINK_STATE_ENABLE: "IFLA_VF_LINK_STATE_ENABLE",
	unix.IFLA_VF_LINK_STATE_DISABLE: "IFLA_VF_LINK_STATE_DISABLE",
})

var vfVlanInfo = vfStruct("ifla_vf_vlan_info", u32m("vlan"), u32m("qos"),
	decode.Member{CName: "vlan_proto", Kind: decode.KindU16, BigEndian: true, Enum: ethTypeEnum}, padm(2))

var vfStatsAttrs = decode.NewAttrSet("IFLA_VF_STATS", "ifla.vf.stats",
	u64a(unix.IFLA_VF_STATS_RX_PACKETS, "IFLA_VF_STATS_RX_PACKETS"),
	u64a(unix.IFLA_VF_STATS_TX_PACKETS, "IFLA_VF_STATS_TX_PACKETS"),
	unit(u64a(unix.IFLA_VF_STATS_RX_BYTES, "IFLA_VF_STATS_RX_BYTES"), "bytes"),
	unit(u64a(unix.IFLA_VF_STATS_TX_BYTES, "IFLA_VF_STATS_TX_BYTES"), "bytes"),
	u64a(unix.IFLA_VF_STATS_BROADCAST, "IFLA_VF_STATS_BROADCAST"),
	u64a(unix.IFLA_VF_STATS_MULTICAST, "IFLA_VF_STATS_MULTICAST"),
	pada(unix.IFLA_VF_STATS_PAD, "IFLA_VF_STATS_PAD"),
	u64a(unix.IFLA_VF_STATS_RX_DROPPED, "IFLA_VF_STATS_RX_DROPPED"),
	u64a(unix.IFLA_VF_STATS_TX_DROPPED, "IFLA_VF_STATS_TX_DROPPED"),
)

// vfAttrs is the IFLA_VF_INFO nest.
var vfAttrs = decode.NewAttrSet("IFLA_VF", "ifla.vf",
	structa(unix.IFLA_VF_MAC, "IFLA_VF_MAC", vfStruct("ifla_vf_mac", decode.Member{CName: "mac", Kind: decode.KindBinary, Size: 32})),
	structa(unix.IFLA_VF_VLAN, "IFLA_VF_VLAN", vfStruct("ifla_vf_vlan", u32m("vlan"), u32m("qos"))),
	structa(unix.IFLA_VF_TX_RATE, "IFLA_VF_TX_RATE", vfStruct("ifla_vf_tx_rate", decode.Member{CName: "rate", Kind: decode.KindU32, Unit: "Mbit/s"})),
	structa(unix.IFLA_VF_SPOOFCHK, "IFLA_VF_SPOOFCHK", vfStruct("ifla_vf_spoofchk", u32m("setting"))),
	structa(unix.IFLA_VF_LINK_STATE, "IFLA_VF_LINK_STATE", vfStruct("ifla_vf_link_state", decode.Member{CName: "link_state", Kind: decode.KindU32, Enum: vfLinkStateEnum})),
	structa(unix.IFLA_VF_RATE, "IFLA_VF_RATE", vfStruct("ifla_vf_rate",
		decode.Member{CName: "min_tx_rate", Kind: decode.KindU32, Unit: "Mbit/s"}, decode.Member{CName: "max_tx_rate", Kind: decode.KindU32, Unit: "Mbit/s"})),
	structa(unix.IFLA_VF_RSS_QUERY_EN, "IFLA_VF_RSS_QUERY_EN", vfStruct("ifla_vf_rss_query_en", u32m("setting"))),
	nesta(unix.IFLA_VF_STATS, "IFLA_VF_STATS", vfStatsAttrs),
	structa(unix.IFLA_VF_TRUST, "IFLA_VF_TRUST", vfStruct("ifla_vf_trust", u32m("setting"))),
	structa(unix.IFLA_VF_IB_NODE_GUID, "IFLA_VF_IB_NODE_GUID", vfStruct("ifla_vf_guid", padm(4), decode.Member{CName: "guid", Kind: decode.KindU64, Display: decode.DisplayHex})),
	structa(unix.IFLA_VF_IB_PORT_GUID, "IFLA_VF_IB_PORT_GUID", vfStruct("ifla_vf_guid", padm(4), decode.Member{CName: "guid", Kind: decode.KindU64, Display: decode.DisplayHex})),
	nesta(unix.IFLA_VF_VLAN_LIST, "IFLA_VF_VLAN_LIST", decode.NewAttrSet("IFLA_VF_VLAN", "ifla.vf.vlan_list",
		structa(unix.IFLA_VF_VLAN_INFO, "IFLA_VF_VLAN_INFO", vfVlanInfo))),
	structa(unix.IFLA_VF_BROADCAST, "IFLA_VF_BROADCAST", newStruct("ifla_vf_broadcast", "ifla.vf.broadcast",
		decode.Member{CName: "broadcast", Kind: decode.KindBinary, Size: 32})),
)

var vfInfoListAttrs = decode.NewAttrSet("IFLA_VF_INFO", "ifla.vfinfo",
	nesta(unix.IFLA_VF_INFO, "IFLA_VF_INFO", vfAttrs))

var portAttrs = decode.NewAttrSet("IFLA_PORT", "ifla.port",
	u32a(unix.IFLA_PORT_VF, "IFLA_PORT_VF"),
	stra(unix.IFLA_PORT_PROFILE, "IFLA_PORT_PROFILE"),
	bina(unix.IFLA_PORT_VSI_TYPE, "IFLA_PORT_VSI_TYPE"),
	bina(unix.IFLA_PORT_INSTANCE_UUID, "IFLA_PORT_INSTANCE_UUID"),
	bina(unix.IFLA_PORT_HOST_UUID, "IFLA_PORT_HOST_UUID"),
	u8a(unix.IFLA_PORT_REQUEST, "IFLA_PORT_REQUEST"),
	u16a(unix.IFLA_PORT_RESPONSE, "IFLA_PORT_RESPONSE"),
)

var vfPortsAttrs = decode.NewAttrSet("IFLA_VF_PORT", "ifla.vf_ports",
	nesta(unix.IFLA_VF_PORT, "IFLA_VF_PORT", portAttrs))

func init() {
	linkAttrs.Add(nesta(unix.IFLA_VFINFO_LIST, "IFLA_VFINFO_LIST", vfInfoListAttrs))
	linkAttrs.Add(nesta(unix.IFLA_VF_PORTS, "IFLA_VF_PORTS", vfPortsAttrs))
	linkAttrs.Add(nesta(unix.IFLA_PORT_SELF, "IFLA_PORT_SELF", portAttrs))
}
