package route

// Bonds: IFLA_INFO_DATA of kind "bond" (IFLA_BOND_*, include/uapi/linux/if_link.h)
// and IFLA_INFO_SLAVE_DATA of slave kind "bond" (IFLA_BOND_SLAVE_*). IFLA_BOND_AD_INFO
// nests the 802.3ad aggregator; IFLA_BOND_ARP_IP_TARGET and IFLA_BOND_NS_IP6_TARGET
// are indexed arrays of addresses:
//
//	IFLA_BOND_ARP_IP_TARGET
//	+-- [0] 192.0.2.1
//	+-- [1] 192.0.2.2

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// bondModeEnum names bonding modes (BOND_MODE_*, include/uapi/linux/if_bonding.h).
var bondModeEnum = decode.NewEnum("bond_mode", "BOND_MODE_", map[uint64]string{
	0: "BOND_MODE_ROUNDROBIN", 1: "BOND_MODE_ACTIVEBACKUP", 2: "BOND_MODE_XOR", 3: "BOND_MODE_BROADCAST",
	4: "BOND_MODE_8023AD", 5: "BOND_MODE_TLB", 6: "BOND_MODE_ALB",
})

var bondXmitHashEnum = decode.NewEnum("bond_xmit_hash_policy", "BOND_XMIT_POLICY_", map[uint64]string{
	0: "BOND_XMIT_POLICY_LAYER2", 1: "BOND_XMIT_POLICY_LAYER34", 2: "BOND_XMIT_POLICY_LAYER23",
	3: "BOND_XMIT_POLICY_ENCAP23", 4: "BOND_XMIT_POLICY_ENCAP34", 5: "BOND_XMIT_POLICY_VLAN_SRCMAC",
})

var bondADInfoAttrs = decode.NewAttrSet("IFLA_BOND_AD_INFO", "ifla.bond.ad_info",
	u16a(unix.IFLA_BOND_AD_INFO_AGGREGATOR, "IFLA_BOND_AD_INFO_AGGREGATOR"),
	u16a(unix.IFLA_BOND_AD_INFO_NUM_PORTS, "IFLA_BOND_AD_INFO_NUM_PORTS"),
	u16a(unix.IFLA_BOND_AD_INFO_ACTOR_KEY, "IFLA_BOND_AD_INFO_ACTOR_KEY"),
	u16a(unix.IFLA_BOND_AD_INFO_PARTNER_KEY, "IFLA_BOND_AD_INFO_PARTNER_KEY"),
	maca(unix.IFLA_BOND_AD_INFO_PARTNER_MAC, "IFLA_BOND_AD_INFO_PARTNER_MAC"),
)

