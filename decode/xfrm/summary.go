package xfrm

// One-line summaries in the words of `ip xfrm monitor` and `ip xfrm state|policy`:
//
//	src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel auth hmac(sha256) 256-bit enc cbc(aes) 128-bit
//	src 10.1.0.0/24 dst 10.2.0.0/24 dir out priority 0 tmpl esp tunnel 10.0.0.1->10.0.0.2 reqid 1
//
// Algorithms show their name and key length only: no summary prints key bytes.

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// top returns the payload's fixed struct (its first field when that is not an
// attribute), or nil.
func top(p []decode.Field) *decode.Field {
	if len(p) > 0 && !p[0].IsAttr() && p[0].Def != nil && p[0].Def.Kind == decode.KindStruct {
		return &p[0]
	}
	return nil
}

// attr returns the first top-level attribute named name, or nil.
func attr(p []decode.Field, name string) *decode.Field {
	for i := range p {
		if p[i].IsAttr() && p[i].Def != nil && p[i].Def.Name == name {
			return &p[i]
		}
	}
	return nil
}

// child returns f's direct child named name, or nil (f may be nil).
func child(f *decode.Field, name string) *decode.Field {
	if f == nil {
		return nil
	}
	return f.Child(name)
}

// val returns the integer value of f, or 0 when f is nil.
func val(f *decode.Field) uint64 {
	if f == nil {
		return 0
	}
	return f.Value
}

// sum builds a summary line of space-separated words.
type sum struct{ b []byte }

func (s *sum) sep() {
	if len(s.b) > 0 {
		s.b = append(s.b, ' ')
	}
}

// word appends a literal word.
func (s *sum) word(w string) *sum { s.sep(); s.b = append(s.b, w...); return s }

// kv appends "key value" with the field's display value (short enum name for
// enums), nothing when f is nil.
func (s *sum) kv(key string, f *decode.Field) *sum {
	if f == nil {
		return s
	}
	s.word(key)
	s.sep()
	s.b = appendShort(s.b, f)
	return s
}

// num appends "key N".
func (s *sum) num(key string, v uint64) *sum {
	s.word(key)
	s.b = append(s.b, ' ')
	s.b = strconv.AppendUint(s.b, v, 10)
	return s
}

// hex8 appends "key 0x%08x", as iproute2 prints an SPI.
func (s *sum) hex8(key string, v uint64) *sum {
	s.word(key)
	s.b = append(s.b, ' ', '0', 'x')
	h := strconv.AppendUint(nil, v, 16)
	for i := len(h); i < 8; i++ {
		s.b = append(s.b, '0')
	}
	s.b = append(s.b, h...)
	return s
}

