package route

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// link3 is an RTM_NEWLINK notification for veth0 (index 3); tests that print
// interface names decode it first so that the session learns "veth0".
func link3(w wire) []byte {
	return w.msg(unix.RTM_NEWLINK, 0,
		[]byte{unix.AF_UNSPEC, 0}, w.U16(unix.ARPHRD_ETHER), // ifi_family, pad, ifi_type
		w.U32(3), // ifi_index 3
		w.U32(unix.IFF_UP|unix.IFF_BROADCAST|unix.IFF_RUNNING|unix.IFF_MULTICAST|unix.IFF_LOWER_UP), // ifi_flags
		w.U32(0), // ifi_change
		w.Attr(unix.IFLA_IFNAME, []byte("veth0\x00")),                               // IFLA_IFNAME "veth0"
		w.Attr(unix.IFLA_MTU, w.U32(1500)),                                          // IFLA_MTU 1500
		w.Attr(unix.IFLA_OPERSTATE, []byte{ifOperUp}),                               // IFLA_OPERSTATE UP
		w.Attr(unix.IFLA_ADDRESS, []byte{2, 0, 0, 0, 0, 1}),                         // IFLA_ADDRESS 02:00:00:00:00:01
		w.Nest(unix.IFLA_LINKINFO, w.Attr(unix.IFLA_INFO_KIND, []byte("veth\x00"))), // IFLA_LINKINFO { KIND "veth" }
		w.Nest(unix.IFLA_AF_SPEC, // IFLA_AF_SPEC
			w.Nest(unix.AF_INET, // AF_INET
				w.Attr(unix.IFLA_INET_CONF, w.U32(1), w.U32(0), w.U32(1)))), // IFLA_INET_CONF [forwarding=1, mc_forwarding=0, proxy_arp=1]
	)
}

type msgCase struct {
	name      string
	frames    func(w wire) [][]byte // decoded in order; the last frame's message idx is checked
	idx       int
	summary   string
	fields    map[string]string
	malformed bool
}

func runCases(t *testing.T, cases []msgCase) {
	for _, c := range cases {
		for _, o := range orders {
			t.Run(c.name+"/"+o.name, func(t *testing.T) {
				msgs := decodeAll(t, o.w.BE, c.frames(o.w)...)
				if c.idx >= len(msgs) {
					t.Fatalf("%d messages, want index %d", len(msgs), c.idx)
				}
				checkMsg(t, &msgs[c.idx], c.summary, c.fields, c.malformed)
			})
		}
	}
}

func TestLinks(t *testing.T) { runCases(t, linkCases()) }