// bondAttrs is IFLA_INFO_DATA of kind "bond".
var bondAttrs = decode.NewAttrSet("IFLA_BOND", "ifla.bond",
	enum(u8a(unix.IFLA_BOND_MODE, "IFLA_BOND_MODE"), bondModeEnum),
	u32a(unix.IFLA_BOND_ACTIVE_SLAVE, "IFLA_BOND_ACTIVE_SLAVE"),
	unit(u32a(unix.IFLA_BOND_MIIMON, "IFLA_BOND_MIIMON"), "ms"),
	unit(u32a(unix.IFLA_BOND_UPDELAY, "IFLA_BOND_UPDELAY"), "ms"),
	unit(u32a(unix.IFLA_BOND_DOWNDELAY, "IFLA_BOND_DOWNDELAY"), "ms"),
	enum(u8a(unix.IFLA_BOND_USE_CARRIER, "IFLA_BOND_USE_CARRIER"), boolEnum),
	unit(u32a(unix.IFLA_BOND_ARP_INTERVAL, "IFLA_BOND_ARP_INTERVAL"), "ms"),
	decode.Attr{Type: unix.IFLA_BOND_ARP_IP_TARGET, CName: "IFLA_BOND_ARP_IP_TARGET", Array: true, Elem: &decode.Attr{Kind: decode.KindAddr}},
	u32a(unix.IFLA_BOND_ARP_VALIDATE, "IFLA_BOND_ARP_VALIDATE"),
	u32a(unix.IFLA_BOND_ARP_ALL_TARGETS, "IFLA_BOND_ARP_ALL_TARGETS"),
	u32a(unix.IFLA_BOND_PRIMARY, "IFLA_BOND_PRIMARY"),
	u8a(unix.IFLA_BOND_PRIMARY_RESELECT, "IFLA_BOND_PRIMARY_RESELECT"),
	u8a(unix.IFLA_BOND_FAIL_OVER_MAC, "IFLA_BOND_FAIL_OVER_MAC"),
	enum(u8a(unix.IFLA_BOND_XMIT_HASH_POLICY, "IFLA_BOND_XMIT_HASH_POLICY"), bondXmitHashEnum),
	u32a(unix.IFLA_BOND_RESEND_IGMP, "IFLA_BOND_RESEND_IGMP"),
	u8a(unix.IFLA_BOND_NUM_PEER_NOTIF, "IFLA_BOND_NUM_PEER_NOTIF"),
	enum(u8a(unix.IFLA_BOND_ALL_SLAVES_ACTIVE, "IFLA_BOND_ALL_SLAVES_ACTIVE"), boolEnum),
	u32a(unix.IFLA_BOND_MIN_LINKS, "IFLA_BOND_MIN_LINKS"),
	unit(u32a(unix.IFLA_BOND_LP_INTERVAL, "IFLA_BOND_LP_INTERVAL"), "s"),
	u32a(unix.IFLA_BOND_PACKETS_PER_SLAVE, "IFLA_BOND_PACKETS_PER_SLAVE"),
	enum(u8a(unix.IFLA_BOND_AD_LACP_RATE, "IFLA_BOND_AD_LACP_RATE"), decode.NewEnum("lacp_rate", "", map[uint64]string{0: "slow", 1: "fast"})),
	enum(u8a(unix.IFLA_BOND_AD_SELECT, "IFLA_BOND_AD_SELECT"), decode.NewEnum("ad_select", "", map[uint64]string{0: "stable", 1: "bandwidth", 2: "count"})),
	nesta(unix.IFLA_BOND_AD_INFO, "IFLA_BOND_AD_INFO", bondADInfoAttrs),
	u16a(unix.IFLA_BOND_AD_ACTOR_SYS_PRIO, "IFLA_BOND_AD_ACTOR_SYS_PRIO"),
	u16a(unix.IFLA_BOND_AD_USER_PORT_KEY, "IFLA_BOND_AD_USER_PORT_KEY"),
	maca(unix.IFLA_BOND_AD_ACTOR_SYSTEM, "IFLA_BOND_AD_ACTOR_SYSTEM"),
	enum(u8a(unix.IFLA_BOND_TLB_DYNAMIC_LB, "IFLA_BOND_TLB_DYNAMIC_LB"), boolEnum),
	unit(u32a(unix.IFLA_BOND_PEER_NOTIF_DELAY, "IFLA_BOND_PEER_NOTIF_DELAY"), "ms"),
	enum(u8a(unix.IFLA_BOND_AD_LACP_ACTIVE, "IFLA_BOND_AD_LACP_ACTIVE"), boolEnum),
	u8a(unix.IFLA_BOND_MISSED_MAX, "IFLA_BOND_MISSED_MAX"),
	decode.Attr{Type: unix.IFLA_BOND_NS_IP6_TARGET, CName: "IFLA_BOND_NS_IP6_TARGET", Array: true, Elem: &decode.Attr{Kind: decode.KindAddr}},
	enum(u8a(unix.IFLA_BOND_COUPLED_CONTROL, "IFLA_BOND_COUPLED_CONTROL"), boolEnum),
)

// bondSlaveAttrs is IFLA_INFO_SLAVE_DATA of slave kind "bond".
var bondSlaveAttrs = decode.NewAttrSet("IFLA_BOND_SLAVE", "ifla.bond_slave",
	enum(u8a(unix.IFLA_BOND_SLAVE_STATE, "IFLA_BOND_SLAVE_STATE"), decode.NewEnum("bond_slave_state", "BOND_STATE_",
		map[uint64]string{0: "BOND_STATE_ACTIVE", 1: "BOND_STATE_BACKUP"})),
	enum(u8a(unix.IFLA_BOND_SLAVE_MII_STATUS, "IFLA_BOND_SLAVE_MII_STATUS"), decode.NewEnum("mii_status", "BOND_LINK_",
		map[uint64]string{0: "BOND_LINK_UP", 1: "BOND_LINK_FAIL", 2: "BOND_LINK_DOWN", 3: "BOND_LINK_BACK"})),
	u32a(unix.IFLA_BOND_SLAVE_LINK_FAILURE_COUNT, "IFLA_BOND_SLAVE_LINK_FAILURE_COUNT"),
	maca(unix.IFLA_BOND_SLAVE_PERM_HWADDR, "IFLA_BOND_SLAVE_PERM_HWADDR"),
	u16a(unix.IFLA_BOND_SLAVE_QUEUE_ID, "IFLA_BOND_SLAVE_QUEUE_ID"),
	u16a(unix.IFLA_BOND_SLAVE_AD_AGGREGATOR_ID, "IFLA_BOND_SLAVE_AD_AGGREGATOR_ID"),
	hex(u8a(unix.IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE, "IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE")),
	hex(u16a(unix.IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE, "IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE")),
	s32a(unix.IFLA_BOND_SLAVE_PRIO, "IFLA_BOND_SLAVE_PRIO"),
)
