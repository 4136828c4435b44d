package route

// Nexthop objects (RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP and the
// RTM_*NEXTHOPBUCKET resilient-group buckets): struct nhmsg
// (include/uapi/linux/nexthop.h) and NHA_* attributes. NHA_GROUP is an array of
// struct nexthop_grp (8 bytes: id u32, weight u8, weight_high u8, resvd2 u16):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|   nh_family   |   nh_scope    |  nh_protocol  |     resvd     |
//	+---------------+---------------+---------------+---------------+
//	|                           nh_flags                            |
//	+---------------+---------------+---------------+---------------+
//	|  NHA_* attributes ...                                         |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// nhmsg is struct nhmsg.
var nhmsg = newStruct("nhmsg", "nh",
	decode.Member{CName: "nh_family", Kind: decode.KindU8, Enum: afEnum},
	decode.Member{CName: "nh_scope", Kind: decode.KindU8, Enum: scopeEnum},
	decode.Member{CName: "nh_protocol", Kind: decode.KindU8, Enum: protoEnum},
	padm(1),
	decode.Member{CName: "nh_flags", Kind: decode.KindU32, Flags: rtnhFlags},
)

// nexthopGrp is struct nexthop_grp.
var nexthopGrp = newStruct("nexthop_grp", "nha.group",
	u32m("id"), decode.Member{CName: "weight", Kind: decode.KindU8, Desc: "Weight minus one."},
	u8m("weight_high"), padm(2))

var defGroupEntry = decode.FieldDef{Name: "nha.group.entry", Label: "struct nexthop_grp", CName: "nexthop_grp", Kind: decode.KindStruct}

// nhGroup decodes NHA_GROUP, an array of struct nexthop_grp.
func nhGroup(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	n := len(f.Bytes) / nexthopGrp.Size
	kids := c.Alloc(n)
	for i := 0; i < n; i++ {
		o := vs + i*nexthopGrp.Size
		c.SetBytes(&kids[i], &defGroupEntry, o, o+nexthopGrp.Size)
		kids[i].Children, _ = c.StructMembers(nexthopGrp, o, o+nexthopGrp.Size)
	}
	f.Children = kids
	if len(f.Bytes)%nexthopGrp.Size != 0 {
		c.Note(f, "NHA_GROUP length %d is not a multiple of %d", len(f.Bytes), nexthopGrp.Size)
	}
}

var nhGroupTypeEnum = decode.NewEnum("nh_group_type", "NEXTHOP_GRP_TYPE_", map[uint64]string{
	nhGrpTypeMpath: "NEXTHOP_GRP_TYPE_MPATH", nhGrpTypeRes: "NEXTHOP_GRP_TYPE_RES",
})

var nhResGroupAttrs = decode.NewAttrSet("NHA_RES_GROUP", "nha.res_group",
	pada(0, "NHA_RES_GROUP_PAD"),
	u16a(nhaResGroupBuckets, "NHA_RES_GROUP_BUCKETS"),
	unit(u32a(nhaResGroupIdle, "NHA_RES_GROUP_IDLE_TIMER"), "cs"),
	unit(u32a(nhaResGroupUnbalTmr, "NHA_RES_GROUP_UNBALANCED_TIMER"), "cs"),
	unit(u64a(nhaResGroupUnbalTm, "NHA_RES_GROUP_UNBALANCED_TIME"), "cs"),
)

var nhResBucketAttrs = decode.NewAttrSet("NHA_RES_BUCKET", "nha.res_bucket",
	pada(0, "NHA_RES_BUCKET_PAD"),
	u16a(nhaResBucketIndex, "NHA_RES_BUCKET_INDEX"),
	unit(u64a(nhaResBucketIdle, "NHA_RES_BUCKET_IDLE_TIME"), "cs"),
	u32a(nhaResBucketNHID, "NHA_RES_BUCKET_NH_ID"),
)

// nexthopAttrs is the NHA_* set.
var nexthopAttrs = decode.NewAttrSet("NHA", "nha",
	u32a(unix.NHA_ID, "NHA_ID"),
	decode.Attr{Type: unix.NHA_GROUP, CName: "NHA_GROUP", Kind: decode.KindStruct, Custom: nhGroup},
	enum(u16a(unix.NHA_GROUP_TYPE, "NHA_GROUP_TYPE"), nhGroupTypeEnum),
	flaga(unix.NHA_BLACKHOLE, "NHA_BLACKHOLE"),
	u32a(unix.NHA_OIF, "NHA_OIF"),
	addra(unix.NHA_GATEWAY, "NHA_GATEWAY"),
	enum(u16a(unix.NHA_ENCAP_TYPE, "NHA_ENCAP_TYPE"), encapEnum),
	decode.Attr{Type: unix.NHA_ENCAP, CName: "NHA_ENCAP",
		Sub: &decode.SubMessage{Selector: unix.NHA_ENCAP_TYPE, Variants: encapVariants(), Default: &decode.Attr{Kind: decode.KindBinary}}},
	flaga(unix.NHA_GROUPS, "NHA_GROUPS"),
	u32a(unix.NHA_MASTER, "NHA_MASTER"),
	flaga(nhaFDB, "NHA_FDB"),
	nesta(nhaResGroup, "NHA_RES_GROUP", nhResGroupAttrs),
	nesta(nhaResBucket, "NHA_RES_BUCKET", nhResBucketAttrs),
	hex(u32a(nhaOpFlags, "NHA_OP_FLAGS")),
	bina(nhaGroupStats, "NHA_GROUP_STATS"),
	u32a(nhaHwStatsEnable, "NHA_HW_STATS_ENABLE"),
	u32a(nhaHwStatsUsed, "NHA_HW_STATS_USED"),
)
