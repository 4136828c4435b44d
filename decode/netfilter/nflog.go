package netfilter

// nfnetlink_log (include/uapi/linux/netfilter/nfnetlink_log.h), subsystem
// NFNL_SUBSYS_ULOG: logged packets (NFULNL_MSG_PACKET, kernel to the group's
// listener) and the listener's configuration (NFULNL_MSG_CONFIG). res_id is the
// log group (nft 'log group 5', tcpdump -i nflog:5).
//
//	NFULA_PACKET_HDR  struct nfulnl_msg_packet_hdr { be16 hw_protocol; u8 hook; u8 pad }
//	NFULA_MARK be32   NFULA_TIMESTAMP struct { be64 sec; be64 usec }
//	NFULA_IFINDEX_* be32   NFULA_HWADDR struct { be16 hw_addrlen; u16 pad; u8 hw_addr[8] }
//	NFULA_PAYLOAD     the packet from its network header
//	NFULA_PREFIX      string (nft 'log prefix')
//	NFULA_UID/GID/SEQ/SEQ_GLOBAL be32  NFULA_HWTYPE/HWLEN be16  NFULA_CT nested CTA_*
//
//	NFULA_CFG_CMD     struct nfulnl_msg_config_cmd { u8 command }
//	NFULA_CFG_MODE    struct nfulnl_msg_config_mode { be32 copy_range; u8 copy_mode; u8 pad }
//	NFULA_CFG_NLBUFSIZ/TIMEOUT/QTHRESH be32   NFULA_CFG_FLAGS be16

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var (
	ethProtoEnum = decode.NewEnum("ethertype", "ETH_P_", map[uint64]string{
		unix.ETH_P_IP: "ETH_P_IP", unix.ETH_P_IPV6: "ETH_P_IPV6", unix.ETH_P_ARP: "ETH_P_ARP",
		unix.ETH_P_8021Q: "ETH_P_8021Q", unix.ETH_P_8021AD: "ETH_P_8021AD",
	})
	ulogCmdEnum  = enumOf("nfulnl_msg_config_cmds", "NFULNL_CFG_CMD_")
	ulogCopyEnum = enumOf("nfulnl_copy_mode", "NFULNL_COPY_")
	ulogCfgFlags = flagsByPrefix("nfulnl_cfg_flags", "NFULNL_CFG_F_")
	ctInfoEnum   = enumOf("ip_conntrack_info", "IP_CT_", "IP_CT_TCP_", "IP_CT_EXP_", "IP_CT_DIR_", "IP_CT_NUMBER", "IP_CT_IS_REPLY")
)

// hookMember is the hook number of a logged or queued packet (NF_INET_* for ip,
// ip6 and inet).
func hookMember() decode.Member {
	return decode.Member{CName: "hook", Kind: decode.KindU8, Enum: inetHookEnum, Desc: "Netfilter hook the packet was seen at."}
}

// nfulnlPacketHdr is struct nfulnl_msg_packet_hdr.
var nfulnlPacketHdr = decode.NewStruct("nfulnl_msg_packet_hdr", "nflog.hdr",
	decode.Member{CName: "hw_protocol", Kind: decode.KindU16, BigEndian: true, Display: decode.DisplayHex, Enum: ethProtoEnum, Desc: "Link-layer protocol (ETH_P_*)."},
	hookMember(),
	decode.Member{Kind: decode.KindPad, Size: 1},
)

// nfulnlTimestamp is struct nfulnl_msg_packet_timestamp (also nfqnl's).
var nfulnlTimestamp = decode.NewStruct("nfulnl_msg_packet_timestamp", "nflog.timestamp",
	decode.Member{CName: "sec", Kind: decode.KindU64, BigEndian: true, Unit: "s"},
	decode.Member{CName: "usec", Kind: decode.KindU64, BigEndian: true, Unit: "us"},
)

