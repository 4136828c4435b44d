package route

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// Value tables shared by several message kinds: address families, route types,
// scopes, protocols, tables, interface flags, hardware types, link states.

// afEnum names address families (AF_*, and the rtnetlink pseudo-families
// RTNL_FAMILY_IPMR/IP6MR).
var afEnum = decode.NewEnum("family", "AF_", map[uint64]string{
	unix.AF_UNSPEC: "AF_UNSPEC", unix.AF_INET: "AF_INET", unix.AF_INET6: "AF_INET6",
	unix.AF_BRIDGE: "AF_BRIDGE", unix.AF_MPLS: "AF_MPLS", unix.AF_PACKET: "AF_PACKET",
	unix.AF_CAN: "AF_CAN", unix.AF_DECnet: "AF_DECnet", unix.AF_MCTP: "AF_MCTP",
	unix.AF_NETLINK: "AF_NETLINK", unix.AF_UNIX: "AF_UNIX",
	rtnlFamilyIPMR: "RTNL_FAMILY_IPMR", rtnlFamilyIP6MR: "RTNL_FAMILY_IP6MR",
})

// rtnEnum names route types (rtm_type, fib_rule type, nexthop).
var rtnEnum = decode.NewEnum("rtm_type", "RTN_", map[uint64]string{
	unix.RTN_UNSPEC: "RTN_UNSPEC", unix.RTN_UNICAST: "RTN_UNICAST", unix.RTN_LOCAL: "RTN_LOCAL",
	unix.RTN_BROADCAST: "RTN_BROADCAST", unix.RTN_ANYCAST: "RTN_ANYCAST", unix.RTN_MULTICAST: "RTN_MULTICAST",
	unix.RTN_BLACKHOLE: "RTN_BLACKHOLE", unix.RTN_UNREACHABLE: "RTN_UNREACHABLE", unix.RTN_PROHIBIT: "RTN_PROHIBIT",
	unix.RTN_THROW: "RTN_THROW", unix.RTN_NAT: "RTN_NAT", unix.RTN_XRESOLVE: "RTN_XRESOLVE",
})

// scopeEnum names route and address scopes (RT_SCOPE_*).
var scopeEnum = decode.NewEnum("rt_scope", "RT_SCOPE_", map[uint64]string{
	unix.RT_SCOPE_UNIVERSE: "RT_SCOPE_UNIVERSE", unix.RT_SCOPE_SITE: "RT_SCOPE_SITE",
	unix.RT_SCOPE_LINK: "RT_SCOPE_LINK", unix.RT_SCOPE_HOST: "RT_SCOPE_HOST", unix.RT_SCOPE_NOWHERE: "RT_SCOPE_NOWHERE",
})

// protoEnum names route protocols (RTPROT_*), also used by rules, nexthops and
// neighbours.
var protoEnum = decode.NewEnum("rtm_protocol", "RTPROT_", map[uint64]string{
	unix.RTPROT_UNSPEC: "RTPROT_UNSPEC", unix.RTPROT_REDIRECT: "RTPROT_REDIRECT", unix.RTPROT_KERNEL: "RTPROT_KERNEL",
	unix.RTPROT_BOOT: "RTPROT_BOOT", unix.RTPROT_STATIC: "RTPROT_STATIC", unix.RTPROT_GATED: "RTPROT_GATED",
	unix.RTPROT_RA: "RTPROT_RA", unix.RTPROT_MRT: "RTPROT_MRT", unix.RTPROT_ZEBRA: "RTPROT_ZEBRA",
	unix.RTPROT_BIRD: "RTPROT_BIRD", unix.RTPROT_DNROUTED: "RTPROT_DNROUTED", unix.RTPROT_XORP: "RTPROT_XORP",
	unix.RTPROT_NTK: "RTPROT_NTK", unix.RTPROT_DHCP: "RTPROT_DHCP", unix.RTPROT_MROUTED: "RTPROT_MROUTED",
	unix.RTPROT_KEEPALIVED: "RTPROT_KEEPALIVED", unix.RTPROT_BABEL: "RTPROT_BABEL", unix.RTPROT_OVN: "RTPROT_OVN",
	unix.RTPROT_OPENR: "RTPROT_OPENR", unix.RTPROT_BGP: "RTPROT_BGP", unix.RTPROT_ISIS: "RTPROT_ISIS",
	unix.RTPROT_OSPF: "RTPROT_OSPF", unix.RTPROT_RIP: "RTPROT_RIP", unix.RTPROT_EIGRP: "RTPROT_EIGRP",
})

