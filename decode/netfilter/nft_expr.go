package netfilter

// nftables rule expressions (include/uapi/linux/netfilter/nf_tables.h): a rule's
// NFTA_RULE_EXPRESSIONS is a list of NFTA_LIST_ELEM, each an expression:
//
//	NFTA_LIST_ELEM nested
//	    NFTA_EXPR_NAME string  "payload", "cmp", "immediate", ...
//	    NFTA_EXPR_DATA nested  the attribute set NFTA_EXPR_NAME selects
//	                           (NFTA_PAYLOAD_*, NFTA_CMP_*, ...)
//
// Integers inside expressions are big-endian (nla_put_be32/be64) except the few
// u8 ones (NFTA_CT_DIRECTION, NFTA_EXTHDR_TYPE, NFTA_REJECT_ICMP_CODE, ...).

import (
	"github.com/nldump/nldump/decode"
)

// Enums of expression attributes, from the uapi names.
var (
	regEnum = func() *decode.Enum {
		e := enumOf("nft_registers", "NFT_REG", "NFT_REG_SIZE", "NFT_REG32_SIZE", "NFT_REG32_COUNT")
		return e
	}()
	payloadBaseEnum = enumOf("nft_payload_bases", "NFT_PAYLOAD_", "NFT_PAYLOAD_CSUM", "NFT_PAYLOAD_L4CSUM")
	csumTypeEnum    = enumOf("nft_payload_csum_types", "NFT_PAYLOAD_CSUM_")
	csumFlags       = flagsOf("nft_payload_csum_flags", "NFT_PAYLOAD_", "NFT_PAYLOAD_L4CSUM_PSEUDOHDR")
	cmpOpEnum       = enumOf("nft_cmp_ops", "NFT_CMP_")
	rangeOpEnum     = enumOf("nft_range_ops", "NFT_RANGE_")
	metaKeyEnum     = enumOf("nft_meta_keys", "NFT_META_")
	ctKeyEnum       = enumOf("nft_ct_keys", "NFT_CT_")
	ctDirEnum       = enumOf("ip_conntrack_dir", "IP_CT_DIR_")
	lookupFlags     = flagsOf("nft_lookup_flags", "NFT_LOOKUP_", "NFT_LOOKUP_F_INV")
	dynsetOpEnum    = enumOf("nft_dynset_ops", "NFT_DYNSET_OP_")
	dynsetFlags     = flagsOf("nft_dynset_flags", "NFT_DYNSET_", "NFT_DYNSET_F_INV", "NFT_DYNSET_F_EXPR")
	byteorderEnum   = enumOf("nft_byteorder_ops", "NFT_BYTEORDER_")
	bitwiseOpEnum   = enumOf("nft_bitwise_ops", "NFT_BITWISE_")
	natTypeEnum     = enumOf("nft_nat_types", "NFT_NAT_")
	natFlags        = flagsOf("nf_nat_range_flags", "NF_NAT_RANGE_", "NF_NAT_RANGE_MAP_IPS", "NF_NAT_RANGE_PROTO_SPECIFIED",
		"NF_NAT_RANGE_PROTO_RANDOM", "NF_NAT_RANGE_PERSISTENT", "NF_NAT_RANGE_PROTO_RANDOM_FULLY",
		"NF_NAT_RANGE_PROTO_OFFSET", "NF_NAT_RANGE_NETMAP")
	limitTypeEnum = enumOf("nft_limit_type", "NFT_LIMIT_", "NFT_LIMIT_F_")
	limitFlags    = flagsOf("nft_limit_flags", "NFT_LIMIT_", "NFT_LIMIT_F_INV")
	rejectEnum    = enumOf("nft_reject_types", "NFT_REJECT_", "NFT_REJECT_ICMPX_")
	logLevelEnum  = enumOf("nft_log_level", "NFT_LOGLEVEL_")
	logFlags      = flagsOf("nf_log_flags", "NF_LOG_", "NF_LOG_TCPSEQ", "NF_LOG_TCPOPT", "NF_LOG_IPOPT", "NF_LOG_UID",
		"NF_LOG_NFLOG", "NF_LOG_MACDECODE")
	queueFlags    = flagsOf("nft_queue_flags", "NFT_QUEUE_FLAG_", "NFT_QUEUE_FLAG_BYPASS", "NFT_QUEUE_FLAG_CPU_FANOUT")
	quotaFlags    = flagsOf("nft_quota_flags", "NFT_QUOTA_F_", "NFT_QUOTA_F_INV", "NFT_QUOTA_F_DEPLETED")
	fibResultEnum = enumOf("nft_fib_result", "NFT_FIB_RESULT_")
	fibFlags      = flagsOf("nft_fib_flags", "NFTA_FIB_F_", "NFTA_FIB_F_SADDR", "NFTA_FIB_F_DADDR", "NFTA_FIB_F_MARK",
		"NFTA_FIB_F_IIF", "NFTA_FIB_F_OIF", "NFTA_FIB_F_PRESENT")
	hashTypeEnum  = enumOf("nft_hash_types", "NFT_HASH_")
	ngTypeEnum    = enumOf("nft_ng_types", "NFT_NG_")
	rtKeyEnum     = enumOf("nft_rt_keys", "NFT_RT_")
	socketKeyEnum = enumOf("nft_socket_keys", "NFT_SOCKET_")
	xfrmKeyEnum   = enumOf("nft_xfrm_keys", "NFT_XFRM_KEY_")
	exthdrOpEnum  = enumOf("nft_exthdr_op", "NFT_EXTHDR_OP_")
	exthdrFlags   = flagsOf("nft_exthdr_flags", "NFT_EXTHDR_", "NFT_EXTHDR_F_PRESENT")
	tunnelKeyEnum = enumOf("nft_tunnel_keys", "NFT_TUNNEL_", "NFT_TUNNEL_MODE_", "NFT_TUNNEL_F_")
	tunnelMode    = enumOf("nft_tunnel_mode_keys", "NFT_TUNNEL_MODE_")
	objTypeEnum   = enumOf("nft_object_type", "NFT_OBJECT_")
	osfFlags      = flagsOf("nft_osf_flags", "NFT_OSF_", "NFT_OSF_F_VERSION")
	synproxyFlags = flagsOf("nf_synproxy_opts", "NF_SYNPROXY_OPT_", "NF_SYNPROXY_OPT_MSS", "NF_SYNPROXY_OPT_WSCALE",
		"NF_SYNPROXY_OPT_SACK_PERM", "NF_SYNPROXY_OPT_TIMESTAMP", "NF_SYNPROXY_OPT_ECN")
	innerTypeEnum = enumOf("nft_inner_type", "NFT_INNER_", "NFT_INNER_HDRSIZE", "NFT_INNER_LL", "NFT_INNER_NH", "NFT_INNER_TH")
	innerFlags    = flagsOf("nft_inner_flags", "NFT_INNER_", "NFT_INNER_HDRSIZE", "NFT_INNER_LL", "NFT_INNER_NH", "NFT_INNER_TH")
)

