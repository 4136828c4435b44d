package route

// One-line summaries in the style of `ip monitor` and `tc monitor`. The printer
// prefixes the message type; a summary says what the message is about:
//
//	RTM_NEWLINK  3: veth0 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP veth
//	RTM_NEWADDR  2001:db8::1/64 dev dummy0 scope global
//	RTM_NEWROUTE 10.0.0.0/24 via 192.0.2.1 dev veth0 table main proto static metric 100
//	RTM_GETLINK  dump
//
// Summaries run only when printing, so they may allocate.

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// view gives summaries easy access to a message's header and top-level attributes.
type view struct {
	m     *decode.Message
	hdr   *decode.Field
	attrs []decode.Field
}

func newView(m *decode.Message) view {
	p := m.Payload()
	v := view{m: m}
	if len(p) > 0 && p[0].Def.Kind == decode.KindStruct {
		v.hdr = &p[0]
		v.attrs = p[1:]
	} else {
		v.attrs = p
	}
	return v
}

// h returns a header member's value, or 0.
func (v view) h(name string) uint64 {
	if v.hdr == nil {
		return 0
	}
	if f := v.hdr.Child(name); f != nil {
		return f.Value
	}
	return 0
}

// has reports whether the header has the member.
func (v view) has(name string) bool { return v.hdr != nil && v.hdr.Child(name) != nil }

// a returns the top-level attribute with the filter name, or nil.
func (v view) a(name string) *decode.Field {
	for i := range v.attrs {
		if v.attrs[i].Def != nil && v.attrs[i].Def.Name == name {
			return &v.attrs[i]
		}
	}
	return nil
}

// str returns a string attribute's text, or "".
func (v view) str(name string) string {
	if f := v.a(name); f != nil {
		return f.ValueString()
	}
	return ""
}

func (v view) request() bool { return v.m.Header.Flags&unix.NLM_F_REQUEST != 0 }

func (v view) dump() bool {
	return v.request() && v.m.Header.Flags&unix.NLM_F_DUMP == unix.NLM_F_DUMP
}

// ifname returns the interface name of an index, learned from the capture, or
// "if<N>".
func ifname(m *decode.Message, idx int64) string {
	if s, ok := m.Info.(*decode.Session); ok && s != nil {
		if n, ok := s.Links[int32(idx)]; ok {
			for i := 0; i < len(n); i++ {
				if c := n[i]; c < 0x21 || c >= 0x7f || c == '\\' {
					return decode.Escape(n)
				}
			}
			return n // printable ASCII: nothing to escape, no copy
		}
	}
	return "if" + strconv.FormatInt(idx, 10)
}

// summaryBuilder collects words and joins them with spaces.
type summaryBuilder struct{ buf []byte }

func (b *summaryBuilder) add(s ...string) {
	if b.buf == nil {
		b.buf = make([]byte, 0, 128)
	}
	for _, w := range s {
		if w == "" {
			continue
		}
		if len(b.buf) > 0 {
			b.buf = append(b.buf, ' ')
		}
		b.buf = append(b.buf, w...)
	}
}
func (b *summaryBuilder) addf(format string, a ...any) { b.add(fmt.Sprintf(format, a...)) }
func (b *summaryBuilder) String() string               { return string(b.buf) }

// familyName is the short family word ip(8) uses.
func familyName(f uint64) string {
	switch f {
	case unix.AF_INET:
		return "inet"
	case unix.AF_INET6:
		return "inet6"
	case unix.AF_BRIDGE:
		return "bridge"
	case unix.AF_MPLS:
		return "mpls"
	case unix.AF_UNSPEC:
		return ""
	}
	return afEnum.Short(f)
}

// dumpSummary is the summary of a dump request: "dump" and its family.
func dumpSummary(v view, fam uint64) string {
	if v.has("rtgen.family") {
		fam = v.h("rtgen.family")
	}
	if n := familyName(fam); n != "" {
		return "dump " + n
	}
	return "dump"
}

// iproute2's order of interface flags.
var linkFlagOrder = []struct {
	bit  uint64
	name string
}{{unix.IFF_LOOPBACK, "LOOPBACK"}, {unix.IFF_BROADCAST, "BROADCAST"}, {unix.IFF_POINTOPOINT, "POINTOPOINT"},
	{unix.IFF_MULTICAST, "MULTICAST"}, {unix.IFF_NOARP, "NOARP"}, {unix.IFF_ALLMULTI, "ALLMULTI"},
	{unix.IFF_PROMISC, "PROMISC"}, {unix.IFF_NOTRAILERS, "NOTRAILERS"}, {unix.IFF_DEBUG, "DEBUG"},
	{unix.IFF_DYNAMIC, "DYNAMIC"}, {unix.IFF_AUTOMEDIA, "AUTOMEDIA"}, {unix.IFF_PORTSEL, "PORTSEL"},
	{unix.IFF_MASTER, "MASTER"}, {unix.IFF_SLAVE, "SLAVE"}, {unix.IFF_UP, "UP"}, {unix.IFF_LOWER_UP, "LOWER_UP"},
	{unix.IFF_DORMANT, "DORMANT"}, {unix.IFF_ECHO, "ECHO"}}

