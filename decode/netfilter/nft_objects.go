package netfilter

// nftables objects (include/uapi/linux/netfilter/nf_tables.h): the attribute sets of
// the NFT_MSG_* messages after struct nfgenmsg (whose nfgen_family is the table's
// family and, in replies and notifications, res_id the generation's low 16 bits):
//
//	NEW/GET/DEL/DESTROY TABLE     NFTA_TABLE_*     name, flags, use, handle, owner
//	NEW/GET/DEL/DESTROY CHAIN     NFTA_CHAIN_*     table, name, handle, hook {
//	                                               hooknum, priority, dev(s) },
//	                                               policy, type, counters, flags
//	NEW/GET/DEL/DESTROY RULE      NFTA_RULE_*      table, chain, handle, position,
//	                                               expressions (nft_expr.go)
//	NEW/GET/DEL/DESTROY SET       NFTA_SET_*       table, name, flags, key/data
//	                                               type and length, policy, desc
//	NEW/GET/DEL/DESTROY SETELEM   NFTA_SET_ELEM_LIST_* table, set, elements {
//	                                               key, key_end, data, flags, ... }
//	NEW/GET GEN                   NFTA_GEN_*       id, proc pid and name
//	NEW/GET/DEL/DESTROY OBJ       NFTA_OBJ_*       table, name, type, data by type
//	NEW/GET/DEL/DESTROY FLOWTABLE NFTA_FLOWTABLE_* table, name, hook, flags
//	TRACE                         NFTA_TRACE_*     one packet's path, nft monitor trace
//
// Every integer is big-endian (nla_put_be32/be64).

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// Hook numbers by family: NF_INET_* (ip, ip6, inet, bridge uses NF_BR_*), NF_ARP_*,
// NF_NETDEV_*.
var (
	inetHookEnum   = enumOf("nf_inet_hooks", "NF_INET_", "NF_INET_NUMHOOKS")
	arpHookEnum    = enumOf("nf_arp_hooks", "NF_ARP_", "NF_ARP_NUMHOOKS")
	bridgeHookEnum = enumOf("nf_br_hooks", "NF_BR_", "NF_BR_NUMHOOKS", "NF_BR_PRI_")
	netdevHookEnum = enumOf("nf_dev_hooks", "NF_NETDEV_", "NF_NETDEV_NUMHOOKS")
)

// hookArp, hookBridge and hookNetdev are NFTA_HOOK_HOOKNUM described with each
// family's enum; hooknum picks one by the message's nfgen_family. They are built
// in init, after hookAttrs, so that the NF_INET_* description is the one filters
// find first under nft.hook.hooknum.
var hookArp, hookBridge, hookNetdev *decode.Attr

func init() {
	variant := func(e *decode.Enum) *decode.Attr {
		return decode.NewAttrSet("NFTA_HOOK", "nft.hook", withEnum(be32("NFTA_HOOK_HOOKNUM"), e)).Lookup(uint16(num("NFTA_HOOK_HOOKNUM")))
	}
	hookArp, hookBridge, hookNetdev = variant(arpHookEnum), variant(bridgeHookEnum), variant(netdevHookEnum)
}

// hooknum reads the hook number by family: the default definition names NF_INET_*.
func hooknum(c *decode.Context, f *decode.Field) {
	switch c.Family {
	case unix.NFPROTO_ARP:
		f.Def = hookArp.Def()
	case unix.NFPROTO_BRIDGE:
		f.Def = hookBridge.Def()
	case unix.NFPROTO_NETDEV:
		f.Def = hookNetdev.Def()
	}
}

// devAttrs is the NFTA_DEVICE_* list of NFTA_HOOK_DEVS and NFTA_FLOWTABLE_HOOK_DEVS.
var devAttrs = decode.NewAttrSet("NFTA_DEVICE", "nft.device", str("NFTA_DEVICE_NAME"))

// hookAttrs is the NFTA_HOOK_* set of a base chain.
var hookAttrs = decode.NewAttrSet("NFTA_HOOK", "nft.hook",
	func() decode.Attr {
		a := withEnum(be32("NFTA_HOOK_HOOKNUM"), inetHookEnum)
		a.Custom, a.Produces = hooknum, []*decode.FieldDef{} // only swaps the field's own definition
		return a
	}(),
	withDesc(be("NFTA_HOOK_PRIORITY", decode.KindS32), "Hook priority (lower runs first; filter is 0)."),
	str("NFTA_HOOK_DEV"),
	nest("NFTA_HOOK_DEVS", devAttrs),
)

