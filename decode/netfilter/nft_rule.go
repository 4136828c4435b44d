package netfilter

// Rule rendering: a rule's expressions printed in nft syntax where a simple reading
// exists (payload or meta or ct load then cmp, lookup, bitwise flag tests,
// immediate verdicts and values, counter, limit, log, ...), and otherwise the way
// `nft --debug=netlink` prints them:
//
//	[ payload load 2b @ transport header + 2 => reg 1 ] [ cmp eq reg 1 0x00001600 ]

import (
	"errors"
	"strconv"
	"strings"

	unix "github.com/nldump/nldump/internal/abi"
)

// operand is what a register holds while a rule is read.
type operand struct {
	desc   string  // "tcp dport", "meta mark"
	typ    valType // how its values read
	imm    []byte  // an immediate value (for set statements)
	prefix int     // prefix length in bits from a shorter load or a mask; 0 for none
	flags  []byte  // a bitwise mask on a flags type
	dep    depKind // the load is a protocol dependency
	valid  bool
}

// depKind tells which protocol context a loaded value establishes.
type depKind uint8

const (
	depNone depKind = iota
	depL4           // meta l4proto, ip protocol, ip6 nexthdr
	depL3           // meta nfproto, meta protocol, ether type
)

// payloadField is a header field nft names by base, offset and length.
type payloadField struct {
	proto  string
	offset uint64
	length uint64
	name   string
	typ    valType
	dep    depKind
}

var (
	ip4Fields = []payloadField{
		{"ip", 9, 1, "protocol", tProto, depL4}, {"ip", 12, 4, "saddr", tIP4, 0}, {"ip", 16, 4, "daddr", tIP4, 0},
		{"ip", 8, 1, "ttl", tIntHost, 0}, {"ip", 2, 2, "length", tIntBE, 0}, {"ip", 4, 2, "id", tIntBE, 0},
	}
	ip6Fields = []payloadField{
		{"ip6", 6, 1, "nexthdr", tProto, depL4}, {"ip6", 8, 16, "saddr", tIP6, 0}, {"ip6", 24, 16, "daddr", tIP6, 0},
		{"ip6", 7, 1, "hoplimit", tIntHost, 0}, {"ip6", 4, 2, "length", tIntBE, 0},
	}
	etherFields = []payloadField{
		{"ether", 0, 6, "daddr", tMAC, 0}, {"ether", 6, 6, "saddr", tMAC, 0}, {"ether", 12, 2, "type", tEtherType, depL3},
	}
	portFields = func(proto string) []payloadField {
		return []payloadField{{proto, 0, 2, "sport", tPort, 0}, {proto, 2, 2, "dport", tPort, 0}}
	}
	l4Fields = map[uint64][]payloadField{
		unix.IPPROTO_TCP: append(portFields("tcp"), payloadField{"tcp", 13, 1, "flags", tTCPFlags, 0},
			payloadField{"tcp", 4, 4, "sequence", tIntBE, 0}),
		unix.IPPROTO_UDP:     append(portFields("udp"), payloadField{"udp", 4, 2, "length", tIntBE, 0}),
		unix.IPPROTO_UDPLITE: portFields("udplite"),
		unix.IPPROTO_SCTP:    portFields("sctp"),
		unix.IPPROTO_DCCP:    portFields("dccp"),
		unix.IPPROTO_ICMP:    {{"icmp", 0, 1, "type", tIntHost, 0}, {"icmp", 1, 1, "code", tIntHost, 0}},
		unix.IPPROTO_ICMPV6:  {{"icmpv6", 0, 1, "type", tIntHost, 0}, {"icmpv6", 1, 1, "code", tIntHost, 0}},
	}
	thFields = portFields("th")
)

// metaKeys names the meta keys nft prints without "meta" and the value types.
var metaUnqualified = map[uint64]bool{
	unix.NFT_META_IIF: true, unix.NFT_META_OIF: true, unix.NFT_META_IIFNAME: true, unix.NFT_META_OIFNAME: true,
	unix.NFT_META_IIFTYPE: true, unix.NFT_META_OIFTYPE: true,
}

