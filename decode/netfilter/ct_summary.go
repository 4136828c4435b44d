package netfilter

// Conntrack summaries in the words of `conntrack -E` and `conntrack -L`:
//
//	NEW tcp 127.0.0.1:40074 -> 127.0.0.1:9000 [SYN_SENT] timeout 120 [UNREPLIED]
//
// The event word (NEW, UPDATE, DESTROY) is there for notifications only: an
// IPCTNL_MSG_CT_NEW notification with NLM_F_CREATE is a new entry, one without is
// an update.

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// tuple is a conntrack tuple read from CTA_TUPLE_*.
type tuple struct {
	src, dst       netip.Addr
	proto          uint64
	sport, dport   uint64
	hasPorts       bool
	icmpType       uint64
	icmpCode       uint64
	icmpID         uint64
	hasICMP        bool
	hasProto, zone bool
	zoneID         uint64
}

// readTuple reads a CTA_TUPLE_* field.
func readTuple(f *decode.Field) (t tuple, ok bool) {
	if f == nil {
		return t, false
	}
	if ip := f.Child("ct.tuple.ip"); ip != nil {
		for i := range ip.Children {
			c := &ip.Children[i]
			a, ok := netip.AddrFromSlice(c.Bytes)
			if !ok {
				continue
			}
			switch c.Def.Name {
			case "ct.ip.v4_src", "ct.ip.v6_src":
				t.src = a
			case "ct.ip.v4_dst", "ct.ip.v6_dst":
				t.dst = a
			}
		}
	}
	if p := f.Child("ct.tuple.proto"); p != nil {
		for i := range p.Children {
			c := &p.Children[i]
			switch c.Def.Name {
			case "ct.proto.num":
				t.proto, t.hasProto = c.Value, true
			case "ct.proto.src_port":
				t.sport, t.hasPorts = c.Value, true
			case "ct.proto.dst_port":
				t.dport, t.hasPorts = c.Value, true
			case "ct.proto.icmp_type", "ct.proto.icmpv6_type":
				t.icmpType, t.hasICMP = c.Value, true
			case "ct.proto.icmp_code", "ct.proto.icmpv6_code":
				t.icmpCode = c.Value
			case "ct.proto.icmp_id", "ct.proto.icmpv6_id":
				t.icmpID = c.Value
			}
		}
	}
	if z := f.Child("ct.tuple.zone"); z != nil {
		t.zone, t.zoneID = true, z.Value
	}
	return t, true
}

// endpoint prints an address with its port: 10.0.0.1:80, [2001:db8::1]:80.
func endpoint(a netip.Addr, port uint64, withPort bool) string {
	s := "?"
	if a.IsValid() {
		s = a.String()
	}
	if !withPort {
		return s
	}
	if a.Is6() {
		s = "[" + s + "]"
	}
	return s + ":" + strconv.FormatUint(port, 10)
}

// String prints the tuple as "tcp 10.0.0.1:40000 -> 10.0.0.2:80" or
// "icmp 10.0.0.1 -> 10.0.0.2 type 8 code 0 id 231".
func (t tuple) String() string {
	var parts []string
	if t.hasProto {
		parts = append(parts, ctProtoName(t.proto))
	}
	if t.src.IsValid() || t.dst.IsValid() || t.hasPorts {
		parts = append(parts, endpoint(t.src, t.sport, t.hasPorts), "->", endpoint(t.dst, t.dport, t.hasPorts))
	}
	if t.hasICMP {
		parts = append(parts, "type "+strconv.FormatUint(t.icmpType, 10), "code "+strconv.FormatUint(t.icmpCode, 10),
			"id "+strconv.FormatUint(t.icmpID, 10))
	}
	if t.zone {
		parts = append(parts, "zone "+strconv.FormatUint(t.zoneID, 10))
	}
	return strings.Join(parts, " ")
}

// isReverseOf reports whether r is t with source and destination swapped (no NAT).
func (r tuple) isReverseOf(t tuple) bool {
	return r.src == t.dst && r.dst == t.src && r.sport == t.dport && r.dport == t.sport
}

// ctEvent returns conntrack -E's event word for a notification, or "".
func ctEvent(m *decode.Message) string {
	if m.Direction != decode.DirNotify {
		return ""
	}
	switch m.Header.Type & 0xff {
	case uint16(num("IPCTNL_MSG_CT_NEW")):
		if m.Header.Flags&(unix.NLM_F_CREATE|unix.NLM_F_EXCL) != 0 {
			return "NEW"
		}
		return "UPDATE"
	case uint16(num("IPCTNL_MSG_CT_DELETE")):
		return "DESTROY"
	}
	return ""
}