func reg(name string) decode.Attr { return withEnum(be32(name), regEnum) }

// Expression attribute sets, one per expression name.
var (
	payloadAttrs = decode.NewAttrSet("NFTA_PAYLOAD", "nft.payload",
		reg("NFTA_PAYLOAD_DREG"),
		withEnum(be32("NFTA_PAYLOAD_BASE"), payloadBaseEnum),
		withUnit(be32("NFTA_PAYLOAD_OFFSET"), "bytes"),
		withUnit(be32("NFTA_PAYLOAD_LEN"), "bytes"),
		reg("NFTA_PAYLOAD_SREG"),
		withEnum(be32("NFTA_PAYLOAD_CSUM_TYPE"), csumTypeEnum),
		be32("NFTA_PAYLOAD_CSUM_OFFSET"),
		withFlags(be32("NFTA_PAYLOAD_CSUM_FLAGS"), csumFlags),
	)
	metaAttrs = decode.NewAttrSet("NFTA_META", "nft.meta",
		reg("NFTA_META_DREG"),
		withEnum(be32("NFTA_META_KEY"), metaKeyEnum),
		reg("NFTA_META_SREG"),
	)
	cmpAttrs = decode.NewAttrSet("NFTA_CMP", "nft.cmp",
		reg("NFTA_CMP_SREG"),
		withEnum(be32("NFTA_CMP_OP"), cmpOpEnum),
		nest("NFTA_CMP_DATA", dataAttrs),
	)
	rangeAttrs = decode.NewAttrSet("NFTA_RANGE", "nft.range",
		reg("NFTA_RANGE_SREG"),
		withEnum(be32("NFTA_RANGE_OP"), rangeOpEnum),
		nest("NFTA_RANGE_FROM_DATA", dataAttrs),
		nest("NFTA_RANGE_TO_DATA", dataAttrs),
	)
	immediateAttrs = decode.NewAttrSet("NFTA_IMMEDIATE", "nft.immediate",
		reg("NFTA_IMMEDIATE_DREG"),
		nest("NFTA_IMMEDIATE_DATA", dataAttrs),
	)
	lookupAttrs = decode.NewAttrSet("NFTA_LOOKUP", "nft.lookup",
		str("NFTA_LOOKUP_SET"),
		reg("NFTA_LOOKUP_SREG"),
		reg("NFTA_LOOKUP_DREG"),
		be32("NFTA_LOOKUP_SET_ID"),
		withFlags(be32("NFTA_LOOKUP_FLAGS"), lookupFlags),
	)
	counterAttrs = decode.NewAttrSet("NFTA_COUNTER", "nft.counter",
		withUnit(be64("NFTA_COUNTER_BYTES"), "bytes"),
		be64("NFTA_COUNTER_PACKETS"),
		pad("NFTA_COUNTER_PAD"),
	)
	ctExprAttrs = decode.NewAttrSet("NFTA_CT", "nft.ct",
		reg("NFTA_CT_DREG"),
		withEnum(be32("NFTA_CT_KEY"), ctKeyEnum),
		withEnum(u8("NFTA_CT_DIRECTION"), ctDirEnum),
		reg("NFTA_CT_SREG"),
	)
	natAttrs = decode.NewAttrSet("NFTA_NAT", "nft.nat",
		withEnum(be32("NFTA_NAT_TYPE"), natTypeEnum),
		withEnum(be32("NFTA_NAT_FAMILY"), nfprotoEnum),
		reg("NFTA_NAT_REG_ADDR_MIN"),
		reg("NFTA_NAT_REG_ADDR_MAX"),
		reg("NFTA_NAT_REG_PROTO_MIN"),
		reg("NFTA_NAT_REG_PROTO_MAX"),
		withFlags(be32("NFTA_NAT_FLAGS"), natFlags),
	)
	bitwiseAttrs = decode.NewAttrSet("NFTA_BITWISE", "nft.bitwise",
		reg("NFTA_BITWISE_SREG"),
		reg("NFTA_BITWISE_DREG"),
		withUnit(be32("NFTA_BITWISE_LEN"), "bytes"),
		nest("NFTA_BITWISE_MASK", dataAttrs),
		nest("NFTA_BITWISE_XOR", dataAttrs),
		withEnum(be32("NFTA_BITWISE_OP"), bitwiseOpEnum),
		nest("NFTA_BITWISE_DATA", dataAttrs),
	)
	byteorderAttrs = decode.NewAttrSet("NFTA_BYTEORDER", "nft.byteorder",
		reg("NFTA_BYTEORDER_SREG"),
		reg("NFTA_BYTEORDER_DREG"),
		withEnum(be32("NFTA_BYTEORDER_OP"), byteorderEnum),
		be32("NFTA_BYTEORDER_LEN"),
		be32("NFTA_BYTEORDER_SIZE"),
	)
	logAttrs = decode.NewAttrSet("NFTA_LOG", "nft.log",
		be16("NFTA_LOG_GROUP"),
		str("NFTA_LOG_PREFIX"),
		withUnit(be32("NFTA_LOG_SNAPLEN"), "bytes"),
		be16("NFTA_LOG_QTHRESHOLD"),
		withEnum(be32("NFTA_LOG_LEVEL"), logLevelEnum),
		withFlags(be32("NFTA_LOG_FLAGS"), logFlags),
	)
	limitAttrs = decode.NewAttrSet("NFTA_LIMIT", "nft.limit",
		be64("NFTA_LIMIT_RATE"),
		withUnit(be64("NFTA_LIMIT_UNIT"), "s"),
		be32("NFTA_LIMIT_BURST"),
		withEnum(be32("NFTA_LIMIT_TYPE"), limitTypeEnum),
		withFlags(be32("NFTA_LIMIT_FLAGS"), limitFlags),
		pad("NFTA_LIMIT_PAD"),
	)
	rejectAttrs = decode.NewAttrSet("NFTA_REJECT", "nft.reject",
		withEnum(be32("NFTA_REJECT_TYPE"), rejectEnum),
		u8("NFTA_REJECT_ICMP_CODE"),
	)
	masqAttrs = decode.NewAttrSet("NFTA_MASQ", "nft.masq",
		withFlags(be32("NFTA_MASQ_FLAGS"), natFlags),
		reg("NFTA_MASQ_REG_PROTO_MIN"),
		reg("NFTA_MASQ_REG_PROTO_MAX"),
	)
	redirAttrs = decode.NewAttrSet("NFTA_REDIR", "nft.redir",
		reg("NFTA_REDIR_REG_PROTO_MIN"),
		reg("NFTA_REDIR_REG_PROTO_MAX"),
		withFlags(be32("NFTA_REDIR_FLAGS"), natFlags),
	)
	fibAttrs = decode.NewAttrSet("NFTA_FIB", "nft.fib",
		reg("NFTA_FIB_DREG"),
		withEnum(be32("NFTA_FIB_RESULT"), fibResultEnum),
		withFlags(be32("NFTA_FIB_FLAGS"), fibFlags),
	)
	dynsetAttrs = decode.NewAttrSet("NFTA_DYNSET", "nft.dynset",
		str("NFTA_DYNSET_SET_NAME"),
		be32("NFTA_DYNSET_SET_ID"),
		withEnum(be32("NFTA_DYNSET_OP"), dynsetOpEnum),
		reg("NFTA_DYNSET_SREG_KEY"),
		reg("NFTA_DYNSET_SREG_DATA"),
		withUnit(be64("NFTA_DYNSET_TIMEOUT"), "ms"),
		nest("NFTA_DYNSET_EXPR", exprAttrs),
		pad("NFTA_DYNSET_PAD"),
		withFlags(be32("NFTA_DYNSET_FLAGS"), dynsetFlags),
		nest("NFTA_DYNSET_EXPRESSIONS", exprListAttrs),
	)
	objrefAttrs = decode.NewAttrSet("NFTA_OBJREF", "nft.objref",
		withEnum(be32("NFTA_OBJREF_IMM_TYPE"), objTypeEnum),
		str("NFTA_OBJREF_IMM_NAME"),
		reg("NFTA_OBJREF_SET_SREG"),
		str("NFTA_OBJREF_SET_NAME"),
		be32("NFTA_OBJREF_SET_ID"),
	)
	queueAttrs = decode.NewAttrSet("NFTA_QUEUE", "nft.queue",
		be16("NFTA_QUEUE_NUM"),
		be16("NFTA_QUEUE_TOTAL"),
		withFlags(be16("NFTA_QUEUE_FLAGS"), queueFlags),
		reg("NFTA_QUEUE_SREG_QNUM"),
	)
	quotaAttrs = decode.NewAttrSet("NFTA_QUOTA", "nft.quota",
		withUnit(be64("NFTA_QUOTA_BYTES"), "bytes"),
		withFlags(be32("NFTA_QUOTA_FLAGS"), quotaFlags),
		pad("NFTA_QUOTA_PAD"),
		withUnit(be64("NFTA_QUOTA_CONSUMED"), "bytes"),
	)
	socketAttrs = decode.NewAttrSet("NFTA_SOCKET", "nft.socket",
		withEnum(be32("NFTA_SOCKET_KEY"), socketKeyEnum),
		reg("NFTA_SOCKET_DREG"),
		be32("NFTA_SOCKET_LEVEL"),
	)
	tproxyAttrs = decode.NewAttrSet("NFTA_TPROXY", "nft.tproxy",
		withEnum(be32("NFTA_TPROXY_FAMILY"), nfprotoEnum),
		reg("NFTA_TPROXY_REG_ADDR"),
		reg("NFTA_TPROXY_REG_PORT"),
	)
	xfrmAttrs = decode.NewAttrSet("NFTA_XFRM", "nft.xfrm",
		reg("NFTA_XFRM_DREG"),
		withEnum(be32("NFTA_XFRM_KEY"), xfrmKeyEnum),
		u8("NFTA_XFRM_DIR"),
		be32("NFTA_XFRM_SPNUM"),
	)
	exthdrAttrs = decode.NewAttrSet("NFTA_EXTHDR", "nft.exthdr",
		reg("NFTA_EXTHDR_DREG"),
		u8("NFTA_EXTHDR_TYPE"),
		be32("NFTA_EXTHDR_OFFSET"),
		be32("NFTA_EXTHDR_LEN"),
		withFlags(be32("NFTA_EXTHDR_FLAGS"), exthdrFlags),
		withEnum(be32("NFTA_EXTHDR_OP"), exthdrOpEnum),
		reg("NFTA_EXTHDR_SREG"),
	)
	hashAttrs = decode.NewAttrSet("NFTA_HASH", "nft.hash",
		reg("NFTA_HASH_SREG"),
		reg("NFTA_HASH_DREG"),
		be32("NFTA_HASH_LEN"),
		be32("NFTA_HASH_MODULUS"),
		hex32("NFTA_HASH_SEED"),
		be32("NFTA_HASH_OFFSET"),
		withEnum(be32("NFTA_HASH_TYPE"), hashTypeEnum),
		str("NFTA_HASH_SET_NAME"),
		be32("NFTA_HASH_SET_ID"),
	)
	numgenAttrs = decode.NewAttrSet("NFTA_NG", "nft.ng",
		reg("NFTA_NG_DREG"),
		be32("NFTA_NG_MODULUS"),
		withEnum(be32("NFTA_NG_TYPE"), ngTypeEnum),
		be32("NFTA_NG_OFFSET"),
		str("NFTA_NG_SET_NAME"),
		be32("NFTA_NG_SET_ID"),
	)
	osfAttrs = decode.NewAttrSet("NFTA_OSF", "nft.osf",
		reg("NFTA_OSF_DREG"),
		u8("NFTA_OSF_TTL"),
		withFlags(be32("NFTA_OSF_FLAGS"), osfFlags),
	)
	rtAttrs = decode.NewAttrSet("NFTA_RT", "nft.rt",
		reg("NFTA_RT_DREG"),
		withEnum(be32("NFTA_RT_KEY"), rtKeyEnum),
	)
	synproxyAttrs = decode.NewAttrSet("NFTA_SYNPROXY", "nft.synproxy",
		be16("NFTA_SYNPROXY_MSS"),
		u8("NFTA_SYNPROXY_WSCALE"),
		withFlags(be32("NFTA_SYNPROXY_FLAGS"), synproxyFlags),
	)
	tunnelAttrs = decode.NewAttrSet("NFTA_TUNNEL", "nft.tunnel",
		withEnum(be32("NFTA_TUNNEL_KEY"), tunnelKeyEnum),
		reg("NFTA_TUNNEL_DREG"),
		withEnum(be32("NFTA_TUNNEL_MODE"), tunnelMode),
	)
	lastAttrs = decode.NewAttrSet("NFTA_LAST", "nft.last",
		be32("NFTA_LAST_SET"),
		withUnit(be64("NFTA_LAST_MSECS"), "ms"),
		pad("NFTA_LAST_PAD"),
	)
	innerAttrs = decode.NewAttrSet("NFTA_INNER", "nft.inner",
		be32("NFTA_INNER_NUM"),
		withEnum(be32("NFTA_INNER_TYPE"), innerTypeEnum),
		withFlags(be32("NFTA_INNER_FLAGS"), innerFlags),
		be32("NFTA_INNER_HDRSIZE"),
		nest("NFTA_INNER_EXPR", exprAttrs),
	)
	connlimitAttrs = decode.NewAttrSet("NFTA_CONNLIMIT", "nft.connlimit",
		be32("NFTA_CONNLIMIT_COUNT"),
		withFlags(be32("NFTA_CONNLIMIT_FLAGS"), flagsOf("nft_connlimit_flags", "NFT_CONNLIMIT_", "NFT_CONNLIMIT_F_INV")),
	)
	dupAttrs = decode.NewAttrSet("NFTA_DUP", "nft.dup",
		reg("NFTA_DUP_SREG_ADDR"),
		reg("NFTA_DUP_SREG_DEV"),
	)
	fwdAttrs = decode.NewAttrSet("NFTA_FWD", "nft.fwd",
		reg("NFTA_FWD_SREG_DEV"),
		reg("NFTA_FWD_SREG_ADDR"),
		withEnum(be32("NFTA_FWD_NFPROTO"), nfprotoEnum),
	)
	flowOffloadAttrs = decode.NewAttrSet("NFTA_FLOW", "nft.flow",
		str("NFTA_FLOW_TABLE_NAME"),
	)
	secmarkExprAttrs = decode.NewAttrSet("NFTA_SECMARK", "nft.secmark",
		str("NFTA_SECMARK_CTX"),
	)
	// The compat expressions "match" and "target" carry an xtables extension.
	matchAttrs = decode.NewAttrSet("NFTA_MATCH", "nft.match",
		str("NFTA_MATCH_NAME"),
		be32("NFTA_MATCH_REV"),
		withDesc(bin("NFTA_MATCH_INFO"), "The xtables match's own struct, in host byte order."),
	)
	targetAttrs = decode.NewAttrSet("NFTA_TARGET", "nft.target",
		str("NFTA_TARGET_NAME"),
		be32("NFTA_TARGET_REV"),
		withDesc(bin("NFTA_TARGET_INFO"), "The xtables target's own struct, in host byte order."),
	)
)

