package route

// Short request headers. A dump request may carry a bare struct rtgenmsg instead of
// its type's family header; the attributes after it start at NLMSG_ALIGN(1) = 4:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  rtgen_family |            padding (NLMSG_ALIGN)              |
//	+---------------+---------------+---------------+---------------+
//	|  attributes ...                                               |
//
// The kernel decides by length (rtnl_dump_ifinfo: "nlmsg_len(nlh) <
// sizeof(struct ifinfomsg) ? sizeof(struct rtgenmsg) : sizeof(struct ifinfomsg)"),
// and so does this decoder, for every GET request.
//
// RTM_GETNEIGH requests for AF_BRIDGE (`bridge fdb show`) may carry a struct
// ifinfomsg with IFLA_MASTER instead of an ndmsg (rtnl_fdb_dump,
// valid_fdb_dump_legacy): a payload of exactly sizeof(ndmsg) or sizeof(ndmsg) plus
// one u32 attribute is an ndmsg, anything else that walks as attributes after 16
// bytes but not after 12 is an ifinfomsg.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// rtgenmsg is struct rtgenmsg (include/uapi/linux/rtnetlink.h).
var rtgenmsg = newStruct("rtgenmsg", "rtgen",
	decode.Member{CName: "rtgen_family", Kind: decode.KindU8, Enum: afEnum, Desc: "Address family of the request."},
)

// chooseHeader returns the header and attribute set the payload carries.
func chooseHeader(c *decode.Context, md *msgDef, off, end int) (*decode.Struct, *decode.AttrSet) {
	n := end - off
	req := c.Header.Flags&unix.NLM_F_REQUEST != 0
	if !req || opOf(c.Header.Type) != decode.OpGet || md.hdr == rtgenmsg {
		return md.hdr, md.set
	}
	if c.Header.Type == unix.RTM_GETNEIGH && n >= ifinfomsg.Size && c.Data[off] == unix.AF_BRIDGE &&
		n != ndmsg.Size && n != ndmsg.Size+8 && !walks(c, off+ndmsg.Size, end) && walks(c, off+ifinfomsg.Size, end) {
		return ifinfomsg, linkAttrs
	}
	if n < md.hdr.Size {
		return rtgenmsg, md.set
	}
	return md.hdr, md.set
}

// walks reports whether Data[off:end] is a whole number of well-formed attributes.
func walks(c *decode.Context, off, end int) bool {
	it := decode.NewAttrIter(c.Data, off, end, c.BigEndian)
	for it.Next() {
	}
	return it.Err() == nil
}
