package route

// Bridge multicast database (RTM_NEWMDB, RTM_DELMDB, RTM_GETMDB): struct
// br_port_msg (include/uapi/linux/if_bridge.h) and MDBA_* attributes. Kernel
// messages nest MDBA_MDB > MDBA_MDB_ENTRY > MDBA_MDB_ENTRY_INFO (struct br_mdb_entry
// followed by MDBA_MDB_EATTR_* attributes) and MDBA_ROUTER > MDBA_ROUTER_PORT;
// requests carry MDBA_SET_ENTRY (struct br_mdb_entry) and MDBA_SET_ENTRY_ATTRS, whose
// type numbers collide with MDBA_MDB and MDBA_ROUTER, so the direction decides.
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|    family     |                 padding                       |
//	+---------------+---------------+---------------+---------------+
//	|                           ifindex                             |
//	+---------------+---------------+---------------+---------------+
//	|  MDBA_* attributes ...                                        |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// brPortMsg is struct br_port_msg.
var brPortMsg = newStruct("br_port_msg", "br_port",
	decode.Member{CName: "family", Kind: decode.KindU8, Enum: afEnum}, padm(3), u32m("ifindex"))

var mdbStateEnum = decode.NewEnum("mdb_state", "MDB_", map[uint64]string{0: "MDB_TEMPORARY", 1: "MDB_PERMANENT"})

var mdbFlags = decode.NewFlagSet("mdb_flags", "MDB_FLAGS_", map[uint64]string{
	1: "MDB_FLAGS_OFFLOAD", 2: "MDB_FLAGS_FAST_LEAVE", 4: "MDB_FLAGS_STAR_EXCL", 8: "MDB_FLAGS_BLOCKED",
	16: "MDB_FLAGS_OFFLOAD_FAILED",
})

// brMdbEntry is struct br_mdb_entry; addr is a union (IPv4, IPv6 or MAC) whose
// meaning follows proto.
var brMdbEntry = newStruct("br_mdb_entry", "mdb.entry",
	u32m("ifindex"),
	decode.Member{CName: "state", Kind: decode.KindU8, Enum: mdbStateEnum},
	decode.Member{CName: "flags", Kind: decode.KindU8, Flags: mdbFlags},
	u16m("vid"),
	decode.Member{CName: "addr", Kind: decode.KindBinary, Size: 16},
	decode.Member{CName: "proto", Kind: decode.KindU16, BigEndian: true, Enum: ethTypeEnum},
	padm(2))

var mdbSrcAttrs = decode.NewAttrSet("MDBA_MDB_SRCATTR", "mdba.src",
	addra(1, "MDBA_MDB_SRCATTR_ADDRESS"),
	unit(u32a(2, "MDBA_MDB_SRCATTR_TIMER"), "cs"),
)

var mdbSrcListAttrs = decode.NewAttrSet("MDBA_MDB_SRCLIST", "mdba.srclist",
	nesta(1, "MDBA_MDB_SRCLIST_ENTRY", mdbSrcAttrs))

var mdbEattrAttrs = decode.NewAttrSet("MDBA_MDB_EATTR", "mdba.eattr",
	unit(u32a(1, "MDBA_MDB_EATTR_TIMER"), "cs"),
	nesta(2, "MDBA_MDB_EATTR_SRC_LIST", mdbSrcListAttrs),
	enum(u8a(3, "MDBA_MDB_EATTR_GROUP_MODE"), decode.NewEnum("group_mode", "MCAST_", map[uint64]string{0: "MCAST_EXCLUDE", 1: "MCAST_INCLUDE"})),
	addra(4, "MDBA_MDB_EATTR_SOURCE"),
	enum(u8a(5, "MDBA_MDB_EATTR_RTPROT"), protoEnum),
	addra(6, "MDBA_MDB_EATTR_DST"),
	be16a(7, "MDBA_MDB_EATTR_DST_PORT"),
	u32a(8, "MDBA_MDB_EATTR_VNI"),
	u32a(9, "MDBA_MDB_EATTR_IFINDEX"),
	u32a(10, "MDBA_MDB_EATTR_SRC_VNI"),
)

// mdbEntryInfo decodes MDBA_MDB_ENTRY_INFO: struct br_mdb_entry then attributes.
func mdbEntryInfo(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	h := c.Struct(brMdbEntry, vs, ve)
	var attrs []decode.Field
	if ao := vs + brMdbEntry.Size; ao < ve {
		attrs = c.Attrs(mdbEattrAttrs, ao, ve)
	}
	kids := c.Alloc(1 + len(attrs))
	kids[0] = h
	copy(kids[1:], attrs)
	f.Children = kids
}