// tableEnum names the reserved routing tables (RT_TABLE_*).
var tableEnum = decode.NewEnum("rt_table", "RT_TABLE_", map[uint64]string{
	unix.RT_TABLE_UNSPEC: "RT_TABLE_UNSPEC", unix.RT_TABLE_COMPAT: "RT_TABLE_COMPAT",
	unix.RT_TABLE_DEFAULT: "RT_TABLE_DEFAULT", unix.RT_TABLE_MAIN: "RT_TABLE_MAIN", unix.RT_TABLE_LOCAL: "RT_TABLE_LOCAL",
})

// iffFlags names interface flags (IFF_*, ifi_flags).
var iffFlags = decode.NewFlagSet("ifi_flags", "IFF_", map[uint64]string{
	unix.IFF_UP: "IFF_UP", unix.IFF_BROADCAST: "IFF_BROADCAST", unix.IFF_DEBUG: "IFF_DEBUG",
	unix.IFF_LOOPBACK: "IFF_LOOPBACK", unix.IFF_POINTOPOINT: "IFF_POINTOPOINT", unix.IFF_NOTRAILERS: "IFF_NOTRAILERS",
	unix.IFF_RUNNING: "IFF_RUNNING", unix.IFF_NOARP: "IFF_NOARP", unix.IFF_PROMISC: "IFF_PROMISC",
	unix.IFF_ALLMULTI: "IFF_ALLMULTI", unix.IFF_MASTER: "IFF_MASTER", unix.IFF_SLAVE: "IFF_SLAVE",
	unix.IFF_MULTICAST: "IFF_MULTICAST", unix.IFF_PORTSEL: "IFF_PORTSEL", unix.IFF_AUTOMEDIA: "IFF_AUTOMEDIA",
	unix.IFF_DYNAMIC: "IFF_DYNAMIC", unix.IFF_LOWER_UP: "IFF_LOWER_UP", unix.IFF_DORMANT: "IFF_DORMANT",
	unix.IFF_ECHO: "IFF_ECHO",
})

// arphrdEnum names hardware types (ifi_type).
var arphrdEnum = decode.NewEnum("ifi_type", "ARPHRD_", map[uint64]string{
	unix.ARPHRD_NETROM: "ARPHRD_NETROM", unix.ARPHRD_ETHER: "ARPHRD_ETHER", unix.ARPHRD_EETHER: "ARPHRD_EETHER",
	unix.ARPHRD_IEEE802: "ARPHRD_IEEE802", unix.ARPHRD_ARCNET: "ARPHRD_ARCNET", unix.ARPHRD_DLCI: "ARPHRD_DLCI",
	unix.ARPHRD_ATM: "ARPHRD_ATM", unix.ARPHRD_IEEE1394: "ARPHRD_IEEE1394", unix.ARPHRD_EUI64: "ARPHRD_EUI64",
	unix.ARPHRD_INFINIBAND: "ARPHRD_INFINIBAND", unix.ARPHRD_SLIP: "ARPHRD_SLIP", unix.ARPHRD_CAN: "ARPHRD_CAN",
	unix.ARPHRD_MCTP: "ARPHRD_MCTP", unix.ARPHRD_PPP: "ARPHRD_PPP", unix.ARPHRD_HDLC: "ARPHRD_HDLC",
	unix.ARPHRD_RAWIP: "ARPHRD_RAWIP", unix.ARPHRD_TUNNEL: "ARPHRD_TUNNEL", unix.ARPHRD_TUNNEL6: "ARPHRD_TUNNEL6",
	unix.ARPHRD_LOOPBACK: "ARPHRD_LOOPBACK", unix.ARPHRD_SIT: "ARPHRD_SIT", unix.ARPHRD_IPGRE: "ARPHRD_IPGRE",
	unix.ARPHRD_PIMREG: "ARPHRD_PIMREG", unix.ARPHRD_IEEE80211: "ARPHRD_IEEE80211",
	unix.ARPHRD_IEEE80211_RADIOTAP: "ARPHRD_IEEE80211_RADIOTAP", unix.ARPHRD_IEEE802154: "ARPHRD_IEEE802154",
	unix.ARPHRD_IP6GRE: "ARPHRD_IP6GRE", unix.ARPHRD_NETLINK: "ARPHRD_NETLINK", unix.ARPHRD_6LOWPAN: "ARPHRD_6LOWPAN",
	unix.ARPHRD_VSOCKMON: "ARPHRD_VSOCKMON", unix.ARPHRD_NONE: "ARPHRD_NONE", unix.ARPHRD_VOID: "ARPHRD_VOID",
	unix.ARPHRD_FDDI: "ARPHRD_FDDI", unix.ARPHRD_X25: "ARPHRD_X25", unix.ARPHRD_PHONET: "ARPHRD_PHONET",
})