func linkFlags(fl uint64) string {
	var s []string
	if fl&unix.IFF_UP != 0 && fl&unix.IFF_RUNNING == 0 {
		s = append(s, "NO-CARRIER")
	}
	for _, f := range linkFlagOrder {
		if fl&f.bit != 0 {
			s = append(s, f.name)
		}
	}
	return "<" + strings.Join(s, ",") + ">"
}

// linkKind returns IFLA_LINKINFO/IFLA_INFO_KIND.
func linkKind(v view) string {
	if li := v.a("ifla.linkinfo"); li != nil {
		if k := li.Child("ifla.info.kind"); k != nil {
			return k.ValueString()
		}
	}
	return ""
}

func linkSummary(m *decode.Message) string {
	v := newView(m)
	idx := int64(int32(v.h("ifi.index")))
	if v.request() {
		if v.dump() {
			return dumpSummary(v, v.h("ifi.family"))
		}
		var b summaryBuilder
		name := v.str("ifla.ifname")
		switch {
		case m.Header.Type == unix.RTM_NEWLINK && idx == 0 && name != "":
			b.add("dev", name)
		case idx != 0:
			b.add("dev", ifname(m, idx))
			if name != "" && name != ifname(m, idx) {
				b.add("name", name)
			}
		case name != "":
			b.add("dev", name)
		}
		if ch := v.h("ifi.change"); ch&unix.IFF_UP != 0 || v.h("ifi.flags")&unix.IFF_UP != 0 {
			if v.h("ifi.flags")&unix.IFF_UP != 0 {
				b.add("up")
			} else if ch&unix.IFF_UP != 0 {
				b.add("down")
			}
		}
		if f := v.a("ifla.mtu"); f != nil {
			b.add("mtu", strconv.FormatUint(f.Value, 10))
		}
		if f := v.a("ifla.master"); f != nil {
			if f.Value == 0 {
				b.add("nomaster")
			} else {
				b.add("master", ifname(m, int64(f.Value)))
			}
		}
		if f := v.a("ifla.address"); f != nil {
			b.add("address", f.ValueString())
		}
		if k := linkKind(v); k != "" {
			b.add("type", k)
		}
		if f := v.a("ifla.net_ns_pid"); f != nil {
			b.add("netns", strconv.FormatUint(f.Value, 10))
		}
		if len(b.buf) == 0 && v.has("ifi.family") && v.h("ifi.family") != 0 {
			b.add(familyName(v.h("ifi.family")))
		}
		if len(b.buf) == 0 {
			b.add("(no interface, no attributes)")
		}
		return b.String()
	}
	var b summaryBuilder
	name := v.str("ifla.ifname")
	if name == "" {
		name = ifname(m, idx)
	}
	if f := v.a("ifla.link"); f != nil && int32(f.Value) != 0 && int32(f.Value) != int32(idx) {
		if v.a("ifla.link_netnsid") != nil {
			name += "@if" + strconv.FormatInt(int64(int32(f.Value)), 10)
		} else {
			name += "@" + ifname(m, int64(int32(f.Value)))
		}
	}
	b.addf("%d: %s %s", idx, name, linkFlags(v.h("ifi.flags")))
	if f := v.a("ifla.mtu"); f != nil {
		b.add("mtu", strconv.FormatUint(f.Value, 10))
	}
	if f := v.a("ifla.master"); f != nil && f.Value != 0 {
		b.add("master", ifname(m, int64(f.Value)))
	}
	if f := v.a("ifla.operstate"); f != nil {
		b.add("state", strings.ToUpper(operEnum.Short(f.Value)))
	}
	if v.h("ifi.family") == unix.AF_BRIDGE {
		b.add("bridge")
	}
	if k := linkKind(v); k != "" {
		b.add(k)
	}
	return b.String()
}

// addrPrefix prints an address with its prefix length, leaving out /32 and /128.
func addrPrefix(f *decode.Field, plen uint64) string {
	var buf [64]byte
	b := f.AppendValue(buf[:0])
	if (len(f.Bytes) == 4 && plen == 32) || (len(f.Bytes) == 16 && plen == 128) {
		return string(b)
	}
	b = append(b, '/')
	return string(strconv.AppendUint(b, plen, 10))
}

func addrSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		s := dumpSummary(v, v.h("ifa.family"))
		if idx := v.h("ifa.index"); idx != 0 {
			s += " dev " + ifname(m, int64(idx))
		}
		return s
	}
	var b summaryBuilder
	plen := v.h("ifa.prefixlen")
	local, addr := v.a("ifa.local"), v.a("ifa.address")
	switch {
	case local != nil && addr != nil && string(local.Bytes) != string(addr.Bytes):
		b.add(local.ValueString(), "peer", addrPrefix(addr, plen))
	case local != nil:
		b.add(addrPrefix(local, plen))
	case addr != nil:
		b.add(addrPrefix(addr, plen))
	case v.a("ifa.multicast") != nil:
		b.add(v.a("ifa.multicast").ValueString())
	case v.a("ifa.anycast") != nil:
		b.add(v.a("ifa.anycast").ValueString())
	}
	if idx := v.h("ifa.index"); idx != 0 {
		b.add("dev", ifname(m, int64(idx)))
	}
	if f := v.a("ifa.broadcast"); f != nil {
		b.add("brd", f.ValueString())
	}
	if v.has("ifa.scope") {
		b.add("scope", scopeName(v.h("ifa.scope")))
	}
	fl := v.h("ifa.ifa_flags")
	if f := v.a("ifa.flags"); f != nil {
		fl = f.Value
	}
	for _, x := range []struct {
		bit  uint64
		name string
	}{{unix.IFA_F_SECONDARY, "secondary"}, {unix.IFA_F_TENTATIVE, "tentative"}, {unix.IFA_F_DEPRECATED, "deprecated"},
		{unix.IFA_F_DADFAILED, "dadfailed"}, {unix.IFA_F_NODAD, "nodad"}, {unix.IFA_F_NOPREFIXROUTE, "noprefixroute"},
		{unix.IFA_F_MANAGETEMPADDR, "mngtmpaddr"}, {unix.IFA_F_STABLE_PRIVACY, "stable-privacy"}} {
		if fl&x.bit != 0 {
			if x.bit == unix.IFA_F_SECONDARY && v.h("ifa.family") == unix.AF_INET6 {
				b.add("temporary")
				continue
			}
			b.add(x.name)
		}
	}
	if !v.request() && fl&unix.IFA_F_PERMANENT == 0 && v.a("ifa.cacheinfo") != nil {
		b.add("dynamic")
	}
	if s := v.str("ifa.label"); s != "" {
		b.add(s)
	}
	return b.String()
}

func scopeName(s uint64) string {
	switch s {
	case unix.RT_SCOPE_UNIVERSE:
		return "global"
	}
	return scopeEnum.Short(s)
}

// tableName is the name ip(8) uses for a table id.
func tableName(t uint64) string {
	switch t {
	case unix.RT_TABLE_MAIN:
		return "main"
	case unix.RT_TABLE_LOCAL:
		return "local"
	case unix.RT_TABLE_DEFAULT:
		return "default"
	}
	return strconv.FormatUint(t, 10)
}

func protoName(p uint64) string {
	if p == unix.RTPROT_BOOT {
		return "boot"
	}
	return protoEnum.Short(p)
}

