package route

// Traffic control actions: each entry of TCA_ROOT_TAB (action messages) or of a
// filter's TCA_*_ACT is a nest of TCA_ACT_* attributes (include/uapi/linux/pkt_cls.h)
// whose TCA_ACT_OPTIONS is chosen by TCA_ACT_KIND. Most action parameters start with
// tc_gen (include/uapi/linux/pkt_cls.h):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                            index                              |
//	+---------------+---------------+---------------+---------------+
//	|                            capab                              |
//	+---------------+---------------+---------------+---------------+
//	|                        action (TC_ACT_*)                      |
//	+---------------+---------------+---------------+---------------+
//	|                           refcnt                              |
//	+---------------+---------------+---------------+---------------+
//	|                           bindcnt                             |
//	+---------------+---------------+---------------+---------------+

import (
	"github.com/nldump/nldump/decode"
)

// tcActEnum names TC_ACT_* verdicts.
var tcActEnum = decode.NewEnum("tc_act", "TC_ACT_", map[uint64]string{
	0xffffffffffffffff: "TC_ACT_UNSPEC", 0: "TC_ACT_OK", 1: "TC_ACT_RECLASSIFY", 2: "TC_ACT_SHOT",
	3: "TC_ACT_PIPE", 4: "TC_ACT_STOLEN", 5: "TC_ACT_QUEUED", 6: "TC_ACT_REPEAT", 7: "TC_ACT_REDIRECT",
	8: "TC_ACT_TRAP", 0x10000000: "TC_ACT_JUMP", 0x20000000: "TC_ACT_GOTO_CHAIN",
})

func tcGen(more ...decode.Member) []decode.Member {
	return append([]decode.Member{u32m("index"), u32m("capab"),
		{CName: "action", Kind: decode.KindS32, Enum: tcActEnum}, s32m("refcnt"), s32m("bindcnt")}, more...)
}

// tcfT is struct tcf_t: times in jiffies-derived USER_HZ ticks.
var tcfT = newStruct("tcf_t", "tca.act.tm",
	decode.Member{CName: "install", Kind: decode.KindU64, Unit: "cs"}, decode.Member{CName: "lastuse", Kind: decode.KindU64, Unit: "cs"},
	decode.Member{CName: "expires", Kind: decode.KindU64, Unit: "cs"}, decode.Member{CName: "firstuse", Kind: decode.KindU64, Unit: "cs"})

var gactAttrs = decode.NewAttrSet("TCA_GACT", "tca.gact",
	structa(1, "TCA_GACT_TM", tcfT),
	structa(2, "TCA_GACT_PARMS", newStruct("tc_gact", "tca.gact.parms", tcGen()...)),
	structa(3, "TCA_GACT_PROB", newStruct("tc_gact_p", "tca.gact.prob",
		u16m("ptype"), u16m("pval"), decode.Member{CName: "paction", Kind: decode.KindS32, Enum: tcActEnum})),
	pada(4, "TCA_GACT_PAD"),
)

var mirredEactionEnum = decode.NewEnum("mirred_eaction", "TCA_", map[uint64]string{
	1: "TCA_EGRESS_REDIR", 2: "TCA_EGRESS_MIRROR", 3: "TCA_INGRESS_REDIR", 4: "TCA_INGRESS_MIRROR",
})

var mirredAttrs = decode.NewAttrSet("TCA_MIRRED", "tca.mirred",
	structa(1, "TCA_MIRRED_TM", tcfT),
	structa(2, "TCA_MIRRED_PARMS", newStruct("tc_mirred", "tca.mirred.parms",
		tcGen(decode.Member{CName: "eaction", Kind: decode.KindS32, Enum: mirredEactionEnum}, u32m("ifindex"))...)),
	pada(3, "TCA_MIRRED_PAD"),
	u32a(4, "TCA_MIRRED_BLOCKID"),
)

// tcRatespec is struct tc_ratespec.
var tcRatespecMembers = func(p string) []decode.Member {
	return []decode.Member{u8m(p + "cell_log"), u8m(p + "linklayer"), decode.Member{CName: p + "overhead", Kind: decode.KindU16},
		s16m(p + "cell_align"), u16m(p + "mpu"), decode.Member{CName: p + "rate", Kind: decode.KindU32, Unit: "bytes/s"}}
}

var tcPolice = newStruct("tc_police", "tca.police.tbf", append(append(append([]decode.Member{
	u32m("index"), {CName: "action", Kind: decode.KindS32, Enum: tcActEnum},
	{CName: "limit", Kind: decode.KindU32, Unit: "bytes"}, u32m("burst"), {CName: "mtu", Kind: decode.KindU32, Unit: "bytes"}},
	tcRatespecMembers("rate_")...), tcRatespecMembers("peakrate_")...), s32m("refcnt"), s32m("bindcnt"), u32m("capab"))...)