// exprVariants maps each expression name (NFTA_EXPR_NAME) to its NFTA_EXPR_DATA
// attribute set.
var exprVariants = map[string]*decode.AttrSet{
	"payload": payloadAttrs, "meta": metaAttrs, "cmp": cmpAttrs, "range": rangeAttrs,
	"immediate": immediateAttrs, "lookup": lookupAttrs, "counter": counterAttrs, "ct": ctExprAttrs,
	"nat": natAttrs, "bitwise": bitwiseAttrs, "byteorder": byteorderAttrs, "log": logAttrs,
	"limit": limitAttrs, "reject": rejectAttrs, "masq": masqAttrs, "redir": redirAttrs,
	"fib": fibAttrs, "dynset": dynsetAttrs, "objref": objrefAttrs, "queue": queueAttrs,
	"quota": quotaAttrs, "socket": socketAttrs, "tproxy": tproxyAttrs, "xfrm": xfrmAttrs,
	"exthdr": exthdrAttrs, "hash": hashAttrs, "numgen": numgenAttrs, "osf": osfAttrs,
	"rt": rtAttrs, "synproxy": synproxyAttrs, "tunnel": tunnelAttrs, "last": lastAttrs,
	"inner": innerAttrs, "connlimit": connlimitAttrs, "dup": dupAttrs, "fwd": fwdAttrs,
	"flow_offload": flowOffloadAttrs, "secmark": secmarkExprAttrs, "match": matchAttrs,
	"target": targetAttrs, "notrack": emptyAttrs("NFTA_NOTRACK", "nft.notrack"),
}