func routeSummary(m *decode.Message) string {
	v := newView(m)
	fam := v.h("rtm.family")
	if v.dump() {
		s := dumpSummary(v, fam)
		if t := routeTable(v); v.has("rtm.table") && t != 0 {
			s += " table " + tableName(t)
		}
		return s
	}
	var b summaryBuilder
	if t := v.h("rtm.type"); t != unix.RTN_UNICAST && v.has("rtm.type") && !(v.request() && t == 0) {
		b.add(rtnEnum.Short(t))
	}
	if f := v.a("rta.dst"); f != nil {
		b.add(routeAddr(f, v.h("rtm.dst_len")))
	} else if v.has("rtm.dst_len") {
		b.add("default")
	}
	if f := v.a("rta.src"); f != nil {
		b.add("from", routeAddr(f, v.h("rtm.src_len")))
	}
	if f := v.a("rta.nh_id"); f != nil {
		b.add("nhid", strconv.FormatUint(f.Value, 10))
	}
	if f := v.a("rta.encap"); f != nil {
		b.add(encapSummary(v.a("rta.encap_type"), f)...)
	}
	if f := v.a("rta.gateway"); f != nil {
		b.add("via", gatewayString(f))
	}
	if f := v.a("rta.via"); f != nil && len(f.Children) == 2 {
		b.add("via", familyName(f.Children[0].Value), f.Children[1].ValueString())
	}
	if f := v.a("rta.newdst"); f != nil {
		b.add("as", labelStack(f))
	}
	if f := v.a("rta.oif"); f != nil {
		b.add("dev", ifname(m, int64(f.Value)))
	}
	if f := v.a("rta.iif"); f != nil {
		b.add("iif", ifname(m, int64(f.Value)))
	}
	if t := routeTable(v); t != unix.RT_TABLE_UNSPEC || !v.request() {
		b.add("table", tableName(t))
	}
	if p := v.h("rtm.protocol"); p != 0 && v.has("rtm.protocol") {
		b.add("proto", protoName(p))
	}
	if s := v.h("rtm.scope"); s != unix.RT_SCOPE_UNIVERSE && v.has("rtm.scope") && !(v.request() && s == unix.RT_SCOPE_NOWHERE) {
		b.add("scope", scopeEnum.Short(s))
	}
	if f := v.a("rta.prefsrc"); f != nil {
		b.add("src", f.ValueString())
	}
	if f := v.a("rta.priority"); f != nil {
		b.add("metric", strconv.FormatUint(f.Value, 10))
	}
	if f := v.a("rta.pref"); f != nil {
		b.add("pref", strings.ToLower(strings.TrimPrefix(prefEnum.Short(f.Value), "icmpv6_router_pref_")))
	}
	if fl := v.h("rtm.flags"); fl&unix.RTNH_F_LINKDOWN != 0 {
		b.add("linkdown")
	}
	if f := v.a("rta.metrics"); f != nil {
		for i := range f.Children {
			c := &f.Children[i]
			if c.Def.Name == "rta.metrics.lock" || c.Unknown {
				continue
			}
			name := strings.TrimPrefix(c.Def.Name, "rta.metrics.")
			switch c.Type {
			case unix.RTAX_RTT: // kept in 1/8 ms, as iproute2 prints it
				b.add(name, strconv.FormatUint(c.Value/8, 10)+"ms")
			case unix.RTAX_RTTVAR: // kept in 1/4 ms
				b.add(name, strconv.FormatUint(c.Value/4, 10)+"ms")
			case unix.RTAX_RTO_MIN:
				b.add(name, strconv.FormatUint(c.Value, 10)+"ms")
			default:
				b.add(name, plainValue(c))
			}
		}
	}
	if f := v.a("rta.multipath"); f != nil {
		for i := range f.Children {
			nh := &f.Children[i]
			b.add("nexthop")
			if g := nh.Child("rta.gateway"); g != nil {
				b.add("via", gatewayString(g))
			}
			if e := nh.Child("rta.encap"); e != nil {
				b.add(encapSummary(nh.Child("rta.encap_type"), e)...)
			}
			if d := nh.Child("rtnh.ifindex"); d != nil && d.Value != 0 {
				b.add("dev", ifname(m, d.Int()))
			}
			if w := nh.Child("rtnh.hops"); w != nil {
				b.add("weight", strconv.FormatUint(w.Value+1, 10))
			}
		}
	}
	return b.String()
}

// routeTable returns RTA_TABLE if present, else rtm_table.
func routeTable(v view) uint64 {
	if f := v.a("rta.table"); f != nil {
		return f.Value
	}
	return v.h("rtm.table")
}

func routeAddr(f *decode.Field, plen uint64) string {
	if len(f.Children) > 0 && f.Children[0].Def == &defLabel {
		return labelStack(f)
	}
	return addrPrefix(f, plen)
}

func gatewayString(f *decode.Field) string {
	if len(f.Children) > 0 && f.Children[0].Def == &defLabel {
		return labelStack(f)
	}
	return f.ValueString()
}

// labelStack prints MPLS labels as 100/200.
func labelStack(f *decode.Field) string {
	var s []string
	for i := range f.Children {
		if f.Children[i].Def == &defLabel {
			s = append(s, strconv.FormatUint(f.Children[i].Value, 10))
		}
	}
	return strings.Join(s, "/")
}

// encapSummary prints "encap mpls 100/200", "encap ip id 5 dst 192.0.2.9", ...
func encapSummary(typ, f *decode.Field) []string {
	out := []string{"encap"}
	if typ != nil {
		out = append(out, encapEnum.Short(typ.Value))
	}
	for i := range f.Children {
		c := &f.Children[i]
		name := c.Def.Name
		if j := strings.LastIndexByte(name, '.'); j >= 0 {
			name = name[j+1:]
		}
		switch {
		case c.Def == nil || c.Def.Kind == decode.KindPad:
		case len(c.Children) > 0 && c.Children[0].Def == &defLabel:
			out = append(out, labelStack(c))
		case c.Def.Kind == decode.KindStruct && len(c.Children) > 0:
			var segs []string
			for k := range c.Children {
				if c.Children[k].Def == &defSegment {
					// segments[0] is the last segment: print in path order
					segs = append([]string{c.Children[k].ValueString()}, segs...)
				}
				if c.Children[k].Def == &defSeg6Mode {
					out = append(out, "mode", strings.TrimPrefix(seg6ModeEnum.Short(c.Children[k].Value), "seg6_iptun_mode_"))
				}
			}
			if len(segs) > 0 {
				out = append(out, "segs", strings.Join(segs, ","))
			}
		default:
			out = append(out, name, plainValue(c))
		}
	}
	return out
}