// nfulnlHwaddr is struct nfulnl_msg_packet_hw (also nfqnl's).
var nfulnlHwaddr = decode.NewStruct("nfulnl_msg_packet_hw", "nflog.hw",
	decode.Member{CName: "hw_addrlen", Kind: decode.KindU16, BigEndian: true},
	decode.Member{Kind: decode.KindPad, Size: 2},
	decode.Member{CName: "hw_addr", Kind: decode.KindBinary, Size: 8},
)

var vlanAttrsLog = decode.NewAttrSet("NFULA_VLAN", "nflog.vlan",
	withEnum(be16("NFULA_VLAN_PROTO"), ethProtoEnum), be16("NFULA_VLAN_TCI"))

// nflogAttrs is the NFULA_* set of NFULNL_MSG_PACKET.
var nflogAttrs = decode.NewAttrSet("NFULA", "nflog",
	strct("NFULA_PACKET_HDR", nfulnlPacketHdr),
	hex32("NFULA_MARK"),
	strct("NFULA_TIMESTAMP", nfulnlTimestamp),
	be32("NFULA_IFINDEX_INDEV"),
	be32("NFULA_IFINDEX_OUTDEV"),
	be32("NFULA_IFINDEX_PHYSINDEV"),
	be32("NFULA_IFINDEX_PHYSOUTDEV"),
	strct("NFULA_HWADDR", nfulnlHwaddr),
	withDesc(bin("NFULA_PAYLOAD"), "The packet, from its network header."),
	withDesc(str("NFULA_PREFIX"), "Log prefix of the rule that logged the packet."),
	be32("NFULA_UID"),
	be32("NFULA_SEQ"),
	be32("NFULA_SEQ_GLOBAL"),
	be32("NFULA_GID"),
	withDesc(be16("NFULA_HWTYPE"), "Link type (ARPHRD_*)."),
	bin("NFULA_HWHEADER"),
	withUnit(be16("NFULA_HWLEN"), "bytes"),
	nest("NFULA_CT", ctAttrs),
	withEnum(be32("NFULA_CT_INFO"), ctInfoEnum),
	nest("NFULA_VLAN", vlanAttrsLog),
	bin("NFULA_L2HDR"),
)

// nfulnlCfgCmd is struct nfulnl_msg_config_cmd.
var nfulnlCfgCmd = decode.NewStruct("nfulnl_msg_config_cmd", "nflog.cfg.cmd",
	decode.Member{CName: "command", Kind: decode.KindU8, Enum: ulogCmdEnum},
)

// nfulnlCfgMode is struct nfulnl_msg_config_mode.
var nfulnlCfgMode = decode.NewStruct("nfulnl_msg_config_mode", "nflog.cfg.mode",
	decode.Member{CName: "copy_range", Kind: decode.KindU32, BigEndian: true, Unit: "bytes"},
	decode.Member{CName: "copy_mode", Kind: decode.KindU8, Enum: ulogCopyEnum},
	decode.Member{Kind: decode.KindPad, Size: 1},
)

// nflogCfgAttrs is the NFULA_CFG_* set of NFULNL_MSG_CONFIG.
var nflogCfgAttrs = decode.NewAttrSet("NFULA_CFG", "nflog.cfg",
	strct("NFULA_CFG_CMD", nfulnlCfgCmd),
	strct("NFULA_CFG_MODE", nfulnlCfgMode),
	withUnit(be32("NFULA_CFG_NLBUFSIZ"), "bytes"),
	withUnit(be32("NFULA_CFG_TIMEOUT"), "cs"),
	be32("NFULA_CFG_QTHRESH"),
	withFlags(be16("NFULA_CFG_FLAGS"), ulogCfgFlags),
)

func init() {
	addSubsystem(unix.NFNL_SUBSYS_ULOG, "NFULNL_MSG_", nil, func(name string) *decode.AttrSet {
		if name == "NFULNL_MSG_CONFIG" {
			return nflogCfgAttrs
		}
		return nflogAttrs
	}, nflogSummary)
}
