package netfilter

// Every NETLINK_NETFILTER message starts with struct nfgenmsg
// (include/uapi/linux/netfilter/nfnetlink.h); the nlmsg_type's high byte is the
// subsystem (NFNL_SUBSYS_*), its low byte the subsystem's message type:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	| nfgen_family  |    version    |      res_id (big-endian)      |
//	+---------------+---------------+---------------+---------------+
//	|  attributes of the subsystem's message type ...               |
//
// res_id is the queue or log group number (nfqueue, nflog), the ruleset generation
// (nftables replies and notifications), or, in NFNL_MSG_BATCH_BEGIN/END, the
// subsystem the batch is for.

import (
	"github.com/nldump/nldump/decode"
)

// nfprotoEnum names nfgen_family values (NFPROTO_*).
var nfprotoEnum = enumOf("nfgen_family", "NFPROTO_", "NFPROTO_NUMPROTO")

// subsysEnum names NFNL_SUBSYS_* (res_id of a batch message).
var subsysEnum = enumOf("nfnl_subsys", "NFNL_SUBSYS_", "NFNL_SUBSYS_COUNT")

// nfgenmsg is struct nfgenmsg.
var nfgenmsg = decode.NewStruct("nfgenmsg", "nfgen",
	decode.Member{CName: "nfgen_family", Kind: decode.KindU8, Enum: nfprotoEnum, Desc: "Protocol family (NFPROTO_*): ip, ip6, inet, arp, bridge, netdev, or unspec."},
	decode.Member{CName: "version", Kind: decode.KindU8, Desc: "nfnetlink version (NFNETLINK_V0)."},
	decode.Member{CName: "res_id", Kind: decode.KindU16, BigEndian: true, Desc: "Resource id, big-endian: queue or log group, nftables generation (low 16 bits), or the subsystem of a batch."},
)

// nfgenmsgBatch is struct nfgenmsg of NFNL_MSG_BATCH_BEGIN/END, whose res_id is a
// subsystem.
var nfgenmsgBatch = decode.NewStruct("nfgenmsg", "nfgen",
	decode.Member{CName: "nfgen_family", Kind: decode.KindU8, Enum: nfprotoEnum, Desc: "Protocol family (NFPROTO_*)."},
	decode.Member{CName: "version", Kind: decode.KindU8, Desc: "nfnetlink version (NFNETLINK_V0)."},
	decode.Member{CName: "res_id", Name: "nfgen.subsys", Label: "res_id (subsystem)", Kind: decode.KindU16, BigEndian: true, Enum: subsysEnum,
		Desc: "The subsystem the batch is for (NFNL_SUBSYS_*), big-endian."},
)

// batchAttrs is the NFNL_BATCH_* set of batch messages.
var batchAttrs = decode.NewAttrSet("NFNL_BATCH", "nfnl.batch",
	withDesc(be32("NFNL_BATCH_GENID"), "Generation the batch expects the ruleset to be at (nftables)."),
)
