package xfrm

// NETLINK_FIB_LOOKUP (protocol 10) asks the kernel's IPv4 FIB for a route: user
// space sends a struct fib_result_nl (include/net/ip_fib.h; not in uapi) with the
// address, mark, TOS, scope and table to look in; the kernel (net/ipv4/fib_frontend.c,
// nl_fib_input) fills in the result fields and sends the same message back. The
// message type is not looked at.
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                     fl_addr (be32, IPv4)                      |
//	+---------------+---------------+---------------+---------------+
//	|                           fl_mark                             |
//	+---------------+---------------+---------------+---------------+
//	|    fl_tos     |   fl_scope    |   tb_id_in    |     tb_id     |   tb_id and
//	+---------------+---------------+---------------+---------------+   after: results
//	|   prefixlen   |    nh_sel     |     type      |     scope     |
//	+---------------+---------------+---------------+---------------+
//	|                          err (int)                            |
//	+---------------+---------------+---------------+---------------+

import (
	"net/netip"
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_FIB_LOOKUP, FIBLookup{}) }

// FIBLookup is the NETLINK_FIB_LOOKUP decoder; init registers it for protocol 10.
type FIBLookup struct{}

var rtnEnum = decode.NewEnum("rtn_type", "RTN_", map[uint64]string{
	unix.RTN_UNSPEC: "RTN_UNSPEC", unix.RTN_UNICAST: "RTN_UNICAST", unix.RTN_LOCAL: "RTN_LOCAL",
	unix.RTN_BROADCAST: "RTN_BROADCAST", unix.RTN_ANYCAST: "RTN_ANYCAST", unix.RTN_MULTICAST: "RTN_MULTICAST",
	unix.RTN_BLACKHOLE: "RTN_BLACKHOLE", unix.RTN_UNREACHABLE: "RTN_UNREACHABLE",
	unix.RTN_PROHIBIT: "RTN_PROHIBIT", unix.RTN_THROW: "RTN_THROW", unix.RTN_NAT: "RTN_NAT",
	unix.RTN_XRESOLVE: "RTN_XRESOLVE",
})

var scopeEnum = decode.NewEnum("rt_scope", "RT_SCOPE_", map[uint64]string{
	unix.RT_SCOPE_UNIVERSE: "RT_SCOPE_UNIVERSE", unix.RT_SCOPE_SITE: "RT_SCOPE_SITE",
	unix.RT_SCOPE_LINK: "RT_SCOPE_LINK", unix.RT_SCOPE_HOST: "RT_SCOPE_HOST",
	unix.RT_SCOPE_NOWHERE: "RT_SCOPE_NOWHERE",
})

var tableEnum = decode.NewEnum("rt_table", "RT_TABLE_", map[uint64]string{
	unix.RT_TABLE_UNSPEC: "RT_TABLE_UNSPEC", unix.RT_TABLE_COMPAT: "RT_TABLE_COMPAT",
	unix.RT_TABLE_DEFAULT: "RT_TABLE_DEFAULT", unix.RT_TABLE_MAIN: "RT_TABLE_MAIN",
	unix.RT_TABLE_LOCAL: "RT_TABLE_LOCAL",
})