var tableFlags = flagsOf("nft_table_flags", "NFT_TABLE_F_", "NFT_TABLE_F_DORMANT", "NFT_TABLE_F_OWNER", "NFT_TABLE_F_PERSIST")

// tableAttrs is the NFTA_TABLE_* set.
var tableAttrs = decode.NewAttrSet("NFTA_TABLE", "nft.table",
	str("NFTA_TABLE_NAME"),
	withFlags(be32("NFTA_TABLE_FLAGS"), tableFlags),
	withDesc(be32("NFTA_TABLE_USE"), "Number of chains, sets, objects and flowtables in the table."),
	be64("NFTA_TABLE_HANDLE"),
	pad("NFTA_TABLE_PAD"),
	withUdata(bin("NFTA_TABLE_USERDATA"), udataComment),
	withDesc(be32("NFTA_TABLE_OWNER"), "Netlink port id of the process owning the table."),
)

var chainFlags = flagsOf("nft_chain_flags", "NFT_CHAIN_", "NFT_CHAIN_BASE", "NFT_CHAIN_HW_OFFLOAD", "NFT_CHAIN_BINDING")

// counterAttrs is also NFTA_CHAIN_COUNTERS' set.
var chainAttrs = decode.NewAttrSet("NFTA_CHAIN", "nft.chain",
	str("NFTA_CHAIN_TABLE"),
	be64("NFTA_CHAIN_HANDLE"),
	str("NFTA_CHAIN_NAME"),
	nest("NFTA_CHAIN_HOOK", hookAttrs),
	withEnum(be32("NFTA_CHAIN_POLICY"), verdictEnum),
	withDesc(be32("NFTA_CHAIN_USE"), "Number of rules and jumps referring to the chain."),
	withDesc(str("NFTA_CHAIN_TYPE"), "Chain type: filter, route or nat."),
	nest("NFTA_CHAIN_COUNTERS", counterAttrs),
	pad("NFTA_CHAIN_PAD"),
	withFlags(be32("NFTA_CHAIN_FLAGS"), chainFlags),
	be32("NFTA_CHAIN_ID"),
	withUdata(bin("NFTA_CHAIN_USERDATA"), udataComment),
)

var ruleCompatFlags = flagsOf("nft_rule_compat_flags", "NFT_RULE_COMPAT_F_", "NFT_RULE_COMPAT_F_INV")

// ruleCompatAttrs is the NFTA_RULE_COMPAT_* set (rules made by iptables-nft).
var ruleCompatAttrs = decode.NewAttrSet("NFTA_RULE_COMPAT", "nft.rule.compat",
	be32("NFTA_RULE_COMPAT_PROTO"),
	withFlags(be32("NFTA_RULE_COMPAT_FLAGS"), ruleCompatFlags),
)

// ruleAttrs is the NFTA_RULE_* set.
var ruleAttrs = decode.NewAttrSet("NFTA_RULE", "nft.rule",
	str("NFTA_RULE_TABLE"),
	str("NFTA_RULE_CHAIN"),
	be64("NFTA_RULE_HANDLE"),
	nest("NFTA_RULE_EXPRESSIONS", exprListAttrs),
	nest("NFTA_RULE_COMPAT", ruleCompatAttrs),
	withDesc(be64("NFTA_RULE_POSITION"), "Handle of the rule to insert before or append after."),
	withUdata(withDesc(bin("NFTA_RULE_USERDATA"), "Opaque to the kernel: nft keeps comments here (TLVs)."), udataComment),
	pad("NFTA_RULE_PAD"),
	withDesc(be32("NFTA_RULE_ID"), "Transaction id of the rule within its batch."),
	be32("NFTA_RULE_POSITION_ID"),
	be32("NFTA_RULE_CHAIN_ID"),
)

var (
	setFlags = flagsOf("nft_set_flags", "NFT_SET_", "NFT_SET_ANONYMOUS", "NFT_SET_CONSTANT", "NFT_SET_INTERVAL",
		"NFT_SET_MAP", "NFT_SET_TIMEOUT", "NFT_SET_EVAL", "NFT_SET_OBJECT", "NFT_SET_CONCAT", "NFT_SET_EXPR")
	setPolicyEnum = enumOf("nft_set_policies", "NFT_SET_POL_")
	// dataTypeEnum names the special NFTA_SET_DATA_TYPE values; others are nft's own
	// datatype ids (userspace, not uapi), shown as numbers.
	dataTypeEnum = decode.NewEnum("nft_data_types", "NFT_DATA_", map[uint64]string{
		uint64(num("NFT_DATA_VALUE")): "NFT_DATA_VALUE", uint64(num("NFT_DATA_VERDICT")): "NFT_DATA_VERDICT",
	})
)

