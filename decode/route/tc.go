package route

// Traffic control (RTM_*QDISC, RTM_*TCLASS, RTM_*TFILTER, RTM_*CHAIN): struct tcmsg
// (include/uapi/linux/rtnetlink.h) and TCA_* attributes. TCA_OPTIONS and TCA_XSTATS
// are chosen by TCA_KIND (tc_qdisc.go, tc_filter.go). Handles and parents are
// major:minor pairs; a filter's tcm_info is its priority (high 16 bits) and
// protocol (low 16 bits, network order).
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  tcm_family   |   tcm__pad1   |           tcm__pad2           |
//	+---------------+---------------+---------------+---------------+
//	|                          tcm_ifindex                          |
//	+---------------+---------------+---------------+---------------+
//	|                          tcm_handle                           |
//	+---------------+---------------+---------------+---------------+
//	|                          tcm_parent                           |
//	+---------------+---------------+---------------+---------------+
//	|                           tcm_info                            |
//	+---------------+---------------+---------------+---------------+
//	|  TCA_* attributes ...                                         |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// tcmsg is struct tcmsg.
var tcmsg = newStruct("tcmsg", "tcm",
	decode.Member{CName: "tcm_family", Kind: decode.KindU8, Enum: afEnum}, padm(1), padm(2),
	decode.Member{CName: "tcm_ifindex", Kind: decode.KindS32, Desc: "Interface index."},
	decode.Member{CName: "tcm_handle", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Handle, major:minor in the high and low 16 bits."},
	decode.Member{CName: "tcm_parent", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Parent handle (TC_H_ROOT 0xffffffff, TC_H_INGRESS 0xfffffff1)."},
	decode.Member{CName: "tcm_info", Kind: decode.KindU32, Display: decode.DisplayHex, Desc: "Filters: priority << 16 | protocol (network order); qdiscs: reference count."},
)

// tcStats is struct tc_stats (TCA_STATS).
var tcStats = newStruct("tc_stats", "tca.stats",
	decode.Member{CName: "bytes", Kind: decode.KindU64, Unit: "bytes"}, u32m("packets"), u32m("drops"),
	u32m("overlimits"), decode.Member{CName: "bps", Kind: decode.KindU32, Unit: "bytes/s"},
	decode.Member{CName: "pps", Kind: decode.KindU32, Unit: "packets/s"}, u32m("qlen"),
	decode.Member{CName: "backlog", Kind: decode.KindU32, Unit: "bytes"}, padm(4))

var gnetBasic = newStruct("gnet_stats_basic", "tca.stats2.basic",
	decode.Member{CName: "bytes", Kind: decode.KindU64, Unit: "bytes"}, u32m("packets"), padm(4))
var gnetBasicHW = newStruct("gnet_stats_basic", "tca.stats2.basic_hw",
	decode.Member{CName: "bytes", Kind: decode.KindU64, Unit: "bytes"}, u32m("packets"), padm(4))
var gnetRateEst = newStruct("gnet_stats_rate_est", "tca.stats2.rate_est",
	decode.Member{CName: "bps", Kind: decode.KindU32, Unit: "bytes/s"}, decode.Member{CName: "pps", Kind: decode.KindU32, Unit: "packets/s"})
var gnetRateEst64 = newStruct("gnet_stats_rate_est64", "tca.stats2.rate_est64",
	decode.Member{CName: "bps", Kind: decode.KindU64, Unit: "bytes/s"}, decode.Member{CName: "pps", Kind: decode.KindU64, Unit: "packets/s"})
var gnetQueue = newStruct("gnet_stats_queue", "tca.stats2.queue",
	u32m("qlen"), decode.Member{CName: "backlog", Kind: decode.KindU32, Unit: "bytes"}, u32m("drops"),
	u32m("requeues"), u32m("overlimits"))

// TCA_STATS_* (include/uapi/linux/gen_stats.h).
const (
	tcaStatsBasic     = 1
	tcaStatsRateEst   = 2
	tcaStatsQueue     = 3
	tcaStatsApp       = 4
	tcaStatsRateEst64 = 5
	tcaStatsPad       = 6
	tcaStatsBasicHW   = 7
	tcaStatsPkt64     = 8
)

// stats2Attrs is the TCA_STATS2 nest (also TCA_ACT_STATS).
var stats2Attrs = decode.NewAttrSet("TCA_STATS", "tca.stats2",
	minStruct(tcaStatsBasic, "TCA_STATS_BASIC", gnetBasic, 12),
	structa(tcaStatsRateEst, "TCA_STATS_RATE_EST", gnetRateEst),
	structa(tcaStatsQueue, "TCA_STATS_QUEUE", gnetQueue),
	bina(tcaStatsApp, "TCA_STATS_APP"),
	structa(tcaStatsRateEst64, "TCA_STATS_RATE_EST64", gnetRateEst64),
	pada(tcaStatsPad, "TCA_STATS_PAD"),
	minStruct(tcaStatsBasicHW, "TCA_STATS_BASIC_HW", gnetBasicHW, 12),
	u64a(tcaStatsPkt64, "TCA_STATS_PKT64"),
)

var tcEstimator = newStruct("tc_estimator", "tca.rate",
	decode.Member{CName: "interval", Kind: decode.KindS8}, u8m("ewma_log"))

var bitfield32 = newStruct("nla_bitfield32", "tca.dump_flags",
	decode.Member{CName: "value", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Member{CName: "selector", Kind: decode.KindU32, Display: decode.DisplayHex})

var tcSizespec = newStruct("tc_sizespec", "tca.stab.base",
	u8m("cell_log"), u8m("size_log"), s16m("cell_align"), s32m("overhead"), u32m("linklayer"),
	u32m("mpu"), u32m("mtu"), u32m("tsize"))

func s16m(cname string) decode.Member { return decode.Member{CName: cname, Kind: decode.KindS16} }

var stabAttrs = decode.NewAttrSet("TCA_STAB", "tca.stab",
	structa(1, "TCA_STAB_BASE", tcSizespec),
	bina(2, "TCA_STAB_DATA"),
)

// tcAttrs is the TCA_* set; TCA_OPTIONS and TCA_XSTATS are added by init in
// tc_kinds.go.
var tcAttrs = decode.NewAttrSet("TCA", "tca",
	stra(unix.TCA_KIND, "TCA_KIND"),
	minStruct(unix.TCA_STATS, "TCA_STATS", tcStats, 36),
	structa(unix.TCA_RATE, "TCA_RATE", tcEstimator),
	u32a(unix.TCA_FCNT, "TCA_FCNT"),
	nesta(unix.TCA_STATS2, "TCA_STATS2", stats2Attrs),
	nesta(unix.TCA_STAB, "TCA_STAB", stabAttrs),
	pada(unix.TCA_PAD, "TCA_PAD"),
	flaga(unix.TCA_DUMP_INVISIBLE, "TCA_DUMP_INVISIBLE"),
	u32a(unix.TCA_CHAIN, "TCA_CHAIN"),
	enum(u8a(unix.TCA_HW_OFFLOAD, "TCA_HW_OFFLOAD"), boolEnum),
	u32a(unix.TCA_INGRESS_BLOCK, "TCA_INGRESS_BLOCK"),
	u32a(unix.TCA_EGRESS_BLOCK, "TCA_EGRESS_BLOCK"),
	structa(unix.TCA_DUMP_FLAGS, "TCA_DUMP_FLAGS", bitfield32),
	stra(unix.TCA_EXT_WARN_MSG, "TCA_EXT_WARN_MSG"),
)

// tcamsg is struct tcamsg (RTM_*ACTION).
var tcamsg = newStruct("tcamsg", "tca_act_msg",
	decode.Member{CName: "tca_family", Kind: decode.KindU8, Enum: afEnum}, padm(1), padm(2))

// tcaRootAttrs is the TCA_ROOT_* set of action messages.
var tcaRootAttrs = decode.NewAttrSet("TCA_ROOT", "tca.root",
	decode.Attr{Type: unix.TCA_ROOT_TAB, CName: "TCA_ROOT_TAB", Array: true, Elem: &decode.Attr{Nested: actAttrs}},
	structa(unix.TCA_ROOT_FLAGS, "TCA_ROOT_FLAGS", bitfield32),
	u32a(unix.TCA_ROOT_COUNT, "TCA_ROOT_COUNT"),
	unit(u32a(unix.TCA_ROOT_TIME_DELTA, "TCA_ROOT_TIME_DELTA"), "ms"),
	stra(unix.TCA_ROOT_EXT_WARN_MSG, "TCA_ROOT_EXT_WARN_MSG"),
)
