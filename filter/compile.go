package filter

import (
	"bytes"
	"fmt"
	"math"
	"net"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/nldump/nldump/decode"
)

// Filter is a compiled display filter. It is safe for concurrent use.
type Filter struct {
	src    string
	eval   func(m *decode.Message) bool
	fields []string
}

// Match reports whether m passes the filter.
func (f *Filter) Match(m *decode.Message) bool { return f.eval(m) }

// String returns the filter's source text.
func (f *Filter) String() string { return f.src }

// Fields returns the field names the filter tests, each once, in order of appearance.
func (f *Filter) Fields() []string { return f.fields }

// Uses reports whether the filter tests a field whose name starts with prefix
// ("nl." for the conversation fields a Pairer adds).
func (f *Filter) Uses(prefix string) bool {
	for _, n := range f.fields {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// Compile compiles a display filter against the fields of decode.DefaultRegistry.
// Import the protocol packages (decode/all) first so that their names are known.
func Compile(expr string) (*Filter, error) { return CompileWith(decode.DefaultRegistry, expr) }

// CompileWith compiles a display filter against the fields of reg.
func CompileWith(reg *decode.Registry, expr string) (*Filter, error) {
	return compileDefs(reg, reg.FieldsByName(), expr)
}

// compileDefs compiles expr against the field definitions defs (by name).
func compileDefs(reg *decode.Registry, defs map[string]*decode.FieldDef, expr string) (*Filter, error) {
	n, err := parse(expr)
	if err != nil {
		return nil, err
	}
	c := &compiler{defs: defs, reg: reg}
	eval, err := c.node(n)
	if err != nil {
		return nil, err
	}
	return &Filter{src: expr, eval: eval, fields: c.used}, nil
}

// compiler turns the syntax tree into closures.
type compiler struct {
	reg  *decode.Registry
	defs map[string]*decode.FieldDef
	used []string
	seen map[string]bool
}

type evalFunc = func(m *decode.Message) bool

func (c *compiler) node(n node) (evalFunc, error) {
	switch n := n.(type) {
	case *binNode:
		l, err := c.node(n.l)
		if err != nil {
			return nil, err
		}
		r, err := c.node(n.r)
		if err != nil {
			return nil, err
		}
		if n.and {
			return func(m *decode.Message) bool { return l(m) && r(m) }, nil
		}
		return func(m *decode.Message) bool { return l(m) || r(m) }, nil
	case *notNode:
		x, err := c.node(n.x)
		if err != nil {
			return nil, err
		}
		return func(m *decode.Message) bool { return !x(m) }, nil
	case *relNode:
		return c.relation(n)
	}
	panic("filter: unknown node")
}

// The header fields, read from the nlmsghdr node (and from the request echoed in
// an NLMSG_ERROR) without walking the tree.
var headerIndex = map[string]int{"nlmsg.len": 0, "nlmsg.type": 1, "nlmsg.flags": 2, "nlmsg.seq": 3, "nlmsg.pid": 4}

// fieldTest tests one occurrence of a field.
type fieldTest = func(f *decode.Field) bool

// relation compiles a field test.
func (c *compiler) relation(r *relNode) (evalFunc, error) {
	name := r.field.text
	def, err := c.lookup(r.field)
	if err != nil {
		return nil, err
	}
	if !c.seen[name] {
		if c.seen == nil {
			c.seen = map[string]bool{}
		}
		c.seen[name] = true
		c.used = append(c.used, name)
	}
	existence := r.op == "" && r.mask == nil
	switch name {
	case "frame.number", "nl.protocol", "nl.direction":
		if existence {
			return func(m *decode.Message) bool { return true }, nil
		}
	}
	switch name {
	case "frame.number":
		t, err := c.intTest(r, def, nil)
		if err != nil {
			return nil, err
		}
		return positive(r, func(m *decode.Message) bool {
			return m.Frame != nil && t(uint64(m.Frame.Number))
		}, func(m *decode.Message) bool { return m.Frame != nil }), nil
	case "nl.protocol", "nl.direction":
		get := func(m *decode.Message) string { return m.Direction.String() }
		if name == "nl.protocol" {
			get = func(m *decode.Message) string { return decode.ProtocolName(m.ProtoNum()) }
		}
		if err := c.checkWords(r, name); err != nil {
			return nil, err
		}
		t, err := c.strTest(r, def)
		if err != nil {
			return nil, err
		}
		return positive(r, func(m *decode.Message) bool { return t(get(m)) },
			func(m *decode.Message) bool { return true }), nil
	}
	if i, ok := headerIndex[name]; ok {
		return c.header(r, def, i)
	}
	ft, err := c.test(r, def)
	if err != nil {
		return nil, err
	}
	id := decode.NameIDOf(name)
	exists := func(m *decode.Message) bool { return m.MayContain(id) && findAny(m.Root.Children, name, id, nil) }
	if ft == nil {
		return exists, nil
	}
	return positive(r, func(m *decode.Message) bool {
		return m.MayContain(id) && findAny(m.Root.Children, name, id, ft)
	}, exists), nil
}

// positive turns the "any occurrence matches" test into the relation's result:
// != and "not in" hold when the field occurs and no occurrence is equal (as in
// Wireshark, a test on a missing field is false).
func positive(r *relNode, any, exists evalFunc) evalFunc {
	if r.op == "!=" || r.op == "not in" {
		return func(m *decode.Message) bool { return exists(m) && !any(m) }
	}
	return any
}

// findAny reports whether a field called name (whose number is id) occurs in fs
// (depth-first) and, if t is not nil, passes t. It skips the subtrees the
// decoder's tables say cannot hold the name.
func findAny(fs []decode.Field, name string, id decode.NameID, t fieldTest) bool {
	for i := range fs {
		f := &fs[i]
		if f.Def != nil && f.Def.Name == name && (t == nil || t(f)) {
			return true
		}
		if len(f.Children) > 0 && (f.Def == nil || f.Def.MayContain(id)) && findAny(f.Children, name, id, t) {
			return true
		}
	}
	return false
}

// header compiles a test on an nlmsghdr member: the message's own header and the
// echoed request's header of an NLMSG_ERROR.
func (c *compiler) header(r *relNode, def *decode.FieldDef, i int) (evalFunc, error) {
	var ft fieldTest
	var err error
	switch {
	case i == 1 && r.op != "" && r.op != "&" && r.mask == nil && hasSymbol(r.values):
		ft, err = c.typeTest(r)
	case i == 2:
		ft, err = c.flagsTest(r, def)
	default:
		ft, err = c.test(r, def)
	}
	if err != nil {
		return nil, err
	}
	if ft == nil {
		return func(m *decode.Message) bool { return hdrField(m, i) != nil }, nil
	}
	any := func(m *decode.Message) bool {
		if f := hdrField(m, i); f != nil && ft(f) {
			return true
		}
		if f := echoedField(m, i); f != nil && ft(f) {
			return true
		}
		return false
	}
	return positive(r, any, func(m *decode.Message) bool { return hdrField(m, i) != nil }), nil
}

// hdrField returns member i of the message's nlmsghdr node, or nil.
func hdrField(m *decode.Message, i int) *decode.Field {
	if len(m.Root.Children) == 0 {
		return nil
	}
	h := &m.Root.Children[0]
	if len(h.Children) != 5 {
		return nil
	}
	return &h.Children[i]
}

// echoedField returns member i of the nlmsghdr echoed in an NLMSG_ERROR, or nil.
func echoedField(m *decode.Message, i int) *decode.Field {
	if m.Error == nil || m.Error.Request == nil || len(m.Root.Children) < 2 {
		return nil
	}
	for k := range m.Root.Children[1].Children {
		e := &m.Root.Children[1].Children[k]
		if e.Def.Name == "nlmsgerr.request" && len(e.Children) > 0 && len(e.Children[0].Children) == 5 {
			return &e.Children[0].Children[i]
		}
	}
	return nil
}

// hasSymbol reports whether a value is a name rather than a number.
func hasSymbol(vs []token) bool {
	for _, v := range vs {
		if _, ok := parseNumber(v.text); !ok || v.kind == tokString {
			return true
		}
	}
	return false
}

// typeTest compiles nlmsg.type == NAME (or in {NAMES}): names compare with the
// type name the protocol gave the message (RTM_NEWROUTE, "nlctrl GETFAMILY"; a
// generic netlink family name alone matches all its commands); numbers with the
// type number.
func (c *compiler) typeTest(r *relNode) (fieldTest, error) {
	switch r.op {
	case "==", "!=", "in", "not in":
	default:
		return nil, errAt(r.opTok.col, "message type names can only be compared with ==, != and in; use numbers for '%s'", r.op)
	}
	known := typeNames(c.reg)
	var names []string
	var nums []uint64
	for _, v := range r.values {
		if n, ok := parseNumber(v.text); ok && v.kind == tokWord {
			if n.neg || n.u > math.MaxUint16 {
				return nil, errAt(v.col, "%s is out of range for nlmsg.type (0-65535)", v.text)
			}
			nums = append(nums, n.u)
			continue
		}
		if v.kind == tokWord && !known[v.text] {
			if pre, _, ok := strings.Cut(v.text, "_"); ok && knownPrefix(known, pre+"_") {
				return nil, errAt(v.col, "unknown message type %q%s", v.text, suggest(v.text, keys(known)))
			}
		}
		names = append(names, v.text)
	}
	// The names resolve to numbers once per type enum (each protocol, each
	// generic netlink family has its own), then a message costs a comparison.
	var cache atomic.Pointer[[]*typeValues] // copied on write: several goroutines may match
	return func(f *decode.Field) bool {
		for _, n := range nums {
			if f.Value == n {
				return true
			}
		}
		if len(names) == 0 {
			return false
		}
		var tv *typeValues
		var known []*typeValues
		if p := cache.Load(); p != nil {
			known = *p
		}
		for _, k := range known {
			if k.enum == f.Def.Enum {
				tv = k
				break
			}
		}
		if tv == nil {
			tv = resolveTypes(f.Def.Enum, names)
			if len(known) < maxTypeEnums {
				grown := append(append(make([]*typeValues, 0, len(known)+1), known...), tv)
				cache.Store(&grown)
			}
		}
		for _, v := range tv.values {
			if f.Value == v {
				return true
			}
		}
		return false
	}, nil
}

// maxTypeEnums bounds the type enums a filter remembers (one per protocol and
// generic netlink family seen).
const maxTypeEnums = 256

// typeValues are the values of a type enum whose names a filter gives.
type typeValues struct {
	enum   *decode.Enum
	values []uint64
}

// resolveTypes finds the values of e named by names: a type name in any case,
// or a generic netlink family name standing for all its types ("nlctrl").
func resolveTypes(e *decode.Enum, names []string) *typeValues {
	tv := &typeValues{enum: e}
	if e == nil {
		return tv
	}
	for v, tn := range e.Values {
		for _, n := range names {
			if strings.EqualFold(tn, n) || len(tn) > len(n) && tn[len(n)] == ' ' && strings.EqualFold(tn[:len(n)], n) {
				tv.values = append(tv.values, v)
				break
			}
		}
	}
	return tv
}

// flagsTest compiles a test on nlmsg.flags, whose names depend on the message
// kind (DUMP in GET requests, EXCL in NEW requests, ACK_TLVS in errors): a name
// is resolved in each reading, and a message whose reading lacks it does not match.
func (c *compiler) flagsTest(r *relNode, def *decode.FieldDef) (fieldTest, error) {
	if r.op == "" && r.mask == nil {
		return nil, nil
	}
	var sets []*decode.FlagSet
	var tests []func(uint64) bool
	var firstErr error
	for op := decode.OpOther; op <= decode.OpAck; op++ {
		d := *def
		d.Flags = decode.FlagsFor(op)
		t, err := c.intTest(r, &d, nil)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		sets = append(sets, d.Flags)
		tests = append(tests, t)
	}
	if len(tests) == 0 {
		return nil, firstErr
	}
	return func(f *decode.Field) bool {
		for i, s := range sets {
			if f.Def.Flags == s {
				return tests[i](f.Value)
			}
		}
		return false
	}, nil
}

// lookup resolves a field name, suggesting the nearest names when it is unknown.
func (c *compiler) lookup(t token) (*decode.FieldDef, error) {
	if d, ok := c.defs[t.text]; ok {
		return d, nil
	}
	names := make([]string, 0, len(c.defs))
	for n := range c.defs {
		names = append(names, n)
	}
	return nil, errAt(t.col, "unknown field %q%s (nldump --fields lists them all)", t.text, suggest(t.text, names))
}

// checkWords checks the values of nl.protocol and nl.direction.
func (c *compiler) checkWords(r *relNode, name string) error {
	for _, v := range r.values {
		if r.op == "contains" || r.op == "matches" {
			break
		}
		var ok bool
		var all []string
		if name == "nl.direction" {
			for d := decode.DirUnknown; d <= decode.DirError; d++ {
				all = append(all, d.String())
				ok = ok || d.String() == v.text
			}
		} else {
			for p := 0; p < 32; p++ {
				n := decode.ProtocolName(uint16(p))
				if !strings.HasPrefix(n, "proto-") {
					all = append(all, n)
				}
			}
			_, ok = decode.ProtocolNumber(v.text)
			ok = ok || strings.HasPrefix(v.text, "proto-")
		}
		if !ok {
			return errAt(v.col, "%q is not a value of %s (%s)", v.text, name, strings.Join(all, ", "))
		}
	}
	return nil
}

// test compiles the comparison of one occurrence of a field with the relation's
// values, by the kind of the field; nil for an existence test.
func (c *compiler) test(r *relNode, def *decode.FieldDef) (fieldTest, error) {
	if r.op == "" && r.mask == nil {
		return nil, nil
	}
	k := def.Kind
	switch {
	case k.IsInt():
		if r.op == "matches" {
			re, err := c.regexp(r)
			if err != nil {
				return nil, err
			}
			return func(f *decode.Field) bool {
				var buf [96]byte
				return re.Match(f.AppendValue(buf[:0]))
			}, nil
		}
		t, err := c.intTest(r, def, nil)
		if err != nil {
			return nil, err
		}
		return func(f *decode.Field) bool { return f.Def.Kind.IsInt() && t(f.Value) }, nil
	case k == decode.KindFlag:
		return nil, errAt(r.opTok.col, "%s is a flag attribute: test its presence with the name alone", def.Name)
	case k == decode.KindString:
		if r.mask != nil {
			return nil, errAt(r.opTok.col, "'&' needs an integer field; %s is a string", def.Name)
		}
		t, err := c.strTest(r, def)
		if err != nil {
			return nil, err
		}
		return func(f *decode.Field) bool { return t(bstr(decode.TrimNUL(f.Bytes))) }, nil
	case k == decode.KindAddr || k == decode.KindMAC:
		if r.mask != nil {
			return nil, errAt(r.opTok.col, "'&' needs an integer field; %s is an address", def.Name)
		}
		return c.addrTest(r, def)
	default:
		if r.mask != nil {
			return nil, errAt(r.opTok.col, "'&' needs an integer field; %s is %s", def.Name, k)
		}
		return c.bytesTest(r, def)
	}
}

// bstr views b as a string without copying (the filter only reads it).
func bstr(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// number is a parsed integer literal.
type number struct {
	u   uint64 // the magnitude
	neg bool
}

func (n number) int64() int64 {
	if n.neg {
		return -int64(n.u)
	}
	return int64(n.u)
}

// parseNumber parses decimal, 0x hex, 0o octal and 0b binary integers, with an
// optional minus sign.
func parseNumber(s string) (number, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return number{}, false
	}
	u, err := strconv.ParseUint(s, 0, 64)
	if err != nil || neg && u > 1<<63 {
		return number{}, false
	}
	return number{u: u, neg: neg && u != 0}, true
}

// intValue resolves an integer literal for def: a number, or a name of its enum
// or flag values.
func intValue(v token, def *decode.FieldDef) (uint64, error) {
	signed := def.Kind.Signed()
	size := def.Kind.Size()
	if n, ok := parseNumber(v.text); ok && v.kind == tokWord {
		switch {
		case n.neg && !signed:
			return 0, errAt(v.col, "%s is negative but %s is unsigned", v.text, def.Name)
		case signed && size > 0 && size < 8 && (n.int64() < -(1<<(size*8-1)) || n.int64() >= 1<<(size*8-1)):
			return 0, errAt(v.col, "%s is out of range for %s (%s)", v.text, def.Name, def.Kind)
		case signed && !n.neg && n.u > math.MaxInt64:
			return 0, errAt(v.col, "%s is out of range for %s (%s)", v.text, def.Name, def.Kind)
		case !signed && size > 0 && size < 8 && n.u >= 1<<(size*8):
			return 0, errAt(v.col, "%s is out of range for %s (%s)", v.text, def.Name, def.Kind)
		}
		return uint64(n.int64()), nil
	}
	if def.Enum != nil {
		if x, ok := def.Enum.Value(v.text); ok {
			return x, nil
		}
	}
	if def.Flags != nil {
		if x, ok := def.Flags.Value(v.text); ok {
			return x, nil
		}
	}
	var names []string
	what := "a number"
	if def.Enum != nil {
		for _, n := range def.Enum.Values {
			names = append(names, n)
		}
		what = "a number or a name of " + def.Enum.Name
	}
	if def.Flags != nil {
		for _, f := range def.Flags.Bits {
			names = append(names, strings.TrimPrefix(f.Name, def.Flags.Prefix))
		}
		for _, f := range def.Flags.Combos {
			names = append(names, strings.TrimPrefix(f.Name, def.Flags.Prefix))
		}
		what = "a number or a flag of " + def.Flags.Name
	}
	return 0, errAt(v.col, "%q is not %s (%s is %s)%s", v.text, what, def.Name, def.Kind, suggest(v.text, names))
}

// intRange is an inclusive range of an "in" set.
type intRange struct{ lo, hi uint64 }

// intTest compiles a test of an integer value.
func (c *compiler) intTest(r *relNode, def *decode.FieldDef, _ any) (func(uint64) bool, error) {
	signed := def.Kind.Signed()
	mask := ^uint64(0)
	if r.mask != nil {
		var err error
		if mask, err = intValue(*r.mask, def); err != nil {
			return nil, err
		}
	}
	if r.op == "&" {
		return func(v uint64) bool { return v&mask != 0 }, nil
	}
	switch r.op {
	case "contains":
		return nil, errAt(r.opTok.col, "'contains' needs a string, address or bytes field; %s is %s", def.Name, def.Kind)
	case "matches":
		return nil, errAt(r.opTok.col, "'matches' is not available on %s", def.Name)
	case "in", "not in":
		var rs []intRange
		for _, v := range r.values {
			lo, hi, isRange := strings.Cut(v.text, "..")
			if !isRange || v.kind != tokWord {
				x, err := intValue(v, def)
				if err != nil {
					return nil, err
				}
				rs = append(rs, intRange{x, x})
				continue
			}
			a, err := intValue(token{kind: tokWord, text: lo, col: v.col}, def)
			if err != nil {
				return nil, err
			}
			b, err := intValue(token{kind: tokWord, text: hi, col: v.col + len(lo) + 2}, def)
			if err != nil {
				return nil, err
			}
			rs = append(rs, intRange{a, b})
		}
		if signed {
			return func(v uint64) bool {
				v &= mask
				for _, x := range rs {
					if int64(v) >= int64(x.lo) && int64(v) <= int64(x.hi) {
						return true
					}
				}
				return false
			}, nil
		}
		return func(v uint64) bool {
			v &= mask
			for _, x := range rs {
				if v >= x.lo && v <= x.hi {
					return true
				}
			}
			return false
		}, nil
	}
	x, err := intValue(r.values[0], def)
	if err != nil {
		return nil, err
	}
	if r.mask == nil {
		switch r.op {
		case "==", "!=": // != is "exists and no occurrence ==", see positive
			return func(v uint64) bool { return v == x }, nil
		}
	}
	sx := int64(x)
	switch r.op {
	case "==", "!=":
		return func(v uint64) bool { return v&mask == x }, nil
	case "<":
		if signed {
			return func(v uint64) bool { return int64(v&mask) < sx }, nil
		}
		return func(v uint64) bool { return v&mask < x }, nil
	case "<=":
		if signed {
			return func(v uint64) bool { return int64(v&mask) <= sx }, nil
		}
		return func(v uint64) bool { return v&mask <= x }, nil
	case ">":
		if signed {
			return func(v uint64) bool { return int64(v&mask) > sx }, nil
		}
		return func(v uint64) bool { return v&mask > x }, nil
	case ">=":
		if signed {
			return func(v uint64) bool { return int64(v&mask) >= sx }, nil
		}
		return func(v uint64) bool { return v&mask >= x }, nil
	}
	return nil, errAt(r.opTok.col, "operator '%s' is not available on %s", r.op, def.Name)
}

func (c *compiler) regexp(r *relNode) (*regexp.Regexp, error) {
	v := r.values[0]
	re, err := regexp.Compile(v.text)
	if err != nil {
		return nil, errAt(v.col, "bad regular expression: %v", err)
	}
	return re, nil
}

// strTest compiles a test of a string value.
func (c *compiler) strTest(r *relNode, def *decode.FieldDef) (func(string) bool, error) {
	if r.mask != nil {
		return nil, errAt(r.opTok.col, "'&' needs an integer field; %s is a string", def.Name)
	}
	switch r.op {
	case "matches":
		re, err := c.regexp(r)
		if err != nil {
			return nil, err
		}
		return re.MatchString, nil
	case "in", "not in":
		set := make([]string, len(r.values))
		for i, v := range r.values {
			set[i] = v.text
		}
		return func(s string) bool {
			for _, x := range set {
				if s == x {
					return true
				}
			}
			return false
		}, nil
	}
	x := r.values[0].text
	switch r.op {
	case "==", "!=":
		return func(s string) bool { return s == x }, nil
	case "contains":
		return func(s string) bool { return strings.Contains(s, x) }, nil
	case "<":
		return func(s string) bool { return s < x }, nil
	case "<=":
		return func(s string) bool { return s <= x }, nil
	case ">":
		return func(s string) bool { return s > x }, nil
	case ">=":
		return func(s string) bool { return s >= x }, nil
	}
	return nil, errAt(r.opTok.col, "operator '%s' is not available on %s", r.op, def.Name)
}

// addrValue is an address literal: exact bytes, or a prefix.
type addrValue struct {
	b      []byte
	prefix netip.Prefix
}

func (a addrValue) match(b []byte) bool {
	if a.prefix.IsValid() {
		ip, ok := netip.AddrFromSlice(b)
		return ok && a.prefix.Contains(ip)
	}
	return bytes.Equal(a.b, b)
}

// parseAddr parses an IPv4/IPv6 address or prefix, or a MAC address.
func parseAddr(v token) (addrValue, error) {
	s := v.text
	if p, err := netip.ParsePrefix(s); err == nil {
		return addrValue{prefix: p.Masked()}, nil
	}
	if ip, err := netip.ParseAddr(s); err == nil {
		return addrValue{b: ip.AsSlice()}, nil
	}
	if hw, err := net.ParseMAC(s); err == nil {
		return addrValue{b: hw}, nil
	}
	if b, ok := parseHexBytes(s); ok && v.kind == tokWord {
		return addrValue{b: b}, nil
	}
	return addrValue{}, errAt(v.col, "%q is not an IPv4 or IPv6 address or prefix, or a MAC address", s)
}

// addrTest compiles a test of an address field. Prefixes match the addresses
// they contain, with == and in alike.
func (c *compiler) addrTest(r *relNode, def *decode.FieldDef) (fieldTest, error) {
	switch r.op {
	case "matches":
		re, err := c.regexp(r)
		if err != nil {
			return nil, err
		}
		return func(f *decode.Field) bool {
			var buf [64]byte
			return re.Match(f.AppendValue(buf[:0]))
		}, nil
	case "contains":
		b, ok := parseHexBytes(r.values[0].text)
		if !ok || r.values[0].kind == tokString {
			b = []byte(r.values[0].text)
		}
		return func(f *decode.Field) bool { return bytes.Contains(f.Bytes, b) }, nil
	}
	var vals []addrValue
	for _, v := range r.values {
		a, err := parseAddr(v)
		if err != nil {
			return nil, err
		}
		vals = append(vals, a)
	}
	switch r.op {
	case "==", "!=", "in", "not in":
		return func(f *decode.Field) bool {
			for _, a := range vals {
				if a.match(f.Bytes) {
					return true
				}
			}
			return false
		}, nil
	}
	a := vals[0]
	if a.prefix.IsValid() {
		return nil, errAt(r.values[0].col, "a prefix can only be tested with ==, != or in")
	}
	cmp := map[string]func(int) bool{
		"<": func(c int) bool { return c < 0 }, "<=": func(c int) bool { return c <= 0 },
		">": func(c int) bool { return c > 0 }, ">=": func(c int) bool { return c >= 0 },
	}[r.op]
	return func(f *decode.Field) bool { return len(f.Bytes) == len(a.b) && cmp(bytes.Compare(f.Bytes, a.b)) }, nil
}

// parseHexBytes parses "de:ad:be:ef", "de-ad-be-ef", "deadbeef" or "0xdeadbeef".
func parseHexBytes(s string) ([]byte, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if strings.ContainsAny(s, ":-.") {
		var out []byte
		for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' }) {
			if len(p) != 2 && len(p) != 1 {
				return nil, false
			}
			x, err := strconv.ParseUint(p, 16, 8)
			if err != nil {
				return nil, false
			}
			out = append(out, byte(x))
		}
		return out, len(out) > 0
	}
	if len(s) == 0 || len(s)%2 != 0 {
		return nil, false
	}
	out := make([]byte, len(s)/2)
	for i := range out {
		h, l := unhex(s[2*i]), unhex(s[2*i+1])
		if h < 0 || l < 0 {
			return nil, false
		}
		out[i] = byte(h<<4 | l)
	}
	return out, true
}

// bytesTest compiles a test of opaque bytes (binary attributes, nests, structs):
// values are hex bytes (de:ad:be:ef) or quoted strings.
func (c *compiler) bytesTest(r *relNode, def *decode.FieldDef) (fieldTest, error) {
	if r.op == "matches" {
		re, err := c.regexp(r)
		if err != nil {
			return nil, err
		}
		return func(f *decode.Field) bool { return re.Match(f.Bytes) }, nil
	}
	var vals [][]byte
	for _, v := range r.values {
		b, ok := parseHexBytes(v.text)
		if v.kind == tokString {
			b, ok = []byte(v.text), true
		}
		if !ok {
			return nil, errAt(v.col, "%q is not a byte string: use hex bytes (de:ad:be:ef) or a quoted string", v.text)
		}
		vals = append(vals, b)
	}
	switch r.op {
	case "contains":
		x := vals[0]
		return func(f *decode.Field) bool { return bytes.Contains(f.Bytes, x) }, nil
	case "==", "!=", "in", "not in":
		return func(f *decode.Field) bool {
			for _, x := range vals {
				if bytes.Equal(f.Bytes, x) {
					return true
				}
			}
			return false
		}, nil
	}
	return nil, errAt(r.opTok.col, "operator '%s' is not available on %s (%s)", r.op, def.Name, def.Kind)
}

// String returns a description of the error for tests.
func (t token) String() string { return fmt.Sprintf("%d:%q", t.col, t.text) }