var policeAttrs = decode.NewAttrSet("TCA_POLICE", "tca.police",
	structa(1, "TCA_POLICE_TBF", tcPolice),
	bina(2, "TCA_POLICE_RATE"),
	bina(3, "TCA_POLICE_PEAKRATE"),
	unit(u32a(4, "TCA_POLICE_AVRATE"), "bytes/s"),
	enum(decode.Attr{Type: 5, CName: "TCA_POLICE_RESULT", Kind: decode.KindS32}, tcActEnum),
	structa(6, "TCA_POLICE_TM", tcfT),
	pada(7, "TCA_POLICE_PAD"),
	unit(u64a(8, "TCA_POLICE_RATE64"), "bytes/s"),
	unit(u64a(9, "TCA_POLICE_PEAKRATE64"), "bytes/s"),
	unit(u64a(10, "TCA_POLICE_PKTRATE64"), "packets/s"),
	u64a(11, "TCA_POLICE_PKTBURST64"),
)

var skbeditAttrs = decode.NewAttrSet("TCA_SKBEDIT", "tca.skbedit",
	structa(1, "TCA_SKBEDIT_TM", tcfT),
	structa(2, "TCA_SKBEDIT_PARMS", newStruct("tc_skbedit", "tca.skbedit.parms", tcGen()...)),
	hex(u32a(3, "TCA_SKBEDIT_PRIORITY")),
	u16a(4, "TCA_SKBEDIT_QUEUE_MAPPING"),
	hex(u32a(5, "TCA_SKBEDIT_MARK")),
	pada(6, "TCA_SKBEDIT_PAD"),
	u16a(7, "TCA_SKBEDIT_PTYPE"),
	hex(u32a(8, "TCA_SKBEDIT_MASK")),
	hex(u64a(9, "TCA_SKBEDIT_FLAGS")),
	u16a(10, "TCA_SKBEDIT_QUEUE_MAPPING_MAX"),
)

var vlanActEnum = decode.NewEnum("tca_vlan_action", "TCA_VLAN_ACT_", map[uint64]string{
	1: "TCA_VLAN_ACT_POP", 2: "TCA_VLAN_ACT_PUSH", 3: "TCA_VLAN_ACT_MODIFY", 4: "TCA_VLAN_ACT_POP_ETH",
	5: "TCA_VLAN_ACT_PUSH_ETH",
})

var vlanActAttrs = decode.NewAttrSet("TCA_VLAN", "tca.vlan",
	structa(1, "TCA_VLAN_TM", tcfT),
	structa(2, "TCA_VLAN_PARMS", newStruct("tc_vlan", "tca.vlan.parms",
		tcGen(decode.Member{CName: "v_action", Kind: decode.KindS32, Enum: vlanActEnum})...)),
	u16a(3, "TCA_VLAN_PUSH_VLAN_ID"),
	enum(be16a(4, "TCA_VLAN_PUSH_VLAN_PROTOCOL"), ethTypeEnum),
	pada(5, "TCA_VLAN_PAD"),
	u8a(6, "TCA_VLAN_PUSH_VLAN_PRIORITY"),
	maca(7, "TCA_VLAN_PUSH_ETH_DST"),
	maca(8, "TCA_VLAN_PUSH_ETH_SRC"),
)