// setFieldAttrs is NFTA_SET_FIELD_*, one field of a concatenation.
var setFieldAttrs = decode.NewAttrSet("NFTA_SET_FIELD", "nft.set.field", withUnit(be32("NFTA_SET_FIELD_LEN"), "bytes"))

// setFieldList is the NFTA_LIST_ELEM list of NFTA_SET_DESC_CONCAT.
var setFieldList = decode.NewAttrSet("NFTA_LIST", "nft.set.concat", nest("NFTA_LIST_ELEM", setFieldAttrs))

// setDescAttrs is the NFTA_SET_DESC_* set.
var setDescAttrs = decode.NewAttrSet("NFTA_SET_DESC", "nft.set.desc",
	withDesc(be32("NFTA_SET_DESC_SIZE"), "Number of elements the set is sized for."),
	nest("NFTA_SET_DESC_CONCAT", setFieldList),
)

// setAttrs is the NFTA_SET_* set.
var setAttrs = decode.NewAttrSet("NFTA_SET", "nft.set",
	str("NFTA_SET_TABLE"),
	str("NFTA_SET_NAME"),
	withFlags(be32("NFTA_SET_FLAGS"), setFlags),
	withDesc(be32("NFTA_SET_KEY_TYPE"), "Key datatype (nft's datatype id; concatenations pack 6 bits per field)."),
	withUnit(be32("NFTA_SET_KEY_LEN"), "bytes"),
	withEnum(be32("NFTA_SET_DATA_TYPE"), dataTypeEnum),
	withUnit(be32("NFTA_SET_DATA_LEN"), "bytes"),
	withEnum(be32("NFTA_SET_POLICY"), setPolicyEnum),
	nest("NFTA_SET_DESC", setDescAttrs),
	withDesc(be32("NFTA_SET_ID"), "Transaction id of the set within its batch (anonymous sets)."),
	withUnit(be64("NFTA_SET_TIMEOUT"), "ms"),
	withUnit(be32("NFTA_SET_GC_INTERVAL"), "ms"),
	withUdata(withDesc(bin("NFTA_SET_USERDATA"), "Opaque to the kernel: nft keeps key byte order and comments here (TLVs)."), udataSetComment),
	pad("NFTA_SET_PAD"),
	withEnum(be32("NFTA_SET_OBJ_TYPE"), objTypeEnum),
	be64("NFTA_SET_HANDLE"),
	nest("NFTA_SET_EXPR", exprAttrs),
	nest("NFTA_SET_EXPRESSIONS", exprListAttrs),
)

var setElemFlags = flagsOf("nft_set_elem_flags", "NFT_SET_ELEM_", "NFT_SET_ELEM_INTERVAL_END", "NFT_SET_ELEM_CATCHALL")

// setElemAttrs is the NFTA_SET_ELEM_* set of one element.
var setElemAttrs = decode.NewAttrSet("NFTA_SET_ELEM", "nft.set.elem",
	nest("NFTA_SET_ELEM_KEY", dataAttrs),
	nest("NFTA_SET_ELEM_DATA", dataAttrs),
	withFlags(be32("NFTA_SET_ELEM_FLAGS"), setElemFlags),
	withUnit(be64("NFTA_SET_ELEM_TIMEOUT"), "ms"),
	withUnit(be64("NFTA_SET_ELEM_EXPIRATION"), "ms"),
	withUdata(bin("NFTA_SET_ELEM_USERDATA"), udataComment),
	nest("NFTA_SET_ELEM_EXPR", exprAttrs),
	pad("NFTA_SET_ELEM_PAD"),
	str("NFTA_SET_ELEM_OBJREF"),
	nest("NFTA_SET_ELEM_KEY_END", dataAttrs),
	nest("NFTA_SET_ELEM_EXPRESSIONS", exprListAttrs),
)

// setElemsAttr is NFTA_SET_ELEM_LIST_ELEMENTS: the kernel ignores the nested
// attributes' types, the kernel puts NFTA_LIST_ELEM (1) and libnftnl numbers the
// elements 1, 2, 3..., so it reads as an indexed array.
var setElemsAttr = func() decode.Attr {
	a := at("NFTA_SET_ELEM_LIST_ELEMENTS", decode.KindNone)
	a.Array = true
	a.Elem = &decode.Attr{Nested: setElemAttrs}
	return a
}()

