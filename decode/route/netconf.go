package route

// Per-device IP configuration notifications (RTM_NEWNETCONF, RTM_DELNETCONF,
// RTM_GETNETCONF): struct netconfmsg (include/uapi/linux/netconf.h, one byte; the
// attributes start at NLMSG_ALIGN(1) = 4) and NETCONFA_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ncm_family   |            padding (NLMSG_ALIGN)              |
//	+---------------+---------------+---------------+---------------+
//	|  NETCONFA_* attributes ...                                    |

import (
	"github.com/nldump/nldump/decode"
)

// netconfmsg is struct netconfmsg.
var netconfmsg = newStruct("netconfmsg", "ncm",
	decode.Member{CName: "ncm_family", Kind: decode.KindU8, Enum: afEnum})

var netconfIfindexEnum = decode.NewEnum("netconf_ifindex", "NETCONFA_IFINDEX_", map[uint64]string{
	uint64(0xffffffffffffffff): "NETCONFA_IFINDEX_ALL", uint64(0xfffffffffffffffe): "NETCONFA_IFINDEX_DEFAULT",
})

// netconfAttrs is the NETCONFA_* set.
var netconfAttrs = decode.NewAttrSet("NETCONFA", "netconfa",
	enum(s32a(netconfaIfindex, "NETCONFA_IFINDEX"), netconfIfindexEnum),
	s32a(netconfaForwarding, "NETCONFA_FORWARDING"),
	s32a(netconfaRPFilter, "NETCONFA_RP_FILTER"),
	s32a(netconfaMCForwarding, "NETCONFA_MC_FORWARDING"),
	s32a(netconfaProxyNeigh, "NETCONFA_PROXY_NEIGH"),
	s32a(netconfaIgnoreLinkdn, "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN"),
	s32a(netconfaInput, "NETCONFA_INPUT"),
	s32a(netconfaBCForwarding, "NETCONFA_BC_FORWARDING"),
)