var mdbEntryAttrs = decode.NewAttrSet("MDBA_MDB_ENTRY", "mdba.entry",
	decode.Attr{Type: mdbaMDBEntryInfo, CName: "MDBA_MDB_ENTRY_INFO", Kind: decode.KindStruct, Custom: mdbEntryInfo})

var mdbMDBAttrs = decode.NewAttrSet("MDBA_MDB", "mdba.mdb",
	nesta(mdbaMDBEntry, "MDBA_MDB_ENTRY", mdbEntryAttrs))

var mdbRouterPattr = decode.NewAttrSet("MDBA_ROUTER_PATTR", "mdba.router.pattr",
	unit(u32a(1, "MDBA_ROUTER_PATTR_TIMER"), "cs"),
	u8a(2, "MDBA_ROUTER_PATTR_TYPE"),
	unit(u32a(3, "MDBA_ROUTER_PATTR_INET_TIMER"), "cs"),
	unit(u32a(4, "MDBA_ROUTER_PATTR_INET6_TIMER"), "cs"),
	u16a(5, "MDBA_ROUTER_PATTR_VID"),
)

var defRouterPort = decode.FieldDef{Name: "mdba.router.port.ifindex", Label: "ifindex", Kind: decode.KindU32}

// routerPort decodes MDBA_ROUTER_PORT: a u32 ifindex, then (newer kernels)
// MDBA_ROUTER_PATTR_* attributes.
func routerPort(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	if ve-vs < 4 {
		c.Note(f, "MDBA_ROUTER_PORT at offset %d is too short for an ifindex", f.Offset)
		return
	}
	var attrs []decode.Field
	if vs+4 < ve {
		attrs = c.Attrs(mdbRouterPattr, vs+4, ve)
	}
	kids := c.Alloc(1 + len(attrs))
	c.SetUint(&kids[0], &defRouterPort, vs, 4, false)
	copy(kids[1:], attrs)
	f.Children = kids
}

var mdbRouterAttrs = decode.NewAttrSet("MDBA_ROUTER", "mdba.router",
	decode.Attr{Type: mdbaRouterPort, CName: "MDBA_ROUTER_PORT", Kind: decode.KindStruct, Custom: routerPort})

// mdbAttrs is the MDBA_* set of kernel messages.
var mdbAttrs = decode.NewAttrSet("MDBA", "mdba",
	nesta(mdbaMDB, "MDBA_MDB", mdbMDBAttrs),
	nesta(mdbaRouter, "MDBA_ROUTER", mdbRouterAttrs),
)

var mdbSetEntryAttrs = decode.NewAttrSet("MDBE_ATTR", "mdba.set_entry_attrs",
	addra(1, "MDBE_ATTR_SOURCE"),
	nesta(2, "MDBE_ATTR_SRC_LIST", mdbSrcListAttrs),
	enum(u8a(3, "MDBE_ATTR_GROUP_MODE"), decode.NewEnum("group_mode", "MCAST_", map[uint64]string{0: "MCAST_EXCLUDE", 1: "MCAST_INCLUDE"})),
	enum(u8a(4, "MDBE_ATTR_RTPROT"), protoEnum),
	addra(5, "MDBE_ATTR_DST"),
	be16a(6, "MDBE_ATTR_DST_PORT"),
	u32a(7, "MDBE_ATTR_VNI"),
	u32a(8, "MDBE_ATTR_IFINDEX"),
	u32a(9, "MDBE_ATTR_SRC_VNI"),
	u8a(10, "MDBE_ATTR_STATE_MASK"),
)

// mdbReqAttrs is the MDBA_SET_* set of requests.
var mdbReqAttrs = decode.NewAttrSet("MDBA_SET", "mdba.set",
	structa(mdbaSetEntry, "MDBA_SET_ENTRY", brMdbEntry),
	nesta(mdbaSetEntryAttrs, "MDBA_SET_ENTRY_ATTRS", mdbSetEntryAttrs),
)

// decodeMDB picks the request or kernel attribute set.
func decodeMDB(c *decode.Context, md *msgDef, off, end int) []decode.Field {
	set := mdbAttrs
	if c.Header.Flags&unix.NLM_F_REQUEST != 0 && c.Header.Type != unix.RTM_GETMDB {
		set = mdbReqAttrs
	}
	return headerAndAttrs(c, md, brPortMsg, set, off, end)
}
