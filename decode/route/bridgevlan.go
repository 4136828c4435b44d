package route

// Bridge VLAN database (RTM_NEWVLAN, RTM_DELVLAN, RTM_GETVLAN) and VXLAN VNI
// filtering (RTM_NEWTUNNEL, RTM_DELTUNNEL, RTM_GETTUNNEL): struct br_vlan_msg
// (include/uapi/linux/if_bridge.h) and struct tunnel_msg
// (include/uapi/linux/rtnetlink.h) share one layout, followed by BRIDGE_VLANDB_* or
// VXLAN_VNIFILTER_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|    family     | reserved1/flg |           reserved2           |
//	+---------------+---------------+---------------+---------------+
//	|                           ifindex                             |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
)

// brVlanMsg is struct br_vlan_msg.
var brVlanMsg = newStruct("br_vlan_msg", "br_vlan",
	decode.Member{CName: "family", Kind: decode.KindU8, Enum: afEnum}, padm(1), padm(2), u32m("ifindex"))

// tunnelMsg is struct tunnel_msg.
var tunnelMsg = newStruct("tunnel_msg", "tunnel",
	decode.Member{CName: "family", Kind: decode.KindU8, Enum: afEnum},
	decode.Member{CName: "flags", Kind: decode.KindU8, Display: decode.DisplayHex}, padm(2), u32m("ifindex"))

var vlandbStateEnum = brStateEnum

var vlandbTinfoAttrs = decode.NewAttrSet("BRIDGE_VLANDB_TINFO", "bridge_vlandb.tinfo",
	u32a(1, "BRIDGE_VLANDB_TINFO_ID"),
	u32a(2, "BRIDGE_VLANDB_TINFO_CMD"),
)

var vlandbStatsAttrs = decode.NewAttrSet("BRIDGE_VLANDB_STATS", "bridge_vlandb.stats",
	unit(u64a(1, "BRIDGE_VLANDB_STATS_RX_BYTES"), "bytes"),
	u64a(2, "BRIDGE_VLANDB_STATS_RX_PACKETS"),
	unit(u64a(3, "BRIDGE_VLANDB_STATS_TX_BYTES"), "bytes"),
	u64a(4, "BRIDGE_VLANDB_STATS_TX_PACKETS"),
	pada(5, "BRIDGE_VLANDB_STATS_PAD"),
)

var vlandbEntryAttrs = decode.NewAttrSet("BRIDGE_VLANDB_ENTRY", "bridge_vlandb.entry",
	structa(1, "BRIDGE_VLANDB_ENTRY_INFO", bridgeVlanInfo),
	u16a(2, "BRIDGE_VLANDB_ENTRY_RANGE"),
	enum(u8a(3, "BRIDGE_VLANDB_ENTRY_STATE"), vlandbStateEnum),
	nesta(4, "BRIDGE_VLANDB_ENTRY_TUNNEL_INFO", vlandbTinfoAttrs),
	nesta(5, "BRIDGE_VLANDB_ENTRY_STATS", vlandbStatsAttrs),
	u8a(6, "BRIDGE_VLANDB_ENTRY_MCAST_ROUTER"),
	u32a(7, "BRIDGE_VLANDB_ENTRY_MCAST_N_GROUPS"),
	u32a(8, "BRIDGE_VLANDB_ENTRY_MCAST_MAX_GROUPS"),
	u8a(9, "BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS"),
)

// vlandbAttrs is the BRIDGE_VLANDB_* set.
var vlandbAttrs = decode.NewAttrSet("BRIDGE_VLANDB", "bridge_vlandb",
	nesta(bridgeVlandbEntry, "BRIDGE_VLANDB_ENTRY", vlandbEntryAttrs),
	bina(bridgeVlandbGlobal, "BRIDGE_VLANDB_GLOBAL_OPTIONS"),
)

// vlandbDumpAttrs is the BRIDGE_VLANDB_DUMP_* set of RTM_GETVLAN dump requests (its
// own enum: BRIDGE_VLANDB_DUMP_FLAGS is 1).
var vlandbDumpAttrs = decode.NewAttrSet("BRIDGE_VLANDB_DUMP", "bridge_vlandb.dump",
	flags(u32a(bridgeVlandbDumpFlags, "BRIDGE_VLANDB_DUMP_FLAGS"), decode.NewFlagSet("vlandb_dump_flags", "BRIDGE_VLANDB_DUMPF_",
		map[uint64]string{1: "BRIDGE_VLANDB_DUMPF_STATS", 2: "BRIDGE_VLANDB_DUMPF_GLOBAL"})),
)

var vniEntryAttrs = decode.NewAttrSet("VXLAN_VNIFILTER_ENTRY", "vxlan_vnifilter.entry",
	u32a(1, "VXLAN_VNIFILTER_ENTRY_START"),
	u32a(2, "VXLAN_VNIFILTER_ENTRY_END"),
	addra(3, "VXLAN_VNIFILTER_ENTRY_GROUP"),
	addra(4, "VXLAN_VNIFILTER_ENTRY_GROUP6"),
	bina(5, "VXLAN_VNIFILTER_ENTRY_STATS"),
)

// vnifilterAttrs is the VXLAN_VNIFILTER_* set.
var vnifilterAttrs = decode.NewAttrSet("VXLAN_VNIFILTER", "vxlan_vnifilter",
	nesta(vxlanVNIEntry, "VXLAN_VNIFILTER_ENTRY", vniEntryAttrs))
