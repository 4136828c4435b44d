package route

// Cross-check against an independent decoder: github.com/jsimonetti/rtnetlink/v2
// (UnmarshalBinary of link, address, route, neighbour and rule messages) on every
// kernel message of the real captures. Each field both decoders expose is compared.

import (
	"fmt"
	"net"
	"testing"

	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// xcheck collects comparisons and mismatches.
type xcheck struct {
	t          *testing.T
	compared   map[string]int
	mismatches int
	where      string
}

func (x *xcheck) eq(kind, field string, ours, theirs any) {
	x.compared[kind]++
	if fmt.Sprint(ours) != fmt.Sprint(theirs) {
		x.mismatches++
		if x.mismatches < 20 {
			x.t.Errorf("%s %s %s: nldump %v, jsimonetti %v", x.where, kind, field, ours, theirs)
		}
	}
}

// ip renders a field's address bytes the way net.IP does (nil for absent).
func ipOf(f *decode.Field) string {
	if f == nil {
		return "<nil>"
	}
	return net.IP(f.Bytes).String()
}

func ipOrNil(ip net.IP) string {
	if ip == nil {
		return "<nil>"
	}
	return ip.String()
}

func valOr(f *decode.Field, def uint64) uint64 {
	if f == nil {
		return def
	}
	return f.Value
}

func TestCrossCheckJsimonetti(t *testing.T) {
	x := &xcheck{t: t, compared: map[string]int{}}
	parseErrs := map[string]int{}
	for _, name := range routeCaptures(t) {
		forEachMessage(t, name, func(cm *capturedMsg) {
			m := &cm.msg
			if m.Header.Flags&unix.NLM_F_REQUEST != 0 || m.Malformed || len(m.Data) <= unix.NLMSG_HDRLEN {
				return
			}
			payload := m.Data[unix.NLMSG_HDRLEN:]
			v := newView(m)
			x.where = fmt.Sprintf("%s#%d %s", name, cm.frame, m.TypeName)
			switch m.Header.Type {
			case unix.RTM_NEWLINK, unix.RTM_DELLINK:
				var lm rtnetlink.LinkMessage
				if err := lm.UnmarshalBinary(payload); err != nil {
					parseErrs["link"]++
					return
				}
				x.eq("link", "ifi_index", v.h("ifi.index"), lm.Index)
				x.eq("link", "ifi_type", v.h("ifi.type"), lm.Type)
				x.eq("link", "ifi_flags", v.h("ifi.flags"), lm.Flags)
				if lm.Attributes == nil {
					return
				}
				a := lm.Attributes
				x.eq("link", "IFLA_IFNAME", v.str("ifla.ifname"), a.Name)
				x.eq("link", "IFLA_MTU", valOr(v.a("ifla.mtu"), 0), a.MTU)
				if f := v.a("ifla.address"); f != nil {
					x.eq("link", "IFLA_ADDRESS", f.ValueString(), a.Address.String())
				}
				if f := v.a("ifla.broadcast"); f != nil {
					x.eq("link", "IFLA_BROADCAST", f.ValueString(), a.Broadcast.String())
				}
				if a.Master != nil {
					x.eq("link", "IFLA_MASTER", valOr(v.a("ifla.master"), 0), *a.Master)
				}
				x.eq("link", "IFLA_OPERSTATE", valOr(v.a("ifla.operstate"), 0), uint64(a.OperationalState))
				x.eq("link", "IFLA_QDISC", v.str("ifla.qdisc"), a.QueueDisc)
				if a.TxQueueLen != nil {
					x.eq("link", "IFLA_TXQLEN", valOr(v.a("ifla.txqlen"), 0), *a.TxQueueLen)
				}
				if a.Info != nil {
					x.eq("link", "IFLA_INFO_KIND", linkKind(v), a.Info.Kind)
				}
				if a.Stats64 != nil {
					if s := v.a("ifla.stats64"); s != nil {
						x.eq("link", "stats64.rx_bytes", valOr(s.Child("ifla.stats64.rx_bytes"), 0), a.Stats64.RXBytes)
						x.eq("link", "stats64.tx_packets", valOr(s.Child("ifla.stats64.tx_packets"), 0), a.Stats64.TXPackets)
					}
				}
			case unix.RTM_NEWADDR, unix.RTM_DELADDR:
				var am rtnetlink.AddressMessage
				if err := am.UnmarshalBinary(payload); err != nil {
					parseErrs["addr"]++
					return
				}
				x.eq("addr", "ifa_family", v.h("ifa.family"), am.Family)
				x.eq("addr", "ifa_prefixlen", v.h("ifa.prefixlen"), am.PrefixLength)
				x.eq("addr", "ifa_scope", v.h("ifa.scope"), am.Scope)
				x.eq("addr", "ifa_index", v.h("ifa.index"), am.Index)
				if a := am.Attributes; a != nil {
					x.eq("addr", "IFA_ADDRESS", ipOf(v.a("ifa.address")), ipOrNil(a.Address))
					x.eq("addr", "IFA_LOCAL", ipOf(v.a("ifa.local")), ipOrNil(a.Local))
					x.eq("addr", "IFA_BROADCAST", ipOf(v.a("ifa.broadcast")), ipOrNil(a.Broadcast))
					x.eq("addr", "IFA_LABEL", v.str("ifa.label"), a.Label)
					x.eq("addr", "IFA_FLAGS", valOr(v.a("ifa.flags"), 0), a.Flags)
					if ci := v.a("ifa.cacheinfo"); ci != nil {
						x.eq("addr", "ifa_valid", valOr(ci.Child("ifa.cacheinfo.valid"), 0), a.CacheInfo.Valid)
						x.eq("addr", "ifa_prefered", valOr(ci.Child("ifa.cacheinfo.prefered"), 0), a.CacheInfo.Preferred)
					}
				}
			case unix.RTM_NEWROUTE, unix.RTM_DELROUTE:
				var rm rtnetlink.RouteMessage
				if err := rm.UnmarshalBinary(payload); err != nil {
					parseErrs["route"]++
					return
				}
				x.eq("route", "rtm_family", v.h("rtm.family"), rm.Family)
				x.eq("route", "rtm_dst_len", v.h("rtm.dst_len"), rm.DstLength)
				x.eq("route", "rtm_src_len", v.h("rtm.src_len"), rm.SrcLength)
				x.eq("route", "rtm_table", v.h("rtm.table"), rm.Table)
				x.eq("route", "rtm_protocol", v.h("rtm.protocol"), rm.Protocol)
				x.eq("route", "rtm_scope", v.h("rtm.scope"), rm.Scope)
				x.eq("route", "rtm_type", v.h("rtm.type"), rm.Type)
				x.eq("route", "rtm_flags", v.h("rtm.flags"), rm.Flags)
				a := rm.Attributes
				if v.h("rtm.family") != unix.AF_MPLS {
					x.eq("route", "RTA_DST", ipOf(v.a("rta.dst")), ipOrNil(a.Dst))
					x.eq("route", "RTA_GATEWAY", ipOf(v.a("rta.gateway")), ipOrNil(a.Gateway))
				}
				// jsimonetti's RouteAttributes.Src is RTA_PREFSRC (route.go decodes
				// RTA_PREFSRC into Src and has no field for RTA_SRC).
				x.eq("route", "RTA_PREFSRC", ipOf(v.a("rta.prefsrc")), ipOrNil(a.Src))
				x.eq("route", "RTA_OIF", valOr(v.a("rta.oif"), 0), a.OutIface)
				x.eq("route", "RTA_PRIORITY", valOr(v.a("rta.priority"), 0), a.Priority)
				x.eq("route", "RTA_TABLE", valOr(v.a("rta.table"), 0), a.Table)
				x.eq("route", "RTA_MARK", valOr(v.a("rta.mark"), 0), a.Mark)
				if a.Pref != nil {
					x.eq("route", "RTA_PREF", valOr(v.a("rta.pref"), 99), *a.Pref)
				}
				if a.Metrics != nil {
					mt := v.a("rta.metrics")
					x.eq("route", "RTAX_MTU", valOr(mt.Child("rta.metrics.mtu"), 0), a.Metrics.MTU)
					x.eq("route", "RTAX_ADVMSS", valOr(mt.Child("rta.metrics.advmss"), 0), a.Metrics.AdvMSS)
				}
				if mp := v.a("rta.multipath"); mp != nil || len(a.Multipath) > 0 {
					n := 0
					if mp != nil {
						n = len(mp.Children)
					}
					x.eq("route", "RTA_MULTIPATH count", n, len(a.Multipath))
					for i := 0; i < n && i < len(a.Multipath); i++ {
						nh := &mp.Children[i]
						x.eq("route", "rtnh_ifindex", valOr(nh.Child("rtnh.ifindex"), 0), a.Multipath[i].Hop.IfIndex)
						x.eq("route", "rtnh_hops", valOr(nh.Child("rtnh.hops"), 0), a.Multipath[i].Hop.Hops)
						x.eq("route", "rtnh_flags", valOr(nh.Child("rtnh.flags"), 0), a.Multipath[i].Hop.Flags)
						x.eq("route", "nexthop RTA_GATEWAY", ipOf(nh.Child("rta.gateway")), ipOrNil(a.Multipath[i].Gateway))
					}
				}
			case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH:
				var nm rtnetlink.NeighMessage
				if err := nm.UnmarshalBinary(payload); err != nil {
					parseErrs["neigh"]++
					return
				}
				x.eq("neigh", "ndm_family", v.h("ndm.family"), nm.Family)
				x.eq("neigh", "ndm_ifindex", v.h("ndm.ifindex"), nm.Index)
				x.eq("neigh", "ndm_state", v.h("ndm.state"), nm.State)
				x.eq("neigh", "ndm_flags", v.h("ndm.flags"), nm.Flags)
				x.eq("neigh", "ndm_type", v.h("ndm.type"), nm.Type)
				if a := nm.Attributes; a != nil {
					if f := v.a("nda.dst"); f != nil {
						x.eq("neigh", "NDA_DST", ipOf(f), ipOrNil(a.Address))
					}
					if f := v.a("nda.lladdr"); f != nil && len(f.Bytes) == 6 {
						x.eq("neigh", "NDA_LLADDR", f.ValueString(), a.LLAddress.String())
					}
					if f := v.a("nda.ifindex"); f != nil {
						x.eq("neigh", "NDA_IFINDEX", f.Value, a.IfIndex)
					}
				}
			case unix.RTM_NEWRULE, unix.RTM_DELRULE:
				var rm rtnetlink.RuleMessage
				if err := rm.UnmarshalBinary(payload); err != nil {
					parseErrs["rule"]++
					return
				}
				x.eq("rule", "family", v.h("fib_rule.family"), rm.Family)
				x.eq("rule", "dst_len", v.h("fib_rule.dst_len"), rm.DstLength)
				x.eq("rule", "src_len", v.h("fib_rule.src_len"), rm.SrcLength)
				x.eq("rule", "table", v.h("fib_rule.table"), rm.Table)
				x.eq("rule", "action", v.h("fib_rule.action"), rm.Action)
				x.eq("rule", "flags", v.h("fib_rule.flags"), rm.Flags)
				if a := rm.Attributes; a != nil {
					if a.Priority != nil {
						x.eq("rule", "FRA_PRIORITY", valOr(v.a("fra.priority"), 0), *a.Priority)
					}
					if a.Table != nil {
						x.eq("rule", "FRA_TABLE", valOr(v.a("fra.table"), 0), *a.Table)
					}
					if a.Protocol != nil {
						x.eq("rule", "FRA_PROTOCOL", valOr(v.a("fra.protocol"), 0), *a.Protocol)
					}
					if a.Src != nil {
						x.eq("rule", "FRA_SRC", ipOf(v.a("fra.src")), a.Src.String())
					}
					if a.IIFName != nil {
						x.eq("rule", "FRA_IIFNAME", v.str("fra.iifname"), *a.IIFName)
					}
					if a.FwMark != nil {
						x.eq("rule", "FRA_FWMARK", valOr(v.a("fra.fwmark"), 0), *a.FwMark)
					}
					if a.L3MDev != nil {
						x.eq("rule", "FRA_L3MDEV", valOr(v.a("fra.l3mdev"), 0), *a.L3MDev)
					}
				}
			}
		})
	}
	for _, kind := range []string{"link", "addr", "route", "neigh", "rule"} {
		if x.compared[kind] == 0 {
			t.Errorf("no %s messages compared: the captures should hold some", kind)
		}
		t.Logf("%-5s: %5d field comparisons, %d messages jsimonetti could not parse", kind, x.compared[kind], parseErrs[kind])
	}
	if x.mismatches > 0 {
		t.Errorf("%d mismatches", x.mismatches)
	}
}