// emptyAttrs is the set of an expression without attributes (notrack).
func emptyAttrs(name, filter string) *decode.AttrSet { return decode.NewAttrSet(name, filter) }

// exprAttrs is the NFTA_EXPR_* set: the expression's name and its data.
var exprAttrs = decode.NewAttrSet("NFTA_EXPR", "nft.expr")

// exprListAttrs is a list of expressions (NFTA_RULE_EXPRESSIONS, NFTA_SET_EXPRESSIONS).
var exprListAttrs = decode.NewAttrSet("NFTA_LIST", "nft.list")

func init() {
	sub := &decode.SubMessage{Selector: uint16(num("NFTA_EXPR_NAME")), Variants: map[string]*decode.Attr{},
		Default: &decode.Attr{Kind: decode.KindBinary, Custom: unknownExpr, Produces: []*decode.FieldDef{}}}
	for name, set := range exprVariants {
		sub.Variants[name] = &decode.Attr{Nested: set}
	}
	exprAttrs.Add(withDesc(str("NFTA_EXPR_NAME"), "Expression name; selects how NFTA_EXPR_DATA reads."))
	data := at("NFTA_EXPR_DATA", decode.KindNone)
	data.Sub = sub
	exprAttrs.Add(data)
	exprListAttrs.Add(nest("NFTA_LIST_ELEM", exprAttrs))
}

// unknownExpr notes an expression data whose name no table describes.
func unknownExpr(c *decode.Context, f *decode.Field) {
	c.Note(f, "expression name unknown to nldump: data at offset %d shown raw", f.Offset)
}