// ctSummary returns the summary function of an IPCTNL_MSG_CT_* type.
func ctSummary(name string) func(*decode.Message) string {
	switch name {
	case "IPCTNL_MSG_CT_GET_STATS_CPU":
		return ctStatsSummary
	case "IPCTNL_MSG_CT_GET_STATS":
		return func(m *decode.Message) string {
			return statWords(m.Payload(), "")
		}
	}
	return ctEntrySummary
}

// ctEntrySummary prints a conntrack entry (or the tuple and filters of a request).
func ctEntrySummary(m *decode.Message) string {
	var parts []string
	if ev := ctEvent(m); ev != "" {
		parts = append(parts, ev)
	}
	orig, hasOrig := readTuple(top(m, "ct.tuple_orig"))
	if hasOrig {
		parts = append(parts, orig.String())
	}
	if pi := top(m, "ct.protoinfo"); pi != nil {
		if st := pi.Find("ct.protoinfo.tcp.state"); st != nil {
			parts = append(parts, "["+strings.TrimPrefix(tcpStateEnum.Values[st.Value], "TCP_CONNTRACK_")+"]")
		} else if st := pi.Find("ct.protoinfo.sctp.state"); st != nil {
			parts = append(parts, "["+strings.TrimPrefix(sctpStateEnum.Values[st.Value], "SCTP_CONNTRACK_")+"]")
		}
	}
	if t := top(m, "ct.timeout"); t != nil {
		parts = append(parts, "timeout "+strconv.FormatUint(t.Value, 10))
	}
	if reply, ok := readTuple(top(m, "ct.tuple_reply")); ok && hasOrig && !reply.isReverseOf(orig) {
		reply.hasProto = false
		parts = append(parts, "reply "+reply.String())
	}
	if st := top(m, "ct.status"); st != nil {
		if st.Value&ipsSeenReply == 0 && hasOrig {
			parts = append(parts, "[UNREPLIED]")
		}
		if st.Value&ipsAssured != 0 {
			parts = append(parts, "[ASSURED]")
		}
	}
	if mk := top(m, "ct.mark"); mk != nil && (mk.Value != 0 || !hasOrig) {
		parts = append(parts, "mark "+strconv.FormatUint(mk.Value, 10))
	}
	if z := top(m, "ct.zone"); z != nil {
		parts = append(parts, "zone "+strconv.FormatUint(z.Value, 10))
	}
	if h := top(m, "ct.help"); h != nil {
		if n := h.Child("ct.help.name"); n != nil {
			parts = append(parts, "helper "+strOf(n))
		}
	}
	if u := top(m, "ct.use"); u != nil {
		parts = append(parts, "use "+strconv.FormatUint(u.Value, 10))
	}
	return strings.Join(parts, " ")
}

// ctStatsSummary prints per-CPU statistics as conntrack -S does: cpu=0 found=0 ...
func ctStatsSummary(m *decode.Message) string {
	p := m.Payload()
	cpu := ""
	if len(p) > 0 && len(p[0].Children) > 2 && m.Header.Flags&unix.NLM_F_REQUEST == 0 {
		cpu = "cpu=" + strconv.FormatUint(p[0].Children[2].Value, 10)
	}
	return statWords(p, cpu)
}

// statWords prints integer attributes as name=value.
func statWords(p []decode.Field, first string) string {
	parts := []string{}
	if first != "" {
		parts = append(parts, first)
	}
	for i := range p {
		f := &p[i]
		if !f.IsAttr() || !f.Def.Kind.IsInt() {
			continue
		}
		parts = append(parts, strings.ToLower(f.Def.Label)+"="+strconv.FormatUint(f.Value, 10))
	}
	return strings.Join(parts, " ")
}

// expSummary returns the summary function of an IPCTNL_MSG_EXP_* type.
func expSummary(name string) func(*decode.Message) string {
	if name == "IPCTNL_MSG_EXP_GET_STATS_CPU" {
		return ctStatsSummary
	}
	return func(m *decode.Message) string {
		var parts []string
		if t, ok := readTuple(top(m, "ct.expect.tuple")); ok {
			parts = append(parts, t.String())
		}
		if t, ok := readTuple(top(m, "ct.expect.master")); ok {
			parts = append(parts, "master "+t.String())
		}
		if t := top(m, "ct.expect.timeout"); t != nil {
			parts = append(parts, "timeout "+strconv.FormatUint(t.Value, 10))
		}
		if h := top(m, "ct.expect.help_name"); h != nil {
			parts = append(parts, "helper "+strOf(h))
		}
		return strings.Join(parts, " ")
	}
}

// IPS_* bits the summary tests (include/uapi/linux/netfilter/nf_conntrack_common.h).
var (
	ipsSeenReply = uint64(num("IPS_SEEN_REPLY"))
	ipsAssured   = uint64(num("IPS_ASSURED"))
)