func linkCases() []msgCase {
	return []msgCase{
		{
			name:    "newlink veth with af_spec",
			frames:  func(w wire) [][]byte { return [][]byte{link3(w)} },
			summary: "3: veth0 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP veth",
			fields: map[string]string{
				"ifi.index": "3", "ifi.type": "ARPHRD_ETHER (1)", "ifla.ifname": "veth0", "ifla.mtu": "1500 bytes",
				"ifla.operstate": "IF_OPER_UP (6)", "ifla.address": "02:00:00:00:00:01", "ifla.info.kind": "veth",
				"ifla.inet.conf.forwarding": "1", "ifla.inet.conf.proxy_arp": "1",
			},
		},
		{
			name: "newlink vlan info_data",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWLINK, 0,
					[]byte{0, 0}, w.U16(unix.ARPHRD_ETHER), w.U32(8), w.U32(unix.IFF_UP|unix.IFF_BROADCAST), w.U32(0), // ifinfomsg index 8
					w.Attr(unix.IFLA_IFNAME, []byte("veth0.100\x00")), // IFLA_IFNAME
					w.Attr(unix.IFLA_LINK, w.U32(3)),                  // IFLA_LINK 3 (veth0)
					w.Nest(unix.IFLA_LINKINFO,
						w.Attr(unix.IFLA_INFO_KIND, []byte("vlan\x00")), // IFLA_INFO_KIND "vlan"
						w.Nest(unix.IFLA_INFO_DATA, // IFLA_INFO_DATA
							w.Attr(unix.IFLA_VLAN_PROTOCOL, be16(unix.ETH_P_8021Q)),     // IFLA_VLAN_PROTOCOL 802.1Q (network order)
							w.Attr(unix.IFLA_VLAN_ID, w.U16(100)),                       // IFLA_VLAN_ID 100
							w.Attr(unix.IFLA_VLAN_FLAGS, w.U32(1), w.U32(0xffffffff)))), // IFLA_VLAN_FLAGS {REORDER_HDR, mask}
				)}
			},
			summary: "8: veth0.100@veth0 <NO-CARRIER,BROADCAST,UP> vlan",
			fields:  map[string]string{"ifla.vlan.id": "100", "ifla.vlan.protocol": "ETH_P_8021Q (33024)", "ifla.vlan.flags.flags": "0x00000001 (REORDER_HDR)"},
		},
		{
			name: "newlink bridge port slave data",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWLINK, 0,
					[]byte{0, 0}, w.U16(unix.ARPHRD_ETHER), w.U32(4), w.U32(0), w.U32(0), // ifinfomsg index 4
					w.Nest(unix.IFLA_LINKINFO,
						w.Attr(unix.IFLA_INFO_KIND, []byte("veth\x00")),         // IFLA_INFO_KIND "veth"
						w.Attr(unix.IFLA_INFO_SLAVE_KIND, []byte("bridge\x00")), // IFLA_INFO_SLAVE_KIND "bridge"
						w.Nest(unix.IFLA_INFO_SLAVE_DATA, // IFLA_INFO_SLAVE_DATA
							w.Attr(unix.IFLA_BRPORT_STATE, []byte{3}),  // IFLA_BRPORT_STATE forwarding
							w.Attr(unix.IFLA_BRPORT_COST, w.U32(10)))), // IFLA_BRPORT_COST 10
					w.Attr(unix.IFLA_STATS64, make([]byte, 200)), // IFLA_STATS64, 25 zero counters
				)}
			},
			fields: map[string]string{"ifla.brport.state": "BR_STATE_FORWARDING (3)", "ifla.brport.cost": "10",
				"ifla.stats64.rx_otherhost_dropped": "0", "ifla.stats64.rx_bytes": "0 bytes"},
		},
		{
			name: "setlink request",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWLINK, unix.NLM_F_REQUEST|unix.NLM_F_ACK,
					[]byte{0, 0}, w.U16(0), w.U32(3), w.U32(0), w.U32(0), // ifinfomsg index 3
					w.Attr(unix.IFLA_MTU, w.U32(9000)))} // IFLA_MTU 9000
			},
			summary: "dev veth0 mtu 9000",
		},
		{
			name: "stats64 older kernel (192 bytes) is whole",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWLINK, 0, make([]byte, 16),
					w.Attr(unix.IFLA_STATS64, make([]byte, 192)))} // IFLA_STATS64 without rx_otherhost_dropped
			},
			fields: map[string]string{"ifla.stats64.rx_nohandler": "0"},
		},
		{
			name: "stats64 cut short is noted",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWLINK, 0, make([]byte, 16),
					w.Attr(unix.IFLA_STATS64, make([]byte, 100)))} // IFLA_STATS64, 100 bytes
			},
			malformed: true,
		},
	}
}

