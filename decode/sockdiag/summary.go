package sockdiag

// One-line summaries in the words of ss(8):
//
//	request  inet tcp states all ext info,vegasinfo,cong
//	reply    tcp ESTAB 127.0.0.1:49044 -> 127.0.0.1:8080 ino 11023 uid 0 rtt 18.662/9.331 cwnd 10 cubic
//	reply    unix DGRAM UNCONN /dev/log ino 11019
//	reply    netlink route pid 147 ino 1234 groups 1,5
//	reply    packet DGRAM proto ALL ino 5432 ifindex 2

import (
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func summary(m *decode.Message) string {
	p := m.Payload()
	if len(p) == 0 || len(p[0].Children) == 0 {
		return ""
	}
	h := &p[0]
	attrs := p[1:]
	fam := h.Children[0].Value
	if m.Header.Flags&unix.NLM_F_REQUEST != 0 {
		return requestSummary(m, fam, h, attrs)
	}
	var b strings.Builder
	switch fam {
	case unix.AF_INET, unix.AF_INET6:
		inetSummary(&b, m, h, attrs)
	case unix.AF_UNIX:
		unixSummary(&b, h, attrs)
	case unix.AF_NETLINK:
		netlinkSummary(&b, m, h, attrs)
	case unix.AF_PACKET:
		packetSummary(&b, h, attrs)
	case unix.AF_VSOCK:
		vsockSummary(&b, h)
	case unix.AF_XDP:
		xdpSummary(&b, h, attrs)
	default:
		b.WriteString(familyEnum.Short(fam))
	}
	return b.String()
}

// child returns the value of h's member called name, and whether it is there.
func child(h *decode.Field, name string) (uint64, bool) {
	if f := h.Child(name); f != nil {
		return f.Value, true
	}
	return 0, false
}

// attr returns the attribute called name among attrs, or nil.
func attr(attrs []decode.Field, name string) *decode.Field {
	for i := range attrs {
		if attrs[i].Def.Name == name {
			return &attrs[i]
		}
	}
	return nil
}

func protoName(m *decode.Message) string {
	p, ok := m.Info.(info)
	if !ok || uint16(p) == protoUnknown {
		return "inet"
	}
	switch uint16(p) {
	case unix.IPPROTO_TCP:
		return "tcp"
	case unix.IPPROTO_UDP:
		return "udp"
	case unix.IPPROTO_DCCP:
		return "dccp"
	case unix.IPPROTO_SCTP:
		return "sctp"
	case unix.IPPROTO_UDPLITE:
		return "udplite"
	case unix.IPPROTO_RAW:
		return "raw"
	case unix.IPPROTO_MPTCP:
		return "mptcp"
	}
	return ipprotoEnum.Short(uint64(p))
}

// statesList renders a state mask as ss names ("LISTEN,ESTAB"), "all" for every
// state ss knows (ESTABLISHED to CLOSING); bit 0 (no state) is not shown.
func statesList(v uint64) string {
	const all = 1<<(unix.BPF_TCP_CLOSING+1) - 2 // TCP_ESTABLISHED .. TCP_CLOSING, ss's "all"
	if v&all == all {
		return "all"
	}
	var names []string
	for s := uint64(1); s < 32; s++ {
		if v&(1<<s) == 0 {
			continue
		}
		if n, ok := ssStateNames[s]; ok {
			names = append(names, n)
		} else {
			names = append(names, strconv.FormatUint(s, 10))
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ",")
}

// flagList renders flag bits as lower-case short names joined by commas.
func flagList(fs *decode.FlagSet, v uint64, prefix string) string {
	names, rest := fs.Names(v)
	for i, n := range names {
		names[i] = strings.ToLower(strings.TrimPrefix(n, prefix))
	}
	if rest != 0 {
		names = append(names, "0x"+strconv.FormatUint(rest, 16))
	}
	return strings.Join(names, ",")
}

func requestSummary(m *decode.Message, fam uint64, h *decode.Field, attrs []decode.Field) string {
	var b strings.Builder
	switch fam {
	case unix.AF_INET, unix.AF_INET6:
		b.WriteString(familyWord(fam))
		proto := protoName(m)
		b.WriteString(" " + proto)
		if v, ok := child(h, "idiag.states"); ok {
			b.WriteString(" states " + statesList(v))
		}
		if v, ok := child(h, "idiag.ext"); ok && v != 0 {
			b.WriteString(" ext " + flagList(idiagExtFlags, v, ""))
		}
		if sp, _ := child(h, "idiag.sport"); sp != 0 {
			b.WriteString(" sport " + strconv.FormatUint(sp, 10))
		}
		if dp, _ := child(h, "idiag.dport"); dp != 0 {
			b.WriteString(" dport " + strconv.FormatUint(dp, 10))
		}
		for _, n := range []string{"idiag.src", "idiag.dst"} {
			if a := h.Child(n); a != nil && !allZero(a.Bytes) {
				b.WriteString(" " + n[len("idiag."):] + " " + a.ValueString())
			}
		}
		if bc := attr(attrs, "inet_diag.req.bytecode"); bc != nil {
			b.WriteString(" filter " + bytecodeSummary(bc))
		}
		if p := attr(attrs, "inet_diag.req.protocol"); p != nil {
			b.WriteString(" protocol " + ipprotoEnum.Short(p.Value))
		}
	case unix.AF_UNIX:
		b.WriteString("unix")
		if v, ok := child(h, "udiag.states"); ok {
			b.WriteString(" states " + statesList(v))
		}
		if v, _ := child(h, "udiag.ino"); v != 0 {
			b.WriteString(" ino " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(h, "udiag.show"); ok && v != 0 {
			b.WriteString(" show " + flagList(udiagShowFlags, v, ""))
		}
	case unix.AF_NETLINK:
		b.WriteString("netlink")
		if v, ok := child(h, "ndiag.req_protocol"); ok {
			if v == ndiagProtoAll {
				b.WriteString(" proto all")
			} else {
				b.WriteString(" proto " + decode.ProtocolName(uint16(v)))
			}
		}
		if v, _ := child(h, "ndiag.ino"); v != 0 {
			b.WriteString(" ino " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(h, "ndiag.show"); ok && v != 0 {
			b.WriteString(" show " + flagList(ndiagShowFlags, v, ""))
		}
	case unix.AF_PACKET:
		b.WriteString("packet")
		if v, _ := child(h, "pdiag.ino"); v != 0 {
			b.WriteString(" ino " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(h, "pdiag.show"); ok && v != 0 {
			b.WriteString(" show " + flagList(packetShowFlags, v, ""))
		}
	case unix.AF_VSOCK:
		b.WriteString("vsock")
		if v, ok := child(h, "vdiag.states"); ok {
			b.WriteString(" states " + statesList(v))
		}
	case unix.AF_XDP:
		b.WriteString("xdp")
		if v, _ := child(h, "xdiag.ino"); v != 0 {
			b.WriteString(" ino " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(h, "xdiag.show"); ok && v != 0 {
			b.WriteString(" show " + flagList(xdpShowFlags, v, ""))
		}
	default:
		b.WriteString(familyEnum.Short(fam))
	}
	return b.String()
}

func familyWord(fam uint64) string {
	if fam == unix.AF_INET6 {
		return "inet6"
	}
	return "inet"
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// endpoint renders an address and port as ss does: 127.0.0.1:22, [::1]:22, and
// port * for port 0.
func endpoint(b *strings.Builder, a *decode.Field, port uint64, v6 bool) {
	switch {
	case a == nil:
		b.WriteString("?")
	case v6:
		b.WriteString("[" + a.ValueString() + "]")
	default:
		b.WriteString(a.ValueString())
	}
	b.WriteByte(':')
	if port == 0 {
		b.WriteByte('*')
	} else {
		b.WriteString(strconv.FormatUint(port, 10))
	}
}

func stateName(v uint64) string {
	if n, ok := ssStateNames[v]; ok {
		return n
	}
	return "state" + strconv.FormatUint(v, 10)
}

func inetSummary(b *strings.Builder, m *decode.Message, h *decode.Field, attrs []decode.Field) {
	b.WriteString(protoName(m))
	st, _ := child(h, "idiag.state")
	b.WriteString(" " + stateName(st) + " ")
	v6 := h.Child("idiag.family").Value == unix.AF_INET6
	sp, _ := child(h, "idiag.sport")
	dp, _ := child(h, "idiag.dport")
	endpoint(b, h.Child("idiag.src"), sp, v6)
	b.WriteString(" -> ")
	endpoint(b, h.Child("idiag.dst"), dp, v6)
	if v, ok := child(h, "idiag.inode"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
	if v, ok := child(h, "idiag.uid"); ok {
		b.WriteString(" uid " + strconv.FormatUint(v, 10))
	}
	if rq, _ := child(h, "idiag.rqueue"); rq != 0 {
		b.WriteString(" rq " + strconv.FormatUint(rq, 10))
	}
	if wq, _ := child(h, "idiag.wqueue"); wq != 0 {
		b.WriteString(" wq " + strconv.FormatUint(wq, 10))
	}
	if ti := attr(attrs, "inet_diag.info"); ti != nil {
		rtt, ok1 := child(ti, "tcpi.rtt")
		rv, ok2 := child(ti, "tcpi.rttvar")
		if ok1 && ok2 && rtt != 0 {
			b.WriteString(" rtt " + usec(rtt) + "/" + usec(rv))
		}
		if cw, ok := child(ti, "tcpi.snd_cwnd"); ok {
			b.WriteString(" cwnd " + strconv.FormatUint(cw, 10))
		}
	}
	if cg := attr(attrs, "inet_diag.cong"); cg != nil {
		b.WriteString(" " + cg.ValueString())
	}
}

// usec renders microseconds as ss does: milliseconds with three decimals.
func usec(v uint64) string {
	s := strconv.FormatUint(v/1000, 10)
	if r := v % 1000; r != 0 {
		f := strconv.FormatUint(1000+r, 10)[1:]
		s += "." + strings.TrimRight(f, "0")
	}
	return s
}

func unixSummary(b *strings.Builder, h *decode.Field, attrs []decode.Field) {
	b.WriteString("unix")
	if v, ok := child(h, "udiag.type"); ok {
		b.WriteString(" " + strings.ToUpper(sockTypeEnum.Short(v)))
	}
	if v, ok := child(h, "udiag.state"); ok {
		b.WriteString(" " + stateName(v))
	}
	if n := attr(attrs, "unix_diag.name"); n != nil {
		if n.Def == &defAbstract {
			b.WriteString(" @")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(n.ValueString())
	} else {
		b.WriteString(" *")
	}
	if v, ok := child(h, "udiag.ino"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
	if p := attr(attrs, "unix_diag.peer"); p != nil {
		b.WriteString(" peer " + strconv.FormatUint(p.Value, 10))
	}
	if q := attr(attrs, "unix_diag.rqlen"); q != nil {
		if v, _ := child(q, "unix_diag.rqlen.rqueue"); v != 0 {
			b.WriteString(" rq " + strconv.FormatUint(v, 10))
		}
		if v, _ := child(q, "unix_diag.rqlen.wqueue"); v != 0 {
			b.WriteString(" wq " + strconv.FormatUint(v, 10))
		}
	}
	if u := attr(attrs, "unix_diag.uid"); u != nil {
		b.WriteString(" uid " + strconv.FormatUint(u.Value, 10))
	}
}

func netlinkSummary(b *strings.Builder, m *decode.Message, h *decode.Field, attrs []decode.Field) {
	b.WriteString("netlink")
	if v, ok := child(h, "ndiag.protocol"); ok {
		b.WriteString(" " + decode.ProtocolName(uint16(v)))
	}
	if v, ok := child(h, "ndiag.type"); ok {
		b.WriteString(" " + strings.ToUpper(sockTypeEnum.Short(v)))
	}
	if v, ok := child(h, "ndiag.portid"); ok {
		if v == 0 {
			b.WriteString(" kernel")
		} else {
			b.WriteString(" pid " + strconv.FormatUint(v, 10))
		}
	}
	if v, _ := child(h, "ndiag.dst_portid"); v != 0 {
		b.WriteString(" dst pid " + strconv.FormatUint(v, 10))
	}
	if v, _ := child(h, "ndiag.dst_group"); v != 0 {
		b.WriteString(" dst group " + strconv.FormatUint(v, 10))
	}
	if v, ok := child(h, "ndiag.ino"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
	if g := attr(attrs, "netlink_diag.groups"); g != nil {
		if groups := groupList(nil, g.Bytes, m.BigEndian); len(groups) > 0 {
			b.WriteString(" groups ")
			for i, n := range groups {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Itoa(n))
			}
		}
	}
	if mi := attr(attrs, "netlink_diag.meminfo"); mi != nil {
		if v, _ := child(mi, "sk_meminfo.rmem_alloc"); v != 0 {
			b.WriteString(" rmem " + strconv.FormatUint(v, 10))
		}
	}
}

func packetSummary(b *strings.Builder, h *decode.Field, attrs []decode.Field) {
	b.WriteString("packet")
	if v, ok := child(h, "pdiag.type"); ok {
		b.WriteString(" " + strings.ToUpper(sockTypeEnum.Short(v)))
	}
	if v, ok := child(h, "pdiag.num"); ok {
		if _, known := ethProtoEnum.Lookup(v); known {
			b.WriteString(" proto " + strings.ToUpper(ethProtoEnum.Short(v)))
		} else {
			b.WriteString(" proto 0x" + strconv.FormatUint(v, 16))
		}
	}
	if v, ok := child(h, "pdiag.ino"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
	if in := attr(attrs, "packet_diag.info"); in != nil {
		if v, ok := child(in, "pdi.index"); ok {
			b.WriteString(" ifindex " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(in, "pdi.version"); ok {
			b.WriteString(" " + tpacketVersionEnum.Short(v))
		}
	}
	for _, r := range []string{"packet_diag.rx_ring", "packet_diag.tx_ring"} {
		if ring := attr(attrs, r); ring != nil {
			n, _ := child(ring, "pdr.frame_nr")
			sz, _ := child(ring, "pdr.frame_size")
			b.WriteString(" " + r[len("packet_diag."):] + " " + strconv.FormatUint(n, 10) + "x" + strconv.FormatUint(sz, 10))
		}
	}
	if f := attr(attrs, "packet_diag.filter"); f != nil {
		b.WriteString(" filter " + strconv.Itoa(len(f.Children)) + " insns")
	}
}

// vsockAddr renders a cid or port, * for the wildcard (VMADDR_CID_ANY,
// VMADDR_PORT_ANY: -1).
func vsockAddr(v uint64) string {
	if v == 0xffffffff {
		return "*"
	}
	return strconv.FormatUint(v, 10)
}

func vsockSummary(b *strings.Builder, h *decode.Field) {
	b.WriteString("vsock")
	if v, ok := child(h, "vdiag.type"); ok {
		b.WriteString(" " + strings.ToUpper(sockTypeEnum.Short(v)))
	}
	if v, ok := child(h, "vdiag.state"); ok {
		b.WriteString(" " + stateName(v))
	}
	sc, _ := child(h, "vdiag.src_cid")
	sp, _ := child(h, "vdiag.src_port")
	dc, _ := child(h, "vdiag.dst_cid")
	dp, _ := child(h, "vdiag.dst_port")
	b.WriteString(" " + vsockAddr(sc) + ":" + vsockAddr(sp) + " -> " + vsockAddr(dc) + ":" + vsockAddr(dp))
	if v, ok := child(h, "vdiag.ino"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
}

func xdpSummary(b *strings.Builder, h *decode.Field, attrs []decode.Field) {
	b.WriteString("xdp")
	if v, ok := child(h, "xdiag.type"); ok {
		b.WriteString(" " + strings.ToUpper(sockTypeEnum.Short(v)))
	}
	if v, ok := child(h, "xdiag.ino"); ok {
		b.WriteString(" ino " + strconv.FormatUint(v, 10))
	}
	if in := attr(attrs, "xdp_diag.info"); in != nil {
		if v, ok := child(in, "xdp_diag.info.ifindex"); ok {
			b.WriteString(" ifindex " + strconv.FormatUint(v, 10))
		}
		if v, ok := child(in, "xdp_diag.info.queue_id"); ok {
			b.WriteString(" queue " + strconv.FormatUint(v, 10))
		}
	}
	if u := attr(attrs, "xdp_diag.umem"); u != nil {
		if v, ok := child(u, "xdp_diag.umem.id"); ok {
			b.WriteString(" umem " + strconv.FormatUint(v, 10))
		}
	}
}