func neighSummary(m *decode.Message) string {
	v := newView(m)
	fam := v.h("ndm.family")
	if v.hdr != nil && v.hdr.Def == ifinfomsg.Def() {
		fam = v.h("ifi.family")
	}
	if v.dump() {
		s := dumpSummary(v, fam)
		if idx := v.h("ndm.ifindex"); idx != 0 {
			s += " dev " + ifname(m, int64(int32(idx)))
		}
		if idx := v.h("ifi.index"); idx != 0 {
			s += " dev " + ifname(m, int64(int32(idx)))
		}
		if f := v.a("ifla.master"); f != nil {
			s += " master " + ifname(m, int64(f.Value))
		}
		return s
	}
	var b summaryBuilder
	if fam == unix.AF_BRIDGE {
		// bridge fdb: "02:00:00:00:00:aa dev veth1 dst 10.0.0.2 vlan 10 master br0 static"
		if f := v.a("nda.lladdr"); f != nil {
			b.add(f.ValueString())
		}
		if idx := v.h("ndm.ifindex"); idx != 0 {
			b.add("dev", ifname(m, int64(int32(idx))))
		}
		if f := v.a("nda.dst"); f != nil {
			b.add("dst", f.ValueString())
		}
	} else {
		if f := v.a("nda.dst"); f != nil {
			b.add(f.ValueString())
		}
		if idx := v.h("ndm.ifindex"); idx != 0 {
			b.add("dev", ifname(m, int64(int32(idx))))
		}
	}
	if fam != unix.AF_BRIDGE {
		if f := v.a("nda.lladdr"); f != nil {
			b.add("lladdr", f.ValueString())
		}
	}
	if f := v.a("nda.vlan"); f != nil {
		b.add("vlan", strconv.FormatUint(f.Value, 10))
	}
	if f := v.a("nda.master"); f != nil {
		b.add("master", ifname(m, int64(f.Value)))
	}
	if f := v.a("nda.vni"); f != nil {
		b.add("vni", strconv.FormatUint(f.Value, 10))
	}
	fl := v.h("ndm.flags")
	for _, x := range []struct {
		bit  uint64
		name string
	}{{unix.NTF_ROUTER, "router"}, {unix.NTF_PROXY, "proxy"}, {unix.NTF_EXT_LEARNED, "extern_learn"},
		{unix.NTF_OFFLOADED, "offload"}, {unix.NTF_SELF, "self"}, {unix.NTF_MASTER, "master"}} {
		if fl&x.bit != 0 {
			b.add(x.name)
		}
	}
	if st := v.h("ndm.state"); v.has("ndm.state") && st != 0 {
		names, _ := nudFlags.Names(st)
		switch {
		case fam != unix.AF_BRIDGE:
			b.add(strings.Join(names, ","))
		case st&unix.NUD_PERMANENT != 0:
			b.add("permanent")
		case st&unix.NUD_NOARP != 0:
			b.add("static")
		case st&unix.NUD_STALE != 0:
			b.add("stale")
		}
	}
	return b.String()
}

func ruleSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("fib_rule.family"))
	}
	var b summaryBuilder
	if f := v.a("fra.priority"); f != nil {
		b.add(strconv.FormatUint(f.Value, 10) + ":")
	} else if !v.request() {
		b.add("0:") // the kernel leaves out FRA_PRIORITY 0
	}
	if v.h("fib_rule.flags")&unix.FIB_RULE_INVERT != 0 {
		b.add("not")
	}
	if f := v.a("fra.src"); f != nil {
		b.add("from", addrPrefix(f, v.h("fib_rule.src_len")))
	} else {
		b.add("from", "all")
	}
	if f := v.a("fra.dst"); f != nil {
		b.add("to", addrPrefix(f, v.h("fib_rule.dst_len")))
	}
	if t := v.h("fib_rule.tos"); t != 0 {
		b.addf("tos 0x%x", t)
	}
	if f := v.a("fra.fwmark"); f != nil {
		s := "0x" + strconv.FormatUint(f.Value, 16)
		if mk := v.a("fra.fwmask"); mk != nil && mk.Value != 0xffffffff {
			s += "/0x" + strconv.FormatUint(mk.Value, 16)
		}
		b.add("fwmark", s)
	}
	if s := v.str("fra.iifname"); s != "" {
		b.add("iif", s)
	}
	if s := v.str("fra.oifname"); s != "" {
		b.add("oif", s)
	}
	if f := v.a("fra.l3mdev"); f != nil && f.Value != 0 {
		b.add("lookup", "[l3mdev-table]")
	}
	if f := v.a("fra.uid_range"); f != nil && len(f.Children) == 2 {
		b.addf("uidrange %d-%d", f.Children[0].Value, f.Children[1].Value)
	}
	if f := v.a("fra.ip_proto"); f != nil {
		b.add("ipproto", strings.TrimPrefix(ipProtoEnum.Short(f.Value), "ipproto_"))
	}
	for _, p := range []struct{ attr, word string }{{"fra.sport_range", "sport"}, {"fra.dport_range", "dport"}} {
		if f := v.a(p.attr); f != nil && len(f.Children) == 2 {
			if f.Children[0].Value == f.Children[1].Value {
				b.addf("%s %d", p.word, f.Children[0].Value)
			} else {
				b.addf("%s %d-%d", p.word, f.Children[0].Value, f.Children[1].Value)
			}
		}
	}
	switch act := v.h("fib_rule.action"); act {
	case frActToTbl:
		t := v.h("fib_rule.table")
		if f := v.a("fra.table"); f != nil {
			t = f.Value
		}
		if v.a("fra.l3mdev") == nil {
			b.add("lookup", tableName(t))
		}
	case frActGoto:
		if f := v.a("fra.goto"); f != nil {
			b.add("goto", strconv.FormatUint(f.Value, 10))
		}
	case frActNop:
		b.add("nop")
	default:
		if act != 0 {
			b.add(strings.TrimPrefix(frActEnum.Short(act), "fr_act_"))
		}
	}
	if f := v.a("fra.suppress_prefixlen"); f != nil && int32(f.Value) != -1 {
		b.add("suppress_prefixlength", strconv.FormatInt(int64(int32(f.Value)), 10))
	}
	if f := v.a("fra.protocol"); f != nil && f.Value != 0 {
		b.add("proto", protoName(f.Value))
	}
	return b.String()
}

func nexthopSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("nh.family"))
	}
	var b summaryBuilder
	if f := v.a("nha.id"); f != nil {
		b.add("id", strconv.FormatUint(f.Value, 10))
	}
	if f := v.a("nha.group"); f != nil {
		var g []string
		for i := range f.Children {
			e := &f.Children[i]
			s := ""
			if id := e.Child("nha.group.id"); id != nil {
				s = strconv.FormatUint(id.Value, 10)
			}
			if w := e.Child("nha.group.weight"); w != nil && w.Value != 0 {
				s += "," + strconv.FormatUint(w.Value+1, 10)
			}
			g = append(g, s)
		}
		b.add("group", strings.Join(g, "/"))
		if t := v.a("nha.group_type"); t != nil && t.Value == nhGrpTypeRes {
			b.add("type", "resilient")
		}
	}
	if f := v.a("nha.res_bucket"); f != nil {
		if i := f.Child("nha.res_bucket.index"); i != nil {
			b.add("index", strconv.FormatUint(i.Value, 10))
		}
		if i := f.Child("nha.res_bucket.nh_id"); i != nil {
			b.add("nhid", strconv.FormatUint(i.Value, 10))
		}
	}
	if f := v.a("nha.encap"); f != nil {
		b.add(encapSummary(v.a("nha.encap_type"), f)...)
	}
	if f := v.a("nha.gateway"); f != nil {
		b.add("via", f.ValueString())
	}
	if f := v.a("nha.oif"); f != nil {
		b.add("dev", ifname(m, int64(f.Value)))
	}
	if v.a("nha.blackhole") != nil {
		b.add("blackhole")
	}
	if v.a("nha.fdb") != nil {
		b.add("fdb")
	}
	if s := v.h("nh.scope"); s != 0 && v.has("nh.scope") {
		b.add("scope", scopeEnum.Short(s))
	}
	if p := v.h("nh.protocol"); p != 0 {
		b.add("proto", protoName(p))
	}
	if fl := v.h("nh.flags"); fl&rtnhFOnlink != 0 {
		b.add("onlink")
	}
	return b.String()
}

// tcHandle formats a tc handle as major:minor in hex ("1:10", "8001:", "root").
func tcHandle(h uint64) string {
	switch h {
	case 0xffffffff:
		return "root"
	case 0xfffffff1:
		return "ingress"
	case 0:
		return "0:"
	}
	maj, min := h>>16, h&0xffff
	if min == 0 {
		return strconv.FormatUint(maj, 16) + ":"
	}
	return strconv.FormatUint(maj, 16) + ":" + strconv.FormatUint(min, 16)
}