func TestShortHeaders(t *testing.T) {
	dump := uint16(unix.NLM_F_REQUEST | unix.NLM_F_DUMP)
	runCases(t, []msgCase{
		{
			name: "getlink rtgenmsg 1 byte",
			frames: func(w wire) [][]byte {
				m := w.msg(unix.RTM_GETLINK, dump, []byte{unix.AF_PACKET}) // rtgen_family AF_PACKET (nlmsg_len 17)
				return [][]byte{m}
			},
			summary: "dump packet",
			fields:  map[string]string{"rtgen.family": "AF_PACKET (17)"},
		},
		{
			name: "getlink rtgenmsg with IFLA_EXT_MASK",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_GETLINK, dump,
					[]byte{unix.AF_UNSPEC, 0, 0, 0},       // rtgenmsg, padded to 4
					w.Attr(unix.IFLA_EXT_MASK, w.U32(1)))} // IFLA_EXT_MASK RTEXT_FILTER_VF: 12 bytes < sizeof(ifinfomsg)
			},
			summary: "dump",
			fields:  map[string]string{"rtgen.family": "AF_UNSPEC (0)", "ifla.ext_mask": "0x00000001 (VF)"},
		},
		{
			name: "getlink ifinfomsg with IFLA_EXT_MASK",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_GETLINK, dump, make([]byte, 16), // ifinfomsg
					w.Attr(unix.IFLA_EXT_MASK, w.U32(9)))} // IFLA_EXT_MASK VF|SKIP_STATS
			},
			fields: map[string]string{"ifi.index": "0", "ifla.ext_mask": "0x00000009 (VF|SKIP_STATS)"},
		},
		{
			name: "getneigh bridge with ifinfomsg and IFLA_MASTER",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_GETNEIGH, dump,
					[]byte{unix.AF_BRIDGE, 0}, w.U16(0), w.U32(0), w.U32(0), w.U32(0), // ifinfomsg (16 bytes)
					w.Attr(unix.IFLA_MASTER, w.U32(3)))} // IFLA_MASTER 3: 24 bytes, not ndmsg's 12 or 20
			},
			summary: "dump bridge master veth0",
			fields:  map[string]string{"ifi.family": "AF_BRIDGE (7)", "ifla.master": "3"},
		},
		{
			name: "getneigh bridge with ndmsg and NDA_IFINDEX",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_GETNEIGH, dump,
					[]byte{unix.AF_BRIDGE, 0}, w.U16(0), w.U32(0), w.U16(0), []byte{0, 0}, // ndmsg (12 bytes)
					w.Attr(unix.NDA_IFINDEX, w.U32(4)))} // NDA_IFINDEX 4: 20 bytes
			},
			fields: map[string]string{"ndm.family": "AF_BRIDGE (7)", "nda.ifindex": "4"},
		},
		{
			name: "getneigh bridge with ndmsg, NDA_IFINDEX and NDA_MASTER (strict form)",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_GETNEIGH, dump,
					[]byte{unix.AF_BRIDGE, 0}, w.U16(0), w.U32(0), w.U16(0), []byte{0, 0}, // ndmsg (12 bytes)
					w.Attr(unix.NDA_IFINDEX, w.U32(4)), // NDA_IFINDEX 4
					w.Attr(unix.NDA_MASTER, w.U32(7)))} // NDA_MASTER 7: 28 bytes walk as attributes after 12
			},
			fields: map[string]string{"ndm.family": "AF_BRIDGE (7)", "nda.master": "7"},
		},
		{
			name: "getroute rtgenmsg",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_GETROUTE, dump, []byte{unix.AF_INET6, 0, 0, 0})} // rtgenmsg AF_INET6
			},
			summary: "dump inet6",
			fields:  map[string]string{"rtgen.family": "AF_INET6 (10)"},
		},
		{
			name: "short rtmsg in a reply is malformed, not rtgenmsg",
			frames: func(w wire) [][]byte {
				return [][]byte{w.msg(unix.RTM_NEWROUTE, unix.NLM_F_MULTI, []byte{unix.AF_INET, 24, 0, 0})} // 4 of rtmsg's 12 bytes
			},
			fields:    map[string]string{"rtm.dst_len": "24"},
			malformed: true,
		},
		{
			name: "netconfmsg is one byte, attributes at 4",
			frames: func(w wire) [][]byte {
				return [][]byte{link3(w), w.msg(unix.RTM_NEWNETCONF, 0,
					[]byte{unix.AF_INET, 0, 0, 0},        // ncm_family AF_INET, NLMSG_ALIGN padding
					w.Attr(netconfaIfindex, w.U32(3)),    // NETCONFA_IFINDEX 3
					w.Attr(netconfaForwarding, w.U32(1)), // NETCONFA_FORWARDING 1
					w.Attr(netconfaRPFilter, w.U32(2)))}  // NETCONFA_RP_FILTER 2 (loose)
			},
			summary: "ipv4 dev veth0 forwarding on rp_filter loose",
		},
	})
}

// TestLearnSkipsRequests: a request's IFLA_IFNAME (ip link add, a rename that may
// fail) is not a fact about the system, neither for Learn nor while decoding.
func TestLearnSkipsRequests(t *testing.T) {
	w := wire{}
	req := w.msg(unix.RTM_NEWLINK, unix.NLM_F_REQUEST|unix.NLM_F_CREATE|unix.NLM_F_EXCL,
		make([]byte, 16), // ifinfomsg, ifi_index 0
		w.Attr(unix.IFLA_IFNAME, []byte("veth9\x00"))) // IFLA_IFNAME "veth9"
	s := decode.NewSession()
	Learn(s, &capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: req, Length: len(req)})
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	d.DecodeFrame(&capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: req, Length: len(req)}, nil)
	if len(s.Links) != 0 || len(d.Session.Links) != 0 {
		t.Errorf("learned from a request: Learn %v, decoding %v", s.Links, d.Session.Links)
	}
	d.DecodeFrame(&capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: link3(w), Length: len(link3(w))}, nil)
	if d.Session.Links[3] != "veth0" {
		t.Errorf("not learned from a notification: %v", d.Session.Links)
	}
}