// operEnum names RFC 2863 operational states (IFLA_OPERSTATE).
var operEnum = decode.NewEnum("operstate", "IF_OPER_", map[uint64]string{
	ifOperUnknown: "IF_OPER_UNKNOWN", ifOperNotPresent: "IF_OPER_NOTPRESENT", ifOperDown: "IF_OPER_DOWN",
	ifOperLowerLayerDown: "IF_OPER_LOWERLAYERDOWN", ifOperTesting: "IF_OPER_TESTING",
	ifOperDormant: "IF_OPER_DORMANT", ifOperUp: "IF_OPER_UP",
})

// linkModeEnum names link modes (IFLA_LINKMODE).
var linkModeEnum = decode.NewEnum("linkmode", "IF_LINK_MODE_", map[uint64]string{
	0: "IF_LINK_MODE_DEFAULT", 1: "IF_LINK_MODE_DORMANT", 2: "IF_LINK_MODE_TESTING",
})

// nudFlags names neighbour states (ndm_state); NUD_NONE is 0.
var nudFlags = decode.NewFlagSet("ndm_state", "NUD_", map[uint64]string{
	unix.NUD_INCOMPLETE: "NUD_INCOMPLETE", unix.NUD_REACHABLE: "NUD_REACHABLE", unix.NUD_STALE: "NUD_STALE",
	unix.NUD_DELAY: "NUD_DELAY", unix.NUD_PROBE: "NUD_PROBE", unix.NUD_FAILED: "NUD_FAILED",
	unix.NUD_NOARP: "NUD_NOARP", unix.NUD_PERMANENT: "NUD_PERMANENT",
})

// ntfFlags names neighbour flags (ndm_flags).
var ntfFlags = decode.NewFlagSet("ndm_flags", "NTF_", map[uint64]string{
	unix.NTF_USE: "NTF_USE", unix.NTF_SELF: "NTF_SELF", unix.NTF_MASTER: "NTF_MASTER", unix.NTF_PROXY: "NTF_PROXY",
	unix.NTF_EXT_LEARNED: "NTF_EXT_LEARNED", unix.NTF_OFFLOADED: "NTF_OFFLOADED", 0x40: "NTF_STICKY",
	unix.NTF_ROUTER: "NTF_ROUTER",
})

// ifaFlags names address flags (IFA_F_*; ifa_flags holds the low 8, IFA_FLAGS all).
var ifaFlags = decode.NewFlagSet("ifa_flags", "IFA_F_", map[uint64]string{
	unix.IFA_F_SECONDARY: "IFA_F_SECONDARY", unix.IFA_F_NODAD: "IFA_F_NODAD", unix.IFA_F_OPTIMISTIC: "IFA_F_OPTIMISTIC",
	unix.IFA_F_DADFAILED: "IFA_F_DADFAILED", unix.IFA_F_HOMEADDRESS: "IFA_F_HOMEADDRESS",
	unix.IFA_F_DEPRECATED: "IFA_F_DEPRECATED", unix.IFA_F_TENTATIVE: "IFA_F_TENTATIVE",
	unix.IFA_F_PERMANENT: "IFA_F_PERMANENT", unix.IFA_F_MANAGETEMPADDR: "IFA_F_MANAGETEMPADDR",
	unix.IFA_F_NOPREFIXROUTE: "IFA_F_NOPREFIXROUTE", unix.IFA_F_MCAUTOJOIN: "IFA_F_MCAUTOJOIN",
	unix.IFA_F_STABLE_PRIVACY: "IFA_F_STABLE_PRIVACY",
})

