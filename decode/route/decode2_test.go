package route

import (
	"testing"

	"golang.org/x/sys/unix"
)

// rtmsgV4 is an rtmsg for an IPv4 unicast route in table main.
func rtmsgV4(w wire, dstLen, proto, scope uint8) []byte {
	return cat([]byte{unix.AF_INET, dstLen, 0, 0}, // rtm_family, rtm_dst_len, rtm_src_len, rtm_tos
		[]byte{unix.RT_TABLE_MAIN, proto, scope, unix.RTN_UNICAST}, // rtm_table, rtm_protocol, rtm_scope, rtm_type
		w.U32(0)) // rtm_flags
}

func TestRoutes(t *testing.T) { runCases(t, routeCases()) }

func routeCases() []msgCase {
	return []msgCase{
		{
			name: "ipv4 route via gateway",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWROUTE, 0,
					rtmsgV4(w, 24, unix.RTPROT_STATIC, unix.RT_SCOPE_UNIVERSE),
					w.Attr(unix.RTA_TABLE, w.U32(unix.RT_TABLE_MAIN)), // RTA_TABLE main
					w.Attr(unix.RTA_DST, []byte{10, 0, 0, 0}),         // RTA_DST 10.0.0.0
					w.Attr(unix.RTA_PRIORITY, w.U32(100)),             // RTA_PRIORITY 100
					w.Attr(unix.RTA_GATEWAY, []byte{192, 0, 2, 1}),    // RTA_GATEWAY 192.0.2.1
					w.Attr(unix.RTA_OIF, w.U32(3)))}                   // RTA_OIF 3 (veth0)
			},
			summary: "10.0.0.0/24 via 192.0.2.1 dev veth0 table main proto static metric 100",
			fields:  map[string]string{"rta.dst": "10.0.0.0", "rta.gateway": "192.0.2.1", "rtm.protocol": "RTPROT_STATIC (4)"},
		},
		{
			name: "multipath with metrics",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWROUTE, 0,
					rtmsgV4(w, 24, unix.RTPROT_BOOT, unix.RT_SCOPE_UNIVERSE),
					w.Attr(unix.RTA_DST, []byte{203, 0, 113, 0}), // RTA_DST 203.0.113.0
					w.Nest(unix.RTA_METRICS, // RTA_METRICS
						w.Attr(unix.RTAX_MTU, w.U32(1400))), // RTAX_MTU 1400
					w.Attr(unix.RTA_MULTIPATH, // RTA_MULTIPATH
						w.U16(16), []byte{0, 0}, w.U32(3), // rtnexthop: len 16, flags 0, hops 0 (weight 1), ifindex 3
						w.Attr(unix.RTA_GATEWAY, []byte{10, 0, 0, 2}), // RTA_GATEWAY 10.0.0.2
						w.U16(16), []byte{unix.RTNH_F_ONLINK, 2}, w.U32(3), // rtnexthop: len 16, ONLINK, hops 2 (weight 3), ifindex 3
						w.Attr(unix.RTA_GATEWAY, []byte{10, 0, 0, 3})))} // RTA_GATEWAY 10.0.0.3
			},
			summary: "203.0.113.0/24 table main proto boot mtu 1400 nexthop via 10.0.0.2 dev veth0 weight 1 nexthop via 10.0.0.3 dev veth0 weight 3",
			fields:  map[string]string{"rta.metrics.mtu": "1400 bytes", "rtnh.flags": "0x00"},
		},
		{
			name: "mpls encap",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWROUTE, 0,
					rtmsgV4(w, 32, unix.RTPROT_BOOT, unix.RT_SCOPE_UNIVERSE),
					w.Attr(unix.RTA_DST, []byte{198, 51, 100, 7}),                // RTA_DST 198.51.100.7/32
					w.Attr(unix.RTA_ENCAP_TYPE, w.U16(unix.LWTUNNEL_ENCAP_MPLS)), // RTA_ENCAP_TYPE MPLS
					w.Nest(unix.RTA_ENCAP, w.Attr(unix.MPLS_IPTUNNEL_DST, // RTA_ENCAP { MPLS_IPTUNNEL_DST
						be32(100<<12), be32(200<<12|1<<8|64))), // labels 100, 200 (bottom of stack, ttl 64) }
					w.Attr(unix.RTA_OIF, w.U32(9)))} // RTA_OIF 9 (name not learned)
			},
			summary: "198.51.100.7 encap mpls 100/200 dev if9 table main proto boot",
		},
		{
			name: "mpls family route: RTA_DST is a label, RTA_VIA an address",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWROUTE, 0,
					[]byte{unix.AF_MPLS, 20, 0, 0, unix.RT_TABLE_MAIN, unix.RTPROT_BOOT, 0, unix.RTN_UNICAST}, w.U32(0), // rtmsg AF_MPLS
					w.Attr(unix.RTA_DST, be32(300<<12|1<<8)),                       // RTA_DST label 300
					w.Attr(unix.RTA_VIA, w.U16(unix.AF_INET), []byte{10, 0, 0, 2}), // RTA_VIA inet 10.0.0.2
				)}
			},
			summary: "300 via inet 10.0.0.2 table main proto boot",
			fields:  map[string]string{"mpls.label": "300", "rta.via.addr": "10.0.0.2"},
		},
		{
			name: "ipv6 address",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWADDR, 0,
					[]byte{unix.AF_INET6, 64, unix.IFA_F_PERMANENT, unix.RT_SCOPE_UNIVERSE}, w.U32(3), // ifaddrmsg
					w.Attr(unix.IFA_ADDRESS, []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}),                          // IFA_ADDRESS 2001:db8::1
					w.Attr(unix.IFA_CACHEINFO, w.U32(0xffffffff), w.U32(0xffffffff), w.U32(100), w.U32(200)), // IFA_CACHEINFO forever
					w.Attr(unix.IFA_FLAGS, w.U32(unix.IFA_F_PERMANENT)))}                                     // IFA_FLAGS PERMANENT
			},
			summary: "2001:db8::1/64 dev if3 scope global",
			fields:  map[string]string{"ifa.cacheinfo.valid": "4294967295 s", "ifa.flags": "0x00000080 (PERMANENT)"},
		},
		{
			name: "neighbour",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWNEIGH, 0,
					[]byte{unix.AF_INET, 0}, w.U16(0), w.U32(3), // ndm_family, pads, ndm_ifindex 3
					w.U16(unix.NUD_REACHABLE), []byte{unix.NTF_ROUTER, unix.RTN_UNICAST}, // ndm_state, ndm_flags, ndm_type
					w.Attr(unix.NDA_DST, []byte{10, 0, 0, 2}),                          // NDA_DST 10.0.0.2
					w.Attr(unix.NDA_LLADDR, []byte{2, 0, 0, 0, 0, 2}),                  // NDA_LLADDR
					w.Attr(unix.NDA_CACHEINFO, w.U32(1), w.U32(2), w.U32(3), w.U32(0)), // NDA_CACHEINFO
					w.Attr(unix.NDA_PROBES, w.U32(0)))}                                 // NDA_PROBES 0
			},
			summary: "10.0.0.2 dev veth0 lladdr 02:00:00:00:00:02 router REACHABLE",
			fields:  map[string]string{"ndm.state": "0x0002 (REACHABLE)", "nda.cacheinfo.ndm_used": "2 cs"},
		},
		{
			name: "rule with port and uid ranges",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWRULE, 0,
					[]byte{unix.AF_INET, 0, 8, 0, 0, 0, 0, frActToTbl}, w.U32(0), // fib_rule_hdr: src_len 8, table 0, action TO_TBL
					w.Attr(unix.FRA_PRIORITY, w.U32(1000)),                // FRA_PRIORITY 1000
					w.Attr(unix.FRA_SRC, []byte{10, 0, 0, 0}),             // FRA_SRC 10.0.0.0
					w.Attr(unix.FRA_TABLE, w.U32(100)),                    // FRA_TABLE 100
					w.Attr(unix.FRA_DPORT_RANGE, w.U16(22), w.U16(22)),    // FRA_DPORT_RANGE 22-22
					w.Attr(unix.FRA_UID_RANGE, w.U32(1000), w.U32(1999)))} // FRA_UID_RANGE 1000-1999
			},
			summary: "1000: from 10.0.0.0/8 uidrange 1000-1999 dport 22 lookup 100",
			fields:  map[string]string{"fib_rule.src_len": "8", "fra.uid_range.end": "1999"},
		},
		{
			name: "nexthop group",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWNEXTHOP, 0,
					[]byte{unix.AF_UNSPEC, 0, unix.RTPROT_STATIC, 0}, w.U32(0), // nhmsg
					w.Attr(unix.NHA_ID, w.U32(3)), // NHA_ID 3
					w.Attr(unix.NHA_GROUP, // NHA_GROUP
						w.U32(1), []byte{0, 0}, w.U16(0), // nexthop_grp id 1, weight 1
						w.U32(2), []byte{4, 0}, w.U16(0)), // nexthop_grp id 2, weight 5
					w.Attr(unix.NHA_GROUP_TYPE, w.U16(0)))} // NHA_GROUP_TYPE mpath
			},
			summary: "id 3 group 1/2,5 proto static",
			fields:  map[string]string{"nha.group.id": "1", "nha.group_type": "NEXTHOP_GRP_TYPE_MPATH (0)"},
		},
		{
			name: "tc fq_codel qdisc",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWQDISC, 0,
					[]byte{0, 0, 0, 0}, w.U32(3), w.U32(0x80010000), w.U32(0xffffffff), w.U32(2), // tcmsg: ifindex 3, handle 8001:, parent root
					w.Attr(unix.TCA_KIND, []byte("fq_codel\x00")), // TCA_KIND "fq_codel"
					w.Nest(unix.TCA_OPTIONS, // TCA_OPTIONS
						w.Attr(1, w.U32(5000)),   // TCA_FQ_CODEL_TARGET 5000 us
						w.Attr(2, w.U32(10240))), // TCA_FQ_CODEL_LIMIT 10240
					w.Nest(unix.TCA_STATS2, // TCA_STATS2
						w.Attr(tcaStatsBasic, w.U64(1000), w.U32(10), w.U32(0))))} // TCA_STATS_BASIC 1000 bytes 10 packets
			},
			summary: "fq_codel 8001: dev veth0 root",
			fields:  map[string]string{"tca.fq_codel.target": "5000 us", "tca.stats2.basic.bytes": "1000 bytes"},
		},
		{
			name: "tc u32 filter with gact action",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWTFILTER, 0,
					[]byte{0, 0, 0, 0}, w.U32(3), w.U32(0x80000800), w.U32(0x10000), // tcmsg: ifindex 3, handle 800::800, parent 1:
					w.U32(1<<16|uint32(binaryHtons(unix.ETH_P_IP, w))), // tcm_info: prio 1, protocol ip (network order)
					w.Attr(unix.TCA_KIND, []byte("u32\x00")),           // TCA_KIND "u32"
					w.Nest(unix.TCA_OPTIONS, // TCA_OPTIONS
						w.Attr(1, w.U32(0x10010)), // TCA_U32_CLASSID 1:10
						w.Attr(5, // TCA_U32_SEL
							[]byte{1, 0, 1, 0}, be16(0), w.U16(0), w.U16(0), w.U16(0), be32(0), // tc_u32_sel: TERMINAL, nkeys 1
							be32(0xffffff00), be32(0x0a000000), w.U32(16), w.U32(0)), // key: mask, val 10.0.0.0, off 16
						w.Nest(7, w.Nest(1, // TCA_U32_ACT [1]
							w.Attr(1, []byte("gact\x00")),                                              // TCA_ACT_KIND "gact"
							w.Nest(2, w.Attr(2, w.U32(1), w.U32(0), w.U32(2), w.U32(1), w.U32(1)))))))} // TCA_ACT_OPTIONS { TCA_GACT_PARMS index 1 action SHOT }
			},
			summary: "dev veth0 parent 1: protocol ip pref 1 u32 handle 800::800",
			fields: map[string]string{"tca.u32.classid": "0x00010010", "tca.u32.sel.nkeys": "1", "tca.u32.key.val": "0x0a000000",
				"tca.act.kind": "gact", "tca.gact.parms.action": "TC_ACT_SHOT (2)"},
		},
	}
}

// binaryHtons returns the u16 whose bytes in the frame's order are v in network order.
func binaryHtons(v uint16, w wire) uint16 {
	if w.BE {
		return v
	}
	return v>>8 | v<<8
}