// String returns the line (without a trailing space a cut struct could leave).
func (s *sum) String() string {
	b := s.b
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// appendShort appends the value as ip-xfrm prints it: an enum's short name
// ("esp", "tunnel", "out"), an address, a string escaped, a number.
func appendShort(b []byte, f *decode.Field) []byte {
	if f.Def.Enum == xfrmProtoEnum {
		switch f.Value {
		case unix.IPPROTO_ROUTING:
			return append(b, "route2"...)
		case unix.IPPROTO_DSTOPTS:
			return append(b, "hao"...)
		case ipsecProtoAny:
			return append(b, "ipsec-any"...)
		}
	}
	if e := f.Def.Enum; e != nil && f.Def.Kind.IsInt() {
		if _, ok := e.Lookup(f.Value); ok {
			return append(b, e.Short(f.Value)...)
		}
		return strconv.AppendUint(b, f.Value, 10)
	}
	return f.AppendValue(b)
}

// prefix appends "key addr/len".
func (s *sum) prefix(key string, addr *decode.Field, plen uint64) {
	if addr == nil {
		return
	}
	s.word(key)
	s.sep()
	s.b = addr.AppendValue(s.b)
	s.b = append(s.b, '/')
	s.b = strconv.AppendUint(s.b, plen, 10)
}

// selector appends "src A/n dst B/m [proto P] [sport S] [dport D] [dev N]".
func (s *sum) selector(sel *decode.Field) {
	if sel == nil {
		return
	}
	s.prefix("src", child(sel, "xfrm.sel.saddr"), val(child(sel, "xfrm.sel.prefixlen_s")))
	s.prefix("dst", child(sel, "xfrm.sel.daddr"), val(child(sel, "xfrm.sel.prefixlen_d")))
	if p := child(sel, "xfrm.sel.proto"); val(p) != 0 {
		s.kv("proto", p)
	}
	if val(child(sel, "xfrm.sel.sport_mask")) != 0 {
		s.num("sport", val(child(sel, "xfrm.sel.sport")))
	}
	if val(child(sel, "xfrm.sel.dport_mask")) != 0 {
		s.num("dport", val(child(sel, "xfrm.sel.dport")))
	}
	if i := child(sel, "xfrm.sel.ifindex"); val(i) != 0 {
		s.num("ifindex", val(i))
	}
}

// sa appends the SA words of an xfrm_usersa_info field.
func (s *sum) sa(info *decode.Field) {
	if info == nil {
		return
	}
	id := child(info, "xfrm.sa.id")
	s.kv("src", child(info, "xfrm.sa.saddr"))
	s.kv("dst", child(id, "xfrm.id.daddr"))
	s.kv("proto", child(id, "xfrm.id.proto"))
	if spi := child(id, "xfrm.id.spi"); spi != nil {
		s.hex8("spi", spi.Value)
	}
	if r := child(info, "xfrm.sa.reqid"); r != nil {
		s.num("reqid", r.Value)
	}
	s.kv("mode", child(info, "xfrm.sa.mode"))
}

// algos appends the algorithms, encapsulation and mark of an SA's attributes:
// names and key lengths, never keys.
func (s *sum) algos(p []decode.Field) {
	auth := attr(p, "xfrma.alg_auth")
	trunc := attr(p, "xfrma.alg_auth_trunc")
	switch {
	case auth != nil:
		s.alg("auth", auth)
	case trunc != nil:
		s.alg("auth", trunc)
		if t := child(trunc, "xfrm.alg.trunc_len"); t != nil {
			s.num("trunc", t.Value)
		}
	}
	s.alg("enc", attr(p, "xfrma.alg_crypt"))
	if a := attr(p, "xfrma.alg_aead"); a != nil {
		s.alg("aead", a)
		if t := child(a, "xfrm.alg.icv_len"); t != nil {
			s.num("icv", t.Value)
		}
	}
	if c := attr(p, "xfrma.alg_comp"); c != nil {
		s.word("comp")
		s.sep()
		s.b = decode.AppendEscaped(s.b, decode.TrimNUL(val2(child(c, "xfrm.alg.name"))))
	}
	if e := attr(p, "xfrma.encap"); e != nil {
		s.word("encap")
		s.word(encapName(val(child(e, "xfrm.encap.type"))))
		s.sep()
		s.b = strconv.AppendUint(s.b, val(child(e, "xfrm.encap.sport")), 10)
		s.b = append(s.b, "->"...)
		s.b = strconv.AppendUint(s.b, val(child(e, "xfrm.encap.dport")), 10)
	}
	s.mark(p)
}

// encapName returns the name ip-xfrm gives an encapsulation type.
func encapName(t uint64) string {
	switch t {
	case unix.UDP_ENCAP_ESPINUDP_NON_IKE:
		return "espinudp-nonike"
	case unix.UDP_ENCAP_ESPINUDP:
		return "espinudp"
	case tcpEncapESPInTCP:
		return "espintcp"
	}
	return strconv.FormatUint(t, 10)
}

// val2 returns f's bytes, or nil.
func val2(f *decode.Field) []byte {
	if f == nil {
		return nil
	}
	return f.Bytes
}

// alg appends "what NAME N-bit" for an algorithm attribute.
func (s *sum) alg(what string, a *decode.Field) {
	if a == nil {
		return
	}
	s.word(what)
	s.sep()
	s.b = decode.AppendEscaped(s.b, decode.TrimNUL(val2(child(a, "xfrm.alg.name"))))
	if k := child(a, "xfrm.alg.key_len"); k != nil {
		s.b = append(s.b, ' ')
		s.b = strconv.AppendUint(s.b, k.Value, 10)
		s.b = append(s.b, "-bit"...)
	}
}

// mark appends "mark V/M" and "if_id N" when the attributes are there.
func (s *sum) mark(p []decode.Field) {
	if m := attr(p, "xfrma.mark"); m != nil {
		s.word("mark 0x")
		s.b = strconv.AppendUint(s.b, val(child(m, "xfrm.mark.value")), 16)
		s.b = append(s.b, "/0x"...)
		s.b = strconv.AppendUint(s.b, val(child(m, "xfrm.mark.mask")), 16)
	}
	if i := attr(p, "xfrma.if_id"); i != nil {
		s.num("if_id", i.Value)
	}
}

// policy appends the words of an xfrm_userpolicy_info field.
func (s *sum) policy(pol *decode.Field) {
	if pol == nil {
		return
	}
	s.selector(child(pol, "xfrm.pol.sel"))
	s.kv("dir", child(pol, "xfrm.pol.dir"))
	if a := child(pol, "xfrm.pol.action"); val(a) != 0 {
		s.kv("action", a)
	}
	if pr := child(pol, "xfrm.pol.priority"); pr != nil {
		s.num("priority", pr.Value)
	}
}

// tmpls appends "tmpl esp tunnel S->D reqid N" per template.
func (s *sum) tmpls(p []decode.Field) {
	t := attr(p, "xfrma.tmpl")
	if t == nil {
		return
	}
	for i := range t.Children {
		tm := &t.Children[i]
		id := child(tm, "xfrm.tmpl.id")
		s.word("tmpl")
		for _, f := range [...]*decode.Field{child(id, "xfrm.id.proto"), child(tm, "xfrm.tmpl.mode")} {
			if f != nil {
				s.sep()
				s.b = appendShort(s.b, f)
			}
		}
		src, dst := child(tm, "xfrm.tmpl.saddr"), child(id, "xfrm.id.daddr")
		if src != nil && dst != nil && !(allZero(src.Bytes) && allZero(dst.Bytes)) {
			s.sep()
			s.b = src.AppendValue(s.b)
			s.b = append(s.b, "->"...)
			s.b = dst.AppendValue(s.b)
		}
		if spi := child(id, "xfrm.id.spi"); val(spi) != 0 {
			s.hex8("spi", spi.Value)
		}
		if r := child(tm, "xfrm.tmpl.reqid"); val(r) != 0 {
			s.num("reqid", r.Value)
		}
	}
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// ptype appends "ptype sub" for a sub policy (main is the default, not shown).
func (s *sum) ptype(p []decode.Field) {
	if t := child(attr(p, "xfrma.policy_type"), "xfrm.ptype.type"); val(t) != xfrmPolicyTypeMain {
		s.kv("ptype", t)
	}
}

// The summaries of each message type.

func saSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	s.sa(top(p))
	s.algos(p)
	return s.String()
}

func saIDSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	if sa := attr(p, "xfrma.sa"); sa != nil { // a delete notification carries the SA
		s.sa(sa)
		s.algos(p)
		return s.String()
	}
	id := top(p)
	if id == nil { // a dump request: its filters
		if f := attr(p, "xfrma.address_filter"); f != nil && val(child(f, "xfrm.filter.family")) != 0 {
			s.prefix("src", child(f, "xfrm.filter.saddr"), val(child(f, "xfrm.filter.splen")))
			s.prefix("dst", child(f, "xfrm.filter.daddr"), val(child(f, "xfrm.filter.dplen")))
		}
		s.kv("proto", attr(p, "xfrma.proto"))
		return s.String()
	}
	s.kv("src", attr(p, "xfrma.srcaddr"))
	s.kv("dst", child(id, "xfrm.said.daddr"))
	s.kv("proto", child(id, "xfrm.said.proto"))
	if spi := child(id, "xfrm.said.spi"); spi != nil {
		s.hex8("spi", spi.Value)
	}
	s.mark(p)
	return s.String()
}