// setElemListAttrs is the NFTA_SET_ELEM_LIST_* set of NEW/GET/DELSETELEM.
var setElemListAttrs = decode.NewAttrSet("NFTA_SET_ELEM_LIST", "nft.setelem",
	str("NFTA_SET_ELEM_LIST_TABLE"),
	str("NFTA_SET_ELEM_LIST_SET"),
	setElemsAttr,
	be32("NFTA_SET_ELEM_LIST_SET_ID"),
)

// genAttrs is the NFTA_GEN_* set of NFT_MSG_NEWGEN.
var genAttrs = decode.NewAttrSet("NFTA_GEN", "nft.gen",
	withDesc(be32("NFTA_GEN_ID"), "Ruleset generation after the commit."),
	withDesc(be32("NFTA_GEN_PROC_PID"), "Process id of the committer."),
	withDesc(str("NFTA_GEN_PROC_NAME"), "Command name of the committer."),
)

// Object data sets, chosen by NFTA_OBJ_TYPE.
var (
	ctHelperObjAttrs = decode.NewAttrSet("NFTA_CT_HELPER", "nft.obj.ct_helper",
		str("NFTA_CT_HELPER_NAME"),
		withEnum(be16("NFTA_CT_HELPER_L3PROTO"), nfprotoEnum),
		u8("NFTA_CT_HELPER_L4PROTO"),
	)
	ctTimeoutObjAttrs = decode.NewAttrSet("NFTA_CT_TIMEOUT", "nft.obj.ct_timeout",
		withEnum(be16("NFTA_CT_TIMEOUT_L3PROTO"), nfprotoEnum),
		u8("NFTA_CT_TIMEOUT_L4PROTO"),
		withDesc(bin("NFTA_CT_TIMEOUT_DATA"), "Per-state timeouts of the layer-4 protocol (CTA_TIMEOUT_<proto>_*)."),
	)
	ctExpectObjAttrs = decode.NewAttrSet("NFTA_CT_EXPECT", "nft.obj.ct_expect",
		withEnum(be16("NFTA_CT_EXPECT_L3PROTO"), nfprotoEnum),
		u8("NFTA_CT_EXPECT_L4PROTO"),
		be16("NFTA_CT_EXPECT_DPORT"),
		withUnit(be32("NFTA_CT_EXPECT_TIMEOUT"), "ms"),
		u8("NFTA_CT_EXPECT_SIZE"),
	)
	tunnelObjAttrs = decode.NewAttrSet("NFTA_TUNNEL_KEY", "nft.obj.tunnel",
		be32("NFTA_TUNNEL_KEY_ID"),
		nest("NFTA_TUNNEL_KEY_IP", decode.NewAttrSet("NFTA_TUNNEL_KEY_IP", "nft.obj.tunnel.ip",
			addr("NFTA_TUNNEL_KEY_IP_SRC"), addr("NFTA_TUNNEL_KEY_IP_DST"))),
		nest("NFTA_TUNNEL_KEY_IP6", decode.NewAttrSet("NFTA_TUNNEL_KEY_IP6", "nft.obj.tunnel.ip6",
			addr("NFTA_TUNNEL_KEY_IP6_SRC"), addr("NFTA_TUNNEL_KEY_IP6_DST"), be32("NFTA_TUNNEL_KEY_IP6_FLOWLABEL"))),
		be32("NFTA_TUNNEL_KEY_FLAGS"),
		u8("NFTA_TUNNEL_KEY_TOS"),
		u8("NFTA_TUNNEL_KEY_TTL"),
		be16("NFTA_TUNNEL_KEY_SPORT"),
		be16("NFTA_TUNNEL_KEY_DPORT"),
		bin("NFTA_TUNNEL_KEY_OPTS"),
	)
)

// objDataVariants maps NFTA_OBJ_TYPE (decimal) to the NFTA_OBJ_DATA set.
var objDataVariants = map[int64]*decode.AttrSet{
	unix.NFT_OBJECT_COUNTER:    counterAttrs,
	unix.NFT_OBJECT_QUOTA:      quotaAttrs,
	unix.NFT_OBJECT_CT_HELPER:  ctHelperObjAttrs,
	unix.NFT_OBJECT_LIMIT:      limitAttrs,
	unix.NFT_OBJECT_CONNLIMIT:  connlimitAttrs,
	unix.NFT_OBJECT_TUNNEL:     tunnelObjAttrs,
	unix.NFT_OBJECT_CT_TIMEOUT: ctTimeoutObjAttrs,
	unix.NFT_OBJECT_SECMARK:    secmarkExprAttrs,
	unix.NFT_OBJECT_CT_EXPECT:  ctExpectObjAttrs,
	unix.NFT_OBJECT_SYNPROXY:   synproxyAttrs,
}