// tcPeditSel is struct tc_pedit_sel without its keys; pedit keys follow
// (struct tc_pedit_key, 24 bytes each).
var tcPeditSel = newStruct("tc_pedit_sel", "tca.pedit.parms", tcGen(u8m("nkeys"), u8m("flags"), padm(2))...)
var tcPeditKey = newStruct("tc_pedit_key", "tca.pedit.key",
	decode.Member{CName: "mask", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Member{CName: "val", Kind: decode.KindU32, Display: decode.DisplayHex},
	s32m("off"), u32m("at"), decode.Member{CName: "offmask", Kind: decode.KindU32, Display: decode.DisplayHex}, u32m("shift"))

var defPeditKey = decode.FieldDef{Name: "tca.pedit.key", Label: "struct tc_pedit_key", CName: "tc_pedit_key", Kind: decode.KindStruct}

// peditParms decodes tc_pedit_sel followed by its keys.
func peditParms(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	mem, _ := c.StructMembers(tcPeditSel, vs, min(ve, vs+tcPeditSel.Size))
	n := 0
	if ve > vs+tcPeditSel.Size {
		n = (ve - vs - tcPeditSel.Size) / tcPeditKey.Size
	}
	kids := c.Alloc(len(mem) + n)
	copy(kids, mem)
	for i := 0; i < n; i++ {
		o := vs + tcPeditSel.Size + i*tcPeditKey.Size
		k := &kids[len(mem)+i]
		c.SetBytes(k, &defPeditKey, o, o+tcPeditKey.Size)
		k.Children, _ = c.StructMembers(tcPeditKey, o, o+tcPeditKey.Size)
	}
	f.Children = kids
}

var peditKeyExAttrs = decode.NewAttrSet("TCA_PEDIT_KEY_EX", "tca.pedit.key_ex",
	enum(u16a(1, "TCA_PEDIT_KEY_EX_HTYPE"), decode.NewEnum("pedit_htype", "TCA_PEDIT_KEY_EX_HDR_TYPE_", map[uint64]string{
		0: "TCA_PEDIT_KEY_EX_HDR_TYPE_NETWORK", 1: "TCA_PEDIT_KEY_EX_HDR_TYPE_ETH", 2: "TCA_PEDIT_KEY_EX_HDR_TYPE_IP4",
		3: "TCA_PEDIT_KEY_EX_HDR_TYPE_IP6", 4: "TCA_PEDIT_KEY_EX_HDR_TYPE_TCP", 5: "TCA_PEDIT_KEY_EX_HDR_TYPE_UDP"})),
	enum(u16a(2, "TCA_PEDIT_KEY_EX_CMD"), decode.NewEnum("pedit_cmd", "TCA_PEDIT_KEY_EX_CMD_", map[uint64]string{
		0: "TCA_PEDIT_KEY_EX_CMD_SET", 1: "TCA_PEDIT_KEY_EX_CMD_ADD"})),
)

var peditAttrs = decode.NewAttrSet("TCA_PEDIT", "tca.pedit",
	structa(1, "TCA_PEDIT_TM", tcfT),
	decode.Attr{Type: 2, CName: "TCA_PEDIT_PARMS", Kind: decode.KindStruct, Custom: peditParms},
	pada(3, "TCA_PEDIT_PAD"),
	decode.Attr{Type: 4, CName: "TCA_PEDIT_PARMS_EX", Kind: decode.KindStruct, Custom: peditParms},
	nesta(5, "TCA_PEDIT_KEYS_EX", decode.NewAttrSet("TCA_PEDIT", "tca.pedit.keys_ex",
		nesta(6, "TCA_PEDIT_KEY_EX", peditKeyExAttrs))),
)

// actOptions maps TCA_ACT_KIND to the layout of TCA_ACT_OPTIONS.
var actOptions = map[string]*decode.Attr{
	"gact":    {Nested: gactAttrs},
	"mirred":  {Nested: mirredAttrs},
	"police":  {Nested: policeAttrs},
	"skbedit": {Nested: skbeditAttrs},
	"vlan":    {Nested: vlanActAttrs},
	"pedit":   {Nested: peditAttrs},
}

// actFlags names TCA_ACT_FLAGS bits (the value member of its nla_bitfield32).
var actFlags = decode.NewFlagSet("tca_act_flags", "TCA_ACT_FLAGS_", map[uint64]string{
	1: "TCA_ACT_FLAGS_NO_PERCPU_STATS", 2: "TCA_ACT_FLAGS_SKIP_HW", 4: "TCA_ACT_FLAGS_SKIP_SW",
})

var actFlagsBitfield = newStruct("nla_bitfield32", "tca.act.flags",
	decode.Member{CName: "value", Kind: decode.KindU32, Flags: actFlags},
	decode.Member{CName: "selector", Kind: decode.KindU32, Flags: actFlags})

// actAttrs is the TCA_ACT_* nest of one action.
var actAttrs = decode.NewAttrSet("TCA_ACT", "tca.act",
	stra(1, "TCA_ACT_KIND"),
	decode.Attr{Type: 2, CName: "TCA_ACT_OPTIONS",
		Sub: &decode.SubMessage{Selector: 1, Variants: actOptions, Default: &decode.Attr{Kind: decode.KindBinary}}},
	u32a(3, "TCA_ACT_INDEX"),
	nesta(4, "TCA_ACT_STATS", stats2Attrs),
	pada(5, "TCA_ACT_PAD"),
	bina(6, "TCA_ACT_COOKIE"),
	structa(7, "TCA_ACT_FLAGS", actFlagsBitfield),
	structa(8, "TCA_ACT_HW_STATS", bitfield32),
	structa(9, "TCA_ACT_USED_HW_STATS", bitfield32),
	u32a(10, "TCA_ACT_IN_HW_COUNT"),
)
