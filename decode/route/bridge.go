package route

// Bridges: IFLA_INFO_DATA of kind "bridge" (IFLA_BR_*), bridge ports
// (IFLA_INFO_SLAVE_DATA of slave kind "bridge", and IFLA_PROTINFO of AF_BRIDGE
// link messages: IFLA_BRPORT_*), and IFLA_AF_SPEC of AF_BRIDGE link messages
// (IFLA_BRIDGE_*: flags, mode, VLAN info). Bridge and root ids are
// struct ifla_bridge_id (include/uapi/linux/if_link.h):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|          prio[2]              |          addr[6] ...          |
//	+---------------+---------------+---------------+---------------+
//	|                    ... addr                                   |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var bridgeID = newStruct("ifla_bridge_id", "ifla.br.id",
	decode.Member{CName: "prio", Kind: decode.KindU16, BigEndian: true},
	decode.Member{CName: "addr", Kind: decode.KindMAC, Size: 6})

var boolOptMulti = newStruct("br_boolopt_multi", "ifla.br.boolopt",
	decode.Member{CName: "optval", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Member{CName: "optmask", Kind: decode.KindU32, Display: decode.DisplayHex})

// brStateEnum names bridge port STP states (BR_STATE_*, include/uapi/linux/if_bridge.h).
var brStateEnum = decode.NewEnum("br_state", "BR_STATE_", map[uint64]string{
	0: "BR_STATE_DISABLED", 1: "BR_STATE_LISTENING", 2: "BR_STATE_LEARNING", 3: "BR_STATE_FORWARDING", 4: "BR_STATE_BLOCKING",
})

// clock_t values are in USER_HZ (1/100 s) ticks.
const centis = "cs"

// bridgeAttrs is IFLA_INFO_DATA of kind "bridge".
var bridgeAttrs = decode.NewAttrSet("IFLA_BR", "ifla.br",
	unit(u32a(unix.IFLA_BR_FORWARD_DELAY, "IFLA_BR_FORWARD_DELAY"), centis),
	unit(u32a(unix.IFLA_BR_HELLO_TIME, "IFLA_BR_HELLO_TIME"), centis),
	unit(u32a(unix.IFLA_BR_MAX_AGE, "IFLA_BR_MAX_AGE"), centis),
	unit(u32a(unix.IFLA_BR_AGEING_TIME, "IFLA_BR_AGEING_TIME"), centis),
	u32a(unix.IFLA_BR_STP_STATE, "IFLA_BR_STP_STATE"),
	u16a(unix.IFLA_BR_PRIORITY, "IFLA_BR_PRIORITY"),
	enum(u8a(unix.IFLA_BR_VLAN_FILTERING, "IFLA_BR_VLAN_FILTERING"), boolEnum),
	enum(be16a(unix.IFLA_BR_VLAN_PROTOCOL, "IFLA_BR_VLAN_PROTOCOL"), ethTypeEnum),
	hex(u16a(unix.IFLA_BR_GROUP_FWD_MASK, "IFLA_BR_GROUP_FWD_MASK")),
	structa(unix.IFLA_BR_ROOT_ID, "IFLA_BR_ROOT_ID", bridgeID),
	structa(unix.IFLA_BR_BRIDGE_ID, "IFLA_BR_BRIDGE_ID", bridgeID),
	u16a(unix.IFLA_BR_ROOT_PORT, "IFLA_BR_ROOT_PORT"),
	u32a(unix.IFLA_BR_ROOT_PATH_COST, "IFLA_BR_ROOT_PATH_COST"),
	u8a(unix.IFLA_BR_TOPOLOGY_CHANGE, "IFLA_BR_TOPOLOGY_CHANGE"),
	u8a(unix.IFLA_BR_TOPOLOGY_CHANGE_DETECTED, "IFLA_BR_TOPOLOGY_CHANGE_DETECTED"),
	unit(u64a(unix.IFLA_BR_HELLO_TIMER, "IFLA_BR_HELLO_TIMER"), centis),
	unit(u64a(unix.IFLA_BR_TCN_TIMER, "IFLA_BR_TCN_TIMER"), centis),
	unit(u64a(unix.IFLA_BR_TOPOLOGY_CHANGE_TIMER, "IFLA_BR_TOPOLOGY_CHANGE_TIMER"), centis),
	unit(u64a(unix.IFLA_BR_GC_TIMER, "IFLA_BR_GC_TIMER"), centis),
	maca(unix.IFLA_BR_GROUP_ADDR, "IFLA_BR_GROUP_ADDR"),
	flaga(unix.IFLA_BR_FDB_FLUSH, "IFLA_BR_FDB_FLUSH"),
	u8a(unix.IFLA_BR_MCAST_ROUTER, "IFLA_BR_MCAST_ROUTER"),
	enum(u8a(unix.IFLA_BR_MCAST_SNOOPING, "IFLA_BR_MCAST_SNOOPING"), boolEnum),
	enum(u8a(unix.IFLA_BR_MCAST_QUERY_USE_IFADDR, "IFLA_BR_MCAST_QUERY_USE_IFADDR"), boolEnum),
	enum(u8a(unix.IFLA_BR_MCAST_QUERIER, "IFLA_BR_MCAST_QUERIER"), boolEnum),
	u32a(unix.IFLA_BR_MCAST_HASH_ELASTICITY, "IFLA_BR_MCAST_HASH_ELASTICITY"),
	u32a(unix.IFLA_BR_MCAST_HASH_MAX, "IFLA_BR_MCAST_HASH_MAX"),
	u32a(unix.IFLA_BR_MCAST_LAST_MEMBER_CNT, "IFLA_BR_MCAST_LAST_MEMBER_CNT"),
	u32a(unix.IFLA_BR_MCAST_STARTUP_QUERY_CNT, "IFLA_BR_MCAST_STARTUP_QUERY_CNT"),
	unit(u64a(unix.IFLA_BR_MCAST_LAST_MEMBER_INTVL, "IFLA_BR_MCAST_LAST_MEMBER_INTVL"), centis),
	unit(u64a(unix.IFLA_BR_MCAST_MEMBERSHIP_INTVL, "IFLA_BR_MCAST_MEMBERSHIP_INTVL"), centis),
	unit(u64a(unix.IFLA_BR_MCAST_QUERIER_INTVL, "IFLA_BR_MCAST_QUERIER_INTVL"), centis),
	unit(u64a(unix.IFLA_BR_MCAST_QUERY_INTVL, "IFLA_BR_MCAST_QUERY_INTVL"), centis),
	unit(u64a(unix.IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, "IFLA_BR_MCAST_QUERY_RESPONSE_INTVL"), centis),
	unit(u64a(unix.IFLA_BR_MCAST_STARTUP_QUERY_INTVL, "IFLA_BR_MCAST_STARTUP_QUERY_INTVL"), centis),
	enum(u8a(unix.IFLA_BR_NF_CALL_IPTABLES, "IFLA_BR_NF_CALL_IPTABLES"), boolEnum),
	enum(u8a(unix.IFLA_BR_NF_CALL_IP6TABLES, "IFLA_BR_NF_CALL_IP6TABLES"), boolEnum),
	enum(u8a(unix.IFLA_BR_NF_CALL_ARPTABLES, "IFLA_BR_NF_CALL_ARPTABLES"), boolEnum),
	u16a(unix.IFLA_BR_VLAN_DEFAULT_PVID, "IFLA_BR_VLAN_DEFAULT_PVID"),
	pada(unix.IFLA_BR_PAD, "IFLA_BR_PAD"),
	enum(u8a(unix.IFLA_BR_VLAN_STATS_ENABLED, "IFLA_BR_VLAN_STATS_ENABLED"), boolEnum),
	enum(u8a(unix.IFLA_BR_MCAST_STATS_ENABLED, "IFLA_BR_MCAST_STATS_ENABLED"), boolEnum),
	u8a(unix.IFLA_BR_MCAST_IGMP_VERSION, "IFLA_BR_MCAST_IGMP_VERSION"),
	u8a(unix.IFLA_BR_MCAST_MLD_VERSION, "IFLA_BR_MCAST_MLD_VERSION"),
	enum(u8a(unix.IFLA_BR_VLAN_STATS_PER_PORT, "IFLA_BR_VLAN_STATS_PER_PORT"), boolEnum),
	structa(unix.IFLA_BR_MULTI_BOOLOPT, "IFLA_BR_MULTI_BOOLOPT", boolOptMulti),
	nesta(unix.IFLA_BR_MCAST_QUERIER_STATE, "IFLA_BR_MCAST_QUERIER_STATE", querierStateAttrs),
	u32a(unix.IFLA_BR_FDB_N_LEARNED, "IFLA_BR_FDB_N_LEARNED"),
	u32a(unix.IFLA_BR_FDB_MAX_LEARNED, "IFLA_BR_FDB_MAX_LEARNED"),
)

// querierStateAttrs is IFLA_BR_MCAST_QUERIER_STATE (BRIDGE_QUERIER_*,
// include/uapi/linux/if_bridge.h).
var querierStateAttrs = decode.NewAttrSet("BRIDGE_QUERIER", "ifla.br.querier",
	addra(1, "BRIDGE_QUERIER_IP_ADDRESS"),
	u32a(2, "BRIDGE_QUERIER_IP_PORT"),
	unit(u64a(3, "BRIDGE_QUERIER_IP_OTHER_TIMER"), centis),
	pada(4, "BRIDGE_QUERIER_PAD"),
	addra(5, "BRIDGE_QUERIER_IPV6_ADDRESS"),
	u32a(6, "BRIDGE_QUERIER_IPV6_PORT"),
	unit(u64a(7, "BRIDGE_QUERIER_IPV6_OTHER_TIMER"), centis),
)

// brportAttrs describes a bridge port (IFLA_BRPORT_*).
var brportAttrs = decode.NewAttrSet("IFLA_BRPORT", "ifla.brport",
	enum(u8a(unix.IFLA_BRPORT_STATE, "IFLA_BRPORT_STATE"), brStateEnum),
	u16a(unix.IFLA_BRPORT_PRIORITY, "IFLA_BRPORT_PRIORITY"),
	u32a(unix.IFLA_BRPORT_COST, "IFLA_BRPORT_COST"),
	enum(u8a(unix.IFLA_BRPORT_MODE, "IFLA_BRPORT_MODE"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_GUARD, "IFLA_BRPORT_GUARD"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_PROTECT, "IFLA_BRPORT_PROTECT"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_FAST_LEAVE, "IFLA_BRPORT_FAST_LEAVE"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_LEARNING, "IFLA_BRPORT_LEARNING"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_UNICAST_FLOOD, "IFLA_BRPORT_UNICAST_FLOOD"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_PROXYARP, "IFLA_BRPORT_PROXYARP"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_LEARNING_SYNC, "IFLA_BRPORT_LEARNING_SYNC"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_PROXYARP_WIFI, "IFLA_BRPORT_PROXYARP_WIFI"), boolEnum),
	structa(unix.IFLA_BRPORT_ROOT_ID, "IFLA_BRPORT_ROOT_ID", bridgeID),
	structa(unix.IFLA_BRPORT_BRIDGE_ID, "IFLA_BRPORT_BRIDGE_ID", bridgeID),
	hex(u16a(unix.IFLA_BRPORT_DESIGNATED_PORT, "IFLA_BRPORT_DESIGNATED_PORT")),
	u16a(unix.IFLA_BRPORT_DESIGNATED_COST, "IFLA_BRPORT_DESIGNATED_COST"),
	hex(u16a(unix.IFLA_BRPORT_ID, "IFLA_BRPORT_ID")),
	hex(u16a(unix.IFLA_BRPORT_NO, "IFLA_BRPORT_NO")),
	u8a(unix.IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK"),
	u8a(unix.IFLA_BRPORT_CONFIG_PENDING, "IFLA_BRPORT_CONFIG_PENDING"),
	unit(u64a(unix.IFLA_BRPORT_MESSAGE_AGE_TIMER, "IFLA_BRPORT_MESSAGE_AGE_TIMER"), centis),
	unit(u64a(unix.IFLA_BRPORT_FORWARD_DELAY_TIMER, "IFLA_BRPORT_FORWARD_DELAY_TIMER"), centis),
	unit(u64a(unix.IFLA_BRPORT_HOLD_TIMER, "IFLA_BRPORT_HOLD_TIMER"), centis),
	flaga(unix.IFLA_BRPORT_FLUSH, "IFLA_BRPORT_FLUSH"),
	u8a(unix.IFLA_BRPORT_MULTICAST_ROUTER, "IFLA_BRPORT_MULTICAST_ROUTER"),
	pada(unix.IFLA_BRPORT_PAD, "IFLA_BRPORT_PAD"),
	enum(u8a(unix.IFLA_BRPORT_MCAST_FLOOD, "IFLA_BRPORT_MCAST_FLOOD"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_MCAST_TO_UCAST, "IFLA_BRPORT_MCAST_TO_UCAST"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_VLAN_TUNNEL, "IFLA_BRPORT_VLAN_TUNNEL"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_BCAST_FLOOD, "IFLA_BRPORT_BCAST_FLOOD"), boolEnum),
	hex(u16a(unix.IFLA_BRPORT_GROUP_FWD_MASK, "IFLA_BRPORT_GROUP_FWD_MASK")),
	enum(u8a(unix.IFLA_BRPORT_NEIGH_SUPPRESS, "IFLA_BRPORT_NEIGH_SUPPRESS"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_ISOLATED, "IFLA_BRPORT_ISOLATED"), boolEnum),
	u32a(unix.IFLA_BRPORT_BACKUP_PORT, "IFLA_BRPORT_BACKUP_PORT"),
	enum(u8a(unix.IFLA_BRPORT_MRP_RING_OPEN, "IFLA_BRPORT_MRP_RING_OPEN"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_MRP_IN_OPEN, "IFLA_BRPORT_MRP_IN_OPEN"), boolEnum),
	u32a(unix.IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT, "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT"),
	u32a(unix.IFLA_BRPORT_MCAST_EHT_HOSTS_CNT, "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT"),
	enum(u8a(unix.IFLA_BRPORT_LOCKED, "IFLA_BRPORT_LOCKED"), boolEnum),
	enum(u8a(unix.IFLA_BRPORT_MAB, "IFLA_BRPORT_MAB"), boolEnum),
	u32a(unix.IFLA_BRPORT_MCAST_N_GROUPS, "IFLA_BRPORT_MCAST_N_GROUPS"),
	u32a(unix.IFLA_BRPORT_MCAST_MAX_GROUPS, "IFLA_BRPORT_MCAST_MAX_GROUPS"),
	enum(u8a(unix.IFLA_BRPORT_NEIGH_VLAN_SUPPRESS, "IFLA_BRPORT_NEIGH_VLAN_SUPPRESS"), boolEnum),
	u32a(unix.IFLA_BRPORT_BACKUP_NHID, "IFLA_BRPORT_BACKUP_NHID"),
)

// bridgeVlanFlags names struct bridge_vlan_info flags (BRIDGE_VLAN_INFO_*).
var bridgeVlanFlags = decode.NewFlagSet("bridge_vlan_info_flags", "BRIDGE_VLAN_INFO_", map[uint64]string{
	1: "BRIDGE_VLAN_INFO_MASTER", 2: "BRIDGE_VLAN_INFO_PVID", 4: "BRIDGE_VLAN_INFO_UNTAGGED",
	8: "BRIDGE_VLAN_INFO_RANGE_BEGIN", 16: "BRIDGE_VLAN_INFO_RANGE_END", 32: "BRIDGE_VLAN_INFO_BRENTRY",
	64: "BRIDGE_VLAN_INFO_ONLINK",
})

// bridgeVlanInfo is struct bridge_vlan_info { __u16 flags; __u16 vid; }.
var bridgeVlanInfo = newStruct("bridge_vlan_info", "ifla.bridge.vlan_info",
	decode.Member{CName: "flags", Kind: decode.KindU16, Flags: bridgeVlanFlags},
	u16m("vid"))

var bridgeVlanTunnelAttrs = decode.NewAttrSet("IFLA_BRIDGE_VLAN_TUNNEL", "ifla.bridge.vlan_tunnel",
	u32a(1, "IFLA_BRIDGE_VLAN_TUNNEL_ID"),
	u16a(2, "IFLA_BRIDGE_VLAN_TUNNEL_VID"),
	flags(u16a(3, "IFLA_BRIDGE_VLAN_TUNNEL_FLAGS"), bridgeVlanFlags),
)

// bridgeAfAttrs is IFLA_AF_SPEC of AF_BRIDGE link messages (IFLA_BRIDGE_*).
var bridgeAfAttrs = decode.NewAttrSet("IFLA_BRIDGE", "ifla.bridge",
	flags(u16a(bridgeFlags, "IFLA_BRIDGE_FLAGS"), decode.NewFlagSet("bridge_flags", "BRIDGE_FLAGS_",
		map[uint64]string{1: "BRIDGE_FLAGS_MASTER", 2: "BRIDGE_FLAGS_SELF"})),
	enum(u16a(bridgeMode, "IFLA_BRIDGE_MODE"), decode.NewEnum("bridge_mode", "BRIDGE_MODE_",
		map[uint64]string{0: "BRIDGE_MODE_VEB", 1: "BRIDGE_MODE_VEPA", 0xffff: "BRIDGE_MODE_UNDEF"})),
	structa(bridgeAttrVlanInfo, "IFLA_BRIDGE_VLAN_INFO", bridgeVlanInfo),
	nesta(bridgeVlanTunnelInfo, "IFLA_BRIDGE_VLAN_TUNNEL_INFO", bridgeVlanTunnelAttrs),
	bina(bridgeMRP, "IFLA_BRIDGE_MRP"),
	bina(bridgeCFM, "IFLA_BRIDGE_CFM"),
	bina(bridgeMST, "IFLA_BRIDGE_MST"),
)