func tcSummary(m *decode.Message) string {
	v := newView(m)
	var b summaryBuilder
	if v.dump() && v.h("tcm.ifindex") == 0 {
		return "dump"
	}
	if v.dump() {
		b.add("dump")
	}
	kind := v.str("tca.kind")
	isFilter := m.Header.Type >= unix.RTM_NEWTFILTER && m.Header.Type <= unix.RTM_GETTFILTER ||
		m.Header.Type >= unix.RTM_NEWCHAIN && m.Header.Type <= unix.RTM_GETCHAIN
	if kind != "" && !isFilter {
		b.add(kind)
	}
	if !isFilter && !v.dump() {
		b.add(tcHandle(v.h("tcm.handle")))
	}
	if idx := v.h("tcm.ifindex"); idx != 0 {
		b.add("dev", ifname(m, int64(int32(idx))))
	}
	switch p := v.h("tcm.parent"); p {
	case 0xffffffff:
		b.add("root")
	case 0xfffffff1:
		if kind == "" || isFilter {
			b.add("parent", "ffff:")
		} else {
			b.add("parent", "ffff:fff1")
		}
	case 0:
	default:
		b.add("parent", tcHandle(p))
	}
	if isFilter {
		info := v.h("tcm.info")
		if proto := info & 0xffff; proto != 0 {
			p := uint64(proto>>8 | (proto&0xff)<<8) // network order in the low 16 bits
			if m.BigEndian {
				p = proto
			}
			b.add("protocol", ethProtoName(p))
		}
		if prio := info >> 16; prio != 0 {
			b.add("pref", strconv.FormatUint(prio, 10))
		}
		if kind != "" {
			b.add(kind)
		}
		if f := v.a("tca.chain"); f != nil {
			b.add("chain", strconv.FormatUint(f.Value, 10))
		}
		if h := v.h("tcm.handle"); h != 0 {
			if kind == "u32" {
				b.add("handle", u32Handle(h))
			} else {
				b.add("handle", "0x"+strconv.FormatUint(h, 16))
			}
		}
	}
	return b.String()
}

func ethProtoName(p uint64) string {
	switch p {
	case unix.ETH_P_IP:
		return "ip"
	case unix.ETH_P_IPV6:
		return "ipv6"
	case unix.ETH_P_ALL:
		return "all"
	case unix.ETH_P_8021Q:
		return "802.1Q"
	case unix.ETH_P_ARP:
		return "arp"
	}
	return "0x" + strconv.FormatUint(p, 16)
}

func actionSummary(m *decode.Message) string {
	v := newView(m)
	var b summaryBuilder
	if v.dump() {
		b.add("dump")
	}
	if tab := v.a("tca.root.tab"); tab != nil {
		for i := range tab.Children {
			a := &tab.Children[i]
			if k := a.Child("tca.act.kind"); k != nil {
				b.add(k.ValueString())
			}
			if x := actionIndex(a); x != nil {
				b.add("index", strconv.FormatUint(x.Value, 10))
			}
		}
	}
	return b.String()
}

func prefixSummary(m *decode.Message) string {
	v := newView(m)
	var b summaryBuilder
	if f := v.a("prefix.address"); f != nil {
		b.add("prefix", addrPrefix(f, v.h("prefix.len")))
	}
	if idx := v.h("prefix.ifindex"); idx != 0 {
		b.add("dev", ifname(m, int64(int32(idx))))
	}
	return b.String()
}

func ntableSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("ndtm.family"))
	}
	var b summaryBuilder
	if n := familyName(v.h("ndtm.family")); n != "" {
		b.add(n)
	}
	if s := v.str("ndta.name"); s != "" {
		b.add(s)
	}
	if p := v.a("ndta.parms"); p != nil {
		if i := p.Child("ndtpa.ifindex"); i != nil && i.Value != 0 {
			b.add("dev", ifname(m, int64(i.Value)))
		}
	}
	return b.String()
}

func addrlabelSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("ifal.family"))
	}
	var b summaryBuilder
	if f := v.a("ifal.address"); f != nil {
		b.add("prefix", f.ValueString()+"/"+strconv.FormatUint(v.h("ifal.prefixlen"), 10))
	}
	if idx := v.h("ifal.index"); idx != 0 {
		b.add("dev", ifname(m, int64(idx)))
	}
	if f := v.a("ifal.label"); f != nil {
		b.add("label", strconv.FormatUint(f.Value, 10))
	}
	return b.String()
}

func netconfSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("ncm.family"))
	}
	var b summaryBuilder
	switch v.h("ncm.family") {
	case unix.AF_INET:
		b.add("ipv4")
	case unix.AF_INET6:
		b.add("ipv6")
	case unix.AF_MPLS:
		b.add("mpls")
	}
	if f := v.a("netconfa.ifindex"); f != nil {
		switch int32(f.Value) {
		case netconfaIfindexAll:
			b.add("all")
		case netconfaIfindexDeflt:
			b.add("default")
		default:
			b.add("dev", ifname(m, int64(int32(f.Value))))
		}
	}
	onoff := func(x uint64) string {
		if x != 0 {
			return "on"
		}
		return "off"
	}
	for i := range v.attrs {
		f := &v.attrs[i]
		if f.Def == nil || f.Unknown || f.Def.Name == "netconfa.ifindex" || !f.Def.Kind.IsInt() {
			continue
		}
		name := strings.TrimPrefix(f.Def.Name, "netconfa.")
		if name == "rp_filter" {
			b.add(name, [...]string{"off", "strict", "loose"}[min(f.Value, 2)])
			continue
		}
		b.add(name, onoff(f.Value))
	}
	return b.String()
}

func nsidSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return "dump"
	}
	var b summaryBuilder
	for _, n := range []struct{ attr, word string }{{"netnsa.nsid", "nsid"}, {"netnsa.current_nsid", "current-nsid"},
		{"netnsa.target_nsid", "target-nsid"}, {"netnsa.pid", "pid"}, {"netnsa.fd", "fd"}} {
		if f := v.a(n.attr); f != nil {
			if f.Def.Kind.Signed() {
				b.add(n.word, strconv.FormatInt(f.Int(), 10))
			} else {
				b.add(n.word, strconv.FormatUint(f.Value, 10))
			}
		}
	}
	return b.String()
}

func mdbSummary(m *decode.Message) string {
	v := newView(m)
	if v.dump() {
		return dumpSummary(v, v.h("br_port.family"))
	}
	var b summaryBuilder
	if idx := v.h("br_port.ifindex"); idx != 0 {
		b.add("dev", ifname(m, int64(idx)))
	}
	var entry *decode.Field
	if f := v.a("mdba.set.entry"); f != nil {
		entry = f
	}
	if entry == nil {
		if f := v.a("mdba.mdb"); f != nil {
			if e := f.Find("mdba.entry.info"); e != nil && len(e.Children) > 0 {
				entry = &e.Children[0]
			}
		}
	}
	if entry != nil {
		if p := entry.Child("mdb.entry.ifindex"); p != nil {
			b.add("port", ifname(m, int64(p.Value)))
		}
		if a := entry.Child("mdb.entry.addr"); a != nil {
			b.add("grp", mdbGroup(a.Bytes, entry.Child("mdb.entry.proto"), m.BigEndian))
		}
		if s := entry.Child("mdb.entry.state"); s != nil {
			b.add(strings.TrimPrefix(mdbStateEnum.Short(s.Value), "mdb_"))
		}
		if vid := entry.Child("mdb.entry.vid"); vid != nil && vid.Value != 0 {
			b.add("vid", strconv.FormatUint(vid.Value, 10))
		}
	}
	return b.String()
}

func mdbGroup(addr []byte, proto *decode.Field, be bool) string {
	p := uint64(0)
	if proto != nil {
		p = proto.Value
	}
	switch p {
	case unix.ETH_P_IP:
		return netip.AddrFrom4([4]byte(addr[:4])).String()
	case unix.ETH_P_IPV6:
		return netip.AddrFrom16([16]byte(addr[:16])).String()
	}
	return string(decode.AppendMAC(nil, addr[:6]))
}

// familyIfindexSummary serves the rarer types: the family and the interface.
func familyIfindexSummary(m *decode.Message) string {
	v := newView(m)
	var b summaryBuilder
	if v.dump() {
		b.add("dump")
	}
	if v.hdr != nil && len(v.hdr.Children) > 0 {
		if n := familyName(v.hdr.Children[0].Value); n != "" {
			b.add(n)
		}
		for i := range v.hdr.Children {
			c := &v.hdr.Children[i]
			if strings.HasSuffix(c.Def.Name, "ifindex") && c.Value != 0 {
				b.add("dev", ifname(m, int64(int32(c.Value))))
			}
		}
	}
	return b.String()
}

// plainValue is a value as ip(8) prints it: integers bare (or an enum's short
// name), everything else as ValueString.
func plainValue(f *decode.Field) string {
	if f.Def != nil && f.Def.Kind.IsInt() {
		if f.Def.Enum != nil {
			if _, ok := f.Def.Enum.Lookup(f.Value); ok {
				return f.Def.Enum.Short(f.Value)
			}
		}
		if f.Def.Kind.Signed() {
			return strconv.FormatInt(f.Int(), 10)
		}
		return strconv.FormatUint(f.Value, 10)
	}
	return f.ValueString()
}

// actionIndex finds an action's index: TCA_ACT_INDEX, or the index of its
// parameters struct (tc_gen) in TCA_ACT_OPTIONS.
func actionIndex(a *decode.Field) *decode.Field {
	if x := a.Child("tca.act.index"); x != nil {
		return x
	}
	var found *decode.Field
	a.Walk(func(f *decode.Field, depth int) bool {
		if found == nil && depth == 3 && strings.HasSuffix(f.Def.Name, ".parms.index") {
			found = f
		}
		return found == nil && depth < 3
	})
	return found
}

// u32Handle formats a u32 filter handle as tc does: htid:hash:node ("800::800").
func u32Handle(h uint64) string {
	htid, hash, node := h>>20, (h>>12)&0xff, h&0xfff
	s := ""
	if htid != 0 {
		s = strconv.FormatUint(htid, 16)
	}
	s += ":"
	if hash != 0 {
		s += strconv.FormatUint(hash, 16)
	}
	if node != 0 {
		s += ":" + strconv.FormatUint(node, 16)
	}
	return s
}