// rtnhFlags names nexthop flags (RTNH_F_*), the low byte of rtm_flags and rtnh_flags.
var rtnhFlagBits = map[uint64]string{
	unix.RTNH_F_DEAD: "RTNH_F_DEAD", unix.RTNH_F_PERVASIVE: "RTNH_F_PERVASIVE", unix.RTNH_F_ONLINK: "RTNH_F_ONLINK",
	unix.RTNH_F_OFFLOAD: "RTNH_F_OFFLOAD", unix.RTNH_F_LINKDOWN: "RTNH_F_LINKDOWN",
	unix.RTNH_F_UNRESOLVED: "RTNH_F_UNRESOLVED", unix.RTNH_F_TRAP: "RTNH_F_TRAP",
}

// rtnhFlags names rtnh_flags and nh_flags.
var rtnhFlags = decode.NewFlagSet("rtnh_flags", "RTNH_F_", rtnhFlagBits)

// rtmFlags names rtm_flags: RTNH_F_* in the low byte, RTM_F_* above.
var rtmFlags = func() *decode.FlagSet {
	m := map[uint64]string{
		unix.RTM_F_NOTIFY: "RTM_F_NOTIFY", unix.RTM_F_CLONED: "RTM_F_CLONED", unix.RTM_F_EQUALIZE: "RTM_F_EQUALIZE",
		unix.RTM_F_PREFIX: "RTM_F_PREFIX", unix.RTM_F_LOOKUP_TABLE: "RTM_F_LOOKUP_TABLE",
		unix.RTM_F_FIB_MATCH: "RTM_F_FIB_MATCH", unix.RTM_F_OFFLOAD: "RTM_F_OFFLOAD", unix.RTM_F_TRAP: "RTM_F_TRAP",
		unix.RTM_F_OFFLOAD_FAILED: "RTM_F_OFFLOAD_FAILED",
	}
	for b, n := range rtnhFlagBits {
		m[b] = n
	}
	return decode.NewFlagSet("rtm_flags", "", m)
}()

// rtextFilter names the IFLA_EXT_MASK bits (RTEXT_FILTER_*, rtnetlink.h).
var rtextFilter = decode.NewFlagSet("rtext_filter", "RTEXT_FILTER_", map[uint64]string{
	1: "RTEXT_FILTER_VF", 2: "RTEXT_FILTER_BRVLAN", 4: "RTEXT_FILTER_BRVLAN_COMPRESSED",
	8: "RTEXT_FILTER_SKIP_STATS", 16: "RTEXT_FILTER_MRP", 32: "RTEXT_FILTER_CFM_CONFIG",
	64: "RTEXT_FILTER_CFM_STATUS", 128: "RTEXT_FILTER_MST",
})

// ethTypeEnum names the ethertypes that appear as VLAN protocols.
var ethTypeEnum = decode.NewEnum("ethertype", "ETH_P_", map[uint64]string{
	unix.ETH_P_8021Q: "ETH_P_8021Q", unix.ETH_P_8021AD: "ETH_P_8021AD", unix.ETH_P_IP: "ETH_P_IP",
	unix.ETH_P_IPV6: "ETH_P_IPV6", unix.ETH_P_ALL: "ETH_P_ALL", unix.ETH_P_ARP: "ETH_P_ARP",
	unix.ETH_P_MPLS_UC: "ETH_P_MPLS_UC", unix.ETH_P_TEB: "ETH_P_TEB",
})

// ipProtoEnum names IP protocols (RTA_IP_PROTO, FRA_IP_PROTO).
var ipProtoEnum = decode.NewEnum("ipproto", "IPPROTO_", map[uint64]string{
	unix.IPPROTO_IP: "IPPROTO_IP", unix.IPPROTO_ICMP: "IPPROTO_ICMP", unix.IPPROTO_TCP: "IPPROTO_TCP",
	unix.IPPROTO_UDP: "IPPROTO_UDP", unix.IPPROTO_IPV6: "IPPROTO_IPV6", unix.IPPROTO_GRE: "IPPROTO_GRE",
	unix.IPPROTO_ESP: "IPPROTO_ESP", unix.IPPROTO_ICMPV6: "IPPROTO_ICMPV6", unix.IPPROTO_SCTP: "IPPROTO_SCTP",
	unix.IPPROTO_IPIP: "IPPROTO_IPIP", unix.IPPROTO_MPLS: "IPPROTO_MPLS",
})

// u8Bool names the 0/1 values of on/off attributes.
var boolEnum = decode.NewEnum("bool", "", map[uint64]string{0: "off", 1: "on"})