var metaTypes = map[uint64]valType{
	unix.NFT_META_LEN: tIntHost, unix.NFT_META_PROTOCOL: tEtherType, unix.NFT_META_MARK: tMark,
	unix.NFT_META_IIF: tIntHost, unix.NFT_META_OIF: tIntHost, unix.NFT_META_IIFNAME: tIfname,
	unix.NFT_META_OIFNAME: tIfname, unix.NFT_META_SKUID: tIntHost, unix.NFT_META_SKGID: tIntHost,
	unix.NFT_META_NFPROTO: tNfproto, unix.NFT_META_L4PROTO: tProto, unix.NFT_META_BRI_IIFNAME: tIfname,
	unix.NFT_META_BRI_OIFNAME: tIfname, unix.NFT_META_CPU: tIntHost, unix.NFT_META_IIFTYPE: tIntHost,
	unix.NFT_META_OIFTYPE: tIntHost, unix.NFT_META_PRIORITY: tMark, unix.NFT_META_NFTRACE: tIntHost,
}

var ctTypes = map[uint64]valType{
	unix.NFT_CT_STATE: tCtState, unix.NFT_CT_DIRECTION: tCtDir, unix.NFT_CT_STATUS: tCtStatus,
	unix.NFT_CT_MARK: tMark, unix.NFT_CT_EXPIRATION: tIntHost, unix.NFT_CT_L3PROTOCOL: tNfproto,
	unix.NFT_CT_PROTOCOL: tProto, unix.NFT_CT_PROTO_SRC: tPort, unix.NFT_CT_PROTO_DST: tPort,
	unix.NFT_CT_PKTS: tIntHost, unix.NFT_CT_BYTES: tIntHost, unix.NFT_CT_ZONE: tIntHost,
	unix.NFT_CT_SRC_IP: tIP4, unix.NFT_CT_DST_IP: tIP4, unix.NFT_CT_SRC_IP6: tIP6, unix.NFT_CT_DST_IP6: tIP6,
}

// ctKeyNames are nft's names of ct keys that differ from the uapi's.
var ctKeyNames = map[uint64]string{
	unix.NFT_CT_L3PROTOCOL: "l3proto", unix.NFT_CT_PROTO_SRC: "proto-src", unix.NFT_CT_PROTO_DST: "proto-dst",
	unix.NFT_CT_PKTS: "packets", unix.NFT_CT_LABELS: "label", unix.NFT_CT_EVENTMASK: "event",
	unix.NFT_CT_SRC: "saddr", unix.NFT_CT_DST: "daddr", unix.NFT_CT_SRC_IP: "ip saddr", unix.NFT_CT_DST_IP: "ip daddr",
	unix.NFT_CT_SRC_IP6: "ip6 saddr", unix.NFT_CT_DST_IP6: "ip6 daddr",
}

// errNoSyntax stops nft-syntax rendering; the rule is then printed as expressions.
var errNoSyntax = errors.New("no simple nft syntax")

// ruleRenderer reads a rule's expressions in order, tracking what each register
// holds.
type ruleRenderer struct {
	family uint8
	be     bool
	st     *nftState
	table  string
	regs   [unix.NFT_REG32_15 + 1]operand
	out    []string
	depAt  int     // index in out of a removable protocol dependency, or -1
	depK   depKind // what that dependency establishes
	l3     string  // "ip", "ip6" once known
	l4     uint64  // IP protocol once known, 0 otherwise
	l4Set  bool
}

// renderRule prints the expressions in nft syntax, or in debug form when some
// expression has no simple nft reading.
func renderRule(exprs []nftExpr, family uint8, table string, be bool, st *nftState) string {
	r := &ruleRenderer{family: family, be: be, st: st, table: table, depAt: -1}
	switch family {
	case unix.NFPROTO_IPV4:
		r.l3 = "ip"
	case unix.NFPROTO_IPV6:
		r.l3 = "ip6"
	}
	ok := true
	for _, e := range exprs {
		if err := r.expr(e); err != nil {
			ok = false
			break
		}
	}
	if ok {
		return strings.Join(r.out, " ")
	}
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		parts[i] = debugExpr(e, be)
	}
	return strings.Join(parts, " ")
}