// objAttrs is the NFTA_OBJ_* set.
var objAttrs = decode.NewAttrSet("NFTA_OBJ", "nft.obj",
	str("NFTA_OBJ_TABLE"),
	str("NFTA_OBJ_NAME"),
	withEnum(be32("NFTA_OBJ_TYPE"), objTypeEnum),
	func() decode.Attr {
		a := at("NFTA_OBJ_DATA", decode.KindNone)
		a.Sub = &decode.SubMessage{Selector: uint16(num("NFTA_OBJ_TYPE")), Variants: map[string]*decode.Attr{},
			Default: &decode.Attr{Kind: decode.KindBinary, Custom: unknownObj, Produces: []*decode.FieldDef{}}}
		for t, set := range objDataVariants {
			a.Sub.Variants[itoa(t)] = &decode.Attr{Nested: set}
		}
		return a
	}(),
	be32("NFTA_OBJ_USE"),
	be64("NFTA_OBJ_HANDLE"),
	pad("NFTA_OBJ_PAD"),
	withUdata(bin("NFTA_OBJ_USERDATA"), udataComment),
)

func unknownObj(c *decode.Context, f *decode.Field) {
	c.Note(f, "object type unknown to nldump: data at offset %d shown raw", f.Offset)
}

var flowtableFlags = flagsOf("nft_flowtable_flags", "NFT_FLOWTABLE_", "NFT_FLOWTABLE_HW_OFFLOAD", "NFT_FLOWTABLE_COUNTER")

// flowtableHookAttrs is the NFTA_FLOWTABLE_HOOK_* set.
var flowtableHookAttrs = decode.NewAttrSet("NFTA_FLOWTABLE_HOOK", "nft.flowtable.hook",
	withEnum(be32("NFTA_FLOWTABLE_HOOK_NUM"), netdevHookEnum),
	be("NFTA_FLOWTABLE_HOOK_PRIORITY", decode.KindS32),
	nest("NFTA_FLOWTABLE_HOOK_DEVS", devAttrs),
)

// flowtableAttrs is the NFTA_FLOWTABLE_* set.
var flowtableAttrs = decode.NewAttrSet("NFTA_FLOWTABLE", "nft.flowtable",
	str("NFTA_FLOWTABLE_TABLE"),
	str("NFTA_FLOWTABLE_NAME"),
	nest("NFTA_FLOWTABLE_HOOK", flowtableHookAttrs),
	be32("NFTA_FLOWTABLE_USE"),
	be64("NFTA_FLOWTABLE_HANDLE"),
	pad("NFTA_FLOWTABLE_PAD"),
	withFlags(be32("NFTA_FLOWTABLE_FLAGS"), flowtableFlags),
)

var traceTypeEnum = enumOf("nft_trace_types", "NFT_TRACETYPE_")

// traceAttrs is the NFTA_TRACE_* set of NFT_MSG_TRACE.
var traceAttrs = decode.NewAttrSet("NFTA_TRACE", "nft.trace",
	str("NFTA_TRACE_TABLE"),
	str("NFTA_TRACE_CHAIN"),
	be64("NFTA_TRACE_RULE_HANDLE"),
	withEnum(be32("NFTA_TRACE_TYPE"), traceTypeEnum),
	nest("NFTA_TRACE_VERDICT", verdictAttrs),
	hex32("NFTA_TRACE_ID"),
	bin("NFTA_TRACE_LL_HEADER"),
	bin("NFTA_TRACE_NETWORK_HEADER"),
	bin("NFTA_TRACE_TRANSPORT_HEADER"),
	be32("NFTA_TRACE_IIF"),
	be16("NFTA_TRACE_IIFTYPE"),
	be32("NFTA_TRACE_OIF"),
	be16("NFTA_TRACE_OIFTYPE"),
	hex32("NFTA_TRACE_MARK"),
	withEnum(be32("NFTA_TRACE_NFPROTO"), nfprotoEnum),
	withEnum(be32("NFTA_TRACE_POLICY"), verdictEnum),
	pad("NFTA_TRACE_PAD"),
)
