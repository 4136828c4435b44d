package route

// Neighbour tables (RTM_NEWNEIGHTBL, RTM_GETNEIGHTBL, RTM_SETNEIGHTBL): struct
// ndtmsg (include/uapi/linux/neighbour.h) and NDTA_* attributes; NDTA_PARMS nests
// per-device parameters (NDTPA_*):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|  ndtm_family  |  ndtm_pad1    |          ndtm_pad2            |
//	+---------------+---------------+---------------+---------------+
//	|  NDTA_* attributes ...                                        |

import (
	"github.com/nldump/nldump/decode"
)

// ndtmsg is struct ndtmsg.
var ndtmsg = newStruct("ndtmsg", "ndtm",
	decode.Member{CName: "ndtm_family", Kind: decode.KindU8, Enum: afEnum}, padm(1), padm(2))

var ndtConfig = newStruct("ndt_config", "ndta.config",
	u16m("ndtc_key_len"), u16m("ndtc_entry_size"), u32m("ndtc_entries"),
	decode.Member{CName: "ndtc_last_flush", Kind: decode.KindU32, Unit: "ms"},
	decode.Member{CName: "ndtc_last_rand", Kind: decode.KindU32, Unit: "ms"},
	decode.Member{CName: "ndtc_hash_rnd", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Member{CName: "ndtc_hash_mask", Kind: decode.KindU32, Display: decode.DisplayHex},
	u32m("ndtc_hash_chain_gc"), u32m("ndtc_proxy_qlen"))

var ndtStats = newStruct("ndt_stats", "ndta.stats",
	u64Members("ndts_allocs", "ndts_destroys", "ndts_hash_grows", "ndts_res_failed", "ndts_lookups",
		"ndts_hits", "ndts_rcv_probes_mcast", "ndts_rcv_probes_ucast", "ndts_periodic_gc_runs",
		"ndts_forced_gc_runs", "ndts_table_fulls")...)

// ndtParmsAttrs is the NDTA_PARMS nest.
var ndtParmsAttrs = decode.NewAttrSet("NDTPA", "ndtpa",
	u32a(ndtpaIfindex, "NDTPA_IFINDEX"),
	u32a(ndtpaRefcnt, "NDTPA_REFCNT"),
	unit(u64a(ndtpaReachable, "NDTPA_REACHABLE_TIME"), "ms"),
	unit(u64a(ndtpaBaseReach, "NDTPA_BASE_REACHABLE_TIME"), "ms"),
	unit(u64a(ndtpaRetrans, "NDTPA_RETRANS_TIME"), "ms"),
	unit(u64a(ndtpaGCStale, "NDTPA_GC_STALETIME"), "ms"),
	unit(u64a(ndtpaDelayProbe, "NDTPA_DELAY_PROBE_TIME"), "ms"),
	u32a(ndtpaQueueLen, "NDTPA_QUEUE_LEN"),
	u32a(ndtpaAppProbes, "NDTPA_APP_PROBES"),
	u32a(ndtpaUcastProbes, "NDTPA_UCAST_PROBES"),
	u32a(ndtpaMcastProbes, "NDTPA_MCAST_PROBES"),
	unit(u64a(ndtpaAnycastDelay, "NDTPA_ANYCAST_DELAY"), "ms"),
	unit(u64a(ndtpaProxyDelay, "NDTPA_PROXY_DELAY"), "ms"),
	u32a(ndtpaProxyQlen, "NDTPA_PROXY_QLEN"),
	unit(u64a(ndtpaLocktime, "NDTPA_LOCKTIME"), "ms"),
	unit(u32a(ndtpaQueueBytes, "NDTPA_QUEUE_LENBYTES"), "bytes"),
	u32a(ndtpaMcastReprobe, "NDTPA_MCAST_REPROBES"),
	pada(ndtpaPad, "NDTPA_PAD"),
	unit(u64a(ndtpaIntervalProb, "NDTPA_INTERVAL_PROBE_TIME_MS"), "ms"),
)

// ntableAttrs is the NDTA_* set.
var ntableAttrs = decode.NewAttrSet("NDTA", "ndta",
	stra(ndtaName, "NDTA_NAME"),
	u32a(ndtaThresh1, "NDTA_THRESH1"),
	u32a(ndtaThresh2, "NDTA_THRESH2"),
	u32a(ndtaThresh3, "NDTA_THRESH3"),
	structa(ndtaConfig, "NDTA_CONFIG", ndtConfig),
	nesta(ndtaParms, "NDTA_PARMS", ndtParmsAttrs),
	structa(ndtaStats, "NDTA_STATS", ndtStats),
	unit(u64a(ndtaGCInterval, "NDTA_GC_INTERVAL"), "ms"),
	pada(ndtaPad, "NDTA_PAD"),
)
