package route

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// pcapDir holds the real captures made on a Debian 6.1 kernel (testdata/pcaps/README.md).
var pcapDir = nltest.CapturePath("")

// capturedMsg is a route message of a real capture, decoded.
type capturedMsg struct {
	file    string
	frame   int
	msg     decode.Message
	summary string
}

// forEachMessage decodes every frame of a capture with one decoder (so that link
// names learned early serve later summaries) and calls fn for each NETLINK_ROUTE
// message. The message is valid only during the call (the decoder reuses memory),
// which keeps the 240,000-message route dump cheap.
func forEachMessage(t testing.TB, name string, fn func(cm *capturedMsg)) {
	t.Helper()
	d := decode.NewDecoder()
	d.Reuse = true
	var msgs []decode.Message
	nltest.EachFrame(t, name, func(fr *capture.Frame) {
		if fr.Protocol != unix.NETLINK_ROUTE {
			return
		}
		msgs = d.DecodeFrame(fr, msgs)
		for i := range msgs {
			cm := capturedMsg{file: name, frame: fr.Number, msg: msgs[i]}
			cm.summary = cm.msg.Summary()
			fn(&cm)
		}
	})
}

// readCapture returns a small capture's decoded NETLINK_ROUTE messages.
func readCapture(t testing.TB, name string) []capturedMsg {
	t.Helper()
	var out []capturedMsg
	nltest.EachMessage(t, name, unix.NETLINK_ROUTE, func(fr *capture.Frame, m *decode.Message) {
		out = append(out, capturedMsg{file: name, frame: fr.Number, msg: *m, summary: m.Summary()})
	})
	return out
}