// fibResultNL is struct fib_result_nl.
var fibResultNL = decode.NewStruct("fib_result_nl", "fib_lookup",
	decode.Member{CName: "fl_addr", Kind: decode.KindAddr, Size: 4, Desc: "IPv4 address to look up."},
	decode.Member{CName: "fl_mark", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Packet mark of the lookup."},
	decode.Member{CName: "fl_tos", Kind: decode.KindU8, Display: decode.DisplayHex, Desc: "TOS of the lookup."},
	decode.Member{CName: "fl_scope", Kind: decode.KindU8, Enum: scopeEnum, Desc: "Scope of the lookup."},
	decode.Member{CName: "tb_id_in", Kind: decode.KindU8, Enum: tableEnum, Desc: "Table to look in (8 bits)."},
	decode.Member{CName: "tb_id", Kind: decode.KindU8, Enum: tableEnum, Desc: "Result: table of the route found."},
	decode.Member{CName: "prefixlen", Kind: decode.KindU8, Desc: "Result: prefix length of the route."},
	decode.Member{CName: "nh_sel", Kind: decode.KindU8, Desc: "Result: next hop selected."},
	decode.Member{CName: "type", Kind: decode.KindU8, Enum: rtnEnum, Desc: "Result: route type."},
	decode.Member{CName: "scope", Kind: decode.KindU8, Enum: scopeEnum, Desc: "Result: route scope."},
	decode.Member{CName: "err", Kind: decode.KindS32, Desc: "Result: 0, or a negative errno (-ENOENT: no table, or no route)."},
)

// fibRaw names the message types (the kernel ignores them) by number.
var fibRaw = decode.NewRawProtocol("fib_lookup")

// Name implements decode.Protocol.
func (FIBLookup) Name() string { return "fib_lookup" }

// MessageType implements decode.Protocol: any type is a lookup, named by number.
func (FIBLookup) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	return fibRaw.MessageType(c, t)
}

// DecodePayload implements decode.Protocol: struct fib_result_nl (bytes after it,
// which the kernel ignores, are shown as such).
func (FIBLookup) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	f := c.Alloc(1)
	if end <= off+fibResultNL.Size {
		f[0] = c.Struct(fibResultNL, off, end)
		return f
	}
	// c.Struct stops at the struct's size: keep the bytes after it as its extra.
	c.SetBytes(&f[0], fibResultNL.Def(), off, end)
	f[0].Children, _ = c.StructMembers(fibResultNL, off, end)
	return f
}

// Summary implements decode.Protocol: "10.0.0.1 table main" for the question,
// with "-> 10.0.0.0/24 unicast scope universe table main" or "-> error -2" once
// the kernel filled in the answer.
func (FIBLookup) Summary(m *decode.Message) string {
	p := m.Payload()
	if len(p) == 0 {
		return ""
	}
	h := &p[0]
	get := func(n string) *decode.Field { return h.Child("fib_lookup." + n) }
	var b []byte
	if a := get("fl_addr"); a != nil {
		b = a.AppendValue(b)
	}
	if t := get("tb_id_in"); val(t) != 0 {
		b = append(b, " table "...)
		b = append(b, tableEnum.Short(t.Value)...)
	}
	if mk := get("fl_mark"); val(mk) != 0 {
		b = append(b, " mark 0x"...)
		b = strconv.AppendUint(b, mk.Value, 16)
	}
	e, t, ty := get("err"), get("tb_id"), get("type")
	switch {
	case e != nil && e.Value != 0:
		b = append(b, " -> error "...)
		b = strconv.AppendInt(b, e.Int(), 10)
	case val(t) != 0 || val(ty) != 0:
		b = append(b, " -> "...)
		b = appendPrefix(b, get("fl_addr"), int(val(get("prefixlen"))))
		b = append(b, ' ')
		b = append(b, rtnEnum.Short(val(ty))...)
		b = append(b, " scope "...)
		b = append(b, scopeEnum.Short(val(get("scope")))...)
		b = append(b, " table "...)
		b = append(b, tableEnum.Short(val(t))...)
	}
	return string(b)
}

// appendPrefix appends the route prefix that covers the looked-up address:
// the address masked to plen bits, "/plen".
func appendPrefix(b []byte, addr *decode.Field, plen int) []byte {
	if addr == nil || len(addr.Bytes) != 4 || plen > 32 {
		return strconv.AppendInt(append(b, "?/"...), int64(plen), 10)
	}
	p, _ := netip.AddrFrom4([4]byte(addr.Bytes)).Prefix(plen)
	return p.AppendTo(b)
}
