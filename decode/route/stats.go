package route

// Link statistics: IFLA_STATS (struct rtnl_link_stats, 32-bit counters),
// IFLA_STATS64 (struct rtnl_link_stats64), and the RTM_*STATS messages: struct
// if_stats_msg (include/uapi/linux/if_link.h) followed by IFLA_STATS_* attributes:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|    family     |     pad1      |             pad2              |
//	+---------------+---------------+---------------+---------------+
//	|                           ifindex                             |
//	+---------------+---------------+---------------+---------------+
//	|                         filter_mask                           |
//	+---------------+---------------+---------------+---------------+
//	|  IFLA_STATS_* attributes ...                                  |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var statNames = []string{
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped",
	"multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors",
	"rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler",
}

// linkStats32 is struct rtnl_link_stats.
var linkStats32 = newStruct("rtnl_link_stats", "ifla.stats", u32Members(statNames...)...)

// linkStats64 is struct rtnl_link_stats64 (rx_otherhost_dropped since Linux 5.19; a
// 192-byte value from an older kernel is whole).
var linkStats64 = newStruct("rtnl_link_stats64", "ifla.stats64",
	u64Members(append(append([]string{}, statNames...), "rx_otherhost_dropped")...)...)

func init() {
	for _, s := range []*decode.Struct{linkStats32, linkStats64} {
		for i := range s.Members {
			if n := s.Members[i].CName; len(n) > 6 && n[len(n)-6:] == "_bytes" {
				s.Members[i].Def().Unit = "bytes"
			}
		}
	}
}

// ifStatsMsg is struct if_stats_msg.
var ifStatsMsg = newStruct("if_stats_msg", "ifstats",
	decode.Member{CName: "family", Kind: decode.KindU8, Enum: afEnum},
	padm(1), padm(2),
	s32m("ifindex"),
	decode.Member{CName: "filter_mask", Kind: decode.KindU32, Flags: statsFilter},
)

// statsFilter names filter_mask bits: IFLA_STATS_FILTER_BIT(attr) = 1 << (attr - 1).
var statsFilter = decode.NewFlagSet("filter_mask", "IFLA_STATS_", map[uint64]string{
	1 << (unix.IFLA_STATS_LINK_64 - 1): "IFLA_STATS_LINK_64", 1 << (unix.IFLA_STATS_LINK_XSTATS - 1): "IFLA_STATS_LINK_XSTATS",
	1 << (unix.IFLA_STATS_LINK_XSTATS_SLAVE - 1):   "IFLA_STATS_LINK_XSTATS_SLAVE",
	1 << (unix.IFLA_STATS_LINK_OFFLOAD_XSTATS - 1): "IFLA_STATS_LINK_OFFLOAD_XSTATS",
	1 << (unix.IFLA_STATS_AF_SPEC - 1):             "IFLA_STATS_AF_SPEC",
})

// xstatsAttrs is IFLA_STATS_LINK_XSTATS(_SLAVE): per link type. The bridge and bond
// nests are driver-private multicast/802.3ad counters, shown as bytes.
var xstatsAttrs = decode.NewAttrSet("LINK_XSTATS_TYPE", "ifstats.xstats",
	bina(linkXstatsTypeBridge, "LINK_XSTATS_TYPE_BRIDGE"),
	bina(linkXstatsTypeBond, "LINK_XSTATS_TYPE_BOND"),
)

var offloadXstatsAttrs = decode.NewAttrSet("IFLA_OFFLOAD_XSTATS", "ifstats.offload",
	minStruct(unix.IFLA_OFFLOAD_XSTATS_CPU_HIT, "IFLA_OFFLOAD_XSTATS_CPU_HIT", linkStats64, 192),
	bina(unix.IFLA_OFFLOAD_XSTATS_HW_S_INFO, "IFLA_OFFLOAD_XSTATS_HW_S_INFO"),
	bina(unix.IFLA_OFFLOAD_XSTATS_L3_STATS, "IFLA_OFFLOAD_XSTATS_L3_STATS"),
)

// mplsLinkStats is struct mpls_link_stats (include/uapi/linux/mpls.h).
var mplsLinkStats = newStruct("mpls_link_stats", "ifstats.mpls",
	u64Members("rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
		"rx_dropped", "tx_dropped", "rx_noroute")...)

var statsAfAttrs = decode.NewAttrSet("AF", "ifstats.af",
	nesta(unix.AF_MPLS, "AF_MPLS", decode.NewAttrSet("MPLS_STATS", "ifstats.af.mpls",
		structa(mplsStatsLink, "MPLS_STATS_LINK", mplsLinkStats))),
)

// statsAttrs is the IFLA_STATS_* set of RTM_NEWSTATS.
var statsAttrs = decode.NewAttrSet("IFLA_STATS", "ifstats",
	minStruct(unix.IFLA_STATS_LINK_64, "IFLA_STATS_LINK_64", linkStats64, 192),
	nesta(unix.IFLA_STATS_LINK_XSTATS, "IFLA_STATS_LINK_XSTATS", xstatsAttrs),
	nesta(unix.IFLA_STATS_LINK_XSTATS_SLAVE, "IFLA_STATS_LINK_XSTATS_SLAVE", xstatsAttrs),
	nesta(unix.IFLA_STATS_LINK_OFFLOAD_XSTATS, "IFLA_STATS_LINK_OFFLOAD_XSTATS", offloadXstatsAttrs),
	nesta(unix.IFLA_STATS_AF_SPEC, "IFLA_STATS_AF_SPEC", statsAfAttrs),
)

// statsGetAttrs is the IFLA_STATS_GETSET_* set of RTM_GETSTATS/RTM_SETSTATS requests.
var statsGetAttrs = decode.NewAttrSet("IFLA_STATS", "ifstats.get",
	bina(unix.IFLA_STATS_GET_FILTERS, "IFLA_STATS_GET_FILTERS"),
	u8a(unix.IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS, "IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS"),
)
