package route

// Neighbour messages (RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH; ARP/NDP entries
// and bridge FDB entries): struct ndmsg (include/uapi/linux/neighbour.h) and NDA_*
// attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ndm_family   |   ndm_pad1    |           ndm_pad2            |
//	+---------------+---------------+---------------+---------------+
//	|                         ndm_ifindex                           |
//	+---------------+---------------+---------------+---------------+
//	|           ndm_state           |   ndm_flags   |   ndm_type    |
//	+---------------+---------------+---------------+---------------+
//	|  NDA_* attributes ...                                         |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ndmsg is struct ndmsg.
var ndmsg = newStruct("ndmsg", "ndm",
	decode.Member{CName: "ndm_family", Kind: decode.KindU8, Enum: afEnum, Desc: "Address family (AF_INET, AF_INET6, AF_BRIDGE for FDB entries)."},
	padm(1), padm(2),
	decode.Member{CName: "ndm_ifindex", Kind: decode.KindS32, Desc: "Interface index."},
	decode.Member{CName: "ndm_state", Kind: decode.KindU16, Flags: nudFlags, Desc: "Neighbour state (NUD_*)."},
	decode.Member{CName: "ndm_flags", Kind: decode.KindU8, Flags: ntfFlags, Desc: "Neighbour flags (NTF_*)."},
	decode.Member{CName: "ndm_type", Kind: decode.KindU8, Enum: rtnEnum, Desc: "Address type (RTN_*)."},
)

// ndaCacheinfo is struct nda_cacheinfo; times are in USER_HZ ticks.
var ndaCacheinfo = newStruct("nda_cacheinfo", "nda.cacheinfo",
	decode.Member{CName: "ndm_confirmed", Kind: decode.KindU32, Unit: "cs"},
	decode.Member{CName: "ndm_used", Kind: decode.KindU32, Unit: "cs"},
	decode.Member{CName: "ndm_updated", Kind: decode.KindU32, Unit: "cs"},
	u32m("ndm_refcnt"))

var ntfExtFlags = decode.NewFlagSet("ntf_ext", "NTF_EXT_", map[uint64]string{
	ntfExtManaged: "NTF_EXT_MANAGED", ntfExtLocked: "NTF_EXT_LOCKED",
})

// fdbExtAttrs is NDA_FDB_EXT_ATTRS (NFEA_*).
var fdbExtAttrs = decode.NewAttrSet("NFEA", "nda.fdb_ext",
	u8a(1, "NFEA_ACTIVITY_NOTIFY"),
	flaga(2, "NFEA_DONT_REFRESH"),
)

// neighAttrs is the NDA_* set.
var neighAttrs = decode.NewAttrSet("NDA", "nda",
	addra(unix.NDA_DST, "NDA_DST"),
	addra(unix.NDA_LLADDR, "NDA_LLADDR"),
	structa(unix.NDA_CACHEINFO, "NDA_CACHEINFO", ndaCacheinfo),
	u32a(unix.NDA_PROBES, "NDA_PROBES"),
	u16a(unix.NDA_VLAN, "NDA_VLAN"),
	be16a(unix.NDA_PORT, "NDA_PORT"),
	u32a(unix.NDA_VNI, "NDA_VNI"),
	u32a(unix.NDA_IFINDEX, "NDA_IFINDEX"),
	u32a(unix.NDA_MASTER, "NDA_MASTER"),
	s32a(unix.NDA_LINK_NETNSID, "NDA_LINK_NETNSID"),
	u32a(unix.NDA_SRC_VNI, "NDA_SRC_VNI"),
	enum(u8a(ndaProtocol, "NDA_PROTOCOL"), protoEnum),
	u32a(ndaNHID, "NDA_NH_ID"),
	nesta(ndaFDBExtAttrs, "NDA_FDB_EXT_ATTRS", fdbExtAttrs),
	flags(u32a(ndaFlagsExt, "NDA_FLAGS_EXT"), ntfExtFlags),
	flags(u16a(ndaNdmStateMask, "NDA_NDM_STATE_MASK"), nudFlags),
	flags(u8a(ndaNdmFlagsMask, "NDA_NDM_FLAGS_MASK"), ntfFlags),
)