// routeCaptures lists the captures.
func routeCaptures(t testing.TB) []string {
	var out []string
	for _, pat := range []string{"*.pcap", "*.pcapng", "*.pcap.gz"} {
		ms, _ := filepath.Glob(filepath.Join(pcapDir, pat))
		for _, m := range ms {
			// extack.pcap holds requests crafted with attributes of the wrong
			// length, malformed on purpose (decode/all's tests check it).
			if filepath.Base(m) != "extack.pcap" {
				out = append(out, filepath.Base(m))
			}
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Skip("no captures in " + pcapDir)
	}
	if testing.Short() { // the 240,000-message route dump takes a minute under -race
		kept := out[:0]
		for _, n := range out {
			if !strings.Contains(n, "120k") {
				kept = append(kept, n)
			}
		}
		out = kept
	}
	return out
}

// payloadFields counts the decoded fields of a message below its nlmsghdr (for an
// NLMSG_ERROR, the echoed request's and the extended ACK's too).
func payloadFields(m *decode.Message) int {
	n := 0
	for i, p := range m.Root.Children {
		if i == 0 {
			continue
		}
		p.Walk(func(f *decode.Field, _ int) bool { n++; return true })
	}
	return n
}

// TestCapturesDecodeCompletely decodes every rtnetlink message of every real capture
// and requires: no attribute that no table describes, no problem note, no malformed
// message, no top-level attribute whose filter name equals a header member's, and at
// least one message of each kind the captures were made to show. It logs the number
// of messages and decoded fields per message type.
func TestCapturesDecodeCompletely(t *testing.T) {
	type stat struct{ msgs, fields, max int }
	stats := map[string]*stat{}
	for _, name := range routeCaptures(t) {
		forEachMessage(t, name, func(cm *capturedMsg) {
			m := &cm.msg
			where := fmt.Sprintf("%s#%d %s", name, cm.frame, m.TypeName)
			if m.Malformed {
				t.Errorf("%s: malformed\n%s", where, tree(m))
			}
			m.Root.Walk(func(f *decode.Field, _ int) bool {
				if f.Unknown {
					t.Errorf("%s: unknown attribute %s type %d", where, f.Def.Name, f.Type)
				}
				if f.Note != "" {
					t.Errorf("%s: note on %s: %s", where, f.Def.Name, f.Note)
				}
				return true
			})
			v := newView(m)
			if v.hdr != nil {
				for i := range v.attrs {
					if v.attrs[i].Def != nil && v.hdr.Child(v.attrs[i].Def.Name) != nil {
						t.Errorf("%s: attribute %s has the filter name of a header member", where, v.attrs[i].Def.Name)
					}
				}
			}
			key := m.TypeName
			if m.Error != nil && m.Error.RequestType != "" {
				key += " (" + m.Error.RequestType + ")"
			}
			s := stats[key]
			if s == nil {
				s = &stat{}
				stats[key] = s
			}
			n := payloadFields(m)
			s.msgs++
			s.fields += n
			s.max = max(s.max, n)
		})
	}
	for _, want := range []string{"RTM_NEWLINK", "RTM_NEWADDR", "RTM_NEWROUTE", "RTM_NEWNEIGH", "RTM_NEWRULE",
		"RTM_NEWNEXTHOP", "RTM_NEWNEXTHOPBUCKET", "RTM_NEWQDISC", "RTM_NEWTCLASS", "RTM_NEWTFILTER", "RTM_NEWACTION",
		"RTM_GETACTION", "RTM_NEWNETCONF", "RTM_NEWNEIGHTBL", "RTM_NEWADDRLABEL", "RTM_GETMDB", "RTM_NEWMDB",
		"RTM_NEWCHAIN", "RTM_GETVLAN", "RTM_DELLINK", "RTM_DELROUTE"} {
		if stats[want] == nil {
			t.Errorf("no %s message in the captures", want)
		}
	}
	var keys []string
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%-44s %6s %8s %6s\n", "message type", "msgs", "avg fld", "max")
	for _, k := range keys {
		s := stats[k]
		fmt.Fprintf(&b, "%-44s %6d %8.1f %6d\n", k, s.msgs, float64(s.fields)/float64(s.msgs), s.max)
	}
	t.Logf("decoded fields per message (payload, below nlmsghdr):\n%s", b.String())
}

// TestCaptureSummaries checks summaries of real messages against what ip(8), tc(8)
// and bridge(8) printed for the same objects in the capture transcripts (*.log).
func TestCaptureSummaries(t *testing.T) {
	want := map[string][]string{
		"rtnl-dumps.pcap": {
			// ip route: "192.0.2.0/24 via 10.0.0.3 dev dummy0 proto static src 10.0.0.1 metric 100 mtu 1400 window 65535 rtt 10ms advmss 1360 initcwnd 10"
			"RTM_NEWROUTE 192.0.2.0/24 via 10.0.0.3 dev dummy0 table main proto static src 10.0.0.1 metric 100 mtu 1400 window 65535 rtt 10ms advmss 1360 initcwnd 10",
			// "10.200.0.0/16  encap mpls  100/200 via 10.0.0.2 dev dummy0"
			"RTM_NEWROUTE 10.200.0.0/16 encap mpls 100/200 via 10.0.0.2 dev dummy0 table main proto boot",
			// "2001:db8:300::/48  encap seg6 mode encap segs 2 [ 2001:db8::10 2001:db8::11 ] dev dummy0 metric 1024 pref medium"
			"RTM_NEWROUTE 2001:db8:300::/48 encap seg6 mode encap segs 2001:db8::10,2001:db8::11 dev dummy0 table main proto boot metric 1024 pref medium",
			"RTM_NEWROUTE 203.0.113.0/24 table main proto boot nexthop via 10.0.0.2 dev dummy0 weight 1 nexthop via 192.168.1.2 dev veth0 weight 3",
			"RTM_NEWROUTE 300 via inet 10.0.0.2 as 400 dev dummy0 table main proto boot",
			// ip rule: "1002:	from all uidrange 1000-2000 sport 5000-6000 lookup 100"
			"RTM_NEWRULE 1002: from all uidrange 1000-2000 sport 5000-6000 lookup 100",
			"RTM_NEWRULE 1005: from all to 192.0.2.0/24 tos 0x10 prohibit",
			"RTM_NEWRULE 0: from all lookup local proto kernel",
			// ip nexthop: "id 4 group 1,2/2,3"
			"RTM_NEWNEXTHOP id 4 group 1,2/2,3",
			"RTM_NEWNEXTHOP id 10 group 1/2 type resilient",
			"RTM_NEWNEXTHOPBUCKET id 10 index 0 nhid 2",
			// ip addrlabel: "prefix fc00::/7 label 5"
			"RTM_NEWADDRLABEL prefix fc00::/7 label 5",
			// ip addr: "inet6 2001:db8:1::1/64 scope global dynamic"
			"RTM_NEWADDR 2001:db8:1::1/64 dev veth0 scope global dynamic",
			"RTM_NEWADDR 2001:db8:2::1/64 dev dummy0.100 scope global nodad noprefixroute",
			"RTM_NEWNEIGH 2001:db8::2 dev dummy0 lladdr 02:00:00:00:00:12 STALE",
			"RTM_NEWNETCONF ipv6 all forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off",
			"RTM_NEWNEIGHTBL inet arp_cache dev dummy0",
			"RTM_NEWLINK 10: macvlan0@dummy1 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 state UP macvlan",
			"RTM_NEWLINK 11: vrf-blue <NOARP,MASTER,UP,LOWER_UP> mtu 65575 state UP vrf",
			"RTM_GETLINK dump",
			"RTM_GETROUTE dump mpls table main",
		},
		"tc-dumps.pcap": {
			// tc qdisc: "qdisc netem 12: dev dummy1 parent 1:2 limit 1000 delay 100ms  10ms loss 1% duplicate 0.5%"
			"RTM_NEWQDISC netem 12: dev dummy1 parent 1:2",
			"RTM_NEWQDISC htb 1: dev dummy0 root",
			"RTM_NEWQDISC clsact ffff: dev br0 parent ffff:fff1",
			"RTM_NEWTCLASS htb 1:10 dev dummy0 parent 1:1",
			// tc filter: "filter parent 1: protocol ip pref 1 u32 chain 0 fh 800::800 ..."
			"RTM_NEWTFILTER dev dummy0 parent 1: protocol ip pref 1 u32 chain 0 handle 800::800",
			"RTM_NEWTFILTER dev dummy0 parent ffff: protocol all pref 2 matchall chain 0 handle 0x1",
			"RTM_GETACTION gact index 1 gact index 100",
		},
		"bridge.pcap": {
			// bridge mdb: "dev br0 port veth1 grp 239.1.1.1 permanent vid 10"
			"RTM_GETMDB dev br0 port veth1 grp 239.1.1.1 permanent vid 10",
			"RTM_NEWNEIGH 02:00:00:00:00:aa dev veth1 vlan 10 master static",
			"RTM_NEWNEIGH 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2 self permanent",
			"RTM_GETVLAN dump bridge",
		},
		"rtnl-setup.pcap": {
			"RTM_NEWADDR 10.2.0.1 peer 10.2.0.2 dev gre1 scope global",
		},
		"errors.pcap": {
			// ip route get 10.0.0.5 from 10.0.0.77 iif veth1 (fails with EHOSTUNREACH)
			"RTM_GETROUTE 10.0.0.5 from 10.0.0.77 iif veth1",
		},
	}
	for file, lines := range want {
		seen := map[string]bool{}
		for _, cm := range readCapture(t, file) {
			seen[cm.msg.TypeName+" "+cm.summary] = true
		}
		for _, l := range lines {
			if !seen[l] {
				t.Errorf("%s: no message summarised as %q", file, l)
			}
		}
	}
}