func policySummary(m *decode.Message, p []decode.Field) string {
	var s sum
	s.policy(top(p))
	s.ptype(p)
	s.mark(p)
	s.tmpls(p)
	return s.String()
}

func policyIDSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	if pol := attr(p, "xfrma.policy"); pol != nil { // a delete notification carries the policy
		s.policy(pol)
	} else if id := top(p); id != nil {
		if idx := child(id, "xfrm.polid.index"); val(idx) != 0 {
			s.hex8("index", idx.Value)
		} else {
			s.selector(child(id, "xfrm.polid.sel"))
		}
		s.kv("dir", child(id, "xfrm.polid.dir"))
	}
	s.ptype(p)
	s.mark(p)
	s.tmpls(p)
	return s.String()
}

func allocSPISummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.sa(child(h, "xfrm.spi.info"))
	if lo, hi := child(h, "xfrm.spi.min"), child(h, "xfrm.spi.max"); lo != nil && hi != nil {
		s.hex8("min", lo.Value)
		s.hex8("max", hi.Value)
	}
	return s.String()
}

func acquireSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	id := child(h, "xfrm.acq.id")
	s.kv("src", child(h, "xfrm.acq.saddr"))
	s.kv("dst", child(id, "xfrm.id.daddr"))
	s.kv("proto", child(id, "xfrm.id.proto"))
	s.word("sel")
	s.selector(child(h, "xfrm.acq.sel"))
	s.kv("dir", child(child(h, "xfrm.acq.policy"), "xfrm.pol.dir"))
	if q := child(h, "xfrm.acq.seq"); q != nil {
		s.num("seq", q.Value)
	}
	s.tmpls(p)
	return s.String()
}

func expireSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.sa(child(h, "xfrm.expire.state"))
	hardness(&s, child(h, "xfrm.expire.hard"))
	return s.String()
}

func polExpireSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.policy(child(h, "xfrm.polexpire.pol"))
	hardness(&s, child(h, "xfrm.polexpire.hard"))
	return s.String()
}

func hardness(s *sum, f *decode.Field) {
	switch {
	case f == nil:
	case f.Value != 0:
		s.word("hard")
	default:
		s.word("soft")
	}
}

func flushSASummary(m *decode.Message, p []decode.Field) string {
	var s sum
	if pr := child(top(p), "xfrm.flush.proto"); pr != nil {
		if pr.Value == 0 {
			s.word("proto all")
		} else {
			s.kv("proto", pr)
		}
	}
	return s.String()
}

func flushPolicySummary(m *decode.Message, p []decode.Field) string {
	var s sum
	s.kv("ptype", child(attr(p, "xfrma.policy_type"), "xfrm.ptype.type")) // iproute2: "Flushed policy ptype main"
	return s.String()
}

func aeSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	id := child(h, "xfrm.ae.sa_id")
	s.kv("src", child(h, "xfrm.ae.saddr"))
	s.kv("dst", child(id, "xfrm.said.daddr"))
	s.kv("proto", child(id, "xfrm.said.proto"))
	if spi := child(id, "xfrm.said.spi"); spi != nil {
		s.hex8("spi", spi.Value)
	}
	if r := child(h, "xfrm.ae.reqid"); val(r) != 0 {
		s.num("reqid", r.Value)
	}
	if f := child(h, "xfrm.ae.flags"); val(f) != 0 {
		s.word("flags")
		s.sep()
		s.b = f.Def.Flags.AppendFormat(s.b, f.Value, "|")
	}
	if r := attr(p, "xfrma.replay_val"); r != nil {
		s.num("seq", val(child(r, "xfrm.replay.seq")))
		s.num("oseq", val(child(r, "xfrm.replay.oseq")))
	}
	if r := attr(p, "xfrma.replay_esn_val"); r != nil {
		s.num("seq", val(child(r, "xfrm.replay_esn.seq")))
		s.num("oseq", val(child(r, "xfrm.replay_esn.oseq")))
	}
	if l := attr(p, "xfrma.ltime_val"); l != nil {
		s.num("bytes", val(child(l, "xfrm.curlft.bytes")))
		s.num("packets", val(child(l, "xfrm.curlft.packets")))
	}
	s.mark(p)
	return s.String()
}

func reportSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.kv("proto", child(h, "xfrm.report.proto"))
	s.word("sel")
	s.selector(child(h, "xfrm.report.sel"))
	s.kv("coa", attr(p, "xfrma.coaddr"))
	return s.String()
}

func migrateSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.selector(child(h, "xfrm.polid.sel"))
	s.kv("dir", child(h, "xfrm.polid.dir"))
	if mg := attr(p, "xfrma.migrate"); mg != nil {
		for i := range mg.Children {
			e := &mg.Children[i]
			s.word("migrate")
			s.kv("proto", child(e, "xfrm.migrate.proto"))
			s.kv("mode", child(e, "xfrm.migrate.mode"))
			s.sep()
			s.b = appendPair(s.b, child(e, "xfrm.migrate.old_saddr"), child(e, "xfrm.migrate.old_daddr"))
			s.b = append(s.b, " => "...)
			s.b = appendPair(s.b, child(e, "xfrm.migrate.new_saddr"), child(e, "xfrm.migrate.new_daddr"))
		}
	}
	return s.String()
}

// appendPair appends "a->b".
func appendPair(b []byte, a, c *decode.Field) []byte {
	if a == nil || c == nil {
		return b
	}
	b = a.AppendValue(b)
	b = append(b, "->"...)
	return c.AppendValue(b)
}

func sadInfoSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	if c := attr(p, "xfrma.sad.cnt"); c != nil {
		s.num("count", c.Value)
	}
	if h := attr(p, "xfrma.sad.hinfo"); h != nil {
		s.num("hash", val(child(h, "xfrm.sadhinfo.sadhcnt")))
		s.b = append(s.b, '/')
		s.b = strconv.AppendUint(s.b, val(child(h, "xfrm.sadhinfo.sadhmcnt")), 10)
	}
	return s.String()
}

func spdInfoSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	if i := attr(p, "xfrma.spd.info"); i != nil {
		s.num("in", val(child(i, "xfrm.spdinfo.incnt")))
		s.num("out", val(child(i, "xfrm.spdinfo.outcnt")))
		s.num("fwd", val(child(i, "xfrm.spdinfo.fwdcnt")))
	}
	if h := attr(p, "xfrma.spd.hinfo"); h != nil {
		s.num("hash", val(child(h, "xfrm.spdhinfo.spdhcnt")))
		s.b = append(s.b, '/')
		s.b = strconv.AppendUint(s.b, val(child(h, "xfrm.spdhinfo.spdhmcnt")), 10)
	}
	for _, t := range [...]struct{ key, name string }{{"hthresh4", "xfrma.spd.ipv4_hthresh"}, {"hthresh6", "xfrma.spd.ipv6_hthresh"}} {
		if h := attr(p, t.name); h != nil {
			s.num(t.key, val(child(h, "xfrm.spdhthresh.lbits")))
			s.b = append(s.b, '/')
			s.b = strconv.AppendUint(s.b, val(child(h, "xfrm.spdhthresh.rbits")), 10)
		}
	}
	return s.String()
}

func mappingSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	id := child(h, "xfrm.mapping.id")
	s.kv("dst", child(id, "xfrm.said.daddr"))
	s.kv("proto", child(id, "xfrm.said.proto"))
	if spi := child(id, "xfrm.said.spi"); spi != nil {
		s.hex8("spi", spi.Value)
	}
	if r := child(h, "xfrm.mapping.reqid"); r != nil {
		s.num("reqid", r.Value)
	}
	for _, t := range [...]struct{ key, addr, port string }{
		{"old", "xfrm.mapping.old_saddr", "xfrm.mapping.old_sport"},
		{"new", "xfrm.mapping.new_saddr", "xfrm.mapping.new_sport"},
	} {
		if a := child(h, t.addr); a != nil {
			s.word(t.key)
			s.sep()
			s.b = a.AppendValue(s.b)
			s.b = append(s.b, ':')
			s.b = strconv.AppendUint(s.b, val(child(h, t.port)), 10)
		}
	}
	return s.String()
}

func defaultSummary(m *decode.Message, p []decode.Field) string {
	var s sum
	h := top(p)
	s.kv("in", child(h, "xfrm.default.in"))
	s.kv("fwd", child(h, "xfrm.default.fwd"))
	s.kv("out", child(h, "xfrm.default.out"))
	return s.String()
}