// emit appends nft text; a protocol dependency stays removable only until the
// next emission.
func (r *ruleRenderer) emit(s string) {
	r.out = append(r.out, s)
	r.depAt = -1
}

func (r *ruleRenderer) sreg(e nftExpr, short string) (*operand, error) {
	v, ok := e.u(short)
	if !ok {
		return nil, errNoSyntax
	}
	i := regIndex(v)
	if i == 0 || !r.regs[i].valid {
		return nil, errNoSyntax
	}
	return &r.regs[i], nil
}

func (r *ruleRenderer) dreg(e nftExpr, short string) (*operand, error) {
	v, ok := e.u(short)
	if !ok {
		return nil, errNoSyntax
	}
	i := regIndex(v)
	if i == 0 {
		return nil, errNoSyntax
	}
	r.regs[i] = operand{valid: true}
	return &r.regs[i], nil
}

func (r *ruleRenderer) expr(e nftExpr) error {
	switch e.name {
	case "payload":
		return r.payload(e)
	case "meta":
		return r.meta(e)
	case "ct":
		return r.ct(e)
	case "cmp":
		return r.cmp(e)
	case "bitwise":
		return r.bitwise(e)
	case "lookup":
		return r.lookup(e)
	case "immediate":
		return r.immediate(e)
	case "counter":
		s := "counter"
		if p, ok := e.u("packets"); ok {
			b, _ := e.u("bytes")
			s += " packets " + strconv.FormatUint(p, 10) + " bytes " + strconv.FormatUint(b, 10)
		}
		r.emit(s)
	case "limit":
		r.emit(limitString(e))
	case "log":
		r.emit(logString(e))
	case "reject":
		r.emit(rejectString(e))
	case "nat":
		return r.nat(e)
	case "masq":
		return r.redirect(e, "masquerade")
	case "redir":
		return r.redirect(e, "redirect")
	case "notrack":
		r.emit("notrack")
	case "quota":
		b, _ := e.u("bytes")
		fl, _ := e.u("flags")
		s := "quota "
		if fl&unix.NFT_QUOTA_F_INV != 0 {
			s += "over "
		}
		r.emit(s + strconv.FormatUint(b, 10) + " bytes")
	case "queue":
		n, _ := e.u("num")
		r.emit("queue num " + strconv.FormatUint(n, 10))
	case "objref":
		t, _ := e.u("imm_type")
		name := strOf(e.get("imm_name"))
		if name == "" {
			return errNoSyntax
		}
		r.emit(strings.ReplaceAll(objTypeEnum.Short(t), "_", " ") + " name " + strconv.Quote(name))
	default:
		return errNoSyntax
	}
	return nil
}

func (r *ruleRenderer) payload(e nftExpr) error {
	if _, ok := e.u("sreg"); ok {
		return errNoSyntax // payload write: statement forms vary, print as expressions
	}
	base, _ := e.u("base")
	off, _ := e.u("offset")
	n, _ := e.u("len")
	var fields []payloadField
	dep := depNone // the protocol test this load makes redundant
	switch base {
	case unix.NFT_PAYLOAD_LL_HEADER:
		fields = etherFields
	case unix.NFT_PAYLOAD_NETWORK_HEADER:
		switch r.l3 {
		case "ip":
			fields = ip4Fields
		case "ip6":
			fields = ip6Fields
		}
		if r.family == unix.NFPROTO_INET || r.family == unix.NFPROTO_BRIDGE || r.family == unix.NFPROTO_NETDEV {
			dep = depL3
		}
	case unix.NFT_PAYLOAD_TRANSPORT_HEADER:
		if r.l4Set {
			fields = l4Fields[r.l4]
			dep = depL4
		} else {
			fields = thFields
		}
	}
	for _, f := range fields {
		if f.offset != off || n > f.length || n == 0 {
			continue
		}
		if n < f.length && f.typ != tIP4 && f.typ != tIP6 && f.typ != tMAC {
			continue
		}
		d, err := r.dreg(e, "dreg")
		if err != nil {
			return err
		}
		d.desc, d.typ, d.dep = f.proto+" "+f.name, f.typ, f.dep
		if n < f.length {
			d.prefix = int(n) * 8
		}
		if dep != depNone && r.depAt >= 0 && r.depK == dep {
			r.out = append(r.out[:r.depAt], r.out[r.depAt+1:]...)
			r.depAt = -1
		}
		return nil
	}
	return errNoSyntax
}

