package route

// Policy routing rules (RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE): struct fib_rule_hdr
// (include/uapi/linux/fib_rules.h) and FRA_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|    family     |    dst_len    |    src_len    |      tos      |
//	+---------------+---------------+---------------+---------------+
//	|     table     |     res1      |     res2      |    action     |
//	+---------------+---------------+---------------+---------------+
//	|                            flags                              |
//	+---------------+---------------+---------------+---------------+
//	|  FRA_* attributes ...                                         |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var frActEnum = decode.NewEnum("fr_act", "FR_ACT_", map[uint64]string{
	0: "FR_ACT_UNSPEC", frActToTbl: "FR_ACT_TO_TBL", frActGoto: "FR_ACT_GOTO", frActNop: "FR_ACT_NOP",
	4: "FR_ACT_RES3", 5: "FR_ACT_RES4", frActBlackhole: "FR_ACT_BLACKHOLE", frActUnreach: "FR_ACT_UNREACHABLE",
	frActProhibit: "FR_ACT_PROHIBIT",
})

var fibRuleFlags = decode.NewFlagSet("fib_rule_flags", "FIB_RULE_", map[uint64]string{
	unix.FIB_RULE_PERMANENT: "FIB_RULE_PERMANENT", unix.FIB_RULE_INVERT: "FIB_RULE_INVERT",
	unix.FIB_RULE_UNRESOLVED: "FIB_RULE_UNRESOLVED", unix.FIB_RULE_IIF_DETACHED: "FIB_RULE_IIF_DETACHED",
	unix.FIB_RULE_OIF_DETACHED: "FIB_RULE_OIF_DETACHED", unix.FIB_RULE_FIND_SADDR: "FIB_RULE_FIND_SADDR",
})

// fibRuleHdr is struct fib_rule_hdr.
var fibRuleHdr = newStruct("fib_rule_hdr", "fib_rule",
	decode.Member{CName: "family", Kind: decode.KindU8, Enum: afEnum},
	decode.Member{CName: "dst_len", Kind: decode.KindU8},
	decode.Member{CName: "src_len", Kind: decode.KindU8},
	decode.Member{CName: "tos", Kind: decode.KindU8, Display: decode.DisplayHex},
	decode.Member{CName: "table", Kind: decode.KindU8, Enum: tableEnum},
	padm(1), padm(1),
	decode.Member{CName: "action", Kind: decode.KindU8, Enum: frActEnum},
	decode.Member{CName: "flags", Kind: decode.KindU32, Flags: fibRuleFlags},
)

var portRange = newStruct("fib_rule_port_range", "fra.port_range", u16m("start"), u16m("end"))
var uidRange = newStruct("fib_rule_uid_range", "fra.uid_range", u32m("start"), u32m("end"))

// ruleAttrs is the FRA_* set.
var ruleAttrs = decode.NewAttrSet("FRA", "fra",
	addra(unix.FRA_DST, "FRA_DST"),
	addra(unix.FRA_SRC, "FRA_SRC"),
	stra(unix.FRA_IIFNAME, "FRA_IIFNAME"),
	u32a(unix.FRA_GOTO, "FRA_GOTO"),
	u32a(unix.FRA_PRIORITY, "FRA_PRIORITY"),
	hex(u32a(unix.FRA_FWMARK, "FRA_FWMARK")),
	hex(u32a(unix.FRA_FLOW, "FRA_FLOW")),
	decode.Attr{Type: unix.FRA_TUN_ID, CName: "FRA_TUN_ID", Kind: decode.KindU64, BigEndian: true},
	u32a(unix.FRA_SUPPRESS_IFGROUP, "FRA_SUPPRESS_IFGROUP"),
	u32a(unix.FRA_SUPPRESS_PREFIXLEN, "FRA_SUPPRESS_PREFIXLEN"),
	enum(u32a(unix.FRA_TABLE, "FRA_TABLE"), tableEnum),
	hex(u32a(unix.FRA_FWMASK, "FRA_FWMASK")),
	stra(unix.FRA_OIFNAME, "FRA_OIFNAME"),
	pada(unix.FRA_PAD, "FRA_PAD"),
	u8a(unix.FRA_L3MDEV, "FRA_L3MDEV"),
	structa(unix.FRA_UID_RANGE, "FRA_UID_RANGE", uidRange),
	enum(u8a(unix.FRA_PROTOCOL, "FRA_PROTOCOL"), protoEnum),
	enum(u8a(unix.FRA_IP_PROTO, "FRA_IP_PROTO"), ipProtoEnum),
	structa(unix.FRA_SPORT_RANGE, "FRA_SPORT_RANGE", portRange),
	structa(unix.FRA_DPORT_RANGE, "FRA_DPORT_RANGE", portRange),
	u8a(fraDSCP, "FRA_DSCP"),
	hex(be32a(fraFlowlabel, "FRA_FLOWLABEL")),
	hex(be32a(fraFlowlabelMsk, "FRA_FLOWLABEL_MASK")),
)
