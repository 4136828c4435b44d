package route

// IPv6 prefix and router-advertisement option notifications: RTM_NEWPREFIX carries
// struct prefixmsg and PREFIX_* attributes, RTM_NEWNDUSEROPT struct nduseroptmsg,
// the raw ND options (nduseropt_opts_len bytes) and NDUSEROPT_* attributes
// (include/uapi/linux/rtnetlink.h):
//
//	prefixmsg                                                       nduseroptmsg
//	+--------+--------+--------+--------+   +--------+--------+--------+--------+
//	| family |  pad1  |      pad2       |   | family |  pad1  |    opts_len     |
//	+--------+--------+--------+--------+   +--------+--------+--------+--------+
//	|          prefix_ifindex           |   |        nduseropt_ifindex          |
//	+--------+--------+--------+--------+   +--------+--------+--------+--------+
//	|  type  |  len   | flags  |  pad3  |   |icmptype|icmpcode|      pad2       |
//	+--------+--------+--------+--------+   +--------+--------+--------+--------+
//	                                        |               pad3                |

import (
	"github.com/nldump/nldump/decode"
)

// prefixmsg is struct prefixmsg.
var prefixmsg = newStruct("prefixmsg", "prefix",
	decode.Member{CName: "prefix_family", Kind: decode.KindU8, Enum: afEnum}, padm(1), padm(2),
	s32m("prefix_ifindex"), u8m("prefix_type"), u8m("prefix_len"),
	decode.Member{CName: "prefix_flags", Kind: decode.KindU8, Flags: decode.NewFlagSet("prefix_flags", "IF_PREFIX_",
		map[uint64]string{1: "IF_PREFIX_ONLINK", 2: "IF_PREFIX_AUTOCONF"})},
	padm(1))

var prefixCacheinfoStruct = newStruct("prefix_cacheinfo", "prefix.cacheinfo",
	decode.Member{CName: "preferred_time", Kind: decode.KindU32, Unit: "s"},
	decode.Member{CName: "valid_time", Kind: decode.KindU32, Unit: "s"})

// prefixAttrs is the PREFIX_* set.
var prefixAttrs = decode.NewAttrSet("PREFIX", "prefix",
	addra(prefixAddress, "PREFIX_ADDRESS"),
	structa(prefixCacheinfo, "PREFIX_CACHEINFO", prefixCacheinfoStruct),
)

// nduseroptmsg is struct nduseroptmsg.
var nduseroptmsg = newStruct("nduseroptmsg", "nduseropt",
	decode.Member{CName: "nduseropt_family", Kind: decode.KindU8, Enum: afEnum}, padm(1),
	decode.Member{CName: "nduseropt_opts_len", Kind: decode.KindU16, Unit: "bytes"},
	s32m("nduseropt_ifindex"), u8m("nduseropt_icmp_type"), u8m("nduseropt_icmp_code"), padm(2), padm(4))

var nduseroptAttrs = decode.NewAttrSet("NDUSEROPT", "nduseropt",
	addra(ndUseroptSrcaddr, "NDUSEROPT_SRCADDR"))

var defNdOpts = decode.FieldDef{Name: "nduseropt.options", Label: "ND options", Kind: decode.KindBinary,
	Desc: "The router advertisement's ND options, as received (RFC 4861 TLVs in 8-byte units)."}

// decodeNdUseropt decodes the header, the options (opts_len bytes), then attributes.
func decodeNdUseropt(c *decode.Context, md *msgDef, off, end int) []decode.Field {
	h := c.Struct(nduseroptmsg, off, end)
	oo := off + nduseroptmsg.Size
	if oo > end {
		f := c.Alloc(1)
		f[0] = h
		return f
	}
	ol := int(c.U16(off + 2))
	oe := min(oo+ol, end)
	var attrs []decode.Field
	if ao := oo + align4(ol); ao < end {
		attrs = c.Attrs(nduseroptAttrs, ao, end)
	}
	f := c.Alloc(2 + len(attrs))
	f[0] = h
	c.SetBytes(&f[1], &defNdOpts, oo, oe)
	copy(f[2:], attrs)
	return f
}
