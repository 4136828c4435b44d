package netfilter

// nfnetlink_queue (include/uapi/linux/netfilter/nfnetlink_queue.h), subsystem
// NFNL_SUBSYS_QUEUE: queued packets (NFQNL_MSG_PACKET), the listener's verdicts
// (NFQNL_MSG_VERDICT, _BATCH) and configuration (NFQNL_MSG_CONFIG). res_id is the
// queue number.
//
//	NFQA_PACKET_HDR  struct nfqnl_msg_packet_hdr { be32 packet_id; be16 hw_protocol; u8 hook }
//	NFQA_VERDICT_HDR struct nfqnl_msg_verdict_hdr { be32 verdict; be32 id }
//	NFQA_MARK/CAP_LEN/SKB_INFO/UID/GID/PRIORITY be32, NFQA_PAYLOAD the packet,
//	NFQA_CT nested CTA_*, NFQA_EXP nested CTA_EXPECT_*
//	NFQA_CFG_CMD     struct nfqnl_msg_config_cmd { u8 command; u8 pad; be16 pf }
//	NFQA_CFG_PARAMS  struct nfqnl_msg_config_params { be32 copy_range; u8 copy_mode }
//	NFQA_CFG_QUEUE_MAXLEN/MASK/FLAGS be32

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var (
	nfqCmdEnum    = enumOf("nfqnl_msg_config_cmds", "NFQNL_CFG_CMD_")
	nfqCopyEnum   = enumOf("nfqnl_config_mode", "NFQNL_COPY_")
	nfqCfgFlags   = flagsByPrefix("nfqa_cfg_flags", "NFQA_CFG_F_")
	nfqSkbFlags   = flagsByPrefix("nfqa_skb_info", "NFQA_SKB_")
	nfVerdictEnum = func() *decode.Enum {
		vals := map[uint64]string{}
		for _, n := range []string{"NF_DROP", "NF_ACCEPT", "NF_STOLEN", "NF_QUEUE", "NF_REPEAT", "NF_STOP"} {
			vals[uint64(num(n))] = n
		}
		return decode.NewEnum("nf_verdict", "NF_", vals)
	}()
)

// nfqnlPacketHdr is struct nfqnl_msg_packet_hdr.
var nfqnlPacketHdr = decode.NewStruct("nfqnl_msg_packet_hdr", "nfq.hdr",
	decode.Member{CName: "packet_id", Kind: decode.KindU32, BigEndian: true, Desc: "Id the verdict names the packet by."},
	decode.Member{CName: "hw_protocol", Kind: decode.KindU16, BigEndian: true, Display: decode.DisplayHex, Enum: ethProtoEnum},
	hookMember(),
	decode.Member{Kind: decode.KindPad, Size: 1},
)

// nfqnlVerdictHdr is struct nfqnl_msg_verdict_hdr.
var nfqnlVerdictHdr = decode.NewStruct("nfqnl_msg_verdict_hdr", "nfq.verdict",
	decode.Member{CName: "verdict", Kind: decode.KindU32, BigEndian: true, Enum: nfVerdictEnum},
	decode.Member{CName: "id", Kind: decode.KindU32, BigEndian: true},
)

var vlanAttrsQueue = decode.NewAttrSet("NFQA_VLAN", "nfq.vlan",
	withEnum(be16("NFQA_VLAN_PROTO"), ethProtoEnum), be16("NFQA_VLAN_TCI"))

// nfqAttrs is the NFQA_* set of packets and verdicts.
var nfqAttrs = decode.NewAttrSet("NFQA", "nfq",
	strct("NFQA_PACKET_HDR", nfqnlPacketHdr),
	strct("NFQA_VERDICT_HDR", nfqnlVerdictHdr),
	hex32("NFQA_MARK"),
	strct("NFQA_TIMESTAMP", nfulnlTimestamp),
	be32("NFQA_IFINDEX_INDEV"),
	be32("NFQA_IFINDEX_OUTDEV"),
	be32("NFQA_IFINDEX_PHYSINDEV"),
	be32("NFQA_IFINDEX_PHYSOUTDEV"),
	strct("NFQA_HWADDR", nfulnlHwaddr),
	withDesc(bin("NFQA_PAYLOAD"), "The packet, from its network header (or its replacement in a verdict)."),
	nest("NFQA_CT", ctAttrs),
	withEnum(be32("NFQA_CT_INFO"), ctInfoEnum),
	withUnit(be32("NFQA_CAP_LEN"), "bytes"),
	withFlags(be32("NFQA_SKB_INFO"), nfqSkbFlags),
	nest("NFQA_EXP", expAttrs),
	be32("NFQA_UID"),
	be32("NFQA_GID"),
	str("NFQA_SECCTX"),
	nest("NFQA_VLAN", vlanAttrsQueue),
	bin("NFQA_L2HDR"),
	be32("NFQA_PRIORITY"),
	be32("NFQA_CGROUP_CLASSID"),
)

// nfqnlCfgCmd is struct nfqnl_msg_config_cmd.
var nfqnlCfgCmd = decode.NewStruct("nfqnl_msg_config_cmd", "nfq.cfg.cmd",
	decode.Member{CName: "command", Kind: decode.KindU8, Enum: nfqCmdEnum},
	decode.Member{Kind: decode.KindPad, Size: 1},
	decode.Member{CName: "pf", Kind: decode.KindU16, BigEndian: true, Desc: "Address family of a PF_(UN)BIND command."},
)

// nfqnlCfgParams is struct nfqnl_msg_config_params (packed: 5 bytes).
var nfqnlCfgParams = decode.NewStruct("nfqnl_msg_config_params", "nfq.cfg.params",
	decode.Member{CName: "copy_range", Kind: decode.KindU32, BigEndian: true, Unit: "bytes"},
	decode.Member{CName: "copy_mode", Kind: decode.KindU8, Enum: nfqCopyEnum},
)

// nfqCfgAttrs is the NFQA_CFG_* set of NFQNL_MSG_CONFIG.
var nfqCfgAttrs = decode.NewAttrSet("NFQA_CFG", "nfq.cfg",
	strct("NFQA_CFG_CMD", nfqnlCfgCmd),
	strct("NFQA_CFG_PARAMS", nfqnlCfgParams),
	be32("NFQA_CFG_QUEUE_MAXLEN"),
	withFlags(be32("NFQA_CFG_MASK"), nfqCfgFlags),
	withFlags(be32("NFQA_CFG_FLAGS"), nfqCfgFlags),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_QUEUE, "NFQNL_MSG_", nil, func(name string) *decode.AttrSet {
		if name == "NFQNL_MSG_CONFIG" {
			return nfqCfgAttrs
		}
		return nfqAttrs
	}, nfqueueSummary)
}