func (r *ruleRenderer) meta(e nftExpr) error {
	key, ok := e.u("key")
	if !ok {
		return errNoSyntax
	}
	name := strings.ReplaceAll(metaKeyEnum.Short(key), "_", "")
	if !metaUnqualified[key] {
		name = "meta " + name
	}
	typ, known := metaTypes[key]
	if !known {
		typ = tIntHost
	}
	if _, ok := e.u("sreg"); ok {
		src, err := r.sreg(e, "sreg")
		if err != nil || src.imm == nil {
			return errNoSyntax
		}
		if !strings.HasPrefix(name, "meta ") {
			name = "meta " + name
		}
		r.emit(name + " set " + renderValue(src.imm, typ, r.be))
		return nil
	}
	d, err := r.dreg(e, "dreg")
	if err != nil {
		return err
	}
	d.desc, d.typ = name, typ
	switch key {
	case unix.NFT_META_L4PROTO:
		d.dep = depL4
	case unix.NFT_META_NFPROTO, unix.NFT_META_PROTOCOL:
		d.dep = depL3
	}
	return nil
}

func (r *ruleRenderer) ct(e nftExpr) error {
	key, ok := e.u("key")
	if !ok {
		return errNoSyntax
	}
	name, ok := ctKeyNames[key]
	if !ok {
		name = strings.ToLower(ctKeyEnum.Short(key))
	}
	if dir, ok := e.u("direction"); ok {
		if dir == 0 {
			name = "original " + name
		} else {
			name = "reply " + name
		}
	}
	typ, known := ctTypes[key]
	if !known {
		typ = tIntHost
	}
	if _, ok := e.u("sreg"); ok {
		src, err := r.sreg(e, "sreg")
		if err != nil || src.imm == nil {
			return errNoSyntax
		}
		r.emit("ct " + name + " set " + renderValue(src.imm, typ, r.be))
		return nil
	}
	d, err := r.dreg(e, "dreg")
	if err != nil {
		return err
	}
	d.desc, d.typ = "ct "+name, typ
	if key == unix.NFT_CT_PROTOCOL {
		d.dep = depL4
	}
	return nil
}

var cmpOps = map[uint64]string{
	unix.NFT_CMP_EQ: "", unix.NFT_CMP_NEQ: "!= ", unix.NFT_CMP_LT: "< ", unix.NFT_CMP_LTE: "<= ",
	unix.NFT_CMP_GT: "> ", unix.NFT_CMP_GTE: ">= ",
}

func (r *ruleRenderer) cmp(e nftExpr) error {
	src, err := r.sreg(e, "sreg")
	if err != nil {
		return err
	}
	op, _ := e.u("op")
	ops, ok := cmpOps[op]
	if !ok {
		return errNoSyntax
	}
	data := e.value("data")
	if data == nil {
		return errNoSyntax
	}
	if src.flags != nil {
		// ct state established,related: bitwise mask, then cmp != 0.
		if op != unix.NFT_CMP_NEQ || !allZero(data) {
			return errNoSyntax
		}
		r.emit(src.desc + " " + renderValue(src.flags, src.typ, r.be))
		return nil
	}
	val := data
	if src.prefix > 0 {
		full := 4
		if src.typ == tIP6 {
			full = 16
		} else if src.typ == tMAC {
			full = 6
		}
		if len(data) > full {
			return errNoSyntax
		}
		padded := make([]byte, full)
		copy(padded, data)
		val = padded
	}
	s := renderValue(val, src.typ, r.be)
	if src.prefix > 0 {
		s += "/" + strconv.Itoa(src.prefix)
	}
	text := src.desc + " " + ops + s
	r.emit(text)
	if op == unix.NFT_CMP_EQ && src.dep != depNone {
		r.noteDep(src, val)
	}
	return nil
}

