// Package route decodes NETLINK_ROUTE (rtnetlink) messages: links, addresses,
// routes, neighbours, rules, nexthops, traffic control, neighbour tables, address
// labels, netconf, MDB, namespace ids, statistics and the rest of the RTM_* types.
//
// # Message types
//
// Every RTM_* type golang.org/x/sys/unix defines is named. Its operation kind, which
// decides how nlmsg_flags bits 0x100-0x800 read, is `(type - RTM_BASE) & 3`: 0 NEW,
// 1 DEL, 2 GET, 3 SET, as the kernel's rtnetlink_rcv_msg computes it. Because
// RTM_BASE (16) is a multiple of 4 this is the same as `type & 3`, and every family
// of types starts on a multiple of 4, so the rule holds for all of them (checked by
// TestOpKindRule against the whole table).
//
// # Fixed headers and short forms
//
// Each type has its family header (ifinfomsg, ifaddrmsg, rtmsg, ndmsg, fib_rule_hdr,
// tcmsg, nhmsg, br_port_msg, ndtmsg, ifaddrlblmsg, netconfmsg, if_stats_msg, ...).
// Requests may carry a shorter header than the type's: the kernel accepts a bare
// struct rtgenmsg (one byte, padded to four) for dumps, and a GETNEIGH request for
// AF_BRIDGE may carry an ifinfomsg with IFLA_* attributes instead of an ndmsg. The
// decoder chooses the header by length exactly as the kernel does (see header.go),
// so that attributes after a short header are never read at the wrong offset.
//
// # Attributes
//
// Attributes are decoded from tables (decode.AttrSet) built once at init: the
// IFLA_* set with IFLA_LINKINFO sub-messages selected by IFLA_INFO_KIND and
// IFLA_INFO_SLAVE_KIND, IFLA_AF_SPEC by address family, RTA_* with RTA_MULTIPATH
// nexthops and RTA_ENCAP selected by RTA_ENCAP_TYPE, TCA_OPTIONS selected by TCA_KIND,
// and so on. Constants missing from golang.org/x/sys/unix are defined in uapi.go with
// the kernel header they come from.
//
// # Coverage
//
// Link kinds with IFLA_INFO_DATA tables: vlan, veth, vxcan, macvlan, macvtap, ipvlan,
// ipvtap, vrf, tun, macsec, xfrm, netkit, bridge, bond, vxlan, geneve, gre, gretap,
// erspan, ip6gre, ip6gretap, ip6erspan, ipip, sit, ip6tnl, vti, vti6; slave data for
// bridge, bond and vrf ports. dummy, ifb, nlmon, wireguard and team define none.
// Traffic control: qdiscs and classes htb, tbf, fq_codel, fq, cake, prio, pfifo_fast,
// pfifo, bfifo, sfq, netem, mqprio, ingress, clsact; filters u32, flower, matchall,
// basic, bpf, fw, route; actions gact, mirred, police, skbedit, vlan, pedit, csum.
// Route encapsulations: MPLS, IP, IP6, SEG6, SEG6_LOCAL.
//
// Described but shown as bytes (their content is opaque, driver-private or another
// family's): IFLA_WIRELESS, IFLA_PHYS_PORT_ID, IFLA_PHYS_SWITCH_ID, IFLA_DEVLINK_PORT,
// IFLA_DPLL_PIN, IFLA_INFO_XSTATS, LINK_XSTATS_TYPE_*, IFLA_INET6_MCAST,
// IFLA_BRIDGE_MRP/CFM/MST, TCA_STATS_APP, the rate tables (TCA_HTB_RTAB, ...),
// TCA_NETEM_DELAY_DIST, flower tunnel options, the BPF/ILA/RPL/IOAM6/XFRM
// encapsulations, DCB configuration nests, and options of other tc and link kinds.
//
// # Summaries
//
// Summary gives one line per message in the style of `ip monitor`:
// "10.0.0.0/24 via 192.0.2.1 dev veth0 table main proto static metric 100". Interface
// indexes are printed as names once the capture has shown an RTM_NEWLINK with
// IFLA_IFNAME for them (learned into decode.Session.Links while decoding).
package route