// noteDep records what a protocol test establishes and marks the text just
// emitted as removable: `meta l4proto tcp` disappears before `tcp dport 22` as nft
// prints it.
func (r *ruleRenderer) noteDep(src *operand, val []byte) {
	switch src.dep {
	case depL4:
		r.l4, r.l4Set = hostUint(val, r.be), true
		if src.typ == tProto && len(val) == 1 {
			r.l4 = uint64(val[0])
		}
	case depL3:
		switch renderValue(val, src.typ, r.be) {
		case "ipv4", "ip":
			r.l3 = "ip"
		case "ipv6", "ip6":
			r.l3 = "ip6"
		default:
			return
		}
	}
	r.depAt, r.depK = len(r.out)-1, src.dep
}

func (r *ruleRenderer) bitwise(e nftExpr) error {
	src, err := r.sreg(e, "sreg")
	if err != nil {
		return err
	}
	if op, ok := e.u("op"); ok && op != unix.NFT_BITWISE_BOOL {
		return errNoSyntax
	}
	mask, xor := e.value("mask"), e.value("xor")
	if mask == nil || !allZero(xor) {
		return errNoSyntax
	}
	o := *src
	switch o.typ {
	case tCtState, tCtStatus, tTCPFlags:
		o.flags = mask
	case tIP4, tIP6, tMAC:
		bits, ok := prefixLen(mask)
		if !ok {
			return errNoSyntax
		}
		o.prefix = bits
	default:
		return errNoSyntax
	}
	d, err := r.dreg(e, "dreg")
	if err != nil {
		return err
	}
	*d = o
	return nil
}

// prefixLen returns the length of a mask made of leading one bits.
func prefixLen(mask []byte) (int, bool) {
	n := 0
	for i, b := range mask {
		if b == 0xff {
			n += 8
			continue
		}
		for b&0x80 != 0 {
			n++
			b <<= 1
		}
		if b != 0 || !allZero(mask[i+1:]) {
			return 0, false
		}
		break
	}
	return n, true
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

func (r *ruleRenderer) lookup(e nftExpr) error {
	src, err := r.sreg(e, "sreg")
	if err != nil {
		return err
	}
	name := strOf(e.get("set"))
	if name == "" {
		return errNoSyntax
	}
	set := "@" + name
	if r.st != nil {
		if s := r.st.lookup(r.family, []byte(r.table), []byte(name)); s != nil && s.flags&unix.NFT_SET_ANONYMOUS != 0 && len(s.elems) > 0 {
			set = "{ " + strings.Join(elemStrings(s, src.typ, r.be), ", ") + " }"
		}
	}
	fl, _ := e.u("flags")
	text := src.desc + " "
	if fl&unix.NFT_LOOKUP_F_INV != 0 {
		text += "!= "
	}
	if d, ok := e.u("dreg"); ok {
		if d == unix.NFT_REG_VERDICT {
			r.emit(text + "vmap " + set)
			return nil
		}
		dst, err := r.dreg(e, "dreg")
		if err != nil {
			return err
		}
		dst.desc, dst.typ = src.desc+" map "+set, tRaw
		return nil
	}
	r.emit(text + set)
	return nil
}

func (r *ruleRenderer) immediate(e nftExpr) error {
	d, ok := e.u("dreg")
	if !ok {
		return errNoSyntax
	}
	if d == unix.NFT_REG_VERDICT {
		v, ok := e.verdict("data")
		if !ok {
			return errNoSyntax
		}
		r.emit(v)
		return nil
	}
	val := e.value("data")
	if val == nil {
		return errNoSyntax
	}
	dst, err := r.dreg(e, "dreg")
	if err != nil {
		return err
	}
	dst.imm = val
	return nil
}
